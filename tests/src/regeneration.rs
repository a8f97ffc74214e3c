//! Crates generated in memory and compared file by file: which files a regeneration writes,
//! and which top-level items in them differ, with their `#[cfg]` gates apart so that a reviewer
//! can tell "this item changed" from "this item's features changed".

use std::collections::{BTreeMap, BTreeSet};

/// A generated crate's files: path → contents.
pub type Files = BTreeMap<String, String>;

/// The files of a crate generated in memory from spec text, by path: what `cargo xtask codegen`
/// would write, without writing anything.
pub fn generate_files(text: &str) -> Files {
    generate_files_after(text, None)
}

/// The same, replacing the crate whose `API.md` is `previous_api`, as `cargo xtask codegen` does
/// (its renamed names kept as shims, its plain methods on their versions).
pub fn generate_files_after(text: &str, previous_api: Option<&str>) -> Files {
    let config = generator::EmitConfig {
        crate_name: "regenerated".into(),
        crate_version: "0.1.0".into(),
        spec_label: "spec.yaml".into(),
        spec_sha256: generator::sha256_hex(text.as_bytes()),
        runtime: generator::emit::RuntimeSource::Copied,
        previous_api: previous_api.map(str::to_owned),
        as_of: None,
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

/// The features named by an item's `#[cfg]` attributes (its own and its members').
pub type Features = BTreeSet<String>;

/// The top-level items of one generated file that a regeneration changes. An item is a run of
/// lines from one that starts at column 0 after a blank line to the next such line: the item
/// with its docs and attributes, the way prettyplease lays out every generated file. Each model
/// of a `models!` call is an item, gated as the call.
#[derive(Debug, Default)]
pub struct ItemDiff {
    /// Items only in the old file (their text without `#[cfg]`s, and their features).
    pub removed: Vec<(String, Features)>,
    /// Items only in the new file.
    pub added: Vec<(String, Features)>,
    /// Items whose text is the same but whose `#[cfg]` features differ: (text, old, new).
    pub regated: Vec<(String, Features, Features)>,
}

/// Compares two versions of a file item by item (a missing file is an empty one).
pub fn item_diff(before: &str, after: &str) -> ItemDiff {
    let (before, after) = (items(before), items(after));
    let mut diff = ItemDiff::default();
    for text in before.keys().chain(after.keys()).collect::<BTreeSet<_>>() {
        let old = before.get(text).map(Vec::as_slice).unwrap_or_default();
        let new = after.get(text).map(Vec::as_slice).unwrap_or_default();
        if old.len() != new.len() {
            diff.removed
                .extend(old.iter().map(|f| (text.clone(), f.clone())));
            diff.added
                .extend(new.iter().map(|f| (text.clone(), f.clone())));
            continue;
        }
        for (old, new) in old.iter().zip(new).filter(|(old, new)| old != new) {
            diff.regated.push((text.clone(), old.clone(), new.clone()));
        }
    }
    diff
}

/// A file's items by their text without `#[cfg]` attributes, each with the features of every
/// copy of it in the file (`use` items can repeat under different gates).
fn items(file: &str) -> BTreeMap<String, Vec<Features>> {
    let mut items: BTreeMap<String, Vec<Features>> = BTreeMap::new();
    let mut push = |text: &mut String, features: &mut Features| {
        if !text.is_empty() {
            let text = std::mem::take(text);
            items
                .entry(text)
                .or_default()
                .push(std::mem::take(features));
        }
    };
    let (mut text, mut features) = (String::new(), Features::new());
    let (mut previous_blank, mut in_cfg) = (true, false);
    // Inside a `models!` call, the features of its `#[cfg]`: each model in it is an item of its
    // own under them, as if it were declared alone (the call only saves repeating the gate).
    let mut group: Option<Features> = None;
    for line in file.lines() {
        if line == "crate::runtime::models! {" && text.is_empty() {
            group = Some(std::mem::take(&mut features));
            previous_blank = true;
            continue;
        }
        let line = match &group {
            Some(_) if line == "}" => {
                push(&mut text, &mut features);
                group = None;
                continue;
            }
            Some(_) => line.strip_prefix("    ").unwrap_or(line),
            None => line,
        };
        let starts_item = previous_blank && !line.is_empty() && !line.starts_with(' ');
        previous_blank = line.is_empty();
        if starts_item {
            push(&mut text, &mut features);
            if let Some(gate) = &group {
                features = gate.clone();
            }
        }
        let trimmed = line.trim();
        in_cfg = in_cfg || trimmed.starts_with("#[cfg(");
        if in_cfg {
            features.extend(features_named(trimmed));
            in_cfg = !trimmed.ends_with(")]");
        } else if !line.is_empty() {
            text.push_str(line);
            text.push('\n');
        }
    }
    push(&mut text, &mut features);
    items
}

/// The `feature = "..."` names in a line of a `#[cfg]` attribute.
fn features_named(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split("feature = \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
}

/// Whether an item is bookkeeping: a file's opening comments and attributes, a `use` or a `mod`
/// declaration, or
/// a tag's list of its methods for the mock (`ROUTES`), which lists each one by name.
pub fn is_bookkeeping(item: &str) -> bool {
    let code = item
        .lines()
        .map(str::trim)
        .find(|line| !["//", "#[", "#!["].iter().any(|a| line.starts_with(a)));
    code.is_none_or(|line| {
        [
            "use ",
            "pub use ",
            "mod ",
            "pub mod ",
            "pub(super) const ROUTES:",
            // The command line's list of a tag's commands, each an item of its own.
            "pub(super) static TAG:",
            "static TAGS:",
        ]
        .iter()
        .any(|start| line.starts_with(start))
    })
}

/// Whether an item's text names one of `names` as a whole identifier.
pub fn mentions(item: &str, names: &[&str]) -> bool {
    item.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| names.contains(&word))
}
