//! Cargo features and gates: one feature per tag, and for every type the features whose
//! operations reach it, so a user who enables one tag compiles that tag's operations and types
//! and nothing else. Also where each type lives: in the file of the first word of its name
//! (`backup.rs` for `BackupTenantSnapshot`), whichever tags use it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::graph::{closure, operation_roots};
use super::{FeatureId, Plan, TypeId};
use crate::ir::{Operation, PathSegment, StatusSpec, TypeRef};
use crate::names::{self, NameScope};

/// The feature that enables schemas no operation uses.
pub const UNREFERENCED_FEATURE: &str = "unreferenced-schemas";

/// A cargo feature of the generated crate: one per tag.
#[derive(Debug, Clone, Serialize)]
pub struct Feature {
    /// Its index.
    pub id: FeatureId,
    /// The tag, as in the spec.
    pub tag: String,
    /// The feature name (kebab case).
    pub name: String,
    /// The module holding the tag's operations (snake case).
    pub module: String,
    /// The command-line subcommand: the Atlas CLI's name of the tag (lower camel case).
    pub cli_name: String,
    /// Its kebab-case alias, when different.
    pub cli_alias: Option<String>,
    /// What the command line says of it: the spec's description of the tag where it has one
    /// (the Atlas CLI shows it too).
    #[serde(skip)]
    pub about: String,
}

/// When a generated item is compiled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    /// Always: the error type and what it needs.
    Always,
    /// When any of these features is on.
    AnyOf(Vec<FeatureId>),
    /// Only with the feature for schemas no operation uses.
    Unreferenced,
}

/// A file of `src/types/`: the types whose names start with the same word (`Backup...`), so a
/// type's file depends only on its name, never on which tags use it (only its `cfg` does).
#[derive(Debug, Clone, Serialize)]
pub struct TypeFile {
    /// Its index.
    pub id: TypeFileId,
    /// The module (and file) name: `backup` for `backup.rs`.
    pub module: String,
    /// The word its types' names start with, as they spell it: `Backup`.
    pub word: String,
    /// Whether it holds request shapes, as a file of `src/types/request/`.
    pub request: bool,
    /// When the module is compiled: when any of its types is.
    pub gate: FileGate,
}

/// A type file: its index in [`Plan::type_files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct TypeFileId(pub usize);

/// When a file of types is compiled: always, or when any of the features its types need is on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FileGate {
    /// Some type in it is always compiled.
    pub always: bool,
    /// The features its types need, in id order.
    pub features: Vec<FeatureId>,
    /// Some type in it is a schema no operation uses.
    pub unreferenced: bool,
}

impl FileGate {
    /// The gate of a module of files: compiled when any of them is.
    pub fn any_of<'g>(gates: impl IntoIterator<Item = &'g FileGate>) -> FileGate {
        let mut any = FileGate::default();
        for gate in gates {
            any.always |= gate.always;
            any.unreferenced |= gate.unreferenced;
            any.include(&Gate::AnyOf(gate.features.clone()));
        }
        any
    }

    fn include(&mut self, gate: &Gate) {
        match gate {
            Gate::Always => self.always = true,
            Gate::Unreferenced => self.unreferenced = true,
            Gate::AnyOf(features) => {
                for feature in features {
                    if !self.features.contains(feature) {
                        self.features.push(*feature);
                    }
                }
                self.features.sort_unstable();
            }
        }
    }
}

/// Groups the types into files by the first word of their names, and their request shapes the
/// same way inside the `request` module.
pub fn plan_type_files(plan: &mut Plan<'_>) {
    let mut main_files = BTreeMap::new();
    let mut request_files = BTreeMap::new();
    for index in 0..plan.types.len() {
        let word = names::first_word(&plan.types[index].rust_name);
        let mut module = names::module_name(&word);
        if module == names::REQUEST_MODULE {
            // `types::request` is the module of request shapes; a file's name is private.
            module.push('_');
        }
        let file = type_file(plan, &mut main_files, index, (&word, &module), false);
        plan.types[index].file = file;
        if plan.types[index].request_view.is_some() {
            let module = names::module_name(&word);
            let file = type_file(plan, &mut request_files, index, (&word, &module), true);
            plan.types[index].request_file = Some(file);
        }
    }
}

/// The file for `word` among `files` (created on first use), now also holding type `index`.
fn type_file(
    plan: &mut Plan<'_>,
    files: &mut BTreeMap<String, TypeFileId>,
    index: usize,
    (word, module): (&str, &str),
    request: bool,
) -> TypeFileId {
    let next = TypeFileId(plan.type_files.len());
    let id = *files.entry(module.to_owned()).or_insert(next);
    if id == next {
        plan.type_files.push(TypeFile {
            id,
            module: module.to_owned(),
            word: word.to_owned(),
            request,
            gate: FileGate::default(),
        });
    }
    plan.type_files[id.0].gate.include(&plan.types[index].gate);
    id
}

/// Names the crate uses itself: a tag called `Shared` or `Full` must not take them.
const RESERVED_FEATURES: &[&str] = &[
    "default",
    "full",
    "cli",
    "mock",
    "shared",
    "unreferenced",
    UNREFERENCED_FEATURE,
];

/// One feature per tag (in name order), and each type's gate.
pub fn plan_features(plan: &mut Plan<'_>) {
    let mut scope = NameScope::new("tags");
    for reserved in RESERVED_FEATURES {
        scope.claim_distinct(reserved, (*reserved).to_owned());
    }
    let mut by_tag: BTreeMap<String, Vec<&Operation>> = BTreeMap::new();
    for operation in &plan.api.operations {
        by_tag.entry(tag_of(operation)).or_default().push(operation);
    }
    let mut users: BTreeMap<TypeId, BTreeSet<FeatureId>> = BTreeMap::new();
    for (tag, operations) in by_tag {
        let id = FeatureId(plan.features.len());
        let name = scope.claim_distinct(&tag, names::feature_name(&tag));
        let roots = operations.into_iter().flat_map(operation_roots).collect();
        for reached in closure(plan, roots) {
            users.entry(reached).or_default().insert(id);
        }
        let cli_name = names::cli_tag_name(&tag);
        let kebab = heck::ToKebabCase::to_kebab_case(tag.as_str());
        let about = (plan.api.tags.iter().find(|t| t.name == tag)).map_or_else(
            || format!("Operations tagged {tag}."),
            |t| t.description.clone(),
        );
        plan.features.push(Feature {
            id,
            about,
            module: names::module_name(&name),
            cli_alias: (kebab != cli_name).then_some(kebab),
            cli_name,
            name,
            tag,
        });
    }
    let error_roots = plan
        .error_type
        .map(|id| plan.def(id).rust_name.as_str())
        .into_iter()
        .collect();
    let always = closure(plan, error_roots);
    for (index, type_plan) in plan.types.iter_mut().enumerate() {
        let id = TypeId(index);
        type_plan.gate = if always.contains(&id) {
            Gate::Always
        } else {
            match users.remove(&id) {
                Some(features) if !features.is_empty() => {
                    Gate::AnyOf(features.into_iter().collect())
                }
                _ => Gate::Unreferenced,
            }
        };
    }
}

/// The tag that decides an operation's feature: its first. An operation without tags is grouped
/// by its path instead (`untagged /users` for `/api/v1/users/{id}`), so that a large untagged API
/// is not one module of thousands of operations.
fn tag_of(operation: &Operation) -> String {
    match operation.tags.first() {
        Some(tag) => tag.clone(),
        None => match path_group(operation) {
            Some(segment) => format!("untagged /{segment}"),
            None => "untagged".to_owned(),
        },
    }
}

/// The first literal segment of an operation's path that names a resource: `api` and version
/// segments (`v1`, `v2beta1`, `2.0`) are skipped. Decided by the path alone, so a path added
/// elsewhere in a later spec never moves an operation to another feature.
fn path_group(operation: &Operation) -> Option<&str> {
    let is_version = |segment: &str| {
        let rest = segment.strip_prefix(['v', 'V']).unwrap_or(segment);
        rest.starts_with(|c: char| c.is_ascii_digit())
    };
    operation
        .path
        .segments
        .iter()
        .map_while(|segment| match segment {
            PathSegment::Literal(text) => Some(text.as_str()),
            PathSegment::Parameter { .. } => None,
        })
        .flat_map(|text| text.split('/'))
        .find(|segment| {
            !segment.is_empty() && !segment.eq_ignore_ascii_case("api") && !is_version(segment)
        })
}

/// The feature an operation belongs to.
pub fn feature_of(plan: &Plan<'_>, operation: &Operation) -> FeatureId {
    let tag = tag_of(operation);
    plan.features
        .iter()
        .find(|f| f.tag == tag)
        .map_or(FeatureId(0), |f| f.id)
}

/// The schema most error responses use; ties go to the first name in order, so the choice is
/// deterministic.
pub fn most_common_error_schema(plan: &Plan<'_>) -> Option<TypeId> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for operation in &plan.api.operations {
        for response in &operation.errors {
            let is_error = !matches!(response.status, StatusSpec::Code(code) if code < 400);
            for content in response.contents.iter().filter(|_| is_error) {
                if let Some(TypeRef::Named { name }) = &content.schema {
                    *counts.entry(name).or_default() += 1;
                }
            }
        }
    }
    let best = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == best)
        .and_then(|(name, _)| plan.type_id(name))
}
