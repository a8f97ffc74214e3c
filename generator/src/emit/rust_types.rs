//! The plan's Rust types ([`RustType`]) as tokens, written as the file's [`Scope`] says: short
//! where that certainly means the same type (`Option<Link>`), whole where a spec name could
//! shadow it (`::std::option::Option` in a crate that defines `Option`).

use proc_macro2::TokenStream;
use quote::quote;

use super::scope::Scope;
use crate::plan::{Plan, RustType, View};

/// A planned Rust type.
pub fn tokens(scope: &Scope<'_>, ty: &RustType) -> TokenStream {
    match ty {
        RustType::Model(path) => scope.path(&format!("crate::types::{path}")),
        RustType::String => scope.path("::std::string::String"),
        RustType::DateTime => {
            let (date_time, utc) = (
                scope.path("::chrono::DateTime"),
                scope.path("::chrono::Utc"),
            );
            quote!(#date_time<#utc>)
        }
        RustType::Date => scope.path("::chrono::NaiveDate"),
        RustType::Secret => scope.path("crate::runtime::Secret"),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F64 => quote!(f64),
        RustType::Bool => quote!(bool),
        RustType::Json => scope.path("::serde_json::Value"),
        RustType::Vec(items) => {
            let (vec, items) = (scope.path("::std::vec::Vec"), tokens(scope, items));
            quote!(#vec<#items>)
        }
        RustType::Map(values) => {
            let (map, string) = (
                scope.path("::indexmap::IndexMap"),
                scope.path("::std::string::String"),
            );
            let values = tokens(scope, values);
            quote!(#map<#string, #values>)
        }
        RustType::Boxed(inner) => {
            let (boxed, inner) = (scope.path("::std::boxed::Box"), tokens(scope, inner));
            quote!(#boxed<#inner>)
        }
        RustType::Option(inner) => {
            let (option, inner) = (scope.path("::std::option::Option"), tokens(scope, inner));
            quote!(#option<#inner>)
        }
        RustType::Param(name) => scope.path(&format!("crate::params::{name}")),
        RustType::Form { module, name } => {
            scope.path(&format!("crate::operations::{module}::{name}"))
        }
        RustType::File => scope.path("crate::runtime::FilePart"),
    }
}

/// The type a named reference is emitted as, in a view.
pub fn named(scope: &Scope<'_>, model: &Plan<'_>, name: &str, view: View) -> TokenStream {
    tokens(scope, &RustType::Model(model.name_in(name, view)))
}

/// An identifier from a name the names module made (which may be raw, `r#type`).
pub fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}

/// The name as written in source without a raw prefix: what serde sees as the field name.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}
