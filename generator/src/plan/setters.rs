//! Setters defined once. Atlas defines its common query flags once, as `components/parameters`
//! (`envelope` and `pretty`, on all 500 operations; the page flags, on every list), and a setter
//! printed in every builder was the largest repetition of the crate (issue 24: 9,000 lines for
//! those two). A parameter a component defines has its setter printed once, as a macro in
//! `src/operations/mod.rs`, and each builder that takes it invokes the macro: rustdoc shows the
//! same method with the same docs on each builder.
//!
//! Sharing follows the spec's own structure, never how often a parameter is used, so adding or
//! removing an operation never rewrites another operation's builder. Where an operation's copy
//! prints differently (a name renamed to avoid a clash in that operation), that copy is printed
//! in place.

use std::collections::BTreeMap;

use heck::ToSnakeCase;
use serde::Serialize;

use super::tally::Tally;
use super::{Gate, ParameterPlan, Plan, RustType};
use crate::names::NameScope;

/// A setter printed once, as a macro, for every builder that has it.
#[derive(Debug, Clone, Serialize)]
pub struct SharedSetter {
    /// The macro's name (`envelope_setter`), unique among the shared setters.
    pub macro_name: String,
    /// The setter's name: the parameter's Rust name, which is also the builder field it sets.
    pub rust_name: String,
    /// The type the builder holds the value in.
    #[serde(skip)]
    pub stored: RustType,
    /// Whether the setter takes `impl Into<String>`.
    #[serde(skip)]
    pub into_string: bool,
    /// The paragraphs of its docs.
    #[serde(skip)]
    pub docs: Vec<String>,
    /// Compiled when a builder that has it is: with any of the features of those builders.
    pub gate: Gate,
}

/// Gives each optional parameter a component defines its `shared_setter`, and returns the
/// macros, in name order.
pub(super) fn plan_shared_setters(plan: &mut Plan<'_>) -> Vec<SharedSetter> {
    let mut tally = Tally::new();
    for operation in &plan.operations {
        for parameter in operation.parameters.iter().filter(|p| !p.required) {
            if let Some(key) = key(parameter) {
                tally.note(key, || setter_of(parameter), operation.feature);
            }
        }
    }
    let mut names = NameScope::new("shared setters");
    let mut shared: BTreeMap<String, SharedSetter> = BTreeMap::new();
    for (key, mut setter, gate) in tally.into_entries() {
        let component = key.split('\u{0}').next().unwrap_or_default();
        let base = format!("{}_setter", component.to_snake_case());
        setter.macro_name = names.claim_distinct(&key, base);
        setter.gate = gate;
        shared.insert(key, setter);
    }
    for operation in &mut plan.operations {
        for parameter in operation.parameters.iter_mut().filter(|p| !p.required) {
            let found = key(parameter).and_then(|key| shared.get(&key));
            parameter.shared_setter = found.map(|s| s.macro_name.clone());
        }
    }
    let mut setters: Vec<SharedSetter> = shared.into_values().collect();
    setters.sort_by(|a, b| a.macro_name.cmp(&b.macro_name));
    setters
}

/// The setter an optional parameter's builders print, not yet named as a macro.
fn setter_of(parameter: &ParameterPlan) -> SharedSetter {
    SharedSetter {
        macro_name: String::new(),
        rust_name: parameter.rust_name.clone(),
        stored: parameter.stored.clone(),
        into_string: parameter.into_string,
        docs: parameter.setter_docs.clone(),
        gate: Gate::Always,
    }
}

/// What makes two setters one: the component, first, and everything they print. `None` for a
/// parameter no component defines.
fn key(parameter: &ParameterPlan) -> Option<String> {
    let component = parameter.component.as_ref()?;
    Some(format!(
        "{component}\u{0}{}\u{0}{:?}\u{0}{}\u{0}{:?}",
        parameter.rust_name, parameter.stored, parameter.into_string, parameter.setter_docs
    ))
}
