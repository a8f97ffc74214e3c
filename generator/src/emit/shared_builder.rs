//! The one builder the API versions of an operation share (`plan::SharedBuilder`): the struct,
//! typed by a version marker `V` (and by the body's type `B` when versions send different ones),
//! with the setters every version has; and, per version other than the default, the alias that
//! keeps its builder's name. Each version's `send` is an `impl` at its marker (`operations`).

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::{builder_fields, camel_allow, setters, Call};
use super::rust_types::ident;
use crate::plan::SharedBuilder;

/// The struct and its shared setters, printed with the operation's default method (`call`).
pub(super) fn shared_builder(call: &Call<'_>, shared: &SharedBuilder) -> TokenStream {
    let name = ident(&shared.name);
    let (marker, body) = type_arguments(call, shared);
    let (defaults, parameters, body_type) = match body {
        Some(body) => (
            quote!(V = #marker, B = #body),
            quote!(V, B),
            Some(quote!(B)),
        ),
        None => (quote!(V = #marker), quote!(V), call.body_type()),
    };
    let mut fields = builder_fields(call, body_type.clone());
    let phantom = call.scope.path("::std::marker::PhantomData");
    fields.push(quote!(version_: #phantom<V>));
    let setters = setters(call, body_type);
    let request = super::request::shared_request_method(call);
    let doc = format!(
        " The request built by {} and by the methods of the operation's other versions. `V` is \
         the version ([`crate::versions`]): it decides the `Accept` header and the type `send` \
         answers; the setters are the same in every version.",
        call.client_link()
    );
    let camel_allow = camel_allow(&shared.name);
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until `send` is awaited"]
        #camel_allow
        pub struct #name<'a, #defaults> {
            #(#fields,)*
        }

        impl<#parameters> #name<'_, #parameters> {
            #(#setters)*

            #request
        }
    }
}

/// `pub type <Builder>V2023_01_01<'a> = <Builder><'a, V2023_01_01>`: the builder of a version
/// other than the default under its own name; nothing for the default, which is the struct.
pub(super) fn alias(call: &Call<'_>, shared: &SharedBuilder) -> Option<TokenStream> {
    if call.method.builder == shared.name {
        return None;
    }
    let (alias, name) = (ident(&call.method.builder), ident(&shared.name));
    let (marker, body) = type_arguments(call, shared);
    let body = body.map(|body| quote!(, #body));
    let accept = &call.method.accept;
    let doc = format!(
        " The request built by {}: [`{}`] sending `Accept: {accept}`.",
        call.client_link(),
        shared.name
    );
    let camel_allow = camel_allow(&call.method.builder);
    Some(quote! {
        #[doc = #doc]
        #camel_allow
        pub type #alias<'a> = #name<'a, #marker #body>;
    })
}

/// The marker of `call`'s method, and its body type when that is a type parameter, as written in
/// its file.
fn type_arguments(call: &Call<'_>, shared: &SharedBuilder) -> (TokenStream, Option<TokenStream>) {
    let marker = match &call.method.marker {
        Some(marker) => call.scope.path(&format!("crate::versions::{marker}")),
        None => quote!(()),
    };
    let body = (shared.body_parameter).then(|| call.body_type().unwrap_or_else(|| quote!(())));
    (marker, body)
}
