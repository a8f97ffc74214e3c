//! The form type of a `multipart/form-data` body, printed beside its request builder: one field
//! per part, the required ones taken by `new`, the others set by setters, and `to_multipart`,
//! which lists the parts in the schema's order with the names and content types the plan gave.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use super::rust_types::{ident, tokens};
use crate::plan::{MultipartPlan, PartKind, PartPlan, Plan};

/// The form type of `form`, for the method `method_text` (its docs link to it).
pub(super) fn form_type(model: &Plan<'_>, form: &MultipartPlan, method_text: &str) -> TokenStream {
    let name = ident(&form.type_name);
    let doc = format!(
        " The `multipart/form-data` body of [`Client::{method_text}`](crate::Client::{method_text}): \
         one field per part. A file part is a [`FilePart`](crate::runtime::FilePart), streamed \
         from disk as it is sent, or bytes."
    );
    let fields = form.parts.iter().map(field);
    let constructor = constructor(form);
    let setters = form.parts.iter().filter(|p| !p.required).map(setter);
    let to_multipart = to_multipart(form);
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
fn part_type(part: &PartPlan) -> TokenStream {
    let one = match &part.value_type {
        None => quote!(crate::runtime::FilePart),
        Some(ty) => tokens(ty),
    };
    if part.repeated {
        quote!(::std::vec::Vec<#one>)
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
fn field(part: &PartPlan) -> TokenStream {
    let (field, ty, docs) = (ident(&part.rust_name), part_type(part), part_docs(part));
    if part.required {
        quote!(#docs #field: #ty)
    } else {
        quote!(#docs #field: ::std::option::Option<#ty>)
    }
}

/// `new`: takes the required parts, in the spec's order, and leaves the others unset.
fn constructor(form: &MultipartPlan) -> TokenStream {
    let arguments = form.parts.iter().filter(|p| p.required).map(|part| {
        let (field, ty) = (ident(&part.rust_name), part_type(part));
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
    quote! {
        /// A form with the required parts; the others are set by their setters.
        pub fn new(#(#arguments),*) -> Self {
            Self { #(#initialisers),* }
        }
    }
}

/// The setter of an optional part, by value so that calls chain.
fn setter(part: &PartPlan) -> TokenStream {
    let (field, ty, docs) = (ident(&part.rust_name), part_type(part), part_docs(part));
    quote! {
        #docs
        pub fn #field(mut self, value: #ty) -> Self {
            self.#field = ::std::option::Option::Some(value);
            self
        }
    }
}

/// `to_multipart`: the parts that are set, in the spec's order, as the request sends them.
fn to_multipart(form: &MultipartPlan) -> TokenStream {
    let pushes = form.parts.iter().map(push_part);
    quote! {
        /// The parts, in the spec's order, as the request sends them.
        pub fn to_multipart(&self) -> ::std::result::Result<crate::runtime::Multipart, ::serde_json::Error> {
            let mut parts = crate::runtime::Multipart::new();
            #(#pushes)*
            ::std::result::Result::Ok(parts)
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
