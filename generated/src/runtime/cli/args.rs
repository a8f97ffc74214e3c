// @generated: a copy of generator/runtime/src/cli/args.rs; do not edit by hand.
//! From parsed flags to what an operation is called with: the shared flags, the API version,
//! each parameter's values (from its flag, else its environment variable or profile key) and
//! the request body.

use std::ffi::OsString;
use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use clap::ArgMatches;

use super::app;
use super::config::SettingFlags;
use super::invocation::{CliError, Invocation};
use super::spec::{CliApi, CliBody, CliOperation, CliParameter, CliVersion};

/// The Atlas CLI's word before a tag (`atlas api clusters listClusters`): dropped, so its
/// command lines work with only the binary's name changed.
const ATLAS_API_WORD: &str = "api";

/// The arguments without a leading `api` word (unless a tag has that name).
pub(super) fn strip_api_word<C>(mut args: Vec<OsString>, api: &CliApi<C>) -> Vec<OsString> {
    let is_tag = api.tags.iter().any(|tag| tag.name == ATLAS_API_WORD);
    if !is_tag && args.get(1).is_some_and(|word| word == ATLAS_API_WORD) {
        args.remove(1);
    }
    args
}

/// The flags every operation shares.
#[derive(Debug, Clone)]
pub(super) struct CommonFlags {
    /// `--version`.
    pub(super) version: Option<String>,
    /// `--file`.
    pub(super) file: Option<String>,
    /// `-o/--output`.
    pub(super) output: Option<String>,
    /// `--out-file`.
    pub(super) out_file: Option<PathBuf>,
    /// `--watch`.
    pub(super) watch: bool,
    /// `--watchTimeout`; `None` (given as 0) waits without limit.
    pub(super) watch_timeout: Option<Duration>,
    /// `--watchInterval`.
    pub(super) watch_interval: Duration,
    /// `--profile`.
    pub(super) profile: Option<String>,
    /// `--base-url`.
    pub(super) base_url: Option<String>,
    /// `--debug`.
    pub(super) debug: bool,
}

impl CommonFlags {
    /// Reads them from an operation's matches (flags an operation lacks read as absent).
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] for a `--watchInterval` that is not a positive number of seconds.
    pub(super) fn read(matches: &ArgMatches) -> Result<Self, CliError> {
        let text = |id: &str| matches.try_get_one::<String>(id).ok().flatten().cloned();
        let flag = |id: &str| {
            matches
                .try_get_one::<bool>(id)
                .ok()
                .flatten()
                .copied()
                .unwrap_or(false)
        };
        let timeout = matches
            .try_get_one::<u64>(app::WATCH_TIMEOUT)
            .ok()
            .flatten()
            .copied();
        let interval = matches
            .try_get_one::<f64>(app::WATCH_INTERVAL)
            .ok()
            .flatten()
            .copied();
        let watch_interval = match interval {
            None => Duration::from_secs(2),
            Some(seconds) => Duration::try_from_secs_f64(seconds)
                .ok()
                .filter(|d| !d.is_zero())
                .ok_or_else(|| {
                    CliError::Usage(format!(
                        "--watchInterval {seconds} is not a positive number of seconds"
                    ))
                })?,
        };
        Ok(Self {
            version: text(app::VERSION),
            file: text(app::FILE),
            output: text(app::OUTPUT),
            out_file: text(app::OUT_FILE).map(PathBuf::from),
            watch: flag(app::WATCH),
            watch_timeout: match timeout.unwrap_or(3600) {
                0 => None,
                seconds => Some(Duration::from_secs(seconds)),
            },
            watch_interval,
            profile: text(app::PROFILE),
            base_url: text(app::BASE_URL),
            debug: flag(app::DEBUG),
        })
    }

    /// The flags that choose settings.
    pub(super) fn settings(&self) -> SettingFlags<'_> {
        SettingFlags {
            profile: self.profile.as_deref(),
            base_url: self.base_url.as_deref(),
        }
    }
}

/// The version `--version` names, or the default (the first).
///
/// # Errors
///
/// [`CliError::Usage`] listing the versions when the name is not one of them.
pub(super) fn choose_version<C>(
    operation: &'static CliOperation<C>,
    requested: Option<&str>,
) -> Result<&'static CliVersion<C>, CliError> {
    let found = match requested {
        None => operation.versions.first(),
        Some(name) => operation.versions.iter().find(|v| v.name == name),
    };
    found.ok_or_else(|| {
        let names = operation.version_names();
        let requested = requested.unwrap_or_default();
        match names.is_empty() {
            true => CliError::Usage(format!(
                "{} has no API versions: leave out --version (got {requested:?})",
                operation.name
            )),
            false => CliError::Usage(format!(
                "{} has no API version {requested:?}: use one of {}",
                operation.name,
                names.join(", ")
            )),
        }
    })
}

/// Gives `invocation` each parameter's values: from its flag, else its default (see
/// [`Settings::default_value`](super::config::Settings::default_value)).
///
/// # Errors
///
/// [`CliError::Usage`] naming every required parameter that has no value.
pub(super) fn fill_values(
    invocation: &mut Invocation,
    parameters: &'static [CliParameter],
    matches: &ArgMatches,
    default_value: &dyn Fn(&str) -> Option<String>,
) -> Result<(), CliError> {
    let mut missing = Vec::new();
    for parameter in parameters {
        let mut values: Vec<String> = matches
            .try_get_many::<String>(parameter.flag)
            .ok()
            .flatten()
            .map(|given| given.cloned().collect())
            .unwrap_or_default();
        if values.is_empty() {
            values.extend(parameter.default_env.and_then(default_value));
        }
        if !values.is_empty() {
            invocation.set(parameter.name, values);
        } else if parameter.required {
            missing.push(match parameter.default_env {
                Some(variable) => format!("--{} (or {variable})", parameter.flag),
                None => format!("--{}", parameter.flag),
            });
        }
    }
    match missing.is_empty() {
        true => Ok(()),
        false => Err(CliError::Usage(format!(
            "missing required flags: {}",
            missing.join(", ")
        ))),
    }
}

/// Gives `invocation` the body `--file` names (`-` reads standard input).
///
/// # Errors
///
/// [`CliError::Usage`] when the file cannot be read, or a required body is not given.
pub(super) fn fill_body(
    invocation: &mut Invocation,
    body: Option<CliBody>,
    file: Option<&str>,
) -> Result<(), CliError> {
    match (file, body) {
        (Some("-"), Some(_)) => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                CliError::Usage(format!(
                    "cannot read the request body from standard input: {e}"
                ))
            })?;
            invocation.set_body(bytes, "standard input");
        }
        (Some(path), Some(_)) => {
            let bytes = std::fs::read(path)
                .map_err(|e| CliError::Usage(format!("cannot read --file {path}: {e}")))?;
            invocation.set_body(bytes, path);
        }
        (None, Some(body)) if body.required => {
            return Err(CliError::Usage(
                "this operation needs a request body: --file PATH, or --file - for standard input"
                    .to_owned(),
            ));
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::spec::CliTag;

    fn api(tags: &'static [&'static CliTag<()>]) -> CliApi<()> {
        CliApi {
            binary: "atlas-admin",
            about: "",
            crate_version: "0.0.0",
            tags,
            downloads: &[],
            environment: &super::super::config::ATLAS,
        }
    }

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn a_leading_api_word_is_dropped() {
        let api = api(&[]);
        let stripped = strip_api_word(
            args(&["atlas-admin", "api", "clusters", "listClusters"]),
            &api,
        );
        assert_eq!(stripped, args(&["atlas-admin", "clusters", "listClusters"]));
        let kept = strip_api_word(args(&["atlas-admin", "clusters", "api"]), &api);
        assert_eq!(kept, args(&["atlas-admin", "clusters", "api"]));
        assert_eq!(
            strip_api_word(args(&["atlas-admin"]), &api),
            args(&["atlas-admin"])
        );
    }

    #[test]
    fn a_tag_named_api_keeps_its_word() {
        static TAG: CliTag<()> = CliTag {
            name: "api",
            alias: None,
            about: "",
            operations: &[],
        };
        static TAGS: [&CliTag<()>; 1] = [&TAG];
        let api = api(&TAGS);
        let words = args(&["atlas-admin", "api", "x"]);
        assert_eq!(strip_api_word(words.clone(), &api), words);
    }
}
