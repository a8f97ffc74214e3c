//! The intermediate model: an owned, fully `$ref`-resolved and named description of the API.
//!
//! Nothing here mentions `openapiv3`: the emitters read only these types, so a change in how the
//! spec is parsed never ripples into code generation. Every named item carries both its API name
//! (exactly as the spec spells it) and its Rust name (decided once, by [`crate::names`]).

use serde::Serialize;

pub use super::constraints::{Constraints, Pattern};
use super::media_type::{Date, MediaType};

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

/// A named way to authenticate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecurityScheme {
    /// The key under `components.securitySchemes`.
    pub name: String,
    /// Scheme description.
    pub description: Option<String>,
    /// What the scheme is.
    pub kind: SecuritySchemeKind,
}

/// The kinds of authentication the generated client knows how to perform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SecuritySchemeKind {
    /// OAuth2 client-credentials flow (Atlas Service Accounts).
    #[serde(rename = "oauth2_client_credentials")]
    OAuth2ClientCredentials {
        /// Where to obtain an access token.
        token_url: String,
        /// Where to refresh one, if different.
        refresh_url: Option<String>,
        /// Declared scopes, sorted.
        scopes: Vec<String>,
    },
    /// HTTP Digest (Atlas programmatic API keys).
    HttpDigest,
    /// HTTP Basic.
    HttpBasic,
    /// HTTP Bearer with an opaque token.
    HttpBearer {
        /// `bearerFormat`, a hint only.
        bearer_format: Option<String>,
    },
    /// An API key sent in a header, query parameter or cookie.
    ApiKey {
        /// Where the key goes.
        location: ParameterLocation,
        /// The header, query or cookie name.
        name: String,
    },
    /// A scheme the client cannot perform (OpenID Connect, implicit or password flows, ...),
    /// kept so documentation can name it.
    Unsupported {
        /// What the scheme is, in words.
        what: String,
    },
}

/// One alternative of a security requirement: every listed scheme applies together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecurityRequirement {
    /// Scheme names with the scopes required of each.
    pub schemes: Vec<SchemeUse>,
}

/// A scheme named by a security requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemeUse {
    /// Name of a [`SecurityScheme`].
    pub scheme: String,
    /// Required scopes.
    pub scopes: Vec<String>,
}

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

/// HTTP methods an OpenAPI path item can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl HttpMethod {
    /// The method as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::Head => "HEAD",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Trace => "TRACE",
        }
    }

    /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2),
    /// which is what makes an automatic retry safe.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, HttpMethod::Post | HttpMethod::Patch)
    }
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
}

/// Where a parameter is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParameterLocation {
    /// In the path template.
    Path,
    /// In the query string.
    Query,
    /// As a request header.
    Header,
    /// As a cookie.
    Cookie,
}

impl ParameterLocation {
    /// The `in` value the spec writes.
    pub fn as_str(self) -> &'static str {
        match self {
            ParameterLocation::Path => "path",
            ParameterLocation::Query => "query",
            ParameterLocation::Header => "header",
            ParameterLocation::Cookie => "cookie",
        }
    }
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

/// The type of a value, as used by a field, parameter or body.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeRef {
    /// A [`TypeDef`], by its Rust name.
    Named {
        /// [`TypeDef::rust_name`].
        name: String,
    },
    /// A string, possibly with a format.
    String {
        /// `format`.
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<Format>,
    },
    /// An integer.
    Integer {
        /// `format`.
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<Format>,
    },
    /// A number.
    Number {
        /// `format`.
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<Format>,
    },
    /// `true` or `false`.
    Boolean,
    /// A JSON array.
    Array {
        /// Element type.
        items: Box<TypeRef>,
    },
    /// A JSON object used as a string-keyed map.
    Map {
        /// Value type.
        values: Box<TypeRef>,
    },
    /// Any JSON value.
    Any,
}

impl TypeRef {
    /// Whether values are text (a string, whatever its format).
    pub fn is_text(&self) -> bool {
        matches!(self, TypeRef::String { .. })
    }
}

/// A schema `format`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// RFC 3339 date and time.
    DateTime,
    /// RFC 3339 full date.
    Date,
    /// 32-bit signed integer.
    Int32,
    /// 64-bit signed integer.
    Int64,
    /// `float`, which the client reads as a 64-bit float all the same (JSON numbers are doubles).
    Float,
    /// 64-bit float.
    Double,
    /// An e-mail address.
    Email,
    /// A UUID.
    Uuid,
    /// A URI.
    Uri,
    /// A secret that must not be printed.
    Password,
    /// Raw bytes.
    Binary,
    /// Base64-encoded bytes.
    Byte,
    /// Any other format, kept verbatim.
    Other(String),
}

/// A named type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeDef {
    /// The component name, or for an inline schema the path of names that leads to it.
    pub name: String,
    /// The Rust type name (upper camel case, unique in the API).
    pub rust_name: String,
    /// Where the schema is in the spec, as a JSON pointer.
    pub pointer: String,
    /// `title`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description (CommonMark).
    pub description: Option<String>,
    /// `deprecated: true`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deprecated: bool,
    /// What the type is.
    pub kind: TypeKind,
}

/// The shape of a [`TypeDef`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeKind {
    /// An object with known properties.
    Struct {
        /// Properties in spec order.
        fields: Vec<Field>,
        /// The type of properties beyond `fields`, when `additionalProperties` allows them.
        #[serde(skip_serializing_if = "Option::is_none")]
        additional_properties: Option<TypeRef>,
        /// Set when the schema has an undiscriminated `oneOf` beside its properties: `fields`
        /// then also hold every alternative's properties, optional.
        #[serde(skip_serializing_if = "Option::is_none")]
        one_of: Option<MergedOneOf>,
    },
    /// A string enumeration.
    Enum {
        /// The allowed values in spec order.
        values: Vec<EnumValue>,
    },
    /// Another name for a type (a component that is only a `$ref`, or a constrained primitive).
    Alias {
        /// The aliased type.
        target: TypeRef,
        /// Constraints of the alias's own schema (boxed: they are large, and most types have
        /// none, so the other kinds need not carry their size).
        constraints: Box<Constraints>,
    },
    /// A string-keyed map with no fixed properties.
    Map {
        /// Value type.
        values: TypeRef,
    },
    /// Exactly one of several schemas (`oneOf`, and `anyOf`, which Atlas uses in the same sense).
    OneOf {
        /// The alternatives, in spec order.
        variants: Vec<Variant>,
        /// How to tell the alternatives apart, when the spec says.
        #[serde(skip_serializing_if = "Option::is_none")]
        discriminator: Option<Discriminator>,
    },
}

/// The alternatives of an undiscriminated `oneOf` whose properties a struct holds beside its
/// own. Rust has no type for "one of these objects" that decodes and encodes every field exactly,
/// so the struct is their union; this records what it is the union of, for its docs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedOneOf {
    /// The alternatives, in spec order.
    pub alternatives: Vec<Alternative>,
    /// The property whose value tells the alternatives apart, when each alternative fixes it to a
    /// value of its own (a one-value `enum`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag_property: Option<String>,
}

/// One alternative of a [`MergedOneOf`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternative {
    /// The alternative's type, when it is a component schema (the docs link to it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// What warnings and docs call it: its component name, else its title, else its position.
    pub label: String,
    /// Its value of [`MergedOneOf::tag_property`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

/// One property of a struct.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// The JSON property name.
    pub name: String,
    /// The Rust field name (snake case, keywords escaped).
    pub rust_name: String,
    /// The value's type.
    pub ty: TypeRef,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
    /// `readOnly: true`: sent by the server only, never part of a request.
    pub read_only: bool,
    /// `writeOnly: true`: sent by the client only, never part of a response.
    pub write_only: bool,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Description (CommonMark).
    pub description: Option<String>,
    /// Validation keywords and default.
    pub constraints: Constraints,
}

/// One value of a string enumeration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnumValue {
    /// The value on the wire.
    pub value: String,
    /// The Rust variant name.
    pub rust_name: String,
}

/// One alternative of a [`TypeKind::OneOf`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// The Rust variant name.
    pub rust_name: String,
    /// The alternative's type.
    pub ty: TypeRef,
    /// The discriminator values that select this alternative.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// `discriminator` of a `oneOf`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Discriminator {
    /// The property whose value selects the alternative.
    pub property: String,
    /// Set when the spec gives no discriminator and lowering found this one: a property every
    /// alternative has, with values of its own in each (see `lower/untagged.rs`). The docs say so.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}
