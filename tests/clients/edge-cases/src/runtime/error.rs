// @generated: a copy of generator/runtime/error.rs; do not edit by hand.
//! Error types shared by the runtime and the generated operations.

use reqwest::StatusCode;

/// A failure to obtain a response from the API at all.
///
/// HTTP error statuses are *not* reported here: [`Transport::execute`](super::Transport::execute)
/// returns every response, and the generated code maps statuses to typed errors.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// Connection, timeout, TLS or body-read failure. The message may contain
    /// the request URL, which never carries credentials.
    #[error("HTTP request failed: {0}")]
    Http(#[from] reqwest::Error),
    /// Credentials could not be turned into an authenticated request.
    #[error("authentication failed: {0}")]
    Auth(#[from] AuthError),
    /// The request asked for `envelope=true` but the response body was not an envelope.
    #[error("malformed response envelope: {snippet}")]
    Envelope {
        /// The start of the offending body.
        snippet: String,
    },
    /// The client configuration or the request itself is unusable.
    #[error("invalid configuration: {0}")]
    Config(String),
}

/// A failure to authenticate.
///
/// No variant ever holds a secret: token endpoint bodies are only kept for
/// error statuses, and undecodable token responses are described, not quoted.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Required environment variables are unset or empty.
    #[error("missing environment variable(s): {}", names.join(", "))]
    MissingEnv {
        /// The names of the missing variables.
        names: Vec<&'static str>,
    },
    /// The OAuth token endpoint answered with a non-success status.
    #[error("OAuth token endpoint returned HTTP {status}: {snippet}")]
    TokenEndpoint {
        /// The HTTP status code of the token response.
        status: u16,
        /// The start of the token endpoint's error body.
        snippet: String,
    },
    /// The OAuth token request could not be sent or its response not read.
    #[error("OAuth token request failed: {0}")]
    TokenRequest(#[source] reqwest::Error),
    /// The token endpoint answered 2xx with a body that is not a usable token.
    #[error("OAuth token response could not be used: {snippet}")]
    TokenDecode {
        /// A description of the problem. The body itself is never quoted,
        /// because it may contain an access token.
        snippet: String,
    },
    /// The server's `WWW-Authenticate: Digest` challenge could not be parsed or answered.
    #[error("unusable digest challenge: {0}")]
    DigestChallenge(String),
}

/// A response body that did not match the expected JSON shape.
///
/// The message names the status and the serde error; the body snippet is kept
/// in a field rather than the message, because bodies can carry sensitive data
/// (a newly created API key, for instance).
#[derive(Debug, thiserror::Error)]
#[error("failed to decode response body (HTTP {status}): {source}")]
pub struct DecodeError {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The start of the body, as lossy UTF-8 (see [`RawResponse::snippet`](super::RawResponse::snippet)).
    pub snippet: String,
    /// The underlying JSON error.
    #[source]
    pub source: serde_json::Error,
}

/// A parameter value that the client rejected before sending anything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid value for `{parameter}`: {value:?} {reason}")]
pub struct InvalidArgument {
    /// The API name of the parameter.
    pub parameter: &'static str,
    /// The rejected value.
    pub value: String,
    /// Why it was rejected, phrased to follow the value (e.g. "must not be empty").
    pub reason: String,
}

impl InvalidArgument {
    /// Builds an `InvalidArgument`.
    pub fn new(
        parameter: &'static str,
        value: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Self {
            parameter,
            value: value.into(),
            reason: reason.into(),
        }
    }
}
