//! Answers read as they arrive: a success's body is handed over as a stream of chunks instead of
//! being held whole, for binary downloads (gzip logs, CSV exports) that can be larger than memory.
//!
//! Only a success streams. An error status, or an answer to a request with `envelope=true` (whose
//! body has to be read whole to be unwrapped), is read completely and decoded like any other, so
//! a streamed call fails exactly as the buffered one does.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use super::error::TransportError;
use super::failure::CallInfo;
use super::response::{retry_after, ApiResponse, RawResponse};

/// A body read chunk by chunk as it arrives.
///
/// `Debug` shows where the body comes from, never its content.
pub struct ByteStream {
    source: Source,
    call: Option<CallInfo>,
}

enum Source {
    /// A response whose body has not been read yet.
    Live(reqwest::Response),
    /// A body already read whole (an envelope's, or one made by a test); taken by the first read.
    Read(Option<Bytes>),
}

impl ByteStream {
    /// A stream of one chunk: `bytes` (nothing when empty).
    pub fn from_bytes(bytes: impl Into<Bytes>) -> Self {
        let bytes = bytes.into();
        Self {
            source: Source::Read((!bytes.is_empty()).then_some(bytes)),
            call: None,
        }
    }

    pub(crate) fn live(response: reqwest::Response, call: CallInfo) -> Self {
        Self {
            source: Source::Live(response),
            call: Some(call),
        }
    }

    /// The body's length as the server announced it (`Content-Length`), when it did.
    pub fn content_length(&self) -> Option<u64> {
        match &self.source {
            Source::Live(response) => response.content_length(),
            Source::Read(bytes) => Some(bytes.as_ref().map_or(0, |b| b.len() as u64)),
        }
    }

    /// The next chunk of the body; `None` at its end.
    ///
    /// # Errors
    ///
    /// [`TransportError::Http`] when the connection fails while the body is read.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, TransportError> {
        match &mut self.source {
            Source::Read(bytes) => Ok(bytes.take()),
            Source::Live(response) => {
                response
                    .chunk()
                    .await
                    .map_err(|error| TransportError::Http {
                        call: self.call.clone().unwrap_or_else(unknown_call),
                        error,
                    })
            }
        }
    }

    /// Reads the rest of the body into memory.
    ///
    /// # Errors
    ///
    /// As [`ByteStream::chunk`].
    pub async fn collect(mut self) -> Result<Bytes, TransportError> {
        let mut whole = Vec::new();
        while let Some(chunk) = self.chunk().await? {
            whole.extend_from_slice(&chunk);
        }
        Ok(Bytes::from(whole))
    }
}

fn unknown_call() -> CallInfo {
    CallInfo {
        operation_id: "",
        method: reqwest::Method::GET,
        path_template: "",
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match self.source {
            Source::Live(_) => "live",
            Source::Read(_) => "read",
        };
        f.debug_struct("ByteStream")
            .field("call", &self.call)
            .field("source", &source)
            .field("content_length", &self.content_length())
            .finish()
    }
}

/// What a streamed call received: a success whose body is still to be read, or an answer read
/// whole (every error status, and answers to `envelope=true`), which is decoded as usual.
#[derive(Debug)]
pub enum Streamed {
    /// A success: status, headers and the unread body.
    Body(ApiResponse<ByteStream>),
    /// An answer read whole.
    Complete(RawResponse),
}

/// What the transport's retry and authentication steps look at in an answer, whether its body was
/// read or not.
pub(crate) trait Answer: Sized {
    fn status(&self) -> StatusCode;
    fn headers(&self) -> &HeaderMap;
    fn retry_after(&self) -> Option<Duration> {
        retry_after(self.headers())
    }
}

impl Answer for RawResponse {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn headers(&self) -> &HeaderMap {
        &self.headers
    }
}

impl Answer for Streamed {
    fn status(&self) -> StatusCode {
        match self {
            Self::Body(response) => response.status(),
            Self::Complete(response) => response.status,
        }
    }
    fn headers(&self) -> &HeaderMap {
        match self {
            Self::Body(response) => response.headers(),
            Self::Complete(response) => &response.headers,
        }
    }
}
