//! Checks on the YAML value for problems the typed document cannot show, or cannot survive.
//!
//! * `openapiv3` reads `enum: []` exactly as it reads a schema without `enum`, so an empty enum,
//!   which no value could ever satisfy, would silently become "any string". Only the YAML value
//!   still tells the two apart.
//! * YAML can say what JSON cannot (`.inf`, `.nan`, `!tagged` values), and `openapiv3` panics on
//!   some of it: its `ReferenceOr` retries a failed node through `serde_json::Value`, which turns
//!   `.inf` into `null`, and expects the retry to fail too. An OpenAPI document is JSON, so such
//!   values are refused before the typed reader sees them.

use serde_yaml::Value;

use crate::diagnostics::{Diagnostic, JsonPointer, Problem};

/// Whether a key's value is a map from names to objects: a child named `enum` there is a name
/// (a property called `enum`), not the keyword.
fn is_name_map(key: &str) -> bool {
    super::COMPONENT_SECTIONS.contains(&key)
        || matches!(
            key,
            "properties"
                | "content"
                | "paths"
                | "mapping"
                | "encoding"
                | "links"
                | "callbacks"
                | "variables"
        )
}

/// Keys whose values are data, not spec: nothing inside them is checked.
fn is_data(key: &str) -> bool {
    matches!(key, "example" | "examples" | "default") || key.starts_with("x-")
}

/// Every value JSON cannot represent, keys included, in document order.
pub(super) fn not_json(document: &Value) -> Vec<Diagnostic> {
    fn walk(value: &Value, at: &JsonPointer, found: &mut Vec<Diagnostic>) {
        let problem = match value {
            Value::Mapping(mapping) => {
                for (key, child) in mapping {
                    let child_at = at.push(super::key_text(key));
                    walk(key, &child_at, found);
                    walk(child, &child_at, found);
                }
                return;
            }
            Value::Sequence(items) => {
                for (index, item) in items.iter().enumerate() {
                    walk(item, &at.push(index), found);
                }
                return;
            }
            Value::Number(number) if number.as_f64().is_some_and(|n| !n.is_finite()) => {
                Problem::NotJson {
                    found: format!("the number `{number}`"),
                }
            }
            Value::Tagged(tagged) => Problem::NotJson {
                found: format!("the YAML tag `{}`", tagged.tag),
            },
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => return,
        };
        // A key and its value share a pointer: one report is enough.
        if found.last().map(|d| &d.pointer) != Some(at) {
            found.push(Diagnostic::at(at, problem));
        }
    }
    let mut found = Vec::new();
    walk(document, &JsonPointer::root(), &mut found);
    found
}

/// Every empty `enum` in the document, in document order.
pub(super) fn check(document: &Value) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    walk(document, &JsonPointer::root(), false, &mut found);
    found
}

fn walk(value: &Value, at: &JsonPointer, names: bool, found: &mut Vec<Diagnostic>) {
    match value {
        Value::Mapping(mapping) => {
            for (key, child) in mapping {
                let key = super::key_text(key);
                let child_at = at.push(&key);
                if names {
                    walk(child, &child_at, false, found);
                    continue;
                }
                if is_data(&key) {
                    continue;
                }
                if key == "enum" && child.as_sequence().is_some_and(Vec::is_empty) {
                    found.push(Diagnostic::at(&child_at, Problem::EmptyEnum));
                }
                walk(child, &child_at, is_name_map(&key), found);
            }
        }
        Value::Sequence(items) => {
            for (index, item) in items.iter().enumerate() {
                walk(item, &at.push(index), false, found);
            }
        }
        Value::Tagged(tagged) => walk(&tagged.value, at, names, found),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pointers(text: &str) -> Vec<String> {
        let value: Value = serde_yaml::from_str(text).unwrap();
        check(&value)
            .iter()
            .map(|d| d.pointer.to_string())
            .collect()
    }

    #[test]
    fn finds_what_json_cannot_say_keys_included() {
        let text = "a: {b: .inf, c: [1, -.inf, .nan]}\n.inf: x\nd: !custom 1\ne: 1.5\n";
        let value: Value = serde_yaml::from_str(text).unwrap();
        let found = not_json(&value);
        let pointers: Vec<String> = found.iter().map(|d| d.pointer.to_string()).collect();
        assert_eq!(pointers, ["#/a/b", "#/a/c/1", "#/a/c/2", "#/.inf", "#/d"]);
        assert_eq!(
            found[0].problem.to_string(),
            "the number `.inf` is not a JSON value: an OpenAPI document must be valid JSON, even when written as YAML"
        );
        assert_eq!(
            found[4].problem.to_string(),
            "the YAML tag `!custom` is not a JSON value: an OpenAPI document must be valid JSON, even when written as YAML"
        );
    }

    #[test]
    fn finds_empty_enums_but_not_names_or_data() {
        let text = r#"
components:
  schemas:
    Empty: {type: string, enum: []}
    Fine: {type: string, enum: [a]}
    Holder:
      properties:
        enum: {type: string}
        inner: {type: object, properties: {e: {enum: []}}}
      example: {enum: []}
      x-note: {enum: []}
"#;
        assert_eq!(
            pointers(text),
            [
                "#/components/schemas/Empty/enum",
                "#/components/schemas/Holder/properties/inner/properties/e/enum"
            ]
        );
    }
}
