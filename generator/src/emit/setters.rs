//! The setters of optional parameters: in place in their builder, or, for a setter several
//! builders share ([`SharedSetter`]), once as a macro in `src/operations/mod.rs` that each
//! builder invokes (textual scope: the macros come before the tag modules).

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use super::gates::cfg_attr;
use super::operations::ParamSlot;
use super::rust_types::{ident, tokens};
use super::scope::{Prelude, Scope};
use crate::plan::{Plan, SharedSetter};

/// The setter of an optional parameter: its shared macro's invocation, or the setter itself.
pub(super) fn parameter_setter(scope: &Scope<'_>, slot: &ParamSlot<'_>) -> TokenStream {
    if let Some(name) = &slot.parameter.shared_setter {
        let name = ident(name);
        return quote!(#name!(););
    }
    let docs = &slot.parameter.setter_docs;
    setter(
        scope,
        &slot.parameter.rust_name,
        slot.accepted(),
        slot.into(),
        docs,
    )
}

/// The macros of the shared setters, for `src/operations/mod.rs`.
pub(super) fn shared_setter_macros(model: &Plan<'_>) -> Vec<TokenStream> {
    (model.shared_setters.iter())
        .map(|shared| shared_setter_macro(model, shared))
        .collect()
}

fn shared_setter_macro(model: &Plan<'_>, shared: &SharedSetter) -> TokenStream {
    let name = ident(&shared.macro_name);
    // A macro's body expands in the builders' modules: its paths are written whole.
    let scope = Scope::whole(&model.defined_names);
    let stored = tokens(&scope, &shared.stored);
    let accepted = match shared.into_string {
        true => {
            let Prelude { into, string, .. } = scope.prelude();
            quote!(impl #into<#string>)
        }
        false => stored,
    };
    let setter = setter(
        &scope,
        &shared.rust_name,
        accepted,
        shared.into_string,
        &shared.docs,
    );
    let doc = format!(
        " The `{}` setter, the same in every builder that has it.",
        shared.rust_name.trim_start_matches("r#")
    );
    let cfg = cfg_attr(model, &shared.gate);
    quote! {
        #[doc = #doc]
        #cfg
        macro_rules! #name {
            () => {
                #setter
            };
        }
    }
}

/// `pub fn name(mut self, value: Accepted) -> Self`, storing the value (converted when `into`).
fn setter(
    scope: &Scope<'_>,
    rust_name: &str,
    accepted: TokenStream,
    into: bool,
    docs: &[String],
) -> TokenStream {
    let some = scope.path("::std::option::Option::Some");
    let field = ident(rust_name);
    let value = match into {
        true => quote!(value.into()),
        false => quote!(value),
    };
    let docs = doc_paragraphs(docs.iter().map(|d| Some(d.as_str())));
    quote! {
        #docs
        pub fn #field(mut self, value: #accepted) -> Self {
            self.#field = #some(#value);
            self
        }
    }
}
