//! Client configuration: where to connect, how to authenticate, timeouts and retries.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::auth::Credentials;
use super::hooks::{AnswerInfo, Hooks, OutgoingRequest};
use super::retry::RetryPolicy;

/// The default overall timeout of one HTTP attempt.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The default TCP/TLS connect timeout (used only when the runtime builds the HTTP client).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How many bytes of a response body an error keeps by default: 64 KiB, more than any Atlas
/// error document and enough of a decoded body to see what was wrong with it.
pub const DEFAULT_ERROR_BODY_LIMIT: usize = 64 * 1024;

/// The path of the OAuth token endpoint relative to the base URL, used when no
/// token URL is configured.
pub const DEFAULT_OAUTH_TOKEN_PATH: &str = "/api/oauth/token";

/// Settings for a [`Transport`](super::Transport).
///
/// `Debug` is safe to log: credentials print their secrets as `[redacted]`, and hooks only
/// how many there are.
#[derive(Clone)]
pub struct ClientConfig {
    pub(crate) base_url: String,
    /// Whether operations with a server of their own are sent there: until a base URL is given.
    pub(crate) operation_servers: bool,
    pub(crate) credentials: Credentials,
    pub(crate) timeout: Option<Duration>,
    pub(crate) user_agent: String,
    pub(crate) retry: RetryPolicy,
    pub(crate) http_client: Option<reqwest::Client>,
    pub(crate) oauth_token_url: Option<String>,
    pub(crate) error_body_limit: usize,
    pub(crate) hooks: Hooks,
}

impl ClientConfig {
    /// Starts a configuration for the API at `base_url` (scheme and host, for
    /// example the spec's default server), with no credentials, a 60 s timeout,
    /// the default [`RetryPolicy`] and the user agent `atlas-admin/<version>`.
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            operation_servers: true,
            credentials: Credentials::None,
            timeout: Some(DEFAULT_TIMEOUT),
            user_agent: concat!("atlas-admin/", env!("CARGO_PKG_VERSION")).to_owned(),
            retry: RetryPolicy::default(),
            http_client: None,
            oauth_token_url: None,
            error_body_limit: DEFAULT_ERROR_BODY_LIMIT,
            hooks: Hooks::default(),
        }
    }

    /// Sets the credentials.
    #[must_use]
    pub fn credentials(mut self, c: Credentials) -> Self {
        self.credentials = c;
        self
    }

    /// Sets the overall timeout of each HTTP attempt (connect, send and read the whole body).
    #[must_use]
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = Some(d);
        self
    }

    /// Removes the per-attempt timeout (for very large downloads).
    #[must_use]
    pub fn no_timeout(mut self) -> Self {
        self.timeout = None;
        self
    }

    /// Sets the `User-Agent` header.
    #[must_use]
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = ua.into();
        self
    }

    /// Sets the retry policy ([`RetryPolicy::none`] disables retries).
    #[must_use]
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Uses an existing `reqwest::Client` (proxies, custom TLS roots, connection
    /// pool sharing). Timeout and user agent are still applied per request.
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Sets the OAuth token endpoint used for service accounts. Without it the
    /// endpoint is the base URL followed by `/api/oauth/token`.
    #[must_use]
    pub fn oauth_token_url(mut self, url: impl Into<String>) -> Self {
        self.oauth_token_url = Some(url.into());
        self
    }

    /// Sets how many bytes of a response body an error keeps (default
    /// [`DEFAULT_ERROR_BODY_LIMIT`]). Longer bodies are cut, and the error says so
    /// ([`ErrorResponse::is_truncated`](super::ErrorResponse::is_truncated)); error documents
    /// are decoded before the cut.
    #[must_use]
    pub fn error_body_limit(mut self, bytes: usize) -> Self {
        self.error_body_limit = bytes;
        self
    }

    /// Adds a hook run before each HTTP exchange is sent: each attempt of a call, and the second
    /// exchange of a Digest challenge or of an OAuth token refresh. It can read the request's
    /// method, URL, attempt number and headers, and add or replace headers (a correlation id,
    /// a tracing context).
    ///
    /// It runs before authentication: it never sees the `Authorization` value, and the
    /// headers the client sets itself (`Authorization`, `Proxy-Authorization`, `Cookie`,
    /// `Accept`, `Content-Type`...) are refused with a
    /// [`ReservedHeader`](super::hooks::ReservedHeader) error. It is not run for the OAuth
    /// token request. Hooks added earlier run first.
    #[must_use]
    pub fn before_send(
        mut self,
        hook: impl Fn(&mut OutgoingRequest<'_>) + Send + Sync + 'static,
    ) -> Self {
        self.hooks.add_before(Arc::new(hook));
        self
    }

    /// Adds a hook run after each HTTP exchange (the same exchanges as
    /// [`ClientConfig::before_send`]), with its status and headers, or the error when no answer
    /// came, and how long it took: for metrics and logs. The headers that carry secrets or
    /// Digest nonces (`Set-Cookie`, `WWW-Authenticate`, `Authentication-Info`) are left out.
    /// Hooks added earlier run first.
    #[must_use]
    pub fn after_answer(mut self, hook: impl Fn(&AnswerInfo<'_>) + Send + Sync + 'static) -> Self {
        self.hooks.add_after(Arc::new(hook));
        self
    }

    /// Replaces the base URL. Every call then goes to it, those of operations the spec gives a
    /// server of their own included (a test server, a proxy).
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self.operation_servers = false;
        self
    }

    /// The token endpoint that will be used for service accounts.
    pub(crate) fn resolved_token_url(&self, normalized_base: &str) -> String {
        match &self.oauth_token_url {
            Some(url) => url.clone(),
            None => format!("{normalized_base}{DEFAULT_OAUTH_TOKEN_PATH}"),
        }
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("custom_http_client", &self.http_client.is_some())
            .field("oauth_token_url", &self.oauth_token_url)
            .field("error_body_limit", &self.error_body_limit)
            .field("hooks", &self.hooks)
            .finish()
    }
}
