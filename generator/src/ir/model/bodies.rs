//! What an operation sends and receives: the request body, the responses by status, and the
//! content each carries under its media types.

use serde::Serialize;

use super::TypeRef;
use crate::ir::media_type::{Date, MediaType};

/// A request body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestBody {
    /// Whether a body must be sent.
    pub required: bool,
    /// Description (CommonMark).
    pub description: Option<String>,
    /// One entry per media type (for Atlas: per API version).
    pub contents: Vec<Content>,
}

/// A response for one status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    /// The status this response applies to.
    pub status: StatusSpec,
    /// Description.
    pub description: String,
    /// Declared response headers, sorted by name.
    pub headers: Vec<ResponseHeader>,
    /// One entry per media type (for Atlas successes: per API version).
    pub contents: Vec<Content>,
}

/// The status key of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusSpec {
    /// One status code.
    Code(u16),
    /// A class such as `4XX`, stored as its first digit.
    Range(u16),
    /// `default`: any status not listed.
    Default,
}

/// A declared response header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseHeader {
    /// Header name, as in the spec.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// The value's type.
    pub ty: TypeRef,
}

/// A body under one media type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Content {
    /// The parsed media type.
    pub media_type: MediaType,
    /// The body's type; `None` when the spec gives no schema.
    pub schema: Option<TypeRef>,
    /// `x-xgen-version`: the API version this entry belongs to, as Atlas labels it.
    pub version: Option<String>,
    /// `x-sunset`: the date after which Atlas stops serving this version.
    pub sunset: Option<Date>,
    /// The `encoding` entries of a multipart request body that the client honours: each names
    /// a part's `Content-Type`. (Every other entry is a warning where lowering reads it.)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub part_types: Vec<PartType>,
}

/// The `contentType` an `encoding` entry gives a part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartType {
    /// The property the part holds.
    pub property: String,
    /// Its `Content-Type`.
    pub content_type: String,
}
