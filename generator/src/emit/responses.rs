//! How an operation's answer is decoded: one type, bytes, nothing, or (when success statuses
//! carry different bodies) an enum with a variant per status; and, for the few operations that
//! declare an error body other than the API's shared one, decoding that body first.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::rust_types::{ident, tokens};
use crate::plan::{Answer, Method, OperationPlan, Plan, StatusAnswer};

/// (response type, decoding expression over `response`, extra items such as a response enum).
pub fn decoding(method: &Method<'_>) -> (TokenStream, TokenStream, Option<TokenStream>) {
    match &method.answer {
        Answer::Empty => (
            quote!(()),
            quote!(crate::runtime::decode_empty::<crate::error::Error>(
                response
            )),
            None,
        ),
        Answer::Bytes => (
            quote!(::bytes::Bytes),
            quote!(crate::runtime::decode_bytes::<crate::error::Error>(
                response
            )),
            None,
        ),
        // A string answer is often not JSON at all (Atlas's `createGroupDatabaseUserCert` sends
        // a PEM under a JSON media type): its text is the answer.
        Answer::Text => (
            quote!(::std::string::String),
            quote!(crate::runtime::decode_text::<crate::error::Error>(response)),
            None,
        ),
        Answer::Json(ty) => {
            let ty = tokens(ty);
            (
                ty.clone(),
                quote!(crate::runtime::decode_json::<#ty, crate::error::Error>(response)),
                None,
            )
        }
        Answer::ByStatus {
            enum_name,
            statuses,
        } => by_status(statuses, enum_name, &method.builder),
    }
}

fn by_status(
    statuses: &[StatusAnswer],
    enum_name: &str,
    builder_name: &str,
) -> (TokenStream, TokenStream, Option<TokenStream>) {
    let enum_ident = ident(enum_name);
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    for StatusAnswer {
        status,
        variant,
        body,
    } in statuses
    {
        let variant = ident(variant);
        let code = Literal::u16_unsuffixed(*status);
        let doc = format!(" HTTP {status}.");
        match body {
            Some(ty) => {
                let ty = tokens(ty);
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
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum #enum_ident {
            #(#variants,)*
        }
    };
    let decode = quote! {
        crate::runtime::decode_by_status::<_, crate::error::Error>(response, |status, body| match status {
            #(#arms,)*
            other => ::std::result::Result::Err(<::serde_json::Error as ::serde::de::Error>::custom(
                ::std::format!("HTTP {other} is not a success status the spec declares"),
            )),
        })
    };
    (quote!(#enum_ident), decode, Some(item))
}

/// Statements that turn an error response carrying one of the operation's own error bodies (not
/// the shared one) into `Error::Document`; nothing for operations without such bodies.
pub fn error_documents(model: &Plan<'_>, operation: &OperationPlan<'_>) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = operation
        .error_documents
        .iter()
        .map(|(status, id)| {
            let variant = ident(&model.type_plan(*id).rust_name);
            let code = Literal::u16_unsuffixed(*status);
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
