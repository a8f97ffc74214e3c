//! The one error type callers see, and the decoding of responses into results.
//!
//! Atlas sends successes in versioned media types but errors as plain `application/json` with
//! its shared error schema (`ApiError`): every non-2xx response is decoded as that schema whatever
//! its `Content-Type`, and a body that is not (an HTML page from a proxy) becomes a decode error
//! carrying the status and the start of the body, never a panic.

use proc_macro2::TokenStream;
use quote::quote;

use super::gates::cfg_attr;
use super::model::{EmitModel, View};
use super::responses::own_error_bodies;
use super::rust_types::{ident, named};
use crate::ir::{TypeKind, TypeRef};

/// Accessors offered on the error when the error schema has these string fields.
const ACCESSORS: &[(&str, &str, &str)] = &[
    (
        "errorCode",
        "error_code",
        "Atlas's application error code, such as `RESOURCE_NOT_FOUND`.",
    ),
    (
        "detail",
        "detail",
        "Atlas's explanation of this particular error.",
    ),
    ("reason", "reason", "Atlas's short reason phrase."),
];

/// The `error` module.
pub fn errors(model: &EmitModel<'_>) -> TokenStream {
    let body_type = match &model.error_type {
        Some(name) => named(model, name, View::Response),
        None => quote!(::serde_json::Value),
    };
    let accessors = accessors(model);
    let failure_accessors = accessors.iter().map(|(method, doc, body)| {
        quote! {
            #[doc = #doc]
            pub fn #method(&self) -> ::std::option::Option<&str> {
                let body = &self.body;
                #body
            }
        }
    });
    let error_accessors = accessors.iter().map(|(method, doc, _)| {
        quote! {
            #[doc = #doc]
            pub fn #method(&self) -> ::std::option::Option<&str> {
                self.api_failure().and_then(ApiFailure::#method)
            }
        }
    });
    let summary = match accessors.iter().any(|(m, _, _)| m == "error_code") {
        true => quote! {
            match (self.error_code(), self.detail_text()) {
                (::std::option::Option::Some(code), ::std::option::Option::Some(detail)) => write!(f, ": {code}: {detail}"),
                (::std::option::Option::Some(code), ::std::option::Option::None) => write!(f, ": {code}"),
                (::std::option::Option::None, ::std::option::Option::Some(detail)) => write!(f, ": {detail}"),
                (::std::option::Option::None, ::std::option::Option::None) => ::std::result::Result::Ok(()),
            }
        },
        // Without an error code the detail (or reason) still says what went wrong.
        false => quote! {
            match self.detail_text() {
                ::std::option::Option::Some(detail) => write!(f, ": {detail}"),
                ::std::option::Option::None => ::std::result::Result::Ok(()),
            }
        },
    };
    let detail_text = if accessors.iter().any(|(m, _, _)| m == "detail") {
        quote!(self.detail().or_else(|| self.reason_text()))
    } else {
        quote!(self.reason_text())
    };
    let reason_text = if accessors.iter().any(|(m, _, _)| m == "reason") {
        quote!(self.reason())
    } else {
        quote!(::std::option::Option::None)
    };

    let (document_variant, document_status, documents) = error_documents(model);
    quote! {
        //! The error type every operation returns.

        use crate::runtime::{ApiResponse, DecodeError, InvalidArgument, RateLimit, RawResponse, TransportError};

        /// Why a call failed.
        #[derive(Debug, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error {
            /// Atlas answered with an error status; the body is its error document.
            #[error(transparent)]
            Api(::std::boxed::Box<ApiFailure>),
            /// A response body did not have the expected shape (or was not JSON at all).
            #[error(transparent)]
            Decode(#[from] DecodeError),
            /// The request could not be sent or answered: connection, timeout, authentication.
            #[error(transparent)]
            Transport(#[from] TransportError),
            /// A parameter value was refused before anything was sent.
            #[error(transparent)]
            InvalidArgument(#[from] InvalidArgument),
            /// The request body could not be serialised to JSON.
            #[error("cannot serialise the request body: {0}")]
            Encode(#[source] ::serde_json::Error),
            #document_variant
        }

        impl ::std::convert::From<crate::runtime::AuthError> for Error {
            fn from(error: crate::runtime::AuthError) -> Self {
                Error::Transport(TransportError::Auth(error))
            }
        }

        impl Error {
            /// The API failure, when Atlas answered with an error document.
            pub fn api_failure(&self) -> ::std::option::Option<&ApiFailure> {
                match self {
                    Error::Api(failure) => ::std::option::Option::Some(failure),
                    _ => ::std::option::Option::None,
                }
            }

            /// The HTTP status, when there was a response.
            pub fn status(&self) -> ::std::option::Option<::reqwest::StatusCode> {
                match self {
                    Error::Api(failure) => ::std::option::Option::Some(failure.status),
                    Error::Decode(error) => ::std::option::Option::Some(error.status),
                    #document_status
                    _ => ::std::option::Option::None,
                }
            }

            /// `RateLimit-Limit` and `RateLimit-Remaining` of the error response, when there was one.
            pub fn rate_limit(&self) -> ::std::option::Option<RateLimit> {
                self.api_failure().map(ApiFailure::rate_limit)
            }

            #(#error_accessors)*
        }

        /// An error response from Atlas.
        #[derive(Debug, Clone)]
        pub struct ApiFailure {
            status: ::reqwest::StatusCode,
            body: #body_type,
            rate_limit: RateLimit,
            retry_after: ::std::option::Option<::std::time::Duration>,
            headers: ::reqwest::header::HeaderMap,
        }

        impl ApiFailure {
            /// The HTTP status.
            pub fn status(&self) -> ::reqwest::StatusCode {
                self.status
            }

            /// The decoded error document.
            pub fn body(&self) -> &#body_type {
                &self.body
            }

            /// `RateLimit-Limit` and `RateLimit-Remaining`, when Atlas sent them.
            pub fn rate_limit(&self) -> RateLimit {
                self.rate_limit
            }

            /// How long Atlas asked to wait (`Retry-After`), on 429 and 503.
            pub fn retry_after(&self) -> ::std::option::Option<::std::time::Duration> {
                self.retry_after
            }

            /// All response headers.
            pub fn headers(&self) -> &::reqwest::header::HeaderMap {
                &self.headers
            }

            #(#failure_accessors)*

            fn detail_text(&self) -> ::std::option::Option<&str> {
                #detail_text
            }

            fn reason_text(&self) -> ::std::option::Option<&str> {
                #reason_text
            }
        }

        impl ::std::fmt::Display for ApiFailure {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "Atlas answered HTTP {}", self.status)?;
                #summary
            }
        }

        impl ::std::error::Error for ApiFailure {}

        /// A successful response decoded as JSON, or the error it is.
        // Unused when no operation feature is enabled.
        #[allow(dead_code)]
        pub(crate) fn decode_json<T: ::serde::de::DeserializeOwned>(response: RawResponse) -> ::std::result::Result<ApiResponse<T>, Error> {
            if !response.status.is_success() {
                return ::std::result::Result::Err(error_from(response));
            }
            ::std::result::Result::Ok(response.decode_json()?)
        }

        /// A successful response whose body is ignored, or the error it is.
        // Not every spec has operations without a response body.
        #[allow(dead_code)]
        pub(crate) fn decode_empty(response: RawResponse) -> ::std::result::Result<ApiResponse<()>, Error> {
            if !response.status.is_success() {
                return ::std::result::Result::Err(error_from(response));
            }
            ::std::result::Result::Ok(response.into_bytes_response().map(|_| ()))
        }

        /// A successful response kept as bytes (gzip, CSV), or the error it is.
        // Not every spec has gzip or CSV responses.
        #[allow(dead_code)]
        pub(crate) fn decode_bytes(response: RawResponse) -> ::std::result::Result<ApiResponse<::bytes::Bytes>, Error> {
            if !response.status.is_success() {
                return ::std::result::Result::Err(error_from(response));
            }
            ::std::result::Result::Ok(response.into_bytes_response())
        }

        /// A successful response decoded by a function of its status and body (for operations
        /// whose success statuses carry different bodies), or the error it is.
        #[allow(dead_code)]
        pub(crate) fn decode_by_status<T>(
            response: RawResponse,
            decode: impl FnOnce(u16, &[u8]) -> ::std::result::Result<T, ::serde_json::Error>,
        ) -> ::std::result::Result<ApiResponse<T>, Error> {
            if !response.status.is_success() {
                return ::std::result::Result::Err(error_from(response));
            }
            match decode(response.status.as_u16(), &response.body) {
                ::std::result::Result::Ok(value) => ::std::result::Result::Ok(response.into_bytes_response().map(|_| value)),
                ::std::result::Result::Err(source) => ::std::result::Result::Err(Error::Decode(DecodeError {
                    status: response.status,
                    snippet: response.snippet(),
                    source,
                })),
            }
        }

        #documents

        #[allow(dead_code)]
        fn error_from(response: RawResponse) -> Error {
            let rate_limit = response.rate_limit();
            let retry_after = response.retry_after();
            match ::serde_json::from_slice::<#body_type>(&response.body) {
                ::std::result::Result::Ok(body) => Error::Api(::std::boxed::Box::new(ApiFailure {
                    status: response.status,
                    body,
                    rate_limit,
                    retry_after,
                    headers: response.headers,
                })),
                ::std::result::Result::Err(source) => Error::Decode(DecodeError {
                    status: response.status,
                    snippet: response.snippet(),
                    source,
                }),
            }
        }
    }
}

/// The `Error::Document` variant, its arm in `Error::status`, and the `ErrorDocument` enum with
/// its failure type: only for APIs where some operation declares an error body of its own.
fn error_documents(model: &EmitModel<'_>) -> (TokenStream, TokenStream, TokenStream) {
    let mut names: Vec<&str> = model
        .api
        .operations
        .iter()
        .flat_map(|o| own_error_bodies(model, o))
        .map(|(_, name)| name)
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return (quote!(), quote!(), quote!());
    }
    let variants = names.iter().map(|name| {
        let cfg = cfg_attr(&model.type_gate(name));
        let variant = ident(name);
        let ty = named(model, name, View::Response);
        let doc = format!(
            " A [`{name}`]({}).",
            quote!(#ty).to_string().replace(' ', "")
        );
        quote!(#[doc = #doc] #cfg #variant(#ty))
    });
    let variant = quote! {
        /// Atlas answered with an error status and an error body particular to the operation.
        #[error(transparent)]
        Document(::std::boxed::Box<DocumentFailure>),
    };
    let status = quote!(Error::Document(failure) => ::std::option::Option::Some(failure.status),);
    let items = quote! {
        /// Error bodies that some operations declare for some statuses instead of the shared one.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum ErrorDocument {
            #(#variants,)*
        }

        /// An error response whose body is one of the [`ErrorDocument`]s.
        #[derive(Debug, Clone, thiserror::Error)]
        #[error("Atlas answered HTTP {status} with an error document: {document:?}")]
        pub struct DocumentFailure {
            /// The HTTP status.
            pub status: ::reqwest::StatusCode,
            /// The decoded error body.
            pub document: ErrorDocument,
            /// `RateLimit-Limit` and `RateLimit-Remaining`, when Atlas sent them.
            pub rate_limit: RateLimit,
            /// All response headers.
            pub headers: ::reqwest::header::HeaderMap,
        }

        /// The error for a response whose body is an operation's own error document.
        #[allow(dead_code)]
        pub(crate) fn document_failure(response: RawResponse, document: ErrorDocument) -> Error {
            Error::Document(::std::boxed::Box::new(DocumentFailure {
                status: response.status,
                document,
                rate_limit: response.rate_limit(),
                headers: response.headers,
            }))
        }
    };
    (variant, status, items)
}

/// (method, doc, body expression over `body`) for each accessor the error schema supports.
fn accessors(model: &EmitModel<'_>) -> Vec<(proc_macro2::Ident, String, TokenStream)> {
    let Some(def) = model
        .error_type
        .as_deref()
        .and_then(|name| model.type_def(name))
    else {
        return Vec::new();
    };
    let TypeKind::Struct { fields, .. } = &def.kind else {
        return Vec::new();
    };
    ACCESSORS
        .iter()
        .filter_map(|(json, method, doc)| {
            let field = fields
                .iter()
                .find(|f| f.name == *json && matches!(f.ty, TypeRef::String { format: None }))?;
            let member = ident(&field.rust_name);
            let body = if field.required && !field.nullable {
                quote!(::std::option::Option::Some(body.#member.as_str()))
            } else {
                quote!(body.#member.as_deref())
            };
            Some((ident(method), format!(" {doc}"), body))
        })
        .collect()
}
