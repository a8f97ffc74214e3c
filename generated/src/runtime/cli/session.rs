// @generated: a copy of generator/runtime/src/cli/session.rs; do not edit by hand.
//! One run's connection to Atlas: the client, the settings it was made from, and `--debug`'s
//! log of what is sent and received.

use std::fmt::Display;

use reqwest::Url;
use serde_json::Value;

use super::super::request::RequestSpec;
use super::super::response::RawResponse;
use super::super::stream::Streamed;
use super::answer;
use super::config::Settings;
use super::invocation::{CliError, Invocation};
use super::spec::{CliClient, CliOperation, CliVersion};

/// `--debug`'s lines on standard error. Nothing secret reaches it: credentials are described by
/// [`Settings::describe_credentials`], and requests by method, path and query only.
#[derive(Debug, Clone, Copy)]
pub(super) struct DebugLog {
    enabled: bool,
}

impl DebugLog {
    /// A log that prints when `enabled`.
    pub(super) fn new(enabled: bool) -> Self {
        Self { enabled }
    }

    /// Prints one line.
    pub(super) fn note(&self, message: impl Display) {
        if self.enabled {
            eprintln!("debug: {message}");
        }
    }

    /// Prints a line made only when printing (it costs formatting).
    pub(super) fn note_with(&self, message: impl FnOnce() -> String) {
        if self.enabled {
            eprintln!("debug: {}", message());
        }
    }
}

/// The client and what a run needs to send requests with it.
pub(super) struct Session<'s, C> {
    /// The connected client.
    pub(super) client: C,
    /// Where defaults come from.
    pub(super) settings: &'s Settings<'s>,
    /// `--debug`.
    pub(super) log: DebugLog,
}

impl<C: CliClient> Session<'_, C> {
    /// Builds `operation`'s request in `version` from `invocation`, as the library would.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] for a value or body the library refuses.
    pub(super) fn build(
        &self,
        operation: &CliOperation<C>,
        version: &CliVersion<C>,
        invocation: &Invocation,
    ) -> Result<RequestSpec, CliError> {
        self.log.note_with(|| {
            let name = if version.name.is_empty() {
                "none"
            } else {
                version.name
            };
            format!(
                "operation {} ({}), version {name}, Accept: {}",
                operation.name, operation.operation_id, version.accept
            )
        });
        (version.build)(&self.client, invocation)
    }

    /// Sends a request and reads its answer whole.
    ///
    /// # Errors
    ///
    /// [`CliError::Transport`] when no answer arrived.
    pub(super) async fn send(&self, spec: RequestSpec) -> Result<RawResponse, CliError> {
        self.log.note_with(|| request_line(&spec));
        let raw = self
            .client
            .transport()
            .execute(spec)
            .await
            .map_err(transport_error)?;
        self.log
            .note_with(|| format!("answer: HTTP {}, {} bytes", raw.status, raw.body.len()));
        Ok(raw)
    }

    /// Sends a request whose success is read as it arrives (a download).
    ///
    /// # Errors
    ///
    /// [`CliError::Transport`] when no answer arrived.
    pub(super) async fn send_streaming(&self, spec: RequestSpec) -> Result<Streamed, CliError> {
        self.log.note_with(|| request_line(&spec));
        let streamed = self
            .client
            .transport()
            .execute_streaming(spec)
            .await
            .map_err(transport_error)?;
        self.log.note_with(|| match &streamed {
            Streamed::Body(response) => {
                let length = response.body().content_length();
                let length = length.map_or("unknown length".to_owned(), |n| format!("{n} bytes"));
                format!("answer: HTTP {}, {length}, streamed", response.status())
            }
            Streamed::Complete(raw) => {
                format!("answer: HTTP {}, {} bytes", raw.status, raw.body.len())
            }
        });
        Ok(streamed)
    }

    /// Sends a request and returns its JSON answer (`None` when empty).
    ///
    /// # Errors
    ///
    /// [`CliError::Transport`] when no answer arrived or it is not JSON, [`CliError::Api`] for
    /// an error status.
    pub(super) async fn fetch_json(&self, spec: RequestSpec) -> Result<Option<Value>, CliError> {
        let raw = self.successful(self.send(spec).await?)?;
        answer::json_body(&raw)
    }

    /// The answer when its status is a success, else [`CliError::Api`] (which says how to give
    /// credentials for a 401 sent without any).
    ///
    /// # Errors
    ///
    /// [`CliError::Api`] for an error status.
    pub(super) fn successful(&self, raw: RawResponse) -> Result<RawResponse, CliError> {
        let unauthorized = raw.status == reqwest::StatusCode::UNAUTHORIZED;
        answer::successful(raw).map_err(|error| match (error, unauthorized) {
            (CliError::Api(message), true) => match self.settings.missing_credentials_hint() {
                Some(hint) => CliError::Api(format!("{message} ({hint})")),
                None => CliError::Api(message),
            },
            (error, _) => error,
        })
    }
}

/// `GET /api/atlas/v2/groups/5f1.../clusters?pageNum=2`: the request as sent, without the
/// host (which `--debug` prints once) or any header.
fn request_line(spec: &RequestSpec) -> String {
    let mut target = spec.path.clone();
    if !spec.query.is_empty() {
        // Encoded as the transport encodes it, through a URL's query.
        if let Ok(mut url) = Url::parse("http://query.invalid/") {
            url.query_pairs_mut().extend_pairs(
                spec.query
                    .iter()
                    .map(|(name, value)| (*name, value.as_str())),
            );
            target.push('?');
            target.push_str(url.query().unwrap_or_default());
        }
    }
    format!("request: {} {target}", spec.method)
}

fn transport_error(error: impl Display) -> CliError {
    CliError::Transport(error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    use reqwest::Method;

    #[test]
    fn a_request_line_has_the_method_path_and_encoded_query() {
        let spec = RequestSpec::new(
            Method::GET,
            "listClusters",
            "/x/{id}",
            "/x/a%20b",
            "application/json",
        )
        .query("name", "a b&c")
        .query("pageNum", "2");
        assert_eq!(
            request_line(&spec),
            "request: GET /x/a%20b?name=a+b%26c&pageNum=2"
        );
    }
}
