//! Narrowing a shape error down to the node that causes it.
//!
//! `openapiv3` flattens maps (`paths`, `responses`) and uses untagged enums (`ReferenceOr`), and
//! serde loses the path at both, so an error deep in an operation surfaces as "somewhere under
//! `#/paths`". This module re-reads the children of those containers one at a time, with their
//! own types, to find the deepest one that fails, and reports that one instead.

use serde::de::DeserializeOwned;
use serde_yaml::Value;

use crate::diagnostics::JsonPointer;

/// Where a shape error really is, and the message the innermost failing node gives.
pub(super) fn locate(
    document: &Value,
    pointer: JsonPointer,
    message: String,
) -> (JsonPointer, String) {
    let segments: Vec<String> = pointer.segments().collect();
    let found = match segments
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["paths", ..] => first_failing::<openapiv3::PathItem>(
            document,
            &JsonPointer::root().push("paths"),
            |item_at, item| deeper_in_path_item(item, item_at),
        ),
        ["components", section, ..] => component_section(document, section),
        _ => None,
    };
    found.unwrap_or((pointer, message))
}

fn component_section(document: &Value, section: &str) -> Option<(JsonPointer, String)> {
    let at = JsonPointer::root().push("components").push(section);
    let none = |_: &JsonPointer, _: &Value| None;
    match section {
        "schemas" => {
            first_failing::<openapiv3::ReferenceOr<openapiv3::Schema>>(document, &at, none)
        }
        "parameters" => {
            first_failing::<openapiv3::ReferenceOr<openapiv3::Parameter>>(document, &at, none)
        }
        "responses" => {
            first_failing::<openapiv3::ReferenceOr<openapiv3::Response>>(document, &at, none)
        }
        "requestBodies" => {
            first_failing::<openapiv3::ReferenceOr<openapiv3::RequestBody>>(document, &at, none)
        }
        "headers" => {
            first_failing::<openapiv3::ReferenceOr<openapiv3::Header>>(document, &at, none)
        }
        "securitySchemes" => {
            first_failing::<openapiv3::ReferenceOr<openapiv3::SecurityScheme>>(document, &at, none)
        }
        _ => None,
    }
}

/// Inside a path item that fails: the failing operation's failing response, if that is where it is.
fn deeper_in_path_item(item: &Value, item_at: &JsonPointer) -> Option<(JsonPointer, String)> {
    let map = item.as_mapping()?;
    for (method, operation) in map {
        let method = method.as_str()?;
        let operation_at = item_at.push(method);
        if serde_yaml::from_value::<openapiv3::Operation>(operation.clone()).is_ok() {
            continue;
        }
        let responses_at = operation_at.push("responses");
        if let Some(found) = first_failing::<openapiv3::ReferenceOr<openapiv3::Response>>(
            operation,
            &JsonPointer::root().push("responses"),
            |_, _| None,
        ) {
            let relative: Vec<String> = found.0.segments().collect();
            let pointer = relative.iter().skip(1).fold(responses_at, |p, s| p.push(s));
            return Some((pointer, found.1));
        }
    }
    None
}

/// The first child of the mapping at `container` that does not deserialise as `T`, with the path
/// serde reports inside it; `deeper` may narrow it down further.
fn first_failing<T: DeserializeOwned>(
    document: &Value,
    container: &JsonPointer,
    deeper: impl Fn(&JsonPointer, &Value) -> Option<(JsonPointer, String)>,
) -> Option<(JsonPointer, String)> {
    let mut node = document;
    for segment in container.segments() {
        node = node.get(segment.as_str())?;
    }
    for (key, child) in node.as_mapping()? {
        let key = match key {
            Value::String(s) => s.clone(),
            other => serde_yaml::to_string(other).ok()?.trim().to_owned(),
        };
        let child_at = container.push(&key);
        if let Err(error) = serde_path_to_error::deserialize::<_, T>(child.clone()) {
            if let Some(found) = deeper(&child_at, child) {
                return Some(found);
            }
            let pointer = super::append_path(&child_at, error.path());
            return Some((pointer, error.inner().to_string()));
        }
    }
    None
}
