//! What the emitters need to know beyond the model itself, worked out once: which types need a
//! separate request shape (because of `readOnly`/`writeOnly`), which references must be boxed
//! (because they close a cycle), which parameters get validated newtypes, and which schema is the
//! API's error body.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::ir::{
    Api, Field, Operation, Parameter, ParameterLocation, StatusSpec, TypeDef, TypeKind, TypeRef,
};
use crate::names::{self, NameScope};

/// Which side of the wire a type is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Sent by the server: `writeOnly` fields are left out.
    Response,
    /// Sent by the client: `readOnly` fields are left out.
    Request,
}

/// A validated newtype for string parameters with a `pattern`.
#[derive(Debug, Clone)]
pub struct ParamType {
    /// The Rust type name, e.g. `GroupId`.
    pub rust_name: String,
    /// The parameter's wire name.
    pub api_name: String,
    /// The pattern values must match.
    pub pattern: String,
    /// The parameter's description, from its first use.
    pub description: Option<String>,
}

/// A cargo feature of the generated crate: one per tag.
#[derive(Debug, Clone)]
pub struct Feature {
    /// The tag, as in the spec.
    pub tag: String,
    /// The feature name (kebab case).
    pub name: String,
    /// The module holding the tag's operations and its own types (snake case).
    pub module: String,
}

/// When a generated item is compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// Always: the error type and what it needs.
    Always,
    /// When any of these features is on.
    AnyOf(Vec<String>),
    /// Only with the feature for schemas no operation uses.
    Unreferenced,
}

/// The feature that enables schemas no operation uses.
pub const UNREFERENCED_FEATURE: &str = "unreferenced-schemas";

/// The model plus the facts derived from it.
pub struct EmitModel<'a> {
    /// The model.
    pub api: &'a Api,
    types: BTreeMap<&'a str, &'a TypeDef>,
    request_only: BTreeSet<String>,
    in_requests: BTreeSet<String>,
    in_responses: BTreeSet<String>,
    validated: BTreeSet<String>,
    request_views: BTreeMap<String, String>,
    boxed: HashSet<(String, String)>,
    param_types: BTreeMap<(String, String), ParamType>,
    /// The Rust name of the schema most error responses use (Atlas: `ApiError`).
    pub error_type: Option<String>,
    /// One feature per tag, in name order.
    pub features: Vec<Feature>,
    operation_features: HashMap<String, usize>,
    type_features: BTreeMap<String, BTreeSet<String>>,
    always: BTreeSet<String>,
    /// (operationId, exchange suffix) to (method name, builder name).
    exchange_names: HashMap<(String, Option<String>), (String, String)>,
}

impl<'a> EmitModel<'a> {
    /// Works out the derived facts.
    pub fn new(api: &'a Api) -> Self {
        let types: BTreeMap<&str, &TypeDef> = api
            .types
            .iter()
            .map(|t| (t.rust_name.as_str(), t))
            .collect();
        let mut model = EmitModel {
            api,
            types,
            request_only: BTreeSet::new(),
            in_requests: BTreeSet::new(),
            in_responses: BTreeSet::new(),
            validated: BTreeSet::new(),
            request_views: BTreeMap::new(),
            boxed: HashSet::new(),
            param_types: BTreeMap::new(),
            error_type: None,
            features: Vec::new(),
            operation_features: HashMap::new(),
            type_features: BTreeMap::new(),
            always: BTreeSet::new(),
            exchange_names: HashMap::new(),
        };
        model.plan_views();
        model.plan_boxes();
        model.validated = super::validation::validated_types(&model);
        model.plan_param_types();
        model.error_type = most_common_error_schema(api);
        model.plan_features();
        model.plan_exchange_names();
        model
    }

    /// The method and builder names of one way to call an operation.
    pub fn exchange_names(&self, operation: &Operation, suffix: Option<&str>) -> (String, String) {
        let key = (operation.operation_id.clone(), suffix.map(str::to_owned));
        self.exchange_names
            .get(&key)
            .cloned()
            .unwrap_or_else(|| (operation.rust_name.clone(), operation.type_prefix.clone()))
    }

    /// Every operation keeps its own name; the extra versions and formats take `<name>_<suffix>`,
    /// or, when another operation already has that name (Atlas has both `getOrgInvoice` and
    /// `getOrgInvoiceCsv`), the first free numbered variant of it.
    fn plan_exchange_names(&mut self) {
        let mut methods = NameScope::new("client methods");
        let mut builders = NameScope::new("request builders");
        for reserved in names::CLIENT_METHODS {
            methods.claim_distinct(reserved, (*reserved).to_owned());
        }
        for operation in &self.api.operations {
            let method =
                methods.claim_distinct(&operation.operation_id, operation.rust_name.clone());
            let builder =
                builders.claim_distinct(&operation.operation_id, operation.type_prefix.clone());
            self.exchange_names
                .insert((operation.operation_id.clone(), None), (method, builder));
        }
        for operation in &self.api.operations {
            for exchange in crate::emit::versions::exchanges(operation) {
                let Some(suffix) = exchange.suffix else {
                    continue;
                };
                let method = format!("{}_{suffix}", operation.rust_name.trim_start_matches("r#"));
                let builder = format!("{}{}", operation.type_prefix, names::type_name(&suffix));
                let names = (
                    methods.claim_distinct(&operation.operation_id, method),
                    builders.claim_distinct(&operation.operation_id, builder),
                );
                self.exchange_names
                    .insert((operation.operation_id.clone(), Some(suffix)), names);
            }
        }
    }

    /// The feature an operation belongs to (its first tag's).
    pub fn feature_of(&self, operation: &Operation) -> &Feature {
        let index = self
            .operation_features
            .get(&operation.operation_id)
            .copied()
            .unwrap_or(0);
        &self.features[index]
    }

    /// When a type is compiled.
    pub fn type_gate(&self, rust_name: &str) -> Gate {
        if self.always.contains(rust_name) {
            return Gate::Always;
        }
        match self.type_features.get(rust_name) {
            Some(features) if !features.is_empty() => {
                Gate::AnyOf(features.iter().cloned().collect())
            }
            _ => Gate::Unreferenced,
        }
    }

    /// When a validated parameter type is compiled: when any operation using it is.
    pub fn param_gate(&self, param: &ParamType) -> Gate {
        let mut features = BTreeSet::new();
        for operation in &self.api.operations {
            let uses = operation.parameters.iter().any(|p| {
                p.name == param.api_name
                    && p.constraints.pattern.as_ref().and_then(|p| p.checked())
                        == Some(param.pattern.as_str())
            });
            if uses {
                features.insert(self.feature_of(operation).name.clone());
            }
        }
        Gate::AnyOf(features.into_iter().collect())
    }

    /// One feature per tag; each type is compiled when a feature whose operations reach it is on.
    fn plan_features(&mut self) {
        let mut scope = NameScope::new("tags");
        // Names the crate uses itself: a tag called `Shared` or `Full` must not take them.
        for reserved in [
            "default",
            "full",
            "shared",
            "unreferenced",
            UNREFERENCED_FEATURE,
        ] {
            scope.claim_distinct(reserved, reserved.to_owned());
        }
        let mut by_tag: BTreeMap<String, Vec<&Operation>> = BTreeMap::new();
        for operation in &self.api.operations {
            let tag = operation
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| "untagged".to_owned());
            by_tag.entry(tag).or_default().push(operation);
        }
        for (tag, operations) in by_tag {
            let name = scope.claim_distinct(&tag, names::feature_name(&tag));
            let index = self.features.len();
            self.features.push(Feature {
                module: names::module_name(&name),
                name: name.clone(),
                tag,
            });
            let mut roots = Vec::new();
            for operation in operations {
                self.operation_features
                    .insert(operation.operation_id.clone(), index);
                roots.extend(operation_roots(operation));
            }
            for reached in self.closure_with(roots, linked_of) {
                self.type_features
                    .entry(reached)
                    .or_default()
                    .insert(name.clone());
            }
        }
        let error_roots: Vec<&str> = self.error_type.iter().map(String::as_str).collect();
        self.always = self.closure_with(error_roots, linked_of);
    }

    /// A type by Rust name.
    pub fn type_def(&self, rust_name: &str) -> Option<&'a TypeDef> {
        self.types.get(rust_name).copied()
    }

    /// The view a type's main definition is emitted in.
    pub fn main_view(&self, rust_name: &str) -> View {
        if self.request_only.contains(rust_name) {
            View::Request
        } else {
            View::Response
        }
    }

    /// Whether a type is sent in some request body (directly or inside another type).
    pub fn is_sent(&self, rust_name: &str) -> bool {
        self.in_requests.contains(rust_name)
    }

    /// Whether a type is received in some response body, success or error (directly or inside
    /// another type).
    pub fn is_received(&self, rust_name: &str) -> bool {
        self.in_responses.contains(rust_name)
    }

    /// Whether the request shape of a type has a `validate` method.
    pub fn has_validate(&self, rust_name: &str) -> bool {
        self.validated.contains(rust_name)
    }

    /// The name of a separate request shape of a type, if it has one.
    pub fn request_view(&self, rust_name: &str) -> Option<&str> {
        self.request_views.get(rust_name).map(String::as_str)
    }

    /// The Rust name to use for a type in a view.
    pub fn name_in<'n>(&'n self, rust_name: &'n str, view: View) -> &'n str {
        match view {
            View::Request => self.request_view(rust_name).unwrap_or(rust_name),
            View::Response => rust_name,
        }
    }

    /// Whether a field of `from` that holds a `to` directly must be boxed (they are in a cycle).
    pub fn needs_box(&self, from: &str, to: &str) -> bool {
        self.boxed.contains(&(from.to_owned(), to.to_owned()))
    }

    /// The fields of a struct that belong in a view.
    pub fn fields_in(fields: &[Field], view: View) -> impl Iterator<Item = &Field> {
        fields.iter().filter(move |f| match view {
            View::Request => !f.read_only,
            View::Response => !f.write_only,
        })
    }

    /// The validated newtype for a parameter, if it has a usable pattern.
    pub fn param_type(&self, parameter: &Parameter) -> Option<&ParamType> {
        let pattern = parameter.constraints.pattern.as_ref()?.checked()?;
        self.param_types
            .get(&(parameter.name.clone(), pattern.to_owned()))
    }

    /// Every validated newtype, in name order.
    pub fn param_types(&self) -> Vec<&ParamType> {
        let mut all: Vec<&ParamType> = self.param_types.values().collect();
        all.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
        all
    }

    /// Types reachable from request bodies and from responses decide each type's view; a type on
    /// both sides whose shapes differ gets a second, request-only definition named `<Type>Request`.
    fn plan_views(&mut self) {
        let mut request_roots = Vec::new();
        let mut response_roots = Vec::new();
        for operation in &self.api.operations {
            for content in operation.request_body.iter().flat_map(|b| &b.contents) {
                request_roots.extend(content.schema.iter().flat_map(named_in));
            }
            for response in operation.success.iter().chain(&operation.errors) {
                for content in &response.contents {
                    response_roots.extend(content.schema.iter().flat_map(named_in));
                }
            }
        }
        // A struct that holds a `oneOf`'s alternatives' fields is one of them in the user's eyes:
        // they are sent and received where it is, so each has its shape in that view (and is
        // sampled there).
        let requests = self.closure_with(request_roots, linked_of);
        let responses = self.closure_with(response_roots, linked_of);
        self.in_requests = requests.clone();
        self.in_responses = responses.clone();
        self.request_only = requests.difference(&responses).cloned().collect();
        let shared: BTreeSet<String> = requests.intersection(&responses).cloned().collect();

        let mut split: BTreeSet<String> = BTreeSet::new();
        loop {
            let before = split.len();
            for name in &shared {
                let Some(def) = self.type_def(name) else {
                    continue;
                };
                let own_difference = matches!(&def.kind, TypeKind::Struct { fields, .. }
                    if fields.iter().any(|f| f.read_only || f.write_only));
                if own_difference || refs_of(def).iter().any(|r| split.contains(*r)) {
                    split.insert(name.clone());
                }
            }
            if split.len() == before {
                break;
            }
        }
        let mut scope = NameScope::new("schemas");
        for def in &self.api.types {
            scope.claim_distinct(&def.name, def.rust_name.clone());
        }
        for name in split {
            let view_name = scope.claim_distinct(&name, format!("{name}Request"));
            self.request_views.insert(name, view_name);
        }
    }

    /// The types reachable from `roots` along `edges`.
    fn closure_with(&self, roots: Vec<&str>, edges: fn(&TypeDef) -> Vec<&str>) -> BTreeSet<String> {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut pending = roots;
        while let Some(name) = pending.pop() {
            if !seen.insert(name.to_owned()) {
                continue;
            }
            if let Some(def) = self.type_def(name) {
                pending.extend(edges(def));
            }
        }
        seen
    }

    /// A reference is boxed when its target leads back to its source without passing through a
    /// `Vec` or map (which are already on the heap).
    fn plan_boxes(&mut self) {
        let edges: HashMap<&str, Vec<&str>> = self
            .types
            .iter()
            .map(|(name, def)| (*name, direct_refs_of(def)))
            .collect();
        let mut reach: HashMap<&str, HashSet<&str>> = HashMap::new();
        for (from, targets) in &edges {
            for to in targets {
                let reachable = reach
                    .entry(to)
                    .or_insert_with(|| reachable_from(to, &edges));
                if reachable.contains(from) {
                    self.boxed.insert(((*from).to_owned(), (*to).to_owned()));
                }
            }
        }
    }

    /// One newtype per (parameter name, pattern), for string path and query parameters whose
    /// pattern lowering found checkable (so the emitted code can rely on it compiling).
    fn plan_param_types(&mut self) {
        let mut scope = NameScope::new("parameter types");
        for operation in &self.api.operations {
            for parameter in &operation.parameters {
                let pattern = parameter.constraints.pattern.as_ref();
                let Some(pattern) = pattern.and_then(|p| p.checked()) else {
                    continue;
                };
                let is_string = matches!(parameter.ty, TypeRef::String { .. });
                let located = matches!(
                    parameter.location,
                    ParameterLocation::Path | ParameterLocation::Query
                );
                if !is_string || !located {
                    continue;
                }
                let key = (parameter.name.clone(), pattern.to_owned());
                if self.param_types.contains_key(&key) {
                    continue;
                }
                let rust_name =
                    scope.claim_distinct(&parameter.name, names::type_name(&parameter.name));
                self.param_types.insert(
                    key,
                    ParamType {
                        rust_name,
                        api_name: parameter.name.clone(),
                        pattern: pattern.to_owned(),
                        description: parameter.description.clone(),
                    },
                );
            }
        }
    }
}

/// The named types an operation mentions directly: parameters, bodies, responses, headers.
fn operation_roots(operation: &Operation) -> Vec<&str> {
    let parameters = operation.parameters.iter().flat_map(|p| named_in(&p.ty));
    let bodies = operation.request_body.iter().flat_map(|b| &b.contents);
    let responses = operation.success.iter().chain(&operation.errors);
    let contents = bodies.chain(responses.clone().flat_map(|r| &r.contents));
    let headers = responses
        .flat_map(|r| &r.headers)
        .flat_map(|h| named_in(&h.ty));
    parameters
        .chain(contents.flat_map(|c| c.schema.iter().flat_map(named_in)))
        .chain(headers)
        .collect()
}

fn reachable_from<'a>(start: &'a str, edges: &HashMap<&'a str, Vec<&'a str>>) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    let mut pending = vec![start];
    while let Some(node) = pending.pop() {
        if seen.insert(node) {
            pending.extend(edges.get(node).into_iter().flatten());
        }
    }
    seen
}

/// Named types a type reference mentions, at any depth.
pub fn named_in(ty: &TypeRef) -> Vec<&str> {
    match ty {
        TypeRef::Named { name } => vec![name.as_str()],
        TypeRef::Array { items } => named_in(items),
        TypeRef::Map { values } => named_in(values),
        _ => Vec::new(),
    }
}

/// Every named type a type definition mentions.
fn refs_of(def: &TypeDef) -> Vec<&str> {
    match &def.kind {
        TypeKind::Struct {
            fields,
            additional_properties,
            ..
        } => fields
            .iter()
            .flat_map(|f| named_in(&f.ty))
            .chain(additional_properties.iter().flat_map(named_in))
            .collect(),
        TypeKind::Enum { .. } => Vec::new(),
        TypeKind::Alias { target, .. } => named_in(target),
        TypeKind::Map { values } => named_in(values),
        TypeKind::OneOf { variants, .. } => variants.iter().flat_map(|v| named_in(&v.ty)).collect(),
    }
}

/// Every named type a type definition mentions or its docs link to: a struct that holds the
/// fields of a `oneOf`'s alternatives links to them, so they are compiled whenever it is.
fn linked_of(def: &TypeDef) -> Vec<&str> {
    let mut linked = refs_of(def);
    if let TypeKind::Struct {
        one_of: Some(merged),
        ..
    } = &def.kind
    {
        linked.extend(
            merged
                .alternatives
                .iter()
                .filter_map(|a| a.type_name.as_deref()),
        );
    }
    linked
}

/// Named types a type definition holds inline (not behind a `Vec` or map).
fn direct_refs_of(def: &TypeDef) -> Vec<&str> {
    fn direct(ty: &TypeRef) -> Option<&str> {
        match ty {
            TypeRef::Named { name } => Some(name.as_str()),
            _ => None,
        }
    }
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields.iter().filter_map(|f| direct(&f.ty)).collect(),
        TypeKind::Alias { target, .. } => direct(target).into_iter().collect(),
        TypeKind::OneOf { variants, .. } => variants.iter().filter_map(|v| direct(&v.ty)).collect(),
        TypeKind::Enum { .. } | TypeKind::Map { .. } => Vec::new(),
    }
}

fn most_common_error_schema(api: &Api) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for operation in &api.operations {
        for response in &operation.errors {
            let is_error = !matches!(response.status, StatusSpec::Code(code) if code < 400);
            for content in response.contents.iter().filter(|_| is_error) {
                if let Some(TypeRef::Named { name }) = &content.schema {
                    *counts.entry(name).or_default() += 1;
                }
            }
        }
    }
    // Highest count wins; ties go to the first name in order, so the choice is deterministic.
    let best = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == best)
        .map(|(name, _)| name.to_owned())
}
