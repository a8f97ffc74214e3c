//! The codes a change gets: oasdiff's name for it where one applies, chosen by the section,
//! the kind of item, what changed and the direction the item travels in; one of [`ours`]
//! otherwise.

use std::collections::BTreeSet;

use super::operations::Directions;
use super::{ours, AttrChange, Kind};
use crate::surface::Section;

/// The codes of a change: oasdiff's names where one applies, ours (`x-rust-…`) otherwise.
pub(super) fn codes(
    section: Section,
    noun: &str,
    kind: &Kind,
    dirs: Directions,
) -> Vec<&'static str> {
    let mut codes = match kind {
        Kind::Renamed => vec![ours::RENAMED],
        Kind::Features { .. } => vec![ours::FEATURES],
        Kind::VersionAdded | Kind::VersionsBackfilled => vec!["endpoint-added"],
        Kind::VersionRemoved => vec!["endpoint-removed"],
        Kind::Added { required } => added(section, noun, *required, dirs),
        Kind::Removed { required } => removed(section, noun, *required, dirs),
        Kind::Changed(attrs) => changed(section, noun, attrs, dirs),
    };
    let mut seen = BTreeSet::new();
    codes.retain(|code| seen.insert(*code));
    codes
}

fn added(section: Section, noun: &str, required: bool, dirs: Directions) -> Vec<&'static str> {
    match (section, noun) {
        (Section::Methods, "method") => vec!["endpoint-added"],
        (Section::Methods, _) if required => vec!["new-required-request-parameter"],
        (Section::Methods, _) => vec!["new-optional-request-parameter"],
        (Section::Features, _) => vec!["api-tag-added"],
        (Section::Types, "field") if required => dirs.pick(
            "response-required-property-added",
            "new-required-request-property",
        ),
        (Section::Types, "field") => dirs.pick(
            "response-optional-property-added",
            "new-optional-request-property",
        ),
        (Section::Types, "enum value") => dirs.pick(
            "response-property-enum-value-added",
            "request-property-enum-value-added",
        ),
        (Section::Types, "variant") => dirs.pick(
            "response-property-one-of-added",
            "request-property-one-of-added",
        ),
        (Section::ResponseEnums, "variant") => vec!["response-success-status-added"],
        (Section::Types | Section::ParamTypes | Section::ResponseEnums, _) => {
            vec![ours::TYPE_ADDED]
        }
        _ => vec![ours::CRATE],
    }
}

fn removed(section: Section, noun: &str, required: bool, dirs: Directions) -> Vec<&'static str> {
    match (section, noun) {
        (Section::Methods, "method") => vec!["endpoint-removed"],
        (Section::Methods, _) => vec!["request-parameter-removed"],
        (Section::Features, _) => vec!["api-tag-removed"],
        (Section::Types, "type") => vec!["api-schema-removed"],
        (Section::Types, "field") if required => dirs.pick(
            "response-required-property-removed",
            "request-property-removed",
        ),
        (Section::Types, "field") => dirs.pick(
            "response-optional-property-removed",
            "request-property-removed",
        ),
        (Section::Types, "enum value") => dirs.pick(
            "response-property-enum-value-removed",
            "request-property-enum-value-removed",
        ),
        (Section::Types, "variant") => dirs.pick(
            "response-property-one-of-removed",
            "request-property-one-of-removed",
        ),
        (Section::ResponseEnums, "variant") => vec!["response-success-status-removed"],
        (Section::ParamTypes | Section::ResponseEnums, _) => vec![ours::TYPE_REMOVED],
        (Section::Shims, _) => vec![ours::SHIM_REMOVED],
        _ => vec![ours::CRATE],
    }
}

fn changed(
    section: Section,
    noun: &str,
    attrs: &[AttrChange],
    dirs: Directions,
) -> Vec<&'static str> {
    let mut codes = Vec::new();
    for attr in attrs {
        let (was, is) = attr.values();
        let code: Vec<&'static str> = match (section, noun, attr.key.as_str()) {
            (Section::Methods, "method", key) => method_attr(key, attr, attrs),
            (Section::Methods, _, "type") => vec!["request-parameter-type-changed"],
            (Section::Methods, _, "argument") if attr.added() => {
                vec!["request-parameter-became-required"]
            }
            (Section::Methods, _, "argument") if attr.removed() => {
                vec!["request-parameter-became-optional"]
            }
            (Section::Methods, _, "argument") => vec![ours::ARGUMENT_MOVED],
            // Told by `argument`, which changes with it.
            (Section::Methods, _, "setter") => vec![],
            (Section::Methods, _, "deprecated") if attr.added() => {
                vec!["request-parameter-deprecated"]
            }
            (Section::Methods, _, "deprecated") => vec!["request-parameter-reactivated"],
            (Section::Types, "field", "required") if attr.added() => dirs.pick(
                "response-property-became-required",
                "request-property-became-required",
            ),
            (Section::Types, "field", "required") => dirs.pick(
                "response-property-became-optional",
                "request-property-became-optional",
            ),
            (Section::Types, "enum value", "value") => {
                let mut both = removed(section, noun, false, dirs);
                both.extend(added(section, noun, false, dirs));
                both
            }
            (Section::Types, "variant", "tags") => dirs.pick(
                "response-property-discriminator-mapping-changed",
                "request-property-discriminator-mapping-changed",
            ),
            (Section::Types, "type", "tag") => dirs.pick(
                "response-property-discriminator-property-name-changed",
                "request-property-discriminator-property-name-changed",
            ),
            (Section::Types, _, "deprecated" | "fallback" | "request-shape-of") => {
                vec![ours::OTHER]
            }
            (Section::Types, _, _) => dirs.pick(
                "response-property-type-changed",
                "request-property-type-changed",
            ),
            (Section::ParamTypes, _, "pattern") => match (was, is) {
                (None, Some(_)) => vec!["request-parameter-pattern-added"],
                (Some(_), None) => vec!["request-parameter-pattern-removed"],
                _ => vec!["request-parameter-pattern-changed"],
            },
            (Section::ParamTypes, _, "type") => vec!["request-parameter-type-changed"],
            (Section::ResponseEnums, _, "type" | "no-body") => vec![ours::RETURNS],
            (Section::Features | Section::Examples, _, _) => vec![ours::CRATE],
            _ => vec![ours::OTHER],
        };
        codes.extend(code);
    }
    codes
}

/// The codes of one changed attribute of a method; `all` are the item's changed attributes.
fn method_attr(key: &str, attr: &AttrChange, all: &[AttrChange]) -> Vec<&'static str> {
    let other = |key: &str| all.iter().find(|a| a.key == key);
    match key {
        "operation" => vec!["api-operation-id-removed"],
        "builder" => vec![ours::RENAMED],
        "http" => vec![ours::HTTP],
        "version" | "unversioned" => vec![ours::VERSION],
        "returns" => vec![ours::RETURNS],
        "stream" => vec![ours::STREAM],
        // A tag is a feature: oasdiff sees the old tag removed and the new one added.
        "feature" => vec!["api-tag-removed", "api-tag-added"],
        "deprecated" if attr.added() => vec!["endpoint-deprecated"],
        "deprecated" => vec!["endpoint-reactivated"],
        // Atlas marks a version for removal with a sunset date; MongoDB's changelog then says
        // `endpoint-deprecated`.
        // The sunset passed: MongoDB's changelog records the version as removed. The method is
        // kept (deprecated, its calls fail), so our severity is lower than theirs.
        "withdrawn" if attr.added() => vec!["endpoint-removed"],
        "withdrawn" => vec!["endpoint-added"],
        "sunset" if attr.added() => vec!["endpoint-deprecated"],
        "sunset" if attr.removed() => vec!["sunset-deleted"],
        "sunset" => match attr.values() {
            (Some(was), Some(is)) if is < was => vec!["api-sunset-date-changed-too-small"],
            _ => vec![ours::SUNSET_LATER],
        },
        "body" if attr.added() && other("optional-body").is_some_and(AttrChange::removed) => {
            vec!["request-body-became-required"]
        }
        "optional-body" if attr.added() && other("body").is_some_and(AttrChange::removed) => {
            vec!["request-body-became-optional"]
        }
        // The other half of the pair above.
        "body" | "optional-body"
            if attr.removed()
                && other(if key == "body" {
                    "optional-body"
                } else {
                    "body"
                })
                .is_some_and(AttrChange::added) =>
        {
            vec![]
        }
        "body" | "optional-body" => vec![ours::BODY],
        _ => vec![ours::OTHER],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_direction_a_type_travels_in() {
        let answer = Directions {
            response: true,
            request: false,
        };
        let request = Directions {
            response: false,
            request: true,
        };
        let both = Directions {
            response: true,
            request: true,
        };
        let value_added = Kind::Added { required: false };
        let code = |dirs| codes(Section::Types, "enum value", &value_added, dirs);
        assert_eq!(code(answer), ["response-property-enum-value-added"]);
        assert_eq!(code(request), ["request-property-enum-value-added"]);
        assert_eq!(
            code(both),
            [
                "response-property-enum-value-added",
                "request-property-enum-value-added"
            ]
        );
        let field =
            |required, dirs| codes(Section::Types, "field", &Kind::Added { required }, dirs);
        assert_eq!(field(false, answer), ["response-optional-property-added"]);
        assert_eq!(field(false, request), ["new-optional-request-property"]);
        assert_eq!(field(true, request), ["new-required-request-property"]);
        let removed = Kind::Removed { required: false };
        assert_eq!(
            codes(Section::Methods, "method", &removed, answer),
            ["endpoint-removed"]
        );
        assert_eq!(
            codes(Section::Methods, "method", &Kind::Renamed, answer),
            [ours::RENAMED]
        );
    }

    #[test]
    fn a_renamed_operation_id_is_oasdiffs_operation_id_removed_and_a_body_swap_one_code() {
        let attr = |key: &str, was: Option<&str>, is: Option<&str>| AttrChange {
            key: key.into(),
            was: was.map(|v| Some(v.to_owned())),
            is: is.map(|v| Some(v.to_owned())),
        };
        let renamed = Kind::Changed(vec![
            attr("builder", Some("GetWidget"), Some("GetOneWidget")),
            attr("operation", Some("getWidget"), Some("getOneWidget")),
        ]);
        let none = Directions::default();
        assert_eq!(
            codes(Section::Methods, "method", &renamed, none),
            [ours::RENAMED, "api-operation-id-removed"]
        );
        let required = Kind::Changed(vec![
            attr("body", None, Some("Widget")),
            attr("optional-body", Some("Widget"), None),
        ]);
        assert_eq!(
            codes(Section::Methods, "method", &required, none),
            ["request-body-became-required"]
        );
        let earlier = Kind::Changed(vec![attr("sunset", Some("2026-06-01"), Some("2026-01-01"))]);
        assert_eq!(
            codes(Section::Methods, "method", &earlier, none),
            ["api-sunset-date-changed-too-small"]
        );
        let later = Kind::Changed(vec![attr("sunset", Some("2026-01-01"), Some("2026-06-01"))]);
        assert_eq!(
            codes(Section::Methods, "method", &later, none),
            [ours::SUNSET_LATER]
        );
    }
}
