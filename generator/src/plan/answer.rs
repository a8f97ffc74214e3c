//! What a method sends as its body and what its `send` gives back, as the printers write them:
//! the Rust types decided from the method's [`ResponseShape`] and request content, so that the
//! client, the mocks, the command line and `API.md` name the same types.

use serde::Serialize;

use super::bodies::FormPlan;
use super::methods::ResponseShape;
use super::{Plan, RustType, View};
use crate::ir::{Content, TypeRef};

/// What `send` returns inside `ApiResponse`, and so how the answer is decoded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// No body worth decoding: `()`.
    Empty,
    /// Raw bytes (CSV, gzip, anything not JSON).
    Bytes,
    /// A string answer, read as text: it is often not JSON at all (Atlas's
    /// `createGroupDatabaseUserCert` sends a PEM under a JSON media type).
    Text,
    /// One JSON type whatever the success status.
    Json(RustType),
    /// Statuses with different bodies: an enum with one variant per status.
    ByStatus {
        /// The enum's name.
        enum_name: String,
        /// Each success status, its variant and its body's type.
        statuses: Vec<StatusAnswer>,
    },
}

/// A success status of an answer that differs by status, and the enum variant holding it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusAnswer {
    /// The status.
    pub status: u16,
    /// The variant's name.
    pub variant: String,
    /// The body's type; `None` for a status without a body.
    pub body: Option<RustType>,
}

impl Answer {
    /// The name of the response enum, for answers that differ by status.
    pub fn enum_name(&self) -> Option<&str> {
        match self {
            Answer::ByStatus { enum_name, .. } => Some(enum_name),
            _ => None,
        }
    }
}

/// The request body a method sends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyShape {
    /// Its media type, exactly as the spec writes it: the `Content-Type`.
    pub media_type: String,
    /// The Rust type the method or `.body()` takes: the schema's request type for JSON and
    /// form-urlencoded bodies, the method's form type for multipart, a `FilePart` for a body
    /// sent as it is. `None` when the spec gives JSON content no schema: nothing is sent.
    pub ty: Option<RustType>,
    /// Whether it is a required argument of the method (else it is set with `.body(...)`).
    pub required: bool,
    /// Whether `send` calls the body's `validate` first (its request shape has checks).
    pub validated: bool,
}

/// The answer of a method whose success looks like `response`.
pub(super) fn answer(plan: &Plan<'_>, response: &ResponseShape<'_>) -> Answer {
    match response {
        ResponseShape::Empty => Answer::Empty,
        ResponseShape::Bytes => Answer::Bytes,
        ResponseShape::Json(TypeRef::String { format: None }) => Answer::Text,
        ResponseShape::Json(schema) => Answer::Json(plan.rust_type(schema, View::Response)),
        ResponseShape::ByStatus {
            enum_name,
            statuses,
        } => Answer::ByStatus {
            enum_name: enum_name.clone(),
            statuses: statuses
                .iter()
                .map(|status| StatusAnswer {
                    status: status.status,
                    variant: status.variant.clone(),
                    body: status.body.map(|ty| plan.rust_type(ty, View::Response)),
                })
                .collect(),
        },
    }
}

/// The body of a method sending `content` as `form` says, in feature module `module`.
pub(super) fn body_shape(
    plan: &Plan<'_>,
    content: &Content,
    form: Option<&FormPlan>,
    (module, required): (&str, bool),
) -> BodyShape {
    let schema = content.schema.as_ref();
    let (ty, own_type) = match form {
        Some(FormPlan::Multipart(form)) => (
            Some(RustType::Form {
                module: module.to_owned(),
                name: form.type_name.clone(),
            }),
            true,
        ),
        Some(FormPlan::Raw { .. }) => (Some(RustType::File), true),
        _ => (schema.map(|s| plan.rust_type(s, View::Request)), false),
    };
    let validated = !own_type
        && schema.is_some_and(|s| matches!(s, TypeRef::Named { name } if plan.has_validate(name)));
    BodyShape {
        media_type: content.media_type.raw.clone(),
        ty,
        required,
        validated,
    }
}
