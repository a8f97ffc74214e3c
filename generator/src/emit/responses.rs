//! How an operation's answer is decoded: one type, bytes, nothing, or (when success statuses
//! carry different bodies) an enum with a variant per status; and, for the few operations that
//! declare an error body other than the API's shared one, decoding that body first.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::rust_types::{ident, tokens};
use super::scope::{Prelude, Scope};
use crate::plan::{Answer, Method, OperationPlan, Plan, StatusAnswer};

/// The answer's Rust type, and for an answer whose bodies differ by status, its enum item.
pub fn answer_type(scope: &Scope<'_>, method: &Method<'_>) -> (TokenStream, Option<TokenStream>) {
    match &method.answer {
        Answer::Empty => (quote!(()), None),
        Answer::Bytes => (scope.path("::bytes::Bytes"), None),
        // A string answer is often not JSON at all (Atlas's `createGroupDatabaseUserCert` sends
        // a PEM under a JSON media type): its text is the answer.
        Answer::Text => (scope.path("::std::string::String"), None),
        Answer::Json(ty) => (tokens(scope, ty), None),
        Answer::ByStatus {
            enum_name,
            statuses,
        } => {
            let item = status_enum(scope, statuses, enum_name, &method.builder);
            let enum_ident = ident(enum_name);
            (quote!(#enum_ident), Some(item))
        }
    }
}

/// The expression decoding `response` into the answer: asked for only by the answers the
/// runtime's `send_method!` does not decode itself, so that no file imports what it never uses.
pub fn decoding(scope: &Scope<'_>, method: &Method<'_>) -> TokenStream {
    let error = || scope.path("crate::Error");
    match &method.answer {
        Answer::Empty => {
            let (decode, error) = (scope.path("crate::runtime::decode_empty"), error());
            quote!(#decode::<#error>(response))
        }
        Answer::Bytes => {
            let (decode, error) = (scope.path("crate::runtime::decode_bytes"), error());
            quote!(#decode::<#error>(response))
        }
        Answer::Text => {
            let (decode, error) = (scope.path("crate::runtime::decode_text"), error());
            quote!(#decode::<#error>(response))
        }
        Answer::Json(ty) => {
            let ty = tokens(scope, ty);
            let (decode, error) = (scope.path("crate::runtime::decode_json"), error());
            quote!(#decode::<#ty, #error>(response))
        }
        Answer::ByStatus {
            enum_name,
            statuses,
        } => by_status_decoding(scope, statuses, enum_name),
    }
}

/// The enum of an answer whose bodies differ by status: a variant per status.
fn status_enum(
    scope: &Scope<'_>,
    statuses: &[StatusAnswer],
    enum_name: &str,
    builder_name: &str,
) -> TokenStream {
    let enum_ident = ident(enum_name);
    let variants = statuses.iter().map(
        |StatusAnswer {
             status,
             variant,
             body,
         }| {
            let variant = ident(variant);
            let doc = format!(" HTTP {status}.");
            match body {
                Some(ty) => {
                    let ty = tokens(scope, ty);
                    quote!(#[doc = #doc] #variant(#ty))
                }
                None => quote!(#[doc = #doc] #variant),
            }
        },
    );
    let variants: Vec<TokenStream> = variants.collect();
    let enum_doc =
        format!(" The successful answers of [`{builder_name}`]: their bodies differ by status.");
    let serialize = scope.path("::serde::Serialize");
    quote! {
        #[doc = #enum_doc]
        #[derive(Debug, Clone, PartialEq, #serialize)]
        #[serde(untagged)]
        pub enum #enum_ident {
            #(#variants,)*
        }
    }
}

/// Decoding an answer whose bodies differ by status into its enum.
fn by_status_decoding(
    scope: &Scope<'_>,
    statuses: &[StatusAnswer],
    enum_name: &str,
) -> TokenStream {
    let enum_ident = ident(enum_name);
    let Prelude { ok, err, .. } = scope.prelude();
    let from_slice = scope.path("::serde_json::from_slice");
    let arms = statuses.iter().map(
        |StatusAnswer {
             status,
             variant,
             body,
         }| {
            let variant = ident(variant);
            let code = Literal::u16_unsuffixed(*status);
            match body {
                Some(_) => quote!(#code => #from_slice(body).map(#enum_ident::#variant)),
                None => quote!(#code => #ok(#enum_ident::#variant)),
            }
        },
    );
    let arms: Vec<TokenStream> = arms.collect();
    let (decode_by_status, error) = (
        scope.path("crate::runtime::decode_by_status"),
        scope.path("crate::Error"),
    );
    let (json_error, custom) = (
        scope.path("::serde_json::Error"),
        scope.path("::serde::de::Error"),
    );
    quote! {
        #decode_by_status::<_, #error>(response, |status, body| match status {
            #(#arms,)*
            other => #err(<#json_error as #custom>::custom(
                ::std::format!("HTTP {other} is not a success status the spec declares"),
            )),
        })
    }
}

/// Statements that turn an error response carrying one of the operation's own error bodies (not
/// the shared one) into `Error::Document`; nothing for operations without such bodies.
pub fn error_documents(
    scope: &Scope<'_>,
    model: &Plan<'_>,
    operation: &OperationPlan<'_>,
) -> Option<TokenStream> {
    if operation.error_documents.is_empty() {
        return None;
    }
    let Prelude {
        some, none, err, ..
    } = scope.prelude();
    let from_slice = scope.path("::serde_json::from_slice");
    let document = scope.path("crate::error::ErrorDocument");
    let failure = scope.path("crate::error::document_failure");
    let arms: Vec<TokenStream> = operation
        .error_documents
        .iter()
        .map(|(status, id)| {
            let variant = ident(&model.type_plan(*id).rust_name);
            let code = Literal::u16_unsuffixed(*status);
            quote! {
                #code => #from_slice(&response.body).ok().map(#document::#variant)
            }
        })
        .collect();
    Some(quote! {
        let document = match response.status.as_u16() {
            #(#arms,)*
            _ => #none,
        };
        if let #some(document) = document {
            return #err(#failure(response, document));
        }
    })
}
