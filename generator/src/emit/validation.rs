//! Validation of request bodies: string fields with a `pattern` (such as `TenantRestore`'s
//! `targetDeploymentItemName`, `^[\p{L}\p{N}\-_.(),:&@+']{1,64}$`) are checked before a request
//! is sent, with the same error as a refused parameter. Each struct sent in a request gets a
//! `validate` method that checks its own fields and those of the structs it holds.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::model::{EmitModel, View};
use super::rust_types::ident;
use crate::ir::{Field, TypeKind, TypeRef};

/// Which types get `validate` in the request view: structs sent in requests that have a
/// patterned string field, or hold (directly, in an `Option`, `Vec` or map) one that does.
pub fn validated_types(model: &EmitModel<'_>) -> BTreeSet<String> {
    let mut validated: BTreeSet<String> = BTreeSet::new();
    loop {
        let before = validated.len();
        for def in &model.api.types {
            let TypeKind::Struct { fields, .. } = &def.kind else {
                continue;
            };
            if !model.is_sent(&def.rust_name) || validated.contains(&def.rust_name) {
                continue;
            }
            let needs = EmitModel::fields_in(fields, View::Request).any(|f| {
                pattern_of(f).is_some() || nested(&f.ty).is_some_and(|n| validated.contains(n))
            });
            if needs {
                validated.insert(def.rust_name.clone());
            }
        }
        if validated.len() == before {
            return validated;
        }
    }
}

/// The `validate` method for the request view of a struct, if it has one.
pub fn validate_method(
    model: &EmitModel<'_>,
    rust_name: &str,
    fields: &[&Field],
    view: View,
) -> Option<TokenStream> {
    if view != View::Request && model.request_view(rust_name).is_some() {
        return None;
    }
    if !model.has_validate(rust_name) {
        return None;
    }
    let checks: Vec<TokenStream> = fields
        .iter()
        .enumerate()
        .filter_map(|(index, field)| field_check(model, field, index))
        .collect();
    Some(quote! {
        /// Checks the fields the spec constrains with a `pattern`, here and in nested values.
        /// Operations call this before sending; call it yourself to check a value early.
        pub fn validate(&self) -> ::std::result::Result<(), crate::runtime::InvalidArgument> {
            #(#checks)*
            ::std::result::Result::Ok(())
        }
    })
}

fn field_check(model: &EmitModel<'_>, field: &Field, index: usize) -> Option<TokenStream> {
    let member = ident(&field.rust_name);
    let optional = !field.required || field.nullable;
    let check = if let Some(pattern) = pattern_of(field) {
        let name = &field.name;
        let regex = format_ident!("PATTERN_{index}");
        quote! {
            static #regex: ::std::sync::LazyLock<::std::option::Option<::regex::Regex>> =
                ::std::sync::LazyLock::new(|| ::regex::Regex::new(#pattern).ok());
            crate::runtime::check_pattern(#name, value, #regex.as_ref(), #pattern)?;
        }
    } else {
        nested(&field.ty).filter(|n| model.has_validate(n))?;
        match &field.ty {
            TypeRef::Named { .. } => quote!(value.validate()?;),
            TypeRef::Array { .. } => quote!(for item in value {
                item.validate()?;
            }),
            TypeRef::Map { .. } => quote!(for item in value.values() {
                item.validate()?;
            }),
            _ => return None,
        }
    };
    Some(if optional {
        quote!(if let ::std::option::Option::Some(value) = &self.#member { #check })
    } else {
        quote!({ let value = &self.#member; #check })
    })
}

/// The pattern of a plain string field, when lowering found it checkable.
fn pattern_of(field: &Field) -> Option<&str> {
    let pattern = field.constraints.pattern.as_ref()?.checked()?;
    let plain = matches!(field.ty, TypeRef::String { format: None });
    plain.then_some(pattern)
}

/// The struct a field holds, directly or as the elements of a `Vec` or map.
fn nested(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named { name } => Some(name),
        TypeRef::Array { items } => match items.as_ref() {
            TypeRef::Named { name } => Some(name),
            _ => None,
        },
        TypeRef::Map { values } => match values.as_ref() {
            TypeRef::Named { name } => Some(name),
            _ => None,
        },
        _ => None,
    }
}
