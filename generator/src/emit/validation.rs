//! Validation of request bodies: the `validate` method of each request shape the plan gives
//! checks (patterned string fields, such as `TenantRestore`'s `targetDeploymentItemName`,
//! `^[\p{L}\p{N}\-_.(),:&@+']{1,64}$`, and values holding such fields). A refused value gets the
//! same error as a refused parameter, before anything is sent.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust_types::ident;
use super::scope::Scope;
use crate::plan::{FieldCheck, Holds, Presence};

/// The `validate` method of a struct, from the plan's checks.
pub fn validate_method(scope: &Scope<'_>, checks: &[FieldCheck]) -> TokenStream {
    let (result, invalid, ok) = (
        scope.path("::std::result::Result"),
        scope.path("crate::runtime::InvalidArgument"),
        scope.path("::std::result::Result::Ok"),
    );
    let checks = checks.iter().map(|check| field_check(scope, check));
    quote! {
        /// Checks the fields the spec constrains with a `pattern`, here and in nested values.
        /// Operations call this before sending; call it yourself to check a value early.
        pub fn validate(&self) -> #result<(), #invalid> {
            #(#checks)*
            #ok(())
        }
    }
}

fn field_check(scope: &Scope<'_>, check: &FieldCheck) -> TokenStream {
    match check {
        // The runtime's macro checks a value that may be absent (`None`, or `Some(None)` for
        // `null`) as it is, and keeps the compiled pattern in a static of its own.
        FieldCheck::Pattern {
            wire_name,
            member,
            pattern,
        } => {
            let member = ident(member);
            quote!(crate::runtime::check_pattern!(#wire_name, self.#member, #pattern)?;)
        }
        FieldCheck::Nested {
            member,
            presence,
            holds,
        } => {
            let member = ident(member);
            let check = match holds {
                Holds::Value => quote!(value.validate()?;),
                Holds::Items => quote!(for item in value {
                    item.validate()?;
                }),
                Holds::Values => quote!(for item in value.values() {
                    item.validate()?;
                }),
            };
            let some = || scope.path("::std::option::Option::Some");
            match presence {
                Presence::Tristate => {
                    let some = some();
                    quote!(if let #some(#some(value)) = &self.#member { #check })
                }
                Presence::Required => quote!({ let value = &self.#member; #check }),
                _ => {
                    let some = some();
                    quote!(if let #some(value) = &self.#member { #check })
                }
            }
        }
    }
}
