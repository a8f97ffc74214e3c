//! Names as `API.md` shows them. Rust types are the plan's ([`crate::plan::RustType`]), shown by
//! its `Display`: what a user writes, with the short names of the standard and chrono types.

/// A name as written in source without a raw prefix (`r#type` is shown `type`).
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}
