//! One HTTP operation, with what identifies and documents it and the path it is sent to; its
//! parameters, body and responses are in modules of their own.

use serde::Serialize;

use super::{Parameter, RequestBody, Response, SecurityRequirement};
pub use crate::wire::{Date, HttpMethod};

/// One HTTP operation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operation {
    /// `operationId`, exactly as in the spec.
    pub operation_id: String,
    /// The client method name (snake case).
    pub rust_name: String,
    /// The prefix for types derived from this operation (upper camel case).
    pub type_prefix: String,
    /// HTTP method.
    pub method: HttpMethod,
    /// The path template, split into literal and parameter segments.
    pub path: PathTemplate,
    /// `tags`, in spec order.
    pub tags: Vec<String>,
    /// One-line summary.
    pub summary: Option<String>,
    /// Longer description (CommonMark).
    pub description: Option<String>,
    /// `externalDocs`: for deprecated Atlas operations, the replacement.
    pub external_docs: Option<ExternalDocs>,
    /// `x-xgen-docs-url`: this operation's page in the Atlas reference.
    pub docs_url: Option<String>,
    /// The operation's own server: the first of `servers` on the operation, else on its path,
    /// variables given their defaults. Calls go there unless the client is given a base URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// `x-xgen-operation-id-override`: the name the Atlas CLI gives the operation, which the
    /// generated methods carry as a doc alias so that rustdoc search finds them by it.
    pub cli_name: Option<String>,
    /// The Atlas CLI command that calls the operation (`atlas api sharedTierSnapshots
    /// downloadClusterBackupTenant`), when it has a CLI name and a tag.
    pub cli_command: Option<String>,
    /// `x-rolesRequirements`: the Atlas roles the operation requires, one readable line each
    /// in Markdown (`` `GROUP_OWNER` ``, or an object's fields as ``role `GROUP_OWNER`, scope `project` ``).
    pub roles: Vec<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// `x-sunset` on the operation itself (media types carry their own).
    pub sunset: Option<Date>,
    /// `x-xgen-changelog`: what changed in the operation and when, oldest first.
    pub changelog: Vec<ChangelogEntry>,
    /// An operation-level `security` override; `None` means the API's global requirement applies.
    pub security: Option<Vec<SecurityRequirement>>,
    /// Path-level and operation-level parameters, merged (the operation wins on a name clash).
    pub parameters: Vec<Parameter>,
    /// The request body, if any.
    pub request_body: Option<RequestBody>,
    /// Responses with a 1XX, 2XX or 3XX status.
    pub success: Vec<Response>,
    /// Responses with a 4XX or 5XX status, and `default`.
    pub errors: Vec<Response>,
    /// Where the operation is in the spec, as a JSON pointer.
    pub pointer: String,
}

/// One entry of an operation's `x-xgen-changelog`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangelogEntry {
    /// The entry's key, a date (`2025-05-08`) or, in a spec that writes it otherwise, the key
    /// as it is.
    pub when: String,
    /// What changed.
    pub text: String,
}

impl ChangelogEntry {
    /// The entry's date, when its key is one.
    pub fn date(&self) -> Option<Date> {
        Date::parse(&self.when)
    }
}

/// `externalDocs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExternalDocs {
    /// Link target.
    pub url: String,
    /// Link text.
    pub description: Option<String>,
}

/// A path template such as `/api/atlas/v2/groups/{groupId}/clusters`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathTemplate {
    /// The template exactly as in the spec.
    pub template: String,
    /// The template split into literal text and parameter references, in order.
    pub segments: Vec<PathSegment>,
}

/// A piece of a [`PathTemplate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathSegment {
    /// Text sent as is.
    Literal(String),
    /// A path parameter, whose value is percent-encoded into the path.
    Parameter {
        /// Its API name, as in the template.
        name: String,
        /// Its index in the operation's parameters.
        index: usize,
    },
}
