//! Rust types as `API.md` shows them: what a user writes, with the short names of the standard
//! and chrono types (`Option<Vec<i64>>`, `DateTime<Utc>`) and the crate's types by name in the
//! view they are used in. The plan decides them ([`crate::plan::RustType`]); the emitted code
//! spells the same types with absolute paths.

use crate::ir::TypeRef;
use crate::plan::{Plan, View};

/// A type reference in a view.
pub fn shown(plan: &Plan<'_>, ty: &TypeRef, view: View) -> String {
    plan.rust_type(ty, view).to_string()
}

/// A name as written in source without a raw prefix (`r#type` is shown `type`).
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}
