//! Runtime support for the generated Atlas Administration API client: transport, authentication, retries and responses.
//!
//! A generated crate gets it in one of two ways, chosen when it is generated: as this crate,
//! a path dependency re-exported as `crate::runtime` (the test fixtures, so it is compiled once),
//! or as a copy of these files under `src/runtime/` (the crate users vendor, which then needs
//! nothing from this repository). Either way it knows nothing about the generated types and
//! refers only to itself (`super::`, never `crate::`), so the copy compiles as a module.
//! Inner attributes of this file are dropped from the copy (they would not be the crate's).
#![deny(missing_docs)]

pub mod auth;
pub mod builder;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod decode;
pub mod download;
pub mod encoding;
mod envelope;
pub mod error;
pub mod error_body;
pub mod failure;
pub mod form;
pub mod hooks;
#[cfg(feature = "mock")]
pub mod mock;
pub mod open_enum;
pub mod part_file;
pub mod poll;
pub mod record;
pub mod record_struct;
pub mod request;
pub mod response;
pub mod retry;
pub mod secret;
pub mod stream;
pub mod transport;
pub mod union;
pub mod validate;

pub use auth::{Credentials, EnvCredentials, EnvNames, KeyLocation};
pub use builder::{body_method, header_method, poll_method, retry_method, send_method};
pub use config::ClientConfig;
pub use decode::{
    decode_by_status, decode_bytes, decode_empty, decode_json, decode_text, ResponseError,
};
pub use download::{DownloadError, DownloadOptions, Downloaded, FetchError, Progress};
pub use encoding::{cookie_header, encode_path_segment};
pub use error::{AuthError, InvalidArgument, MissingEnv, TransportError};
pub use error_body::ErrorBody;
pub use failure::{ApiFailure, CallInfo, DecodeError, ErrorResponse, HttpFailure};
pub use form::{FilePart, Multipart};
pub use hooks::{AfterAnswer, AnswerInfo, BeforeSend, OutgoingRequest, ReservedHeader};
#[doc(hidden)]
pub use open_enum::open_enum;
pub use poll::{poll_until, wait_for_state, PollOptions, WaitError};
#[doc(hidden)]
pub use record::{record_impls, Unknown};
#[doc(hidden)]
pub use record_struct::{models, record};
pub use request::{ExtraHeaders, RequestBody, RequestSpec};
pub use response::{ApiResponse, RateLimit, RawResponse};
pub use retry::RetryPolicy;
pub use secret::Secret;
pub use stream::{ByteStream, Streamed};
pub use transport::Transport;
#[doc(hidden)]
pub use union::{tagged_union, untagged_union};
pub use validate::check_pattern;
#[doc(hidden)]
pub use validate::pattern_string;
