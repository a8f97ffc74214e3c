//! Unwrapping of Atlas "envelope" responses (`?envelope=true`).
//!
//! Some clients cannot read HTTP status codes, so Atlas can answer every call
//! with HTTP 200 and put the real status in the body. The runtime undoes this
//! so that generated code (and retry decisions) always see the real status.

use reqwest::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::Value;

use super::error::TransportError;
use super::response::RawResponse;

/// Whether the query asks for enveloped responses.
pub(crate) fn requested(query: &[(&'static str, String)]) -> bool {
    query
        .iter()
        .any(|(name, value)| *name == "envelope" && value.eq_ignore_ascii_case("true"))
}

/// Turns an envelope into the response it wraps.
///
/// Two shapes exist: `{"status": 404, "content": {...}}` for single resources,
/// and list results with `status` added next to `results` (and no `content`),
/// where the body is the object without `status`. Responses that are not 2xx
/// or have no body did not go through the envelope logic (proxies, auth
/// challenges) and pass through unchanged.
pub(crate) fn unwrap(raw: RawResponse) -> Result<RawResponse, TransportError> {
    if !raw.status.is_success() || raw.body.is_empty() {
        return Ok(raw);
    }
    let malformed = |raw: &RawResponse| TransportError::Envelope(raw.clone().into_error_response());
    let Ok(Value::Object(mut object)) = serde_json::from_slice::<Value>(&raw.body) else {
        return Err(malformed(&raw));
    };
    let Some(status) = object
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|code| u16::try_from(code).ok())
        .and_then(|code| StatusCode::from_u16(code).ok())
    else {
        return Err(malformed(&raw));
    };
    let content = match object.remove("content") {
        Some(content) => content,
        None => {
            object.remove("status");
            Value::Object(object)
        }
    };
    let body = serde_json::to_vec(&content).map_err(|_| malformed(&raw))?;
    let mut unwrapped = raw;
    unwrapped.status = status;
    unwrapped.body = body.into();
    let headers = &mut unwrapped.headers;
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    // The body changed size; a stale length would mislead anyone re-serving it.
    headers.remove(CONTENT_LENGTH);
    Ok(unwrapped)
}
