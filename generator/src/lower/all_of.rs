//! `allOf` to types: the parts' properties gathered into one struct, except where the parts
//! only wrap or annotate one schema, which is then the type.

use openapiv3::{AnySchema, ReferenceOr, Schema, SchemaKind, Type};

use super::objects::own_properties;
use super::schemas::{Property, SchemaRef, Shape};
use super::Lowerer;
use crate::diagnostics::{JsonPointer, Problem};
use crate::ir::model::TypeKind;

impl<'a> Lowerer<'a> {
    /// `allOf`: one struct with the properties of every part. A single part with nothing beside
    /// it is only a wrapper (Atlas uses it to attach a description to a `$ref`).
    pub(super) fn all_of(
        &mut self,
        parts: &'a [ReferenceOr<Schema>],
        own: Vec<Property<'a>>,
        at: &JsonPointer,
        hint: &str,
    ) -> Shape {
        if let ([only], true) = (parts, own.is_empty()) {
            // A subtype that adds nothing to its base (Atlas's `DefaultScheduleView`, `allOf`
            // of `OnlineArchiveSchedule` alone) is an object with the base's properties, not
            // the base: the base is a union with this subtype as an alternative, and an
            // alternative that is its own union decodes the same value forever.
            if !self.is_union_base(only.into(), &at.push("allOf").push(0)) {
                return Shape::Ref(self.type_of(only, &at.push("allOf").push(0), hint));
            }
        }
        // `allOf: [{$ref: StringEnum}, {description: ...}]`: one part says what the value is and
        // the others only annotate it (very common, to describe a reference). The value is that
        // part, whatever its type, not an object.
        let substantive: Vec<usize> = (0..parts.len())
            .filter(|&index| !annotation_only(&parts[index]))
            .collect();
        if let ([only], true, true) = (substantive.as_slice(), own.is_empty(), parts.len() > 1) {
            let part_at = at.push("allOf").push(*only);
            if !self.is_union_base((&parts[*only]).into(), &part_at) {
                return Shape::Ref(self.type_of(&parts[*only], &part_at, hint));
            }
        }
        let mut properties = Vec::new();
        let mut visited = Vec::new();
        for (index, part) in parts.iter().enumerate() {
            let part_at = at.push("allOf").push(index);
            self.gather(part.into(), &part_at, &mut visited, &mut properties);
        }
        properties.extend(own);
        let fields = self.fields(properties, hint);
        Shape::Kind(Box::new(TypeKind::Struct {
            fields,
            additional_properties: None,
            one_of: None,
        }))
    }

    /// Whether a schema is a base type: a union (`oneOf`/`anyOf`) with a discriminator, whose
    /// subtypes name it in their `allOf` (see `load/inheritance.rs`).
    fn is_union_base(&mut self, part: SchemaRef<'a>, at: &JsonPointer) -> bool {
        let Some(schema) = self.definition(part, at) else {
            return false;
        };
        let union = match &schema.schema_kind {
            SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => true,
            SchemaKind::Any(any) => !any.one_of.is_empty() || !any.any_of.is_empty(),
            _ => false,
        };
        union && schema.schema_data.discriminator.is_some()
    }

    /// Collects the properties a schema contributes to an `allOf`, following references and
    /// nested `allOf`s; `visited` stops a part that leads back to itself.
    pub(super) fn gather(
        &mut self,
        part: SchemaRef<'a>,
        at: &JsonPointer,
        visited: &mut Vec<&'a str>,
        out: &mut Vec<Property<'a>>,
    ) {
        // Where the part is used: a problem with a referenced part is the `allOf`'s, reported
        // there (once per use) rather than at the component it names.
        let used_at = at;
        let (schema, at) = match part {
            SchemaRef::Inline(schema) => (schema, at.clone()),
            SchemaRef::Ref(reference) => {
                if visited.contains(&reference) {
                    return;
                }
                visited.push(reference);
                match self.resolver.schema(reference, at) {
                    Ok(found) => found,
                    Err(diagnostic) => {
                        self.diagnostics.push(diagnostic);
                        return;
                    }
                }
            }
        };
        let (properties, required, nested): (_, _, &'a [ReferenceOr<Schema>]) = match &schema
            .schema_kind
        {
            SchemaKind::Type(Type::Object(object)) => (&object.properties, &object.required, &[]),
            SchemaKind::Any(any) => (&any.properties, &any.required, &any.all_of),
            SchemaKind::AllOf { all_of } => {
                for (index, nested) in all_of.iter().enumerate() {
                    self.gather(nested.into(), &at.push("allOf").push(index), visited, out);
                }
                return;
            }
            // A union parent contributes no properties of its own to its children.
            SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => return,
            _ => {
                let what = match part {
                    SchemaRef::Ref(reference) => {
                        format!("an `allOf` part that is not an object (`{reference}`)")
                    }
                    SchemaRef::Inline(_) => "an `allOf` part that is not an object".to_owned(),
                };
                self.report(used_at, Problem::Unsupported { what });
                return;
            }
        };
        for (index, nested) in nested.iter().enumerate() {
            self.gather(nested.into(), &at.push("allOf").push(index), visited, out);
        }
        out.extend(own_properties(properties, required, &at));
    }
}

/// Whether an `allOf` part only annotates (a description, a title, an example): it says nothing
/// of the value's shape.
fn annotation_only(part: &ReferenceOr<Schema>) -> bool {
    match part {
        ReferenceOr::Item(schema) => {
            matches!(&schema.schema_kind, SchemaKind::Any(any) if *any == AnySchema::default())
        }
        ReferenceOr::Reference { .. } => false,
    }
}
