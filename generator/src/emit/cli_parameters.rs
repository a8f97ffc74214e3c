//! The flags of a tag's commands as the command line's tables list them: each a
//! `CliParameter::new(...)` with only what differs from its defaults, and a flag several
//! operations of the tag share word for word (`envelope`, `groupId`) written once, as a constant
//! of the tag's file, which their tables name.

use std::collections::{BTreeMap, HashMap};

use heck::ToShoutySnakeCase;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{ParameterLocation, TypeKind, TypeRef};
use crate::plan::{CliFlag, Feature, Plan};

/// The flags several operations of one tag share, as constants of its file.
pub(super) struct SharedParameters {
    /// Each shared entry's constant, by the entry's text.
    names: HashMap<String, Ident>,
    /// The constants' items.
    pub(super) items: Vec<TokenStream>,
}

impl SharedParameters {
    /// The flags of `feature`'s operations that appear more than once.
    pub(super) fn of(model: &Plan<'_>, feature: &Feature) -> Self {
        let mut seen: Vec<(String, TokenStream, &str)> = Vec::new();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (operation, plan) in model.operations().filter(|(_, p)| p.feature == feature.id) {
            for (parameter, flag) in operation.parameters.iter().zip(&plan.cli.flags) {
                let entry = parameter_entry(model, parameter, flag);
                let text = entry.to_string();
                let count = counts.entry(text.clone()).or_default();
                *count += 1;
                if *count == 2 {
                    seen.push((text, entry, flag.key.as_str()));
                }
            }
        }
        let mut names = HashMap::new();
        let mut items = Vec::new();
        let mut taken: BTreeMap<String, usize> = BTreeMap::new();
        for (text, entry, key) in seen {
            let base = constant_base(key);
            let number = taken.entry(base.clone()).or_default();
            *number += 1;
            let name = match *number {
                1 => format_ident!("{}_FLAG", base),
                n => format_ident!("{}_{}_FLAG", base, n),
            };
            let doc = format!(" The `{key}` flag of several of this tag's operations.");
            items.push(quote! {
                #[doc = #doc]
                const #name: crate::runtime::cli::CliParameter = #entry;
            });
            names.insert(text, name);
        }
        Self { names, items }
    }

    /// The entry as a table lists it: its constant when shared.
    pub(super) fn entry(&self, entry: TokenStream) -> TokenStream {
        match self.names.get(&entry.to_string()) {
            Some(name) => quote!(#name),
            None => entry,
        }
    }
}

/// A constant's name from a parameter's spec name: ASCII capitals, digits and underscores only
/// (the spec's names may hold any character), never starting with a digit. The `_FLAG` suffix
/// keeps it apart from the file's `TAG` and `..._COMMAND` items.
fn constant_base(key: &str) -> String {
    let shouty: String = (key.to_shouty_snake_case().chars())
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let shouty = shouty.trim_matches('_').to_owned();
    match shouty.chars().next() {
        Some(first) if !first.is_ascii_digit() => shouty,
        _ => format!("P{shouty}"),
    }
}

pub(super) fn parameter_entry(
    model: &Plan<'_>,
    parameter: &crate::ir::Parameter,
    flag: &CliFlag,
) -> TokenStream {
    let key = &flag.key;
    let location = format_ident!(
        "{}",
        match parameter.location {
            ParameterLocation::Path => "Path",
            ParameterLocation::Query => "Query",
            ParameterLocation::Header => "Header",
            ParameterLocation::Cookie => "Cookie",
        }
    );
    let help = parameter.description.as_deref().unwrap_or_default();
    // Only what differs from `CliParameter::new`'s defaults is spelled out.
    let mut entry = quote! {
        crate::runtime::cli::CliParameter::new(#key, crate::runtime::cli::Location::#location, #help)
    };
    if flag.flag != *key {
        let flag_name = &flag.flag;
        entry.extend(quote!(.flag(#flag_name)));
    }
    if let Some(alias) = &flag.alias {
        entry.extend(quote!(.alias(#alias)));
    }
    if parameter.required {
        entry.extend(quote!(.required()));
    }
    if matches!(parameter.ty, TypeRef::Array { .. }) {
        entry.extend(quote!(.repeated()));
    }
    let values = enum_values(model, &parameter.ty);
    if !values.is_empty() {
        entry.extend(quote!(.values(&[#(#values),*])));
    }
    if let Some(variable) = flag.default_env {
        entry.extend(quote!(.default_env(#variable)));
    }
    entry
}

/// The values an enum parameter (or an array of enum values) takes.
fn enum_values(model: &Plan<'_>, ty: &TypeRef) -> Vec<String> {
    match ty {
        TypeRef::Array { items } => enum_values(model, items),
        TypeRef::Named { name } => match model.type_def(name).map(|d| &d.kind) {
            Some(TypeKind::Enum { values }) => values.iter().map(|v| v.value.clone()).collect(),
            Some(TypeKind::Alias { target, .. }) => enum_values(model, target),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::constant_base;

    #[test]
    fn constant_names_are_identifiers_whatever_the_spec_calls_its_parameters() {
        assert_eq!(constant_base("groupId"), "GROUP_ID");
        assert_eq!(constant_base("id@header"), "ID_HEADER");
        assert_eq!(constant_base("2fa"), "P2FA");
        assert_eq!(constant_base("事業所ID"), "ID");
        assert_eq!(constant_base("日付"), "P");
    }
}
