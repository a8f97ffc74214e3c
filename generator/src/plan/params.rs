//! Validated parameter types: one newtype per (parameter name, pattern), for string path and
//! query parameters whose pattern lowering found checkable (so the emitted code can rely on it
//! compiling). `groupId` with `^([a-f0-9]{24})$` becomes `GroupId`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::features::{feature_of, Gate};
use super::Plan;
use crate::ir::{Parameter, ParameterLocation, TypeRef};
use crate::names::{self, NameScope};

/// A parameter newtype: its index in [`Plan::param_types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ParamTypeId(pub usize);

/// A validated newtype for string parameters with a `pattern`.
#[derive(Debug, Clone, Serialize)]
pub struct ParamType {
    /// Its index.
    pub id: ParamTypeId,
    /// The Rust type name, e.g. `GroupId`.
    pub rust_name: String,
    /// The parameter's wire name.
    pub api_name: String,
    /// The pattern values must match.
    pub pattern: String,
    /// The parameter's description, from its first use.
    #[serde(skip)]
    pub description: Option<String>,
    /// Whether the description tells callers to percent-encode values, advice for raw HTTP
    /// that this client's docs then correct (it encodes path and query values itself).
    #[serde(skip)]
    pub asks_to_encode: bool,
    /// Compiled when any operation using it is.
    pub gate: Gate,
}

/// The (name, pattern) a parameter's newtype is keyed by, when it gets one.
pub fn newtype_key(parameter: &Parameter) -> Option<(&str, &str)> {
    let pattern = parameter.constraints.pattern.as_ref()?.checked()?;
    let is_string = matches!(parameter.ty, TypeRef::String { .. });
    let located = matches!(
        parameter.location,
        ParameterLocation::Path | ParameterLocation::Query
    );
    (is_string && located).then_some((parameter.name.as_str(), pattern))
}

/// Every newtype, in name order; names are claimed in the order operations use them.
pub fn plan_param_types(plan: &Plan<'_>) -> Vec<ParamType> {
    let mut scope = NameScope::new("parameter types");
    let mut by_key: BTreeMap<(&str, &str), (String, Option<String>, BTreeSet<_>)> = BTreeMap::new();
    for operation in &plan.api.operations {
        let feature = feature_of(plan, operation);
        for parameter in &operation.parameters {
            let Some(key) = newtype_key(parameter) else {
                continue;
            };
            let entry = by_key.entry(key).or_insert_with(|| {
                let rust_name =
                    scope.claim_distinct(&parameter.name, names::type_name(&parameter.name));
                (rust_name, parameter.description.clone(), BTreeSet::new())
            });
            entry.2.insert(feature);
        }
    }
    let mut types: Vec<ParamType> = by_key
        .into_iter()
        .map(
            |((api_name, pattern), (rust_name, description, features))| ParamType {
                id: ParamTypeId(0),
                rust_name,
                api_name: api_name.to_owned(),
                pattern: pattern.to_owned(),
                asks_to_encode: super::calls::asks_to_encode(description.as_deref()),
                description,
                gate: Gate::AnyOf(features.into_iter().collect()),
            },
        )
        .collect();
    types.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
    for (index, param_type) in types.iter_mut().enumerate() {
        param_type.id = ParamTypeId(index);
    }
    types
}

/// The newtype a parameter is held in, if it has one.
pub fn param_type_for(types: &[ParamType], parameter: &Parameter) -> Option<ParamTypeId> {
    let (name, pattern) = newtype_key(parameter)?;
    types
        .iter()
        .find(|t| t.api_name == name && t.pattern == pattern)
        .map(|t| t.id)
}
