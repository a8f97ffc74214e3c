// @generated: a copy of generator/runtime/src/hooks.rs; do not edit by hand.
//! Hooks a client runs around each HTTP exchange: add headers before it is sent, observe its answer.
//!
//! They stay outside authentication on purpose. A before-send hook runs before the credentials
//! are applied, so it never sees an `Authorization` value and cannot set one (nor
//! `Proxy-Authorization` or `Cookie`); an after-answer hook sees the answer's headers without
//! those that carry secrets or Digest nonces. Neither runs for the OAuth token request, which
//! is part of authentication.
//!
//! A hook is called once per exchange, not once per call: a retried call runs it for each
//! attempt, and the second exchange of a Digest challenge or of an OAuth token refresh runs it
//! again with the same attempt number. An exchange ends when the answer's head arrives: a
//! failure while its body is read afterwards is the call's error, not reported to a hook. A
//! request the HTTP client cannot even build (a header value it refuses) runs neither hook.
//! A hook that panics unwinds through the call that ran it.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode, Url};

use super::error::Chain;
use super::request::OWNED_HEADERS;

/// A hook run before each HTTP exchange is sent (see [`ClientConfig::before_send`](super::ClientConfig::before_send)).
pub type BeforeSend = Arc<dyn Fn(&mut OutgoingRequest<'_>) + Send + Sync>;

/// A hook run after each HTTP exchange (see [`ClientConfig::after_answer`](super::ClientConfig::after_answer)).
pub type AfterAnswer = Arc<dyn Fn(&AnswerInfo<'_>) + Send + Sync>;

/// Headers that carry credentials: only authentication sets them.
const CREDENTIAL_HEADERS: &[&str] = &["authorization", "proxy-authorization", "cookie"];

/// Answer headers hooks do not see: cookies, and the challenges and authentication data of
/// Digest (its nonces let anyone who reads them answer for the key while they last).
const SECRET_ANSWER_HEADERS: &[&str] = &[
    "authentication-info",
    "proxy-authenticate",
    "proxy-authentication-info",
    "set-cookie",
    "www-authenticate",
];

/// What identifies one exchange, shared by both views.
#[derive(Clone, Copy)]
pub(crate) struct Exchange<'a> {
    pub(crate) operation_id: &'static str,
    pub(crate) method: &'a Method,
    pub(crate) url: &'a Url,
    pub(crate) attempt: u32,
}

/// A request about to be sent, as a [`BeforeSend`] hook sees it: before authentication.
pub struct OutgoingRequest<'a> {
    exchange: Exchange<'a>,
    headers: &'a mut HeaderMap,
}

impl OutgoingRequest<'_> {
    /// The `operationId` of the call.
    pub fn operation_id(&self) -> &'static str {
        self.exchange.operation_id
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        self.exchange.method
    }

    /// The full URL, query included.
    pub fn url(&self) -> &Url {
        self.exchange.url
    }

    /// Which attempt of the call this is, from 1; a retry counts one more.
    pub fn attempt(&self) -> u32 {
        self.exchange.attempt
    }

    /// The headers that will be sent, except those authentication adds afterwards.
    pub fn headers(&self) -> &HeaderMap {
        self.headers
    }

    /// Sets a header, replacing any value it had.
    ///
    /// # Errors
    ///
    /// [`ReservedHeader`], leaving the request as it was, for a header the client sets itself.
    pub fn insert_header(
        &mut self,
        name: HeaderName,
        value: HeaderValue,
    ) -> Result<(), ReservedHeader> {
        check(&name)?;
        self.headers.insert(name, value);
        Ok(())
    }

    /// Adds a value to a header, keeping those it had.
    ///
    /// # Errors
    ///
    /// As [`OutgoingRequest::insert_header`].
    pub fn append_header(
        &mut self,
        name: HeaderName,
        value: HeaderValue,
    ) -> Result<(), ReservedHeader> {
        check(&name)?;
        self.headers.append(name, value);
        Ok(())
    }
}

impl fmt::Debug for OutgoingRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OutgoingRequest")
            .field("operation_id", &self.exchange.operation_id)
            .field("method", self.exchange.method)
            .field("url", &self.exchange.url.as_str())
            .field("attempt", &self.exchange.attempt)
            .field("headers", &self.headers)
            .finish()
    }
}

fn check(name: &HeaderName) -> Result<(), ReservedHeader> {
    let name_text = name.as_str();
    if CREDENTIAL_HEADERS.contains(&name_text) || OWNED_HEADERS.contains(&name_text) {
        return Err(ReservedHeader { name: name.clone() });
    }
    Ok(())
}

/// A hook tried to set a header the client sets itself: a credential header (`Authorization`,
/// `Proxy-Authorization`, `Cookie`), one that chooses the API version the typed decoding
/// expects (`Accept`, `Content-Type`), or one that describes the connection and body (`Host`,
/// `Content-Length`, `Transfer-Encoding`, `Connection`, `User-Agent`). The request is sent
/// without the change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a hook cannot set the `{name}` header: the client sets it itself")]
pub struct ReservedHeader {
    name: HeaderName,
}

impl ReservedHeader {
    /// The header that was refused.
    pub fn name(&self) -> &HeaderName {
        &self.name
    }
}

/// One finished exchange, as an [`AfterAnswer`] hook sees it.
pub struct AnswerInfo<'a> {
    exchange: Exchange<'a>,
    /// The status, or the error's text when no answer came.
    status: Result<StatusCode, String>,
    /// Empty when no answer came.
    headers: HeaderMap,
    elapsed: Duration,
}

impl AnswerInfo<'_> {
    /// The `operationId` of the call.
    pub fn operation_id(&self) -> &'static str {
        self.exchange.operation_id
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        self.exchange.method
    }

    /// The full URL, query included.
    pub fn url(&self) -> &Url {
        self.exchange.url
    }

    /// Which attempt of the call this was, from 1.
    pub fn attempt(&self) -> u32 {
        self.exchange.attempt
    }

    /// The answer's status, or `None` when no answer came (see [`AnswerInfo::error`]).
    pub fn status(&self) -> Option<StatusCode> {
        self.status.as_ref().ok().copied()
    }

    /// The answer's headers without `Set-Cookie`, `WWW-Authenticate`, `Authentication-Info` and
    /// their proxy counterparts; empty when no answer came.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// Why no answer came (connection refused, timeout...), with its causes; `None` when one did.
    pub fn error(&self) -> Option<&str> {
        self.status.as_ref().err().map(String::as_str)
    }

    /// How long the exchange took, from sending the request until the answer's head arrived
    /// (its body is read afterwards) or the exchange failed.
    pub fn elapsed(&self) -> Duration {
        self.elapsed
    }
}

impl fmt::Debug for AnswerInfo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnswerInfo")
            .field("operation_id", &self.exchange.operation_id)
            .field("method", self.exchange.method)
            .field("url", &self.exchange.url.as_str())
            .field("attempt", &self.exchange.attempt)
            .field("status", &self.status())
            .field("headers", &self.headers)
            .field("error", &self.error())
            .field("elapsed", &self.elapsed)
            .finish()
    }
}

/// The hooks of a configuration, each list run in the order it was added.
#[derive(Clone, Default)]
pub(crate) struct Hooks {
    before: Vec<BeforeSend>,
    after: Vec<AfterAnswer>,
}

impl Hooks {
    pub(crate) fn add_before(&mut self, hook: BeforeSend) {
        self.before.push(hook);
    }

    pub(crate) fn add_after(&mut self, hook: AfterAnswer) {
        self.after.push(hook);
    }

    /// Runs the before-send hooks on the headers of a request not yet authenticated.
    pub(crate) fn before_send(&self, exchange: Exchange<'_>, headers: &mut HeaderMap) {
        if self.before.is_empty() {
            return;
        }
        let mut request = OutgoingRequest { exchange, headers };
        for hook in &self.before {
            hook(&mut request);
        }
    }

    /// Runs the after-answer hooks on how an exchange ended.
    pub(crate) fn after_answer(
        &self,
        exchange: Exchange<'_>,
        result: &Result<reqwest::Response, reqwest::Error>,
        elapsed: Duration,
    ) {
        // The headers are copied only when someone will look at them.
        if self.after.is_empty() {
            return;
        }
        let answer = match result {
            Ok(response) => AnswerInfo {
                exchange,
                status: Ok(response.status()),
                headers: without_secrets(response.headers()),
                elapsed,
            },
            Err(error) => AnswerInfo {
                exchange,
                status: Err(Chain(error).to_string()),
                headers: HeaderMap::new(),
                elapsed,
            },
        };
        for hook in &self.after {
            hook(&answer);
        }
    }
}

fn without_secrets(headers: &HeaderMap) -> HeaderMap {
    let mut kept = HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        if !SECRET_ANSWER_HEADERS.contains(&name.as_str()) {
            kept.append(name.clone(), value.clone());
        }
    }
    kept
}

// Hooks are code: a configuration's Debug says how many there are, never what they are.
impl fmt::Debug for Hooks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hooks")
            .field("before_send", &self.before.len())
            .field("after_answer", &self.after.len())
            .finish()
    }
}
