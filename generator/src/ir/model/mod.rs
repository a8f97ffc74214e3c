//! The intermediate model: an owned, fully `$ref`-resolved and named description of the API.
//!
//! Nothing here mentions `openapiv3`: the emitters read only these types, so a change in how the
//! spec is parsed never ripples into code generation. Every named item carries both its API name
//! (exactly as the spec spells it) and its Rust name (decided once, by [`crate::names`]).

//!
//! The types are grouped by what they describe, one module each; every one is re-exported here
//! (and from [`crate::ir`]), so users name them as `ir::Operation`, never by the module they sit
//! in. This module itself holds the top of the model: the API and its document-wide parts.

mod bodies;
mod operation;
mod parameters;
mod security;
mod types;

use serde::Serialize;

pub use super::constraints::{Constraints, Pattern};
pub use bodies::{Content, PartType, RequestBody, Response, ResponseHeader, StatusSpec};
pub use operation::{
    ChangelogEntry, ExternalDocs, HttpMethod, Operation, PathSegment, PathTemplate,
};
pub use parameters::{Parameter, ParameterLocation, TransportFlag};
pub use security::{SchemeUse, SecurityRequirement, SecurityScheme, SecuritySchemeKind};
pub use types::{
    Alternative, Discriminator, EnumValue, Field, Format, MergedOneOf, TypeDef, TypeKind, TypeRef,
    Variant,
};

/// The whole API as the emitters see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.license`, if the spec states one.
    pub license: Option<License>,
    /// Top-level `tags` with a description, in spec order: the command line's help of each tag.
    pub tags: Vec<Tag>,
    /// `servers`, in spec order.
    pub servers: Vec<Server>,
    /// `components.securitySchemes`, sorted by name.
    pub security_schemes: Vec<SecurityScheme>,
    /// Top-level `security`: alternatives, any one of which authenticates a request.
    pub security: Vec<SecurityRequirement>,
    /// Every operation, in spec order (paths in document order, methods in a fixed order).
    pub operations: Vec<Operation>,
    /// Every named type: component schemas and inline schemas that need a name, sorted by Rust name.
    pub types: Vec<TypeDef>,
}

/// One entry of the top-level `tags` that describes its tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tag {
    /// The tag, as operations name it.
    pub name: String,
    /// What its operations are about (CommonMark).
    pub description: String,
}

/// The licence under which the spec is published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct License {
    /// Licence name, e.g. `CC BY-NC-SA 3.0 US`.
    pub name: String,
    /// Link to the licence text.
    pub url: Option<String>,
}

/// One entry of `servers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Server {
    /// Base URL.
    pub url: String,
    /// What this server is for.
    pub description: Option<String>,
}
