// @generated: a copy of generator/runtime/src/decode.rs; do not edit by hand.
//! An answer turned into what an operation returns, or into the error it is: the same for every
//! operation of every generated crate, so it lives here rather than in generated text.
//!
//! The helpers are generic over the error type because the runtime never names generated code:
//! the generated `Error` only has to be buildable from the runtime's failures ([`ResponseError`]).
//! Every non-2xx answer is an error whatever its `Content-Type` (Atlas sends errors as plain
//! `application/json` but successes in versioned media types); [`RawResponse::into_failure`]
//! decides between an error document and a body that is not one.

use bytes::Bytes;
use serde::de::DeserializeOwned;

use super::failure::{ApiFailure, DecodeError, HttpFailure};
use super::response::{ApiResponse, RawResponse};

/// An error type that every failure read from a response converts into: the generated crate's
/// `Error`, whose `Api`, `Http` and `Decode` variants wrap these.
pub trait ResponseError: From<Box<ApiFailure>> + From<HttpFailure> + From<DecodeError> {}

impl<E> ResponseError for E where E: From<Box<ApiFailure>> + From<HttpFailure> + From<DecodeError> {}

/// The response itself when its status is a success, else the error it is: an error document
/// (`E::from(Box<ApiFailure>)`) or a body that is not one (`E::from(HttpFailure)`).
///
/// # Errors
///
/// Every non-success status.
pub fn success<E: ResponseError>(response: RawResponse) -> Result<RawResponse, E> {
    if response.status.is_success() {
        return Ok(response);
    }
    Err(match response.into_failure() {
        Ok(failure) => E::from(Box::new(failure)),
        Err(failure) => E::from(failure),
    })
}

/// A successful response decoded as JSON, or the error it is.
///
/// # Errors
///
/// As [`success`], and a [`DecodeError`] when the body does not match `T`.
pub fn decode_json<T: DeserializeOwned, E: ResponseError>(
    response: RawResponse,
) -> Result<ApiResponse<T>, E> {
    Ok(success::<E>(response)?.decode_json()?)
}

/// A successful response whose spec says it is a string: a JSON string when the body is one,
/// else the body's text as it is (a PEM certificate sent under a JSON media type), or the error
/// it is.
///
/// # Errors
///
/// As [`success`], and a [`DecodeError`] when the body is JSON but not a string, or not UTF-8.
pub fn decode_text<E: ResponseError>(response: RawResponse) -> Result<ApiResponse<String>, E> {
    Ok(success::<E>(response)?.decode_with(|_, body| {
        match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(serde_json::Value::String(text)) => Ok(text),
            Ok(_) => serde_json::from_slice::<String>(body),
            Err(_) => std::str::from_utf8(body)
                .map(str::to_owned)
                .map_err(<serde_json::Error as serde::de::Error>::custom),
        }
    })?)
}

/// A successful response whose body is ignored, or the error it is.
///
/// # Errors
///
/// As [`success`].
pub fn decode_empty<E: ResponseError>(response: RawResponse) -> Result<ApiResponse<()>, E> {
    Ok(success::<E>(response)?.into_bytes_response().map(|_| ()))
}

/// A successful response kept as bytes (gzip, CSV), or the error it is.
///
/// # Errors
///
/// As [`success`].
pub fn decode_bytes<E: ResponseError>(response: RawResponse) -> Result<ApiResponse<Bytes>, E> {
    Ok(success::<E>(response)?.into_bytes_response())
}

/// A successful response decoded by a function of its status and body (for operations whose
/// success statuses carry different bodies), or the error it is.
///
/// # Errors
///
/// As [`success`], and a [`DecodeError`] when `decode` fails.
pub fn decode_by_status<T, E: ResponseError>(
    response: RawResponse,
    decode: impl FnOnce(u16, &[u8]) -> Result<T, serde_json::Error>,
) -> Result<ApiResponse<T>, E> {
    Ok(success::<E>(response)?.decode_with(decode)?)
}
