//! What the spec says about itself that the crate repeats: its title and version (the crate
//! docs and the manifest), the licence it is published under (the crate docs), and where OAuth
//! client credentials are exchanged for access tokens (the client's default). Taken from the
//! model here so that emission prints them without reading the model.

use serde::Serialize;

use crate::ir::{Api, SecuritySchemeKind};

/// The spec's own facts the crate prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiInfo {
    /// `info.title`: named in the crate docs and the manifest's description.
    pub title: String,
    /// `info.version`: the manifest's `api-version`.
    pub version: String,
    /// The name of `info.license`, when the spec states one: named in the crate docs.
    pub license: Option<String>,
    /// The token URL of the first OAuth 2.0 client-credentials scheme (by name), when there is
    /// one: the client's `DEFAULT_OAUTH_TOKEN_URL`.
    pub oauth_token_url: Option<String>,
}

/// The facts of `api`.
pub(super) fn api_info(api: &Api) -> ApiInfo {
    let oauth_token_url = api
        .security_schemes
        .iter()
        .find_map(|scheme| match &scheme.kind {
            SecuritySchemeKind::OAuth2ClientCredentials { token_url, .. } => {
                Some(token_url.clone())
            }
            _ => None,
        });
    ApiInfo {
        title: api.title.clone(),
        version: api.version.clone(),
        license: api.license.as_ref().map(|license| license.name.clone()),
        oauth_token_url,
    }
}
