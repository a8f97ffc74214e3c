//! Crates generated in memory and compared file by file: which files a regeneration writes.

use std::collections::{BTreeMap, BTreeSet};

/// A generated crate's files: path → contents.
pub type Files = BTreeMap<String, String>;

/// The files of a crate generated in memory from spec text, by path: what `cargo xtask codegen`
/// would write, without writing anything.
pub fn generate_files(text: &str) -> Files {
    let config = generator::EmitConfig {
        crate_name: "regenerated".into(),
        crate_version: "0.1.0".into(),
        spec_label: "spec.yaml".into(),
        spec_sha256: generator::sha256_hex(text.as_bytes()),
        runtime: generator::emit::RuntimeSource::Copied,
    };
    let generation = generator::generate(text, &config).unwrap_or_else(|e| panic!("{e}"));
    generation
        .files
        .into_iter()
        .map(|f| (f.path, f.contents))
        .collect()
}

/// The paths a regeneration from `before` to `after` writes or deletes: changed, added and
/// removed files.
pub fn changed_paths(before: &Files, after: &Files) -> BTreeSet<String> {
    let paths = before.keys().chain(after.keys());
    paths
        .filter(|path| before.get(*path) != after.get(*path))
        .cloned()
        .collect()
}

/// The lines found in one text and not in the other. Sets, not a diff: a line that only moves is
/// no difference, which is what a reviewer skims past anyway.
pub fn differing_lines(before: &str, after: &str) -> BTreeSet<String> {
    let lines = |text: &str| text.lines().map(str::to_owned).collect::<BTreeSet<_>>();
    let (before, after) = (lines(before), lines(after));
    before.symmetric_difference(&after).cloned().collect()
}
