//! No union alternative leads back to its own union without consuming input. The shape that did
//! (Atlas's `DefaultScheduleView`, an `allOf` of its base `OnlineArchiveSchedule` and nothing
//! else) is found by a walk of each spec, not by name, and each one found must be lowered to
//! a struct of the base's properties; a walk of the model then checks that no tagged union's
//! alternative reaches the union through aliases alone. The round trip (`roundtrip/main.rs`,
//! bare tags) decodes `{tag: value}` for every alternative of every union, which proves that
//! decoding returns.

use std::collections::BTreeSet;

use generator::ir::{Api, TypeKind, TypeRef};
use generator::targets::TARGETS;
use integration_tests::{full_spec_path, repo_root};
use openapiv3::{ReferenceOr, Schema, SchemaKind};

/// The specs to walk: every checked-in target, and the full spec when it is there.
fn specs() -> Vec<(String, String)> {
    let mut specs: Vec<(String, String)> = TARGETS
        .iter()
        .map(|t| {
            let text = std::fs::read_to_string(repo_root().join(t.spec)).unwrap();
            (t.spec.to_owned(), text)
        })
        .collect();
    if let Some(full) = full_spec_path("unions (full spec part)") {
        specs.push((
            full.display().to_string(),
            std::fs::read_to_string(&full).unwrap(),
        ));
    }
    specs
}

/// `(union, alternative)` component names where the alternative is an `allOf` of the union
/// alone (the union's base-type pattern, with a subtype that adds nothing).
fn alternatives_that_are_their_union(spec: &openapiv3::OpenAPI) -> Vec<(String, String)> {
    let schemas = &spec.components.as_ref().unwrap().schemas;
    let schema = |reference: &str| -> Option<&Schema> {
        let name = reference.strip_prefix("#/components/schemas/")?;
        schemas.get(name)?.as_item()
    };
    let mut found = Vec::new();
    for (union, item) in schemas {
        let Some(item) = item.as_item() else { continue };
        let alternatives = match &item.schema_kind {
            SchemaKind::OneOf { one_of } => one_of,
            SchemaKind::Any(any) => &any.one_of,
            _ => continue,
        };
        let own = format!("#/components/schemas/{union}");
        for alternative in alternatives {
            let ReferenceOr::Reference { reference } = alternative else {
                continue;
            };
            let parts = match schema(reference).map(|s| &s.schema_kind) {
                Some(SchemaKind::AllOf { all_of }) => all_of,
                Some(SchemaKind::Any(any)) if any.properties.is_empty() => &any.all_of,
                _ => continue,
            };
            if let [ReferenceOr::Reference { reference: base }] = parts.as_slice() {
                if *base == own {
                    let name = reference.trim_start_matches("#/components/schemas/");
                    found.push((union.clone(), name.to_owned()));
                }
            }
        }
    }
    found
}

/// Tagged unions one of whose alternatives is the union again, through aliases only.
fn unions_reaching_themselves(api: &Api) -> Vec<String> {
    let by_name = |name: &str| api.types.iter().find(|t| t.rust_name == name);
    let mut found = Vec::new();
    for def in &api.types {
        let TypeKind::OneOf { variants, .. } = &def.kind else {
            continue;
        };
        for variant in variants {
            let mut seen = BTreeSet::new();
            let mut ty = &variant.ty;
            while let TypeRef::Named { name } = ty {
                if *name == def.rust_name {
                    found.push(format!("{}::{}", def.rust_name, variant.rust_name));
                    break;
                }
                if !seen.insert(name.clone()) {
                    break;
                }
                match by_name(name).map(|d| &d.kind) {
                    Some(TypeKind::Alias { target, .. }) => ty = target,
                    _ => break,
                }
            }
        }
    }
    found
}

#[test]
fn no_union_alternative_is_its_own_union() {
    let mut walked = 0;
    for (name, text) in specs() {
        let spec = generator::load::load(&text).unwrap_or_else(|e| panic!("{e}"));
        let api = generator::lower::lower(&spec)
            .unwrap_or_else(|e| panic!("{e}"))
            .api;
        for (union, alternative) in alternatives_that_are_their_union(&spec.document) {
            walked += 1;
            let def = api.types.iter().find(|t| t.name == alternative).unwrap();
            assert!(
                matches!(def.kind, TypeKind::Struct { .. }),
                "{name}: `{alternative}`, an `allOf` of `{union}` alone, must be a struct of its properties, is {:?}",
                def.kind
            );
            println!("{name}: {alternative} (of {union}) is a struct");
        }
        let reaching = unions_reaching_themselves(&api);
        assert!(reaching.is_empty(), "{name}: {reaching:?}");
    }
    assert!(
        walked > 0,
        "the constructs fixture has such a shape (DefaultSchedule)"
    );
}
