//! How requests authenticate: the schemes the spec declares and the requirements that name them.

use serde::Serialize;

use super::ParameterLocation;

/// A named way to authenticate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecurityScheme {
    /// The key under `components.securitySchemes`.
    pub name: String,
    /// Scheme description.
    pub description: Option<String>,
    /// What the scheme is.
    pub kind: SecuritySchemeKind,
}

/// The kinds of authentication the generated client knows how to perform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SecuritySchemeKind {
    /// OAuth2 client-credentials flow (Atlas Service Accounts).
    #[serde(rename = "oauth2_client_credentials")]
    OAuth2ClientCredentials {
        /// Where to obtain an access token.
        token_url: String,
        /// Where to refresh one, if different.
        refresh_url: Option<String>,
        /// Declared scopes, sorted.
        scopes: Vec<String>,
    },
    /// HTTP Digest (Atlas programmatic API keys).
    HttpDigest,
    /// HTTP Basic.
    HttpBasic,
    /// HTTP Bearer with an opaque token.
    HttpBearer {
        /// `bearerFormat`, a hint only.
        bearer_format: Option<String>,
    },
    /// An API key sent in a header, query parameter or cookie.
    ApiKey {
        /// Where the key goes.
        location: ParameterLocation,
        /// The header, query or cookie name.
        name: String,
    },
    /// A scheme the client cannot perform (OpenID Connect, implicit or password flows, ...),
    /// kept so documentation can name it.
    Unsupported {
        /// What the scheme is, in words.
        what: String,
    },
}

/// One alternative of a security requirement: every listed scheme applies together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecurityRequirement {
    /// Scheme names with the scopes required of each.
    pub schemes: Vec<SchemeUse>,
}

/// A scheme named by a security requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemeUse {
    /// Name of a [`SecurityScheme`].
    pub scheme: String,
    /// Required scopes.
    pub scopes: Vec<String>,
}
