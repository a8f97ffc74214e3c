//! The change report on two real Atlas specs eight months apart (issue 22): the published spec
//! as the Atlas CLI had it on 2025-06-30 (`tests/fixtures/full-pair/`, where it comes from is in
//! its README) and the 2026-03-03 one of `../shared/specs`. Between them Atlas renamed
//! `operationId`s across the API (August 2025); a regeneration given the old crate's `API.md`
//! keeps every renamed method as a deprecated shim, so the report counts those renames as
//! additive, and the breaking list is what breaks callers. For reading, the whole report is
//! written to `target/full-spec-pair-report.md`, the one a regeneration without the old `API.md`
//! (no shims) gets to `target/full-spec-pair-report-without-shims.md`, and both `API.md`s beside
//! them. Three generations of the full spec: about 15 s in the test profile.
//!
//! Needs `../shared/specs`, which CI has; a fresh clone without it skips with a message.

use std::collections::BTreeSet;
use std::io::Read;
use std::time::Instant;

use generator::surface::{self, Change, Changes, Section, Severity};
use generator::EmitConfig;
use integration_tests::{fixture_path, full_spec_path, repo_root};

/// The older spec, gzip-compressed.
const OLD_SPEC: &str = "full-pair/atlas-admin-v2.2025-06-26.yaml.gz";

#[test]
fn the_report_on_the_full_spec_pair_breaks_only_what_breaks_callers() {
    let Some(new_spec) =
        full_spec_path("the_report_on_the_full_spec_pair_breaks_only_what_breaks_callers")
    else {
        return;
    };
    let old_text = gunzip(OLD_SPEC);
    let new_text = std::fs::read_to_string(&new_spec).unwrap();

    let old_api = api_md(&generate(&old_text, "atlas-admin-v2.2025-06-26.yaml", None));
    let with_shims = generate(&new_text, "atlas-admin-v2.2026-03-03.yaml", Some(&old_api));
    let without_shims = generate(&new_text, "atlas-admin-v2.2026-03-03.yaml", None);
    let changes = surface::changes_since(&old_api, &with_shims.surface).unwrap();
    let plain = surface::changes_since(&old_api, &without_shims.surface).unwrap();
    write_report("full-spec-pair-report.md", &changes);
    write_report("full-spec-pair-report-without-shims.md", &plain);
    write_target("full-spec-pair-old-API.md", &old_api);
    write_target("full-spec-pair-new-API.md", &api_md(&with_shims));
    for (label, changes) in [("with shims", &changes), ("without shims", &plain)] {
        println!(
            "{label}: {} breaking, {} additive, {} other",
            changes.count(Severity::Breaking),
            changes.count(Severity::Additive),
            changes.count(Severity::Other)
        );
    }

    // (a) The August 2025 renames: hundreds of methods, each kept under its old name.
    let shimmed_methods = changes
        .changes
        .iter()
        .filter(|c| c.section == Section::Methods && is_shimmed_rename(c))
        .count();
    println!("methods renamed with the old name kept: {shimmed_methods}");
    assert!(
        shimmed_methods >= 300,
        "expected hundreds of renamed methods kept as shims, got {shimmed_methods}"
    );

    // (b) Nothing kept as a shim is counted breaking: no breaking line renames or removes a
    // name the new crate keeps.
    let shims: BTreeSet<&str> = with_shims
        .surface
        .items(Section::Shims)
        .map(|(key, _)| key.owner.as_str())
        .collect();
    assert!(shims.len() >= shimmed_methods, "{} shims", shims.len());
    let breaking = changes
        .changes
        .iter()
        .filter(|c| c.severity == Severity::Breaking);
    for change in breaking {
        let gone = change.text.starts_with("renamed ") || change.text.starts_with("removed ");
        let name = change.text.split('`').nth(1).unwrap_or_default();
        assert!(
            !(gone && shims.contains(name)),
            "a name kept as a shim is reported breaking: {}",
            change.text
        );
    }
    // Without the old `API.md` (no shims, as the generator was before them) the same renames
    // are breaking: exactly those lines move from breaking to additive, and nothing else moves.
    let shimmed = changes
        .changes
        .iter()
        .filter(|c| is_shimmed_rename(c))
        .count();
    let moved = plain.count(Severity::Breaking) - changes.count(Severity::Breaking);
    println!("moved from breaking to additive: {moved}");
    assert_eq!(moved, shimmed);
    assert_eq!(
        changes.count(Severity::Additive) - plain.count(Severity::Additive),
        shimmed
    );
    assert_eq!(changes.count(Severity::Other), plain.count(Severity::Other));

    // (c) The 13 Data Lake Pipelines methods (API version 2023-01-01, the only one they have)
    // carry `x-sunset: 2025-09-30`, before the newest date the new spec states about its past
    // (its changelog reaches 2026-01-07): they are removed by sunset, kept and deprecated.
    let pipelines_withdrawn = changes
        .changes
        .iter()
        .filter(|c| c.text.contains("removed by sunset") && c.text.contains("pipeline"))
        .count();
    println!("Data Lake Pipelines methods removed by sunset: {pipelines_withdrawn}");
    assert_eq!(pipelines_withdrawn, 13, "{}", surface::report(&changes));
}

/// A change that renames an owner whose old name the new crate keeps.
fn is_shimmed_rename(change: &Change) -> bool {
    change.text.starts_with("renamed ") && change.text.ends_with("(old name kept, deprecated)")
}

fn generate(text: &str, label: &str, previous_api: Option<&str>) -> generator::Generation {
    let config = EmitConfig {
        crate_name: "atlas-admin-full".into(),
        crate_version: "0.1.0".into(),
        spec_label: label.into(),
        spec_sha256: generator::sha256_hex(text.as_bytes()),
        runtime: generator::RuntimeSource::Copied,
        previous_api: previous_api.map(str::to_owned),
        // Each side judged by its own dates: the new spec's changelog reaches 2026-01-07.
        as_of: None,
    };
    let started = Instant::now();
    let generation = generator::generate(text, &config).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "generated {label} ({}) in {:.1} s",
        if previous_api.is_some() {
            "with the old API.md"
        } else {
            "alone"
        },
        started.elapsed().as_secs_f64()
    );
    generation
}

fn api_md(generation: &generator::Generation) -> String {
    let file = generation
        .files
        .iter()
        .find(|f| f.path == surface::API_FILE);
    file.expect("every crate has an API.md").contents.clone()
}

fn gunzip(fixture: &str) -> String {
    let bytes = std::fs::read(fixture_path(fixture)).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn write_report(name: &str, changes: &Changes) {
    write_target(name, &surface::report(changes));
}

/// Writes a file under `target/` for reading, and says where.
fn write_target(name: &str, contents: &str) {
    let path = repo_root().join("target").join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, contents).unwrap();
    println!("wrote {}", path.display());
}
