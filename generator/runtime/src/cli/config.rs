//! Where the command line's settings come from: a flag first, then an environment variable
//! (named by the crate's [`EnvNames`]), then, for an Atlas crate, the profile in the Atlas CLI's
//! config file (`<config dir>/atlascli/config.toml`, one TOML table per profile), as Atlas CLI
//! users already set them.
//!
//! The environment is read through a lookup function, and the file from a path given in, so
//! that tests resolve settings without touching the process's environment or the user's files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::super::auth::{Credentials, EnvCredentials, EnvNames};
use super::super::config::{ClientConfig, DEFAULT_OAUTH_TOKEN_PATH};
use super::invocation::CliError;

/// Picks the profile when `--profile` is not given: `<prefix>PROFILE`.
pub(super) const VAR_PROFILE: &str = "PROFILE";
/// Overrides the base URL: `<prefix>BASE_URL`.
pub(super) const VAR_BASE_URL: &str = "BASE_URL";
/// The default output format: `<prefix>OUTPUT`.
pub(super) const VAR_OUTPUT: &str = "OUTPUT";

/// The profile used when none is named.
const DEFAULT_PROFILE: &str = "default";

/// Looks up an environment variable: the process's in [`super::run`], a map in tests.
pub(super) type EnvLookup<'e> = &'e dyn Fn(&str) -> Option<String>;

/// The process's environment; unset, empty, blank and non-UTF-8 values all count as unset.
pub(super) fn process_env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .filter(|value| !value.trim().is_empty())
}

/// The Atlas CLI's config file, where the platform keeps configuration
/// (`~/.config/atlascli/config.toml` on Linux).
pub(super) fn atlas_cli_config_file() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("atlascli").join("config.toml"))
}

/// The flags that choose settings (the rest come from the environment and the profile).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct SettingFlags<'a> {
    /// `--profile`.
    pub(super) profile: Option<&'a str>,
    /// `--base-url`.
    pub(super) base_url: Option<&'a str>,
}

/// The settings of one run, resolved.
pub(super) struct Settings<'e> {
    names: &'static EnvNames,
    /// The profile's name.
    pub(super) profile: String,
    /// The file the profile was read from; `None` when nothing was read.
    pub(super) file: Option<PathBuf>,
    profile_values: BTreeMap<String, String>,
    env: EnvLookup<'e>,
    /// The credentials requests are sent with.
    pub(super) credentials: Credentials,
    /// Where the credentials came from (`environment`, `profile default`), for `--debug`.
    pub(super) credentials_source: String,
    /// The base URL, when not the client's default.
    pub(super) base_url: Option<String>,
    /// The output format when `-o` is not given.
    pub(super) output: Option<String>,
}

impl<'e> Settings<'e> {
    /// Resolves the settings from the flags, the environment and the config file.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] when a profile named by `--profile` or `MONGODB_ATLAS_PROFILE` is not
    /// in the file, or the file cannot be read or parsed.
    pub(super) fn resolve(
        names: &'static EnvNames,
        flags: SettingFlags<'_>,
        env: EnvLookup<'e>,
        config_file: Option<&Path>,
    ) -> Result<Self, CliError> {
        // Only an Atlas crate reads the Atlas CLI's profiles.
        let config_file = config_file.filter(|_| names.atlas_cli_profiles);
        let named = flags
            .profile
            .map(str::to_owned)
            .or_else(|| env(&names.variable(VAR_PROFILE)));
        let explicit = named.is_some();
        let profile = named.unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
        let loaded = load_profile(&profile, explicit, config_file)?;
        let file = loaded
            .is_some()
            .then(|| config_file.map(Path::to_path_buf))
            .flatten();
        let profile_values = loaded.unwrap_or_default();
        let from_profile = |key: &str| profile_values.get(key).cloned();
        let (credentials, credentials_source) = match credentials_from(env, &env_kinds(names)) {
            Some(credentials) => (credentials, "environment".to_owned()),
            None => match credentials_from(&from_profile, PROFILE_KINDS) {
                Some(credentials) => (credentials, format!("profile {profile}")),
                None => (Credentials::None, String::new()),
            },
        };
        let base_url = (flags.base_url.map(str::to_owned))
            .or_else(|| env(&names.variable(VAR_BASE_URL)))
            .or_else(|| from_profile("ops_manager_url"));
        let output = (env(&names.variable(VAR_OUTPUT))).or_else(|| from_profile("output"));
        Ok(Self {
            names,
            profile,
            file,
            profile_values,
            env,
            credentials,
            credentials_source,
            base_url,
            output,
        })
    }

    /// The default of a parameter whose `default_env` is `variable`: the variable, else the
    /// profile's key of the same name (`MONGODB_ATLAS_ORG_ID` → `org_id`).
    pub(super) fn default_value(&self, variable: &str) -> Option<String> {
        (self.env)(variable).or_else(|| {
            let key = (variable.strip_prefix(self.names.prefix)).unwrap_or(variable);
            self.profile_values.get(&key.to_ascii_lowercase()).cloned()
        })
    }

    /// The client's configuration: `default` with these credentials and base URL.
    pub(super) fn apply(&self, default: ClientConfig) -> ClientConfig {
        let config = default.credentials(self.credentials.clone());
        match &self.base_url {
            // The default configuration names the cloud's token endpoint explicitly; another
            // server (Atlas for Government, a test server) issues its own tokens.
            Some(base) => {
                let token_url = format!("{}{DEFAULT_OAUTH_TOKEN_PATH}", base.trim_end_matches('/'));
                config.base_url(base.clone()).oauth_token_url(token_url)
            }
            None => config,
        }
    }

    /// What to add to a 401 when no credentials were found: that is nearly always why.
    pub(super) fn missing_credentials_hint(&self) -> Option<String> {
        let kinds = env_kinds(self.names);
        let mut ways: Vec<String> = kinds
            .iter()
            .map(|kind| kind.variables().join(" and "))
            .collect();
        if self.names.atlas_cli_profiles {
            ways.push("use a profile of the Atlas CLI".to_owned());
        }
        (matches!(self.credentials, Credentials::None) && !ways.is_empty()).then(|| {
            let last = ways.pop().unwrap_or_default();
            let first = ways.join(", or ");
            let set = if first.is_empty() {
                last
            } else {
                format!("{first}, or {last}")
            };
            format!("no credentials were found: set {set}")
        })
    }

    /// The kind of credentials and where they came from, for `--debug`: the client id or the
    /// public key at most, never a secret.
    pub(super) fn describe_credentials(&self) -> String {
        let kind = match &self.credentials {
            Credentials::None => return "none: requests are sent unauthenticated".to_owned(),
            Credentials::Bearer(_) => "access token".to_owned(),
            Credentials::ServiceAccount { client_id, .. } => {
                format!("service account (client id {client_id})")
            }
            Credentials::ApiKey { public_key, .. } => format!("API key (public key {public_key})"),
            Credentials::Basic { username, .. } => format!("HTTP Basic (user {username})"),
            Credentials::KeyIn { location, name, .. } => {
                format!("API key ({location:?} `{name}`)")
            }
        };
        format!("{kind}, from {}", self.credentials_source)
    }
}

/// The kinds of credentials the environment holds, in the order tried: the crate's own, then
/// its access token (the Atlas CLI's order: a service account, an API key, a token).
fn env_kinds(names: &EnvNames) -> Vec<EnvCredentials> {
    let token = (names.access_token).map(|token| EnvCredentials::Bearer { token });
    (names.credentials.iter().copied()).chain(token).collect()
}

/// The keys of an Atlas CLI profile that hold credentials, in the Atlas CLI's order.
const PROFILE_KINDS: &[EnvCredentials] = &[
    EnvCredentials::ServiceAccount {
        client_id: "client_id",
        client_secret: "client_secret",
    },
    EnvCredentials::ApiKey {
        public_key: "public_api_key",
        private_key: "private_api_key",
    },
    EnvCredentials::Bearer {
        token: "access_token",
    },
];

/// The first complete kind of credentials of one source.
fn credentials_from(
    get: &dyn Fn(&str) -> Option<String>,
    kinds: &[EnvCredentials],
) -> Option<Credentials> {
    kinds.iter().find_map(|kind| kind.read(get))
}

/// The string values of profile `name`; `None` when there is no such profile and that is fine
/// (it was not asked for by name).
fn load_profile(
    name: &str,
    explicit: bool,
    file: Option<&Path>,
) -> Result<Option<BTreeMap<String, String>>, CliError> {
    let missing = |why: String| match explicit {
        true => Err(CliError::Usage(format!(
            "profile {name:?} not found: {why}"
        ))),
        false => Ok(None),
    };
    let Some(file) = file else {
        return missing("no configuration directory is known on this system".to_owned());
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return missing(format!("{} does not exist", file.display()));
        }
        Err(e) => {
            return Err(CliError::Usage(format!(
                "cannot read {}: {e}",
                file.display()
            )))
        }
    };
    let table: toml::Table = toml::from_str(&text).map_err(|e| invalid_toml(file, &text, &e))?;
    match table.get(name) {
        Some(toml::Value::Table(profile)) => Ok(Some(string_values(profile))),
        Some(_) => Err(CliError::Usage(format!(
            "profile {name:?} in {} is not a table",
            file.display()
        ))),
        None => missing(format!("{} has no [{name}] table", file.display())),
    }
}

/// The string values of a profile; other keys are the Atlas CLI's business.
fn string_values(profile: &toml::Table) -> BTreeMap<String, String> {
    profile
        .iter()
        .filter_map(|(key, value)| Some((key.clone(), value.as_str()?.to_owned())))
        .collect()
}

/// Where the file is not TOML, without quoting it: the line may hold a key.
fn invalid_toml(file: &Path, text: &str, error: &toml::de::Error) -> CliError {
    let line = error
        .span()
        .and_then(|span| text.get(..span.start))
        .map(|before| before.lines().count().max(1));
    let place = line.map(|n| format!(" at line {n}")).unwrap_or_default();
    CliError::Usage(format!(
        "{} is not valid TOML{place}: {}",
        file.display(),
        error.message()
    ))
}

#[cfg(test)]
/// An Atlas crate's names, as the generator prints them.
pub(super) static ATLAS: EnvNames = EnvNames {
    prefix: "MONGODB_ATLAS_",
    credentials: &[
        EnvCredentials::ServiceAccount {
            client_id: "MONGODB_ATLAS_CLIENT_ID",
            client_secret: "MONGODB_ATLAS_CLIENT_SECRET",
        },
        EnvCredentials::ApiKey {
            public_key: "MONGODB_ATLAS_PUBLIC_API_KEY",
            private_key: "MONGODB_ATLAS_PRIVATE_API_KEY",
        },
    ],
    access_token: Some("MONGODB_ATLAS_ACCESS_TOKEN"),
    atlas_cli_profiles: true,
};

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A config file of its own for each test, removed when dropped.
    struct TempConfig(PathBuf);

    impl TempConfig {
        fn new(text: &str) -> Self {
            static COUNT: AtomicUsize = AtomicUsize::new(0);
            let name = format!(
                "atlas-cli-config-{}-{}.toml",
                std::process::id(),
                COUNT.fetch_add(1, Ordering::Relaxed)
            );
            let path = std::env::temp_dir().join(name);
            std::fs::write(&path, text).unwrap();
            Self(path)
        }
    }

    impl Drop for TempConfig {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    const FILE: &str = r#"
[default]
public_api_key = "pub-default"
private_api_key = "priv-default"
project_id = "default-project"
output = "json"
telemetry_enabled = false

[gov]
client_id = "mdb_sa_id_gov"
client_secret = "mdb_sa_sk_gov"
org_id = "gov-org"
ops_manager_url = "https://cloud.mongodbgov.com/"
"#;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn resolve<'e>(flags: SettingFlags<'_>, env: EnvLookup<'e>, file: &TempConfig) -> Settings<'e> {
        Settings::resolve(&ATLAS, flags, env, Some(&file.0)).unwrap()
    }

    #[test]
    fn the_default_profile_gives_credentials_defaults_and_output() {
        let file = TempConfig::new(FILE);
        let env = env_of(&[]);
        let settings = resolve(SettingFlags::default(), &env, &file);
        assert_eq!(settings.profile, "default");
        assert_eq!(settings.file.as_deref(), Some(file.0.as_path()));
        assert_eq!(
            settings.describe_credentials(),
            "API key (public key pub-default), from profile default"
        );
        assert_eq!(
            settings
                .default_value("MONGODB_ATLAS_PROJECT_ID")
                .as_deref(),
            Some("default-project")
        );
        assert_eq!(settings.default_value("MONGODB_ATLAS_ORG_ID"), None);
        assert_eq!(settings.output.as_deref(), Some("json"));
        assert_eq!(settings.base_url, None);
    }

    #[test]
    fn the_environment_wins_over_the_profile_and_flags_over_both() {
        let file = TempConfig::new(FILE);
        let env = env_of(&[
            ("MONGODB_ATLAS_PROFILE", "gov"),
            ("MONGODB_ATLAS_ORG_ID", "env-org"),
            ("MONGODB_ATLAS_OUTPUT", "table"),
            ("MONGODB_ATLAS_ACCESS_TOKEN", "token"),
            ("MONGODB_ATLAS_BASE_URL", "https://env.example"),
        ]);
        let flags = SettingFlags {
            profile: None,
            base_url: Some("https://flag.example"),
        };
        let settings = resolve(flags, &env, &file);
        assert_eq!(settings.profile, "gov");
        assert_eq!(
            settings.describe_credentials(),
            "access token, from environment"
        );
        assert_eq!(
            settings.default_value("MONGODB_ATLAS_ORG_ID").as_deref(),
            Some("env-org")
        );
        assert_eq!(settings.output.as_deref(), Some("table"));
        assert_eq!(settings.base_url.as_deref(), Some("https://flag.example"));
    }

    #[test]
    fn a_service_account_comes_before_an_api_key_and_a_half_pair_is_skipped() {
        let file = TempConfig::new(FILE);
        let env = env_of(&[
            ("MONGODB_ATLAS_CLIENT_ID", "id-without-secret"),
            ("MONGODB_ATLAS_PUBLIC_API_KEY", "pub-env"),
            ("MONGODB_ATLAS_PRIVATE_API_KEY", "priv-env"),
        ]);
        let settings = resolve(SettingFlags::default(), &env, &file);
        assert_eq!(
            settings.describe_credentials(),
            "API key (public key pub-env), from environment"
        );
        let flags = SettingFlags {
            profile: Some("gov"),
            base_url: None,
        };
        let empty = env_of(&[]);
        let settings = resolve(flags, &empty, &file);
        assert_eq!(
            settings.describe_credentials(),
            "service account (client id mdb_sa_id_gov), from profile gov"
        );
    }

    #[test]
    fn the_ops_manager_url_moves_the_token_endpoint_too() {
        let file = TempConfig::new(FILE);
        let env = env_of(&[("MONGODB_ATLAS_PROFILE", "gov")]);
        let settings = resolve(SettingFlags::default(), &env, &file);
        let config = settings.apply(
            ClientConfig::new("https://cloud.mongodb.com")
                .oauth_token_url("https://cloud.mongodb.com/api/oauth/token"),
        );
        assert_eq!(config.base_url, "https://cloud.mongodbgov.com/");
        assert_eq!(
            config.oauth_token_url.as_deref(),
            Some("https://cloud.mongodbgov.com/api/oauth/token")
        );
    }

    #[test]
    fn a_missing_file_or_default_profile_is_fine_but_a_named_one_is_not() {
        let nowhere = std::env::temp_dir().join("atlas-cli-config-that-does-not-exist.toml");
        let env = env_of(&[]);
        let settings =
            Settings::resolve(&ATLAS, SettingFlags::default(), &env, Some(&nowhere)).unwrap();
        assert!(matches!(settings.credentials, Credentials::None));
        assert_eq!(settings.file, None);

        let file = TempConfig::new("[other]\noutput = \"json\"\n");
        let settings = resolve(SettingFlags::default(), &env, &file);
        assert_eq!(settings.output, None);

        let named = env_of(&[("MONGODB_ATLAS_PROFILE", "prod")]);
        let error = Settings::resolve(&ATLAS, SettingFlags::default(), &named, Some(&file.0))
            .err()
            .unwrap();
        let message = error.to_string();
        assert!(message.contains("profile \"prod\" not found"), "{message}");
        assert!(message.contains(&file.0.display().to_string()), "{message}");
        assert_eq!(error.exit_code(), super::super::invocation::EXIT_USAGE);
    }

    #[test]
    fn a_broken_file_is_reported_without_quoting_it() {
        let file = TempConfig::new("[default]\nprivate_api_key = \"secret-value\nx = 1\n");
        let env = env_of(&[]);
        let error = Settings::resolve(&ATLAS, SettingFlags::default(), &env, Some(&file.0))
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("is not valid TOML at line 2"), "{error}");
        assert!(!error.contains("secret-value"), "{error}");
    }
}
