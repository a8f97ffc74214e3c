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

/// Every shape error in `document`, each located as deep as possible. `pointer` and `message`
/// are the error serde gave for the whole document, kept when nothing more precise is found.
pub(super) fn locate(
    document: &Value,
    pointer: JsonPointer,
    message: String,
) -> Vec<(JsonPointer, String)> {
    let mut found = failing_children(
        document,
        &JsonPointer::root().push("paths"),
        error_in::<openapiv3::PathItem>,
        deeper_in_path_item,
    );
    for section in super::COMPONENT_SECTIONS {
        found.extend(component_section(document, section));
    }
    let first_segment = pointer.segments().next();
    let elsewhere = !matches!(first_segment.as_deref(), Some("paths" | "components"));
    if found.is_empty() || elsewhere {
        found.insert(0, (pointer, message));
    }
    found
}

type Located = (JsonPointer, String);

fn component_section(document: &Value, section: &str) -> Vec<Located> {
    use openapiv3::{Header, Parameter, RequestBody, Response, Schema, SecurityScheme};
    let at = JsonPointer::root().push("components").push(section);
    let none = |_: &JsonPointer, _: &Value| Vec::new();
    match section {
        "schemas" => failing_children(document, &at, error_in_ref_or::<Schema>, none),
        "parameters" => failing_children(document, &at, error_in_ref_or::<Parameter>, none),
        "responses" => failing_children(document, &at, error_in_ref_or::<Response>, none),
        "requestBodies" => failing_children(document, &at, error_in_ref_or::<RequestBody>, none),
        "headers" => failing_children(document, &at, error_in_ref_or::<Header>, none),
        "securitySchemes" => {
            failing_children(document, &at, error_in_ref_or::<SecurityScheme>, none)
        }
        _ => Vec::new(),
    }
}

/// Where reading `value` (which is at `at`) as a `T` fails, if it does.
fn error_in<T: DeserializeOwned>(value: &Value, at: &JsonPointer) -> Option<Located> {
    let error = serde_path_to_error::deserialize::<_, T>(value.clone()).err()?;
    Some((
        super::append_path(at, error.path()),
        error.inner().to_string(),
    ))
}

/// The same for `ReferenceOr<T>`. That untagged enum only says "did not match any variant", so
/// a node without `$ref` is read as a `T` directly, which keeps the path to the real error.
fn error_in_ref_or<T: DeserializeOwned>(value: &Value, at: &JsonPointer) -> Option<Located> {
    if value.get("$ref").is_some() {
        error_in::<openapiv3::ReferenceOr<T>>(value, at)
    } else {
        error_in::<T>(value, at)
    }
}

/// Inside a path item that fails: the failing responses of its failing operations, when that is
/// where the errors are.
fn deeper_in_path_item(item_at: &JsonPointer, item: &Value) -> Vec<Located> {
    let Some(map) = item.as_mapping() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (method, operation) in map {
        let Some(method) = method.as_str() else {
            continue;
        };
        let operation_at = item_at.push(method);
        if error_in::<openapiv3::Operation>(operation, &operation_at).is_none() {
            continue;
        }
        // serde would say `responses` is missing; the real problem is the reference.
        if operation.get("$ref").is_some() {
            let message = "an operation cannot be a `$ref` in OpenAPI 3.0: write it out here \
                           (a whole path item can be one, as the value of its path)";
            found.push((operation_at.push("$ref"), message.to_owned()));
            continue;
        }
        found.extend(
            failing_children(
                operation,
                &JsonPointer::root().push("responses"),
                error_in_ref_or::<openapiv3::Response>,
                |_, _| Vec::new(),
            )
            .into_iter()
            .map(|(relative, message)| {
                let pointer = relative
                    .segments()
                    .fold(operation_at.clone(), |p, s| p.push(s));
                (pointer, message)
            }),
        );
    }
    found
}

/// Each child of the mapping at `container` that `check` finds an error in; `deeper` may narrow
/// a child down to several more precise errors.
fn failing_children(
    document: &Value,
    container: &JsonPointer,
    check: impl Fn(&Value, &JsonPointer) -> Option<Located>,
    deeper: impl Fn(&JsonPointer, &Value) -> Vec<Located>,
) -> Vec<Located> {
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
        if let Some(error) = check(child, &child_at) {
            let narrowed = deeper(&child_at, child);
            if narrowed.is_empty() {
                found.push(error);
            } else {
                found.extend(narrowed);
            }
        }
    }
    found
}
