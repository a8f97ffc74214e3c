//! Reading an answer read whole: an error status becomes the Atlas CLI's error message, a
//! success its JSON document.

use serde_json::Value;

use super::super::failure::{excerpt, CallInfo};
use super::super::response::RawResponse;
use super::invocation::CliError;

/// How many characters of a non-JSON error body the message quotes.
const EXCERPT_CHARS: usize = 200;

/// The answer when its status is a success; [`CliError::Api`] otherwise.
///
/// # Errors
///
/// [`CliError::Api`] with [`api_error_message`]'s text.
pub(super) fn successful(raw: RawResponse) -> Result<RawResponse, CliError> {
    match raw.status.is_success() {
        true => Ok(raw),
        false => Err(CliError::Api(api_error_message(raw))),
    }
}

/// The body of a success as JSON; `None` when it is empty (204 and the like).
///
/// # Errors
///
/// [`CliError::Transport`] when the body is not JSON (it is not quoted: a success can hold a
/// secret, such as a new API key).
pub(super) fn json_body(raw: &RawResponse) -> Result<Option<Value>, CliError> {
    if raw.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    serde_json::from_slice(&raw.body).map(Some).map_err(|e| {
        CliError::Transport(format!(
            "{}: the HTTP {} answer is not JSON ({} bytes): {e}",
            call_prefix(raw.call()),
            raw.status,
            raw.body.len()
        ))
    })
}

/// The Atlas CLI's form: `GET /api/atlas/v2/groups/{groupId}/clusters (listClusters): HTTP 404
/// Not Found (Error code: "RESOURCE_NOT_FOUND") Detail: No group. Reason: Not Found.`, with
/// the refused fields of a 400 after it. A body that is not an Atlas error document is quoted
/// (it comes from a proxy, and is often the only clue).
pub(super) fn api_error_message(raw: RawResponse) -> String {
    let prefix = format!("{}: HTTP {}", call_prefix(raw.call()), raw.status);
    match raw.into_failure() {
        Ok(failure) => {
            let mut message = prefix;
            if let Some(code) = failure.error_code() {
                message.push_str(&format!(" (Error code: {code:?})"));
            }
            if let Some(detail) = failure.detail() {
                message.push_str(&format!(" Detail: {}", detail.trim()));
            }
            if let Some(reason) = failure.reason() {
                message.push_str(&format!(
                    " Reason: {}.",
                    reason.trim().trim_end_matches('.')
                ));
            }
            let fields = failure.body().field_violations();
            if !fields.is_empty() {
                let list: Vec<String> = fields
                    .iter()
                    .map(|(field, why)| format!("{field}: {why}"))
                    .collect();
                message.push_str(&format!(" Fields: {}", list.join("; ")));
            }
            message
        }
        Err(failure) if failure.response().body_len() == 0 => format!("{prefix} (empty body)"),
        Err(failure) => format!("{prefix}: {}", excerpt(&failure.body_text(), EXCERPT_CHARS)),
    }
}

/// `GET /path/{template} (operationId)`.
fn call_prefix(call: &CallInfo) -> String {
    format!(
        "{} {} ({})",
        call.method, call.path_template, call.operation_id
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use reqwest::header::HeaderMap;
    use reqwest::{Method, StatusCode};

    fn raw(status: u16, body: &str) -> RawResponse {
        let call = CallInfo {
            operation_id: "getCluster",
            method: Method::GET,
            path_template: "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}",
        };
        let status = StatusCode::from_u16(status).unwrap();
        RawResponse::new(call, status, HeaderMap::new(), body.to_owned().into())
    }

    #[test]
    fn an_atlas_error_reads_as_the_atlas_cli_prints_it() {
        let body = r#"{"error":404,"errorCode":"CLUSTER_NOT_FOUND","detail":"No cluster named Cluster0 exists in group 32b6e34b3d91647abb20e7b8.","reason":"Not Found","parameters":["Cluster0"]}"#;
        assert_eq!(
            api_error_message(raw(404, body)),
            "GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName} (getCluster): HTTP 404 Not Found \
             (Error code: \"CLUSTER_NOT_FOUND\") Detail: No cluster named Cluster0 exists in group \
             32b6e34b3d91647abb20e7b8. Reason: Not Found."
        );
    }

    #[test]
    fn refused_fields_follow_the_message() {
        let body = r#"{"error":400,"errorCode":"INVALID_ATTRIBUTE","reason":"Bad Request","badRequestDetail":{"fields":[{"field":"name","description":"too long"}]}}"#;
        let message = api_error_message(raw(400, body));
        assert!(
            message.ends_with("Reason: Bad Request. Fields: name: too long"),
            "{message}"
        );
    }

    #[test]
    fn another_body_is_quoted_on_one_line() {
        let message = api_error_message(raw(502, "<html>\n  <b>Bad   gateway</b>\n</html>"));
        assert!(
            message.ends_with("HTTP 502 Bad Gateway: <html> <b>Bad gateway</b> </html>"),
            "{message}"
        );
        let empty = api_error_message(raw(401, ""));
        assert!(
            empty.ends_with("HTTP 401 Unauthorized (empty body)"),
            "{empty}"
        );
    }

    #[test]
    fn a_success_is_json_or_nothing() {
        assert_eq!(json_body(&raw(204, "")).unwrap(), None);
        assert_eq!(
            json_body(&raw(200, "{\"a\":1}")).unwrap(),
            Some(serde_json::json!({"a": 1}))
        );
        let error = json_body(&raw(200, "secret-key-material"))
            .unwrap_err()
            .to_string();
        assert!(!error.contains("secret"), "{error}");
        assert!(successful(raw(404, "{}")).is_err());
    }
}
