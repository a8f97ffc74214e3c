//! How a method's request body is encoded when it is a form. JSON bodies need no plan: the body's
//! type is sent as JSON. An `application/x-www-form-urlencoded` body is the body's struct too,
//! encoded as form pairs in `style: form, explode: true` (the runtime's `form_encode`). A
//! `multipart/form-data` body gets a form type of its own, one field per part: a `format:
//! binary` property is a file part (`FilePart`: a file streamed from disk, or bytes), any other
//! scalar a text part, an object a JSON part, an array one part per item.
//!
//! Each part's `Content-Type` is decided here: the spec's `encoding.contentType`, else OpenAPI's
//! default for its type (`application/octet-stream`, `text/plain`, `application/json`).
//!
//! A body in any other media type (`application/octet-stream`, `image/png`) is sent as it is:
//! the method takes a `FilePart` (bytes, or a file streamed from disk), whatever its schema.

use serde::Serialize;

use super::watch::warning_of;
use super::{Plan, RustType, View};
use crate::diagnostics::{Diagnostic, JsonPointer, Loss};
use crate::ir::{Content, Field, Format, Operation, TypeDef, TypeKind, TypeRef};
use crate::names::NameScope;

/// How a body that is not JSON is sent.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "encoding")]
pub enum FormPlan {
    /// Any other media type: a `FilePart` sent as it is, with this `Content-Type` (the media
    /// type, or `application/octet-stream` for a range such as `image/*`), unless the part
    /// names its own.
    Raw {
        /// The `Content-Type` sent by default.
        content_type: String,
    },
    /// `application/x-www-form-urlencoded`: the body's type, encoded as form pairs.
    UrlEncoded,
    /// `multipart/form-data`: a form type of parts.
    Multipart(MultipartPlan),
}

/// The form type of a multipart body, printed beside the request builder.
#[derive(Debug, Clone, Serialize)]
pub struct MultipartPlan {
    /// Its Rust name (`<Builder>Form`).
    pub type_name: String,
    /// Its parts, in the schema's order: required ones are `new`'s arguments in this order.
    pub parts: Vec<PartPlan>,
}

/// One part (or, for an array, one part per item) of a multipart body.
#[derive(Debug, Clone, Serialize)]
pub struct PartPlan {
    /// The part's name on the wire: the property's name.
    pub api_name: String,
    /// The form type's field, `new` argument and setter.
    pub rust_name: String,
    /// Whether `new` takes it (the property is required).
    pub required: bool,
    /// Whether it is an array, sent as one part per item.
    pub repeated: bool,
    /// What the part holds.
    pub kind: PartKind,
    /// The Rust type of a text or JSON part's value (an item's, when repeated) as requests
    /// take it; `None` for a file part (a `FilePart`).
    #[serde(skip)]
    pub value_type: Option<RustType>,
    /// The part's `Content-Type` (a file part's default, which a `FilePart` can override).
    pub content_type: String,
    /// The property's description.
    #[serde(skip)]
    pub description: Option<String>,
}

/// What a part holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PartKind {
    /// A file (`format: binary`): the runtime's `FilePart`.
    File,
    /// A scalar value, sent as its text.
    Text {
        /// The value's type (an item's, when repeated).
        ty: TypeRef,
    },
    /// An object, sent as JSON text.
    Json {
        /// The value's type.
        ty: TypeRef,
    },
}

/// Methods a form type has, which a part's setter does not take.
const FORM_METHODS: &[&str] = &["new", "into_multipart"];

/// The form plan of a method sending `content`, or why its body cannot be sent (the method then
/// has none). `type_name` is the name a multipart form type takes. Warnings say what is not sent
/// as the spec says.
pub(super) fn form_plan(
    plan: &Plan<'_>,
    operation: &Operation,
    content: &Content,
    type_name: impl FnOnce() -> String,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Option<FormPlan>, String> {
    if content.media_type.is_json() {
        return Ok(None);
    }
    if !content.media_type.is_form() {
        return Ok(Some(raw_plan(content)));
    }
    let def = body_struct(plan, content.schema.as_ref()).ok_or_else(|| {
        format!(
            "its `{}` body has no object schema with properties, whose properties would be \
             the form's fields",
            content.media_type.raw
        )
    })?;
    let TypeKind::Struct { fields, .. } = &def.kind else {
        unreachable!("body_struct returns structs")
    };
    let fields: Vec<&Field> = Plan::fields_in(fields, View::Request).collect();
    if !content.media_type.is_multipart() {
        warn_unexploded(plan, operation, def, &fields, warnings);
        return Ok(Some(FormPlan::UrlEncoded));
    }
    let parts = multipart_parts(plan, operation, content, &fields);
    Ok(Some(FormPlan::Multipart(MultipartPlan {
        type_name: type_name(),
        parts,
    })))
}

/// A body in a media type that is neither JSON nor a form: sent as it is, under its own media
/// type, except that a range (`image/*`) names no type a server could be told.
fn raw_plan(content: &Content) -> FormPlan {
    let raw = &content.media_type.raw;
    let content_type = match raw.contains('*') {
        true => "application/octet-stream".to_owned(),
        false => raw.clone(),
    };
    FormPlan::Raw { content_type }
}

/// Warns of each field of a url-encoded form body (the struct `def`) that `style: form` cannot
/// spell out as pairs: the body is still sent, that field as JSON text.
fn warn_unexploded(
    plan: &Plan<'_>,
    operation: &Operation,
    def: &TypeDef,
    fields: &[&Field],
    warnings: &mut Vec<Diagnostic>,
) {
    for field in fields {
        if let Some(what) = unexploded(plan, &field.ty) {
            let what = format!(
                "`{}` of the form body of `{}` holds {what}, which `style: form` does not \
                 define: it is sent as JSON text",
                field.name, operation.operation_id
            );
            let at = JsonPointer::from_fragment(&def.pointer)
                .unwrap_or_else(JsonPointer::root)
                .push("properties")
                .push(&field.name);
            warnings.push(warning_of(Loss::BodyEncoding, &at, what));
        }
    }
}

/// The parts of a multipart form, one per field in order. Setters are named in a scope that
/// reserves the form type's own methods, so a part called `new` gets a setter of another name
/// instead of clashing with the constructor.
fn multipart_parts(
    plan: &Plan<'_>,
    operation: &Operation,
    content: &Content,
    fields: &[&Field],
) -> Vec<PartPlan> {
    let mut setters = NameScope::new(format!("parts of the form of `{}`", operation.operation_id));
    for reserved in FORM_METHODS {
        setters.claim_distinct(reserved, (*reserved).to_owned());
    }
    fields
        .iter()
        .map(|field| part_plan(plan, content, &mut setters, field))
        .collect()
}

/// The part a field is: what it holds, whether it repeats (an array of scalars, one part per
/// item), and its `Content-Type`, the spec's `encoding` entry for it if any, else OpenAPI's
/// default for what it holds.
fn part_plan(
    plan: &Plan<'_>,
    content: &Content,
    setters: &mut NameScope,
    field: &Field,
) -> PartPlan {
    let (repeated, item) = match &field.ty {
        TypeRef::Array { items } if is_scalar(plan, items) => (true, &**items),
        ty => (false, ty),
    };
    let kind = if is_binary(item) {
        PartKind::File
    } else if is_scalar(plan, item) {
        PartKind::Text { ty: item.clone() }
    } else {
        PartKind::Json { ty: item.clone() }
    };
    let default_type = match kind {
        PartKind::File => "application/octet-stream",
        PartKind::Text { .. } => "text/plain",
        PartKind::Json { .. } => "application/json",
    };
    let content_type = content
        .part_types
        .iter()
        .find(|p| p.property == field.name)
        .map_or(default_type, |p| p.content_type.as_str());
    PartPlan {
        api_name: field.name.clone(),
        rust_name: setters.claim_distinct(&field.name, field.rust_name.clone()),
        required: field.required,
        repeated,
        value_type: match &kind {
            PartKind::File => None,
            PartKind::Text { ty } | PartKind::Json { ty } => {
                Some(plan.rust_type(ty, View::Request))
            }
        },
        kind,
        content_type: content_type.to_owned(),
        description: field.description.clone(),
    }
}

/// The struct a form body's schema is (through aliases).
fn body_struct<'a>(plan: &Plan<'a>, schema: Option<&TypeRef>) -> Option<&'a TypeDef> {
    let TypeRef::Named { name } = schema? else {
        return None;
    };
    let def = plan.type_def(name)?;
    match &def.kind {
        TypeKind::Struct { fields, .. } if !fields.is_empty() => Some(def),
        TypeKind::Alias { target, .. } => body_struct(plan, Some(target)),
        _ => None,
    }
}

fn is_binary(ty: &TypeRef) -> bool {
    matches!(
        ty,
        TypeRef::String {
            format: Some(Format::Binary)
        }
    )
}

/// Whether values of `ty` are one text: strings, numbers, booleans, enumerations.
fn is_scalar(plan: &Plan<'_>, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::String { .. } | TypeRef::Integer { .. } | TypeRef::Number { .. } => true,
        TypeRef::Boolean => true,
        TypeRef::Named { name } => match plan.type_def(name).map(|d| &d.kind) {
            Some(TypeKind::Enum { .. }) => true,
            Some(TypeKind::Alias { target, .. }) => is_scalar(plan, target),
            _ => false,
        },
        TypeRef::Array { .. } | TypeRef::Map { .. } | TypeRef::Any => false,
    }
}

/// What a form property holds that `style: form, explode: true` cannot spell out as pairs:
/// an array of non-scalars, or an object with a property that is not a scalar.
fn unexploded(plan: &Plan<'_>, ty: &TypeRef) -> Option<&'static str> {
    match ty {
        TypeRef::Array { items } if !is_scalar(plan, items) => Some("an array of non-scalars"),
        TypeRef::Map { values } if !is_scalar(plan, values) => {
            Some("an object with values that are not scalars")
        }
        TypeRef::Named { name } => match plan.type_def(name).map(|d| &d.kind) {
            Some(TypeKind::Struct { fields, .. })
                if Plan::fields_in(fields, View::Request).any(|f| !is_scalar(plan, &f.ty)) =>
            {
                Some("an object with a property that is not a scalar")
            }
            Some(TypeKind::Alias { target, .. }) => unexploded(plan, target),
            Some(TypeKind::OneOf { .. }) => Some("a union"),
            _ => None,
        },
        _ => None,
    }
}
