// @generated: a copy of generator/runtime/mod.rs; do not edit by hand.
//! Runtime support for the generated Atlas Administration API client: transport, authentication, retries and responses.
//!
//! This code is copied verbatim from the generator into the generated crate; it
//! knows nothing about the generated types and refers only to itself.

pub mod auth;
pub mod config;
pub mod encoding;
mod envelope;
pub mod error;
pub mod error_body;
pub mod failure;
pub mod open_enum;
pub mod request;
pub mod response;
pub mod retry;
pub mod secret;
pub mod transport;
pub mod validate;

pub use auth::Credentials;
pub use config::ClientConfig;
pub use encoding::{cookie_header, encode_path_segment};
pub use error::{AuthError, InvalidArgument, MissingEnv, TransportError};
pub use error_body::ErrorBody;
pub use failure::{ApiFailure, CallInfo, DecodeError, ErrorResponse, HttpFailure};
#[doc(hidden)]
pub use open_enum::open_enum_impls;
pub use request::{ExtraHeaders, RequestBody, RequestSpec};
pub use response::{ApiResponse, RateLimit, RawResponse};
pub use retry::RetryPolicy;
pub use secret::Secret;
pub use transport::Transport;
pub use validate::check_pattern;
