//! The environment variables a crate reads: its credentials (`Client::from_env`) and its command
//! line's settings. An Atlas crate reads the names the Atlas CLI and Go SDK use
//! (`MONGODB_ATLAS_CLIENT_ID`, ...) and the Atlas CLI's profiles. A crate of another API reads
//! names under a prefix of its own, the crate's name (`petstore` → `PETSTORE_`), one kind of
//! credentials per security scheme its spec declares, and no profiles.

use std::collections::BTreeSet;

use heck::ToShoutySnakeCase;
use serde::Serialize;

use super::Plan;
use crate::ir::{ParameterLocation, SecuritySchemeKind};

/// The environment a crate reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Environment {
    /// The prefix every variable shares (`MONGODB_ATLAS_`).
    pub prefix: String,
    /// The kinds of credentials `from_env` reads, in the order tried.
    pub credentials: Vec<EnvCredentials>,
    /// The bearer token the command line reads after them (Atlas: `MONGODB_ATLAS_ACCESS_TOKEN`).
    pub access_token: Option<String>,
    /// Whether the command line reads the Atlas CLI's profiles.
    pub atlas_cli_profiles: bool,
    /// `Credentials` functions reading one kind alone (Atlas: `service_account_from_env`,
    /// `api_key_from_env`), by name, with the index of their kind in `credentials`.
    pub kind_functions: Vec<(String, usize)>,
}

/// One kind of credentials and its variables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EnvCredentials {
    /// OAuth 2.0 client credentials.
    ServiceAccount {
        /// The client id's variable.
        client_id: String,
        /// The client secret's variable.
        client_secret: String,
    },
    /// HTTP Digest: Atlas's programmatic API key.
    ApiKey {
        /// The public key's (user name's) variable.
        public_key: String,
        /// The private key's (password's) variable.
        private_key: String,
    },
    /// HTTP Basic.
    Basic {
        /// The user name's variable.
        username: String,
        /// The password's variable.
        password: String,
    },
    /// A static bearer token.
    Bearer {
        /// The token's variable.
        token: String,
    },
    /// An `apiKey` scheme's key.
    KeyIn {
        /// Where the key goes.
        location: ParameterLocation,
        /// The header, query parameter or cookie name.
        name: String,
        /// The key's variable.
        key: String,
    },
}

impl EnvCredentials {
    /// What it is, in words, for docs and messages.
    pub fn what(&self) -> String {
        match self {
            Self::ServiceAccount { .. } => "a service account".into(),
            Self::ApiKey { .. } => "an API key".into(),
            Self::Basic { .. } => "a user name and password".into(),
            Self::Bearer { .. } => "an access token".into(),
            Self::KeyIn { location, name, .. } => {
                let place = match location {
                    ParameterLocation::Query => "query parameter",
                    other => other.as_str(),
                };
                format!("the key sent in the `{name}` {place}")
            }
        }
    }

    /// Its variables, in the order messages name them.
    pub fn variables(&self) -> Vec<&str> {
        match self {
            Self::ServiceAccount {
                client_id: a,
                client_secret: b,
            }
            | Self::ApiKey {
                public_key: a,
                private_key: b,
            }
            | Self::Basic {
                username: a,
                password: b,
            } => vec![a, b],
            Self::Bearer { token } => vec![token],
            Self::KeyIn { key, .. } => vec![key],
        }
    }
}

/// The Atlas CLI's prefix.
const ATLAS_PREFIX: &str = "MONGODB_ATLAS_";

/// The environment of the crate `crate_name` generated from `plan`'s spec.
pub(super) fn environment(plan: &Plan<'_>, crate_name: &str) -> Environment {
    if plan.profile.atlas {
        return atlas();
    }
    let prefix = match crate_name.to_shouty_snake_case() {
        name if name.is_empty() => "API_".to_owned(),
        name => format!("{name}_"),
    };
    let mut taken = BTreeSet::new();
    let credentials = (plan.api.security_schemes.iter())
        .filter_map(|scheme| {
            // Two schemes asking for the same variable: the later one names it with its scheme.
            let mut variable = |suffix: &str| {
                let plain = format!("{prefix}{suffix}");
                match taken.insert(plain.clone()) {
                    true => plain,
                    false => {
                        let scheme_name = scheme.name.to_shouty_snake_case();
                        let named = format!("{prefix}{scheme_name}_{suffix}");
                        taken.insert(named.clone());
                        named
                    }
                }
            };
            Some(match &scheme.kind {
                SecuritySchemeKind::OAuth2ClientCredentials { .. } => {
                    EnvCredentials::ServiceAccount {
                        client_id: variable("CLIENT_ID"),
                        client_secret: variable("CLIENT_SECRET"),
                    }
                }
                SecuritySchemeKind::HttpDigest => EnvCredentials::ApiKey {
                    public_key: variable("USERNAME"),
                    private_key: variable("PASSWORD"),
                },
                SecuritySchemeKind::HttpBasic => EnvCredentials::Basic {
                    username: variable("USERNAME"),
                    password: variable("PASSWORD"),
                },
                SecuritySchemeKind::HttpBearer { .. } => EnvCredentials::Bearer {
                    token: variable("TOKEN"),
                },
                SecuritySchemeKind::ApiKey { location, name }
                    if *location != ParameterLocation::Path =>
                {
                    EnvCredentials::KeyIn {
                        location: *location,
                        name: name.clone(),
                        key: variable(&scheme.name.to_shouty_snake_case()),
                    }
                }
                SecuritySchemeKind::ApiKey { .. } | SecuritySchemeKind::Unsupported { .. } => {
                    return None
                }
            })
        })
        .collect();
    Environment {
        prefix,
        credentials,
        access_token: None,
        atlas_cli_profiles: false,
        kind_functions: Vec::new(),
    }
}

/// Atlas's names, as the Atlas CLI and the Go SDK read them.
fn atlas() -> Environment {
    let name = |suffix: &str| format!("{ATLAS_PREFIX}{suffix}");
    Environment {
        prefix: ATLAS_PREFIX.to_owned(),
        credentials: vec![
            EnvCredentials::ServiceAccount {
                client_id: name("CLIENT_ID"),
                client_secret: name("CLIENT_SECRET"),
            },
            EnvCredentials::ApiKey {
                public_key: name("PUBLIC_API_KEY"),
                private_key: name("PRIVATE_API_KEY"),
            },
        ],
        access_token: Some(name("ACCESS_TOKEN")),
        atlas_cli_profiles: true,
        kind_functions: vec![
            ("service_account_from_env".to_owned(), 0),
            ("api_key_from_env".to_owned(), 1),
        ],
    }
}
