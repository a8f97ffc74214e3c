//! Watchers: which operations' resources settle into a terminal state, and how to wait for it.
//! Declared in `generator/watchers.yaml` (in the spirit of the Atlas CLI's watcher overlay) and
//! resolved here against the spec, once, for both consumers: `--watch` on the command line and
//! the library's typed `wait_until_terminal`.
//!
//! An entry whose operation is not in the spec is for another spec and is skipped. An entry that
//! names an operation of this spec but cannot be applied (no such GET to poll, no such field, a
//! parameter the poll needs and nothing gives) is a located warning, never a silent drop.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::methods::ResponseShape;
use super::{OperationPlan, Plan, Presence, View};
use crate::diagnostics::{Diagnostic, JsonPointer, Loss, Problem};
use crate::ir::{HttpMethod, Operation, TypeKind, TypeRef};

/// The watchers, as the repository declares them.
const WATCHERS_FILE: &str = include_str!("../../watchers.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WatcherFile {
    watchers: Vec<Entry>,
}

/// How to wait for one operation's resource, as declared (a watcher, or a download's job).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Entry {
    pub(super) operation: String,
    pub(super) poll: Option<String>,
    #[serde(default)]
    pub(super) arguments: BTreeMap<String, String>,
    pub(super) field: String,
    pub(super) success: Vec<String>,
    #[serde(default)]
    pub(super) failure: Vec<String>,
}

/// How to wait for an operation's resource.
#[derive(Debug, Clone, Serialize)]
pub struct WatchPlan {
    /// The GET to poll: an index into the operations.
    pub poll: usize,
    /// Values of the poll's parameters (by their command-line key) that do not come from the
    /// watched operation's parameter of the same name.
    pub arguments: Vec<(String, WatchSource)>,
    /// The field of the poll's answer (its JSON name).
    pub field: String,
    /// Values that end the wait with success.
    pub success: Vec<String>,
    /// Values that end the wait with failure.
    pub failure: Vec<String>,
}

/// Where a polled parameter's value comes from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WatchSource {
    /// The watched operation's parameter of this name.
    Input(String),
    /// This dotted path of the watched operation's answer.
    Answer(String),
}

/// The terminal states of a GET's answer: what its typed `wait_until_terminal` looks at.
#[derive(Debug, Clone, Serialize)]
pub struct TerminalState {
    /// The field's Rust name in the answer's type.
    pub field: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
    /// Values that end the wait with success.
    pub success: Vec<String>,
    /// Values that end the wait with failure.
    pub failure: Vec<String>,
}

/// Resolves every watcher that names an operation of this spec; the warnings say which could
/// not be applied and why.
pub fn plan_watchers(plan: &mut Plan<'_>) -> Vec<Diagnostic> {
    let file: WatcherFile = match serde_yaml::from_str(WATCHERS_FILE) {
        Ok(file) => file,
        Err(error) => {
            return vec![warning(
                &JsonPointer::root(),
                format!(
                    "generator/watchers.yaml cannot be read ({error}): no operation has --watch"
                ),
            )]
        }
    };
    let index = operation_index(plan);
    let mut warnings = Vec::new();
    for entry in &file.watchers {
        let Some(&watched) = index.get(entry.operation.as_str()) else {
            continue;
        };
        match resolve(plan, &index, watched, entry) {
            Ok((watch, terminal)) => {
                let poll = watch.poll;
                plan.operations[watched].watch = Some(watch);
                plan.operations[poll].terminal.get_or_insert(terminal);
            }
            Err(why) => {
                let pointer = JsonPointer::from_fragment(&plan.api.operations[watched].pointer)
                    .unwrap_or_else(JsonPointer::root);
                warnings.push(warning(
                    &pointer,
                    format!(
                        "generator/watchers.yaml names `{}`, but {why}: the operation has no \
                         --watch",
                        entry.operation
                    ),
                ));
            }
        }
    }
    warnings
}

/// The operations by operationId.
pub(super) fn operation_index<'a>(plan: &Plan<'a>) -> BTreeMap<&'a str, usize> {
    plan.api
        .operations
        .iter()
        .enumerate()
        .map(|(i, op)| (op.operation_id.as_str(), i))
        .collect()
}

/// A located warning: something declared in the generator's data (of `kind`) that the spec
/// does not fit.
pub(super) fn warning_of(kind: Loss, pointer: &JsonPointer, what: String) -> Diagnostic {
    Diagnostic::warning(pointer, Problem::NotRepresented { kind, what })
}

fn warning(pointer: &JsonPointer, what: String) -> Diagnostic {
    warning_of(Loss::Watcher, pointer, what)
}

/// The watch an entry declares and the terminal states of its poll, checked against the spec.
pub(super) fn resolve(
    plan: &Plan<'_>,
    index: &BTreeMap<&str, usize>,
    watched: usize,
    entry: &Entry,
) -> Result<(WatchPlan, TerminalState), String> {
    let poll_id = entry.poll.as_deref().unwrap_or(&entry.operation);
    let &poll = index
        .get(poll_id)
        .ok_or_else(|| format!("the operation to poll, `{poll_id}`, is not in the spec"))?;
    let (watched_op, poll_op) = (&plan.api.operations[watched], &plan.api.operations[poll]);
    if poll_op.method != HttpMethod::Get {
        return Err(format!("`{poll_id}` is not a GET"));
    }
    let terminal = terminal_state(plan, &plan.operations[poll], entry)?;
    let arguments = arguments(watched_op, entry)?;
    for parameter in poll_op.parameters.iter().filter(|p| p.required) {
        let given = arguments.iter().any(|(name, _)| *name == parameter.name)
            || watched_op
                .parameters
                .iter()
                .any(|p| p.name == parameter.name);
        if !given {
            return Err(format!(
                "nothing gives `{poll_id}` its required parameter `{}`",
                parameter.name
            ));
        }
    }
    let watch = WatchPlan {
        poll,
        arguments,
        field: entry.field.clone(),
        success: entry.success.clone(),
        failure: entry.failure.clone(),
    };
    Ok((watch, terminal))
}

fn arguments(watched: &Operation, entry: &Entry) -> Result<Vec<(String, WatchSource)>, String> {
    entry
        .arguments
        .iter()
        .map(|(name, source)| {
            let source = match source.split_once(':') {
                Some(("input", input)) if watched.parameters.iter().any(|p| p.name == input) => {
                    WatchSource::Input(input.to_owned())
                }
                Some(("answer", path)) if !path.is_empty() => WatchSource::Answer(path.to_owned()),
                _ => {
                    return Err(format!(
                        "argument `{name}: {source}` is neither `input:<parameter of {}>` nor `answer:<field>`",
                        watched.operation_id
                    ))
                }
            };
            Ok((name.clone(), source))
        })
        .collect()
}

/// The field of the poll's answer, checked: a top-level string or enum field whose values
/// include every value the entry names.
fn terminal_state(
    plan: &Plan<'_>,
    poll: &OperationPlan<'_>,
    entry: &Entry,
) -> Result<TerminalState, String> {
    let answer = match poll.methods.first().map(|m| &m.response) {
        Some(ResponseShape::Json(TypeRef::Named { name })) => name,
        _ => return Err("the poll's answer is not a JSON object".to_owned()),
    };
    let Some(TypeKind::Struct { fields, .. }) = plan.type_def(answer).map(|d| &d.kind) else {
        return Err(format!("the poll's answer `{answer}` is not an object"));
    };
    let field = fields
        .iter()
        .find(|f| f.name == entry.field)
        .ok_or_else(|| format!("`{answer}` has no field `{}`", entry.field))?;
    let values = match &field.ty {
        TypeRef::String { .. } => None,
        TypeRef::Named { name } => match plan.type_def(name).map(|d| &d.kind) {
            Some(TypeKind::Enum { values }) => Some(values),
            _ => return Err(format!("field `{}` is not a string", entry.field)),
        },
        _ => return Err(format!("field `{}` is not a string", entry.field)),
    };
    if let Some(values) = values {
        let unknown: Vec<&String> = entry
            .success
            .iter()
            .chain(&entry.failure)
            .filter(|v| !values.iter().any(|known| &known.value == *v))
            .collect();
        if !unknown.is_empty() {
            return Err(format!(
                "field `{}` never has the values {unknown:?}",
                entry.field
            ));
        }
    }
    let presence = plan
        .type_plan_named(answer)
        .map_or(Presence::Optional, |t| t.presence(field, View::Response));
    Ok(TerminalState {
        field: field.rust_name.clone(),
        optional: presence != Presence::Required,
        success: entry.success.clone(),
        failure: entry.failure.clone(),
    })
}
