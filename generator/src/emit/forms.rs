//! The form type of a `multipart/form-data` body, printed beside its request builder: one field
//! per part, the required ones taken by `new`, the others set by setters, and `to_multipart`,
//! which lists the parts in the schema's order with the names and content types the plan gave.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use super::rust_types::{ident, tokens};
use super::scope::{Prelude, Scope};
use crate::plan::{MultipartPlan, PartKind, PartPlan, Plan};

/// The form type of `form`, for the method `method_text` (its docs link to it).
pub(super) fn form_type(
    scope: &Scope<'_>,
    model: &Plan<'_>,
    form: &MultipartPlan,
    method_text: &str,
) -> TokenStream {
    let name = ident(&form.type_name);
    let fields: Vec<TokenStream> = form.parts.iter().map(|part| field(scope, part)).collect();
    let constructor = constructor(scope, form);
    let setters: Vec<TokenStream> = (form.parts.iter())
        .filter(|p| !p.required)
        .map(|part| setter(scope, part))
        .collect();
    let to_multipart = to_multipart(scope, form);
    let client = scope.link(
        &format!("Client::{method_text}"),
        &format!("crate::Client::{method_text}"),
    );
    let file_part = scope.link("FilePart", "crate::runtime::FilePart");
    let doc = format!(
        " The `multipart/form-data` body of {client}: one field per part. A file part is a \
         {file_part}, streamed from disk as it is sent, or bytes."
    );
    // A form without required parts is empty to start with, as `Default` says too.
    let default = form
        .parts
        .iter()
        .all(|part| !part.required)
        .then(|| quote!(Default,));
    // Its old name, when a regeneration renamed it (its operation was renamed).
    let shims = super::types::type_shims(model, &form.type_name, None);
    quote! {
        #shims
        #[doc = #doc]
        #[derive(Debug, Clone, #default)]
        pub struct #name {
            #(#fields,)*
        }

        impl #name {
            #constructor
            #(#setters)*
            #to_multipart
        }
    }
}

/// The type a part's field holds (in an `Option` when the part is optional): a file part's
/// `FilePart`, a text or JSON part's value type as requests take it, in a `Vec` when repeated.
fn part_type(scope: &Scope<'_>, part: &PartPlan) -> TokenStream {
    let one = match &part.value_type {
        None => scope.path("crate::runtime::FilePart"),
        Some(ty) => tokens(scope, ty),
    };
    if part.repeated {
        let vec = scope.path("::std::vec::Vec");
        quote!(#vec<#one>)
    } else {
        one
    }
}

/// The docs of a part's field and setter: the spec's description, then the part's name and
/// content type as sent.
fn part_docs(part: &PartPlan) -> TokenStream {
    let what = format!(
        " The `{}` part{} (`{}`).",
        part.api_name,
        if part.repeated { "s, one per item" } else { "" },
        part.content_type
    );
    doc_paragraphs([part.description.as_deref(), Some(what.as_str())])
}

/// A part's field of the form struct: optional parts are `Option`s, left out until set.
fn field(scope: &Scope<'_>, part: &PartPlan) -> TokenStream {
    let (field, ty, docs) = (
        ident(&part.rust_name),
        part_type(scope, part),
        part_docs(part),
    );
    if part.required {
        quote!(#docs #field: #ty)
    } else {
        let option = scope.path("::std::option::Option");
        quote!(#docs #field: #option<#ty>)
    }
}

/// `new`: takes the required parts, in the spec's order, and leaves the others unset.
fn constructor(scope: &Scope<'_>, form: &MultipartPlan) -> TokenStream {
    let arguments = form.parts.iter().filter(|p| p.required).map(|part| {
        let (field, ty) = (ident(&part.rust_name), part_type(scope, part));
        quote!(#field: #ty)
    });
    let none = scope.path("::std::option::Option::None");
    let initialisers = form.parts.iter().map(|part| {
        let field = ident(&part.rust_name);
        if part.required {
            quote!(#field)
        } else {
            quote!(#field: #none)
        }
    });
    quote! {
        /// A form with the required parts; the others are set by their setters.
        pub fn new(#(#arguments),*) -> Self {
            Self { #(#initialisers),* }
        }
    }
}

/// The setter of an optional part, by value so that calls chain.
fn setter(scope: &Scope<'_>, part: &PartPlan) -> TokenStream {
    let (field, ty, docs) = (
        ident(&part.rust_name),
        part_type(scope, part),
        part_docs(part),
    );
    let some = scope.path("::std::option::Option::Some");
    quote! {
        #docs
        pub fn #field(mut self, value: #ty) -> Self {
            self.#field = #some(value);
            self
        }
    }
}

/// `to_multipart`: the parts that are set, in the spec's order, as the request sends them.
fn to_multipart(scope: &Scope<'_>, form: &MultipartPlan) -> TokenStream {
    let pushes: Vec<TokenStream> = form
        .parts
        .iter()
        .map(|part| push_part(scope, part))
        .collect();
    let Prelude { result, ok, .. } = scope.prelude();
    let (multipart, error) = (
        scope.path("crate::runtime::Multipart"),
        scope.path("::serde_json::Error"),
    );
    quote! {
        /// The parts, in the spec's order, as the request sends them.
        pub fn to_multipart(&self) -> #result<#multipart, #error> {
            let mut parts = #multipart::new();
            #(#pushes)*
            #ok(parts)
        }
    }
}

/// The statements adding one field's part (or parts) to `parts`.
fn push_part(scope: &Scope<'_>, part: &PartPlan) -> TokenStream {
    let (field, name, content_type) = (ident(&part.rust_name), &part.api_name, &part.content_type);
    let push = match &part.kind {
        PartKind::File => {
            let clone = scope.path("::std::clone::Clone");
            quote!(parts.file(#name, #clone::clone(value), #content_type);)
        }
        PartKind::Text { .. } => quote!(parts.text(#name, value, #content_type)?;),
        PartKind::Json { .. } => quote!(parts.json(#name, value, #content_type)?;),
    };
    let each = if part.repeated {
        quote!(for value in value.iter() { #push })
    } else {
        push
    };
    if part.required {
        quote!({ let value = &self.#field; #each })
    } else {
        let some = scope.path("::std::option::Option::Some");
        quote!(if let #some(value) = &self.#field { #each })
    }
}
