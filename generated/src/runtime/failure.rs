// @generated: a copy of generator/runtime/src/failure.rs; do not edit by hand.
//! What an error keeps of the response that caused it: the call it answered (operation, method,
//! path template), status, headers and the body up to a limit; and the three failures built on
//! it: an Atlas error document, an error status without one, and a body that did not decode.
//!
//! Bodies can carry secrets (a newly created API key answers with its private key), so `Debug`
//! never shows them and `Display` quotes at most a short excerpt of *error pages* (non-2xx bodies
//! that are not Atlas documents); the whole kept body is reachable through accessors.

use std::borrow::Cow;
use std::fmt;

use bytes::Bytes;
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::{Method, StatusCode};

use super::error_body::ErrorBody;
use super::request::RequestSpec;
use super::response::RateLimit;

/// How many characters of an error page `Display` quotes.
const EXCERPT_CHARS: usize = 160;

/// Which operation a response answers, as the spec names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallInfo {
    /// The spec's `operationId`.
    pub operation_id: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path as the spec writes it, with `{placeholders}` (never the values, which can be
    /// personal data).
    pub path_template: &'static str,
}

impl CallInfo {
    /// The call a request makes.
    pub fn of(request: &RequestSpec) -> Self {
        Self {
            operation_id: request.operation_id,
            method: request.method.clone(),
            path_template: request.path_template,
        }
    }
}

/// `getCluster (GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName})`.
impl fmt::Display for CallInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({} {})",
            self.operation_id, self.method, self.path_template
        )
    }
}

/// The response an error came from.
///
/// The body is kept up to [`ClientConfig::error_body_limit`](super::ClientConfig::error_body_limit)
/// bytes; [`ErrorResponse::is_truncated`] says whether that cut anything.
///
/// Small to move around (one pointer), as errors are.
#[derive(Clone)]
pub struct ErrorResponse(Box<Kept>);

#[derive(Clone)]
struct Kept {
    call: CallInfo,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    body_len: usize,
}

impl ErrorResponse {
    /// Keeps at most `limit` bytes of `body` (and its whole length): also for a test of code
    /// that handles errors.
    pub fn new(
        call: CallInfo,
        status: StatusCode,
        headers: HeaderMap,
        mut body: Bytes,
        limit: usize,
    ) -> Self {
        let body_len = body.len();
        body.truncate(limit);
        Self(Box::new(Kept {
            call,
            status,
            headers,
            body,
            body_len,
        }))
    }

    /// The operation, method and path template of the request.
    pub fn call(&self) -> &CallInfo {
        &self.0.call
    }

    /// The HTTP status (for `envelope=true` requests, the status inside the envelope).
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.0.headers
    }

    /// `RateLimit-Limit` and `RateLimit-Remaining`, when the server sent them.
    pub fn rate_limit(&self) -> RateLimit {
        RateLimit::from_headers(&self.0.headers)
    }

    /// How long the server asked to wait (`Retry-After`), on 429 and 503.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        super::response::retry_after(&self.0.headers)
    }

    /// The `Content-Type` header, when present and readable.
    pub fn content_type(&self) -> Option<&str> {
        self.0.headers.get(CONTENT_TYPE)?.to_str().ok()
    }

    /// The body as received, up to the configured limit.
    pub fn body(&self) -> &[u8] {
        &self.0.body
    }

    /// The body as text (invalid UTF-8 replaced), up to the configured limit.
    pub fn body_text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.0.body)
    }

    /// The length of the body as received, before any cut.
    pub fn body_len(&self) -> usize {
        self.0.body_len
    }

    /// Whether the body was longer than the limit and only its start is kept.
    pub fn is_truncated(&self) -> bool {
        self.0.body.len() < self.0.body_len
    }

    /// `5,522 bytes of text/html, all kept in the error`, for messages.
    fn body_note(&self) -> String {
        let len = self.0.body_len;
        if len == 0 {
            return "empty body".to_owned();
        }
        let kind = match self.content_type() {
            Some(kind) => format!("of {kind}"),
            None => "without Content-Type".to_owned(),
        };
        let kept = match self.is_truncated() {
            true => format!("the first {} kept", Thousands(self.0.body.len())),
            false => "all kept".to_owned(),
        };
        format!("{} bytes {kind}, {kept} in the error", Thousands(len))
    }
}

impl fmt::Debug for ErrorResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorResponse")
            .field("call", &self.0.call)
            .field("status", &self.0.status)
            .field("headers", &self.0.headers)
            .field("body_len", &self.0.body_len)
            .field("kept", &self.0.body.len())
            .finish()
    }
}

/// An error status with an Atlas error document (a JSON object) as its body.
#[derive(Debug, Clone)]
pub struct ApiFailure {
    response: ErrorResponse,
    document: ErrorBody,
}

/// An error status whose body is not an Atlas error document: empty, an HTML page from a proxy
/// or load balancer, plain text, JSON that is not an object.
#[derive(Debug, Clone)]
pub struct HttpFailure {
    response: ErrorResponse,
}

impl ApiFailure {
    /// The failure Atlas reports with `status` and the error document `document` (the spec's
    /// error schema, such as `ApiError`), for a test of code that handles errors. A document that
    /// is not a JSON object is kept as the body and read as an empty one.
    pub fn new(call: CallInfo, status: StatusCode, document: &impl serde::Serialize) -> Self {
        let body = Bytes::from(serde_json::to_vec(document).unwrap_or_default());
        let document = ErrorBody::from_json(&body).unwrap_or_default();
        let response = ErrorResponse::new(call, status, HeaderMap::new(), body, usize::MAX);
        Self { response, document }
    }

    /// Sorts an error response by its body: a JSON object is an Atlas error document, read
    /// leniently (see [`ErrorBody`]); anything else is an [`HttpFailure`]. The document is
    /// decoded from the whole body, before the limit cuts what is kept.
    pub fn from_response(
        call: CallInfo,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        limit: usize,
    ) -> Result<Self, HttpFailure> {
        let document = ErrorBody::from_json(&body);
        let response = ErrorResponse::new(call, status, headers, body, limit);
        match document {
            Some(document) => Ok(Self { response, document }),
            None => Err(HttpFailure { response }),
        }
    }

    /// The response: call, status, headers and body.
    pub fn response(&self) -> &ErrorResponse {
        &self.response
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.response.status()
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.response.headers()
    }

    /// `RateLimit-Limit` and `RateLimit-Remaining`, when the server sent them.
    pub fn rate_limit(&self) -> RateLimit {
        self.response.rate_limit()
    }

    /// How long Atlas asked to wait (`Retry-After`), on 429 and 503.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.response.retry_after()
    }

    /// The error document, every field as the server sent it.
    pub fn body(&self) -> &ErrorBody {
        &self.document
    }

    /// Decodes the error document into a type of your own, such as the spec's error schema
    /// (`types::ApiError`): the client itself reads it leniently, because Atlas does not always
    /// send what the spec says.
    ///
    /// # Errors
    ///
    /// The JSON error when the document does not match `T` (or the kept body was cut).
    pub fn decode_body<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(self.response.body())
    }

    /// Atlas's application error code, such as `RESOURCE_NOT_FOUND`.
    pub fn error_code(&self) -> Option<&str> {
        self.document.error_code.as_deref()
    }

    /// Atlas's explanation of this particular error.
    pub fn detail(&self) -> Option<&str> {
        self.document.detail.as_deref()
    }

    /// Atlas's short reason phrase.
    pub fn reason(&self) -> Option<&str> {
        self.document.reason.as_deref()
    }
}

/// `listThings (GET /things): Atlas answered HTTP 404 Not Found: RESOURCE_NOT_FOUND: No thing.`
impl fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: Atlas answered HTTP {}",
            self.response.call(),
            self.response.status()
        )?;
        let detail = self.detail().or_else(|| self.reason());
        for part in [self.error_code(), detail].into_iter().flatten() {
            write!(f, ": {part}")?;
        }
        if self.error_code().is_none() && detail.is_none() {
            f.write_str(" with an error document that has no errorCode, detail or reason")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiFailure {}

impl HttpFailure {
    /// An error status whose body is not an Atlas error document, as the client reports it.
    pub fn new(response: ErrorResponse) -> Self {
        Self { response }
    }

    /// The response: call, status, headers and body.
    pub fn response(&self) -> &ErrorResponse {
        &self.response
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.response.status()
    }

    /// The body as text (invalid UTF-8 replaced), up to the configured limit.
    pub fn body_text(&self) -> Cow<'_, str> {
        self.response.body_text()
    }

    /// How long the server asked to wait (`Retry-After`), on 429 and 503.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.response.retry_after()
    }
}

/// `listThings (GET /things): HTTP 502 Bad Gateway, not an Atlas error document (4,071 bytes of
/// text/html, all kept in the error): "<html>…"`. Error pages come from proxies and carry no
/// secrets of the caller's, so a short excerpt is quoted: it is often the only clue to what
/// went wrong.
impl fmt::Display for HttpFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let response = &self.response;
        write!(f, "{}: HTTP {}", response.call(), response.status())?;
        if response.body_len() == 0 {
            return f.write_str(" with an empty body");
        }
        write!(
            f,
            ", not an Atlas error document ({}): \"{}\"",
            response.body_note(),
            Excerpt(&response.body_text())
        )
    }
}

impl std::error::Error for HttpFailure {}

/// A response whose body did not have the shape the spec gives it, success statuses included:
/// a 201 from a POST that took effect but lacks a field the spec requires is one of these, and
/// keeps the whole body so that nothing Atlas said is lost.
///
/// `Display` names the call, the status, the JSON error and the body's size and type, but never
/// quotes the body: a success body can hold a secret (a new API key's private key).
#[derive(Debug)]
pub struct DecodeError {
    response: ErrorResponse,
    source: serde_json::Error,
}

impl DecodeError {
    /// A decode failure of `response`'s body.
    pub fn new(response: ErrorResponse, source: serde_json::Error) -> Self {
        Self { response, source }
    }

    /// The response: call, status, headers and body.
    pub fn response(&self) -> &ErrorResponse {
        &self.response
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.response.status()
    }

    /// The body as received, up to the configured limit.
    pub fn body(&self) -> &[u8] {
        self.response.body()
    }

    /// The JSON error: what was wrong, with line and column.
    pub fn json_error(&self) -> &serde_json::Error {
        &self.source
    }
}

/// `createThing (POST /things): cannot decode the HTTP 201 Created response: missing field `id`
/// at line 1 column 52 (52 bytes of application/json, all kept in the error)`.
impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let response = &self.response;
        write!(
            f,
            "{}: cannot decode the HTTP {} response: {} ({})",
            response.call(),
            response.status(),
            self.source,
            response.body_note()
        )
    }
}

// The JSON error is part of the message, so it is not also a `source()` (reports that walk
// sources would print it twice); `json_error` gives it to code.
impl std::error::Error for DecodeError {}

/// A number with `,` between thousands, for byte counts people read.
struct Thousands(usize);

impl fmt::Display for Thousands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                f.write_str(",")?;
            }
            write!(f, "{digit}")?;
        }
        Ok(())
    }
}

/// The start of a text on one line: runs of whitespace and control characters become one space,
/// and `…` marks a cut.
struct Excerpt<'a>(&'a str);

impl fmt::Display for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&excerpt(self.0, EXCERPT_CHARS))
    }
}

/// The first `max_chars` characters of `text` on one line: runs of whitespace and control
/// characters become one space, and `…` marks a cut. How error messages quote a body.
pub(crate) fn excerpt(text: &str, max_chars: usize) -> String {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    match line.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}
