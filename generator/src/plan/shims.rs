//! Deprecated shims: names that a regeneration changed although the wire did not (Atlas renamed
//! an `operationId`, a schema), kept for one regeneration as `#[deprecated]` forwarders and
//! aliases, so that a rename warns instead of breaking every caller. Which renames happened is
//! found by comparing the crate's previous `API.md` with the fresh plan
//! ([`crate::surface::shims`]); here is only what to print.

use serde::Serialize;

/// One old name kept, deprecated.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Shim {
    /// The old name.
    pub old: String,
    /// What it now stands for.
    pub target: ShimTarget,
    /// The first 12 hex digits of the spec's sha256 in the regeneration that made the shim: a
    /// regeneration from the same spec keeps it, one from another spec drops it.
    pub since: String,
}

/// What a shim forwards to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShimTarget {
    /// A `Client` method: the shim is a method taking the same arguments.
    Method(String),
    /// A request builder: the shim is a type alias.
    Builder(String),
    /// A model type: the shim is a type alias.
    Type(String),
    /// A response enum (answers that differ by status), beside its builder: a type alias.
    ResponseEnum(String),
}

impl ShimTarget {
    /// The new name.
    pub fn name(&self) -> &str {
        match self {
            ShimTarget::Method(name)
            | ShimTarget::Builder(name)
            | ShimTarget::Type(name)
            | ShimTarget::ResponseEnum(name) => name,
        }
    }
}
