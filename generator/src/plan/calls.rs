//! The call side of the print model: for each operation, what its method, builder, `send` and
//! docs print (the HTTP method, the path as pieces, the server, the docs' facts and notes), and
//! for each parameter how the builder holds it, what the method accepts and how the value is
//! written on the wire. Every printer (the client, the mock stubs, the command line) reads these
//! fields, so each decision is made once, here.

use serde::Serialize;

use super::{ParameterPlan, Plan, RustType, View};
use crate::ir::{Operation, Parameter, PathSegment, TransportFlag, TypeKind, TypeRef};
use crate::wire::{Date, HttpMethod, ParameterLocation};

/// What the printers show of an operation besides its methods.
#[derive(Debug, Clone, Serialize)]
pub struct Endpoint {
    /// The HTTP method.
    pub http_method: HttpMethod,
    /// The path template exactly as in the spec.
    pub template: String,
    /// The path as literal text and parameters, in order.
    pub path: Vec<PathPiece>,
    /// The server the operation overrides the client's base URL with, when it does.
    pub server: Option<String>,
    /// The spec's summary.
    pub summary: Option<String>,
    /// The spec's description.
    pub description: Option<String>,
    /// The Atlas CLI's name of the operation (`x-xgen-atlascli`), a rustdoc alias.
    pub cli_name: Option<String>,
    /// The Atlas CLI's command for it, when the spec names one.
    pub cli_command: Option<String>,
    /// The roles the spec says a caller needs.
    pub roles: Vec<String>,
    /// The operation's page in the API reference.
    pub docs_url: Option<String>,
    /// How path values are to be passed, for an operation with path parameters.
    pub path_note: Option<String>,
    /// What says the operation is retired: read by [`Endpoint::deprecation_note`].
    retirement: Retirement,
}

/// A piece of the request path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathPiece {
    /// Text sent as it is.
    Literal(String),
    /// The value of a parameter (an index into the operation's parameters), percent-encoded.
    Parameter(usize),
}

/// Whether and how an operation is retired.
#[derive(Debug, Clone, Serialize)]
struct Retirement {
    deprecated: bool,
    sunset: Option<Date>,
    /// `externalDocs`: (link target, link text).
    replacement_docs: Option<(String, Option<String>)>,
}

/// How the client writes a parameter value as text. The client's request code and the mock's
/// setters (which must match exactly what the client sends) both follow this one decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// `as_str()`: strings, string enums and parameter newtypes.
    AsStr,
    /// `to_string()`: booleans, numbers and dates.
    Display,
    /// RFC 3339 with as many fractional digits as needed: date-times.
    Rfc3339,
    /// `expose()`: passwords, held as `Secret`.
    Expose,
    /// JSON: anything else.
    Json,
}

impl Encoding {
    /// The encoding of a scalar value of type `ty` (an array's item, say).
    fn of(plan: &Plan<'_>, ty: &TypeRef) -> Self {
        use crate::ir::Format;
        match ty {
            TypeRef::String {
                format: Some(Format::DateTime),
            } => Encoding::Rfc3339,
            TypeRef::String {
                format: Some(Format::Date),
            } => Encoding::Display,
            TypeRef::String {
                format: Some(Format::Password),
            } => Encoding::Expose,
            TypeRef::String { .. } => Encoding::AsStr,
            TypeRef::Named { name } => match plan.type_def(name).map(|d| &d.kind) {
                Some(TypeKind::Enum { .. }) => Encoding::AsStr,
                Some(TypeKind::Alias { target, .. })
                    if !matches!(target, TypeRef::Array { .. }) =>
                {
                    Encoding::of(plan, target)
                }
                _ => Encoding::Json,
            },
            TypeRef::Boolean | TypeRef::Integer { .. } | TypeRef::Number { .. } => {
                Encoding::Display
            }
            _ => Encoding::Json,
        }
    }
}

/// The endpoint of an operation.
pub(super) fn endpoint(operation: &Operation) -> Endpoint {
    let path = operation
        .path
        .segments
        .iter()
        .map(|segment| match segment {
            PathSegment::Literal(text) => PathPiece::Literal(text.clone()),
            PathSegment::Parameter { index, .. } => PathPiece::Parameter(*index),
        })
        .collect();
    Endpoint {
        http_method: operation.method,
        template: operation.path.template.clone(),
        path,
        server: operation.server.clone(),
        summary: operation.summary.clone(),
        description: operation.description.clone(),
        cli_name: operation.cli_name.clone(),
        cli_command: operation.cli_command.clone(),
        roles: operation.roles.clone(),
        docs_url: operation.docs_url.clone(),
        path_note: path_encoding_note(operation),
        retirement: Retirement {
            deprecated: operation.deprecated,
            sunset: operation.sunset,
            replacement_docs: (operation.external_docs.as_ref())
                .map(|docs| (docs.url.clone(), docs.description.clone())),
        },
    }
}

impl Endpoint {
    /// Whether the spec marks the operation deprecated.
    pub fn is_deprecated(&self) -> bool {
        self.retirement.deprecated
    }

    /// The operation's own sunset date (`x-sunset` on the operation), when it has one.
    pub fn sunset(&self) -> Option<Date> {
        self.retirement.sunset
    }

    /// Whether sending the request twice does no harm, so the client may retry it unasked.
    pub fn is_idempotent(&self) -> bool {
        self.http_method.is_idempotent()
    }

    /// Why a method of this operation (`method`'s version: `sunset`, `withdrawn`) is deprecated
    /// and until when, with the replacement the spec names and the successor the plan names
    /// (`replacement`, as the reader calls it): the `#[deprecated]` note, and the command
    /// line's help. `authority`: who deprecates and retires operations (`Profile::authority`).
    pub fn deprecation_note(
        &self,
        (sunset, withdrawn): (Option<Date>, Option<Date>),
        replacement: Option<String>,
        authority: &str,
    ) -> Option<String> {
        let retirement = &self.retirement;
        if !retirement.deprecated && sunset.is_none() && retirement.sunset.is_none() {
            return None;
        }
        let mut note = match (retirement.deprecated, withdrawn) {
            (_, Some(sunset)) => format!(
                "{authority} stopped serving this API version on {sunset} (its sunset): calls fail"
            ),
            (true, None) => format!("deprecated by {authority}"),
            (false, None) => format!("this API version is being retired by {authority}"),
        };
        match sunset.or(retirement.sunset) {
            Some(sunset) if withdrawn.is_none() => note.push_str(&format!("; sunset on {sunset}")),
            _ => {}
        }
        match (replacement, &retirement.replacement_docs) {
            (Some(replacement), Some((url, _))) => {
                note.push_str(&format!("; use {replacement} instead: {url}"));
            }
            (Some(replacement), None) => note.push_str(&format!("; use {replacement} instead")),
            (None, Some((url, Some(description)))) => {
                note.push_str(&format!("; use {description} instead: {url}"))
            }
            (None, Some((url, None))) => note.push_str(&format!("; see {url}")),
            (None, None) => {}
        }
        Some(note)
    }
}

/// The plan of parameter `index` of `operation`; `mock_setter` is its stub setter's name.
pub(super) fn parameter_plan(
    plan: &Plan<'_>,
    operation: &Operation,
    index: usize,
    mock_setter: String,
) -> ParameterPlan {
    let parameter = &operation.parameters[index];
    let newtype = super::params::param_type_for(&plan.param_types, parameter);
    let (stored, into_string) = match newtype {
        Some(id) => (
            RustType::Param(plan.param_types[id.0].rust_name.clone()),
            false,
        ),
        None => (
            plan.rust_type(&parameter.ty, View::Request),
            matches!(parameter.ty, TypeRef::String { format: None }),
        ),
    };
    let (repeated, encoding) = match (&parameter.ty, newtype) {
        (_, Some(_)) => (None, Encoding::AsStr),
        (TypeRef::Array { items }, None) => (
            Some(plan.rust_type(items, View::Request)),
            Encoding::of(plan, items),
        ),
        (ty, None) => (None, Encoding::of(plan, ty)),
    };
    ParameterPlan {
        api_name: parameter.name.clone(),
        rust_name: parameter.rust_name.clone(),
        newtype,
        mock_setter,
        location: parameter.location,
        required: parameter.required,
        stored,
        into_string,
        repeated,
        encoding,
        values: enum_values(plan, &parameter.ty),
        description: parameter.description.clone(),
        deprecated: parameter.deprecated,
        setter_docs: setter_docs(parameter, newtype.is_some()),
        component: parameter.component.clone(),
        shared_setter: None,
    }
}

/// The values an enum parameter (or an array of enum values) takes.
fn enum_values(plan: &Plan<'_>, ty: &TypeRef) -> Vec<String> {
    match ty {
        TypeRef::Array { items } => enum_values(plan, items),
        TypeRef::Named { name } => match plan.type_def(name).map(|d| &d.kind) {
            Some(TypeKind::Enum { values }) => values.iter().map(|v| v.value.clone()).collect(),
            Some(TypeKind::Alias { target, .. }) => enum_values(plan, target),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The paragraphs of an optional parameter's setter docs: its description, the server's
/// default, the envelope flag, how a query value is encoded, or, with nothing else to say, a
/// line naming it (the crate denies missing docs).
fn setter_docs(parameter: &Parameter, newtype: bool) -> Vec<String> {
    let default_note = parameter.constraints.default.as_ref().map(|d| {
        format!("When not set, nothing is sent and the server's default (`{d}`) applies.")
    });
    let flag_note = (parameter.transport_flag == Some(TransportFlag::Envelope)).then(|| {
        "The client unwraps the envelope, so the result and errors are the same either way."
            .to_owned()
    });
    let encoding_note = query_encoding_note(parameter, newtype).map(str::to_owned);
    let fallback =
        (parameter.description.is_none() && default_note.is_none() && flag_note.is_none())
            .then(|| format!("Sets `{}`.", parameter.name));
    [
        parameter.description.clone(),
        default_note,
        flag_note,
        encoding_note,
        fallback,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// For a query parameter taking text: the client encodes it, so it is to be passed raw.
fn query_encoding_note(parameter: &Parameter, newtype: bool) -> Option<&'static str> {
    let text = |ty: &TypeRef| matches!(ty, TypeRef::String { format: None });
    let is_text = newtype
        || text(&parameter.ty)
        || matches!(&parameter.ty, TypeRef::Array { items } if text(items));
    if parameter.location != ParameterLocation::Query || !is_text {
        return None;
    }
    Some(if asks_to_encode(parameter.description.as_deref()) {
        "Pass the value as it is, whatever the text above says: the client percent-encodes it, \
         so a value encoded beforehand would be encoded twice."
    } else {
        "Pass the value as it is: the client percent-encodes it."
    })
}

/// For an operation with path parameters (its method's arguments): they are passed raw, and the
/// client encodes them. Parameters whose spec text says otherwise are named.
fn path_encoding_note(operation: &Operation) -> Option<String> {
    let path: Vec<&Parameter> = operation
        .parameters
        .iter()
        .filter(|p| p.location == ParameterLocation::Path)
        .collect();
    if path.is_empty() {
        return None;
    }
    let told: Vec<String> = path
        .iter()
        .filter(|p| asks_to_encode(p.description.as_deref()))
        .map(|p| format!("`{}`", p.rust_name.trim_start_matches("r#")))
        .collect();
    Some(if told.is_empty() {
        "Path values are passed as they are: the client percent-encodes them.".to_owned()
    } else {
        format!(
            "Pass {} as it is (`a/b`, not `a%2Fb`), whatever Atlas's documentation says: the \
             client percent-encodes path values, so a value encoded beforehand would be encoded twice.",
            told.join(", ")
        )
    })
}

/// Whether spec text tells the caller to percent-encode a value (Atlas's IP access list entries:
/// "replace the forward slash (`/`) with its URL-encoded value (`%2F`)"), advice meant for raw
/// HTTP that would make this client encode the value twice.
pub(super) fn asks_to_encode(description: Option<&str>) -> bool {
    let text = description.unwrap_or_default().to_ascii_lowercase();
    text.contains("%2f") || text.contains("url-encod") || text.contains("percent-encod")
}
