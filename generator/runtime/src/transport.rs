//! Sends requests: URL building, authentication, envelope unwrapping, retries and tracing.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{
    HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, USER_AGENT,
};
use reqwest::Url;
use tracing::Instrument;

use super::auth::{Authenticator, DigestTarget, TokenClientSettings};
use super::config::{ClientConfig, DEFAULT_CONNECT_TIMEOUT};
use super::envelope;
use super::error::{Chain, TransportError};
use super::failure::CallInfo;
use super::hooks::{Exchange, Hooks};
use super::request::{OutgoingBody, RequestSpec};
use super::response::ApiResponse;
use super::response::RawResponse;
use super::retry::{is_retryable_error, is_retryable_status, RetryPolicy};
use super::stream::{Answer, ByteStream, Streamed};

/// The HTTP engine behind a generated client. Cloning is cheap and clones
/// share the connection pool and the authentication state (token cache,
/// digest nonce).
#[derive(Clone)]
pub struct Transport {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// Without a trailing slash.
    base_url: String,
    /// The path of the base URL without a trailing slash (`""` for a bare host).
    base_path: String,
    /// Whether operations with a server of their own are sent there ([`RequestSpec::server`]).
    operation_servers: bool,
    user_agent: HeaderValue,
    timeout: Option<Duration>,
    retry: RetryPolicy,
    auth: Authenticator,
    error_body_limit: usize,
    hooks: Hooks,
}

impl Transport {
    /// Validates `config` and builds the transport (and its HTTP client, unless one was supplied).
    ///
    /// # Errors
    ///
    /// [`TransportError::Config`] for an unusable base URL, token URL, user agent
    /// or bearer token, or if the HTTP client cannot be built.
    pub fn new(config: ClientConfig) -> Result<Self, TransportError> {
        let base_url = config.base_url.trim_end_matches('/').to_owned();
        if base_url.is_empty() {
            return Err(TransportError::Config(
                "no base URL: the spec names no server, so give one with `ClientConfig::base_url`"
                    .into(),
            ));
        }
        let parsed = parse_http_url(&base_url, "base URL")?;
        if parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(TransportError::Config(format!(
                "base URL {base_url:?} must not contain a query or fragment"
            )));
        }
        let base_path = parsed.path().trim_end_matches('/').to_owned();
        let token_url = config.resolved_token_url(&base_url);
        parse_http_url(&token_url, "OAuth token URL")?;
        let user_agent = HeaderValue::from_str(&config.user_agent).map_err(|_| {
            TransportError::Config(format!(
                "user agent {:?} is not a valid header value",
                config.user_agent
            ))
        })?;
        // reqwest drops `Authorization` and `Cookie` when a redirect leaves the host, but not
        // other headers, and sends the query on in `Referer`: a key in those places must not
        // follow a redirect elsewhere, which only a policy of the client's own can ensure.
        let same_origin_only = config.credentials.leaks_on_redirect();
        let http = match config.http_client {
            Some(_) if same_origin_only => {
                return Err(TransportError::Config(
                    "an API key in a query parameter or in a header other than `Authorization` \
                     needs the client's own HTTP client, which follows redirects only within the \
                     base URL's origin: a client of your own could carry the key to another host"
                        .into(),
                ))
            }
            Some(client) => client,
            None if same_origin_only => reqwest::Client::builder()
                .connect_timeout(DEFAULT_CONNECT_TIMEOUT)
                .redirect(same_origin_redirects())
                .build()
                .map_err(|e| {
                    TransportError::Config(format!("cannot build the HTTP client: {}", Chain(&e)))
                })?,
            None => reqwest::Client::builder()
                .connect_timeout(DEFAULT_CONNECT_TIMEOUT)
                .build()
                .map_err(|e| {
                    TransportError::Config(format!("cannot build the HTTP client: {}", Chain(&e)))
                })?,
        };
        let auth = Authenticator::new(
            config.credentials,
            &token_url,
            TokenClientSettings {
                http: http.clone(),
                user_agent: user_agent.clone(),
                timeout: config.timeout,
            },
        )?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                base_url,
                base_path,
                operation_servers: config.operation_servers,
                user_agent,
                timeout: config.timeout,
                retry: config.retry,
                auth,
                error_body_limit: config.error_body_limit,
                hooks: config.hooks,
            }),
        })
    }

    /// The base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Sends the request with auth, retries and envelope handling, and returns the final response
    /// WHATEVER its status (non-2xx is not an error here: the generated code maps statuses to typed errors).
    ///
    /// # Errors
    ///
    /// [`TransportError::Http`] when no response arrived (after retries, where
    /// allowed), [`TransportError::Auth`] when credentials could not be used,
    /// [`TransportError::Envelope`] for a malformed envelope and
    /// [`TransportError::Config`] for a path that is not safely encoded.
    pub async fn execute(&self, request: RequestSpec) -> Result<RawResponse, TransportError> {
        let span = tracing::info_span!(
            "atlas.request",
            operation = request.operation_id,
            method = %request.method,
            path = request.path_template,
        );
        self.execute_with_retries(request).instrument(span).await
    }

    /// As [`Transport::execute`], but a success's body is not read: it is handed over as a
    /// [`ByteStream`] to be read chunk by chunk, so a download larger than memory can go
    /// straight to disk. Error statuses (and answers to `envelope=true`) are read whole, as
    /// `execute` reads them.
    ///
    /// # Errors
    ///
    /// As [`Transport::execute`].
    pub async fn execute_streaming(
        &self,
        request: RequestSpec,
    ) -> Result<Streamed, TransportError> {
        let span = tracing::info_span!(
            "atlas.request",
            operation = request.operation_id,
            method = %request.method,
            path = request.path_template,
            streaming = true,
        );
        self.execute_with_retries(request).instrument(span).await
    }

    async fn execute_with_retries<R: Receive>(
        &self,
        request: RequestSpec,
    ) -> Result<R, TransportError> {
        let url = self.url_for(&request)?;
        let target_uri = match url.query() {
            Some(query) => format!("{}?{}", url.path(), query),
            None => url.path().to_owned(),
        };
        let envelope = envelope::requested(&request.query);
        // A multipart body is built as it is sent: Digest's `auth-int` (which Atlas does not
        // ask for) would hash it as empty.
        let body = request
            .body
            .as_ref()
            .and_then(|b| b.bytes().cloned())
            .unwrap_or_default();
        let policy = &self.inner.retry;
        let may_retry = policy.allows(&request.method, request.retry_non_idempotent);
        let max_attempts = if may_retry { policy.attempts() } else { 1 };
        let mut attempt = 0u32;
        loop {
            attempt = attempt.saturating_add(1);
            let started = Instant::now();
            let target = DigestTarget {
                method: request.method.as_str(),
                uri: &target_uri,
                body: &body,
            };
            let result = self
                .inner
                .auth
                .send(target, |auth| async {
                    let response = self.send_once(&request, &url, attempt, auth).await?;
                    R::receive(
                        CallInfo::of(&request),
                        response,
                        envelope,
                        self.inner.error_body_limit,
                    )
                    .await
                })
                .await;
            let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            let last = attempt >= max_attempts;
            let delay = match result {
                Ok(response) => {
                    let status = response.status().as_u16();
                    tracing::debug!(attempt, status, elapsed_ms, "attempt finished");
                    if last || !is_retryable_status(response.status()) {
                        return Ok(response);
                    }
                    policy.delay(attempt, response.retry_after())
                }
                Err(TransportError::Http { error, .. }) if !last && is_retryable_error(&error) => {
                    tracing::debug!(attempt, elapsed_ms, error = %error, "attempt failed");
                    policy.delay(attempt, None)
                }
                Err(error) => {
                    tracing::debug!(attempt, elapsed_ms, error = %error, "attempt failed");
                    return Err(error);
                }
            };
            let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
            tracing::debug!(attempt, delay_ms, "retrying");
            tokio::time::sleep(delay).await;
        }
    }

    /// One HTTP exchange, up to the response's head: its body is for [`Receive`] to read. The
    /// hooks run around it, the before-send ones ahead of authentication so that they never
    /// see or set its header.
    async fn send_once(
        &self,
        request: &RequestSpec,
        url: &Url,
        attempt: u32,
        authorization: Option<HeaderValue>,
    ) -> Result<reqwest::Response, TransportError> {
        let inner = &self.inner;
        let failed = |error| TransportError::Http {
            call: CallInfo::of(request),
            error,
        };
        let key = match &inner.auth {
            Authenticator::Key(key) => Some(key),
            _ => None,
        };
        let sent_url = key.map_or_else(|| url.clone(), |key| key.url(url));
        let mut builder = inner
            .http
            .request(request.method.clone(), sent_url)
            .header(ACCEPT, request.accept)
            .header(USER_AGENT, inner.user_agent.clone());
        for (name, value) in &request.headers {
            builder = builder.header(*name, value.as_str());
        }
        for (name, value) in &request.extra_headers {
            builder = builder.header(name, value);
        }
        if let Some(spec_body) = &request.body {
            let (outgoing, content_type) =
                spec_body
                    .to_reqwest()
                    .await
                    .map_err(|reason| TransportError::Body {
                        call: CallInfo::of(request),
                        reason,
                    })?;
            if let Some(content_type) = content_type {
                builder = builder.header(CONTENT_TYPE, content_type);
            }
            builder = match outgoing {
                OutgoingBody::Bytes(bytes) => builder.body(bytes),
                OutgoingBody::Form(form) => builder.multipart(form),
                OutgoingBody::Stream(stream, Some(length)) => {
                    builder.header(CONTENT_LENGTH, length).body(stream)
                }
                OutgoingBody::Stream(stream, None) => builder.body(stream),
            };
        }
        if let Some(timeout) = inner.timeout {
            builder = builder.timeout(timeout);
        }
        let redact = |error| match key {
            Some(key) => key.redact(error),
            None => error,
        };
        let mut outgoing = builder.build().map_err(|e| failed(redact(e)))?;
        let exchange = Exchange {
            operation_id: request.operation_id,
            method: &request.method,
            url,
            attempt,
        };
        inner.hooks.before_send(exchange, outgoing.headers_mut());
        if let Some(value) = authorization {
            // Inserted, not appended: the credentials' value is the only one sent.
            outgoing.headers_mut().insert(AUTHORIZATION, value);
        }
        if let Some(key) = key {
            key.place(outgoing.headers_mut());
        }
        let started = Instant::now();
        let result = inner.http.execute(outgoing).await.map_err(redact);
        inner
            .hooks
            .after_answer(exchange, &result, started.elapsed());
        result.map_err(failed)
    }

    /// The full URL of a request.
    ///
    /// The path is checked to survive URL parsing unchanged. Parsing resolves
    /// dot segments (`..`, and per the URL standard also `%2E%2E`) and would
    /// silently address another resource, so any change is refused.
    fn url_for(&self, request: &RequestSpec) -> Result<Url, TransportError> {
        let path = &request.path;
        if !path.starts_with('/') {
            return Err(TransportError::Config(format!(
                "request path {path:?} must start with '/'"
            )));
        }
        let (base_url, base_path) = match request.server {
            Some(server) if self.inner.operation_servers => {
                let server = server.trim_end_matches('/');
                let parsed = parse_http_url(server, "operation server")?;
                (server, parsed.path().trim_end_matches('/').to_owned())
            }
            _ => (self.inner.base_url.as_str(), self.inner.base_path.clone()),
        };
        let mut url = Url::parse(&format!("{base_url}{path}")).map_err(|e| {
            TransportError::Config(format!(
                "request path {path:?} is not a valid URL path: {e}"
            ))
        })?;
        let expected = format!("{base_path}{path}");
        if url.path() != expected || url.query().is_some() || url.fragment().is_some() {
            return Err(TransportError::Config(format!(
                "request path {path:?} must be percent-encoded and must not contain `.` or `..` segments"
            )));
        }
        if !request.query.is_empty() {
            url.query_pairs_mut().extend_pairs(
                request
                    .query
                    .iter()
                    .map(|(name, value)| (*name, value.as_str())),
            );
        }
        Ok(url)
    }
}

/// How an answer's body is read once its head has arrived: whole ([`RawResponse`]), or, for a
/// success, left to stream ([`Streamed`]).
pub(crate) trait Receive: Answer {
    async fn receive(
        call: CallInfo,
        response: reqwest::Response,
        envelope: bool,
        error_body_limit: usize,
    ) -> Result<Self, TransportError>;
}

impl Receive for RawResponse {
    /// Reads the whole body and unwraps the envelope.
    async fn receive(
        call: CallInfo,
        mut response: reqwest::Response,
        envelope: bool,
        error_body_limit: usize,
    ) -> Result<Self, TransportError> {
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        let body = response
            .bytes()
            .await
            .map_err(|error| TransportError::Http {
                call: call.clone(),
                error,
            })?;
        let raw = RawResponse::new(call, status, headers, body).error_body_limit(error_body_limit);
        if envelope {
            envelope::unwrap(raw)
        } else {
            Ok(raw)
        }
    }
}

impl Receive for Streamed {
    /// Leaves a success's body unread (unless it is an envelope to unwrap); reads the rest whole.
    async fn receive(
        call: CallInfo,
        mut response: reqwest::Response,
        envelope: bool,
        error_body_limit: usize,
    ) -> Result<Self, TransportError> {
        if envelope || !response.status().is_success() {
            return RawResponse::receive(call, response, envelope, error_body_limit)
                .await
                .map(Streamed::Complete);
        }
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        Ok(Streamed::Body(ApiResponse::new(
            status,
            headers,
            ByteStream::live(response, call),
        )))
    }
}

/// Follows a redirect only to the scheme, host and port the request was first sent to.
fn same_origin_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let origin = attempt.previous().first().map(Url::origin);
        if attempt.previous().len() > 10 {
            attempt.error("too many redirects")
        } else if origin == Some(attempt.url().origin()) {
            attempt.follow()
        } else {
            // The redirect answer itself is returned, as an error status would be.
            attempt.stop()
        }
    })
}

fn parse_http_url(url: &str, what: &str) -> Result<Url, TransportError> {
    let parsed = Url::parse(url)
        .map_err(|e| TransportError::Config(format!("{what} {url:?} is invalid: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || !parsed.has_host() {
        return Err(TransportError::Config(format!(
            "{what} {url:?} must be an http(s) URL"
        )));
    }
    Ok(parsed)
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.inner.base_url)
            .field("auth", &self.inner.auth)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .field("hooks", &self.inner.hooks)
            .finish_non_exhaustive()
    }
}
