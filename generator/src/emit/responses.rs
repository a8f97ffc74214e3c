//! How an operation's answer is decoded: one type, bytes, nothing, or (when success statuses
//! carry different bodies) an enum with a variant per status; and, for the few operations that
//! declare an error body other than the API's shared one, decoding that body first.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::model::{EmitModel, View};
use super::rust_types::{ident, rust_type};
use super::versions::{Exchange, ResponseShape};
use crate::ir::{Operation, StatusSpec, TypeRef};

/// (response type, decoding expression over `response`, extra items such as a response enum).
pub fn decoding(
    model: &EmitModel<'_>,
    exchange: &Exchange<'_>,
    builder_name: &str,
) -> (TokenStream, TokenStream, Option<TokenStream>) {
    match &exchange.response {
        ResponseShape::Empty => (
            quote!(()),
            quote!(crate::error::decode_empty(response)),
            None,
        ),
        ResponseShape::Bytes => (
            quote!(::bytes::Bytes),
            quote!(crate::error::decode_bytes(response)),
            None,
        ),
        ResponseShape::Json(schema) => {
            let ty = rust_type(model, schema, View::Response);
            (
                ty.clone(),
                quote!(crate::error::decode_json::<#ty>(response)),
                None,
            )
        }
        ResponseShape::ByStatus(statuses) => by_status(model, statuses, builder_name),
    }
}

fn by_status(
    model: &EmitModel<'_>,
    statuses: &[(u16, Option<&TypeRef>)],
    builder_name: &str,
) -> (TokenStream, TokenStream, Option<TokenStream>) {
    let enum_ident = ident(&format!("{builder_name}Response"));
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    for (status, schema) in statuses {
        let variant = ident(&status_variant(*status));
        let code = Literal::u16_unsuffixed(*status);
        let doc = format!(" HTTP {status}.");
        match schema {
            Some(schema) => {
                let ty = rust_type(model, schema, View::Response);
                variants.push(quote!(#[doc = #doc] #variant(#ty)));
                arms.push(
                    quote!(#code => ::serde_json::from_slice(body).map(#enum_ident::#variant)),
                );
            }
            None => {
                variants.push(quote!(#[doc = #doc] #variant));
                arms.push(quote!(#code => ::std::result::Result::Ok(#enum_ident::#variant)));
            }
        }
    }
    let enum_doc =
        format!(" The successful answers of [`{builder_name}`]: their bodies differ by status.");
    let item = quote! {
        #[doc = #enum_doc]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #enum_ident {
            #(#variants,)*
        }
    };
    let decode = quote! {
        crate::error::decode_by_status(response, |status, body| match status {
            #(#arms,)*
            other => ::std::result::Result::Err(<::serde_json::Error as ::serde::de::Error>::custom(
                ::std::format!("HTTP {other} is not a success status the spec declares"),
            )),
        })
    };
    (quote!(#enum_ident), decode, Some(item))
}

/// A variant name for a status: its reason phrase, or `Status<code>`.
fn status_variant(status: u16) -> String {
    let name = match status {
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritative",
        204 => "NoContent",
        206 => "PartialContent",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        _ => return format!("Status{status}"),
    };
    name.to_owned()
}

/// Statements that turn an error response carrying one of the operation's own error bodies (not
/// the shared one) into `Error::Document`; nothing for operations without such bodies.
pub fn error_documents(model: &EmitModel<'_>, operation: &Operation) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = own_error_bodies(model, operation)
        .into_iter()
        .map(|(status, name)| {
            let variant = ident(name);
            let code = Literal::u16_unsuffixed(status);
            quote! {
                #code => ::serde_json::from_slice(&response.body).ok().map(crate::error::ErrorDocument::#variant)
            }
        })
        .collect();
    if arms.is_empty() {
        return None;
    }
    Some(quote! {
        let document = match response.status.as_u16() {
            #(#arms,)*
            _ => ::std::option::Option::None,
        };
        if let ::std::option::Option::Some(document) = document {
            return ::std::result::Result::Err(crate::error::document_failure(response, document));
        }
    })
}

/// (status, schema) for each error status whose body is not the shared error schema.
pub fn own_error_bodies<'m>(
    model: &EmitModel<'_>,
    operation: &'m Operation,
) -> Vec<(u16, &'m str)> {
    let mut bodies = Vec::new();
    for response in &operation.errors {
        let StatusSpec::Code(status) = response.status else {
            continue;
        };
        let schema = response.contents.iter().find_map(|c| match &c.schema {
            Some(TypeRef::Named { name }) if c.media_type.is_json() => Some(name.as_str()),
            _ => None,
        });
        if let Some(name) = schema {
            if model.error_type.as_deref() != Some(name) {
                bodies.push((status, name));
            }
        }
    }
    bodies
}
