//! Output that survives a regeneration. The type of an inline `oneOf` alternative is named after
//! what it is (title, fixed tag, enum values, as a last resort a hash of its property names),
//! never its position, so inserting an alternative renames nothing that was there; and a type's
//! file depends on its name, not on which tags use it.

use integration_tests::fixture_path;
use integration_tests::regeneration::{changed_paths, differing_lines, generate_files};
use std::collections::BTreeSet;

fn type_names(text: &str) -> BTreeSet<String> {
    let spec = generator::load::load(text).unwrap_or_else(|e| panic!("{e}"));
    let api = generator::lower::lower(&spec)
        .unwrap_or_else(|e| panic!("{e}"))
        .api;
    api.types.into_iter().map(|t| t.rust_name).collect()
}

fn spec(alternatives: &str) -> String {
    format!(
        r#"
openapi: 3.0.1
info: {{title: Names, version: "1"}}
paths: {{}}
components:
  schemas:
    Notification:
      type: object
      properties:
        kind:
          oneOf:
{alternatives}
"#
    )
}

const TITLED: &str =
    "            - {type: string, title: Billing Event Types, enum: [CREDIT_CARD_ABOUT_TO_EXPIRE]}";
const TAGGED: &str = "            - {type: object, properties: {typeName: {type: string, enum: [PAGER]}, number: {type: string}}}";
const ENUM: &str = "            - {type: string, enum: [PHONE, PIGEON]}";
const UNTYPED: &str =
    "            - {type: object, properties: {a: {type: string}, b: {type: integer}}}";

#[test]
fn inline_alternatives_are_named_after_what_they_are() {
    let names = type_names(&spec(&[TITLED, TAGGED, ENUM, UNTYPED].join("\n")));
    for expected in [
        "NotificationKindBillingEventTypes",
        "NotificationKindPager",
        "NotificationKindPhoneAndOthers",
    ] {
        assert!(names.contains(expected), "{expected} not in {names:?}");
    }
    let hashed: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("NotificationKindVariant"))
        .collect();
    assert_eq!(hashed.len(), 1, "{names:?}");
}

#[test]
fn inserting_an_alternative_renames_nothing() {
    let before = type_names(&spec(&[TITLED, TAGGED, ENUM, UNTYPED].join("\n")));
    let inserted = "            - {type: string, title: Host Event Types, enum: [HOST_DOWN]}";
    let after = type_names(&spec(&[TITLED, inserted, TAGGED, ENUM, UNTYPED].join("\n")));
    let added: Vec<&String> = after.difference(&before).collect();
    assert_eq!(added, ["NotificationKindHostEventTypes"]);
    assert!(before.is_subset(&after));
}

#[test]
fn alternatives_sharing_a_title_are_told_apart_by_content() {
    let first = "            - {type: string, title: Audit, enum: [A_AUDIT, B_AUDIT]}";
    let second = "            - {type: string, title: Audit, enum: [C_AUDIT]}";
    let names = type_names(&spec(&[first, second].join("\n")));
    assert!(
        names.contains("NotificationKindAuditAAuditAndOthers"),
        "{names:?}"
    );
    assert!(names.contains("NotificationKindAuditCAudit"), "{names:?}");
}

/// A type newly used by a second tag stays in its file, and within it only its `cfg` lines
/// change. The fixture pair is the change report's; `regeneration_diff.rs` checks which files
/// change, this the lines of the type's file.
#[test]
fn a_type_used_by_a_second_tag_keeps_its_file() {
    let pair = fixture_path("changes/second-tag-uses-type");
    let read = |side: &str| std::fs::read_to_string(pair.join(side)).unwrap();
    let before = generate_files(&read("old.yaml"));
    let after = generate_files(&read("new.yaml"));
    assert!(changed_paths(&before, &after).contains("src/types/widget.rs"));
    let widget = differing_lines(
        &before["src/types/widget.rs"],
        &after["src/types/widget.rs"],
    );
    assert!(
        !widget.is_empty(),
        "the gates of Widget's items should change"
    );
    for line in widget {
        assert!(
            line.trim_start().starts_with("#[cfg("),
            "not a cfg line: {line}"
        );
    }
}
