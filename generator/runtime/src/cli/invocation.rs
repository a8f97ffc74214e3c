//! The values one command line gives an operation, and the errors the command line reports.
//! The generated build functions read their arguments from here with the library's own parsers.

use std::collections::BTreeMap;
use std::fmt::{self, Display};
use std::str::FromStr;

use serde::de::DeserializeOwned;

use super::super::form::FilePart;

/// The exit code of a successful run.
pub const EXIT_OK: u8 = 0;
/// The exit code when Atlas answered with an error status.
pub const EXIT_API: u8 = 1;
/// The exit code of a usage error: a bad flag or value, refused before anything was sent.
pub const EXIT_USAGE: u8 = 2;
/// The exit code when no usable answer arrived (connection, TLS, timeout, authentication), or
/// the answer could not be written out.
pub const EXIT_TRANSPORT: u8 = 3;
/// The exit code when `--watch` saw a failure value.
pub const EXIT_WATCH_FAILED: u8 = 4;
/// The exit code when `--watch` gave up at `--watchTimeout`.
pub const EXIT_WATCH_TIMEOUT: u8 = 5;

/// What went wrong, and so which exit code the run ends with.
#[derive(Debug)]
pub enum CliError {
    /// A bad flag, value or body, refused before anything was sent.
    Usage(String),
    /// Atlas answered with an error status; the message is printed as the Atlas CLI prints it.
    Api(String),
    /// No usable answer, or it could not be written.
    Transport(String),
    /// `--watch` saw a failure value.
    WatchFailed(String),
    /// `--watch` gave up.
    WatchTimeout(String),
}

impl CliError {
    /// A value refused by the library (a pattern not matched, a body that fails its checks).
    pub fn request(error: impl Display) -> Self {
        Self::Usage(error.to_string())
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Usage(_) => EXIT_USAGE,
            Self::Api(_) => EXIT_API,
            Self::Transport(_) => EXIT_TRANSPORT,
            Self::WatchFailed(_) => EXIT_WATCH_FAILED,
            Self::WatchTimeout(_) => EXIT_WATCH_TIMEOUT,
        }
    }
}

impl Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(m)
            | Self::Api(m)
            | Self::Transport(m)
            | Self::WatchFailed(m)
            | Self::WatchTimeout(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for CliError {}

/// The values given to one operation: each parameter's raw values by its spec name, the body's
/// bytes and where they came from, and the API version picked.
#[derive(Debug, Clone, Default)]
pub struct Invocation {
    values: BTreeMap<&'static str, Vec<String>>,
    body: Option<(Vec<u8>, String)>,
    version: &'static str,
}

impl Invocation {
    /// No values yet, for `version`.
    pub fn new(version: &'static str) -> Self {
        Self {
            version,
            ..Self::default()
        }
    }

    /// Gives parameter `name` its raw values (replacing any).
    pub fn set(&mut self, name: &'static str, values: Vec<String>) {
        self.values.insert(name, values);
    }

    /// The raw values of parameter `name`.
    pub fn raw(&self, name: &str) -> Option<&[String]> {
        self.values.get(name).map(Vec::as_slice)
    }

    /// Gives the body: its bytes and where they came from (`--file body.json`, `stdin`).
    pub fn set_body(&mut self, bytes: Vec<u8>, source: impl Into<String>) {
        self.body = Some((bytes, source.into()));
    }

    /// The API version picked.
    pub fn version(&self) -> &'static str {
        self.version
    }

    /// The value of a required parameter, parsed by `parse`.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] naming the flag when the value is missing or refused.
    pub fn required<T>(
        &self,
        name: &'static str,
        parse: fn(&str) -> Result<T, String>,
    ) -> Result<T, CliError> {
        self.optional(name, parse)?
            .ok_or_else(|| CliError::Usage(format!("--{name} is required")))
    }

    /// The value of an optional parameter, parsed by `parse`; `None` when not given.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] naming the flag when the value is refused.
    pub fn optional<T>(
        &self,
        name: &'static str,
        parse: fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, CliError> {
        match self.raw(name).and_then(<[String]>::last) {
            None => Ok(None),
            Some(raw) => parse_one(name, raw, parse).map(Some),
        }
    }

    /// Every value of a repeated parameter, each parsed by `parse`.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] naming the flag and the refused value.
    pub fn repeated<T>(
        &self,
        name: &'static str,
        parse: fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, CliError> {
        self.raw(name)
            .unwrap_or_default()
            .iter()
            .map(|raw| parse_one(name, raw, parse))
            .collect()
    }

    /// The repeated values of a required parameter; at least one.
    ///
    /// # Errors
    ///
    /// As [`Invocation::repeated`], and when none is given.
    pub fn repeated_required<T>(
        &self,
        name: &'static str,
        parse: fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, CliError> {
        let values = self.repeated(name, parse)?;
        if values.is_empty() {
            return Err(CliError::Usage(format!("--{name} is required")));
        }
        Ok(values)
    }

    /// The body decoded into its typed request shape.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] when there is no body (`--file` is required) or it does not have
    /// the request's shape, with the line and column of the problem.
    pub fn body<T: DeserializeOwned>(&self) -> Result<T, CliError> {
        self.optional_body()?.ok_or_else(missing_body)
    }

    /// The body as it was given, for a body sent as it is (`application/octet-stream`).
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] when no body was given.
    pub fn raw_body(&self) -> Result<FilePart, CliError> {
        self.optional_raw_body().ok_or_else(missing_body)
    }

    /// The body as it was given; `None` when none was given.
    pub fn optional_raw_body(&self) -> Option<FilePart> {
        (self.body.as_ref()).map(|(bytes, _)| FilePart::bytes(bytes.clone()))
    }

    /// The body decoded into its typed request shape; `None` when none was given.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] when the body does not have the request's shape.
    pub fn optional_body<T: DeserializeOwned>(&self) -> Result<Option<T>, CliError> {
        let Some((bytes, source)) = &self.body else {
            return Ok(None);
        };
        serde_json::from_slice(bytes).map(Some).map_err(|e| {
            CliError::Usage(format!(
                "the request body from {source} is not a valid request: {e}"
            ))
        })
    }
}

fn parse_one<T>(
    name: &str,
    raw: &str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<T, CliError> {
    parse(raw)
        .map_err(|reason| CliError::Usage(format!("invalid value {raw:?} for --{name}: {reason}")))
}

/// Parses with the type's `FromStr`: the validated newtypes, whose errors say which pattern a
/// value must match.
///
/// # Errors
///
/// The type's own message.
pub fn from_str<T>(raw: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: Display,
{
    raw.parse().map_err(|e: T::Err| e.to_string())
}

/// Parses with the type's JSON decoding: first as a JSON string (enums, dates, plain strings),
/// then as JSON text (numbers, booleans, objects).
///
/// # Errors
///
/// The decoding error of the second attempt.
pub fn from_json<T: DeserializeOwned>(raw: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned()))
        .or_else(|_| serde_json::from_str(raw))
        .map_err(|e| e.to_string())
}

/// Why an operation that needs a body cannot be called without `--file`.
fn missing_body() -> CliError {
    CliError::Usage(
        "this operation needs a request body: --file PATH, or --file - for stdin".into(),
    )
}
