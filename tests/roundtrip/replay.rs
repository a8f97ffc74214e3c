//! Replays recorded Atlas answers (`tests/corpus/atlas-answers.jsonl`) through the full-spec
//! client: each answer becomes the `RawResponse` the transport would have handed over, and goes
//! through the builder's `decode_answer`, the one decoding `send()` uses. What comes out is
//! encoded back and compared with what came in, leaf by leaf. Copied to
//! `target/roundtrip/src/replay.rs`, next to the generated `replay_table.rs`.

use atlas_admin_full::runtime::{ApiResponse, CallInfo, RawResponse};
use atlas_admin_full::{Bytes, Error, HeaderMap, HeaderValue, Method, StatusCode};
use serde::Serialize;
use serde_json::Value;

/// Decodes one answer as `send()` of one method would.
pub type Decode = fn(RawResponse) -> Decoded;

/// What the client made of an answer.
pub enum Decoded {
    /// A success, encoded back to JSON (`Value::Null` for `()`).
    Json(Value),
    /// A success kept as text (a string answer).
    Text(String),
    /// A success kept as bytes.
    Bytes(Bytes),
    /// An Atlas error document, encoded back.
    ApiError(Value),
    /// An error status whose body is not an error document.
    HttpError,
    /// A failure: what the caller would have seen instead of the answer.
    Failed(String),
}

pub fn json<T: Serialize>(result: Result<ApiResponse<T>, Error>) -> Decoded {
    match result {
        Ok(answer) => match serde_json::to_value(answer.body()) {
            Ok(Value::String(text)) => Decoded::Text(text),
            Ok(value) => Decoded::Json(value),
            Err(e) => Decoded::Failed(format!("encode failed: {e}")),
        },
        Err(error) => failure(error),
    }
}

pub fn bytes(result: Result<ApiResponse<Bytes>, Error>) -> Decoded {
    match result {
        Ok(answer) => Decoded::Bytes(answer.into_body()),
        Err(error) => failure(error),
    }
}

fn failure(error: Error) -> Decoded {
    match error {
        Error::Api(failure) => match serde_json::to_value(failure.body()) {
            Ok(value) => Decoded::ApiError(value),
            Err(e) => Decoded::Failed(format!("error document does not encode: {e}")),
        },
        Error::Http(_) => Decoded::HttpError,
        other => Decoded::Failed(other.to_string()),
    }
}

/// One recorded answer, as the corpus holds it.
#[derive(serde::Deserialize)]
pub struct Answer {
    pub source: String,
    #[serde(rename = "operationId")]
    pub operation_id: String,
    pub method: String,
    pub template: String,
    pub version: Option<String>,
    pub status: u16,
    #[serde(rename = "contentType")]
    pub content_type: Option<String>,
    pub body: String,
}

/// What happened to one answer: nothing in `problems` means every leaf came back.
#[derive(serde::Serialize)]
pub struct Replayed {
    pub line: usize,
    #[serde(rename = "operationId")]
    pub operation_id: String,
    pub status: u16,
    pub source: String,
    /// `decoded`, `skipped: ...`, `failed`, `lost`.
    pub outcome: String,
    pub problems: Vec<String>,
}

/// `free_form`: a file listing, as a JSON array, the property names the spec types as free-form
/// JSON (any value, or a map): inside them, key order must come back as it came.
pub fn run(corpus: &str, report: &str, free_form: &str) {
    let text = std::fs::read_to_string(corpus).expect("the corpus is readable");
    let names: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(free_form).expect("the free-form names are readable"),
    )
    .expect("the free-form names are a JSON list");
    let names: std::collections::HashSet<String> = names.into_iter().collect();
    let mut replayed = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let answer: Answer = serde_json::from_str(line).expect("a corpus line is JSON");
        replayed.push(replay_one(index + 1, answer, &names));
    }
    let json = serde_json::to_string_pretty(&replayed).expect("the report serialises");
    std::fs::write(report, json).expect("the report is writable");
}

fn replay_one(
    line: usize,
    answer: Answer,
    free_form: &std::collections::HashSet<String>,
) -> Replayed {
    let mut replayed = Replayed {
        line,
        operation_id: answer.operation_id.clone(),
        status: answer.status,
        source: answer.source.clone(),
        outcome: String::new(),
        problems: Vec::new(),
    };
    let Some(entry) = method_for(&answer) else {
        replayed.outcome = format!(
            "skipped: the spec has no version {} of this operation",
            answer.version.as_deref().unwrap_or("(none)")
        );
        return replayed;
    };
    let response = raw_response(&answer, entry);
    // A panic would be an abort of the user's process: caught, it is reported, not hidden.
    let decoded = std::panic::catch_unwind(|| (entry.decode)(response));
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(_) => {
            replayed.outcome = "failed".into();
            replayed.problems.push("decoding panicked".into());
            return replayed;
        }
    };
    replayed.problems = compare(&answer, decoded, free_form);
    replayed.outcome = match replayed.problems.first() {
        None => "decoded".into(),
        Some(first) if first.starts_with("failed") => "failed".into(),
        Some(_) => "lost".into(),
    };
    replayed
}

/// The generated method for the answer's operation and version: the one whose `Accept` is the
/// recorded media type when several formats share the version.
fn method_for(answer: &Answer) -> Option<&'static crate::replay_table::Entry> {
    let version = answer.version.as_deref().unwrap_or("");
    let candidates: Vec<&crate::replay_table::Entry> = crate::replay_table::ENTRIES
        .iter()
        .filter(|e| e.operation_id == answer.operation_id)
        .collect();
    let same_version: Vec<_> = candidates
        .iter()
        .copied()
        .filter(|e| e.version == version)
        .collect();
    let essence = answer
        .content_type
        .as_deref()
        .map(|c| c.split(';').next().unwrap_or_default().trim().to_owned());
    match (same_version.as_slice(), essence) {
        ([], _) if answer.status >= 400 || version.is_empty() => candidates.first().copied(),
        ([], _) => None,
        (found, Some(essence)) => found
            .iter()
            .copied()
            .find(|e| e.accept == essence)
            .or(found.first().copied()),
        (found, None) => found.first().copied(),
    }
}

fn raw_response(answer: &Answer, entry: &'static crate::replay_table::Entry) -> RawResponse {
    let call = CallInfo {
        operation_id: entry.operation_id,
        method: Method::from_bytes(answer.method.as_bytes()).expect("a recorded method"),
        path_template: entry.template,
    };
    let mut headers = HeaderMap::new();
    // The Terraform recordings keep no `Content-Type`: the version's own media type, as Atlas
    // answers a success (its errors are `application/json`).
    let content_type = match &answer.content_type {
        Some(recorded) => recorded.clone(),
        None if answer.status >= 400 => "application/json".to_owned(),
        None => entry.accept.to_owned(),
    };
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        headers.insert("content-type", value);
    }
    RawResponse::new(
        call,
        StatusCode::from_u16(answer.status).expect("a recorded status"),
        headers,
        Bytes::from(answer.body.clone()),
    )
}

/// Every difference between what came and what the client gives back.
fn compare(
    answer: &Answer,
    decoded: Decoded,
    free_form: &std::collections::HashSet<String>,
) -> Vec<String> {
    let body = answer.body.as_str();
    let blank = body.trim().is_empty();
    let original: Option<Value> = serde_json::from_str(body).ok();
    let mut problems = Vec::new();
    match decoded {
        Decoded::Failed(message) => problems.push(format!("failed: {message}")),
        Decoded::Bytes(bytes) if bytes == body.as_bytes() => {}
        Decoded::Bytes(_) => problems.push("the bytes differ".into()),
        Decoded::Text(text) => match &original {
            Some(Value::String(expected)) if *expected == text => {}
            None if text == body => {}
            _ => problems.push(format!("text differs: got {}", crate::short(&Value::String(text)))),
        },
        Decoded::Json(Value::Null) if blank => {}
        // An operation answering nothing (`()`) that sends `{}`: no leaf to lose.
        Decoded::Json(Value::Null) if original.as_ref().is_some_and(has_no_leaves) => {}
        Decoded::Json(value) | Decoded::ApiError(value) => match &original {
            Some(expected) if blank => problems.push(format!(
                "a blank body decoded as {}",
                crate::short(expected)
            )),
            Some(expected) => {
                crate::diff("", expected, &value, &mut problems);
                key_order("", expected, &value, false, free_form, &mut problems);
            }
            None if blank => {}
            None => problems.push("the body is not JSON, but decoded as JSON".into()),
        },
        Decoded::HttpError if answer.status >= 400 && !matches!(original, Some(Value::Object(_))) => {}
        Decoded::HttpError => problems.push("an error document read as a plain HTTP failure".into()),
    }
    problems
}

fn has_no_leaves(value: &Value) -> bool {
    match value {
        Value::Object(object) => object.values().all(has_no_leaves),
        Value::Array(items) => items.iter().all(has_no_leaves),
        _ => false,
    }
}

/// Inside free-form JSON (a property the spec types as any value or a map, and everything in
/// it), every object must keep its keys in the order they came: such objects are MongoDB
/// documents (index definitions, aggregation stages), where order matters. Typed objects are
/// written in their fields' order, which is not a loss.
fn key_order(
    path: &str,
    expected: &Value,
    got: &Value,
    free_form: bool,
    names: &std::collections::HashSet<String>,
    out: &mut Vec<String>,
) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            if free_form && e.keys().ne(g.keys()) && e.len() == g.len() {
                out.push(format!(
                    "{}: key order differs: came {:?}, went back {:?}",
                    if path.is_empty() { "/" } else { path },
                    e.keys().collect::<Vec<_>>(),
                    g.keys().collect::<Vec<_>>()
                ));
            }
            for (key, value) in e {
                if let Some(back) = g.get(key) {
                    let inner = free_form || names.contains(key);
                    key_order(&format!("{path}/{key}"), value, back, inner, names, out);
                }
            }
        }
        (Value::Array(e), Value::Array(g)) => {
            for (index, (value, back)) in e.iter().zip(g).enumerate() {
                key_order(&format!("{path}/{index}"), value, back, free_form, names, out);
            }
        }
        _ => {}
    }
}
