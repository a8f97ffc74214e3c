//! Schemas to types: every component schema becomes a named [`TypeDef`]; an inline schema becomes
//! a [`TypeRef`], and gets a named type of its own (called after where it is) only when it is an
//! object, an enum or a union that Rust needs a name for.
//!
//! `$ref`s to schemas are kept as names rather than followed, which is what makes recursive
//! schemas (a node whose children are nodes) representable: recursion is boxed at emission.
//!
//! Here are the positions and shapes every schema pass shares, the components, and the dispatch
//! on a schema's kind; objects are lowered in `objects.rs`, `allOf` in `all_of.rs`, unions in
//! `unions.rs` and `untagged.rs`.

use openapiv3::{AnySchema, OpenAPI, ReferenceOr, Schema, SchemaKind, Type};

// Re-exported for the other lowering passes, which read a schema's keywords through here.
pub(super) use super::keywords::constraints_of;
use super::keywords::{format_named, integer_format, number_format, string_format};
use super::objects::own_properties;
use super::Lowerer;
use crate::diagnostics::{JsonPointer, Loss, Problem};
use crate::ir::model::{EnumValue, TypeDef, TypeKind, TypeRef};
use crate::load::resolve::Resolver;
use crate::load::DeepTarget;
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
pub(super) enum Shape {
    /// Usable as is: a primitive, an array, a map, a reference.
    Ref(TypeRef),
    /// Needs a named type.
    Kind(Box<TypeKind>),
}

/// A property gathered for a struct, possibly from one of several `allOf` parts.
pub(super) struct Property<'a> {
    pub(super) name: &'a str,
    pub(super) schema: SchemaRef<'a>,
    pub(super) required: bool,
    pub(super) at: JsonPointer,
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
            let (rust_name, renamed) = self
                .type_names
                .claim_or_number(name, names::type_name(name));
            if let Some(what) = renamed {
                self.lose(&at, Loss::RenamedName, what);
            }
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

    pub(super) fn define(
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
                description: data.and_then(|d| super::prose(d.description.as_ref())),
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
                        let rust_name = self.derived_type_name(hint, at);
                        self.define(hint, rust_name.clone(), at, Some(schema), *kind);
                        TypeRef::Named { name: rust_name }
                    }
                };
                self.inline_types.insert(at.clone(), ty.clone());
                ty
            }
        }
    }

    /// The name of a type the spec defines inline, after where it is (`Owner.property` is
    /// `OwnerProperty`). Every component keeps its own name, so when one has this name the inline
    /// type gets a numbered one, which changes when that component does: said as a warning.
    pub(super) fn derived_type_name(&mut self, hint: &str, at: &JsonPointer) -> String {
        let wanted = names::type_name(hint);
        let rust_name = self.type_names.claim_distinct(hint, wanted.clone());
        if rust_name != wanted {
            let owner = self
                .type_names
                .owner(&wanted)
                .unwrap_or_default()
                .to_owned();
            let what = format!(
                "the type defined here would be `{wanted}`, but schema `{owner}` has that name; it \
                 is `{rust_name}`, which changes if `{owner}` is renamed or removed"
            );
            let kind = Loss::NumberedName;
            self.warn(at, Problem::NotRepresented { kind, what });
        }
        rust_name
    }

    /// The type a schema `$ref` names.
    fn named(&mut self, reference: &str, at: &JsonPointer) -> TypeRef {
        let name = match Resolver::component_name::<Schema>(reference) {
            Ok(name) => name,
            Err(problem) => match self.resolver.deep_schema(reference) {
                // A schema inside a component: the type that position has (the same one the
                // component's own lowering gives it, through `inline_types`).
                Some(DeepTarget::Inline(schema, target)) => {
                    let hint = deep_hint(&target);
                    return self.type_of(SchemaRef::Inline(schema), &target, &hint);
                }
                Some(DeepTarget::Ref(next)) if next != reference => return self.named(next, at),
                _ => {
                    self.report(at, problem);
                    return TypeRef::Any;
                }
            },
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
                // Valid OpenAPI, so not refused: Rust has no type for "anything but this", and
                // any JSON keeps every value Atlas may send.
                self.lose(
                    &at.push("not"),
                    Loss::NotSchema,
                    "Rust has no type for \"anything but this\": the value may be any JSON, and \
                     what `not` excludes is not checked"
                        .into(),
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
        for (keyword, alternatives) in [("oneOf", &any.one_of), ("anyOf", &any.any_of)] {
            if alternatives.is_empty() {
                continue;
            }
            let union_at = at.push(keyword);
            // A discriminated union beside properties is Atlas's base-type pattern: the properties
            // are shared, and every child repeats them through `allOf` back to this schema, so the
            // union of the children is the complete type.
            if properties.is_empty() || discriminator.is_some() {
                return self.one_of(alternatives, discriminator, &union_at, hint);
            }
            // Without a discriminator the children do not repeat the properties, and nothing
            // tells them apart: one struct holds them all (see `union_fields`).
            let additional = self.additional_type(any.additional_properties.as_ref(), at, hint);
            return self.union_fields(alternatives, properties, additional, &union_at, hint);
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

    /// A string enumeration of `values` in spec order, a repeated value kept once; `owner`
    /// names the type its variants' names are scoped to.
    pub(super) fn enumeration<'v>(
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
}

/// The name hint of a schema inside a component, after the path to it, as lowering the
/// component itself names it (`List.entries.item` for `List/properties/entries/items`).
fn deep_hint(target: &JsonPointer) -> String {
    let segments: Vec<String> = target.segments().skip(2).collect();
    let mut hint = String::new();
    let mut steps = segments.iter();
    while let Some(segment) = steps.next() {
        match segment.as_str() {
            "properties" => {
                if let Some(property) = steps.next() {
                    hint.push('.');
                    hint.push_str(property);
                }
            }
            "items" => hint.push_str(".item"),
            "additionalProperties" => hint.push_str(".value"),
            "allOf" | "oneOf" | "anyOf" => {
                steps.next();
            }
            name if hint.is_empty() => hint.push_str(name),
            _ => {}
        }
    }
    hint
}
