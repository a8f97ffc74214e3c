//! Cargo features and gates: one feature per tag, and for every type the features whose
//! operations reach it, so a user who enables one tag compiles that tag's operations and types
//! and nothing else. Also where each type lives: a type used by one feature sits in that
//! feature's file, others in `shared.rs` or `unreferenced.rs`, whatever the tags are called.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::graph::{closure, operation_roots};
use super::{FeatureId, Plan, TypeId};
use crate::ir::{Operation, StatusSpec, TypeRef};
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
    /// The module holding the tag's operations and its own types (snake case).
    pub module: String,
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

/// The file of `src/types/` a type is emitted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Module {
    /// `shared.rs`: always compiled, or used by several features (each item gated by them).
    Shared,
    /// The file of the one feature that uses it.
    Feature(FeatureId),
    /// `unreferenced.rs`: schemas no operation uses.
    Unreferenced,
}

impl Module {
    /// The gate of a type's items within this module's file: only `shared.rs` gates items one
    /// by one; the other files are gated as a whole.
    pub fn item_gate<'g>(&self, gate: &'g Gate) -> Option<&'g Gate> {
        match self {
            Module::Shared => Some(gate),
            Module::Feature(_) | Module::Unreferenced => None,
        }
    }
}

/// Names the crate uses itself: a tag called `Shared` or `Full` must not take them.
const RESERVED_FEATURES: &[&str] = &[
    "default",
    "full",
    "shared",
    "unreferenced",
    UNREFERENCED_FEATURE,
];

/// One feature per tag (in name order), and each type's gate and module.
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
        plan.features.push(Feature {
            id,
            module: names::module_name(&name),
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
        type_plan.module = match &type_plan.gate {
            Gate::AnyOf(features) if features.len() == 1 => Module::Feature(features[0]),
            Gate::Always | Gate::AnyOf(_) => Module::Shared,
            Gate::Unreferenced => Module::Unreferenced,
        };
    }
}

/// The tag that decides an operation's feature: its first.
fn tag_of(operation: &Operation) -> String {
    operation
        .tags
        .first()
        .cloned()
        .unwrap_or_else(|| "untagged".to_owned())
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
