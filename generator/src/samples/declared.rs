//! What the spec itself declares for an object, read from the document rather than the model, so
//! a property the lowering leaves out still appears in the samples and its loss is seen.
//!
//! Properties are gathered as the spec means them: a schema's own, those of its `allOf` parts
//! (whose unions are not followed: Atlas's children `allOf` back to a union parent), and, beside
//! properties, those of one alternative of an undiscriminated `oneOf`/`anyOf` (a discriminated one
//! is a union in the model already).

use std::collections::HashMap;

use serde_json::Value;

use crate::ir::Api;
use crate::load::Spec;

/// One property as the spec declares it.
pub(super) struct RawProperty<'d> {
    pub name: &'d str,
    pub schema: &'d Value,
    pub read_only: bool,
    pub write_only: bool,
}

/// The document as JSON, and which named type each schema position became.
pub(super) struct Declared {
    document: Value,
    types: HashMap<String, String>,
}

impl Declared {
    pub fn new(spec: &Spec, api: &Api) -> Self {
        let document = serde_json::to_value(&spec.document).unwrap_or(Value::Null);
        let types = api
            .types
            .iter()
            .map(|t| (t.pointer.clone(), t.rust_name.clone()))
            .collect();
        Declared { document, types }
    }

    /// The named type a `$ref` (`#/components/schemas/X`) became, if any.
    pub fn type_of_ref(&self, schema: &Value) -> Option<&str> {
        let reference = schema.get("$ref")?.as_str()?;
        self.types.get(reference).map(String::as_str)
    }

    /// The schema at a JSON pointer (`#/...`), `$ref`s followed.
    fn at(&self, pointer: &str) -> Option<&Value> {
        let found = self.document.pointer(pointer.strip_prefix('#')?)?;
        Some(self.follow(found, &mut Vec::new()))
    }

    fn follow<'d>(&'d self, schema: &'d Value, seen: &mut Vec<&'d str>) -> &'d Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) if !seen.contains(&reference) => {
                seen.push(reference);
                match self.at(reference) {
                    Some(target) => self.follow(target, seen),
                    None => schema,
                }
            }
            _ => schema,
        }
    }

    /// The names of the alternatives of an undiscriminated union beside properties at `pointer`
    /// (each gets its own sample instance): the referenced component's, or the position of an
    /// inline one. Empty when there is no such union.
    pub fn alternatives(&self, pointer: &str) -> Vec<String> {
        let alternatives = self.at(pointer).and_then(undiscriminated);
        let names = alternatives.into_iter().flatten().enumerate();
        names
            .map(|(index, alternative)| {
                let reference = alternative.get("$ref").and_then(Value::as_str);
                match reference.and_then(|r| r.rsplit('/').next()) {
                    Some(name) => name.to_owned(),
                    None => format!("#{index}"),
                }
            })
            .collect()
    }

    /// The properties declared at `pointer`, taking alternative `choice` of a union beside them.
    pub fn properties(&self, pointer: &str, choice: usize) -> Vec<RawProperty<'_>> {
        let mut out = Vec::new();
        if let Some(schema) = self.document.pointer(pointer.trim_start_matches('#')) {
            self.gather(schema, Some(choice), &mut Vec::new(), &mut out);
        }
        out
    }

    /// The properties of an inline object schema (its first alternative, if it has a union).
    pub fn inline_properties<'d>(&'d self, schema: &'d Value) -> Vec<RawProperty<'d>> {
        let mut out = Vec::new();
        self.gather(schema, Some(0), &mut Vec::new(), &mut out);
        out
    }

    /// The schema with `$ref`s followed.
    pub fn resolve<'d>(&'d self, schema: &'d Value) -> &'d Value {
        self.follow(schema, &mut Vec::new())
    }

    fn gather<'d>(
        &'d self,
        schema: &'d Value,
        choice: Option<usize>,
        visited: &mut Vec<&'d str>,
        out: &mut Vec<RawProperty<'d>>,
    ) {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            if visited.contains(&reference) {
                return;
            }
            visited.push(reference);
        }
        let schema = self.resolve(schema);
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                if out.iter().any(|p| p.name == name) {
                    continue;
                }
                let definition = self.resolve(property);
                let flag = |key: &str| {
                    [property, definition]
                        .iter()
                        .any(|s| s.get(key).and_then(Value::as_bool) == Some(true))
                };
                out.push(RawProperty {
                    name,
                    schema: property,
                    read_only: flag("readOnly"),
                    write_only: flag("writeOnly"),
                });
            }
        }
        for part in schema
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.gather(part, None, visited, out);
        }
        if let (Some(choice), Some(alternatives)) = (choice, undiscriminated(schema)) {
            if let Some(alternative) = alternatives.get(choice).or(alternatives.last()) {
                self.gather(alternative, Some(0), visited, out);
            }
        }
    }
}

/// The alternatives of an undiscriminated `oneOf`/`anyOf` that sits beside properties.
fn undiscriminated(schema: &Value) -> Option<&Vec<Value>> {
    if schema.get("discriminator").is_some() || schema.get("properties").is_none() {
        return None;
    }
    ["oneOf", "anyOf"]
        .iter()
        .find_map(|key| schema.get(*key).and_then(Value::as_array))
        .filter(|alternatives| !alternatives.is_empty())
}
