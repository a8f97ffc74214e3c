// @generated: a copy of generator/runtime/request.rs; do not edit by hand.
//! The description of one API call, as built by the generated operations.

use std::fmt;

use bytes::Bytes;

/// Everything the transport needs to send one operation.
#[derive(Debug)]
pub struct RequestSpec {
    /// The HTTP method.
    pub method: reqwest::Method,
    /// The `operationId` from the spec, used for tracing.
    pub operation_id: &'static str,
    /// The unexpanded path (e.g. `/api/atlas/v2/groups/{groupId}/clusters`), used
    /// for tracing so that spans group by operation rather than by resource.
    pub path_template: &'static str,
    /// The expanded path, already percent-encoded, starting with `/`.
    pub path: String,
    /// Query parameters, not yet encoded.
    pub query: Vec<(&'static str, String)>,
    /// Header parameters declared by the operation (not auth, `Accept` or `Content-Type`).
    pub headers: Vec<(&'static str, String)>,
    /// The `Accept` header, e.g. `application/vnd.atlas.2023-01-01+json`.
    pub accept: &'static str,
    /// The request body, if any.
    pub body: Option<RequestBody>,
    /// Allows retrying this call even though its method is not idempotent.
    pub retry_non_idempotent: bool,
}

impl RequestSpec {
    /// Starts a request without query, body or retry opt-in.
    pub fn new(
        method: reqwest::Method,
        operation_id: &'static str,
        path_template: &'static str,
        path: impl Into<String>,
        accept: &'static str,
    ) -> Self {
        Self {
            method,
            operation_id,
            path_template,
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            accept,
            body: None,
            retry_non_idempotent: false,
        }
    }

    /// Appends a query parameter.
    #[must_use]
    pub fn query(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.query.push((name, value.into()));
        self
    }

    /// Sets the body.
    #[must_use]
    pub fn body(mut self, body: RequestBody) -> Self {
        self.body = Some(body);
        self
    }

    /// Sets the per-call opt-in for retrying a non-idempotent method.
    #[must_use]
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.retry_non_idempotent = allow;
        self
    }
}

/// A serialized request body with its media type.
///
/// The bytes are kept (not streamed) so the body can be resent after a digest
/// challenge or for a retry.
#[derive(Clone)]
pub struct RequestBody {
    /// The `Content-Type` header, e.g. `application/vnd.atlas.2023-01-01+json`.
    pub content_type: &'static str,
    /// The encoded body.
    pub bytes: Bytes,
}

impl RequestBody {
    /// Wraps already encoded bytes.
    pub fn new(content_type: &'static str, bytes: impl Into<Bytes>) -> Self {
        Self {
            content_type,
            bytes: bytes.into(),
        }
    }

    /// Serializes `value` as JSON.
    ///
    /// # Errors
    ///
    /// Fails if `value` cannot be represented as JSON (e.g. a map with non-string keys).
    pub fn json<T: serde::Serialize + ?Sized>(
        content_type: &'static str,
        value: &T,
    ) -> Result<Self, serde_json::Error> {
        Ok(Self::new(content_type, serde_json::to_vec(value)?))
    }
}

// Bodies can hold passwords (database users, API key descriptions...), so
// Debug shows only their size.
impl fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBody")
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}
