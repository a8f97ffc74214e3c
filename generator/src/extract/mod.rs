//! Cutting a self-contained fragment out of a full spec: the operations of some tags (the union,
//! so one crate can hold, say, sunset operations and their replacements), everything they
//! reference (transitively), and the document-level fields a client needs.
//!
//! Works on the YAML value rather than on `openapiv3` types so that nothing the typed model does
//! not know about (`x-xgen-*` extensions, examples) is lost on the way through.

use std::collections::{BTreeMap, BTreeSet};

use serde_yaml::{Mapping, Value};

use crate::diagnostics::{Diagnostic, Diagnostics, JsonPointer, Problem};

/// The keys of a path item that hold operations.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Top-level fields copied as they are.
const DOCUMENT_FIELDS: &[&str] = &["openapi", "info", "servers", "security"];

/// A reference to one component: (section, name).
type ComponentKey = (String, String);

/// Extracts the fragment for `tags` from spec text and renders it as YAML, headed by a comment
/// naming the source and its sha256 so the fragment says where it came from.
pub fn extract_yaml(text: &str, source_name: &str, tags: &[&str]) -> Result<String, Diagnostics> {
    let document = crate::load::parse_yaml(text)?;
    let fragment = extract(&document, tags).map_err(|mut diagnostics| {
        crate::load::place(&mut diagnostics, text);
        diagnostics
    })?;
    let yaml = serde_yaml::to_string(&fragment).map_err(|error| {
        Diagnostic::at(
            &JsonPointer::root(),
            Problem::Yaml {
                message: error.to_string(),
            },
        )
    })?;
    let flags: Vec<String> = tags.iter().map(|tag| format!("--tag \"{tag}\"")).collect();
    Ok(format!(
        "# Extracted by `cargo xtask extract {}` from {source_name}\n\
         # (sha256 {}). Do not edit by hand: run the command again.\n{yaml}",
        flags.join(" "),
        crate::sha256_hex(text.as_bytes())
    ))
}

/// Returns a document holding only the operations tagged with any of `tags` and what they need.
/// A tag no operation carries is an error naming it: a misspelt tag would otherwise quietly
/// drop its operations from the crate.
///
/// Paths keep their document order; components are sorted by section and name, so the output
/// depends only on the input, never on traversal order.
pub fn extract(document: &Value, tags: &[&str]) -> Result<Value, Diagnostics> {
    let root = document
        .as_mapping()
        .ok_or_else(|| Diagnostic::at(&JsonPointer::root(), Problem::NotOpenApi))?;
    let mut out = Mapping::new();
    for field in DOCUMENT_FIELDS {
        if let Some(value) = root.get(*field) {
            out.insert((*field).into(), value.clone());
        }
    }

    let (paths, used_tags) = select_paths(root, tags)?;
    let unknown = |what: String| {
        Diagnostic::at(
            &JsonPointer::root().push("paths"),
            Problem::Unsupported { what },
        )
    };
    if tags.is_empty() {
        return Err(unknown("no tag given: there is nothing to extract".into()).into());
    }
    let missing: Vec<Diagnostic> = tags
        .iter()
        .filter(|tag| !used_tags.contains(**tag))
        .map(|tag| unknown(format!("no operation has the tag `{tag}`")))
        .collect();
    if !missing.is_empty() {
        return Err(Diagnostics(missing));
    }
    if let Some(tags) = select_tags(root, &used_tags) {
        out.insert("tags".into(), tags);
    }

    let components = root.get("components").and_then(Value::as_mapping);
    let closure = reference_closure(&paths, components)?;
    let paths_value = Value::Mapping(paths);
    out.insert("paths".into(), paths_value);
    out.insert(
        "components".into(),
        Value::Mapping(component_subset(components, &closure)),
    );
    Ok(Value::Mapping(out))
}

/// The path items that have at least one operation with one of `tags`, holding only those
/// operations (plus path-level fields such as shared `parameters`), and every tag those
/// operations carry.
fn select_paths(root: &Mapping, tags: &[&str]) -> Result<(Mapping, BTreeSet<String>), Diagnostic> {
    let paths_pointer = JsonPointer::root().push("paths");
    let Some(paths) = root.get("paths").and_then(Value::as_mapping) else {
        return Err(Diagnostic::at(
            &paths_pointer,
            Problem::Shape {
                message: "expected a `paths` mapping".into(),
            },
        ));
    };
    let mut selected = Mapping::new();
    let mut used_tags = BTreeSet::new();
    for (path, item) in paths {
        let Some(item) = item.as_mapping() else {
            continue;
        };
        let path_pointer = paths_pointer.push(path.as_str().unwrap_or_default());
        if item.contains_key("$ref") {
            return Err(Diagnostic::at(
                &path_pointer.push("$ref"),
                Problem::Unsupported {
                    what: "a `$ref` on a path item".into(),
                },
            ));
        }
        let mut kept = Mapping::new();
        let mut has_operation = false;
        for (key, value) in item {
            let is_method = key.as_str().is_some_and(|k| METHODS.contains(&k));
            if !is_method {
                kept.insert(key.clone(), value.clone());
                continue;
            }
            let carried = operation_tags(value);
            if carried.iter().any(|t| tags.contains(&t.as_str())) {
                used_tags.extend(carried);
                kept.insert(key.clone(), value.clone());
                has_operation = true;
            }
        }
        if has_operation {
            selected.insert(path.clone(), Value::Mapping(kept));
        }
    }
    Ok((selected, used_tags))
}

fn operation_tags(operation: &Value) -> Vec<String> {
    operation
        .get("tags")
        .and_then(Value::as_sequence)
        .map(|tags| {
            tags.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The top-level `tags` entries for the tags in use, in document order.
fn select_tags(root: &Mapping, used: &BTreeSet<String>) -> Option<Value> {
    let tags = root.get("tags")?.as_sequence()?;
    let kept: Vec<Value> = tags
        .iter()
        .filter(|t| {
            t.get("name")
                .and_then(Value::as_str)
                .is_some_and(|name| used.contains(name))
        })
        .cloned()
        .collect();
    (!kept.is_empty()).then_some(Value::Sequence(kept))
}

/// Every component reachable from `start` through `$ref`s and discriminator mappings, plus every
/// security scheme (they are few, and operations name them without `$ref`). A reference that
/// leads nowhere is reported, and the search goes on, so one run shows them all.
fn reference_closure(
    start: &Mapping,
    components: Option<&Mapping>,
) -> Result<BTreeSet<ComponentKey>, Diagnostics> {
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut found: BTreeSet<ComponentKey> = BTreeSet::new();
    let mut pending: Vec<(String, JsonPointer)> = Vec::new();
    collect_refs(
        &Value::Mapping(start.clone()),
        &JsonPointer::root().push("paths"),
        &mut pending,
    );
    if let Some(schemes) = components
        .and_then(|c| c.get("securitySchemes"))
        .and_then(Value::as_mapping)
    {
        for name in schemes.keys().filter_map(Value::as_str) {
            found.insert(("securitySchemes".into(), name.to_owned()));
        }
    }
    while let Some((reference, at)) = pending.pop() {
        let Some(key) = component_key(&reference) else {
            let problem = Problem::UnsupportedRef {
                target: reference.clone(),
                section: "<section>",
            };
            problems.push(Diagnostic::at(&at, problem));
            continue;
        };
        if found.contains(&key) {
            continue;
        }
        let target = components
            .and_then(|c| c.get(key.0.as_str()))
            .and_then(|section| section.get(key.1.as_str()));
        let Some(target) = target else {
            let problem = Problem::MissingRef {
                target: reference.clone(),
            };
            problems.push(Diagnostic::at(&at, problem));
            continue;
        };
        let pointer = JsonPointer::root()
            .push("components")
            .push(&key.0)
            .push(&key.1);
        collect_refs(target, &pointer, &mut pending);
        found.insert(key);
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(Diagnostics(problems))
    }
}

/// `#/components/<section>/<name>` as (section, name).
fn component_key(reference: &str) -> Option<ComponentKey> {
    let segments: Vec<String> = JsonPointer::from_fragment(reference)?.segments().collect();
    match segments.as_slice() {
        [components, section, name] if components == "components" => {
            Some((section.clone(), name.clone()))
        }
        _ => None,
    }
}

/// Pushes every reference found in `value`: `$ref` strings and discriminator mapping targets.
fn collect_refs(value: &Value, at: &JsonPointer, out: &mut Vec<(String, JsonPointer)>) {
    match value {
        Value::Mapping(map) => {
            for (key, child) in map {
                let key_text = key.as_str().unwrap_or_default();
                let child_at = at.push(key_text);
                match (key_text, child) {
                    ("$ref", Value::String(reference)) => out.push((reference.clone(), child_at)),
                    ("discriminator", Value::Mapping(discriminator)) => {
                        let targets = discriminator.get("mapping").and_then(Value::as_mapping);
                        for (tag, target) in targets.into_iter().flatten() {
                            if let Value::String(reference) = target {
                                let tag = tag.as_str().unwrap_or_default();
                                out.push((reference.clone(), child_at.push("mapping").push(tag)));
                            }
                        }
                    }
                    _ => collect_refs(child, &child_at, out),
                }
            }
        }
        Value::Sequence(items) => {
            for (index, item) in items.iter().enumerate() {
                collect_refs(item, &at.push(index), out);
            }
        }
        _ => {}
    }
}

/// The `components` mapping restricted to `keep`, sections and names sorted.
fn component_subset(components: Option<&Mapping>, keep: &BTreeSet<ComponentKey>) -> Mapping {
    let mut sections: BTreeMap<&str, Mapping> = BTreeMap::new();
    for (section, name) in keep {
        let value = components
            .and_then(|c| c.get(section.as_str()))
            .and_then(|s| s.get(name.as_str()));
        if let Some(value) = value {
            sections
                .entry(section.as_str())
                .or_default()
                .insert(name.as_str().into(), value.clone());
        }
    }
    sections
        .into_iter()
        .map(|(section, items)| (section.into(), Value::Mapping(items)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_yaml;

    const SPEC: &str = r##"
openapi: 3.0.1
info: {title: t, version: "1"}
servers: [{url: "https://example.com"}]
security: [{Digest: []}]
tags:
  - {name: Wanted, description: yes}
  - {name: Other, description: no}
paths:
  /a/{id}:
    parameters: [{$ref: "#/components/parameters/id"}]
    get:
      tags: [Wanted]
      responses:
        "200": {$ref: "#/components/responses/ok"}
    post:
      tags: [Other]
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Unused"}}}}
  /b:
    get:
      tags: [Other]
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    Digest: {type: http, scheme: digest}
  parameters:
    id: {name: id, in: path, required: true, schema: {type: string}}
  responses:
    ok:
      description: ok
      headers: {X-Rate: {$ref: "#/components/headers/X-Rate"}}
      content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
  headers:
    X-Rate: {schema: {type: integer}}
  schemas:
    Pet:
      oneOf: [{$ref: "#/components/schemas/Cat"}]
      discriminator: {propertyName: kind, mapping: {dog: "#/components/schemas/Dog"}}
    Cat: {type: object, properties: {friend: {$ref: "#/components/schemas/Pet"}}}
    Dog: {type: object}
    Unused: {type: object}
"##;

    fn fragment() -> Value {
        extract(&parse_yaml(SPEC).unwrap(), &["Wanted"]).unwrap()
    }

    fn names(fragment: &Value, section: &str) -> Vec<String> {
        fragment["components"][section]
            .as_mapping()
            .map(|m| {
                m.keys()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn keeps_only_the_tag_and_its_closure() {
        let fragment = fragment();
        let paths = fragment["paths"].as_mapping().unwrap();
        assert_eq!(paths.len(), 1);
        let item = &paths["/a/{id}"];
        assert!(item.get("get").is_some());
        assert!(item.get("post").is_none(), "operation of another tag kept");
        assert!(
            item.get("parameters").is_some(),
            "path-level parameters dropped"
        );
        assert_eq!(names(&fragment, "schemas"), ["Cat", "Dog", "Pet"]);
        assert_eq!(names(&fragment, "parameters"), ["id"]);
        assert_eq!(names(&fragment, "responses"), ["ok"]);
        assert_eq!(names(&fragment, "headers"), ["X-Rate"]);
        assert_eq!(names(&fragment, "securitySchemes"), ["Digest"]);
        assert_eq!(fragment["tags"].as_sequence().unwrap().len(), 1);
        assert_eq!(fragment["servers"][0]["url"], "https://example.com");
    }

    #[test]
    fn several_tags_keep_the_union() {
        let fragment = extract(&parse_yaml(SPEC).unwrap(), &["Wanted", "Other"]).unwrap();
        let paths = fragment["paths"].as_mapping().unwrap();
        assert_eq!(paths.len(), 2);
        assert!(paths["/a/{id}"].get("get").is_some());
        assert!(paths["/a/{id}"].get("post").is_some());
        assert!(paths["/b"].get("get").is_some());
        assert_eq!(names(&fragment, "schemas"), ["Cat", "Dog", "Pet", "Unused"]);
        assert_eq!(fragment["tags"].as_sequence().unwrap().len(), 2);
    }

    #[test]
    fn closure_is_complete() {
        let fragment = fragment();
        let mut refs = Vec::new();
        collect_refs(&fragment, &JsonPointer::root(), &mut refs);
        assert!(!refs.is_empty());
        for (reference, at) in refs {
            let (section, name) = component_key(&reference).unwrap();
            assert!(
                fragment["components"][section.as_str()]
                    .get(name.as_str())
                    .is_some(),
                "{reference} at {at} does not resolve inside the fragment"
            );
        }
    }

    #[test]
    fn output_is_deterministic() {
        let first = serde_yaml::to_string(&fragment()).unwrap();
        let second = serde_yaml::to_string(&fragment()).unwrap();
        assert_eq!(first, second);
    }

    #[test]
    fn missing_targets_and_unknown_tags_are_located() {
        let broken = SPEC.replace("#/components/headers/X-Rate", "#/components/headers/Gone");
        let error = extract(&parse_yaml(&broken).unwrap(), &["Wanted"]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "error: #/components/responses/ok/headers/X-Rate/$ref: `$ref: #/components/headers/Gone` points to nothing: expected a component at that location"
        );
        let broken = broken.replace("#/components/schemas/Cat", "#/components/schemas/Lost");
        let error = extract(&parse_yaml(&broken).unwrap(), &["Wanted"]).unwrap_err();
        let mut pointers: Vec<String> = error.0.iter().map(|d| d.pointer.to_string()).collect();
        pointers.sort();
        assert_eq!(
            pointers,
            [
                "#/components/responses/ok/headers/X-Rate/$ref",
                "#/components/schemas/Pet/oneOf/0/$ref"
            ],
            "every missing target is reported in one run"
        );
        // An unknown tag fails the run even beside a known one, and each is named.
        let error = extract(&parse_yaml(SPEC).unwrap(), &["Wanted", "Nope", "Gone"]).unwrap_err();
        assert_eq!(error.0.len(), 2);
        assert!(error
            .to_string()
            .contains("no operation has the tag `Nope`"));
        assert!(error
            .to_string()
            .contains("no operation has the tag `Gone`"));
    }
}
