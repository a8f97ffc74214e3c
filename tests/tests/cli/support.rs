//! Running a generated binary: a clean environment (no `MONGODB_ATLAS_*` variables of the
//! machine, a config folder of its own), its exit code and output.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub const GROUP_ID: &str = "32b6e34b3d91647abb20e7b8";
pub const SNAPSHOT_ID: &str = "5f4007f327a3bd7b6f4103c5";

/// The Shared-Tier Snapshots command line.
pub const ATLAS_ADMIN: &str = env!("CARGO_BIN_EXE_atlas-admin-e2e");
/// The command line of the `constructs` fixture (pagination, gzip downloads).
pub const CONSTRUCTS: &str = env!("CARGO_BIN_EXE_constructs-e2e");

/// What one run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A run of `binary` with `args` and the environment `env` only (plus `PATH`), its config folder
/// an empty temporary one unless `env` sets `XDG_CONFIG_HOME`, `stdin` fed when given.
pub fn run(binary: &str, args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Run {
    let home = tempfile::tempdir().expect("temporary home");
    let mut command = Command::new(binary);
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(input)
            .expect("stdin written");
    }
    let output = child.wait_with_output().expect("the binary ends");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `run` for the Shared-Tier Snapshots binary pointed at `base_url`.
pub fn atlas(base_url: &str, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--base-url", base_url]);
    run(ATLAS_ADMIN, &all, &[], None)
}

/// Writes `text` to a file in `dir` and returns its path as text.
pub fn write_file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("file written");
    path.to_string_lossy().into_owned()
}

pub use integration_tests::snapshot_json;
