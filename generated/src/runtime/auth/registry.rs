// @generated: a copy of generator/runtime/src/auth/registry.rs; do not edit by hand.
//! One OAuth token cache per service account and token endpoint, shared by the whole process.
//!
//! The Atlas token endpoint is rate-limited, and an application often builds many clients with
//! the same service account (one per task, per tenant, per test). Each used to fetch its own
//! token; now every transport built with the same token URL, client id and client secret
//! shares one [`TokenSource`], so they fetch one token between them, single-flight. Each still
//! fetches through its own HTTP client when its turn comes.
//!
//! The registry holds the caches weakly: one lives as long as a transport that uses it, and
//! entries whose transports are all gone are pruned on the next lookup. It keeps no secret: an
//! entry is found by a keyed hash of the secret, then the secret is compared with the one the
//! cache itself holds.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};

use super::super::secret::Secret;
use super::oauth::TokenSource;

struct Registry {
    /// Keyed randomly per process, so a secret's hash says nothing outside it.
    hasher: RandomState,
    /// Several sources per key only if two secrets' hashes collide.
    sources: Mutex<HashMap<Key, Vec<Weak<TokenSource>>>>,
}

/// Deliberately not `Debug`: it is of no use in output, and the hash is of a secret.
#[derive(PartialEq, Eq, Hash)]
struct Key {
    token_url: String,
    client_id: String,
    secret_hash: u64,
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();

/// The token source of these credentials at `token_url`: the one another transport of the
/// process already uses, or a new one that later transports will share.
pub(crate) fn token_source(
    token_url: &str,
    client_id: String,
    client_secret: Secret,
) -> Arc<TokenSource> {
    let registry = REGISTRY.get_or_init(|| Registry {
        hasher: RandomState::new(),
        sources: Mutex::new(HashMap::new()),
    });
    let key = Key {
        token_url: token_url.to_owned(),
        client_id: client_id.clone(),
        secret_hash: registry.hasher.hash_one(client_secret.expose()),
    };
    // A std mutex: held only for this lookup, never across an await. The map stays consistent
    // whatever panicked while holding it (every change is one insert or removal), so poisoning
    // is ignored.
    let mut sources = registry
        .sources
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    sources.retain(|_, entries| {
        entries.retain(|entry| entry.strong_count() > 0);
        !entries.is_empty()
    });
    let entries = sources.entry(key).or_default();
    let existing = entries
        .iter()
        .filter_map(Weak::upgrade)
        .find(|source| source.is_for(token_url, &client_id, &client_secret));
    if let Some(source) = existing {
        return source;
    }
    let source = Arc::new(TokenSource::new(
        token_url.to_owned(),
        client_id,
        client_secret,
    ));
    entries.push(Arc::downgrade(&source));
    source
}

#[cfg(test)]
mod tests {
    use super::*;

    fn live_entries(token_url: &str) -> usize {
        let Some(registry) = REGISTRY.get() else {
            return 0;
        };
        let sources = registry
            .sources
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        sources
            .iter()
            .filter(|(key, _)| key.token_url == token_url)
            .map(|(_, entries)| entries.iter().filter(|e| e.strong_count() > 0).count())
            .sum()
    }

    #[test]
    fn same_credentials_share_and_others_do_not() {
        let url = "https://registry-test.invalid/share";
        let first = token_source(url, "id".into(), "s3cret".into());
        let second = token_source(url, "id".into(), "s3cret".into());
        assert!(Arc::ptr_eq(&first, &second));
        let other_secret = token_source(url, "id".into(), "other".into());
        let other_id = token_source(url, "id-2".into(), "s3cret".into());
        let other_url = token_source(
            "https://registry-test.invalid/x",
            "id".into(),
            "s3cret".into(),
        );
        for other in [&other_secret, &other_id, &other_url] {
            assert!(!Arc::ptr_eq(&first, other));
        }
        assert_eq!(live_entries(url), 3);
    }

    #[test]
    fn dropped_sources_are_pruned() {
        let url = "https://registry-test.invalid/prune";
        let source = token_source(url, "id".into(), "s3cret".into());
        drop(source);
        // The next lookup, for any credentials, prunes the dead entry.
        let _other = token_source(
            "https://registry-test.invalid/prune-2",
            "id".into(),
            "x".into(),
        );
        let registry = REGISTRY.get().expect("initialised above");
        let sources = registry
            .sources
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        assert!(!sources.keys().any(|key| key.token_url == url));
    }
}
