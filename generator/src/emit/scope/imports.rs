//! The `use` header of a file, from what its code used: in a fixed order (the standard library,
//! other crates, then this crate), each import gated like the code that uses it, so that no
//! feature set leaves an import unused or pointing at an item compiled out.

use std::collections::{BTreeMap, BTreeSet};

use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{Meta, Token};

use super::Condition;

/// `use` items for `imports` (path to the conditions of its users), in order.
pub fn use_items(imports: &BTreeMap<String, BTreeSet<Condition>>) -> String {
    // (group, cfg, parent) to the names imported from that parent.
    let mut grouped: BTreeMap<(u8, String, &str), Vec<&str>> = BTreeMap::new();
    for (path, conditions) in imports {
        let (parent, name) = path.rsplit_once("::").unwrap_or(("", path));
        let group = match path.split("::").next() {
            Some("std" | "core" | "alloc") => 0,
            Some("crate") => 2,
            _ => 1,
        };
        grouped
            .entry((group, cfg_attribute(conditions), parent))
            .or_default()
            .push(name);
    }
    // A module imported beside items of its own joins them: `use std::fmt::{self, Display};`.
    let keys: Vec<(u8, String, &str)> = grouped.keys().cloned().collect();
    for (group, cfg, parent) in keys {
        let Some((grandparent, module)) = parent.rsplit_once("::") else {
            continue;
        };
        let outer = (group, cfg.clone(), grandparent);
        let Some(siblings) = grouped.get_mut(&outer) else {
            continue;
        };
        if let Some(index) = siblings.iter().position(|name| *name == module) {
            siblings.remove(index);
            if siblings.is_empty() {
                grouped.remove(&outer);
            }
            if let Some(names) = grouped.get_mut(&(group, cfg, parent)) {
                names.insert(0, "self");
            }
        }
    }
    // In path order within each group: `std::borrow::Cow` before `std::fmt`.
    let mut texts: Vec<((u8, String, String), String)> = grouped
        .into_iter()
        .map(|((group, cfg, parent), names)| {
            let first = format!("{parent}::{}", names[0]);
            let names = match names.as_slice() {
                [one] => (*one).to_owned(),
                _ => format!("{{{}}}", names.join(", ")),
            };
            (
                (group, first, cfg.clone()),
                format!("{cfg} use {parent}::{names};")
                    .trim_start()
                    .to_owned(),
            )
        })
        .collect();
    texts.sort();
    let lines: Vec<String> = texts.into_iter().map(|(_, text)| text).collect();
    lines.join("\n")
}

/// `#[cfg(...)]` for an import whose users are under `conditions`: none if any user is
/// ungated, else any of the users' conditions, as one flat `any` (items shared by a few features
/// each are gated `any(feature = "a", feature = "b")`, and an import may serve dozens of them).
fn cfg_attribute(conditions: &BTreeSet<Condition>) -> String {
    if conditions.is_empty() || conditions.contains(&Vec::new()) {
        return String::new();
    }
    let mut alternatives = BTreeSet::new();
    for all in conditions {
        match all.as_slice() {
            [one] => alternatives.extend(any_members(one)),
            _ => {
                alternatives.insert(format!("all({})", all.join(", ")));
            }
        }
    }
    let alternatives: Vec<String> = alternatives.into_iter().collect();
    match alternatives.as_slice() {
        [one] => format!("#[cfg({one})]"),
        _ => format!("#[cfg(any({}))]", alternatives.join(", ")),
    }
}

/// The alternatives of a `cfg` predicate: the members of `any(...)`, nested ones included, or
/// the predicate itself.
fn any_members(predicate: &str) -> Vec<String> {
    let members = match syn::parse_str::<Meta>(predicate) {
        Ok(Meta::List(list)) if list.path.is_ident("any") => list
            .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            .ok(),
        _ => None,
    };
    match members {
        Some(members) => members
            .iter()
            .flat_map(|member| any_members(&member.to_token_stream().to_string()))
            .collect(),
        None => vec![predicate.to_owned()],
    }
}
