//! What a regeneration rewrites, file by file, so that its diff is reviewable (issue 11): each
//! change fixture pair (`tests/fixtures/changes/<case>/`) is generated in memory on both sides,
//! and the set of written or deleted files is stated per case; inside each changed `src/` file,
//! every top-level item that differs must belong to the items the spec change touches, or be a
//! `use`/`mod` line. Items whose only change is their `#[cfg]` gate are allowed (a type a new tag
//! starts to use changes only its gate). On the full spec, deleting one tag's operations must
//! touch only that tag's files, the module and feature lists, and the gates that named it.

use integration_tests::regeneration::{
    changed_paths, generate_files, generate_files_after, is_bookkeeping, item_diff, mentions, Files,
};
use integration_tests::{full_spec_path, repo_root};
use std::collections::BTreeSet;

/// One change fixture: the files its regeneration writes or deletes, and the Rust names of the
/// items the spec change touches (a differing item must mention one of them).
struct Case {
    name: &'static str,
    changed: &'static [&'static str],
    touched: &'static [&'static str],
}

/// The files of a change to the `Widget` types only. `Cargo.toml` is in every row: it records
/// the spec's sha256, so any edit of the spec rewrites it.
const WIDGET_TYPES: &[&str] = &["API.md", "Cargo.toml", "src/types/widget.rs"];
/// The files of a change to what the Widgets tag's operations send or return: their builders
/// and their mock stubs.
const WIDGET_OPERATIONS: &[&str] = &[
    "API.md",
    "Cargo.toml",
    "src/cli/widgets.rs",
    "src/mock/widgets.rs",
    "src/operations/widgets.rs",
];

/// The files a change of whether `getWidget`'s versions share one builder rewrites: the only
/// multi-version operation of the fixture, so the `versions` module of markers comes or goes.
const WIDGET_BUILDER_SHARING: &[&str] = &[
    "API.md",
    "Cargo.toml",
    "src/cli/widgets.rs",
    "src/lib.rs",
    "src/mock/widgets.rs",
    "src/operations/widgets.rs",
    "src/versions.rs",
];

/// The items such a change rewrites: the operation's builder and methods, its command, the
/// markers and the module.
const WIDGET_BUILDER_SHARING_TOUCHED: &[&str] = &[
    "get_widget",
    "get_widget_v2023_01_01",
    "GetWidget",
    "GetWidgetV2023_01_01",
    "GET_WIDGET_COMMAND",
    "V2023_01_01",
    "V2024_08_05",
    "versions",
];

const CASES: &[Case] = &[
    Case {
        name: "alternative-inserted",
        changed: WIDGET_TYPES,
        // The oneOf's enum gains a variant, and the new alternative is a new type.
        touched: &["WidgetEventType", "WidgetEventTypeHostEventTypes"],
    },
    Case {
        // The new schema `WidgetRequest` is only added: the derived request shape of `Widget`,
        // `request::Widget`, lives in its own module, and neither it nor the operation changes.
        // No operation uses the new schema: its file's `cfg` in the module list gains the
        // `unreferenced-schemas` feature.
        name: "derived-name-taken",
        changed: &[
            "API.md",
            "Cargo.toml",
            "src/types/mod.rs",
            "src/types/widget.rs",
        ],
        touched: &["WidgetRequest"],
    },
    Case {
        name: "enum-value-added",
        changed: WIDGET_TYPES,
        touched: &["WidgetState"],
    },
    Case {
        name: "enum-value-removed",
        changed: WIDGET_TYPES,
        touched: &["WidgetState"],
    },
    Case {
        name: "field-type-changed",
        changed: WIDGET_TYPES,
        touched: &["Widget"],
    },
    Case {
        name: "operation-added",
        changed: WIDGET_OPERATIONS,
        touched: &["create_widget", "CreateWidget"],
    },
    Case {
        name: "operation-removed",
        changed: WIDGET_OPERATIONS,
        touched: &["delete_widget", "DeleteWidget"],
    },
    Case {
        name: "operation-renamed",
        changed: WIDGET_OPERATIONS,
        touched: &[
            "get_widget",
            "get_widget_v2023_01_01",
            "GetWidget",
            "GetWidgetV2023_01_01",
            "get_one_widget",
            "get_one_widget_v2023_01_01",
            "GetOneWidget",
            "GetOneWidgetV2023_01_01",
        ],
    },
    Case {
        name: "required-parameter-added",
        changed: WIDGET_OPERATIONS,
        touched: &["list_widgets", "ListWidgets"],
    },
    Case {
        name: "second-tag-uses-type",
        changed: &[
            "API.md",
            "Cargo.toml",
            "src/cli/gadgets.rs",
            "src/mock/gadgets.rs",
            "src/cli/mod.rs",
            "src/mock/mod.rs",
            "src/operations/gadgets.rs",
            "src/operations/mod.rs",
            "src/types/mod.rs",
            "src/types/widget.rs",
        ],
        touched: &["get_gadget_widget", "GetGadgetWidget"],
    },
    Case {
        name: "type-renamed",
        changed: &[
            "API.md",
            "Cargo.toml",
            "src/mock/widgets.rs",
            "src/operations/widgets.rs",
            "src/types/gadget.rs",
            "src/types/mod.rs",
            "src/types/widget.rs",
        ],
        touched: &["Widget", "Gadget"],
    },
    Case {
        // Only a summary changes: the method's doc comment, and no item of API.md.
        name: "unchanged",
        // The summary is the method's first doc line and the command's one-line help.
        changed: &[
            "Cargo.toml",
            "src/cli/widgets.rs",
            "src/operations/widgets.rs",
        ],
        touched: &["list_widgets"],
    },
    Case {
        name: "variant-renamed",
        changed: &[
            "API.md",
            "Cargo.toml",
            "src/types/circle.rs",
            "src/types/mod.rs",
            "src/types/round.rs",
            "src/types/shape.rs",
        ],
        touched: &["Circle", "Round", "Shape"],
    },
    Case {
        name: "version-removed",
        // With one version left, the operation's builder is no longer shared: the builder and
        // its default method lose the version marker, and with the last shared builder gone,
        // so does the `versions` module of markers.
        changed: WIDGET_BUILDER_SHARING,
        // The command of the operation loses the version from its list.
        touched: WIDGET_BUILDER_SHARING_TOUCHED,
    },
    Case {
        // The reverse of `version-removed`: the older version comes back as a method.
        name: "versions-backfilled",
        // The operation's versions share a builder again, and the markers are back.
        changed: WIDGET_BUILDER_SHARING,
        touched: WIDGET_BUILDER_SHARING_TOUCHED,
    },
    Case {
        // Answers' fields are all optional and `new` of an answer takes none: the type alone.
        name: "answer-field-added",
        changed: WIDGET_TYPES,
        touched: &["Widget"],
    },
    Case {
        // Nothing in the Rust API changes: only `Cargo.toml`, which records the spec's hash.
        name: "answer-field-required",
        changed: &["Cargo.toml"],
        touched: &[],
    },
    Case {
        name: "field-renamed",
        changed: WIDGET_TYPES,
        touched: &["Widget"],
    },
    Case {
        // The plain method keeps its version: the new one is a method, a builder and a stub of
        // its own, and its answer a new type.
        name: "version-added",
        // Its versions now share one builder (`GetWidget` gains a defaulted marker parameter,
        // so `GetWidget<'_>` still names the same request), and the markers' module appears.
        changed: &[
            "API.md",
            "Cargo.toml",
            "src/cli/widgets.rs",
            "src/lib.rs",
            "src/mock/widgets.rs",
            "src/operations/widgets.rs",
            // `WidgetV2` lives with `Widget`: a type's file follows its name.
            "src/types/widget.rs",
            "src/versions.rs",
        ],
        touched: &[
            "get_widget",
            "get_widget_v2025_03_12",
            "GetWidget",
            "GetWidgetV2025_03_12",
            "GET_WIDGET_COMMAND",
            "WidgetV2",
            "versions",
            "V2023_01_01",
            "V2025_03_12",
        ],
    },
    Case {
        // The withdrawn version's deprecation says that calls fail, in the docs and the help.
        name: "version-sunset-passed",
        changed: &[
            "API.md",
            "Cargo.toml",
            "src/cli/widgets.rs",
            "src/operations/widgets.rs",
        ],
        touched: &["get_widget_v2023_01_01"],
    },
    Case {
        // A sunset date is in the builder's docs and deprecation, not in what the stub matches.
        name: "version-sunset-added",
        // The sunset is a deprecation on the method and a note in the command's help.
        changed: &[
            "API.md",
            "Cargo.toml",
            "src/cli/widgets.rs",
            "src/operations/widgets.rs",
        ],
        touched: &["get_widget_v2023_01_01"],
    },
];

/// One side of a case; the new side replaces the old one's crate, as `cargo xtask codegen` does.
fn generate_side(case: &str, side: &str, previous: Option<&Files>) -> Files {
    let path = repo_root().join(format!("tests/fixtures/changes/{case}/{side}.yaml"));
    let previous_api = previous.and_then(|files| files.get("API.md"));
    generate_files_after(
        &std::fs::read_to_string(&path).unwrap(),
        previous_api.map(String::as_str),
    )
}

fn contents<'a>(files: &'a Files, path: &str) -> &'a str {
    files.get(path).map(String::as_str).unwrap_or_default()
}

#[test]
fn every_change_fixture_has_a_row() {
    let root = repo_root().join("tests/fixtures/changes");
    let on_disk: BTreeSet<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let in_table: BTreeSet<String> = CASES.iter().map(|c| c.name.to_owned()).collect();
    assert_eq!(on_disk, in_table);
}

#[test]
fn a_change_rewrites_only_the_files_and_items_it_touches() {
    let mut unrelated = Vec::new();
    for case in CASES {
        let old = generate_side(case.name, "old", None);
        let new = generate_side(case.name, "new", Some(&old));
        let changed = changed_paths(&old, &new);
        let expected: BTreeSet<String> = case.changed.iter().map(|p| p.to_string()).collect();
        assert_eq!(changed, expected, "{}: changed files", case.name);
        for path in changed.iter().filter(|p| p.starts_with("src/")) {
            let diff = item_diff(contents(&old, path), contents(&new, path));
            for (item, _) in diff.removed.iter().chain(&diff.added) {
                if !is_bookkeeping(item) && !mentions(item, case.touched) {
                    unrelated.push(format!("{}: {path}:\n{item}", case.name));
                }
            }
        }
    }
    assert!(
        unrelated.is_empty(),
        "items the spec change does not touch differ:\n{}",
        unrelated.join("\n")
    );
}

/// The full spec without the operations tagged `tag` (a path left with no operation goes too),
/// printed back to YAML.
fn without_tag(spec: &serde_yaml::Value, tag: &str) -> serde_yaml::Value {
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "patch", "options", "head", "trace",
    ];
    let mut spec = spec.clone();
    let paths = spec["paths"].as_mapping_mut().expect("the spec has paths");
    paths.retain(|_, item| {
        let item = item.as_mapping_mut().expect("a path item is a mapping");
        item.retain(|key, operation| {
            let method = METHODS.contains(&key.as_str().unwrap_or_default());
            let tags = operation["tags"].as_sequence().map(Vec::as_slice);
            !(method
                && tags
                    .unwrap_or_default()
                    .iter()
                    .any(|t| t.as_str() == Some(tag)))
        });
        item.keys()
            .any(|key| METHODS.contains(&key.as_str().unwrap_or_default()))
    });
    spec
}

const TAG: &str = "Shared-Tier Snapshots";
const FEATURE: &str = "shared-tier-snapshots";
/// Where the types only the deleted tag used go: they stay, gated as unreferenced schemas.
const UNREFERENCED: &str = "unreferenced-schemas";

/// Deleting one tag's operations from the full spec rewrites its own files (its operations and
/// its example, deleted), the module and feature lists, API.md, and in `src/params.rs` and
/// `src/types/` only `#[cfg]` gates that named the tag's feature, now without it.
#[test]
fn deleting_a_tag_touches_only_its_files_and_gates() {
    let Some(path) = full_spec_path("deleting_a_tag_touches_only_its_files_and_gates") else {
        return;
    };
    let spec: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Both sides are printed by serde_yaml, so that only the deletion differs.
    let old = generate_files(&serde_yaml::to_string(&spec).unwrap());
    let new = generate_files(&serde_yaml::to_string(&without_tag(&spec, TAG)).unwrap());
    let changed = changed_paths(&old, &new);
    let outside_types: BTreeSet<&str> = changed
        .iter()
        .map(String::as_str)
        .filter(|p| !p.starts_with("src/types/") || *p == "src/types/mod.rs")
        .collect();
    let deleted = [
        "examples/download_snapshot.rs",
        "src/cli/shared_tier_snapshots.rs",
        "src/mock/shared_tier_snapshots.rs",
        "src/operations/shared_tier_snapshots.rs",
    ];
    let rewritten = [
        "API.md",
        "Cargo.toml",
        "src/cli/mod.rs",  // the command line's tag table
        "src/mock/mod.rs", // the route table
        "src/operations/mod.rs",
        "src/params.rs",
    ];
    let expected = BTreeSet::from_iter(
        deleted
            .into_iter()
            .chain(rewritten)
            .chain(["src/types/mod.rs"]),
    );
    assert_eq!(outside_types, expected);
    for path in deleted {
        assert!(!new.contains_key(path), "{path} should be deleted");
    }
    let mut unrelated = Vec::new();
    for path in changed
        .iter()
        .filter(|p| p.starts_with("src/") && !deleted.contains(&p.as_str()))
    {
        unrelated.extend(changes_beyond_the_tag(
            path,
            contents(&old, path),
            contents(&new, path),
        ));
    }
    assert!(
        unrelated.is_empty(),
        "changes that are not the deleted tag's:\n{}",
        unrelated.join("\n")
    );
}

/// The item changes in one file that deleting the tag does not explain: only `use`/`mod` items
/// may be added or removed, and a gate may only lose the tag's feature (gaining
/// `unreferenced-schemas` when the tag was all that used the item).
fn changes_beyond_the_tag(path: &str, before: &str, after: &str) -> Vec<String> {
    let diff = item_diff(before, after);
    let moved = diff.removed.iter().chain(&diff.added);
    // The mock's route table, one line per tag (`routes.extend_from_slice(<tag>::ROUTES)`), loses
    // the deleted tag's line: the function differs on both sides.
    let route_table = path == "src/mock/mod.rs";
    // Likewise the command line's list of download commands loses the tag's download.
    let download_list = path == "src/cli/mod.rs";
    let mut found: Vec<String> = moved
        .filter(|(item, _)| {
            let route_table_item = route_table && item.contains("fn routes()");
            let download_item = download_list && item.contains("static DOWNLOADS");
            !is_bookkeeping(item) && !route_table_item && !download_item
        })
        .map(|(item, _)| format!("{path}: added or removed:\n{item}"))
        .collect();
    for (item, old, new) in &diff.regated {
        let mut allowed = old.clone();
        allowed.remove(FEATURE);
        allowed.insert(UNREFERENCED.to_owned());
        let lost_its_gate = new.is_empty() && !old.is_empty();
        if !old.contains(FEATURE) || !new.is_subset(&allowed) || lost_its_gate {
            found.push(format!("{path}: gate {old:?} → {new:?}:\n{item}"));
        }
    }
    found
}

/// An operation Atlas offers only as a preview: its one method is `_preview` (a preview is
/// never the plain method), and reading that crate back must not move the plain name onto it.
const PREVIEW_ONLY: &str = r#"
openapi: 3.0.1
info: {title: Preview API, version: "2.0"}
servers: [{url: "https://cloud.mongodb.com"}]
paths:
  /api/atlas/v2/things:
    post:
      operationId: createThing
      tags: [Things]
      responses:
        "200":
          description: OK
          content:
            application/vnd.atlas.preview+json:
              schema: {type: object, properties: {id: {type: string}}}
              x-xgen-version: preview
"#;

/// Generating a spec again over the crate generated from it is a fixed point: its `API.md`,
/// read back as the previous crate's, renames nothing and pins every plain method where it is.
#[test]
fn regenerating_the_same_spec_changes_nothing() {
    let mut specs = vec![("preview-only".to_owned(), PREVIEW_ONLY.to_owned())];
    for fixture in [
        "constructs",
        "edge-cases",
        "forms",
        "legacy-v1",
        "multi-version",
    ] {
        let path = repo_root().join(format!("tests/fixtures/{fixture}.yaml"));
        specs.push((fixture.to_owned(), std::fs::read_to_string(path).unwrap()));
    }
    if let Some(path) = full_spec_path("regenerating_the_same_spec_changes_nothing") {
        specs.push((
            "full spec".to_owned(),
            std::fs::read_to_string(path).unwrap(),
        ));
    }
    let mut moved = Vec::new();
    for (name, text) in &specs {
        let first = generate_files(text);
        let again = generate_files_after(text, Some(contents(&first, "API.md")));
        let changed = changed_paths(&first, &again);
        if !changed.is_empty() {
            moved.push(format!("{name}: {changed:?}"));
        }
    }
    assert!(
        moved.is_empty(),
        "regenerating over its own output rewrote:\n{}",
        moved.join("\n")
    );
    let first = generate_files(PREVIEW_ONLY);
    assert!(contents(&first, "API.md").contains("`Client::create_thing_preview`"));
}
