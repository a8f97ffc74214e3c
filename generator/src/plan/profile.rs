//! Whose API the spec describes. Atlas is recognised from the spec itself: its dated media types
//! (`application/vnd.atlas.2023-01-01+json`), its `x-xgen-*` extensions, or a server on
//! `mongodb.com`. A crate of any other API gets neutral names: its mock is `MockApi`, not
//! `MockAtlas`, and its deprecation notes do not speak for Atlas.

use serde::Serialize;

use crate::ir::Api;

/// The names and wording that depend on whose API it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// Whether the spec is Atlas's.
    pub atlas: bool,
    /// The mock server type of the `mock` feature.
    pub mock_name: String,
    /// Who deprecates and retires operations, as notes say it (`deprecated by Atlas`).
    pub authority: String,
    /// The client's default base URL: the spec's first server; for Atlas without one, Atlas's
    /// own. Another API without servers has none (empty): a client must be given one, and
    /// never sends anything, credentials least of all, to a host the spec did not name.
    pub base_url: String,
}

/// The base URL Atlas serves its API from, used when an Atlas spec lists no servers.
pub const ATLAS_BASE_URL: &str = "https://cloud.mongodb.com";

/// The profile of `api`.
pub fn profile(api: &Api) -> Profile {
    let versioned = api.operations.iter().any(|operation| {
        let requests = operation.request_body.iter().flat_map(|b| &b.contents);
        let answers = (operation.success.iter().chain(&operation.errors))
            .flat_map(|response| &response.contents);
        requests
            .chain(answers)
            .any(|content| content.media_type.version().is_some())
    });
    let extensions = (api.operations.iter())
        .any(|operation| operation.docs_url.is_some() || operation.cli_name.is_some());
    let server = (api.servers.iter()).any(|server| is_mongodb_host(&server.url));
    let atlas = versioned || extensions || server;
    Profile {
        atlas,
        mock_name: if atlas { "MockAtlas" } else { "MockApi" }.to_owned(),
        authority: if atlas { "Atlas" } else { "the API" }.to_owned(),
        base_url: match api.servers.first() {
            Some(server) => server.url.clone(),
            None if atlas => ATLAS_BASE_URL.to_owned(),
            None => String::new(),
        },
    }
}

/// Whether a server URL's host is `mongodb.com` or one of its subdomains.
fn is_mongodb_host(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    host == "mongodb.com" || host.ends_with(".mongodb.com")
}

#[cfg(test)]
mod tests {
    use super::is_mongodb_host;

    #[test]
    fn mongodb_hosts_are_recognised_and_lookalikes_are_not() {
        assert!(is_mongodb_host("https://cloud.mongodb.com"));
        assert!(is_mongodb_host("https://cloud.mongodb.com:443/api"));
        assert!(!is_mongodb_host("https://notmongodb.com"));
        assert!(!is_mongodb_host("https://mongodb.com.evil.example"));
    }
}
