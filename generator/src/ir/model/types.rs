//! Types of values: [`TypeRef`], how a field, parameter or body names its type, and
//! [`TypeDef`], a named type with its shape (struct, enum, alias, map or union).

use serde::Serialize;

use super::Constraints;

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
