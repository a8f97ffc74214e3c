//! The type graph: which types a type or an operation mentions, and what is reachable from where.
//! Views, gates and boxing are all questions of reachability.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{Plan, TypeId};
use crate::ir::{Operation, TypeDef, TypeKind, TypeRef};

/// Named types a type reference mentions, at any depth.
pub fn named_in(ty: &TypeRef) -> Vec<&str> {
    match ty {
        TypeRef::Named { name } => vec![name.as_str()],
        TypeRef::Array { items } => named_in(items),
        TypeRef::Map { values } => named_in(values),
        _ => Vec::new(),
    }
}

/// Every named type a type definition mentions.
pub fn refs_of(def: &TypeDef) -> Vec<&str> {
    match &def.kind {
        TypeKind::Struct {
            fields,
            additional_properties,
            ..
        } => fields
            .iter()
            .flat_map(|f| named_in(&f.ty))
            .chain(additional_properties.iter().flat_map(named_in))
            .collect(),
        TypeKind::Enum { .. } => Vec::new(),
        TypeKind::Alias { target, .. } => named_in(target),
        TypeKind::Map { values } => named_in(values),
        TypeKind::OneOf { variants, .. } => variants.iter().flat_map(|v| named_in(&v.ty)).collect(),
    }
}

/// Every named type a type definition mentions or its docs link to: a struct that holds the
/// fields of a `oneOf`'s alternatives links to them, so they are compiled whenever it is.
pub fn linked_of(def: &TypeDef) -> Vec<&str> {
    let mut linked = refs_of(def);
    if let TypeKind::Struct {
        one_of: Some(merged),
        ..
    } = &def.kind
    {
        linked.extend(
            merged
                .alternatives
                .iter()
                .filter_map(|a| a.type_name.as_deref()),
        );
    }
    linked
}

/// Named types a type definition holds inline (not behind a `Vec` or map).
fn direct_refs_of(def: &TypeDef) -> Vec<&str> {
    fn direct(ty: &TypeRef) -> Option<&str> {
        match ty {
            TypeRef::Named { name } => Some(name.as_str()),
            _ => None,
        }
    }
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields.iter().filter_map(|f| direct(&f.ty)).collect(),
        TypeKind::Alias { target, .. } => direct(target).into_iter().collect(),
        TypeKind::OneOf { variants, .. } => variants.iter().filter_map(|v| direct(&v.ty)).collect(),
        TypeKind::Enum { .. } | TypeKind::Map { .. } => Vec::new(),
    }
}

/// The named types an operation mentions directly: parameters, bodies, responses, headers.
pub fn operation_roots(operation: &Operation) -> Vec<&str> {
    let parameters = operation.parameters.iter().flat_map(|p| named_in(&p.ty));
    let bodies = operation.request_body.iter().flat_map(|b| &b.contents);
    let responses = operation.success.iter().chain(&operation.errors);
    let contents = bodies.chain(responses.clone().flat_map(|r| &r.contents));
    let headers = responses
        .flat_map(|r| &r.headers)
        .flat_map(|h| named_in(&h.ty));
    parameters
        .chain(contents.flat_map(|c| c.schema.iter().flat_map(named_in)))
        .chain(headers)
        .collect()
}

/// The types reachable from `roots` through what each type mentions or links to.
pub fn closure(plan: &Plan<'_>, roots: Vec<&str>) -> BTreeSet<TypeId> {
    let mut seen = BTreeSet::new();
    let mut pending = roots;
    while let Some(name) = pending.pop() {
        let Some(id) = plan.type_id(name) else {
            continue;
        };
        if seen.insert(id) {
            pending.extend(linked_of(plan.def(id)));
        }
    }
    seen
}

/// For every type, the types it holds inline that lead back to it without passing through a
/// `Vec` or map (already on the heap): those fields must be boxed.
pub fn boxed_edges(plan: &Plan<'_>) -> HashMap<TypeId, BTreeSet<TypeId>> {
    let edges: HashMap<TypeId, Vec<TypeId>> = (0..plan.api.types.len())
        .map(TypeId)
        .map(|id| {
            let targets = direct_refs_of(plan.def(id));
            (
                id,
                targets
                    .into_iter()
                    .filter_map(|n| plan.type_id(n))
                    .collect(),
            )
        })
        .collect();
    let mut reach: HashMap<TypeId, HashSet<TypeId>> = HashMap::new();
    let mut boxed: HashMap<TypeId, BTreeSet<TypeId>> = HashMap::new();
    for (from, targets) in &edges {
        for to in targets {
            let reachable = reach
                .entry(*to)
                .or_insert_with(|| reachable_from(*to, &edges));
            if reachable.contains(from) {
                boxed.entry(*from).or_default().insert(*to);
            }
        }
    }
    boxed
}

fn reachable_from(start: TypeId, edges: &HashMap<TypeId, Vec<TypeId>>) -> HashSet<TypeId> {
    let mut seen = HashSet::new();
    let mut pending = vec![start];
    while let Some(node) = pending.pop() {
        if seen.insert(node) {
            pending.extend(edges.get(&node).into_iter().flatten());
        }
    }
    seen
}
