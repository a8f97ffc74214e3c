//! The plan's Rust types ([`RustType`]) as tokens. Standard types are written with absolute
//! paths, so a spec type called `String`, `Option` or `Vec` can never shadow them; the crate's
//! own by path (`crate::types::Name`, `crate::types::request::Name`): types live in several
//! files, and a path needs no import that might go unused.

use proc_macro2::TokenStream;
use quote::quote;

use crate::plan::{Plan, RustType, View};

/// A planned Rust type.
pub fn tokens(ty: &RustType) -> TokenStream {
    match ty {
        RustType::Model(path) => {
            let segments = path.split("::").map(ident);
            quote!(crate::types #(:: #segments)*)
        }
        RustType::String => quote!(::std::string::String),
        RustType::DateTime => quote!(::chrono::DateTime<::chrono::Utc>),
        RustType::Date => quote!(::chrono::NaiveDate),
        RustType::Secret => quote!(crate::runtime::Secret),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F64 => quote!(f64),
        RustType::Bool => quote!(bool),
        RustType::Json => quote!(::serde_json::Value),
        RustType::Vec(items) => {
            let items = tokens(items);
            quote!(::std::vec::Vec<#items>)
        }
        RustType::Map(values) => {
            let values = tokens(values);
            quote!(::indexmap::IndexMap<::std::string::String, #values>)
        }
        RustType::Boxed(inner) => {
            let inner = tokens(inner);
            quote!(::std::boxed::Box<#inner>)
        }
        RustType::Option(inner) => {
            let inner = tokens(inner);
            quote!(::std::option::Option<#inner>)
        }
        RustType::Param(name) => {
            let name = ident(name);
            quote!(crate::params::#name)
        }
        RustType::Form { module, name } => {
            let (module, name) = (ident(module), ident(name));
            quote!(crate::operations::#module::#name)
        }
        RustType::File => quote!(crate::runtime::FilePart),
    }
}

/// The type a named reference is emitted as, in a view.
pub fn named(model: &Plan<'_>, name: &str, view: View) -> TokenStream {
    tokens(&RustType::Model(model.name_in(name, view)))
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
