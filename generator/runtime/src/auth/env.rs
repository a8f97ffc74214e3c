//! Credentials from environment variables. Which variables is the generated crate's business:
//! an Atlas crate reads the `MONGODB_ATLAS_*` names the Atlas CLI and Go SDK use, a crate of
//! another API names them under its own prefix, one kind of credentials per security scheme
//! of its spec. The runtime only knows how to read a list of such kinds.

use super::super::error::MissingEnv;
use super::{Credentials, KeyLocation};

/// One kind of credentials and the variables that hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvCredentials {
    /// OAuth 2.0 client credentials ([`Credentials::ServiceAccount`]).
    ServiceAccount {
        /// The client id's variable.
        client_id: &'static str,
        /// The client secret's variable.
        client_secret: &'static str,
    },
    /// A key pair for HTTP Digest ([`Credentials::ApiKey`]).
    ApiKey {
        /// The public key's variable.
        public_key: &'static str,
        /// The private key's variable.
        private_key: &'static str,
    },
    /// A user name and password for HTTP Basic ([`Credentials::Basic`]).
    Basic {
        /// The user name's variable.
        username: &'static str,
        /// The password's variable.
        password: &'static str,
    },
    /// A static bearer token ([`Credentials::Bearer`]).
    Bearer {
        /// The token's variable.
        token: &'static str,
    },
    /// A key sent as it is ([`Credentials::KeyIn`]).
    KeyIn {
        /// Where the key is sent.
        location: KeyLocation,
        /// The header, query parameter or cookie name.
        name: &'static str,
        /// The key's variable.
        key: &'static str,
    },
}

impl EnvCredentials {
    /// The variables, in the order they are named in messages.
    pub fn variables(&self) -> Vec<&'static str> {
        match *self {
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

    /// The credentials, when every variable has a value in `get`.
    pub fn read(&self, get: &dyn Fn(&str) -> Option<String>) -> Option<Credentials> {
        let value = |name: &str| get(name).filter(|v| !v.trim().is_empty());
        Some(match *self {
            Self::ServiceAccount {
                client_id,
                client_secret,
            } => Credentials::service_account(value(client_id)?, value(client_secret)?),
            Self::ApiKey {
                public_key,
                private_key,
            } => Credentials::api_key(value(public_key)?, value(private_key)?),
            Self::Basic { username, password } => {
                Credentials::basic(value(username)?, value(password)?)
            }
            Self::Bearer { token } => Credentials::bearer(value(token)?),
            Self::KeyIn {
                location,
                name,
                key,
            } => Credentials::key_in(location, name, value(key)?),
        })
    }
}

/// Where a generated crate reads its settings from the environment.
#[derive(Debug, Clone, Copy)]
pub struct EnvNames {
    /// The prefix its variables share (`MONGODB_ATLAS_`): the command line's own variables
    /// (`<prefix>BASE_URL`, `<prefix>OUTPUT`, `<prefix>PROFILE`) are named with it.
    pub prefix: &'static str,
    /// The kinds of credentials [`Credentials::from_env_with`] reads, in the order tried.
    pub credentials: &'static [EnvCredentials],
    /// A static bearer token the command line reads after the credentials above (the Atlas
    /// CLI's `MONGODB_ATLAS_ACCESS_TOKEN`).
    pub access_token: Option<&'static str>,
    /// Whether the command line reads profiles from the Atlas CLI's config file.
    pub atlas_cli_profiles: bool,
}

impl EnvNames {
    /// The variable `<prefix><name>`.
    pub fn variable(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }
}

impl Credentials {
    /// The first kind of `choices` whose variables are all set (an empty value counts as
    /// unset); [`Credentials::None`] when there is nothing to choose from.
    ///
    /// # Errors
    ///
    /// [`MissingEnv`] naming what is missing: the missing part of the kinds that were started
    /// (they were clearly intended), or every variable when none was.
    pub fn from_env_with(choices: &[EnvCredentials]) -> Result<Self, MissingEnv> {
        from_env_in(choices, &|name| std::env::var(name).ok())
    }
}

/// [`Credentials::from_env_with`], reading variables through `get`.
pub(crate) fn from_env_in(
    choices: &[EnvCredentials],
    get: &dyn Fn(&str) -> Option<String>,
) -> Result<Credentials, MissingEnv> {
    if choices.is_empty() {
        return Ok(Credentials::None);
    }
    if let Some(credentials) = choices.iter().find_map(|choice| choice.read(get)) {
        return Ok(credentials);
    }
    let is_set = |name: &&str| get(name).is_some_and(|v| !v.trim().is_empty());
    let started: Vec<_> = (choices.iter())
        .filter(|choice| choice.variables().iter().any(is_set))
        .collect();
    let relevant = if started.is_empty() {
        choices.iter().collect()
    } else {
        started
    };
    let names = (relevant.into_iter())
        .flat_map(EnvCredentials::variables)
        .filter(|name| !is_set(name))
        .collect();
    Err(MissingEnv { names })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHOICES: &[EnvCredentials] = &[
        EnvCredentials::Basic {
            username: "API_USERNAME",
            password: "API_PASSWORD",
        },
        EnvCredentials::KeyIn {
            location: KeyLocation::Query,
            name: "api_key",
            key: "API_KEY",
        },
    ];

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            (pairs.iter())
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn the_first_complete_kind_is_read() {
        let pairs = [("API_KEY", "k"), ("API_USERNAME", "u")];
        let get = env(&pairs);
        let read = from_env_in(CHOICES, &get);
        match read {
            Ok(Credentials::KeyIn { location, name, .. }) => {
                assert_eq!((location, name.as_str()), (KeyLocation::Query, "api_key"));
            }
            other => panic!("expected the key, got {other:?}"),
        }
    }

    #[test]
    fn missing_names_the_started_kind_or_everything() {
        let missing = |pairs: &[(&str, &str)]| {
            let get = env(pairs);
            match from_env_in(CHOICES, &get) {
                Err(MissingEnv { names }) => names,
                other => panic!("expected missing variables, got {other:?}"),
            }
        };
        assert_eq!(missing(&[("API_USERNAME", "u")]), ["API_PASSWORD"]);
        assert_eq!(missing(&[("API_USERNAME", " ")]), CHOICES_VARIABLES);
        assert_eq!(missing(&[]), CHOICES_VARIABLES);
    }

    const CHOICES_VARIABLES: [&str; 3] = ["API_USERNAME", "API_PASSWORD", "API_KEY"];

    #[test]
    fn a_spec_without_credentials_needs_none() {
        assert!(matches!(from_env_in(&[], &env(&[])), Ok(Credentials::None)));
    }
}
