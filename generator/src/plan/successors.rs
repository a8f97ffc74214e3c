//! Successors: the operation that replaces one Atlas retired, declared in
//! `generator/successors.yaml` (the spec names it only in prose) and resolved here, so that the
//! retired method's deprecation note and the command line's help name the replacement.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::watch::{operation_index, warning_of};
use super::Plan;
use crate::diagnostics::{Diagnostic, JsonPointer, Loss};

/// The successors, as the repository declares them.
const SUCCESSORS_FILE: &str = include_str!("../../successors.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SuccessorFile {
    successors: BTreeMap<String, String>,
}

/// The operation that replaces a retired one.
#[derive(Debug, Clone, Serialize)]
pub struct Successor {
    /// Its operationId.
    pub operation_id: String,
    /// Its default method on `Client`.
    pub method: String,
    /// Its command on the command line (under its tag).
    pub command: String,
}

/// Gives each retired operation of this spec its successor; the warnings name successors the
/// spec does not have.
pub fn plan_successors(plan: &mut Plan<'_>) -> Vec<Diagnostic> {
    let file: SuccessorFile = match serde_yaml::from_str(SUCCESSORS_FILE) {
        Ok(file) => file,
        Err(error) => {
            return vec![warning_of(
                Loss::Successor,
                &JsonPointer::root(),
                format!(
                    "generator/successors.yaml cannot be read ({error}): no successor is named"
                ),
            )]
        }
    };
    let index = operation_index(plan);
    let mut warnings = Vec::new();
    for (retired, successor) in &file.successors {
        let Some(&retired) = index.get(retired.as_str()) else {
            continue;
        };
        let found = index.get(successor.as_str()).and_then(|&i| {
            let operation = &plan.operations[i];
            Some(Successor {
                operation_id: successor.clone(),
                method: operation.methods.first()?.rust_name.clone(),
                command: operation.cli.name.clone(),
            })
        });
        match found {
            Some(found) => plan.operations[retired].successor = Some(found),
            None => {
                let operation = &plan.api.operations[retired];
                let pointer = JsonPointer::from_fragment(&operation.pointer)
                    .unwrap_or_else(JsonPointer::root);
                warnings.push(warning_of(
                    Loss::Successor,
                    &pointer,
                    format!(
                        "generator/successors.yaml names `{successor}` as the successor of `{}`, \
                         but the spec does not have it: the note names no replacement",
                        operation.operation_id
                    ),
                ));
            }
        }
    }
    warnings
}
