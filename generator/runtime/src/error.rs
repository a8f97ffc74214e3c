//! Error types shared by the runtime and the generated operations.

use std::fmt;

use super::failure::{CallInfo, ErrorResponse};

/// A failure to obtain a usable response from the API at all.
///
/// HTTP error statuses are *not* reported here: [`Transport::execute`](super::Transport::execute)
/// returns every response, and the generated code maps statuses to typed errors.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// Connection, DNS, timeout, TLS or body-read failure during a call. The message names the
    /// call and walks the whole cause chain (`error sending request for url (…): client error
    /// (Connect): tcp connect error: Connection refused`), since reqwest's first line alone
    /// rarely says what failed; the chain is therefore not repeated by `source()`. It may
    /// contain the request URL, which never carries credentials.
    #[error("{call}: HTTP request failed: {}", Chain(.error))]
    Http {
        /// The operation, method and path template of the request.
        call: CallInfo,
        /// What reqwest reported (`is_connect()`, `is_timeout()`...).
        error: reqwest::Error,
    },
    /// Credentials could not be turned into an authenticated request.
    #[error("authentication failed: {0}")]
    Auth(#[from] AuthError),
    /// The request asked for `envelope=true` but the response body was not an envelope.
    #[error("{}: the response to a request with envelope=true is not an envelope (HTTP {})", .0.call(), .0.status())]
    Envelope(ErrorResponse),
    /// The request body could not be put together as it was being sent: a file of a multipart
    /// body that cannot be opened, or a part's content type that is not a media type.
    #[error("{call}: cannot send the request body: {reason}")]
    Body {
        /// The operation, method and path template of the request.
        call: CallInfo,
        /// What went wrong, naming the part.
        reason: String,
    },
    /// The client configuration or the request itself is unusable (this includes an HTTP
    /// client that cannot be built, for want of TLS roots say).
    #[error("invalid configuration: {0}")]
    Config(String),
}

/// A failure to authenticate.
///
/// No variant ever holds a secret: token endpoint bodies are only kept for
/// error statuses, and undecodable token responses are described, not quoted.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// The OAuth token endpoint answered with a non-success status.
    #[error("OAuth token endpoint returned HTTP {status}: {snippet}")]
    TokenEndpoint {
        /// The HTTP status code of the token response.
        status: u16,
        /// The start of the token endpoint's error body.
        snippet: String,
    },
    /// The OAuth token request could not be sent or its response not read. The message walks
    /// the cause chain, as [`TransportError::Http`] does.
    #[error("OAuth token request failed: {}", Chain(.0))]
    TokenRequest(reqwest::Error),
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

/// Credentials were asked of the environment and are not all there. A variable that is set
/// but empty counts as missing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("environment variable(s) not set: {}", names.join(", "))]
pub struct MissingEnv {
    /// The names of the missing variables.
    pub names: Vec<&'static str>,
}

/// An error and its sources, joined with `: `. A source whose message its parent already
/// contains is skipped, as some libraries repeat their cause.
pub(crate) struct Chain<'a>(pub(crate) &'a (dyn std::error::Error + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut previous = self.0.to_string();
        f.write_str(&previous)?;
        let mut next = self.0.source();
        while let Some(error) = next {
            let text = error.to_string();
            if !previous.contains(&text) {
                write!(f, ": {text}")?;
            }
            previous = text;
            next = error.source();
        }
        Ok(())
    }
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
