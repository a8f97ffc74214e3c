//! Names that survive a regeneration: the type of an inline `oneOf` alternative is named after
//! what it is (title, fixed tag, enum values, as a last resort a hash of its property names),
//! never its position, so inserting an alternative renames nothing that was there.

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
