//! Unions: `oneOf` and `anyOf` (which Atlas uses in the same sense). Alone, or discriminated
//! beside properties, they become a Rust enum with a variant per alternative; alone, without a
//! discriminator, and ambiguous for an untagged enum, see `untagged.rs`.
//!
//! Beside properties without a discriminator (Atlas's cluster hardware specs, its federation
//! identity providers) they become one struct with the schema's own properties and every
//! alternative's. Nothing in such a value says which alternative it is, and Rust has no type for
//! "one of these objects" that still decodes and encodes every field exactly; the union of their
//! fields does (the Go SDK makes the same choice). Only the schema's own `required` properties
//! stay required. A property several definitions share keeps one type when they agree: the same
//! `$ref`, or an equal inline schema. Otherwise inline string enums become one enum of all their
//! values; strings that differ only in constraints keep the constraints they share, with a
//! warning that validation is relaxed; anything else becomes any JSON, with a warning naming two
//! definitions.

use openapiv3::{ReferenceOr, Schema, SchemaKind, StringType, Type};

use super::alternative_names::alternative_labels;
use super::keywords::constraints_of;
use super::schemas::{Property, SchemaRef, Shape};
use super::Lowerer;
use crate::diagnostics::{JsonPointer, Loss, Problem};
use crate::ir::model::{
    Alternative, Constraints, Discriminator, Field, MergedOneOf, TypeKind, TypeRef, Variant,
};
use crate::load::resolve::Resolver;
use crate::names::NameScope;

/// One definition of a property: the schema's own, or one of an alternative's.
struct Definition<'a> {
    /// The alternative it comes from; `None` for the schema's own properties.
    alternative: Option<usize>,
    property: Property<'a>,
}

/// The struct being built: its name, where its `oneOf` is, and its alternatives.
struct Union<'u> {
    owner: &'u str,
    at: &'u JsonPointer,
    alternatives: &'u [Alternative],
}

impl Union<'_> {
    /// Where a definition comes from, for warnings.
    fn origin(&self, definition: &Definition<'_>) -> String {
        match definition.alternative {
            Some(index) => format!("`{}`", self.alternatives[index].label),
            None => format!("`{}` itself", self.owner),
        }
    }

    /// A property the struct holding every alternative represents less precisely than each
    /// alternative does.
    fn warn_about(&self, definition: &Definition<'_>, kind: Loss, what: String) -> Problem {
        let property = definition.property.name;
        Problem::NotRepresented {
            kind,
            what: format!("property `{property}` of `{}` {what}", self.owner),
        }
    }
}

impl<'a> Lowerer<'a> {
    /// A Rust enum with a variant per alternative; a single alternative is only that type.
    pub(super) fn one_of(
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
        if discriminator.is_none() {
            // An untagged enum would take a later alternative's values for an earlier one's.
            if let Some(shape) = self.ambiguous_union(alternatives, at, hint) {
                return shape;
            }
        }
        let variants = self.variants(alternatives, at, hint, |_, alternative| {
            match (alternative, discriminator) {
                (ReferenceOr::Reference { reference }, Some(discriminator)) => {
                    discriminator_tags(reference, discriminator)
                }
                _ => Vec::new(),
            }
        });
        Shape::Kind(Box::new(TypeKind::OneOf {
            variants,
            discriminator: discriminator.map(|d| Discriminator {
                property: d.property_name.clone(),
                inferred: false,
            }),
        }))
    }

    /// A variant per alternative, named after its type, with the tags `tags` gives it.
    pub(super) fn variants(
        &mut self,
        alternatives: &'a [ReferenceOr<Schema>],
        at: &JsonPointer,
        hint: &str,
        tags: impl Fn(usize, &'a ReferenceOr<Schema>) -> Vec<String>,
    ) -> Vec<Variant> {
        let mut scope = NameScope::new(format!("alternatives of `{hint}`"));
        let mut variants = Vec::new();
        let labels = alternative_labels(alternatives);
        for (index, alternative) in alternatives.iter().enumerate() {
            let variant_at = at.push(index);
            let alternative_hint = match &labels[index] {
                Some(label) => format!("{hint}.{label}"),
                None => hint.to_owned(),
            };
            let ty = self.type_of(alternative, &variant_at, &alternative_hint);
            let base_name = match &ty {
                TypeRef::Named { name } => name.clone(),
                other => variant_name_for(other),
            };
            variants.push(Variant {
                rust_name: scope.claim_distinct(&base_name, base_name.clone()),
                ty,
                tags: tags(index, alternative),
            });
        }
        variants
    }

    /// The struct for a schema with `properties` and an undiscriminated `oneOf` (or `anyOf`) at
    /// `at`: its own properties, then those of each alternative in order, merged by name.
    pub(super) fn union_fields(
        &mut self,
        alternatives: &'a [ReferenceOr<Schema>],
        own: Vec<Property<'a>>,
        additional: Option<TypeRef>,
        at: &JsonPointer,
        hint: &str,
    ) -> Shape {
        let gathered = (alternatives.iter().enumerate())
            .map(|(index, alternative)| {
                self.alternative_properties(alternative.into(), &at.push(index))
            })
            .collect();
        self.merged_struct(alternatives, gathered, own, additional, at, hint)
    }

    /// The struct of `own` properties and those `gathered` from each alternative, merged by name.
    pub(super) fn merged_struct(
        &mut self,
        alternatives: &'a [ReferenceOr<Schema>],
        gathered: Vec<Vec<Property<'a>>>,
        own: Vec<Property<'a>>,
        additional: Option<TypeRef>,
        at: &JsonPointer,
        hint: &str,
    ) -> Shape {
        let mut definitions: Vec<Definition<'a>> = own
            .into_iter()
            .map(|property| Definition {
                alternative: None,
                property,
            })
            .collect();
        let mut listed = Vec::new();
        for (index, (alternative, properties)) in alternatives.iter().zip(gathered).enumerate() {
            listed.push(self.alternative(alternative, index));
            for mut property in properties {
                // Only the schema's own `required` holds whichever alternative a value is.
                property.required = false;
                definitions.push(Definition {
                    alternative: Some(index),
                    property,
                });
            }
        }
        let groups = by_name(definitions);
        let tag_property = tag_property(&groups, &mut listed);
        let union = Union {
            owner: hint,
            at,
            alternatives: &listed,
        };
        let mut scope = NameScope::new(format!("properties of `{hint}`"));
        let fields = groups
            .iter()
            .map(|group| self.merged_field(&mut scope, group, &union))
            .collect();
        Shape::Kind(Box::new(TypeKind::Struct {
            fields,
            additional_properties: additional,
            one_of: Some(MergedOneOf {
                alternatives: listed,
                tag_property,
            }),
        }))
    }

    fn alternative(&self, alternative: &ReferenceOr<Schema>, index: usize) -> Alternative {
        let (type_name, label) = match alternative {
            ReferenceOr::Reference { reference } => {
                let name = Resolver::component_name::<Schema>(reference).ok();
                let type_name = name
                    .as_ref()
                    .and_then(|name| self.component_types.get(name).cloned());
                (type_name, name.unwrap_or_else(|| reference.clone()))
            }
            ReferenceOr::Item(schema) => {
                let title = schema.schema_data.title.clone();
                (
                    None,
                    title.unwrap_or_else(|| format!("alternative {index}")),
                )
            }
        };
        Alternative {
            type_name,
            label,
            tag: None,
        }
    }

    /// The properties an alternative contributes, following `$ref`s and `allOf`s as an `allOf`
    /// part's are. An alternative that is not an object has none, and its values cannot be held
    /// by the struct: that deserves a warning.
    fn alternative_properties(
        &mut self,
        part: SchemaRef<'a>,
        at: &JsonPointer,
    ) -> Vec<Property<'a>> {
        let schema = match part {
            SchemaRef::Inline(schema) => Some(schema),
            // An unresolvable reference is reported by `gather`.
            SchemaRef::Ref(reference) => self.resolver.schema(reference, at).ok().map(|(s, _)| s),
        };
        if schema.is_some_and(|schema| !holds_properties(schema)) {
            self.warn(
                at,
                Problem::Unsupported {
                    what: "a `oneOf` alternative that is not an object beside `properties` (a primitive, an array or a union of its own): the struct that holds the properties cannot hold its values".into(),
                },
            );
            return Vec::new();
        }
        let mut properties = Vec::new();
        self.gather(part, at, &mut Vec::new(), &mut properties);
        properties
    }

    /// One field for every definition of a property.
    fn merged_field(
        &mut self,
        scope: &mut NameScope,
        group: &[Definition<'a>],
        union: &Union<'_>,
    ) -> Field {
        let first = &group[0];
        let (ty, constraints) = match distinct(group).as_slice() {
            [only] => {
                let owner = home(only, union).unwrap_or_else(|| union.owner.to_owned());
                self.property_type(&only.property, &owner)
            }
            differing => self.reconcile(differing, union),
        };
        let mut field = self.field(scope, &first.property, ty, constraints);
        let data: Vec<_> = group
            .iter()
            .map(|d| self.definition(d.property.schema, &d.property.at))
            .map(|schema| schema.map(|s| &s.schema_data))
            .collect();
        field.required = group.iter().any(|d| d.property.required);
        // Left out of a view only when every alternative leaves it out.
        field.read_only = data.iter().all(|d| d.is_some_and(|d| d.read_only));
        field.write_only = data.iter().all(|d| d.is_some_and(|d| d.write_only));
        field.deprecated = data.iter().all(|d| d.is_some_and(|d| d.deprecated));
        field.nullable = data.iter().any(|d| d.is_some_and(|d| d.nullable));
        field
    }

    /// The type of a property that definitions disagree on (`differing` has two or more).
    fn reconcile(
        &mut self,
        differing: &[&Definition<'a>],
        union: &Union<'_>,
    ) -> (TypeRef, Constraints) {
        let hint = format!("{}.{}", union.owner, differing[0].property.name);
        let strings: Option<Vec<&'a StringType>> = differing
            .iter()
            .map(|d| inline_string(d.property.schema))
            .collect();
        if let Some(strings) = strings {
            let (constraints, dropped) = shared_constraints(differing);
            if strings.iter().all(|s| !s.enumeration.is_empty()) {
                let values = strings
                    .iter()
                    .flat_map(|s| s.enumeration.iter().flatten())
                    .map(String::as_str)
                    .collect();
                return (self.union_enum(differing[0], values, &hint), constraints);
            }
            let format = &strings[0].format;
            if strings
                .iter()
                .all(|s| s.enumeration.is_empty() && &s.format == format)
            {
                let mut origins: Vec<String> = differing.iter().map(|d| union.origin(d)).collect();
                let last = origins.pop().unwrap_or_default();
                let what = format!(
                    "is a string with different constraints in {} and {last}: only the constraints they share are kept, so validation of this field is relaxed (dropped: {})",
                    origins.join(", "),
                    dropped.join(", ")
                );
                let problem = union.warn_about(differing[0], Loss::RelaxedValidation, what);
                self.warn(union.at, problem);
                let ty = self.type_of(
                    differing[0].property.schema,
                    &differing[0].property.at,
                    &hint,
                );
                return (ty, constraints);
            }
        }
        // String enums reached through `$ref`s (Atlas's event types) merge like inline ones.
        let values: Option<Vec<Vec<&'a str>>> = differing
            .iter()
            .map(|d| self.string_values(d.property.schema, &d.property.at, 0))
            .collect();
        if let Some(values) = values {
            let all = values.concat();
            return (
                self.union_enum(differing[0], all, &hint),
                Constraints::default(),
            );
        }
        let what = format!(
            "has different types in {} and {}: it is kept as any JSON (`serde_json::Value`)",
            union.origin(differing[0]),
            union.origin(differing[1])
        );
        let problem = union.warn_about(differing[0], Loss::UntypedProperty, what);
        self.warn(union.at, problem);
        (TypeRef::Any, Constraints::default())
    }

    /// One enum with the values of every definition, in order of first appearance, named after
    /// the struct and the property like any inline enum.
    fn union_enum(&mut self, first: &Definition<'a>, values: Vec<&str>, hint: &str) -> TypeRef {
        let kind = self.enumeration(values.into_iter(), &first.property.at, hint);
        let rust_name = self.derived_type_name(hint, &first.property.at);
        let schema = match first.property.schema {
            SchemaRef::Inline(schema) => Some(schema),
            SchemaRef::Ref(_) => None,
        };
        self.define(hint, rust_name.clone(), &first.property.at, schema, kind);
        TypeRef::Named { name: rust_name }
    }
}

/// Definitions grouped by property name, groups in order of first appearance.
fn by_name(definitions: Vec<Definition<'_>>) -> Vec<Vec<Definition<'_>>> {
    let mut groups: Vec<Vec<Definition<'_>>> = Vec::new();
    for definition in definitions {
        let name = definition.property.name;
        match groups.iter_mut().find(|g| g[0].property.name == name) {
            Some(group) => group.push(definition),
            None => groups.push(vec![definition]),
        }
    }
    groups
}

/// The definitions of a group that differ from every earlier one.
fn distinct<'g, 'a>(group: &'g [Definition<'a>]) -> Vec<&'g Definition<'a>> {
    let mut kept: Vec<&Definition<'a>> = Vec::new();
    for definition in group {
        if !kept
            .iter()
            .any(|k| same(k.property.schema, definition.property.schema))
        {
            kept.push(definition);
        }
    }
    kept
}

/// Whether two definitions are structurally the same: the same `$ref`, or equal inline schemas
/// (descriptions, examples and flags aside, which the field takes from its first definition).
fn same(a: SchemaRef<'_>, b: SchemaRef<'_>) -> bool {
    match (unwrapped(a), unwrapped(b)) {
        (SchemaRef::Ref(a), SchemaRef::Ref(b)) => a == b,
        (SchemaRef::Inline(a), SchemaRef::Inline(b)) => a.schema_kind == b.schema_kind,
        _ => false,
    }
}

/// A schema that only wraps one `allOf` part (Atlas's way to describe a `$ref`) is that part.
fn unwrapped(schema: SchemaRef<'_>) -> SchemaRef<'_> {
    match schema {
        SchemaRef::Inline(Schema {
            schema_kind: SchemaKind::AllOf { all_of },
            ..
        }) if all_of.len() == 1 => unwrapped((&all_of[0]).into()),
        other => other,
    }
}

fn inline_string(schema: SchemaRef<'_>) -> Option<&StringType> {
    match unwrapped(schema) {
        SchemaRef::Inline(Schema {
            schema_kind: SchemaKind::Type(Type::String(string)),
            ..
        }) => Some(string),
        _ => None,
    }
}

/// Whether gathering reaches every property of a schema: an object or an `allOf`, not a
/// primitive, an array or a union.
pub(super) fn holds_properties(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(_)) | SchemaKind::AllOf { .. } => true,
        SchemaKind::Any(any) => {
            // A base type (`load/inheritance.rs`) is a union of its subtypes, but its own
            // properties are what they share: as an alternative, it is those.
            let base = schema.schema_data.discriminator.is_some() && !any.properties.is_empty();
            (base || (any.one_of.is_empty() && any.any_of.is_empty()))
                && matches!(any.typ.as_deref(), None | Some("object"))
        }
        _ => false,
    }
}

/// For a definition an alternative takes from a component, that component's name: its inline
/// types are named after it whichever schema is lowered first, as when it is lowered itself.
fn home(definition: &Definition<'_>, union: &Union<'_>) -> Option<String> {
    definition.alternative?;
    let at = definition.property.at.to_string();
    if at.starts_with(&format!("{}/", union.at)) {
        // An inline alternative: its types are the struct's own.
        return None;
    }
    let mut segments = definition.property.at.segments();
    let in_components = segments.next()? == "components" && segments.next()? == "schemas";
    in_components.then(|| segments.next()).flatten()
}

/// The property every alternative fixes to a value of its own (a one-value string `enum`), if
/// there is one; each alternative gets its value.
fn tag_property(
    groups: &[Vec<Definition<'_>>],
    alternatives: &mut [Alternative],
) -> Option<String> {
    for group in groups {
        let tags: Option<Vec<&str>> = (0..alternatives.len())
            .map(|index| {
                group
                    .iter()
                    .filter(|d| d.alternative == Some(index))
                    .find_map(
                        |d| match inline_string(d.property.schema)?.enumeration.as_slice() {
                            [Some(value)] => Some(value.as_str()),
                            _ => None,
                        },
                    )
            })
            .collect();
        let Some(tags) = tags else {
            continue;
        };
        if (1..tags.len()).all(|i| !tags[..i].contains(&tags[i])) {
            for (alternative, tag) in alternatives.iter_mut().zip(tags) {
                alternative.tag = Some(tag.to_owned());
            }
            return Some(group[0].property.name.to_owned());
        }
    }
    None
}

/// The constraints every definition has, and the names of those some lack or set otherwise.
fn shared_constraints(definitions: &[&Definition<'_>]) -> (Constraints, Vec<&'static str>) {
    let all: Vec<Constraints> = definitions
        .iter()
        .map(|d| match unwrapped(d.property.schema) {
            SchemaRef::Inline(schema) => constraints_of(schema),
            SchemaRef::Ref(_) => Constraints::default(),
        })
        .collect();
    let mut dropped = Vec::new();
    let shared = Constraints {
        pattern: keep(&all, "pattern", |c| &c.pattern, &mut dropped),
        default: keep(&all, "default", |c| &c.default, &mut dropped),
        minimum: keep(&all, "minimum", |c| &c.minimum, &mut dropped),
        maximum: keep(&all, "maximum", |c| &c.maximum, &mut dropped),
        exclusive_minimum: keep(
            &all,
            "exclusiveMinimum",
            |c| &c.exclusive_minimum,
            &mut dropped,
        ),
        exclusive_maximum: keep(
            &all,
            "exclusiveMaximum",
            |c| &c.exclusive_maximum,
            &mut dropped,
        ),
        min_length: keep(&all, "minLength", |c| &c.min_length, &mut dropped),
        max_length: keep(&all, "maxLength", |c| &c.max_length, &mut dropped),
        // An example is documentation, not validation: kept when all agree, else left out.
        example: all
            .first()
            .and_then(|first| first.example.clone())
            .filter(|example| all.iter().all(|c| c.example.as_ref() == Some(example))),
        min_items: keep(&all, "minItems", |c| &c.min_items, &mut dropped),
        max_items: keep(&all, "maxItems", |c| &c.max_items, &mut dropped),
        allowed_values: keep(&all, "enum", |c| &c.allowed_values, &mut dropped),
    };
    (shared, dropped)
}

/// One constraint, kept when every definition has the same; otherwise dropped, and named.
fn keep<T: PartialEq + Clone + Default>(
    all: &[Constraints],
    name: &'static str,
    get: fn(&Constraints) -> &T,
    dropped: &mut Vec<&'static str>,
) -> T {
    let first = get(&all[0]);
    if all.iter().all(|c| get(c) == first) {
        first.clone()
    } else {
        dropped.push(name);
        T::default()
    }
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
