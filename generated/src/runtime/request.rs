// @generated: a copy of generator/runtime/src/request.rs; do not edit by hand.
//! The description of one API call, as built by the generated operations.

use std::fmt;

use bytes::Bytes;
use reqwest::header::{HeaderName, HeaderValue};

use super::error::InvalidArgument;
use super::form::{FilePart, Multipart};

/// Headers the client sets itself, which `.header()` refuses: `Authorization` belongs to the
/// credentials (digest answers its challenge by re-signing), `Accept` and `Content-Type` choose
/// the API version the typed decoding expects, and the rest describe the connection and body
/// (`User-Agent` has [`ClientConfig::user_agent`](super::ClientConfig::user_agent)). Replacing
/// any of them would fail far from the cause, so they are refused where they are set (here, and
/// in a [`BeforeSend`](super::hooks::BeforeSend) hook).
pub(super) const OWNED_HEADERS: &[&str] = &[
    "accept",
    "authorization",
    "connection",
    "content-length",
    "content-type",
    "host",
    "transfer-encoding",
    "user-agent",
];

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
    /// Headers the caller added to this one call (see [`ExtraHeaders`]).
    pub extra_headers: Vec<(HeaderName, HeaderValue)>,
    /// The `Accept` header, e.g. `application/vnd.atlas.2023-01-01+json`.
    pub accept: &'static str,
    /// The request body, if any.
    pub body: Option<RequestBody>,
    /// Allows retrying this call even though its method is not idempotent.
    pub retry_non_idempotent: bool,
    /// The operation's own server, when the spec gives it one (`servers` on the operation or
    /// its path): used instead of the base URL, unless the configuration was given a base URL
    /// of its own ([`ClientConfig::base_url`](super::ClientConfig::base_url): a test server or
    /// a proxy then gets every call).
    pub server: Option<&'static str>,
}

impl RequestSpec {
    /// Adds the query parameter `name` when `value` is set, written by `text`.
    pub fn query_if_set<T>(
        &mut self,
        name: &'static str,
        value: &Option<T>,
        text: impl FnOnce(&T) -> String,
    ) {
        if let Some(value) = value {
            self.query.push((name, text(value)));
        }
    }

    /// Adds the header parameter `name` when `value` is set, written by `text`.
    pub fn header_if_set<T>(
        &mut self,
        name: &'static str,
        value: &Option<T>,
        text: impl FnOnce(&T) -> String,
    ) {
        if let Some(value) = value {
            self.headers.push((name, text(value)));
        }
    }

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
            extra_headers: Vec::new(),
            accept,
            body: None,
            retry_non_idempotent: false,
            server: None,
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

/// A request body with its media type.
///
/// Encoded bodies (JSON, forms) are kept as bytes, not streamed, so they can be resent after a
/// Digest challenge or for a retry; a multipart body is rebuilt for each exchange instead, its
/// files opened again and streamed.
#[derive(Clone)]
pub struct RequestBody {
    content_type: &'static str,
    content: BodyContent,
}

#[derive(Clone)]
enum BodyContent {
    Bytes(Bytes),
    Multipart(Multipart),
    File(FilePart),
}

impl RequestBody {
    /// Wraps already encoded bytes.
    pub fn new(content_type: &'static str, bytes: impl Into<Bytes>) -> Self {
        Self {
            content_type,
            content: BodyContent::Bytes(bytes.into()),
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

    /// Encodes `value`, an object, as `application/x-www-form-urlencoded` pairs (see
    /// [`form_encode`](super::form::form_encode)).
    ///
    /// # Errors
    ///
    /// Fails if `value` cannot be represented as JSON, or is not an object.
    pub fn form<T: serde::Serialize + ?Sized>(
        content_type: &'static str,
        value: &T,
    ) -> Result<Self, serde_json::Error> {
        Ok(Self::new(content_type, super::form::form_encode(value)?))
    }

    /// A `multipart/form-data` body; its `Content-Type` (with the boundary) is set when it is sent.
    pub fn multipart(parts: Multipart) -> Self {
        Self {
            content_type: "multipart/form-data",
            content: BodyContent::Multipart(parts),
        }
    }

    /// A body sent as it is, in a media type that is neither JSON nor a form
    /// (`application/octet-stream`, `image/png`): bytes you hold, or a file on disk streamed
    /// as it is sent. The file's own [`FilePart::content_type`], when set, is sent instead of
    /// `content_type`.
    pub fn file(content_type: &'static str, file: FilePart) -> Self {
        Self {
            content_type,
            content: BodyContent::File(file),
        }
    }

    /// The media type, e.g. `application/vnd.atlas.2023-01-01+json` (for a multipart body,
    /// without its boundary).
    pub fn content_type(&self) -> &'static str {
        self.content_type
    }

    /// The encoded bytes; `None` for a multipart or file body, which is built as it is sent.
    pub fn bytes(&self) -> Option<&Bytes> {
        match &self.content {
            BodyContent::Bytes(bytes) => Some(bytes),
            BodyContent::Multipart(_) | BodyContent::File(_) => None,
        }
    }

    /// What reqwest sends, files opened now to be streamed: the body and, unless multipart
    /// (whose type carries a boundary reqwest draws), its `Content-Type`.
    pub(crate) async fn to_reqwest(&self) -> Result<(OutgoingBody, Option<String>), String> {
        Ok(match &self.content {
            BodyContent::Bytes(bytes) => (
                OutgoingBody::Bytes(bytes.clone()),
                Some(self.content_type.to_owned()),
            ),
            BodyContent::Multipart(parts) => (OutgoingBody::Form(parts.to_form().await?), None),
            BodyContent::File(file) => {
                let content_type = file.declared_content_type().unwrap_or(self.content_type);
                let (body, length) = file.to_body().await?;
                (
                    OutgoingBody::Stream(body, length),
                    Some(content_type.to_owned()),
                )
            }
        })
    }
}

/// A body as reqwest takes it.
pub(crate) enum OutgoingBody {
    Bytes(Bytes),
    Form(reqwest::multipart::Form),
    /// A stream, with its length when known (sent as `Content-Length`: some servers refuse
    /// a chunked upload).
    Stream(reqwest::Body, Option<u64>),
}

// Bodies can hold passwords (database users, API key descriptions...), so
// Debug shows only their size (and a multipart body its parts' names).
impl fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("RequestBody");
        debug.field("content_type", &self.content_type);
        match &self.content {
            BodyContent::Bytes(bytes) => debug.field("len", &bytes.len()),
            BodyContent::Multipart(parts) => debug.field("parts", parts),
            BodyContent::File(file) => debug.field("file", file),
        };
        debug.finish()
    }
}

/// Headers added to one call with a request builder's `.header(name, value)`: a `Prefer`, a
/// correlation id. The first unusable one is reported when the request is sent, as an
/// [`InvalidArgument`] named `header`, before anything goes out.
///
/// Values are marked sensitive (`Debug` shows `Sensitive`, HTTP/2 never indexes them): the
/// client cannot know which of them are secrets. `Debug` of this type shows only the names.
#[derive(Clone, Default)]
pub struct ExtraHeaders {
    headers: Vec<(HeaderName, HeaderValue)>,
    error: Option<InvalidArgument>,
}

impl ExtraHeaders {
    /// Adds a header, or records why it cannot be added: a name that is not a header name, a
    /// value with control characters, or a header the client sets itself (`Authorization`,
    /// `Accept`, `Content-Type`, `User-Agent`, `Host`, `Content-Length`, `Transfer-Encoding`,
    /// `Connection`).
    pub fn add<V>(&mut self, name: &str, value: V)
    where
        HeaderValue: TryFrom<V>,
    {
        if self.error.is_some() {
            return;
        }
        let refuse = |reason: &str| Some(InvalidArgument::new("header", name, reason));
        let Ok(header) = HeaderName::from_bytes(name.as_bytes()) else {
            self.error = refuse("is not a valid header name");
            return;
        };
        if OWNED_HEADERS.contains(&header.as_str()) {
            self.error = refuse("is set by the client itself and cannot be added to a call");
            return;
        }
        match HeaderValue::try_from(value) {
            Ok(mut value) => {
                value.set_sensitive(true);
                self.headers.push((header, value));
            }
            Err(_) => self.error = refuse("has a value that is not a valid header value"),
        }
    }

    /// The headers to send.
    ///
    /// # Errors
    ///
    /// The first header that could not be added.
    pub fn into_checked(self) -> Result<Vec<(HeaderName, HeaderValue)>, InvalidArgument> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.headers),
        }
    }
}

impl fmt::Debug for ExtraHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.headers.iter().map(|(name, _)| name))
            .finish()
    }
}
