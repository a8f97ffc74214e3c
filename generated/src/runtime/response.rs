// @generated: a copy of generator/runtime/src/response.rs; do not edit by hand.
//! Raw and decoded API responses, with rate-limit and `Retry-After` helpers.

use std::fmt;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::{HeaderMap, CONTENT_TYPE, RETRY_AFTER};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use super::config::DEFAULT_ERROR_BODY_LIMIT;
use super::failure::{ApiFailure, CallInfo, DecodeError, ErrorResponse, HttpFailure};

/// Maximum number of body bytes quoted in errors.
const SNIPPET_MAX: usize = 512;

/// A complete HTTP response: status, headers and the whole body, with the call it answers
/// (which errors made from it name) and how much of its body such errors keep.
///
/// `Debug` shows the body's length only: bodies can carry sensitive data (a
/// newly created API key, for instance). Use [`RawResponse::snippet`] to look
/// at the content deliberately.
#[derive(Clone)]
pub struct RawResponse {
    /// The status (for `envelope=true` requests, the status inside the envelope).
    pub status: reqwest::StatusCode,
    /// The response headers.
    pub headers: reqwest::header::HeaderMap,
    /// The body.
    pub body: bytes::Bytes,
    call: CallInfo,
    error_body_limit: usize,
}

impl fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("call", &self.call)
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// Rate-limit information advertised by the server.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// `RateLimit-Limit`: requests allowed in the current window.
    pub limit: Option<u64>,
    /// `RateLimit-Remaining`: requests left in the current window.
    pub remaining: Option<u64>,
}

impl RateLimit {
    /// Reads `RateLimit-Limit` and `RateLimit-Remaining`; absent or
    /// unparseable headers give `None`.
    pub fn from_headers(h: &HeaderMap) -> Self {
        Self {
            limit: header_u64(h, "ratelimit-limit"),
            remaining: header_u64(h, "ratelimit-remaining"),
        }
    }
}

/// Parses the leading integer of a header. The IETF rate-limit drafts allow
/// parameters after the number (`100, 100;w=60`), so only the first item counts.
fn header_u64(h: &HeaderMap, name: &str) -> Option<u64> {
    let value = h.get(name)?.to_str().ok()?;
    let first = value.split([',', ';']).next()?;
    first.trim().parse().ok()
}

/// A decoded response: the body plus the status and headers it came with.
#[derive(Debug, Clone)]
pub struct ApiResponse<T> {
    status: StatusCode,
    headers: HeaderMap,
    rate_limit: RateLimit,
    body: T,
}

impl<T> ApiResponse<T> {
    /// Builds a response; the rate limit is read from `headers`.
    pub fn new(status: StatusCode, headers: HeaderMap, body: T) -> Self {
        let rate_limit = RateLimit::from_headers(&headers);
        Self {
            status,
            headers,
            rate_limit,
            body,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The rate-limit headers of the response.
    pub fn rate_limit(&self) -> RateLimit {
        self.rate_limit
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// Consumes the response and returns the body.
    pub fn into_body(self) -> T {
        self.body
    }

    /// Consumes the response and returns status, headers and body.
    pub fn into_parts(self) -> (StatusCode, HeaderMap, T) {
        (self.status, self.headers, self.body)
    }

    /// Transforms the body, keeping status and headers.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ApiResponse<U> {
        ApiResponse {
            status: self.status,
            headers: self.headers,
            rate_limit: self.rate_limit,
            body: f(self.body),
        }
    }
}

impl RawResponse {
    /// A response to `call`; errors made from it keep up to
    /// [`DEFAULT_ERROR_BODY_LIMIT`] bytes of the body.
    pub fn new(call: CallInfo, status: StatusCode, headers: HeaderMap, body: Bytes) -> Self {
        Self {
            status,
            headers,
            body,
            call,
            error_body_limit: DEFAULT_ERROR_BODY_LIMIT,
        }
    }

    /// Sets how many bytes of the body an error made from this response keeps.
    #[must_use]
    pub fn error_body_limit(mut self, limit: usize) -> Self {
        self.error_body_limit = limit;
        self
    }

    /// The operation, method and path template of the request this answers.
    pub fn call(&self) -> &CallInfo {
        &self.call
    }

    /// The response as an error keeps it: the body cut to the limit.
    pub fn into_error_response(self) -> ErrorResponse {
        ErrorResponse::new(
            self.call,
            self.status,
            self.headers,
            self.body,
            self.error_body_limit,
        )
    }

    /// The failure an error status is: [`ApiFailure`] when the body is a JSON object (an Atlas
    /// error document, read leniently), [`HttpFailure`] otherwise (empty, an HTML page...).
    pub fn into_failure(self) -> Result<ApiFailure, HttpFailure> {
        ApiFailure::from_response(
            self.call,
            self.status,
            self.headers,
            self.body,
            self.error_body_limit,
        )
    }

    /// The rate-limit headers of the response.
    pub fn rate_limit(&self) -> RateLimit {
        RateLimit::from_headers(&self.headers)
    }

    /// The wait requested by `Retry-After`, as delta-seconds or as an HTTP date.
    /// A date in the past gives zero; a missing or malformed header gives `None`.
    pub fn retry_after(&self) -> Option<Duration> {
        retry_after(&self.headers)
    }

    /// The body as lossy UTF-8, cut to at most 512 bytes on a character
    /// boundary and followed by `…` when cut. Meant for error messages.
    pub fn snippet(&self) -> String {
        snippet(&self.body)
    }

    /// Decodes the body as JSON. An empty body decodes like `null`, so that
    /// `()` and `Option<_>` work for operations that return nothing.
    ///
    /// # Errors
    ///
    /// [`DecodeError`] with the call, status, headers and body (up to the limit) when the body
    /// does not match `T`.
    pub fn decode_json<T: DeserializeOwned>(self) -> Result<ApiResponse<T>, DecodeError> {
        self.decode_with(|_, body| {
            if body.iter().all(u8::is_ascii_whitespace) {
                serde_json::from_slice(b"null")
            } else {
                serde_json::from_slice(body)
            }
        })
    }

    /// Decodes the body with a function of the status and the body (for operations whose
    /// statuses carry different bodies).
    ///
    /// # Errors
    ///
    /// [`DecodeError`] as for [`RawResponse::decode_json`] when `decode` fails.
    pub fn decode_with<T>(
        self,
        decode: impl FnOnce(u16, &[u8]) -> Result<T, serde_json::Error>,
    ) -> Result<ApiResponse<T>, DecodeError> {
        match decode(self.status.as_u16(), &self.body) {
            Ok(body) => Ok(ApiResponse::new(self.status, self.headers, body)),
            Err(source) => Err(DecodeError::new(self.into_error_response(), source)),
        }
    }

    /// Keeps the body as raw bytes (downloads, non-JSON media types).
    pub fn into_bytes_response(self) -> ApiResponse<Bytes> {
        ApiResponse::new(self.status, self.headers, self.body)
    }

    /// Whether `Content-Type` is `application/json` or `application/*+json`.
    ///
    /// Atlas sends successes in versioned media types
    /// (`application/vnd.atlas.2023-01-01+json`) but errors in plain
    /// `application/json`, so both forms must count as JSON.
    pub fn is_json(&self) -> bool {
        let Some(value) = self.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
            return false;
        };
        let essence = value
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match essence.strip_prefix("application/") {
            Some(subtype) => subtype == "json" || subtype.ends_with("+json"),
            None => false,
        }
    }
}

/// The wait a `Retry-After` header asks for; see [`RawResponse::retry_after`].
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    parse_retry_after(headers.get(RETRY_AFTER)?.to_str().ok()?, SystemTime::now())
}

/// Parses a `Retry-After` value relative to `now`.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

/// See [`RawResponse::snippet`].
pub(crate) fn snippet(body: &[u8]) -> String {
    if body.len() <= SNIPPET_MAX {
        return String::from_utf8_lossy(body).into_owned();
    }
    // If the byte after the limit continues a multi-byte character, that
    // character was split: step back to its first byte so it is dropped whole
    // instead of showing up as a replacement character.
    let mut end = SNIPPET_MAX;
    while end > SNIPPET_MAX - 3 && body.get(end).is_some_and(|b| b & 0xC0 == 0x80) {
        end -= 1;
    }
    let mut text = String::from_utf8_lossy(body.get(..end).unwrap_or_default()).into_owned();
    // Replacement characters take three bytes, so invalid input can still
    // exceed the bound after conversion.
    if text.len() > SNIPPET_MAX {
        let mut cut = SNIPPET_MAX;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text.push('…');
    text
}
