//! What each type prints as: its main definition and, where the shapes differ, its request
//! shape, each with its docs and everything in its body decided (member names and types, how
//! each field is present, what `new` takes, what `validate` checks, which variants a union has
//! and what tells them apart). `emit` prints these and reads nothing of the model.

use serde::Serialize;

use super::{PatternCheck, Plan, Presence, RustType, TypeId, TypePlan, View};
use crate::ir::{Field, MergedOneOf, TypeDef, TypeKind, TypeRef, Variant};

/// One type definition to print.
#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    /// The view it is for: the type's main view, or `request` for a request shape.
    pub view: View,
    /// Its docs.
    pub docs: DefinitionDocs,
    /// Whether the old names of the type (`Plan::shims`) are printed beside it: beside the main
    /// definition, or the request shape of a type that is only ever sent.
    pub with_shims: bool,
    /// What it is.
    pub body: Body,
}

/// The docs of a definition.
#[derive(Debug, Clone, Serialize)]
pub struct DefinitionDocs {
    /// The schema's description, else its title, else where it is in the spec.
    pub summary: String,
    /// Deprecated in the spec.
    pub deprecated: bool,
    /// A request shape, which links to the type it is the shape of.
    pub request_shape: bool,
    /// For a struct holding a `oneOf`'s alternatives: which they are.
    pub one_of: Option<OneOfDocs>,
}

/// The alternatives a struct holds the fields of.
#[derive(Debug, Clone, Serialize)]
pub struct OneOfDocs {
    /// Each alternative, in spec order.
    pub alternatives: Vec<OneOfAlternative>,
    /// The property that tells them apart, when each fixes it.
    pub tag_property: Option<String>,
}

/// An alternative of a `oneOf` whose fields a struct holds.
#[derive(Debug, Clone, Serialize)]
pub struct OneOfAlternative {
    /// How the docs name it.
    pub link: AlternativeLink,
    /// Its value of the tag property, when the spec fixes one.
    pub tag: Option<String>,
}

/// How the docs name an alternative.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlternativeLink {
    /// A type in the same file: a link that resolves by itself (rustdoc refuses a redundant
    /// explicit one).
    Local(String),
    /// A type in another file: a link by path.
    Elsewhere(String),
    /// No type of its own: its label, as text.
    Label(String),
}

/// The body of a definition.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// A struct.
    Struct(StructShape),
    /// An open string enum: each variant and its wire value; `fallback` keeps other values.
    Enum {
        /// The variant keeping values the client does not know.
        fallback: String,
        /// Variant names and wire values, in spec order.
        values: Vec<(String, String)>,
    },
    /// `pub type Name = ...;`: another name for a type.
    Alias(RustType),
    /// `pub type Name = IndexMap<String, ...>;`: a map with no fixed properties.
    Map(RustType),
    /// A union of alternatives.
    Union(UnionShape),
}

/// A struct's members and methods.
#[derive(Debug, Clone, Serialize)]
pub struct StructShape {
    /// Its fields, in spec order.
    pub fields: Vec<FieldShape>,
    /// The member keeping what the fields do not type, when it has one.
    pub keep: Option<KeepMember>,
    /// The values of `additionalProperties`: serde's derives, for `#[serde(flatten)]`.
    pub additional: Option<RustType>,
    /// Whether `new` takes the fields the spec requires (`TypePlan::new_takes_required`).
    pub new_takes_required: bool,
    /// The checks of its `validate` method, when it has one.
    pub validate: Option<Vec<FieldCheck>>,
    /// The request shape `to_request` returns, on an answer's struct that has one.
    pub to_request: Option<RustType>,
}

/// The member keeping what a struct does not type.
#[derive(Debug, Clone, Serialize)]
pub struct KeepMember {
    /// Its name.
    pub member: String,
    /// The struct is an answer's (it keeps what came); else a request shape that carries kept
    /// properties back, except those the server sets.
    pub answer: bool,
    /// The properties a request shape never carries back: those the server sets (`readOnly`).
    pub read_only: Vec<String>,
}

/// One field of a struct.
#[derive(Debug, Clone, Serialize)]
pub struct FieldShape {
    /// Its Rust name.
    pub rust_name: String,
    /// Its JSON name.
    pub wire_name: String,
    /// The type of its value, before [`Presence`].
    pub ty: RustType,
    /// How it is present.
    pub presence: Presence,
    /// Whether `new` takes it.
    pub in_new: bool,
    /// Its description, else its JSON name.
    pub description: String,
    /// Its pattern, and whether this client checks it.
    pub pattern: Option<(String, bool)>,
    /// Deprecated in the spec.
    pub deprecated: bool,
}

/// One check of a `validate` method.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldCheck {
    /// The field's text must match a pattern.
    Pattern {
        /// The field's JSON name (the error names it).
        wire_name: String,
        /// Its member.
        member: String,
        /// The pattern.
        pattern: String,
    },
    /// The values the field holds have checks of their own.
    Nested {
        /// Its member.
        member: String,
        /// How it is present.
        presence: Presence,
        /// Where the values are in it.
        holds: Holds,
    },
}

/// Where a field's checked values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holds {
    /// The value itself.
    Value,
    /// The items of a `Vec`.
    Items,
    /// The values of a map.
    Values,
}

/// A union's variants.
#[derive(Debug, Clone, Serialize)]
pub struct UnionShape {
    /// Each alternative, in spec order.
    pub variants: Vec<VariantShape>,
    /// The tag property and the fallback variant of a tagged union; `None`: untagged.
    pub tag: Option<UnionTag>,
}

/// What tells a tagged union's variants apart.
#[derive(Debug, Clone, Serialize)]
pub struct UnionTag {
    /// The property.
    pub property: String,
    /// The generator inferred it (the spec names no discriminator).
    pub inferred: bool,
    /// The variant keeping unknown tags.
    pub fallback: String,
}

/// One variant of a union.
#[derive(Debug, Clone, Serialize)]
pub struct VariantShape {
    /// Its name.
    pub rust_name: String,
    /// The type it holds.
    pub ty: RustType,
    /// The tag values that select it (tagged unions).
    pub tags: Vec<String>,
    /// The properties the alternative requires, which untagged decoding looks for first.
    pub required: Vec<String>,
}

/// Fills in the definitions of every type: its main one, then its request shape.
pub(super) fn plan_definitions(plan: &mut Plan<'_>) {
    let definitions: Vec<Vec<Definition>> = (0..plan.types.len())
        .map(|index| {
            let type_plan = &plan.types[index];
            let mut views = vec![type_plan.main_view];
            if type_plan.request_file.is_some() {
                views.push(View::Request);
            }
            views
                .into_iter()
                .map(|view| definition(plan, TypeId(index), view))
                .collect()
        })
        .collect();
    for (type_plan, definitions) in plan.types.iter_mut().zip(definitions) {
        type_plan.definitions = definitions;
    }
}

fn definition(plan: &Plan<'_>, id: TypeId, view: View) -> Definition {
    let def = plan.def(id);
    let type_plan = plan.type_plan(id);
    let one_of = match &def.kind {
        TypeKind::Struct {
            one_of: Some(merged),
            ..
        } => Some(one_of_docs(plan, type_plan, merged, view)),
        _ => None,
    };
    let docs = DefinitionDocs {
        summary: (def.description.clone().or_else(|| def.title.clone()))
            .unwrap_or_else(|| format!("`{}` in the spec (`{}`).", def.name, def.pointer)),
        deprecated: def.deprecated,
        request_shape: view == View::Request && type_plan.request_view.is_some(),
        one_of,
    };
    Definition {
        view,
        with_shims: view != View::Request || type_plan.request_view.is_none(),
        docs,
        body: body(plan, def, type_plan, view),
    }
}

fn body(plan: &Plan<'_>, def: &TypeDef, type_plan: &TypePlan, view: View) -> Body {
    let fallback = || (type_plan.fallback_variant.clone()).unwrap_or_else(|| "Unknown".to_owned());
    match &def.kind {
        TypeKind::Struct {
            fields,
            additional_properties,
            ..
        } => Body::Struct(struct_shape(
            plan,
            def,
            type_plan,
            view,
            fields,
            additional_properties.as_ref(),
        )),
        TypeKind::Enum { values } => Body::Enum {
            fallback: fallback(),
            values: (values.iter())
                .map(|v| (v.rust_name.clone(), v.value.clone()))
                .collect(),
        },
        TypeKind::Alias { target, .. } => Body::Alias(plan.rust_type(target, view)),
        TypeKind::Map { values } => {
            Body::Map(RustType::Map(Box::new(plan.rust_type(values, view))))
        }
        TypeKind::OneOf {
            variants,
            discriminator,
        } => Body::Union(UnionShape {
            variants: (variants.iter())
                .map(|variant| variant_shape(plan, def, variant, view))
                .collect(),
            tag: discriminator.as_ref().map(|d| UnionTag {
                property: d.property.clone(),
                inferred: d.inferred,
                fallback: fallback(),
            }),
        }),
    }
}

/// Which alternatives a struct holds the fields of, linked from the file of the definition.
fn one_of_docs(
    plan: &Plan<'_>,
    type_plan: &TypePlan,
    merged: &MergedOneOf,
    view: View,
) -> OneOfDocs {
    let file_of = |name: &str| plan.type_plan_named(name).map(|t| t.file);
    let home = match (view, type_plan.request_file) {
        (View::Request, Some(request_file)) => Some(request_file),
        _ => Some(type_plan.file),
    };
    let alternatives = (merged.alternatives.iter())
        .map(|alternative| OneOfAlternative {
            link: match &alternative.type_name {
                Some(name) if file_of(name) == home => AlternativeLink::Local(name.clone()),
                Some(name) => AlternativeLink::Elsewhere(name.clone()),
                None => AlternativeLink::Label(alternative.label.clone()),
            },
            tag: merged.tag_property.as_ref().and(alternative.tag.clone()),
        })
        .collect();
    OneOfDocs {
        alternatives,
        tag_property: merged.tag_property.clone(),
    }
}

fn struct_shape(
    plan: &Plan<'_>,
    def: &TypeDef,
    type_plan: &TypePlan,
    view: View,
    fields: &[Field],
    additional: Option<&TypeRef>,
) -> StructShape {
    let answer = type_plan.is_answer(view);
    let new_takes_required = type_plan.new_takes_required(view);
    let in_view: Vec<&Field> = Plan::fields_in(fields, view).collect();
    let keep = type_plan.unknown_member.as_ref().map(|member| KeepMember {
        member: member.clone(),
        answer,
        read_only: (fields.iter())
            .filter(|f| f.read_only)
            .map(|f| f.name.clone())
            .collect(),
    });
    let validates = view == View::Request || type_plan.request_view.is_none();
    let validate = (type_plan.validation.as_ref())
        .filter(|_| validates)
        .map(|checks| {
            (checks.iter())
                .filter_map(|check| field_check(&in_view, check, answer))
                .collect()
        });
    StructShape {
        fields: (in_view.iter())
            .map(|field| field_shape(plan, def, field, view, answer, new_takes_required))
            .collect(),
        keep,
        additional: additional.map(|values| plan.held_type(&def.rust_name, values, view)),
        new_takes_required,
        validate,
        to_request: (type_plan.request_view.as_ref())
            .filter(|_| answer)
            .map(|path| RustType::Model(path.clone())),
    }
}

fn field_shape(
    plan: &Plan<'_>,
    def: &TypeDef,
    field: &Field,
    view: View,
    answer: bool,
    new_takes_required: bool,
) -> FieldShape {
    let presence = Presence::of(field, answer);
    let in_new = match presence {
        Presence::Required | Presence::Nullable => true,
        Presence::Optional | Presence::Tristate => field.required && new_takes_required,
    };
    FieldShape {
        rust_name: field.rust_name.clone(),
        wire_name: field.name.clone(),
        ty: plan.held_type(&def.rust_name, &field.ty, view),
        presence,
        in_new,
        description: (field.description.clone()).unwrap_or_else(|| format!("`{}`.", field.name)),
        pattern: (field.constraints.pattern.as_ref()).map(|p| (p.regex.clone(), p.checkable)),
        deprecated: field.deprecated,
    }
}

/// `answer`: the struct is an answer's, whose fields are all `Option`s.
fn field_check(fields: &[&Field], check: &PatternCheck, answer: bool) -> Option<FieldCheck> {
    let (PatternCheck::Pattern { field: name, .. } | PatternCheck::Nested { field: name }) = check;
    let field = fields.iter().find(|f| &f.name == name)?;
    if let PatternCheck::Pattern { pattern, .. } = check {
        return Some(FieldCheck::Pattern {
            wire_name: name.clone(),
            member: field.rust_name.clone(),
            pattern: pattern.clone(),
        });
    }
    let holds = match &field.ty {
        TypeRef::Named { .. } => Holds::Value,
        TypeRef::Array { .. } => Holds::Items,
        TypeRef::Map { .. } => Holds::Values,
        _ => return None,
    };
    Some(FieldCheck::Nested {
        member: field.rust_name.clone(),
        presence: Presence::of(field, answer),
        holds,
    })
}

fn variant_shape(plan: &Plan<'_>, def: &TypeDef, variant: &Variant, view: View) -> VariantShape {
    let required = match &variant.ty {
        TypeRef::Named { name } => match plan.type_def(name).map(|def| &def.kind) {
            Some(TypeKind::Struct { fields, .. }) => Plan::fields_in(fields, view)
                .filter(|f| f.required)
                .map(|f| f.name.clone())
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    VariantShape {
        rust_name: variant.rust_name.clone(),
        ty: plan.held_type(&def.rust_name, &variant.ty, view),
        tags: variant.tags.clone(),
        required,
    }
}
