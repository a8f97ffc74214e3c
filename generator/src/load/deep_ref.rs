//! `$ref`s that point inside a component schema (`#/components/schemas/List/properties/entries/items`):
//! valid JSON pointers that some specs use to reuse a nested schema without naming it. They are
//! followed step by step through the keywords that hold schemas.

use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type};

use super::resolve::Resolver;
use crate::diagnostics::JsonPointer;

/// What a deep reference leads to: a schema written there, or another reference.
pub enum DeepTarget<'a> {
    /// The schema at the pointer, and where it is.
    Inline(&'a Schema, JsonPointer),
    /// The pointer holds a `$ref` of its own.
    Ref(&'a str),
}

impl<'a> Resolver<'a> {
    /// Follows a reference into a component schema; `None` when it does not lead to a schema.
    pub fn deep_schema(&self, reference: &str) -> Option<DeepTarget<'a>> {
        let pointer = JsonPointer::from_fragment(reference)?;
        let segments: Vec<String> = pointer.segments().collect();
        let [components, section, name, rest @ ..] = segments.as_slice() else {
            return None;
        };
        if components != "components" || section != "schemas" || rest.is_empty() {
            return None;
        }
        let start = JsonPointer::root()
            .push("components")
            .push("schemas")
            .push(name);
        let (mut schema, mut at) = self.schema(&start.to_string(), &start).ok()?;
        let mut steps = rest.iter().peekable();
        while let Some(keyword) = steps.next() {
            let next: Step<'a> = match keyword.as_str() {
                "properties" => {
                    let property = steps.next()?;
                    at = at.push("properties").push(property);
                    Step::boxed(properties(schema)?.get(property)?)
                }
                "items" => {
                    at = at.push("items");
                    Step::boxed(items(schema)?)
                }
                "additionalProperties" => {
                    at = at.push("additionalProperties");
                    match additional(schema)? {
                        AdditionalProperties::Schema(schema) => Step::plain(schema),
                        AdditionalProperties::Any(_) => return None,
                    }
                }
                "allOf" | "oneOf" | "anyOf" => {
                    let index: usize = steps.next()?.parse().ok()?;
                    at = at.push(keyword).push(index);
                    Step::plain(parts(schema, keyword)?.get(index)?)
                }
                _ => return None,
            };
            match next {
                Step::Schema(inner) => schema = inner,
                Step::Ref(reference) if steps.peek().is_none() => {
                    return Some(DeepTarget::Ref(reference));
                }
                Step::Ref(reference) => (schema, at) = self.schema(reference, &at).ok()?,
            }
        }
        Some(DeepTarget::Inline(schema, at))
    }
}

/// One step of a deep reference: a schema written there, or a `$ref`.
enum Step<'a> {
    Schema(&'a Schema),
    Ref(&'a str),
}

impl<'a> Step<'a> {
    fn boxed(item: &'a ReferenceOr<Box<Schema>>) -> Self {
        match item {
            ReferenceOr::Item(schema) => Step::Schema(schema),
            ReferenceOr::Reference { reference } => Step::Ref(reference),
        }
    }

    fn plain(item: &'a ReferenceOr<Schema>) -> Self {
        match item {
            ReferenceOr::Item(schema) => Step::Schema(schema),
            ReferenceOr::Reference { reference } => Step::Ref(reference),
        }
    }
}

fn parts<'a>(schema: &'a Schema, keyword: &str) -> Option<&'a Vec<ReferenceOr<Schema>>> {
    match (&schema.schema_kind, keyword) {
        (SchemaKind::AllOf { all_of }, "allOf") => Some(all_of),
        (SchemaKind::OneOf { one_of }, "oneOf") => Some(one_of),
        (SchemaKind::AnyOf { any_of }, "anyOf") => Some(any_of),
        (SchemaKind::Any(any), "allOf") => Some(&any.all_of),
        (SchemaKind::Any(any), "oneOf") => Some(&any.one_of),
        (SchemaKind::Any(any), "anyOf") => Some(&any.any_of),
        _ => None,
    }
}

fn properties(schema: &Schema) -> Option<&indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => Some(&object.properties),
        SchemaKind::Any(any) => Some(&any.properties),
        _ => None,
    }
}

fn items(schema: &Schema) -> Option<&ReferenceOr<Box<Schema>>> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Array(array)) => array.items.as_ref(),
        SchemaKind::Any(any) => any.items.as_ref(),
        _ => None,
    }
}

fn additional(schema: &Schema) -> Option<&AdditionalProperties> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => object.additional_properties.as_ref(),
        SchemaKind::Any(any) => any.additional_properties.as_ref(),
        _ => None,
    }
}
