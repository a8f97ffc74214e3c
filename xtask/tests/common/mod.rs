//! Helpers shared by the xtask's integration tests: running the real binary, scratch folders
//! and fixture paths.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the real `xtask` binary.
#[allow(dead_code)] // Each test binary compiles this module; not every one runs from here.
pub fn xtask(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    xtask_in(Path::new("."), &args)
}

/// Runs the real `xtask` binary from `cwd`, where relative paths among `args` start.
pub fn xtask_in(cwd: &Path, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap()
}

/// A fresh scratch folder for one test, under the target directory cargo gives tests.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A spec under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}
