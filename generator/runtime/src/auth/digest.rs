//! HTTP Digest authentication (RFC 7616) for programmatic API keys, using the `digest_auth` crate.

use std::sync::{Mutex, MutexGuard, PoisonError};

use digest_auth::{AuthContext, HttpMethod, WwwAuthenticateHeader};
use reqwest::header::{HeaderMap, HeaderValue, WWW_AUTHENTICATE};

use super::super::error::{AuthError, TransportError};
use super::super::secret::Secret;
use super::DigestTarget;

/// A pre-emptive `Authorization` header computed from the cached challenge.
pub(crate) struct Preemptive {
    pub(crate) header: HeaderValue,
    /// The nonce the header answers, to recognise a changed challenge in a 401.
    pub(crate) nonce: String,
}

/// Digest state for one API key: the last challenge, whose nonce is reused
/// (with an increasing `nc`) so that later requests authenticate in one round
/// trip instead of two.
pub(crate) struct DigestAuth {
    username: String,
    password: Secret,
    // A std mutex is enough: it is only held to compute a hash, never across an await.
    challenge: Mutex<Option<WwwAuthenticateHeader>>,
}

impl DigestAuth {
    pub(crate) fn new(username: String, password: Secret) -> Self {
        Self {
            username,
            password,
            challenge: Mutex::new(None),
        }
    }

    fn cached(&self) -> MutexGuard<'_, Option<WwwAuthenticateHeader>> {
        // A panic elsewhere while holding the lock cannot leave the challenge
        // half-written (it is replaced as a whole), so poisoning is ignored.
        self.challenge
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Answers the cached challenge, if there is one.
    pub(crate) fn preemptive(
        &self,
        target: &DigestTarget<'_>,
    ) -> Result<Option<Preemptive>, TransportError> {
        let mut cached = self.cached();
        let Some(challenge) = cached.as_mut() else {
            return Ok(None);
        };
        let header = self.respond(challenge, target)?;
        Ok(Some(Preemptive {
            header,
            nonce: challenge.nonce.clone(),
        }))
    }

    /// Handles a 401. Returns the header to resend with, or `None` when the 401
    /// must be returned to the caller: no Digest challenge, or the server
    /// rejected an answer to this very nonce (wrong key) and repeating it would
    /// only loop.
    pub(crate) fn answer(
        &self,
        headers: &HeaderMap,
        answered_nonce: Option<&str>,
        target: &DigestTarget<'_>,
    ) -> Result<Option<HeaderValue>, TransportError> {
        let Some(raw) = find_challenge(headers) else {
            return Ok(None);
        };
        let mut challenge = parse_challenge(raw)?;
        if answered_nonce == Some(challenge.nonce.as_str()) && !challenge.stale {
            return Ok(None);
        }
        let header = self.respond(&mut challenge, target)?;
        *self.cached() = Some(challenge);
        Ok(Some(header))
    }

    fn respond(
        &self,
        challenge: &mut WwwAuthenticateHeader,
        target: &DigestTarget<'_>,
    ) -> Result<HeaderValue, TransportError> {
        // The body is always supplied so that `qop=auth-int` hashes what is sent.
        let context = AuthContext::new_with_method(
            self.username.as_str(),
            self.password.expose(),
            target.uri,
            Some(target.body),
            HttpMethod::from(target.method),
        );
        let answer = challenge
            .respond(&context)
            .map_err(|e| AuthError::DigestChallenge(e.to_string()))?;
        let mut value = HeaderValue::from_str(&answer.to_string()).map_err(|_| {
            TransportError::Config(
                "the API public key contains characters that HTTP headers cannot carry".into(),
            )
        })?;
        value.set_sensitive(true);
        Ok(value)
    }
}

/// The first `WWW-Authenticate` value using the Digest scheme, as text.
///
/// `to_str` only succeeds for visible ASCII, which also protects `digest_auth`'s
/// parser (it mixes character and byte offsets) from multi-byte input.
fn find_challenge(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .map(str::trim)
        .find(|value| scheme_params(value).is_some())
}

/// The parameters after a case-insensitive `Digest` scheme token.
fn scheme_params(value: &str) -> Option<&str> {
    let (scheme, params) = value.split_once(|c: char| c.is_ascii_whitespace())?;
    scheme.eq_ignore_ascii_case("digest").then_some(params)
}

fn parse_challenge(raw: &str) -> Result<WwwAuthenticateHeader, AuthError> {
    let params = scheme_params(raw).unwrap_or(raw);
    WwwAuthenticateHeader::parse(params)
        .map_err(|e| AuthError::DigestChallenge(format!("{e} (header: {raw})")))
}
