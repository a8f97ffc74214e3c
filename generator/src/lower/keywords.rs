//! Validation keywords, defaults and formats of a schema, as the model records them.

use openapiv3::{
    IntegerFormat, NumberFormat, Schema, SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty,
};

use crate::ir::model::{Constraints, Format, Pattern, TypeRef};

/// Validation keywords, default and example of a schema.
pub(super) fn constraints_of(schema: &Schema) -> Constraints {
    let mut constraints = Constraints {
        default: schema.schema_data.default.clone(),
        example: schema.schema_data.example.clone(),
        ..Constraints::default()
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(string)) => {
            constraints.pattern = string.pattern.as_deref().map(Pattern::new);
            constraints.min_length = string.min_length.map(|n| n as u64);
            constraints.max_length = string.max_length.map(|n| n as u64);
        }
        SchemaKind::Type(Type::Integer(integer)) => {
            constraints.minimum = integer.minimum.map(|n| n as f64);
            constraints.maximum = integer.maximum.map(|n| n as f64);
            constraints.exclusive_minimum = integer.exclusive_minimum;
            constraints.exclusive_maximum = integer.exclusive_maximum;
            constraints.allowed_values = integer
                .enumeration
                .iter()
                .flatten()
                .map(|&n| n.into())
                .collect();
        }
        SchemaKind::Type(Type::Number(number)) => {
            constraints.minimum = number.minimum;
            constraints.maximum = number.maximum;
            constraints.exclusive_minimum = number.exclusive_minimum;
            constraints.exclusive_maximum = number.exclusive_maximum;
            constraints.allowed_values = number
                .enumeration
                .iter()
                .flatten()
                .filter_map(|&n| serde_json::Number::from_f64(n).map(serde_json::Value::Number))
                .collect();
        }
        SchemaKind::Type(Type::Array(array)) => {
            constraints.min_items = array.min_items.map(|n| n as u64);
            constraints.max_items = array.max_items.map(|n| n as u64);
        }
        SchemaKind::Any(any) => {
            constraints.pattern = any.pattern.as_deref().map(Pattern::new);
            constraints.minimum = any.minimum;
            constraints.maximum = any.maximum;
            constraints.exclusive_minimum = any.exclusive_minimum.unwrap_or(false);
            constraints.exclusive_maximum = any.exclusive_maximum.unwrap_or(false);
            constraints.min_length = any.min_length.map(|n| n as u64);
            constraints.max_length = any.max_length.map(|n| n as u64);
            constraints.min_items = any.min_items.map(|n| n as u64);
            constraints.max_items = any.max_items.map(|n| n as u64);
            if any.enumeration.iter().any(|v| !v.is_string()) {
                constraints.allowed_values = any.enumeration.clone();
            }
        }
        _ => {}
    }
    constraints
}

pub(super) fn string_format(format: &VariantOrUnknownOrEmpty<StringFormat>) -> Option<Format> {
    match format {
        VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Some(Format::Date),
        VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Some(Format::DateTime),
        VariantOrUnknownOrEmpty::Item(StringFormat::Password) => Some(Format::Password),
        VariantOrUnknownOrEmpty::Item(StringFormat::Byte) => Some(Format::Byte),
        VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => Some(Format::Binary),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(format_named(other)),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

pub(super) fn integer_format(format: &VariantOrUnknownOrEmpty<IntegerFormat>) -> Option<Format> {
    match format {
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => Some(Format::Int32),
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int64) => Some(Format::Int64),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(format_named(other)),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

pub(super) fn number_format(format: &VariantOrUnknownOrEmpty<NumberFormat>) -> Option<Format> {
    match format {
        VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => Some(Format::Float),
        VariantOrUnknownOrEmpty::Item(NumberFormat::Double) => Some(Format::Double),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(format_named(other)),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

/// A format by its name in the spec.
pub(super) fn format_named(name: &str) -> Format {
    match name {
        "date-time" => Format::DateTime,
        "date" => Format::Date,
        "int32" => Format::Int32,
        "int64" => Format::Int64,
        "float" => Format::Float,
        "double" => Format::Double,
        "email" => Format::Email,
        "uuid" => Format::Uuid,
        "uri" => Format::Uri,
        "password" => Format::Password,
        "binary" => Format::Binary,
        "byte" => Format::Byte,
        other => Format::Other(other.to_owned()),
    }
}

/// The type and constraints of a primitive schema (string, integer, number or boolean without an
/// `enum` of strings), as lowering gives them: for round-trip samples of properties the model
/// does not hold.
pub(crate) fn primitive_type(schema: &Schema) -> Option<(TypeRef, Constraints)> {
    let ty = match &schema.schema_kind {
        SchemaKind::Type(Type::String(string)) if string.enumeration.is_empty() => {
            TypeRef::String {
                format: string_format(&string.format),
            }
        }
        SchemaKind::Type(Type::Integer(integer)) => TypeRef::Integer {
            format: integer_format(&integer.format),
        },
        SchemaKind::Type(Type::Number(number)) => TypeRef::Number {
            format: number_format(&number.format),
        },
        SchemaKind::Type(Type::Boolean(_)) => TypeRef::Boolean,
        _ => return None,
    };
    Some((ty, constraints_of(schema)))
}
