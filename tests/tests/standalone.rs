//! `generated/` is the crate users vendor: it must build with nothing from this repository. It is
//! copied to a temporary folder outside the repository, made a workspace of its own (so cargo
//! does not look upward for one) and checked there offline: a path dependency, an `include_str!`
//! or a `#[path]` reaching back into the repository fails the check.
//!
//! Cost: the check runs in `target/standalone/`, a target folder of its own (the outer `cargo
//! test` holds the workspace's build lock). Cold, it checks the crate's ~150 dependencies (about
//! 80 s on 2 cores, measured); warm, only the copied crate (a few seconds).

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use generator::targets::TARGETS;
use generator::RuntimeSource;
use integration_tests::repo_root;

/// Copies the files under `from` to `to`, folders included.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn generated_crate_builds_outside_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("atlas-admin");
    copy_tree(&repo_root().join("generated"), &krate);
    let manifest_path = krate.join("Cargo.toml");
    let manifest = std::fs::read_to_string(&manifest_path).unwrap();
    std::fs::write(&manifest_path, format!("{manifest}\n[workspace]\n")).unwrap();
    // The workspace's lock pins the versions the repository is tested with, and lets `--offline`
    // find every one of them already fetched.
    std::fs::copy(repo_root().join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();

    let started = Instant::now();
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", repo_root().join("target/standalone"))
        .args(["check", "--offline", "--all-targets", "--quiet"])
        .output()
        .expect("cargo starts");
    println!(
        "generated/ checked alone in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        output.status.success(),
        "generated/ does not build outside the repository:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The mock server is a dependency only with the `mock` feature: a normal build pays nothing.
    let tree = |features: &[&str]| {
        let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(&krate)
            .args(["tree", "--offline", "--edges", "normal", "--prefix", "none"])
            .args(features)
            .output()
            .expect("cargo starts");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let plain = tree(&[]);
    assert!(plain.contains("reqwest v"), "{plain}");
    assert!(
        !plain.contains("wiremock"),
        "wiremock without the mock feature:\n{plain}"
    );
    assert!(tree(&["--features", "mock"]).contains("wiremock v"));
}

/// The fixture clients depend on the runtime crate: a copy under `src/runtime/` would be a
/// second, untested runtime (and a stale one, since `cargo xtask codegen` no longer writes it).
#[test]
fn fixture_clients_carry_no_runtime_copy() {
    let clients = repo_root().join("tests/clients");
    let mut checked = 0;
    for entry in std::fs::read_dir(&clients).unwrap() {
        let copy = entry.unwrap().path().join("src/runtime");
        assert!(!copy.exists(), "{} should not exist", copy.display());
        checked += 1;
    }
    assert!(checked > 0, "no fixture client under {}", clients.display());
    for target in TARGETS
        .iter()
        .filter(|t| t.out.starts_with("tests/clients/"))
    {
        assert!(
            matches!(target.runtime, RuntimeSource::Path(_)),
            "{} should depend on the runtime crate",
            target.out
        );
    }
}
