//! `src/auth.rs`, for a spec with `apiKey` security schemes: one function per scheme making the
//! credentials that send a key where the scheme says (`Credentials::KeyIn`).

use quote::quote;

use super::docs::doc_paragraphs;
use super::rust_types::ident;
use super::scope::Scope;
use crate::plan::Plan;
use crate::wire::ParameterLocation;

/// The module, or `None` when the spec has no `apiKey` scheme.
pub fn auth(model: &Plan<'_>) -> Option<String> {
    if model.key_schemes.is_empty() {
        return None;
    }
    let own = model
        .key_schemes
        .iter()
        .map(|scheme| scheme.function.as_str());
    let scope = Scope::new("src/auth.rs", &model.defined_names, own);
    scope.import(&[
        "crate::runtime::Credentials",
        "crate::runtime::KeyLocation",
        "crate::runtime::Secret",
    ]);
    let functions = model.key_schemes.iter().map(|scheme| {
        let function = ident(&scheme.function);
        let (location, place) = match scheme.location {
            ParameterLocation::Query => (quote!(Query), "query parameter"),
            ParameterLocation::Cookie => (quote!(Cookie), "cookie"),
            ParameterLocation::Header | ParameterLocation::Path => (quote!(Header), "header"),
        };
        let what = format!(
            "Credentials for the `{}` scheme: the key in the `{}` {place}, sent to the API's \
             host only and never shown in `Debug`.",
            scheme.scheme, scheme.name
        );
        let docs = doc_paragraphs([Some(what.as_str()), scheme.description.as_deref()]);
        let name = &scheme.name;
        quote! {
            #docs
            pub fn #function(key: impl Into<Secret>) -> Credentials {
                Credentials::key_in(KeyLocation::#location, #name, key)
            }
        }
    });
    let items = quote!(#(#functions)*).to_string();
    let head = quote! {
        //! Credentials for the spec's API-key security schemes: pass one to
        //! [`Client::new`](crate::Client::new).
    };
    Some(scope.file(&head.to_string(), &items))
}
