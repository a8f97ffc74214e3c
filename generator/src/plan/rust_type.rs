//! The Rust type of every value the crate holds, decided once: the printers spell it out
//! (`emit` with absolute paths, so that a spec type called `String` or `Option` never shadows a
//! standard one) and `API.md` shows it as a user writes it ([`fmt::Display`]).
//!
//! Numbers never lose a value silently. JSON numbers are doubles, so every `number` is an `f64`,
//! `format: float` included: an `f32` would turn a value beyond its range into infinity, which
//! serde_json writes back as `null`. Integers are `i64`, or `i32` for `format: int32`; a value
//! out of range is a decode error, which the caller sees. What `f64` itself cannot hold exactly
//! (integers beyond 2^53 in a `number` field) is rounded, as by any JSON client.

use std::fmt;

use serde::Serialize;

use super::{Plan, Presence, View};
use crate::ir::{Format, TypeRef};

/// A Rust type of the generated crate's API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RustType {
    /// A type the crate defines, by its path under `crate::types` (`Name`, `request::Name`).
    Model(String),
    /// `String`.
    String,
    /// `chrono::DateTime<Utc>` (`format: date-time`).
    DateTime,
    /// `chrono::NaiveDate` (`format: date`).
    Date,
    /// The runtime's `Secret` (`format: password`): never shown in `Debug`.
    Secret,
    /// `i32` (`format: int32`).
    I32,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
    /// `serde_json::Value`: any JSON.
    Json,
    /// `Vec<_>`.
    Vec(Box<RustType>),
    /// `IndexMap<String, _>`: in the order the keys came, as written, since a map is often a
    /// MongoDB document (search index mappings, aggregation stages) whose key order matters.
    Map(Box<RustType>),
    /// `Box<_>`: a value inside a type it leads back to.
    Boxed(Box<RustType>),
    /// `Option<_>`.
    Option(Box<RustType>),
    /// A validated parameter newtype, by its name in `crate::params`.
    Param(String),
    /// A multipart form type of an operation: its feature's module and its name.
    Form {
        /// The module of `crate::operations` it is defined in.
        module: String,
        /// Its name.
        name: String,
    },
    /// The runtime's `FilePart`: a body sent as it is.
    File,
}

impl RustType {
    /// The type as a struct field holds it, as its [`Presence`] says: the plain type, an
    /// `Option`, or an `Option<Option<_>>` (absent, `null`, a value).
    pub fn present(self, presence: Presence) -> RustType {
        match presence {
            Presence::Required => self,
            Presence::Nullable | Presence::Optional => RustType::Option(Box::new(self)),
            Presence::Tristate => RustType::Option(Box::new(RustType::Option(Box::new(self)))),
        }
    }
}

impl fmt::Display for RustType {
    /// As a user writes it: short names of the standard and chrono types.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RustType::Model(path) => f.write_str(path),
            RustType::String => f.write_str("String"),
            RustType::DateTime => f.write_str("DateTime<Utc>"),
            RustType::Date => f.write_str("NaiveDate"),
            RustType::Secret => f.write_str("Secret"),
            RustType::I32 => f.write_str("i32"),
            RustType::I64 => f.write_str("i64"),
            RustType::F64 => f.write_str("f64"),
            RustType::Bool => f.write_str("bool"),
            RustType::Json => f.write_str("serde_json::Value"),
            RustType::Vec(items) => write!(f, "Vec<{items}>"),
            RustType::Map(values) => write!(f, "IndexMap<String, {values}>"),
            RustType::Boxed(inner) => write!(f, "Box<{inner}>"),
            RustType::Option(inner) => write!(f, "Option<{inner}>"),
            RustType::Param(name) | RustType::Form { name, .. } => f.write_str(name),
            RustType::File => f.write_str("FilePart"),
        }
    }
}

impl Plan<'_> {
    /// The Rust type of a type reference in a view: a type with a request shape is that shape
    /// in a request.
    pub(crate) fn rust_type(&self, ty: &TypeRef, view: View) -> RustType {
        match ty {
            TypeRef::Named { name } => RustType::Model(self.name_in(name, view)),
            TypeRef::String { format } => match format {
                Some(Format::DateTime) => RustType::DateTime,
                Some(Format::Date) => RustType::Date,
                Some(Format::Password) => RustType::Secret,
                _ => RustType::String,
            },
            TypeRef::Integer {
                format: Some(Format::Int32),
            } => RustType::I32,
            TypeRef::Integer { .. } => RustType::I64,
            TypeRef::Number { .. } => RustType::F64,
            TypeRef::Boolean => RustType::Bool,
            TypeRef::Array { items } => RustType::Vec(Box::new(self.rust_type(items, view))),
            TypeRef::Map { values } => RustType::Map(Box::new(self.rust_type(values, view))),
            TypeRef::Any => RustType::Json,
        }
    }

    /// The type of a value held by a field or variant of `owner`: boxed where the plan boxes it
    /// (the two are in a cycle).
    pub(crate) fn held_type(&self, owner: &str, ty: &TypeRef, view: View) -> RustType {
        let inner = self.rust_type(ty, view);
        match ty {
            TypeRef::Named { name } if self.needs_box(owner, name) => {
                RustType::Boxed(Box::new(inner))
            }
            _ => inner,
        }
    }
}
