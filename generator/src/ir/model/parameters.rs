//! An operation's parameters: path, query, header and cookie values.

use serde::Serialize;

use super::{Constraints, TypeRef};
pub use crate::wire::ParameterLocation;

/// One operation parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parameter {
    /// The parameter name on the wire.
    pub name: String,
    /// A Rust-safe snake-case name for arguments and builder methods.
    pub rust_name: String,
    /// Where it is sent.
    pub location: ParameterLocation,
    /// Whether a value must be given (always true for path parameters).
    pub required: bool,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Description (CommonMark).
    pub description: Option<String>,
    /// The value's type.
    pub ty: TypeRef,
    /// Validation and default from the parameter's schema.
    pub constraints: Constraints,
    /// Set when this is one of the query flags Atlas accepts on every endpoint.
    pub transport_flag: Option<TransportFlag>,
    /// The `components/parameters` entry that defines it, when one does (`envelope`): the spec
    /// defines it once, and so does the generated crate (one setter, one command-line flag).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
}

/// Query flags that change how Atlas transports a response rather than what it contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransportFlag {
    /// `envelope=true` wraps every response as `{"status": ..., "content": ...}` with HTTP 200.
    Envelope,
    /// `pretty=true` indents the JSON response.
    Pretty,
}
