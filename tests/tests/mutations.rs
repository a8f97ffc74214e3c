//! Property test: mutated specs never make the generator panic. Starting from the committed
//! fragment and the edge-case fixture, a few random mutations (a node dropped, replaced by a
//! value of another type or by a subtree grafted from elsewhere, a `$ref` renamed, a key renamed,
//! a hard keyword inserted) must give either files whose Rust parses, or located problems.
//!
//! The long-running counterpart is the cargo-fuzz target in `fuzz/` (docs/FUZZING.md).

use std::sync::OnceLock;

use generator::{EmitConfig, GenerateError};
use integration_tests::{fixture_path, fragment_path};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_yaml::Value;

/// The specs mutations start from, parsed once.
fn bases() -> &'static [Value] {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        [fragment_path(), fixture_path("edge-cases.yaml")]
            .iter()
            .map(|path| {
                // As the generator reads YAML: integers beyond 64 bits are doubles, not errors.
                let text = std::fs::read_to_string(path).unwrap();
                generator::load::parse_yaml(&text).unwrap_or_else(|e| panic!("{e:?}"))
            })
            .collect()
    })
}

/// One step from a node to a child.
#[derive(Debug, Clone)]
enum Step {
    Key(Value),
    Item(usize),
}

/// Every node below the root, as the steps that reach it, in document order.
fn node_paths(value: &Value) -> Vec<Vec<Step>> {
    fn walk(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        let children: Vec<(Step, &Value)> = match value {
            Value::Mapping(map) => map.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect(),
            Value::Sequence(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Step::Item(i), v))
                .collect(),
            _ => Vec::new(),
        };
        for (step, child) in children {
            path.push(step);
            out.push(path.clone());
            walk(child, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

fn node_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter()
        .try_fold(value, |node, step| match (node, step) {
            (Value::Mapping(map), Step::Key(key)) => map.get_mut(key),
            (Value::Sequence(items), Step::Item(index)) => items.get_mut(*index),
            _ => None,
        })
}

fn node<'a>(value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter()
        .try_fold(value, |node, step| match (node, step) {
            (Value::Mapping(map), Step::Key(key)) => map.get(key),
            (Value::Sequence(items), Step::Item(index)) => items.get(*index),
            _ => None,
        })
}

/// Values of every type, and strings that are hard for a generator.
fn replacement(choice: usize) -> Value {
    let yaml = [
        "null",
        "true",
        "0",
        "-1",
        "3.5",
        "''",
        "x",
        "[]",
        "{}",
        "[1, a]",
        "{a: 1}",
        "type",
        "self",
        "Self",
        "1st",
        "a-b",
        "'<br> [x] */ ```'",
        "'\\r'",
        "object",
        "array",
        "'#/components/schemas/Nope'",
        "{$ref: '#/components/schemas/Nope'}",
        "{type: string, enum: []}",
        "{not: {type: string}}",
        "{allOf: [{}, {}]}",
        "{oneOf: [{type: string}, {type: integer}]}",
        "{type: array}",
        ".inf",
        "!tag x",
    ];
    serde_yaml::from_str(yaml[choice % yaml.len()]).unwrap()
}

/// Keys that mean something in OpenAPI, to insert or rename to.
const KEYS: &[&str] = &[
    "$ref",
    "type",
    "enum",
    "not",
    "allOf",
    "oneOf",
    "anyOf",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "nullable",
    "readOnly",
    "writeOnly",
    "operationId",
    "parameters",
    "content",
    "schema",
    "in",
    "name",
    "discriminator",
    "format",
    "pattern",
    "default",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// Remove the node from its parent.
    Drop(Index),
    /// Put a value of another type (or a hard string) in its place.
    Replace(Index, usize),
    /// Put a copy of another node (a schema, a parameter, an id) in its place.
    Graft(Index, Index),
    /// Rename the key that leads to it (to a keyword, or to collide with a neighbour).
    RenameKey(Index, usize),
    /// Insert a meaningful key with a hard value into a mapping.
    Insert(Index, usize, usize),
    /// Point a `$ref` somewhere else: missing, another component, another section.
    Retarget(Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Drop),
        (any::<Index>(), any::<usize>()).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::Graft(i, j)),
        (any::<Index>(), any::<usize>()).prop_map(|(i, c)| Mutation::RenameKey(i, c)),
        (any::<Index>(), any::<usize>(), any::<usize>())
            .prop_map(|(i, k, v)| Mutation::Insert(i, k, v)),
        (any::<Index>(), any::<usize>()).prop_map(|(i, c)| Mutation::Retarget(i, c)),
    ]
}

fn apply(document: &mut Value, mutation: &Mutation) {
    let paths = node_paths(document);
    if paths.is_empty() {
        return;
    }
    let pick = |index: &Index| paths[index.index(paths.len())].clone();
    match mutation {
        Mutation::Drop(at) => {
            let path = pick(at);
            let (last, parent) = path.split_last().unwrap();
            match (node_mut(document, parent), last) {
                (Some(Value::Mapping(map)), Step::Key(key)) => {
                    map.remove(key);
                }
                (Some(Value::Sequence(items)), Step::Item(index)) if *index < items.len() => {
                    items.remove(*index);
                }
                _ => {}
            }
        }
        Mutation::Replace(at, choice) => {
            if let Some(target) = node_mut(document, &pick(at)) {
                *target = replacement(*choice);
            }
        }
        Mutation::Graft(at, from) => {
            let donor = node(document, &pick(from)).cloned();
            if let (Some(donor), Some(target)) = (donor, node_mut(document, &pick(at))) {
                *target = donor;
            }
        }
        Mutation::RenameKey(at, choice) => {
            let path = pick(at);
            let (last, parent) = path.split_last().unwrap();
            if let (Some(Value::Mapping(map)), Step::Key(key)) = (node_mut(document, parent), last)
            {
                let neighbour = map.keys().nth(choice % map.len().max(1)).cloned();
                let new_key = match choice % 3 {
                    0 => Value::from(KEYS[choice % KEYS.len()]),
                    // Same words, other casing: collides after case conversion.
                    1 => Value::from(format!("{}_", key.as_str().unwrap_or("k")).to_uppercase()),
                    _ => neighbour.unwrap_or(Value::from("k")),
                };
                if let Some(value) = map.remove(key) {
                    map.insert(new_key, value);
                }
            }
        }
        Mutation::Insert(at, key, value) => {
            if let Some(Value::Mapping(map)) = node_mut(document, &pick(at)) {
                map.insert(Value::from(KEYS[key % KEYS.len()]), replacement(*value));
            }
        }
        Mutation::Retarget(at, choice) => {
            let refs: Vec<Vec<Step>> = paths
                .iter()
                .filter(|p| matches!(p.last(), Some(Step::Key(k)) if k.as_str() == Some("$ref")))
                .cloned()
                .collect();
            if refs.is_empty() {
                return;
            }
            let path = refs[at.index(refs.len())].clone();
            let other = node(document, &refs[choice % refs.len()]).cloned();
            if let Some(Value::String(target)) = node_mut(document, &path) {
                *target = match (choice % 4, other) {
                    (0, _) => format!("{target}Missing"),
                    (1, Some(Value::String(other))) => other,
                    (2, _) => target.replace("/schemas/", "/parameters/"),
                    _ => "other.yaml#/components/schemas/Thing".to_owned(),
                };
            }
        }
    }
}

fn config() -> EmitConfig {
    EmitConfig {
        crate_name: "mutated".into(),
        crate_version: "0.1.0".into(),
        spec_label: "mutated.yaml".into(),
        spec_sha256: String::new(),
        runtime: generator::RuntimeSource::Copied,
        previous_api: None,
        as_of: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn mutated_specs_generate_parsable_rust_or_located_problems(
        base in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut document = bases()[base.index(bases().len())].clone();
        for mutation in &mutations {
            apply(&mut document, mutation);
        }
        let text = serde_yaml::to_string(&document).unwrap();
        match generator::generate(&text, &config()) {
            Ok(generation) => {
                for file in generation.files.iter().filter(|f| f.path.ends_with(".rs") && !f.path.starts_with("src/runtime/")) {
                    if let Err(error) = syn::parse_file(&file.contents) {
                        panic!("{} does not parse: {error}\n{}", file.path, file.contents);
                    }
                }
            }
            Err(GenerateError::Emit(error)) => panic!("generator bug: {error}"),
            Err(GenerateError::Spec(diagnostics)) => {
                prop_assert!(!diagnostics.0.is_empty());
                for diagnostic in &diagnostics.0 {
                    prop_assert!(diagnostic.line_column.is_some(), "{} has no line", diagnostic);
                }
                prop_assert!(diagnostics.render("mutated.yaml", &text).contains("mutated.yaml:"));
            }
        }
    }
}
