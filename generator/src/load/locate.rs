//! Narrowing a shape error down to the nodes that cause it, and finding every other one.
//!
//! `openapiv3` flattens maps (`paths`, `responses`) and uses untagged enums (`ReferenceOr`), and
//! serde loses the path at both, so an error deep in an operation surfaces as "somewhere under
//! `#/paths`". serde also stops at the first error. This module re-reads the children of those
//! containers one at a time, with their own types, and reports the deepest failing node of each
//! failing child: a spec with three broken operations gets three located errors in one run.

use serde::de::DeserializeOwned;
use serde_yaml::Value;

use crate::diagnostics::JsonPointer;

/// The component sections whose entries are read one at a time.
const SECTIONS: &[&str] = &[
    "schemas",
    "parameters",
    "responses",
    "requestBodies",
    "headers",
    "securitySchemes",
];

/// Every shape error in `document`, each located as deep as possible. `pointer` and `message`
/// are the error serde gave for the whole document, kept when nothing more precise is found.
pub(super) fn locate(
    document: &Value,
    pointer: JsonPointer,
    message: String,
) -> Vec<(JsonPointer, String)> {
    let mut found = failing_children::<openapiv3::PathItem>(
        document,
        &JsonPointer::root().push("paths"),
        deeper_in_path_item,
    );
    for section in SECTIONS {
        found.extend(component_section(document, section));
    }
    let first_segment = pointer.segments().next();
    let elsewhere = !matches!(first_segment.as_deref(), Some("paths" | "components"));
    if found.is_empty() || elsewhere {
        found.insert(0, (pointer, message));
    }
    found
}

fn component_section(document: &Value, section: &str) -> Vec<(JsonPointer, String)> {
    use openapiv3::ReferenceOr;
    let at = JsonPointer::root().push("components").push(section);
    let none = |_: &JsonPointer, _: &Value| Vec::new();
    match section {
        "schemas" => failing_children::<ReferenceOr<openapiv3::Schema>>(document, &at, none),
        "parameters" => failing_children::<ReferenceOr<openapiv3::Parameter>>(document, &at, none),
        "responses" => failing_children::<ReferenceOr<openapiv3::Response>>(document, &at, none),
        "requestBodies" => {
            failing_children::<ReferenceOr<openapiv3::RequestBody>>(document, &at, none)
        }
        "headers" => failing_children::<ReferenceOr<openapiv3::Header>>(document, &at, none),
        "securitySchemes" => {
            failing_children::<ReferenceOr<openapiv3::SecurityScheme>>(document, &at, none)
        }
        _ => Vec::new(),
    }
}

/// Inside a path item that fails: the failing responses of its failing operations, when that is
/// where the errors are.
fn deeper_in_path_item(item_at: &JsonPointer, item: &Value) -> Vec<(JsonPointer, String)> {
    let Some(map) = item.as_mapping() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (method, operation) in map {
        let Some(method) = method.as_str() else {
            continue;
        };
        if serde_yaml::from_value::<openapiv3::Operation>(operation.clone()).is_ok() {
            continue;
        }
        let responses_at = item_at.push(method).push("responses");
        let responses = failing_children::<openapiv3::ReferenceOr<openapiv3::Response>>(
            operation,
            &JsonPointer::root().push("responses"),
            |_, _| Vec::new(),
        );
        for (relative, message) in responses {
            let pointer = relative
                .segments()
                .skip(1)
                .fold(responses_at.clone(), |p, s| p.push(s));
            found.push((pointer, message));
        }
    }
    found
}

/// Each child of the mapping at `container` that does not deserialise as `T`, with the path
/// serde reports inside it; `deeper` may narrow a child down to several more precise errors.
fn failing_children<T: DeserializeOwned>(
    document: &Value,
    container: &JsonPointer,
    deeper: impl Fn(&JsonPointer, &Value) -> Vec<(JsonPointer, String)>,
) -> Vec<(JsonPointer, String)> {
    let mut node = document;
    for segment in container.segments() {
        match node.get(segment.as_str()) {
            Some(child) => node = child,
            None => return Vec::new(),
        }
    }
    let Some(mapping) = node.as_mapping() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (key, child) in mapping {
        let child_at = container.push(super::key_text(key));
        if let Err(error) = serde_path_to_error::deserialize::<_, T>(child.clone()) {
            let narrowed = deeper(&child_at, child);
            if narrowed.is_empty() {
                let pointer = super::append_path(&child_at, error.path());
                found.push((pointer, error.inner().to_string()));
            } else {
                found.extend(narrowed);
            }
        }
    }
    found
}
