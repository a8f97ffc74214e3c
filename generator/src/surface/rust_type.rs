//! Rust types as `API.md` shows them: what a user writes, with the short names of the standard
//! and chrono types (`Option<Vec<i64>>`, `DateTime<Utc>`) and the crate's types by name in the
//! view they are used in. The emitted code spells the same types with absolute paths; these
//! follow the same rules (`emit/rust_types.rs`), from the same plan.

use crate::ir::{Field, Format, TypeRef};
use crate::plan::{Plan, Presence, View};

/// A type reference in a view.
pub fn shown(plan: &Plan<'_>, ty: &TypeRef, view: View) -> String {
    match ty {
        TypeRef::Named { name } => plan.name_in(name, view),
        TypeRef::String { format } => match format {
            Some(Format::DateTime) => "DateTime<Utc>".to_owned(),
            Some(Format::Date) => "NaiveDate".to_owned(),
            Some(Format::Password) => "Secret".to_owned(),
            _ => "String".to_owned(),
        },
        TypeRef::Integer {
            format: Some(Format::Int32),
        } => "i32".to_owned(),
        TypeRef::Integer { .. } => "i64".to_owned(),
        TypeRef::Number { .. } => "f64".to_owned(),
        TypeRef::Boolean => "bool".to_owned(),
        TypeRef::Array { items } => format!("Vec<{}>", shown(plan, items, view)),
        TypeRef::Map { values } => format!("IndexMap<String, {}>", shown(plan, values, view)),
        TypeRef::Any => "serde_json::Value".to_owned(),
    }
}

/// A type held by a field or variant of `owner`: boxed where the plan boxes it (a cycle).
pub fn held(plan: &Plan<'_>, owner: &str, ty: &TypeRef, view: View) -> String {
    let inner = shown(plan, ty, view);
    match ty {
        TypeRef::Named { name } if plan.needs_box(owner, name) => format!("Box<{inner}>"),
        _ => inner,
    }
}

/// A struct field's type, as the plan's [`Presence`] of it says: the plain type, an `Option`,
/// or an `Option<Option<_>>` (absent, `null`, a value).
pub fn field(plan: &Plan<'_>, owner: &str, field: &Field, view: View) -> String {
    let inner = held(plan, owner, &field.ty, view);
    let presence = plan
        .type_plan_named(owner)
        .map_or_else(|| Presence::of(field, false), |t| t.presence(field, view));
    match presence {
        Presence::Required => inner,
        Presence::Nullable | Presence::Optional => format!("Option<{inner}>"),
        Presence::Tristate => format!("Option<Option<{inner}>>"),
    }
}

/// A name as written in source without a raw prefix (`r#type` is shown `type`).
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}
