//! The planning stage: every decision the printers need, made once and held as data. Between the
//! intermediate model ([`crate::ir`]) and emission: which ways to call each operation become
//! methods and under which names, which types get a separate request shape, which references are
//! boxed, which parameters get validated newtypes, which cargo feature compiles what, and which
//! schema is the API's error body. Emission reads these answers and only prints; other consumers
//! (snapshots, a change report, mocks) read the same ones.
//!
//! Joins are by typed index ([`TypeId`], [`FeatureId`], [`ParamTypeId`]), never by name, and every
//! Rust name is made here or in lowering, always through [`crate::names`].

mod answer;
mod auth;
mod bodies;
mod builders;
mod calls;
mod cli;
mod definitions;
mod download;
mod environment;
mod features;
mod graph;
mod info;
mod methods;
mod pagination;
mod params;
mod profile;
mod rust_type;
mod setters;
mod shared_flags;
mod shims;
mod successors;
mod sunsets;
mod tally;
mod types;
mod validation;
mod watch;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::ir::{Api, Date, Field, TypeDef};
use crate::wire::ParameterLocation;

pub use crate::names::REQUEST_MODULE;
pub use answer::{Answer, BodyShape, StatusAnswer};
pub use auth::KeyScheme;
pub use bodies::{FormPlan, MultipartPlan, PartKind, PartPlan};
pub use builders::{SharedBuilder, VersionMarker};
pub use calls::{Encoding, Endpoint, PathPiece};
pub use cli::{CliCommand, CliFlag, ENGINE_FLAGS};
pub use definitions::{
    AlternativeLink, Body, Definition, DefinitionDocs, FieldCheck, FieldShape, Holds, KeepMember,
    OneOfAlternative, OneOfDocs, StructShape, UnionShape, UnionTag, VariantShape,
};
pub use download::{DownloadCommand, DownloadPlan, PollArgument};
pub use environment::{EnvCredentials, Environment};
pub use features::{Feature, FileGate, Gate, TypeFile, TypeFileId, UNREFERENCED_FEATURE};
pub use info::ApiInfo;
pub use methods::Method;
pub use pagination::Pagination;
pub use params::{ParamType, ParamTypeId};
pub use profile::Profile;
pub use rust_type::RustType;
pub use setters::SharedSetter;
pub use shared_flags::SharedFlag;
pub use shims::{Shim, ShimTarget};
pub use successors::Successor;
pub use types::{Presence, TypePlan, View};
pub use validation::PatternCheck;
pub use watch::{TerminalState, WatchPlan, WatchSource};

/// A type of the model: its index in [`Api::types`] and in [`Plan::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct TypeId(pub usize);

/// A cargo feature: its index in [`Plan::features`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct FeatureId(pub usize);

/// A parameter of an operation.
#[derive(Debug, Serialize)]
pub struct ParameterPlan {
    /// Its name in the spec.
    pub api_name: String,
    /// Its Rust name: the builder field, argument and setter.
    pub rust_name: String,
    /// The validated newtype it is held in; `None` for plain types.
    pub newtype: Option<ParamTypeId>,
    /// The method of a mock stub that requires a value of it: its Rust name, unless a stub's own
    /// method (`body`, `expect`, ...) has that name.
    pub mock_setter: String,
    /// Where it is sent.
    #[serde(skip)]
    pub location: ParameterLocation,
    /// Whether the method takes it as an argument (else it has a setter).
    #[serde(skip)]
    pub required: bool,
    /// The type the builder holds it in: its newtype, or its schema's type.
    #[serde(skip)]
    pub stored: RustType,
    /// Whether methods and setters take `impl Into<String>` (plain text without a newtype).
    #[serde(skip)]
    pub into_string: bool,
    /// For an array sent as repeated values, one per item: the item's type.
    #[serde(skip)]
    pub repeated: Option<RustType>,
    /// How a value (an item, for a repeated one) is written as text.
    #[serde(skip)]
    pub encoding: Encoding,
    /// The values an enum parameter takes, for the command line's help.
    #[serde(skip)]
    pub values: Vec<String>,
    /// The spec's description.
    #[serde(skip)]
    pub description: Option<String>,
    /// Whether the spec marks it deprecated.
    #[serde(skip)]
    pub deprecated: bool,
    /// The paragraphs of its setter's docs.
    #[serde(skip)]
    pub setter_docs: Vec<String>,
    /// The `components/parameters` entry that defines it, when one does.
    #[serde(skip)]
    pub component: Option<String>,
    /// The macro printing its setter, when a component defines it ([`SharedSetter`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_setter: Option<String>,
}

/// What the printers emit for one operation.
#[derive(Debug, Serialize)]
pub struct OperationPlan<'a> {
    /// The operation's `operationId`.
    pub operation_id: String,
    /// The feature that compiles it (its first tag's).
    pub feature: FeatureId,
    /// Its HTTP method, path, server and what its docs say.
    #[serde(skip)]
    pub endpoint: Endpoint,
    /// Each parameter, in the spec's order: its names and the newtype it is held in.
    pub parameters: Vec<ParameterPlan>,
    /// Parameters in the order the method takes them: required ones, path parameters first in
    /// path order; then the optional ones, which get setters. Indices into the parameters.
    pub argument_order: Vec<usize>,
    /// The name of the method argument holding a required body (`body`, unless a parameter has it).
    pub body_argument: String,
    /// Error statuses whose body is the operation's own schema, not the shared error schema.
    pub error_documents: Vec<(u16, TypeId)>,
    /// One method per API version and response format, the default first.
    pub methods: Vec<Method<'a>>,
    /// The operation as a command of the generated command line.
    pub cli: CliCommand,
    /// How `--watch` waits for the operation's resource to settle, when it can.
    pub watch: Option<WatchPlan>,
    /// The terminal states of this GET's answer, when a watcher polls it: its builder's
    /// `wait_until_terminal`.
    pub terminal: Option<TerminalState>,
    /// How to get the file this operation requests, when it requests one: its default
    /// builder's `download_to` and the command line's download commands.
    pub download: Option<DownloadPlan>,
    /// The operation that replaces this one, when Atlas retired it for another.
    pub successor: Option<Successor>,
    /// The one builder its methods share, typed by their version markers; `None` when each
    /// method has its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_builder: Option<SharedBuilder>,
}

/// Every decision about one API, with the model it was made from.
#[derive(Debug, Serialize)]
pub struct Plan<'a> {
    /// The model.
    #[serde(skip)]
    pub api: &'a Api,
    /// One feature per tag, in name order.
    pub features: Vec<Feature>,
    /// One entry per type of the model, in the model's order.
    pub types: Vec<TypePlan>,
    /// The files of `src/types/`, in the order first used.
    pub type_files: Vec<TypeFile>,
    /// The validated newtypes of parameters, in name order.
    pub param_types: Vec<ParamType>,
    /// One entry per operation of the model, in the model's order.
    pub operations: Vec<OperationPlan<'a>>,
    /// The schema most error responses use (Atlas: `ApiError`).
    pub error_type: Option<TypeId>,
    /// Every name the generated crate defines at the top of its modules (types, parameter
    /// newtypes, response enums): a standard name among them must be written with its full path.
    pub defined_names: BTreeSet<String>,
    /// Whose API it is: Atlas's names and wording, or neutral ones.
    pub profile: Profile,
    /// The spec's title, version and licence, and its OAuth token URL: what the crate docs,
    /// manifest and client repeat. Not in the plan snapshots: the spec states them, planning
    /// decides nothing about them.
    #[serde(skip)]
    pub info: ApiInfo,
    /// The environment variables the crate reads.
    pub environment: Environment,
    /// The date sunsets are judged against: a version sunset on or before it is withdrawn
    /// ([`Method::withdrawn`]). `None` when the spec states no date and none was given.
    pub as_of: Option<Date>,
    /// The versions plain methods keep calling ([`PlanOptions::pinned_versions`]).
    #[serde(skip)]
    pub pinned_versions: BTreeMap<String, Option<String>>,
    /// The `apiKey` security schemes: a function each in the generated `auth` module.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub key_schemes: Vec<KeyScheme>,
    /// The setters several builders share, printed once as macros.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared_setters: Vec<SharedSetter>,
    /// The markers of the `Accept` values shared builders send (`crate::versions`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub version_markers: Vec<VersionMarker>,
    /// The command-line flag entries several tables share, printed once as constants.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared_flags: Vec<SharedFlag>,
    /// Old names kept for one regeneration, deprecated: set from the crate's previous
    /// `API.md` (empty without one).
    pub shims: Vec<Shim>,
    /// What planning could not apply (a watcher that does not fit the spec), as located warnings.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
    #[serde(skip)]
    by_name: HashMap<&'a str, TypeId>,
}

/// What planning takes besides the model.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// The date sunsets are judged against (`--as-of`); `None`: the newest date the spec
    /// states about its own past.
    pub as_of: Option<Date>,
    /// The API version each operation's plain method called in the crate this generation
    /// replaces, by HTTP method and path (`GET /widgets/{id}`): `None` for an unversioned one.
    /// The plain name keeps calling that version while the spec still has it, so a new version
    /// is a new method and not a changed one (see the `methods` module).
    pub pinned_versions: BTreeMap<String, Option<String>>,
    /// The generated crate's name: the prefix of the environment variables of a crate that is
    /// not Atlas's.
    pub crate_name: String,
}

/// Makes every decision about `api`, sunsets judged as of the spec's own newest date.
pub fn plan(api: &Api) -> Plan<'_> {
    plan_with(api, PlanOptions::default())
}

/// Makes every decision about `api`.
pub fn plan_with(api: &Api, options: PlanOptions) -> Plan<'_> {
    let by_name = api
        .types
        .iter()
        .enumerate()
        .map(|(index, def)| (def.rust_name.as_str(), TypeId(index)))
        .collect();
    let mut plan = Plan {
        api,
        features: Vec::new(),
        types: Vec::new(),
        type_files: Vec::new(),
        param_types: Vec::new(),
        operations: Vec::new(),
        error_type: None,
        defined_names: BTreeSet::new(),
        profile: profile::profile(api),
        info: info::api_info(api),
        environment: Environment::default(),
        as_of: options.as_of.or_else(|| sunsets::spec_date(api)),
        pinned_versions: options.pinned_versions,
        key_schemes: Vec::new(),
        shared_setters: Vec::new(),
        shared_flags: Vec::new(),
        version_markers: Vec::new(),
        shims: Vec::new(),
        warnings: Vec::new(),
        by_name,
    };
    plan.error_type = features::most_common_error_schema(&plan);
    plan.types = types::plan_types(&plan);
    features::plan_features(&mut plan);
    features::plan_type_files(&mut plan);
    validation::plan_validation(&mut plan);
    plan.param_types = params::plan_param_types(&plan);
    let (operations, body_warnings) = methods::plan_operations(&plan);
    plan.operations = operations;
    plan.shared_setters = setters::plan_shared_setters(&mut plan);
    builders::plan_shared_builders(&mut plan);
    sunsets::mark_withdrawn(&mut plan);
    cli::deduplicate_commands(&mut plan);
    plan.shared_flags = shared_flags::plan_shared_flags(&mut plan);
    plan.warnings = body_warnings;
    let watch_warnings = watch::plan_watchers(&mut plan);
    plan.warnings.extend(watch_warnings);
    let download_warnings = download::plan_downloads(&mut plan);
    plan.warnings.extend(download_warnings);
    let successor_warnings = successors::plan_successors(&mut plan);
    plan.warnings.extend(successor_warnings);
    plan.key_schemes = auth::key_schemes(&plan);
    plan.environment = environment::environment(&plan, &options.crate_name);
    plan.defined_names = defined_names(&plan);
    definitions::plan_definitions(&mut plan);
    plan
}

impl<'a> Plan<'a> {
    /// The type a model name (a `TypeRef::Named`) refers to.
    pub fn type_id(&self, rust_name: &str) -> Option<TypeId> {
        self.by_name.get(rust_name).copied()
    }

    /// A type's definition in the model.
    pub fn def(&self, id: TypeId) -> &'a TypeDef {
        &self.api.types[id.0]
    }

    /// A type's definition by model name.
    pub fn type_def(&self, rust_name: &str) -> Option<&'a TypeDef> {
        self.type_id(rust_name).map(|id| self.def(id))
    }

    /// A type's plan.
    pub fn type_plan(&self, id: TypeId) -> &TypePlan {
        &self.types[id.0]
    }

    /// A type's plan by model name.
    pub fn type_plan_named(&self, rust_name: &str) -> Option<&TypePlan> {
        self.type_id(rust_name).map(|id| self.type_plan(id))
    }

    /// The Rust name to use for a type in a view.
    pub fn name_in(&self, rust_name: &str, view: View) -> String {
        match (self.type_plan_named(rust_name), view) {
            (Some(plan), View::Request) => plan.request_name().to_owned(),
            _ => rust_name.to_owned(),
        }
    }

    /// Whether a field of `from` that holds a `to` directly must be boxed (they are in a cycle).
    pub fn needs_box(&self, from: &str, to: &str) -> bool {
        match (self.type_plan_named(from), self.type_id(to)) {
            (Some(from), Some(to)) => from.boxed.contains(&to),
            _ => false,
        }
    }

    /// Whether the request shape of a type has a `validate` method.
    pub fn has_validate(&self, rust_name: &str) -> bool {
        self.type_plan_named(rust_name)
            .is_some_and(|plan| plan.validation.is_some())
    }

    /// A feature.
    pub fn feature(&self, id: FeatureId) -> &Feature {
        &self.features[id.0]
    }

    /// The fields of a struct that belong in a view: a request leaves out what the server sets
    /// (`readOnly`); an answer types every field, `writeOnly` ones included, since servers
    /// (Atlas among them) send some of them back and nothing they send may be lost.
    pub fn fields_in(fields: &[Field], view: View) -> impl Iterator<Item = &Field> {
        fields.iter().filter(move |f| match view {
            View::Request => !f.read_only,
            View::Response => true,
        })
    }
}

/// Every type name the generated crate defines: models (a request shape has its type's name, in
/// `types::request`), parameter newtypes, request
/// builders and their response enums, and the client and error types. Where one of them is a
/// standard name (a schema called `Option` or `Result`), printed code writes the standard one
/// out in full. Raw identifiers (`r#type`) shadow under their bare name.
fn defined_names(plan: &Plan<'_>) -> BTreeSet<String> {
    let fixed = ["Client", "Error"].map(str::to_owned);
    let types = plan.types.iter().map(|t| t.rust_name.clone());
    let params = plan.param_types.iter().map(|p| p.rust_name.clone());
    let methods = plan.operations.iter().flat_map(|o| &o.methods);
    let builders = methods.clone().map(|m| m.builder.clone());
    let markers = plan.version_markers.iter().map(|m| m.name.clone());
    let enums = methods
        .clone()
        .filter_map(|m| m.answer.enum_name().map(str::to_owned));
    let forms = methods.filter_map(|m| match &m.form {
        Some(FormPlan::Multipart(form)) => Some(form.type_name.clone()),
        _ => None,
    });
    fixed
        .into_iter()
        .chain(types)
        .chain(params)
        .chain(builders)
        .chain(enums)
        .chain(forms)
        .chain(markers)
        .map(|name| name.trim_start_matches("r#").to_owned())
        .collect()
}
