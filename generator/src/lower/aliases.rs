//! Recursion Rust cannot express: schemas that are only other names for each other (`$ref`
//! chains, single-part `allOf`s, arrays and maps of each other) and lead back to themselves.
//!
//! Such schemas become type aliases, and a type alias cannot refer to itself, even through a
//! `Vec`. Recursion through a struct or an enum is fine (emission boxes it), so only cycles made
//! of aliases alone are reported, each once, at its first schema in type order.

use std::collections::{BTreeMap, BTreeSet};

use super::Lowerer;
use crate::diagnostics::{JsonPointer, Problem};
use crate::ir::model::{TypeDef, TypeKind, TypeRef};

impl Lowerer<'_> {
    pub(super) fn check_alias_cycles(&mut self) {
        let edges: BTreeMap<&str, Vec<&str>> = self
            .types
            .iter()
            .filter_map(|(name, def)| Some((name.as_str(), alias_targets(def)?)))
            .collect();
        let mut reported: BTreeSet<&str> = BTreeSet::new();
        let mut found = Vec::new();
        for &start in edges.keys() {
            if reported.contains(start) {
                continue;
            }
            let Some(cycle) = path_back(start, &edges) else {
                continue;
            };
            reported.extend(cycle.iter().copied());
            let chain = cycle
                .iter()
                .map(|&name| {
                    self.types
                        .get(name)
                        .map_or(name, |def| &def.name)
                        .to_owned()
                })
                .collect();
            let at = self
                .types
                .get(start)
                .and_then(|def| JsonPointer::from_fragment(&def.pointer))
                .unwrap_or_default();
            found.push((at, Problem::AliasCycle { chain }));
        }
        for (at, problem) in found {
            self.report(&at, problem);
        }
    }
}

/// The named types an alias-like definition mentions, or `None` for a struct, enum or union.
fn alias_targets(def: &TypeDef) -> Option<Vec<&str>> {
    let target = match &def.kind {
        TypeKind::Alias { target, .. } => target,
        TypeKind::Map { values } => values,
        TypeKind::Struct { .. } | TypeKind::Enum { .. } | TypeKind::OneOf { .. } => return None,
    };
    Some(named_in(target))
}

fn named_in(ty: &TypeRef) -> Vec<&str> {
    match ty {
        TypeRef::Named { name } => vec![name.as_str()],
        TypeRef::Array { items } => named_in(items),
        TypeRef::Map { values } => named_in(values),
        _ => Vec::new(),
    }
}

/// A path of aliases from `start` back to itself (`[start, ..., start]`), if there is one.
fn path_back<'a>(start: &'a str, edges: &BTreeMap<&'a str, Vec<&'a str>>) -> Option<Vec<&'a str>> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    // Depth-first, keeping the path: each entry is a node and the index of its next edge.
    let mut path: Vec<(&str, usize)> = vec![(start, 0)];
    while let Some((node, next)) = path.last_mut() {
        let targets = edges.get(*node).map_or(&[][..], Vec::as_slice);
        let Some(&target) = targets.get(*next) else {
            path.pop();
            continue;
        };
        *next += 1;
        if target == start {
            let mut cycle: Vec<&str> = path.iter().map(|(node, _)| *node).collect();
            cycle.push(start);
            return Some(cycle);
        }
        if edges.contains_key(target) && seen.insert(target) {
            path.push((target, 0));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_way_back_and_only_through_aliases() {
        let edges: BTreeMap<&str, Vec<&str>> = [
            ("A", vec!["B"]),
            ("B", vec!["C", "A"]),
            ("C", vec!["C2"]),
            ("D", vec!["A"]),
        ]
        .into_iter()
        .collect();
        assert_eq!(path_back("A", &edges), Some(vec!["A", "B", "A"]));
        assert_eq!(path_back("D", &edges), None);
        assert_eq!(path_back("C", &edges), None);
        let own: BTreeMap<&str, Vec<&str>> = [("S", vec!["S"])].into_iter().collect();
        assert_eq!(path_back("S", &own), Some(vec!["S", "S"]));
    }
}
