//! Names of inline `oneOf` alternatives: what the alternative is (its title, a tag, its enum
//! values, as a last resort a hash of its property names), never its position, so that a
//! regeneration after Atlas inserts an alternative renames nothing that was there.

use openapiv3::{ReferenceOr, Schema, SchemaKind, StringType, Type};

/// The label each inline alternative's type is named after, so that the name says what it is
/// and stays when Atlas inserts another alternative before it: its `title`; else the value one of
/// its properties is fixed to (a tag); else its enum's first value (`PHONE` and the others, so
/// adding a value at the end renames nothing); else, as the last resort, a hash of its property
/// names (or of its JSON). Never its position. Alternatives that share a title (Atlas has two
/// "Alert Audit Types") add what tells them apart. `None` for references, named already.
pub(super) fn alternative_labels(alternatives: &[ReferenceOr<Schema>]) -> Vec<Option<String>> {
    let first: Vec<Option<String>> = alternatives
        .iter()
        .map(|alternative| {
            let schema = alternative.as_item()?;
            let label = (schema.schema_data.title.clone())
                .or_else(|| fixed_tag(schema))
                .or_else(|| enum_label(schema))
                .unwrap_or_else(|| content_label(schema));
            Some(label)
        })
        .collect();
    first
        .iter()
        .zip(alternatives)
        .map(|(label, alternative)| {
            let label = label.as_ref()?;
            let shared = first.iter().filter(|l| l.as_ref() == Some(label)).count() > 1;
            let schema = alternative.as_item()?;
            Some(match shared {
                false => label.clone(),
                true => {
                    let detail = enum_label(schema).unwrap_or_else(|| content_label(schema));
                    format!("{label} {detail}")
                }
            })
        })
        .collect()
}

/// The value of the first property fixed to one string value, for an object alternative.
fn fixed_tag(schema: &Schema) -> Option<String> {
    let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
        return None;
    };
    object
        .properties
        .values()
        .find_map(|property| match property {
            ReferenceOr::Item(property) => single_value(property).map(str::to_owned),
            ReferenceOr::Reference { .. } => None,
        })
}

/// The one value of a string enum that has exactly one.
fn single_value(schema: &Schema) -> Option<&str> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(StringType { enumeration, .. })) => {
            match enumeration.as_slice() {
                [Some(value)] => Some(value),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A string enum's value, or its first value and "others".
fn enum_label(schema: &Schema) -> Option<String> {
    let SchemaKind::Type(Type::String(StringType { enumeration, .. })) = &schema.schema_kind else {
        return None;
    };
    let mut values = enumeration.iter().flatten();
    let first = values.next()?;
    Some(match values.next() {
        None => first.clone(),
        Some(_) => format!("{first} and others"),
    })
}

/// `variant` and the first hex digits of a sha256: of an object's property names (so a changed
/// description renames nothing), else of the alternative's JSON. Stable wherever it sits.
fn content_label(schema: &Schema) -> String {
    let content = match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => {
            let names: Vec<&str> = object.properties.keys().map(String::as_str).collect();
            names.join(",")
        }
        _ => serde_json::to_string(schema).unwrap_or_default(),
    };
    let hash = crate::sha256_hex(content.as_bytes());
    format!("variant {}", &hash[..8])
}
