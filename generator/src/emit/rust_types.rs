//! Type references to Rust types. Standard types are written with absolute paths, so a spec type
//! called `String`, `Option` or `Vec` can never shadow them.
//!
//! Numbers never lose a value silently. JSON numbers are doubles, so every `number` is an `f64`,
//! `format: float` included: an `f32` would turn a value beyond its range into infinity, which
//! serde_json writes back as `null`. Integers are `i64`, or `i32` for `format: int32`; a value
//! out of range is a decode error, which the caller sees. What `f64` itself cannot hold exactly
//! (integers beyond 2^53 in a `number` field) is rounded, as by any JSON client.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Format, TypeRef};
use crate::plan::{Plan, View};

/// The Rust type for a type reference, in a view.
pub fn rust_type(model: &Plan<'_>, ty: &TypeRef, view: View) -> TokenStream {
    match ty {
        TypeRef::Named { name } => named(model, name, view),
        TypeRef::String { format } => string_type(format.as_ref()),
        TypeRef::Integer { format } => match format {
            Some(Format::Int32) => quote!(i32),
            _ => quote!(i64),
        },
        TypeRef::Number { .. } => quote!(f64),
        TypeRef::Boolean => quote!(bool),
        TypeRef::Array { items } => {
            let items = rust_type(model, items, view);
            quote!(::std::vec::Vec<#items>)
        }
        TypeRef::Map { values } => {
            let values = rust_type(model, values, view);
            // In the order the keys came, as written: a map is often a MongoDB document (search
            // index mappings, aggregation stages) whose key order matters.
            quote!(::indexmap::IndexMap<::std::string::String, #values>)
        }
        TypeRef::Any => quote!(::serde_json::Value),
    }
}

/// The type a named reference is emitted as, in a view. Always by path (`crate::types::Name`,
/// `crate::types::request::Name`): types live in several files, and a path needs no import that
/// might go unused.
pub fn named(model: &Plan<'_>, name: &str, view: View) -> TokenStream {
    let path = model.name_in(name, view);
    let segments = path.split("::").map(ident);
    quote!(crate::types #(:: #segments)*)
}

fn string_type(format: Option<&Format>) -> TokenStream {
    match format {
        Some(Format::DateTime) => quote!(::chrono::DateTime<::chrono::Utc>),
        Some(Format::Date) => quote!(::chrono::NaiveDate),
        Some(Format::Password) => quote!(crate::runtime::Secret),
        _ => quote!(::std::string::String),
    }
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
