//! Schemas to types: every component schema becomes a named [`TypeDef`]; an inline schema becomes
//! a [`TypeRef`], and gets a named type of its own (called after where it is) only when it is an
//! object, an enum or a union that Rust needs a name for.
//!
//! `$ref`s to schemas are kept as names rather than followed, which is what makes recursive
//! schemas (a node whose children are nodes) representable: recursion is boxed at emission.

use openapiv3::{
    AdditionalProperties, AnySchema, IntegerFormat, NumberFormat, OpenAPI, ReferenceOr, Schema,
    SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty,
};

use super::Lowerer;
use crate::diagnostics::{JsonPointer, Problem};
use crate::ir::model::{
    Constraints, Discriminator, EnumValue, Field, Format, Pattern, TypeDef, TypeKind, TypeRef,
    Variant,
};
use crate::load::resolve::Resolver;
use crate::names::{self, NameScope};

/// A schema position that is either a reference or an inline definition, whichever box it is in.
#[derive(Clone, Copy)]
pub(super) enum SchemaRef<'a> {
    Ref(&'a str),
    Inline(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SchemaRef<'a> {
    fn from(item: &'a ReferenceOr<Schema>) -> Self {
        match item {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SchemaRef<'a> {
    fn from(item: &'a ReferenceOr<Box<Schema>>) -> Self {
        match item {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

/// What a schema lowers to before it is known whether it needs a name.
enum Shape {
    /// Usable as is: a primitive, an array, a map, a reference.
    Ref(TypeRef),
    /// Needs a named type.
    Kind(Box<TypeKind>),
}

/// A property gathered for a struct, possibly from one of several `allOf` parts.
struct Property<'a> {
    name: &'a str,
    schema: SchemaRef<'a>,
    required: bool,
    at: JsonPointer,
}

impl<'a> Lowerer<'a> {
    /// Reserves a Rust name for every component schema before any is lowered, so a component
    /// always gets its own name and inline types make way for it.
    pub(super) fn name_components(&mut self, document: &'a OpenAPI) {
        let Some(components) = &document.components else {
            return;
        };
        for name in components.schemas.keys() {
            let at = JsonPointer::root()
                .push("components")
                .push("schemas")
                .push(name);
            let rust_name = match self.type_names.claim(name, names::type_name(name)) {
                Ok(rust_name) => rust_name,
                Err(problem) => {
                    self.report(&at, problem);
                    self.type_names.claim_distinct(name, names::type_name(name))
                }
            };
            self.component_types.insert(name.clone(), rust_name);
        }
    }

    /// Lowers every component schema into a named type.
    pub(super) fn lower_components(&mut self, document: &'a OpenAPI) {
        let Some(components) = &document.components else {
            return;
        };
        for (name, schema) in &components.schemas {
            let at = JsonPointer::root()
                .push("components")
                .push("schemas")
                .push(name);
            // `name_components` named every component; the fallback only keeps this total.
            let rust_name = match self.component_types.get(name) {
                Some(rust_name) => rust_name.clone(),
                None => names::type_name(name),
            };
            let (kind, schema) = match schema {
                ReferenceOr::Reference { reference } => {
                    // Chains of these that lead back to themselves are reported by
                    // `check_alias_cycles`, once the whole namespace is known.
                    let target = self.named(reference, &at);
                    let alias = TypeKind::Alias {
                        target,
                        constraints: Box::default(),
                    };
                    (alias, None)
                }
                ReferenceOr::Item(schema) => {
                    let kind = match self.shape(schema, &at, name) {
                        Shape::Kind(kind) => *kind,
                        Shape::Ref(TypeRef::Map { values }) => TypeKind::Map { values: *values },
                        Shape::Ref(target) => TypeKind::Alias {
                            target,
                            constraints: Box::new(self.constraints(schema, &at)),
                        },
                    };
                    (kind, Some(schema))
                }
            };
            self.define(name, rust_name, &at, schema, kind);
        }
    }

    fn define(
        &mut self,
        api_name: &str,
        rust_name: String,
        at: &JsonPointer,
        schema: Option<&Schema>,
        kind: TypeKind,
    ) {
        let data = schema.map(|s| &s.schema_data);
        self.types.insert(
            rust_name.clone(),
            TypeDef {
                name: api_name.to_owned(),
                rust_name,
                pointer: at.to_string(),
                title: data.and_then(|d| d.title.clone()),
                description: data.and_then(|d| d.description.clone()),
                deprecated: data.is_some_and(|d| d.deprecated),
                kind,
            },
        );
    }

    /// The type of a schema position; `hint` names any type it has to define (`Owner.property`).
    pub(super) fn type_of(
        &mut self,
        schema: impl Into<SchemaRef<'a>>,
        at: &JsonPointer,
        hint: &str,
    ) -> TypeRef {
        match schema.into() {
            SchemaRef::Ref(reference) => self.named(reference, at),
            SchemaRef::Inline(schema) => {
                if let Some(known) = self.inline_types.get(at) {
                    return known.clone();
                }
                let ty = match self.shape(schema, at, hint) {
                    Shape::Ref(ty) => ty,
                    Shape::Kind(kind) => {
                        let rust_name =
                            self.type_names.claim_distinct(hint, names::type_name(hint));
                        self.define(hint, rust_name.clone(), at, Some(schema), *kind);
                        TypeRef::Named { name: rust_name }
                    }
                };
                self.inline_types.insert(at.clone(), ty.clone());
                ty
            }
        }
    }

    /// The type a schema `$ref` names.
    fn named(&mut self, reference: &str, at: &JsonPointer) -> TypeRef {
        let name = match Resolver::component_name::<Schema>(reference) {
            Ok(name) => name,
            Err(problem) => {
                self.report(at, problem);
                return TypeRef::Any;
            }
        };
        match self.component_types.get(&name) {
            Some(rust_name) => TypeRef::Named {
                name: rust_name.clone(),
            },
            None => {
                self.report(
                    at,
                    Problem::MissingRef {
                        target: reference.to_owned(),
                    },
                );
                TypeRef::Any
            }
        }
    }

    fn shape(&mut self, schema: &'a Schema, at: &JsonPointer, hint: &str) -> Shape {
        let discriminator = schema.schema_data.discriminator.as_ref();
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => {
                if string.enumeration.is_empty() {
                    Shape::Ref(TypeRef::String {
                        format: string_format(&string.format),
                    })
                } else {
                    let values = string.enumeration.iter().flatten().map(String::as_str);
                    Shape::Kind(Box::new(self.enumeration(values, at, hint)))
                }
            }
            SchemaKind::Type(Type::Integer(integer)) => Shape::Ref(TypeRef::Integer {
                format: integer_format(&integer.format),
            }),
            SchemaKind::Type(Type::Number(number)) => Shape::Ref(TypeRef::Number {
                format: number_format(&number.format),
            }),
            SchemaKind::Type(Type::Boolean(_)) => Shape::Ref(TypeRef::Boolean),
            SchemaKind::Type(Type::Array(array)) => {
                Shape::Ref(self.array(array.items.as_ref(), at, hint))
            }
            SchemaKind::Type(Type::Object(object)) => {
                let properties = own_properties(&object.properties, &object.required, at);
                self.object(properties, object.additional_properties.as_ref(), at, hint)
            }
            SchemaKind::OneOf { one_of } => {
                self.one_of(one_of, discriminator, &at.push("oneOf"), hint)
            }
            SchemaKind::AnyOf { any_of } => {
                self.one_of(any_of, discriminator, &at.push("anyOf"), hint)
            }
            SchemaKind::AllOf { all_of } => self.all_of(all_of, Vec::new(), at, hint),
            SchemaKind::Not { .. } => {
                self.report(
                    &at.push("not"),
                    Problem::Unsupported {
                        what: "`not` (Rust has no type for \"anything but this\"); list the allowed values or types instead".into(),
                    },
                );
                Shape::Ref(TypeRef::Any)
            }
            SchemaKind::Any(any) => self.any(any, discriminator, at, hint),
        }
    }

    /// A schema that mixes keywords `openapiv3` could not sort into one kind.
    fn any(
        &mut self,
        any: &'a AnySchema,
        discriminator: Option<&'a openapiv3::Discriminator>,
        at: &JsonPointer,
        hint: &str,
    ) -> Shape {
        let properties = own_properties(&any.properties, &any.required, at);
        if !any.all_of.is_empty() {
            return self.all_of(&any.all_of, properties, at, hint);
        }
        // A discriminated `oneOf` beside properties is Atlas's base-type pattern: the properties
        // are shared, and every child repeats them through `allOf` back to this schema, so the
        // union of the children is the complete type.
        if !any.one_of.is_empty() && (properties.is_empty() || discriminator.is_some()) {
            return self.one_of(&any.one_of, discriminator, &at.push("oneOf"), hint);
        }
        if !any.any_of.is_empty() && properties.is_empty() {
            return self.one_of(&any.any_of, discriminator, &at.push("anyOf"), hint);
        }
        if !properties.is_empty() || any.typ.as_deref() == Some("object") {
            return self.object(properties, any.additional_properties.as_ref(), at, hint);
        }
        let strings: Option<Vec<&str>> = any.enumeration.iter().map(|v| v.as_str()).collect();
        match strings {
            Some(values) if !values.is_empty() => {
                return Shape::Kind(Box::new(self.enumeration(values.into_iter(), at, hint)))
            }
            _ => {}
        }
        if any.items.is_some() || any.typ.as_deref() == Some("array") {
            return Shape::Ref(self.array(any.items.as_ref(), at, hint));
        }
        let format = any.format.as_deref().map(format_named);
        Shape::Ref(match any.typ.as_deref() {
            Some("string") => TypeRef::String { format },
            Some("integer") => TypeRef::Integer { format },
            Some("number") => TypeRef::Number { format },
            Some("boolean") => TypeRef::Boolean,
            _ => TypeRef::Any,
        })
    }

    fn array(
        &mut self,
        items: Option<&'a ReferenceOr<Box<Schema>>>,
        at: &JsonPointer,
        hint: &str,
    ) -> TypeRef {
        let items = match items {
            Some(items) => self.type_of(items, &at.push("items"), &format!("{hint}.item")),
            None => TypeRef::Any,
        };
        TypeRef::Array {
            items: Box::new(items),
        }
    }

    fn object(
        &mut self,
        properties: Vec<Property<'a>>,
        additional: Option<&'a AdditionalProperties>,
        at: &JsonPointer,
        hint: &str,
    ) -> Shape {
        let forbids_extra = matches!(additional, Some(AdditionalProperties::Any(false)));
        let additional = match additional {
            Some(AdditionalProperties::Schema(schema)) => Some(self.type_of(
                schema.as_ref(),
                &at.push("additionalProperties"),
                &format!("{hint}.value"),
            )),
            // `true` beside properties: the extra properties are kept as JSON, not dropped.
            Some(AdditionalProperties::Any(true)) => Some(TypeRef::Any),
            Some(AdditionalProperties::Any(false)) | None => None,
        };
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
        }))
    }

    fn fields(&mut self, properties: Vec<Property<'a>>, owner: &str) -> Vec<Field> {
        let mut scope = NameScope::new(format!("properties of `{owner}`"));
        let mut fields: Vec<Field> = Vec::new();
        for property in properties {
            if let Some(existing) = fields.iter_mut().find(|f| f.name == property.name) {
                // The same property from two `allOf` parts: one field, required if either says so.
                existing.required |= property.required;
                continue;
            }
            let rust_name = match scope.claim(property.name, names::value_name(property.name)) {
                Ok(rust_name) => rust_name,
                Err(problem) => {
                    self.report(&property.at, problem);
                    scope.claim_distinct(property.name, names::value_name(property.name))
                }
            };
            let hint = format!("{owner}.{}", property.name);
            let ty = self.type_of(property.schema, &property.at, &hint);
            let definition = self.definition(property.schema, &property.at);
            let data = definition.map(|s| &s.schema_data);
            fields.push(Field {
                name: property.name.to_owned(),
                rust_name,
                ty,
                required: property.required,
                nullable: data.is_some_and(|d| d.nullable),
                read_only: data.is_some_and(|d| d.read_only),
                write_only: data.is_some_and(|d| d.write_only),
                deprecated: data.is_some_and(|d| d.deprecated),
                description: data.and_then(|d| d.description.clone()),
                constraints: match property.schema {
                    SchemaRef::Inline(schema) => self.constraints(schema, &property.at),
                    SchemaRef::Ref(_) => Constraints::default(),
                },
            });
        }
        fields
    }

    /// The schema a position defines: itself, or what its reference leads to. Flags such as
    /// `readOnly` on a referenced component apply to the property that uses it.
    fn definition(&mut self, schema: SchemaRef<'a>, at: &JsonPointer) -> Option<&'a Schema> {
        match schema {
            SchemaRef::Inline(schema) => Some(schema),
            // Missing targets are reported by `named`; here they only mean "no flags".
            SchemaRef::Ref(reference) => self.resolver.schema(reference, at).ok().map(|(s, _)| s),
        }
    }

    fn enumeration<'v>(
        &mut self,
        values: impl Iterator<Item = &'v str>,
        at: &JsonPointer,
        owner: &str,
    ) -> TypeKind {
        let mut scope = NameScope::new(format!("values of `{owner}`"));
        let mut seen: Vec<&str> = Vec::new();
        let mut lowered = Vec::new();
        for value in values {
            if seen.contains(&value) {
                continue;
            }
            seen.push(value);
            lowered.push(EnumValue {
                value: value.to_owned(),
                rust_name: scope.claim_distinct(value, names::variant_name(value)),
            });
        }
        if lowered.is_empty() {
            self.report(&at.push("enum"), Problem::EmptyEnum);
        }
        TypeKind::Enum { values: lowered }
    }

    fn one_of(
        &mut self,
        alternatives: &'a [ReferenceOr<Schema>],
        discriminator: Option<&'a openapiv3::Discriminator>,
        at: &JsonPointer,
        hint: &str,
    ) -> Shape {
        if let [only] = alternatives {
            return Shape::Ref(self.type_of(only, &at.push(0), hint));
        }
        self.check_discriminator(alternatives, discriminator, at);
        let mut scope = NameScope::new(format!("alternatives of `{hint}`"));
        let mut variants = Vec::new();
        for (index, alternative) in alternatives.iter().enumerate() {
            let variant_at = at.push(index);
            let ty = self.type_of(alternative, &variant_at, &format!("{hint}.variant{index}"));
            let base_name = match &ty {
                TypeRef::Named { name } => name.clone(),
                other => variant_name_for(other),
            };
            let rust_name = scope.claim_distinct(&base_name, base_name.clone());
            let tags = match (alternative, discriminator) {
                (ReferenceOr::Reference { reference }, Some(discriminator)) => {
                    discriminator_tags(reference, discriminator)
                }
                _ => Vec::new(),
            };
            variants.push(Variant {
                rust_name,
                ty,
                tags,
            });
        }
        Shape::Kind(Box::new(TypeKind::OneOf {
            variants,
            discriminator: discriminator.map(|d| Discriminator {
                property: d.property_name.clone(),
            }),
        }))
    }

    /// `allOf`: one struct with the properties of every part. A single part with nothing beside
    /// it is only a wrapper (Atlas uses it to attach a description to a `$ref`).
    fn all_of(
        &mut self,
        parts: &'a [ReferenceOr<Schema>],
        own: Vec<Property<'a>>,
        at: &JsonPointer,
        hint: &str,
    ) -> Shape {
        if let ([only], true) = (parts, own.is_empty()) {
            return Shape::Ref(self.type_of(only, &at.push("allOf").push(0), hint));
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
        }))
    }

    /// Collects the properties a schema contributes to an `allOf`, following references and
    /// nested `allOf`s; `visited` stops a part that leads back to itself.
    fn gather(
        &mut self,
        part: SchemaRef<'a>,
        at: &JsonPointer,
        visited: &mut Vec<&'a str>,
        out: &mut Vec<Property<'a>>,
    ) {
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
                self.report(
                    &at,
                    Problem::Unsupported {
                        what: "an `allOf` part that is not an object".into(),
                    },
                );
                return;
            }
        };
        for (index, nested) in nested.iter().enumerate() {
            self.gather(nested.into(), &at.push("allOf").push(index), visited, out);
        }
        out.extend(own_properties(properties, required, &at));
    }
}

fn own_properties<'a>(
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

fn discriminator_tags(reference: &str, discriminator: &openapiv3::Discriminator) -> Vec<String> {
    let mapped: Vec<String> = discriminator
        .mapping
        .iter()
        .filter(|(_, target)| target.as_str() == reference)
        .map(|(tag, _)| tag.clone())
        .collect();
    if !mapped.is_empty() {
        return mapped;
    }
    // Without a mapping entry, the tag is the component's name (OpenAPI 3.0, Discriminator Object).
    Resolver::component_name::<Schema>(reference)
        .map(|name| vec![name])
        .unwrap_or_default()
}

/// A variant name for an alternative that is not a named type.
fn variant_name_for(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named { name } => name.clone(),
        TypeRef::String { .. } => "String".into(),
        TypeRef::Integer { .. } => "Integer".into(),
        TypeRef::Number { .. } => "Number".into(),
        TypeRef::Boolean => "Boolean".into(),
        TypeRef::Array { items } => format!("{}List", variant_name_for(items)),
        TypeRef::Map { values } => format!("{}Map", variant_name_for(values)),
        TypeRef::Any => "Value".into(),
    }
}

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

fn string_format(format: &VariantOrUnknownOrEmpty<StringFormat>) -> Option<Format> {
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

fn integer_format(format: &VariantOrUnknownOrEmpty<IntegerFormat>) -> Option<Format> {
    match format {
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => Some(Format::Int32),
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int64) => Some(Format::Int64),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(format_named(other)),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

fn number_format(format: &VariantOrUnknownOrEmpty<NumberFormat>) -> Option<Format> {
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
