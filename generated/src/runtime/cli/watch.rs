// @generated: a copy of generator/runtime/src/cli/watch.rs; do not edit by hand.
//! `--watch`: after an operation, poll a GET until a field of its answer says the work is done,
//! as the Atlas CLI's `--watch` does (a cluster being created is polled with `getCluster` until
//! its `stateName` is `IDLE`). Progress goes to standard error; the final answer is printed as
//! any answer is.

use std::time::Duration;

use serde_json::Value;

use super::super::poll::{Backoff, PollOptions};
use super::invocation::{CliError, Invocation};
use super::session::Session;
use super::spec::{CliApi, CliClient, CliOperation, CliWatch, WatchValue};

/// The longest pause between two polls.
const MAX_INTERVAL: Duration = Duration::from_secs(30);
/// Each pause is this much longer than the one before.
const FACTOR: f64 = 1.5;

/// The value at a dotted path: `stateName`, `progress.status`, `results.0.id` (a number picks
/// an item of an array).
pub(super) fn lookup<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.')
        .try_fold(value, |current, segment| match current {
            Value::Object(fields) => fields.get(segment),
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?),
            _ => None,
        })
}

/// The scalar at a dotted path as text (a number or boolean written out); `None` when absent,
/// null or not a scalar.
pub(super) fn text_at(value: &Value, path: &str) -> Option<String> {
    match lookup(value, path)? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// The operation a watcher polls, looked up before anything is sent.
///
/// # Errors
///
/// [`CliError::Usage`] when it is not compiled in (its tag's feature is off) or has no version.
pub(super) fn poll_operation<C>(
    api: &'static CliApi<C>,
    watch: &CliWatch,
) -> Result<&'static CliOperation<C>, CliError> {
    api.tags
        .iter()
        .flat_map(|tag| tag.operations.iter().copied())
        .find(|operation| operation.operation_id == watch.poll && !operation.versions.is_empty())
        .ok_or_else(|| {
            CliError::Usage(format!(
                "--watch polls {}, which is not compiled into this program (its tag's feature is off)",
                watch.poll
            ))
        })
}

/// How `--watch` was asked to wait.
#[derive(Debug, Clone, Copy)]
pub(super) struct WatchTiming {
    /// `--watchTimeout`; `None` waits without limit.
    pub(super) timeout: Option<Duration>,
    /// `--watchInterval`.
    pub(super) interval: Duration,
}

/// What one watched run waits with: the watcher, the operation it polls, and the watched
/// operation's values and answer the poll's values come from.
pub(super) struct Watched<'a, C: 'static> {
    /// The watched operation.
    pub(super) operation: &'static CliOperation<C>,
    /// Its watcher.
    pub(super) watch: &'static CliWatch,
    /// The operation it polls.
    pub(super) poll: &'static CliOperation<C>,
    /// The values the watched operation was called with.
    pub(super) invocation: &'a Invocation,
    /// The watched operation's answer.
    pub(super) answer: Option<&'a Value>,
}

/// Where the wait ended.
pub(super) struct Settled {
    /// The last poll's answer: printed either way.
    pub(super) answer: Value,
    /// The array a list answer of the poll holds, for `-o table`.
    pub(super) list_field: Option<&'static str>,
    /// [`CliError::WatchFailed`] when a failure value ended the wait.
    pub(super) failure: Option<CliError>,
}

/// Polls until a success or failure value, or the timeout.
///
/// # Errors
///
/// [`CliError::Api`] or [`CliError::Transport`] when a poll fails, [`CliError::WatchTimeout`]
/// when `timing.timeout` passes first, [`CliError::Usage`] when the poll's request cannot be
/// built.
pub(super) async fn follow<C: CliClient>(
    session: &Session<'_, C>,
    watched: &Watched<'_, C>,
    timing: WatchTiming,
) -> Result<Settled, CliError> {
    let (watch, poll) = (watched.watch, watched.poll);
    let version = poll
        .versions
        .first()
        .ok_or_else(|| CliError::Usage(format!("{} has no version", poll.name)))?;
    let invocation = poll_invocation(session, watched, version.name)?;
    let mut backoff = Backoff::new(&PollOptions {
        interval: timing.interval,
        max_interval: MAX_INTERVAL,
        factor: FACTOR,
        timeout: timing.timeout,
    });
    // A GET that watches itself has just answered: that answer is the first poll.
    let polls_itself =
        watched.operation.method == "GET" && watched.operation.operation_id == poll.operation_id;
    let mut pending = watched.answer.filter(|_| polls_itself).cloned();
    let mut polls = 0u32;
    loop {
        let answer = match pending.take() {
            Some(answer) => answer,
            None => {
                let spec = session.build(poll, version, &invocation)?;
                session.fetch_json(spec).await?.unwrap_or(Value::Null)
            }
        };
        polls = polls.saturating_add(1);
        let state = text_at(&answer, watch.field);
        if let Some(settled) = settle(watched, state.as_deref(), answer) {
            return Ok(settled);
        }
        let shown = state.as_deref().unwrap_or("absent");
        let elapsed = backoff.elapsed().as_secs_f64();
        eprintln!(
            "waiting: {} is {shown} (poll {polls}, {elapsed:.1} s)",
            watch.field
        );
        let Some(delay) = backoff.next_delay() else {
            return Err(CliError::WatchTimeout(format!(
                "--watch gave up after {} s: {} is still {shown} (a longer --watchTimeout waits longer)",
                backoff.elapsed().as_secs(),
                watch.field
            )));
        };
        tokio::time::sleep(delay).await;
    }
}

/// The end of the wait when `state` is a success or failure value; `None` to keep polling.
fn settle<C>(watched: &Watched<'_, C>, state: Option<&str>, answer: Value) -> Option<Settled> {
    let (watch, poll) = (watched.watch, watched.poll);
    let state = state?;
    let failure = match (
        watch.success.contains(&state),
        watch.failure.contains(&state),
    ) {
        (true, _) => None,
        (false, true) => Some(CliError::WatchFailed(format!(
            "{} of {} reached {state}",
            watch.field, poll.operation_id
        ))),
        (false, false) => return None,
    };
    Some(Settled {
        answer,
        list_field: poll.list_field,
        failure,
    })
}

/// The poll's values: the watched operation's values of the same names, else the defaults of
/// the environment and profile; then the watcher's own arguments.
fn poll_invocation<C>(
    session: &Session<'_, C>,
    watched: &Watched<'_, C>,
    version: &'static str,
) -> Result<Invocation, CliError> {
    let mut invocation = Invocation::new(version);
    for parameter in watched.poll.parameters {
        match watched.invocation.raw(parameter.name) {
            Some(values) => invocation.set(parameter.name, values.to_vec()),
            None => {
                let default = parameter
                    .default_env
                    .and_then(|v| session.settings.default_value(v));
                if let Some(value) = default {
                    invocation.set(parameter.name, vec![value]);
                }
            }
        }
    }
    for (name, source) in watched.watch.arguments {
        match argument_value(*source, watched)? {
            Some(values) => invocation.set(name, values),
            None => continue,
        }
    }
    Ok(invocation)
}

/// A watcher argument's value; `None` for an input that was not given (the poll's build says
/// whether it needs it).
fn argument_value<C>(
    source: WatchValue,
    watched: &Watched<'_, C>,
) -> Result<Option<Vec<String>>, CliError> {
    match source {
        WatchValue::Input(name) => Ok(watched.invocation.raw(name).map(<[String]>::to_vec)),
        WatchValue::Answer(path) => match watched.answer.and_then(|answer| text_at(answer, path)) {
            Some(value) => Ok(Some(vec![value])),
            None => Err(CliError::Transport(format!(
                "cannot --watch: the answer of {} has no {path} to poll {} with",
                watched.operation.operation_id, watched.watch.poll
            ))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    #[test]
    fn dotted_paths_reach_nested_fields_and_array_items() {
        let answer = json!({"stateName": "IDLE", "progress": {"done": 3, "ok": true}, "results": [{"id": "a"}, {"id": "b"}], "gone": null});
        assert_eq!(text_at(&answer, "stateName").as_deref(), Some("IDLE"));
        assert_eq!(text_at(&answer, "progress.done").as_deref(), Some("3"));
        assert_eq!(text_at(&answer, "progress.ok").as_deref(), Some("true"));
        assert_eq!(text_at(&answer, "results.1.id").as_deref(), Some("b"));
        assert_eq!(
            lookup(&answer, "progress"),
            Some(&json!({"done": 3, "ok": true}))
        );
        assert_eq!(text_at(&answer, "progress"), None);
        assert_eq!(text_at(&answer, "gone"), None);
        assert_eq!(text_at(&answer, "results.x.id"), None);
        assert_eq!(text_at(&answer, "stateName.deeper"), None);
        assert_eq!(text_at(&answer, "missing"), None);
    }
}
