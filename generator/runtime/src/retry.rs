//! When and how long to wait before sending a request again.

use std::time::Duration;

use reqwest::{Method, StatusCode};

/// Retry behaviour for rate limiting (429), unavailability (503) and transport
/// failures (connect, timeout, connection dropped mid-request).
///
/// Only idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) are retried
/// unless [`retry_non_idempotent`](Self::retry_non_idempotent) is set here or on
/// the request, because a POST that timed out may already have taken effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Total attempts, including the first one. `0` is treated as `1`.
    pub max_attempts: u32,
    /// The backoff ceiling before the first retry; doubles with every retry.
    pub initial_backoff: Duration,
    /// Upper bound for any single wait, including waits requested by `Retry-After`.
    pub max_delay: Duration,
    /// Retry POST and PATCH too.
    pub retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Sets the total number of attempts, including the first one.
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts;
        self
    }

    /// Sets the backoff ceiling before the first retry.
    #[must_use]
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// Sets the upper bound for a single wait.
    #[must_use]
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Allows retrying non-idempotent methods for every request.
    #[must_use]
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.retry_non_idempotent = allow;
        self
    }

    /// Total attempts, never less than one.
    pub(crate) fn attempts(&self) -> u32 {
        self.max_attempts.max(1)
    }

    /// Whether a request with this method may be sent more than once.
    pub(crate) fn allows(&self, method: &Method, request_opt_in: bool) -> bool {
        is_idempotent(method) || self.retry_non_idempotent || request_opt_in
    }

    /// The wait before retry number `retry` (1 for the first retry).
    ///
    /// A server-requested wait is honoured up to `max_delay`; otherwise the wait
    /// is "full jitter" exponential backoff: uniformly random between zero and
    /// `min(max_delay, initial_backoff * 2^(retry-1))`, which spreads out
    /// clients that were throttled at the same moment.
    pub(crate) fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(requested) = retry_after {
            return requested.min(self.max_delay);
        }
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        let ceiling = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_delay);
        let ceiling_nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=ceiling_nanos))
    }
}

/// Methods that RFC 9110 defines as idempotent.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::TRACE,
    ]
    .contains(method)
}

/// Statuses that say "try again later" without the request having been processed.
pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE
}

/// Transport failures worth another attempt: the connection could not be made,
/// timed out, or broke before the response was complete.
pub(crate) fn is_retryable_error(error: &reqwest::Error) -> bool {
    error.is_connect() || error.is_timeout() || error.is_request() || error.is_body()
}
