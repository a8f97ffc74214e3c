//! The change report of a regeneration, one pair of small specs per kind of change
//! (`tests/fixtures/changes/<case>/{old,new}.yaml`): both are generated in memory, and the report
//! is computed the way `cargo xtask codegen` computes it, from the old crate's `API.md` text to
//! the new surface. Each report is a reviewed snapshot.

use generator::surface::{changes_since, report, API_FILE};
use generator::surface::{parse, render, surface_of};
use generator::targets::{CRATE_VERSION, TARGETS};
use generator::{EmitConfig, Generation, RuntimeSource};
use integration_tests::{full_spec_path, repo_root};

fn generate(path: &std::path::Path) -> Generation {
    generate_after(path, None)
}

/// A generation replacing the crate whose `API.md` is `previous`, as `cargo xtask codegen` does.
fn generate_after(path: &std::path::Path, previous: Option<&str>) -> Generation {
    let text = std::fs::read_to_string(path).unwrap();
    let config = EmitConfig {
        crate_name: "fixture-changes".into(),
        crate_version: CRATE_VERSION.into(),
        spec_label: "changes".into(),
        spec_sha256: generator::sha256_hex(text.as_bytes()),
        runtime: RuntimeSource::Copied,
        previous_api: previous.map(str::to_owned),
        as_of: None,
    };
    generator::generate(&text, &config).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn api_md(generation: &Generation) -> &str {
    let file = generation.files.iter().find(|f| f.path == API_FILE);
    &file.expect("every crate has an API.md").contents
}

#[test]
fn change_reports() {
    let root = repo_root().join("tests/fixtures/changes");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 8, "the change fixtures are missing");
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let old = generate(&case.join("old.yaml"));
        let new = generate_after(&case.join("new.yaml"), Some(api_md(&old)));
        let changes = changes_since(api_md(&old), &new.surface).unwrap();
        insta::assert_snapshot!(name, report(&changes));
    }
}

#[test]
fn a_crate_compared_with_itself_has_no_changes() {
    let generation = generate(&repo_root().join("tests/fixtures/constructs.yaml"));
    let changes = changes_since(api_md(&generation), &generation.surface).unwrap();
    assert_eq!(report(&changes), "`fixture-changes`: no API changes\n");
}

/// `API.md` reads back to exactly the surface it was printed from, values with backquotes and
/// empty enum values included (so a report never shows a change that is only the printing).
fn assert_reads_back(spec: &std::path::Path) {
    let text = std::fs::read_to_string(spec).unwrap();
    let api = generator::lower::lower(&generator::load::load(&text).unwrap())
        .unwrap()
        .api;
    let built = surface_of(&generator::plan::plan(&api), "demo", CRATE_VERSION);
    assert_eq!(
        parse(&render(&built)).as_ref(),
        Ok(&built),
        "{}",
        spec.display()
    );
}

#[test]
fn api_md_reads_back_exactly() {
    for target in TARGETS {
        assert_reads_back(&repo_root().join(target.spec));
    }
    if let Some(full) = full_spec_path("api_md_reads_back_exactly (full spec)") {
        assert_reads_back(&full);
    }
}
