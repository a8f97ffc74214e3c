//! Command-line flags defined once. Each tag's table lists its commands' flags, and Atlas's
//! `envelope`, `pretty` and page flags, which the spec defines once as `components/parameters`,
//! would be spelled out in nearly every entry (1,138 of the 2,256 entries of the full crate). A
//! flag a component defines is a constant of `src/cli/mod.rs`, which the tables name.
//!
//! As for the setters (`setters`), sharing follows the spec's structure, never how often a
//! flag is used: removing an operation never rewrites another table (the reason an earlier,
//! count-based attempt was dropped).

use std::collections::BTreeMap;

use heck::ToShoutySnakeCase;
use serde::Serialize;

use super::tally::Tally;
use super::{Gate, Plan};
use crate::names::NameScope;

/// A flag entry printed once, as a constant.
#[derive(Debug, Clone, Serialize)]
pub struct SharedFlag {
    /// The constant's name (`ENVELOPE_FLAG`).
    pub const_name: String,
    /// Where its entry is read from: an operation (its index) and its parameter.
    pub example: (usize, usize),
    /// Compiled with any of the features whose tables list it.
    pub gate: Gate,
}

/// Gives each flag a component defines its `shared` constant, and returns the constants, in
/// name order.
pub(super) fn plan_shared_flags(plan: &mut Plan<'_>) -> Vec<SharedFlag> {
    let mut tally = Tally::new();
    for (index, operation) in plan.operations.iter().enumerate() {
        for parameter in 0..operation.parameters.len() {
            if let Some(key) = entry_key(plan, (index, parameter)) {
                tally.note(key, || (index, parameter), operation.feature);
            }
        }
    }
    let mut names = NameScope::new("shared flags");
    let mut shared: BTreeMap<String, SharedFlag> = BTreeMap::new();
    for (key, example, gate) in tally.into_entries() {
        let component = key.split('\u{0}').next().unwrap_or_default();
        let base = format!("{}_FLAG", component.to_shouty_snake_case());
        let const_name = names.claim_distinct(&key, base);
        shared.insert(
            key,
            SharedFlag {
                const_name,
                example,
                gate,
            },
        );
    }
    for index in 0..plan.operations.len() {
        for parameter in 0..plan.operations[index].parameters.len() {
            let found = entry_key(plan, (index, parameter)).and_then(|key| shared.get(&key));
            let name = found.map(|s| s.const_name.clone());
            plan.operations[index].cli.flags[parameter].shared = name;
        }
    }
    let mut flags: Vec<SharedFlag> = shared.into_values().collect();
    flags.sort_by(|a, b| a.const_name.cmp(&b.const_name));
    flags
}

/// What makes two entries one: the component, first, then everything the entry holds (its flag
/// plan and its parameter's location, description, whether it is required or repeated, and its
/// values). `None` for a parameter no component defines.
fn entry_key(plan: &Plan<'_>, (operation, parameter): (usize, usize)) -> Option<String> {
    let operation = &plan.operations[operation];
    let (flag, parameter) = (
        &operation.cli.flags[parameter],
        &operation.parameters[parameter],
    );
    let component = parameter.component.as_ref()?;
    Some(format!(
        "{component}\u{0}{:?}\u{0}{:?}\u{0}{:?}\u{0}{:?}\u{0}{:?}\u{0}{:?}\u{0}{}\u{0}{}\u{0}{:?}",
        flag.key,
        flag.flag,
        flag.alias,
        flag.default_env,
        parameter.location,
        parameter.description,
        parameter.required,
        parameter.repeated.is_some(),
        parameter.values
    ))
}
