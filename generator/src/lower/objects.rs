//! Objects to structs: an object schema's properties become the fields of a struct, named and
//! flagged from the property's schema; an object with no properties is a map.

use openapiv3::{AdditionalProperties, ReferenceOr, Schema};

use super::schemas::{Property, SchemaRef, Shape};
use super::Lowerer;
use crate::diagnostics::{JsonPointer, Loss};
use crate::ir::model::{Constraints, Field, TypeKind, TypeRef};
use crate::names::{self, NameScope};

impl<'a> Lowerer<'a> {
    /// An object schema: a struct of its properties, or a map when it has none (and does not
    /// forbid other properties).
    pub(super) fn object(
        &mut self,
        properties: Vec<Property<'a>>,
        additional: Option<&'a AdditionalProperties>,
        at: &JsonPointer,
        hint: &str,
    ) -> Shape {
        let forbids_extra = matches!(additional, Some(AdditionalProperties::Any(false)));
        let additional = self.additional_type(additional, at, hint);
        if properties.is_empty() && !forbids_extra {
            // An object without properties is a map: of the declared value type, or of any JSON.
            return Shape::Ref(TypeRef::Map {
                values: Box::new(additional.unwrap_or(TypeRef::Any)),
            });
        }
        let fields = self.fields(properties, hint);
        Shape::Kind(Box::new(TypeKind::Struct {
            fields,
            additional_properties: additional,
            one_of: None,
        }))
    }

    /// The type of the properties `additionalProperties` allows beyond the listed ones, if any.
    pub(super) fn additional_type(
        &mut self,
        additional: Option<&'a AdditionalProperties>,
        at: &JsonPointer,
        hint: &str,
    ) -> Option<TypeRef> {
        match additional {
            Some(AdditionalProperties::Schema(schema)) => Some(self.type_of(
                schema.as_ref(),
                &at.push("additionalProperties"),
                &format!("{hint}.value"),
            )),
            // `true` beside properties: the extra properties are kept as JSON, not dropped.
            Some(AdditionalProperties::Any(true)) => Some(TypeRef::Any),
            Some(AdditionalProperties::Any(false)) | None => None,
        }
    }

    /// The fields of a struct with `properties`, named in a scope of their own; `owner` names
    /// the struct in warnings and in the types its properties define.
    pub(super) fn fields(&mut self, properties: Vec<Property<'a>>, owner: &str) -> Vec<Field> {
        let mut scope = NameScope::new(format!("properties of `{owner}`"));
        let mut fields: Vec<Field> = Vec::new();
        for property in properties {
            if let Some(existing) = fields.iter_mut().find(|f| f.name == property.name) {
                // The same property from two `allOf` parts: one field, required if either says so.
                existing.required |= property.required;
                continue;
            }
            let (ty, constraints) = self.property_type(&property, owner);
            fields.push(self.field(&mut scope, &property, ty, constraints));
        }
        fields
    }

    /// A property's type and constraints; `owner` names any type it has to define.
    pub(super) fn property_type(
        &mut self,
        property: &Property<'a>,
        owner: &str,
    ) -> (TypeRef, Constraints) {
        let hint = format!("{owner}.{}", property.name);
        let ty = self.type_of(property.schema, &property.at, &hint);
        let constraints = match property.schema {
            SchemaRef::Inline(schema) => self.constraints(schema, &property.at),
            SchemaRef::Ref(_) => Constraints::default(),
        };
        (ty, constraints)
    }

    /// The field for a property of type `ty`, named in `scope`; flags and description come from
    /// the property's schema (or the component it references).
    pub(super) fn field(
        &mut self,
        scope: &mut NameScope,
        property: &Property<'a>,
        ty: TypeRef,
        constraints: Constraints,
    ) -> Field {
        let (rust_name, renamed) =
            scope.claim_or_number(property.name, names::value_name(property.name));
        if let Some(what) = renamed {
            self.lose(&property.at, Loss::RenamedName, what);
        }
        let definition = self.definition(property.schema, &property.at);
        let data = definition.map(|s| &s.schema_data);
        Field {
            name: property.name.to_owned(),
            rust_name,
            ty,
            required: property.required,
            nullable: data.is_some_and(|d| d.nullable),
            read_only: data.is_some_and(|d| d.read_only),
            write_only: data.is_some_and(|d| d.write_only),
            deprecated: data.is_some_and(|d| d.deprecated),
            description: data.and_then(|d| super::prose(d.description.as_ref())),
            constraints,
        }
    }

    /// The schema a position defines: itself, or what its reference leads to. Flags such as
    /// `readOnly` on a referenced component apply to the property that uses it.
    pub(super) fn definition(
        &mut self,
        schema: SchemaRef<'a>,
        at: &JsonPointer,
    ) -> Option<&'a Schema> {
        match schema {
            SchemaRef::Inline(schema) => Some(schema),
            // Missing targets are reported by `named`; here they only mean "no flags".
            SchemaRef::Ref(reference) => self.resolver.schema(reference, at).ok().map(|(s, _)| s),
        }
    }
}

/// The properties an object schema lists itself (not through `allOf`), located under `at`.
pub(super) fn own_properties<'a>(
    properties: &'a indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
    required: &[String],
    at: &JsonPointer,
) -> Vec<Property<'a>> {
    properties
        .iter()
        .map(|(name, schema)| Property {
            name,
            schema: schema.into(),
            required: required.contains(name),
            at: at.push("properties").push(name),
        })
        .collect()
}
