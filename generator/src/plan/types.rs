//! What is emitted for each type: the view (request or response) of its main definition, a
//! second, request-only shape where the two differ (`readOnly`/`writeOnly`), which fields are
//! boxed, and the name of the variant that keeps values the client does not know.

use std::collections::BTreeSet;

use serde::Serialize;

use super::features::{Gate, TypeFileId};
use super::graph::{boxed_edges, closure, named_in, refs_of};
use super::validation::PatternCheck;
use super::Definition;
use super::{Plan, TypeId};
use crate::ir::{Field, TypeKind, TypeRef};
use crate::names;

/// Which side of the wire a type is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// Sent by the server: `writeOnly` fields are left out.
    Response,
    /// Sent by the client: `readOnly` fields are left out.
    Request,
}

/// The decisions about one type of the model.
#[derive(Debug, Clone, Serialize)]
pub struct TypePlan {
    /// Its index.
    pub id: TypeId,
    /// The schema's name in the spec.
    pub api_name: String,
    /// The Rust name of its main definition.
    pub rust_name: String,
    /// The view of the main definition: `request` for types only ever sent.
    pub main_view: View,
    /// The path from `types` of a second, request-only definition, when the shapes differ:
    /// `request::<rust_name>`.
    pub request_view: Option<String>,
    /// The file of the request-only definition, in the `request` module.
    pub request_file: Option<TypeFileId>,
    /// Sent in some request body (directly or inside another type).
    pub sent: bool,
    /// Received in some response body, success or error.
    pub received: bool,
    /// The types its fields hold directly that must be boxed (they lead back to it).
    pub boxed: BTreeSet<TypeId>,
    /// The name of the variant keeping unknown values (enums and tagged unions): `Unknown`,
    /// unless the spec has a variant by that name.
    pub fallback_variant: Option<String>,
    /// For a struct whose main definition is an answer's (the response view): the member that
    /// keeps what it does not type (undeclared properties, unexpected `null`s, values of another
    /// type). Such a struct has every field optional, since the server does not always send what
    /// the spec requires; request shapes stay exactly the spec.
    pub unknown_member: Option<String>,
    /// When it is compiled.
    pub gate: Gate,
    /// The file it is emitted in.
    pub file: TypeFileId,
    /// The pattern checks of its request shape's `validate` method; `None` when it has none.
    pub validation: Option<Vec<PatternCheck>>,
    /// What it prints as: its main definition, then its request shape when it has one.
    #[serde(skip)]
    pub definitions: Vec<Definition>,
}

impl TypePlan {
    /// The name of the shape sent in requests.
    pub fn request_name(&self) -> &str {
        self.request_view.as_deref().unwrap_or(&self.rust_name)
    }
}

/// Views, request shapes, boxing and fallback variants of every type; gates, modules and
/// validation are filled in by later steps.
pub fn plan_types(plan: &Plan<'_>) -> Vec<TypePlan> {
    let (requests, responses) = sides(plan);
    let split = split_shapes(plan, &requests, &responses);
    let mut boxed = boxed_edges(plan);
    plan.api
        .types
        .iter()
        .enumerate()
        .map(|(index, def)| {
            let id = TypeId(index);
            let request_only = requests.contains(&id) && !responses.contains(&id);
            let main_view = if request_only {
                View::Request
            } else {
                View::Response
            };
            TypePlan {
                id,
                api_name: def.name.clone(),
                rust_name: def.rust_name.clone(),
                main_view,
                request_view: split
                    .contains(&id)
                    .then(|| names::request_view_path(&def.rust_name)),
                request_file: None,
                sent: requests.contains(&id),
                received: responses.contains(&id),
                boxed: boxed.remove(&id).unwrap_or_default(),
                fallback_variant: fallback_variant(&def.kind),
                unknown_member: unknown_member(&def.kind, main_view),
                gate: Gate::Unreferenced,
                file: TypeFileId(0),
                validation: None,
                definitions: Vec::new(),
            }
        })
        .collect()
}

/// The types reachable from request bodies, and those reachable from responses. A struct that
/// holds a `oneOf`'s alternatives' fields is one of them in the user's eyes: they are sent and
/// received where it is, so each has its shape in that view (and is sampled there).
fn sides(plan: &Plan<'_>) -> (BTreeSet<TypeId>, BTreeSet<TypeId>) {
    let mut request_roots = Vec::new();
    let mut response_roots = Vec::new();
    for operation in &plan.api.operations {
        for content in operation.request_body.iter().flat_map(|b| &b.contents) {
            request_roots.extend(content.schema.iter().flat_map(named_in));
        }
        for response in operation.success.iter().chain(&operation.errors) {
            for content in &response.contents {
                response_roots.extend(content.schema.iter().flat_map(named_in));
            }
        }
    }
    (closure(plan, request_roots), closure(plan, response_roots))
}

/// Types on both sides whose shapes differ: they have `readOnly`/`writeOnly` fields, or hold a
/// type that does. Each gets a second, request-only definition.
fn split_shapes(
    plan: &Plan<'_>,
    requests: &BTreeSet<TypeId>,
    responses: &BTreeSet<TypeId>,
) -> BTreeSet<TypeId> {
    let shared: Vec<TypeId> = requests.intersection(responses).copied().collect();
    let mut split = BTreeSet::new();
    loop {
        let before = split.len();
        for &id in &shared {
            let def = plan.def(id);
            let own_difference = matches!(&def.kind, TypeKind::Struct { fields, .. }
                if fields.iter().any(|f| f.read_only || f.write_only));
            let holds_split = refs_of(def)
                .iter()
                .filter_map(|name| plan.type_id(name))
                .any(|held| split.contains(&held));
            if own_difference || holds_split {
                split.insert(id);
            }
        }
        if split.len() == before {
            return split;
        }
    }
}

/// How a field is present in the JSON: the one reading of `required` and `nullable` (and of
/// whether the struct is an answer's) that the field's Rust type, its `record_impls!` kind,
/// its validation and the pages' `results` all follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Always there, never `null`: the plain type.
    Required,
    /// Always there, maybe `null`: an `Option`.
    Nullable,
    /// Maybe absent, never `null`: an `Option`.
    Optional,
    /// Maybe absent, maybe `null`: an `Option<Option<_>>`.
    Tristate,
}

impl Presence {
    /// `answer`: the struct is an answer's, where nothing the spec requires is sure to come.
    pub fn of(field: &Field, answer: bool) -> Self {
        match (field.required && !answer, field.nullable) {
            (true, false) => Presence::Required,
            (true, true) => Presence::Nullable,
            (false, false) => Presence::Optional,
            (false, true) => Presence::Tristate,
        }
    }
}

impl TypePlan {
    /// How a field of this struct is present in the definition emitted in `view`.
    pub fn presence(&self, field: &Field, view: View) -> Presence {
        Presence::of(field, self.is_answer(view))
    }

    /// Whether the definition emitted in `view` is an answer's struct (it keeps what it does
    /// not type, and every field is optional).
    pub fn is_answer(&self, view: View) -> bool {
        view == self.main_view && self.unknown_member.is_some()
    }

    /// Whether `new` of the definition emitted in `view` takes the fields the spec requires.
    /// A request shape's does (a request checks them, and a new required field there breaks
    /// callers on the wire too). An answer's struct takes nothing and is built from `Default`:
    /// every field of it is an `Option` anyway, so neither a field the spec newly requires in
    /// an answer nor a new operation that starts sending the type (changes Atlas calls
    /// compatible) changes anything a caller wrote.
    pub fn new_takes_required(&self, view: View) -> bool {
        !self.is_answer(view)
    }
}

/// The member keeping what an answer's struct does not type. Structs with
/// `additionalProperties` keep the extra properties in their own map already.
fn unknown_member(kind: &TypeKind, main_view: View) -> Option<String> {
    match (kind, main_view) {
        (
            TypeKind::Struct {
                fields,
                additional_properties: None,
                ..
            },
            View::Response,
        ) => {
            let taken: Vec<&str> = fields.iter().map(|f| f.rust_name.as_str()).collect();
            Some(names::unknown_member_name(&taken))
        }
        _ => None,
    }
}

/// The variant that keeps values the client does not know, for the kinds that have one.
fn fallback_variant(kind: &TypeKind) -> Option<String> {
    let taken: Vec<&str> = match kind {
        TypeKind::Enum { values } => values.iter().map(|v| v.rust_name.as_str()).collect(),
        TypeKind::OneOf {
            variants,
            discriminator: Some(_),
        } => variants.iter().map(|v| v.rust_name.as_str()).collect(),
        _ => return None,
    };
    Some(names::fallback_variant_name(&taken))
}

/// Whether a type reference is a plain string (what pattern checks apply to).
pub fn is_plain_string(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::String { format: None })
}
