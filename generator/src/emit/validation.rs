//! Validation of request bodies: the `validate` method of each request shape the plan gives
//! checks (patterned string fields, such as `TenantRestore`'s `targetDeploymentItemName`,
//! `^[\p{L}\p{N}\-_.(),:&@+']{1,64}$`, and values holding such fields). A refused value gets the
//! same error as a refused parameter, before anything is sent.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust_types::ident;
use crate::ir::{Field, TypeRef};
use crate::plan::{PatternCheck, Plan, Presence, View};

/// The `validate` method of the request shape of a struct, if it has one.
pub fn validate_method(
    model: &Plan<'_>,
    rust_name: &str,
    fields: &[&Field],
    view: View,
    answer: bool,
) -> Option<TokenStream> {
    let type_plan = model.type_plan_named(rust_name)?;
    if view != View::Request && type_plan.request_view.is_some() {
        return None;
    }
    let checks = type_plan.validation.as_ref()?;
    let checks = checks
        .iter()
        .filter_map(|check| field_check(fields, check, answer));
    Some(quote! {
        /// Checks the fields the spec constrains with a `pattern`, here and in nested values.
        /// Operations call this before sending; call it yourself to check a value early.
        pub fn validate(&self) -> ::std::result::Result<(), crate::runtime::InvalidArgument> {
            #(#checks)*
            ::std::result::Result::Ok(())
        }
    })
}

/// `answer`: the struct is an answer's, whose fields are all `Option`s (emit/structs.rs).
fn field_check(fields: &[&Field], check: &PatternCheck, answer: bool) -> Option<TokenStream> {
    let (PatternCheck::Pattern { field: name, .. } | PatternCheck::Nested { field: name }) = check;
    let field = fields.iter().find(|f| &f.name == name)?;
    let member = ident(&field.rust_name);
    // The runtime's macro checks a value that may be absent (`None`, or `Some(None)` for `null`)
    // as it is, and keeps the compiled pattern in a static of its own.
    if let PatternCheck::Pattern { pattern, .. } = check {
        return Some(quote!(crate::runtime::check_pattern!(#name, self.#member, #pattern)?;));
    }
    let presence = Presence::of(field, answer);
    let check = match &field.ty {
        TypeRef::Named { .. } => quote!(value.validate()?;),
        TypeRef::Array { .. } => quote!(for item in value {
            item.validate()?;
        }),
        TypeRef::Map { .. } => quote!(for item in value.values() {
            item.validate()?;
        }),
        _ => return None,
    };
    Some(match presence {
        Presence::Tristate => {
            quote!(if let ::std::option::Option::Some(::std::option::Option::Some(value)) = &self.#member { #check })
        }
        Presence::Required => quote!({ let value = &self.#member; #check }),
        _ => quote!(if let ::std::option::Option::Some(value) = &self.#member { #check }),
    })
}
