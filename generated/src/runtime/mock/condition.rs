// @generated: a copy of generator/runtime/src/mock/condition.rs; do not edit by hand.
//! What a stub requires of a request, one condition at a time, so that a request no stub
//! answers can be explained: which condition of which stub it failed, and what it had instead.

use std::fmt;
use std::sync::Arc;

use percent_encoding::percent_decode_str;
use wiremock::Request;

use super::MockCall;

/// A check of a request: `Ok` when it holds, else what the request had instead.
type Check = dyn Fn(&Request) -> Result<(), String> + Send + Sync;

/// One thing a stub requires of a request, and how to say it.
#[derive(Clone)]
pub struct Condition {
    /// What is required, as a test failure says it: "`Accept` is `...`".
    pub(super) wanted: String,
    check: Arc<Check>,
}

impl fmt::Debug for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.wanted)
    }
}

impl Condition {
    /// A condition described as `wanted`, holding when `check` returns `Ok`.
    pub fn new(
        wanted: impl Into<String>,
        check: impl Fn(&Request) -> Result<(), String> + Send + Sync + 'static,
    ) -> Self {
        Self {
            wanted: wanted.into(),
            check: Arc::new(check),
        }
    }

    /// `Ok`, or what the request had instead.
    pub fn check(&self, request: &Request) -> Result<(), String> {
        (self.check)(request)
    }

    /// The request's method and path are the call's.
    pub(super) fn route(call: &'static MockCall) -> Self {
        Self::new(
            format!("`{} {}`", call.method, call.path_template),
            move |request| match call.route_matches(request) {
                true => Ok(()),
                false => Err(format!("`{} {}`", request.method, request.url.path())),
            },
        )
    }

    /// The header `name` is `value` exactly.
    pub(super) fn header(name: &'static str, value: &'static str) -> Self {
        Self::new(format!("`{name}: {value}`"), move |request| {
            let found = request
                .headers
                .get(name)
                .map(|v| v.to_str().unwrap_or("(not text)"));
            match found {
                Some(found) if found == value => Ok(()),
                Some(found) => Err(format!("`{name}: {found}`")),
                None => Err(format!("no `{name}` header")),
            }
        })
    }

    /// The path parameter `name` of the call's template is `value` (once percent-decoded).
    pub(super) fn path_parameter(
        call: &'static MockCall,
        name: &'static str,
        value: String,
    ) -> Self {
        Self::new(
            format!("path `{name}` = `{value}`"),
            move |request| match call.path_parameter(request.url.path(), name) {
                Some(found) if found == value => Ok(()),
                Some(found) => Err(format!("path `{name}` = `{found}`")),
                None => Err(format!("no path `{name}`")),
            },
        )
    }

    /// The query parameter `name` has exactly `values`, in order (several for an array).
    pub(super) fn query_parameter(name: &'static str, values: Vec<String>) -> Self {
        Self::new(
            format!("query `{name}` = {}", shown(&values)),
            move |request| {
                let found: Vec<String> = request
                    .url
                    .query_pairs()
                    .filter(|(key, _)| key == name)
                    .map(|(_, value)| value.into_owned())
                    .collect();
                match found == values {
                    true => Ok(()),
                    false => Err(format!("query `{name}` = {}", shown(&found))),
                }
            },
        )
    }

    /// The header parameter `name` is `value` (an array's values joined by `,`, however many
    /// header lines carried them).
    pub(super) fn header_parameter(name: &'static str, value: String) -> Self {
        Self::new(format!("header `{name}: {value}`"), move |request| {
            let lines: Vec<&str> = request
                .headers
                .get_all(name)
                .iter()
                .map(|v| v.to_str().unwrap_or("(not text)"))
                .collect();
            match lines.join(",") {
                _ if lines.is_empty() => Err(format!("no `{name}` header")),
                found if found == value => Ok(()),
                found => Err(format!("header `{name}: {found}`")),
            }
        })
    }
}

/// Values as a test failure shows them: `(none)`, `` `a` ``, or `` `a`, `b` ``.
fn shown(values: &[String]) -> String {
    if values.is_empty() {
        return "(none)".to_owned();
    }
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    quoted.join(", ")
}

impl MockCall {
    /// Whether a request is this call's method and path (any parameter values).
    pub(super) fn route_matches(&self, request: &Request) -> bool {
        request.method.as_str() == self.method && self.parameters_of(request.url.path()).is_some()
    }

    /// The value of a path parameter in `path`, percent-decoded; `None` when `path` does not
    /// follow the template.
    fn path_parameter(&self, path: &str, name: &str) -> Option<String> {
        self.parameters_of(path)?
            .into_iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    }

    /// Every path parameter of `path` by name, when it follows the template segment by segment.
    /// A segment may mix text and parameters (`{id}:accept`).
    fn parameters_of(&self, path: &str) -> Option<Vec<(&'static str, String)>> {
        let template: Vec<&'static str> = self.path_template.split('/').collect();
        let actual: Vec<&str> = path.split('/').collect();
        if template.len() != actual.len() {
            return None;
        }
        let mut found = Vec::new();
        for (pattern, segment) in template.into_iter().zip(actual) {
            found.extend(segment_parameters(pattern, segment)?);
        }
        Some(found)
    }
}

/// The parameters of one path segment following `pattern` (`{id}:accept`), decoded.
fn segment_parameters(pattern: &'static str, segment: &str) -> Option<Vec<(&'static str, String)>> {
    let Some(open) = pattern.find('{') else {
        return (pattern == segment).then(Vec::new);
    };
    let close = open + pattern[open..].find('}')?;
    let (prefix, name, suffix) = (
        &pattern[..open],
        &pattern[open + 1..close],
        &pattern[close + 1..],
    );
    let rest = segment.strip_prefix(prefix)?;
    // The value runs to the last place the rest of the pattern can still follow.
    let fixed_suffix = &suffix[..suffix.find('{').unwrap_or(suffix.len())];
    for (end, _) in rest.char_indices().chain([(rest.len(), ' ')]).rev() {
        if !rest[end..].starts_with(fixed_suffix) || end == 0 {
            continue;
        }
        if let Some(mut tail) = segment_parameters(suffix, &rest[end..]) {
            let value = percent_decode_str(&rest[..end])
                .decode_utf8_lossy()
                .into_owned();
            tail.insert(0, (name, value));
            return Some(tail);
        }
    }
    None
}
