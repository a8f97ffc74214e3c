//! Undiscriminated unions of objects that a serde untagged enum would decode wrongly.
//!
//! An untagged enum takes the first alternative that decodes, and a generated struct ignores
//! fields it does not know: when an earlier alternative requires nothing a later one's values
//! lack, every value of the later one decodes as the earlier one and its own fields are dropped
//! without a word. Atlas has such unions (its alert, event and notification views, its
//! private-endpoint requests). Deciding it here, once, keeps the emitters printing the model.
//!
//! Such a union is discriminated instead when a property can tell the alternatives apart: one
//! every alternative has, as a string enum (inline, through `$ref`s, or a `oneOf` of enums) whose
//! value sets do not overlap. Otherwise it becomes one struct with every alternative's fields
//! (`unions.rs`), which holds any of their values exactly.

use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};

use super::schemas::{Property, SchemaRef, Shape};
use super::unions::holds_properties;
use super::Lowerer;
use crate::diagnostics::JsonPointer;
use crate::ir::model::{Discriminator, TypeKind};

/// How many `$ref`s and wrappers are followed looking for a property's values: more than Atlas
/// nests, and a bound against a cycle.
const MAX_DEPTH: usize = 8;

/// A property inferred to tell alternatives apart, with each alternative's values of it.
struct Inferred {
    property: String,
    tags: Vec<Vec<String>>,
}

impl<'a> Lowerer<'a> {
    /// The shape of an undiscriminated union that an untagged enum cannot decode exactly, or
    /// `None` when it can: some alternative is not an object (serde tells a string from an
    /// object), or no alternative accepts a later one's values.
    pub(super) fn ambiguous_union(
        &mut self,
        alternatives: &'a [ReferenceOr<Schema>],
        at: &JsonPointer,
        hint: &str,
    ) -> Option<Shape> {
        if !alternatives.iter().all(|a| self.is_object(a, at)) {
            return None;
        }
        let gathered: Vec<Vec<Property<'a>>> = (alternatives.iter().enumerate())
            .map(|(index, alternative)| {
                let mut properties = Vec::new();
                let part = alternative.into();
                self.gather(part, &at.push(index), &mut Vec::new(), &mut properties);
                properties
            })
            .collect();
        if !shadowed(&gathered) {
            return None;
        }
        if let Some(inferred) = self.inferred(&gathered) {
            let tags = inferred.tags;
            let variants = self.variants(alternatives, at, hint, |index, _| tags[index].clone());
            return Some(Shape::Kind(Box::new(TypeKind::OneOf {
                variants,
                discriminator: Some(Discriminator {
                    property: inferred.property,
                    inferred: true,
                }),
            })));
        }
        Some(self.merged_struct(alternatives, gathered, Vec::new(), None, at, hint))
    }

    /// Whether an alternative is an object whose properties gathering reaches. An unresolvable
    /// `$ref` is not (lowering the variant reports it).
    fn is_object(&self, alternative: &'a ReferenceOr<Schema>, at: &JsonPointer) -> bool {
        let schema = match alternative {
            ReferenceOr::Item(schema) => Some(schema),
            ReferenceOr::Reference { reference } => {
                self.resolver.schema(reference, at).ok().map(|(s, _)| s)
            }
        };
        schema.is_some_and(holds_properties)
    }

    /// The first property (in the first alternative's order) that every alternative has as a
    /// string enum, with values no other alternative has.
    fn inferred(&self, gathered: &[Vec<Property<'a>>]) -> Option<Inferred> {
        gathered.first()?.iter().find_map(|candidate| {
            let values: Vec<Vec<&str>> = (gathered.iter())
                .map(|properties| {
                    let property = properties.iter().find(|p| p.name == candidate.name)?;
                    self.string_values(property.schema, &property.at, 0)
                })
                .collect::<Option<_>>()?;
            disjoint(&values).then(|| Inferred {
                property: candidate.name.to_owned(),
                tags: (values.iter())
                    .map(|v| v.iter().map(|s| (*s).to_owned()).collect())
                    .collect(),
            })
        })
    }

    /// The values a string enum allows, without repeats: inline, through `$ref`s and one-part
    /// `allOf` wrappers, or a `oneOf`/`anyOf` of such enums (Atlas's catch-all event types).
    /// `None` for anything else, an open string included.
    pub(super) fn string_values(
        &self,
        schema: SchemaRef<'a>,
        at: &JsonPointer,
        depth: usize,
    ) -> Option<Vec<&'a str>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let schema = match schema {
            SchemaRef::Inline(schema) => schema,
            SchemaRef::Ref(reference) => self.resolver.schema(reference, at).ok()?.0,
        };
        let values: Vec<&'a str> = match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) if !string.enumeration.is_empty() => string
                .enumeration
                .iter()
                .flatten()
                .map(String::as_str)
                .collect(),
            SchemaKind::Any(any) if any.typ.as_deref() == Some("string") => {
                let strings: Option<Vec<&str>> =
                    any.enumeration.iter().map(|v| v.as_str()).collect();
                strings.filter(|s| !s.is_empty())?
            }
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                self.string_values((&all_of[0]).into(), at, depth + 1)?
            }
            SchemaKind::OneOf { one_of: parts } | SchemaKind::AnyOf { any_of: parts } => {
                self.values_of_parts(parts, at, depth)?
            }
            // Atlas's catch-all event types say `type: object` beside a `oneOf` of string enums;
            // the alternatives are what a value is (lowering types it as their union too).
            SchemaKind::Any(any) if any.properties.is_empty() && !any.one_of.is_empty() => {
                self.values_of_parts(&any.one_of, at, depth)?
            }
            _ => return None,
        };
        let mut unique = Vec::with_capacity(values.len());
        for value in values {
            if !unique.contains(&value) {
                unique.push(value);
            }
        }
        Some(unique)
    }

    /// The values of every part of a union of string enums, or `None` if a part is not one.
    fn values_of_parts(
        &self,
        parts: &'a [ReferenceOr<Schema>],
        at: &JsonPointer,
        depth: usize,
    ) -> Option<Vec<&'a str>> {
        let each: Option<Vec<Vec<&'a str>>> = (parts.iter())
            .map(|part| self.string_values(part.into(), at, depth + 1))
            .collect();
        each.map(|each| each.concat())
    }
}

/// Whether an earlier alternative accepts a later one's values: everything it requires is a
/// property of the later one, and the unknown rest is ignored.
fn shadowed(gathered: &[Vec<Property<'_>>]) -> bool {
    gathered.iter().enumerate().any(|(index, earlier)| {
        gathered[index + 1..].iter().any(|later| {
            (earlier.iter().filter(|p| p.required))
                .all(|required| later.iter().any(|p| p.name == required.name))
        })
    })
}

/// Whether no value appears in two of the sets.
fn disjoint(sets: &[Vec<&str>]) -> bool {
    sets.iter().enumerate().all(|(index, set)| {
        sets[index + 1..]
            .iter()
            .all(|other| set.iter().all(|value| !other.contains(value)))
    })
}
