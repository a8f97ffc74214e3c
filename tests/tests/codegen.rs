//! Generation end to end: the checked-in crates match what the specs produce (the same compare
//! function `cargo xtask codegen --check` uses), the check notices edits, and output is
//! deterministic. The emitted text is reviewed once, as the checked-in crates; the decisions
//! behind it are reviewed in the plan snapshots (`plan_snapshot.rs`).

use generator::sync::{stale_files, Stale};
use generator::targets::{Target, CRATE_VERSION, TARGETS};
use generator::{EmitConfig, GeneratedFile};
use integration_tests::repo_root;

/// The target generated into `out`.
fn target(out: &str) -> &'static Target {
    TARGETS
        .iter()
        .find(|t| t.out == out)
        .expect("a known target")
}

fn generate_text(target: &Target, text: &str) -> Vec<GeneratedFile> {
    let source = std::fs::read_to_string(repo_root().join(target.spec)).unwrap();
    let config = EmitConfig {
        crate_name: target.crate_name.into(),
        crate_version: CRATE_VERSION.into(),
        spec_label: target.spec.into(),
        spec_sha256: generator::sha256_hex(source.as_bytes()),
        runtime: target.runtime.clone(),
        // As `cargo xtask codegen` does: the checked-in crate is the one being replaced.
        previous_api: std::fs::read_to_string(repo_root().join(target.out).join("API.md")).ok(),
        as_of: target.as_of(),
    };
    let generation =
        generator::generate(text, &config).unwrap_or_else(|e| panic!("{}: {e}", target.spec));
    // The checked-in crates are generated from specs the client represents exactly.
    assert!(
        generation.warnings.0.is_empty(),
        "{}: {}",
        target.spec,
        generation.warnings
    );
    generation.files
}

fn generate(target: &Target) -> Vec<GeneratedFile> {
    let text = std::fs::read_to_string(repo_root().join(target.spec)).unwrap();
    generate_text(target, &text)
}

fn write_all(files: &[GeneratedFile], root: &std::path::Path) {
    for file in files {
        let path = root.join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &file.contents).unwrap();
    }
}

#[test]
fn checked_in_crates_match_their_specs() {
    for target in TARGETS {
        let stale = stale_files(&generate(target), &repo_root().join(target.out));
        assert!(
            stale.is_empty(),
            "{} is stale, run `cargo xtask codegen`: {stale:?}",
            target.out
        );
    }
}

#[test]
fn the_check_notices_edits_additions_and_deletions() {
    let files = generate(target("generated"));
    let dir = tempfile::tempdir().unwrap();
    write_all(&files, dir.path());
    assert!(stale_files(&files, dir.path()).is_empty());

    let types = dir.path().join("src/types/api.rs");
    let edited = std::fs::read_to_string(&types)
        .unwrap()
        .replace("pub struct ApiError", "pub struct ApiErr");
    std::fs::write(&types, edited).unwrap();
    std::fs::write(dir.path().join("src/extra.rs"), "// hand-written\n").unwrap();
    std::fs::remove_file(dir.path().join("src/params.rs")).unwrap();
    assert_eq!(
        stale_files(&files, dir.path()),
        [
            Stale::Extra("src/extra.rs".into()),
            Stale::Missing("src/params.rs".into()),
            Stale::Differs("src/types/api.rs".into()),
        ]
    );
}

#[test]
fn the_check_notices_a_spec_change() {
    let target = target("generated");
    let text = std::fs::read_to_string(repo_root().join(target.spec)).unwrap();
    let changed = text.replace(
        "summary: Return One Snapshot of One M2 or M5 Cluster",
        "summary: Renamed",
    );
    assert_ne!(text, changed);
    let stale = stale_files(
        &generate_text(target, &changed),
        &repo_root().join(target.out),
    );
    // The summary is the method's first doc line and the command's one-line help.
    assert_eq!(
        stale,
        [
            Stale::Differs("src/cli/shared_tier_snapshots.rs".into()),
            Stale::Differs("src/operations/shared_tier_snapshots.rs".into()),
        ]
    );
}

#[test]
fn output_is_deterministic_headed_and_names_its_spec_once() {
    for target in TARGETS {
        let first = generate(target);
        assert_eq!(first, generate(target), "{}", target.spec);
        for file in first
            .iter()
            .filter(|f| f.path.ends_with(".rs") || f.path.ends_with(".toml"))
        {
            let first_line = file.contents.lines().next().unwrap();
            assert!(
                first_line.contains("@generated"),
                "{}: {first_line}",
                file.path
            );
        }
        // Provenance is in one place, the manifest; every other file names none, so a new spec
        // changes only the files whose code changes.
        let source = std::fs::read_to_string(repo_root().join(target.spec)).unwrap();
        let sha = generator::sha256_hex(source.as_bytes());
        let manifest = first.iter().find(|f| f.path == "Cargo.toml").unwrap();
        let metadata = format!(
            "[package.metadata.atlas-codegen]\ngenerator-version = \"{}\"\nspec = \"{}\"\nspec-sha256 = \"{sha}\"\n",
            generator::GENERATOR_VERSION,
            target.spec
        );
        assert!(
            manifest.contents.contains(&metadata),
            "{}",
            manifest.contents
        );
        for file in first.iter().filter(|f| f.path != "Cargo.toml") {
            assert!(
                !file.contents.contains(&sha),
                "{} names the spec's hash",
                file.path
            );
            assert!(
                !file.contents.contains(target.spec),
                "{} names the spec",
                file.path
            );
        }
    }
}
