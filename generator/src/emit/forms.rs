//! The form type of a `multipart/form-data` body, printed beside its request builder: one field
//! per part, the required ones taken by `new`, the others set by setters, and `to_multipart`,
//! which lists the parts in the schema's order with the names and content types the plan gave.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use super::rust_types::{ident, rust_type};
use crate::plan::{MultipartPlan, PartKind, PartPlan, Plan, View};

/// The form type of `form`, for the method `method_text` (its docs link to it).
pub(super) fn form_type(model: &Plan<'_>, form: &MultipartPlan, method_text: &str) -> TokenStream {
    let name = ident(&form.type_name);
    let doc = format!(
        " The `multipart/form-data` body of [`Client::{method_text}`](crate::Client::{method_text}): \
         one field per part. A file part is a [`FilePart`](crate::runtime::FilePart), streamed \
         from disk as it is sent, or bytes."
    );
    let stored = |part: &PartPlan| {
        let one = match &part.kind {
            PartKind::File => quote!(crate::runtime::FilePart),
            PartKind::Text { ty } | PartKind::Json { ty } => rust_type(model, ty, View::Request),
        };
        if part.repeated {
            quote!(::std::vec::Vec<#one>)
        } else {
            one
        }
    };
    let docs = |part: &PartPlan| {
        let what = format!(
            " The `{}` part{} (`{}`).",
            part.api_name,
            if part.repeated { "s, one per item" } else { "" },
            part.content_type
        );
        doc_paragraphs([part.description.as_deref(), Some(what.as_str())])
    };
    let fields = form.parts.iter().map(|part| {
        let (field, ty, docs) = (ident(&part.rust_name), stored(part), docs(part));
        if part.required {
            quote!(#docs #field: #ty)
        } else {
            quote!(#docs #field: ::std::option::Option<#ty>)
        }
    });
    let required: Vec<&PartPlan> = form.parts.iter().filter(|p| p.required).collect();
    let arguments = required.iter().map(|part| {
        let (field, ty) = (ident(&part.rust_name), stored(part));
        quote!(#field: #ty)
    });
    let initialisers = form.parts.iter().map(|part| {
        let field = ident(&part.rust_name);
        if part.required {
            quote!(#field)
        } else {
            quote!(#field: ::std::option::Option::None)
        }
    });
    let setters = form.parts.iter().filter(|p| !p.required).map(|part| {
        let (field, ty, docs) = (ident(&part.rust_name), stored(part), docs(part));
        quote! {
            #docs
            pub fn #field(mut self, value: #ty) -> Self {
                self.#field = ::std::option::Option::Some(value);
                self
            }
        }
    });
    let pushes = form.parts.iter().map(push_part);
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
            /// A form with the required parts; the others are set by their setters.
            pub fn new(#(#arguments),*) -> Self {
                Self { #(#initialisers),* }
            }

            #(#setters)*

            /// The parts, in the spec's order, as the request sends them.
            pub fn to_multipart(&self) -> ::std::result::Result<crate::runtime::Multipart, ::serde_json::Error> {
                let mut parts = crate::runtime::Multipart::new();
                #(#pushes)*
                ::std::result::Result::Ok(parts)
            }
        }
    }
}

/// The statements adding one field's part (or parts) to `parts`.
fn push_part(part: &PartPlan) -> TokenStream {
    let (field, name, content_type) = (ident(&part.rust_name), &part.api_name, &part.content_type);
    let push = match &part.kind {
        PartKind::File => {
            quote!(parts.file(#name, ::std::clone::Clone::clone(value), #content_type);)
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
        quote!(if let ::std::option::Option::Some(value) = &self.#field { #each })
    }
}
