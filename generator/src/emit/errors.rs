//! The one error type callers see. Decoding responses into results is the runtime's
//! (`generator/runtime/src/decode.rs`), generic over this type.
//!
//! Atlas sends successes in versioned media types but errors as plain `application/json`: every
//! non-2xx response is read as an error document whatever its `Content-Type`. The document type
//! is the runtime's lenient `ErrorBody`, not the spec's error schema (`ApiError`), because Atlas
//! does not send what that schema says (`parameters` are strings, not objects) and an error must
//! never turn into a decode error; the runtime's `error_body.rs` says more. A body that is not a
//! JSON object (an HTML page from a proxy, nothing at all) is `Error::Http`, never a decode error.
//! Every error made from a response keeps it: call, status, headers, body up to a limit.

use proc_macro2::TokenStream;
use quote::quote;

use super::gates::{cfg_attr, cfg_predicate};
use super::rust_types::{ident, named};
use super::scope::Scope;
use crate::plan::{Plan, TypeId, View};

/// The `error` module: the `Error` enum and its accessors. Decoding a response into a result
/// is the runtime's (`crate::runtime::decode_json` and the like, generic over this `Error`).
pub fn errors(model: &Plan<'_>) -> String {
    let own = [
        "Error",
        "ErrorDocument",
        "DocumentFailure",
        "document_failure",
    ];
    let scope = Scope::new("src/error.rs", &model.defined_names, own);
    let runtime_items = [
        "ApiFailure",
        "AuthError",
        "CallInfo",
        "DecodeError",
        "ErrorResponse",
        "HttpFailure",
        "InvalidArgument",
        "MissingEnv",
        "RateLimit",
        "TransportError",
    ];
    let runtime_items = runtime_items.map(|name| format!("crate::runtime::{name}"));
    scope.import(&runtime_items.each_ref().map(String::as_str));
    let (document_variant, document_response, documents) = error_documents(&scope, model);
    let error_enum = error_enum(&scope, document_variant);
    let accessors = accessors(&scope, document_response);
    let items = quote! {
        #error_enum

        impl From<AuthError> for Error {
            fn from(error: AuthError) -> Self {
                Error::Transport(TransportError::Auth(error))
            }
        }

        #accessors

        #documents
    };
    scope.file(
        "//! The error type every operation returns.",
        &items.to_string(),
    )
}

/// `enum Error`, with the `Document` variant when the API has operation-specific error bodies.
/// `Api`, `Http` and `Decode` convert from the runtime's failures, which is all the runtime's
/// decoding helpers need of it (`crate::runtime::ResponseError`).
fn error_enum(scope: &Scope<'_>, document_variant: TokenStream) -> TokenStream {
    let limit = scope.link(
        "ClientConfig::error_body_limit",
        "crate::ClientConfig::error_body_limit",
    );
    let limit_doc = format!(" {limit} bytes.");
    let from_env = scope.link("Client::from_env", "crate::Client::from_env");
    let from_env_doc = format!(" {from_env} found credential variables unset.");
    quote! {
        /// Why a call failed.
        ///
        /// Every error made from a response keeps it ([`Error::response`]): which operation,
        /// method and path template it answered, the status, the headers and the body, up to
        #[doc = #limit_doc]
        /// `Display` never quotes a success body, which can hold a secret.
        #[derive(Debug, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error {
            /// The server answered with an error status and an error document (a JSON object), read
            /// leniently: [`Error::error_code`], [`Error::detail`], [`ApiFailure::body`].
            #[error(transparent)]
            Api(#[from] Box<ApiFailure>),
            /// An error status whose body is not an error document: empty, or a page from a
            /// proxy or load balancer (an HTML 502 or 503). The body text is kept.
            #[error(transparent)]
            Http(#[from] HttpFailure),
            /// A response body did not have the shape the spec gives it (a success missing a
            /// required field, say): the request may well have taken effect, and the whole body
            /// is kept.
            #[error(transparent)]
            Decode(#[from] DecodeError),
            /// The request could not be sent or answered: DNS, connection, TLS, timeout,
            /// authentication. The message names every cause.
            #[error(transparent)]
            Transport(#[from] TransportError),
            /// A parameter value (or a header added with `.header()`) was refused before
            /// anything was sent.
            #[error(transparent)]
            InvalidArgument(#[from] InvalidArgument),
            #[doc = #from_env_doc]
            #[error(transparent)]
            MissingEnv(#[from] MissingEnv),
            /// The request body could not be serialised to JSON.
            #[error("cannot serialise the request body: {0}")]
            Encode(#[source] serde_json::Error),
            #document_variant
        }
    }
}

/// `impl Error`: what the error says about the call and the response, with the `Document`
/// variant's arm in `response` when there is one.
fn accessors(scope: &Scope<'_>, document_response: TokenStream) -> TokenStream {
    let status_code = scope.path("::reqwest::StatusCode");
    quote! {
        impl Error {
            /// The API failure, when the server answered with an error document.
            pub fn api_failure(&self) -> Option<&ApiFailure> {
                match self {
                    Error::Api(failure) => Some(failure),
                    _ => None,
                }
            }

            /// The response the error came from, when there was one: call, status, headers, body.
            pub fn response(&self) -> Option<&ErrorResponse> {
                match self {
                    Error::Api(failure) => Some(failure.response()),
                    Error::Http(failure) => Some(failure.response()),
                    Error::Decode(error) => Some(error.response()),
                    Error::Transport(TransportError::Envelope(response)) => Some(response),
                    #document_response
                    _ => None,
                }
            }

            /// The operation, method and path template of the call, when it got as far as
            /// being sent.
            pub fn call(&self) -> Option<&CallInfo> {
                match self {
                    Error::Transport(TransportError::Http { call, .. }) => Some(call),
                    _ => self.response().map(ErrorResponse::call),
                }
            }

            /// The HTTP status, when there was a response.
            pub fn status(&self) -> Option<#status_code> {
                self.response().map(ErrorResponse::status)
            }

            /// `RateLimit-Limit` and `RateLimit-Remaining` of the response, when there was one.
            pub fn rate_limit(&self) -> Option<RateLimit> {
                self.response().map(ErrorResponse::rate_limit)
            }

            /// The application error code (`errorCode`), such as `RESOURCE_NOT_FOUND`.
            pub fn error_code(&self) -> Option<&str> {
                self.api_failure().and_then(ApiFailure::error_code)
            }

            /// The server's explanation of this particular error (`detail`).
            pub fn detail(&self) -> Option<&str> {
                self.api_failure().and_then(ApiFailure::detail)
            }

            /// The short reason phrase (`reason`).
            pub fn reason(&self) -> Option<&str> {
                self.api_failure().and_then(ApiFailure::reason)
            }
        }
    }
}

/// The `Error::Document` variant, its arm in `Error::response`, and the `ErrorDocument` enum with
/// its failure type: only for APIs where some operation declares an error body of its own.
fn error_documents(scope: &Scope<'_>, model: &Plan<'_>) -> (TokenStream, TokenStream, TokenStream) {
    let mut ids: Vec<TypeId> = model
        .operations
        .iter()
        .flat_map(|o| o.error_documents.iter().map(|(_, id)| *id))
        .collect();
    ids.sort_unstable_by(|a, b| {
        model
            .type_plan(*a)
            .rust_name
            .cmp(&model.type_plan(*b).rust_name)
    });
    ids.dedup();
    if ids.is_empty() {
        return (quote!(), quote!(), quote!());
    }
    let variants: Vec<TokenStream> = (ids.iter())
        .map(|id| {
            let type_plan = model.type_plan(*id);
            let name = &type_plan.rust_name;
            let cfg = cfg_attr(model, &type_plan.gate);
            let predicate = cfg_predicate(model, &type_plan.gate);
            scope.under(predicate.as_ref(), || {
                let variant = ident(name);
                let ty = named(scope, model, name, View::Response);
                let doc = format!(" A {}.", scope.link(name, &format!("crate::types::{name}")));
                quote!(#[doc = #doc] #cfg #variant(#ty))
            })
        })
        .collect();
    let raw_response = scope.path("crate::runtime::RawResponse");
    let variant = quote! {
        /// The server answered with an error status and an error body particular to the operation.
        #[error(transparent)]
        Document(Box<DocumentFailure>),
    };
    let response = quote!(Error::Document(failure) => Some(&failure.response),);
    let items = quote! {
        /// Error bodies that some operations declare for some statuses instead of the shared one.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum ErrorDocument {
            #(#variants,)*
        }

        /// An error response whose body is one of the [`ErrorDocument`]s.
        #[derive(Debug, Clone, thiserror::Error)]
        #[error("{}: the server answered HTTP {} with an error document: {document:?}", response.call(), response.status())]
        pub struct DocumentFailure {
            /// The decoded error body.
            pub document: ErrorDocument,
            /// The response: call, status, headers and body.
            pub response: ErrorResponse,
        }

        /// The error for a response whose body is an operation's own error document.
        #[allow(dead_code)]
        pub(crate) fn document_failure(response: #raw_response, document: ErrorDocument) -> Error {
            Error::Document(Box::new(DocumentFailure {
                document,
                response: response.into_error_response(),
            }))
        }
    };
    (variant, response, items)
}
