//! The whole Atlas Administration API: the raw published spec (no edits) generates a client that
//! passes clippy and rustdoc with warnings denied, with every feature on (`mock` included). Needs
//! `../shared/specs`, which CI has; a fresh clone without it skips with a message. Its warnings
//! are pinned by kind and count.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use generator::{EmitConfig, Loss, Problem};
use integration_tests::{full_spec_path, repo_root, write_standalone_crate};

#[test]
fn the_full_spec_generates_a_client_that_clippy_and_rustdoc_accept() {
    let Some(spec) =
        full_spec_path("the_full_spec_generates_a_client_that_clippy_and_rustdoc_accept")
    else {
        return;
    };
    let text = std::fs::read_to_string(&spec).unwrap();
    let files = generator::generate(&text, &config(&text))
        .unwrap_or_else(|e| panic!("{e}"))
        .files;
    let operations = files
        .iter()
        .filter(|f| f.path.starts_with("src/operations/"))
        .count();
    assert!(
        operations > 40,
        "one module per tag, got {operations} files"
    );

    // Outside the workspace's own target folder: the outer `cargo test` holds its lock.
    let root = repo_root().join("target/full-spec");
    let crate_dir = root.join("client");
    // Standalone (not a member of this workspace), with this workspace's lock file so the
    // dependency versions are the ones already fetched and built.
    write_standalone_crate(&crate_dir, &files);

    let status = cargo(&crate_dir, &root.join("target"))
        .args([
            "clippy",
            "--offline",
            "--all-features",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ])
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "clippy rejected the full-spec client in {}",
        crate_dir.display()
    );
    // Every doc link resolves and every doc comment is well-formed, the mock module's included.
    let status = cargo(&crate_dir, &root.join("target"))
        .env("RUSTDOCFLAGS", "-D warnings")
        .args(["doc", "--offline", "--all-features", "--no-deps", "--quiet"])
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "rustdoc rejected the full-spec client in {}",
        crate_dir.display()
    );
    the_command_line_lists_every_tag(&crate_dir, &root.join("target"), &files);
}

/// Builds the full API's command line (the `cli` feature) and reads its `--help`: every tag's
/// command is there. Prints the build time and the binary's size (docs/PERFORMANCE.md).
fn the_command_line_lists_every_tag(
    crate_dir: &Path,
    target: &Path,
    files: &[generator::GeneratedFile],
) {
    let started = std::time::Instant::now();
    let status = cargo(crate_dir, target)
        .args([
            "build",
            "--offline",
            "--quiet",
            "--features",
            "cli",
            "--bin",
            "atlas-admin-full",
        ])
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "the full-spec command line does not build"
    );
    let binary = target.join("debug/atlas-admin-full");
    let size = std::fs::metadata(&binary).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "full-spec command line: built in {:.0} s, {} MiB (debug)",
        started.elapsed().as_secs_f64(),
        size >> 20
    );
    let help = Command::new(&binary)
        .arg("--help")
        .output()
        .expect("the binary runs");
    assert!(help.status.success());
    let help = String::from_utf8_lossy(&help.stdout);
    let tags: Vec<&str> = files
        .iter()
        .filter_map(|f| f.path.strip_prefix("src/cli/")?.strip_suffix(".rs"))
        .filter(|module| *module != "mod")
        .collect();
    assert!(tags.len() > 40, "{tags:?}");
    let commands: Vec<String> = files
        .iter()
        .filter(|f| f.path.starts_with("src/cli/") && !f.path.ends_with("mod.rs"))
        .filter_map(|f| {
            let at = f.contents.find("name: \"")? + "name: \"".len();
            Some(f.contents[at..].split('"').next()?.to_owned())
        })
        .collect();
    assert_eq!(commands.len(), tags.len());
    for command in &commands {
        assert!(
            help.lines()
                .any(|line| line.trim_start().starts_with(command.as_str())),
            "`--help` does not list {command}:\n{help}"
        );
    }
}

/// What the full spec warns about, by kind, with the count: a new loss (a construct Atlas starts
/// using that the client cannot represent) fails here until it is handled or listed in the README
/// ("What the generator warns about") and counted below.
#[test]
fn the_full_spec_warns_about_exactly_the_known_losses() {
    let Some(spec) = full_spec_path("the_full_spec_warns_about_exactly_the_known_losses") else {
        return;
    };
    let text = std::fs::read_to_string(&spec).unwrap();
    let warnings = generator::generate(&text, &config(&text))
        .unwrap_or_else(|e| panic!("{e}"))
        .warnings;
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for warning in &warnings.0 {
        let Problem::NotRepresented { kind, .. } = warning.problem.as_ref() else {
            panic!("a warning without a kind: {warning}");
        };
        *by_kind.entry(kind.label()).or_default() += 1;
    }
    let expected = BTreeMap::from([
        (Loss::UncheckedPattern.label(), 53),
        (Loss::RelaxedValidation.label(), 3),
        (Loss::UntypedProperty.label(), 3),
    ]);
    assert_eq!(by_kind, expected, "{warnings}");
}

fn config(text: &str) -> EmitConfig {
    EmitConfig {
        crate_name: "atlas-admin-full".into(),
        crate_version: "0.1.0".into(),
        spec_label: "atlas-admin-v2.2026-03-03.yaml".into(),
        spec_sha256: generator::sha256_hex(text.as_bytes()),
        runtime: generator::RuntimeSource::Copied,
        previous_api: None,
        as_of: None,
    }
}

fn cargo(dir: &Path, target: &Path) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(dir).env("CARGO_TARGET_DIR", target);
    command
}
