// @generated: a copy of generator/runtime/src/auth/oauth.rs; do not edit by hand.
//! OAuth 2.0 client-credentials flow for Atlas service accounts, with a single-flight token cache.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE, USER_AGENT};
use serde::Deserialize;
use tokio::sync::Mutex;

use super::super::error::AuthError;
use super::super::response::snippet;
use super::super::secret::Secret;
use super::{bearer_header, TokenClientSettings};

/// Refresh at the latest this long before expiry...
const MAX_REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// ...or after 90 % of the lifetime for short-lived tokens.
const REFRESH_MARGIN_FRACTION: u32 = 10;
/// Lifetime assumed when the token response has no `expires_in`; a 401 still
/// triggers a refresh if the real lifetime is shorter.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(600);
/// Longer lifetimes are clamped, which keeps `Instant` arithmetic far from overflow.
const MAX_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
    #[serde(default)]
    token_type: Option<String>,
}

struct CachedToken {
    header: HeaderValue,
    generation: u64,
    refresh_at: Instant,
}

#[derive(Default)]
struct CacheState {
    token: Option<CachedToken>,
    /// Counts fetched tokens, so `invalidate` can tell whether the token a
    /// caller saw rejected is still the cached one.
    generation: u64,
}

/// A token handed to one request.
pub(crate) struct IssuedToken {
    /// `Bearer <access token>`, marked sensitive.
    pub(crate) header: HeaderValue,
    pub(crate) generation: u64,
}

/// Fetches and caches access tokens for one service account at one token endpoint. Every
/// transport of the process with those credentials shares one (see the `registry` module); each
/// fetches through its own HTTP client, passed in as [`TokenClientSettings`].
pub(crate) struct TokenSource {
    token_url: String,
    client_id: String,
    client_secret: Secret,
    // A tokio mutex held across the token request: concurrent callers that find
    // no valid token queue behind the one fetching it, so N callers cause
    // exactly one token request (single flight).
    state: Mutex<CacheState>,
}

impl TokenSource {
    pub(crate) fn new(token_url: String, client_id: String, client_secret: Secret) -> Self {
        Self {
            token_url,
            client_id,
            client_secret,
            state: Mutex::new(CacheState::default()),
        }
    }

    /// Whether this source is for these credentials at this endpoint.
    pub(crate) fn is_for(&self, token_url: &str, client_id: &str, client_secret: &Secret) -> bool {
        self.token_url == token_url
            && self.client_id == client_id
            && self.client_secret == *client_secret
    }

    /// A valid token, fetched (through `via`) only if the cached one is missing or due for
    /// refresh.
    pub(crate) async fn token(&self, via: &TokenClientSettings) -> Result<IssuedToken, AuthError> {
        let mut state = self.state.lock().await;
        if let Some(cached) = &state.token {
            if Instant::now() < cached.refresh_at {
                return Ok(IssuedToken {
                    header: cached.header.clone(),
                    generation: cached.generation,
                });
            }
        }
        let (header, lifetime) = self.fetch(via).await?;
        let now = Instant::now();
        let margin = MAX_REFRESH_MARGIN.min(lifetime / REFRESH_MARGIN_FRACTION);
        state.generation = state.generation.wrapping_add(1);
        let generation = state.generation;
        state.token = Some(CachedToken {
            header: header.clone(),
            generation,
            refresh_at: now
                .checked_add(lifetime.saturating_sub(margin))
                .unwrap_or(now),
        });
        tracing::debug!(
            generation,
            lifetime_s = lifetime.as_secs(),
            "obtained OAuth access token"
        );
        Ok(IssuedToken { header, generation })
    }

    /// Drops the cached token if it is still the one of `generation`.
    pub(crate) async fn invalidate(&self, generation: u64) {
        let mut state = self.state.lock().await;
        if state
            .token
            .as_ref()
            .is_some_and(|t| t.generation == generation)
        {
            state.token = None;
        }
    }

    async fn fetch(
        &self,
        settings: &TokenClientSettings,
    ) -> Result<(HeaderValue, Duration), AuthError> {
        let mut request = settings
            .http
            .post(&self.token_url)
            .basic_auth(&self.client_id, Some(self.client_secret.expose()))
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(USER_AGENT, settings.user_agent.clone())
            .body("grant_type=client_credentials");
        if let Some(timeout) = settings.timeout {
            request = request.timeout(timeout);
        }
        let response = request.send().await.map_err(AuthError::TokenRequest)?;
        let status = response.status();
        let body = response.bytes().await.map_err(AuthError::TokenRequest)?;
        if !status.is_success() {
            return Err(AuthError::TokenEndpoint {
                status: status.as_u16(),
                snippet: snippet(&body),
            });
        }
        // A 2xx body may hold a token, so errors below describe it instead of quoting it.
        let parsed: TokenResponse =
            serde_json::from_slice(&body).map_err(|e| AuthError::TokenDecode {
                snippet: format!(
                    "expected a JSON object with `access_token` ({:?} error at line {}, column {})",
                    e.classify(),
                    e.line(),
                    e.column()
                ),
            })?;
        if let Some(kind) = &parsed.token_type {
            if !kind.eq_ignore_ascii_case("bearer") {
                return Err(AuthError::TokenDecode {
                    snippet: format!("unsupported token_type {kind:?}"),
                });
            }
        }
        let header = Some(parsed.access_token.as_str())
            .filter(|token| !token.is_empty())
            .and_then(bearer_header)
            .ok_or_else(|| AuthError::TokenDecode {
                snippet: "access_token is empty or not a valid header value".into(),
            })?;
        let lifetime = parsed
            .expires_in
            .map_or(DEFAULT_LIFETIME, Duration::from_secs)
            .min(MAX_LIFETIME);
        Ok((header, lifetime))
    }
}
