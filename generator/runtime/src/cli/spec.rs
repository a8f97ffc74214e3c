//! What a generated crate tells its command line about the API: tags, operations, parameters,
//! versions and watchers, as static data the generator prints from its plan, plus one function
//! per operation and version that builds the request with the library's own builder (so the
//! command line validates and encodes values exactly as the library does).

use super::super::auth::EnvNames;
use super::super::config::ClientConfig;
use super::super::request::RequestSpec;
use super::super::transport::Transport;
use super::invocation::{CliError, Invocation};

/// The generated client, as the command line uses it.
pub trait CliClient: Sized + 'static {
    /// The library's default configuration (the spec's server, token URL and user agent).
    fn default_config() -> ClientConfig;
    /// A client with this configuration.
    ///
    /// # Errors
    ///
    /// The configuration is unusable (a bad base URL, say).
    fn connect(config: ClientConfig) -> Result<Self, Box<dyn std::error::Error + Send + Sync>>;
    /// The transport requests are sent with.
    fn transport(&self) -> &Transport;
}

/// The whole API.
pub struct CliApi<C: 'static> {
    /// The binary's name (the crate's).
    pub binary: &'static str,
    /// One line about the API, for the top-level `--help`.
    pub about: &'static str,
    /// The crate's version (`atlas-admin --crate-version`; `--version` picks the API version,
    /// as in the Atlas CLI).
    pub crate_version: &'static str,
    /// Every tag compiled in, in name order.
    pub tags: &'static [&'static CliTag<C>],
    /// Download commands in the Atlas CLI's grammar (`backups snapshots download`).
    pub downloads: &'static [&'static CliDownload<C>],
    /// The environment variables it reads, and whether it reads the Atlas CLI's profiles.
    pub environment: &'static EnvNames,
}

/// A download command in the Atlas CLI's grammar:
/// `backups snapshots download <snapshotId> --clusterName NAME --out FILE`. It calls its
/// operation, waits for the job with the operation's watcher, and writes the file at the link.
pub struct CliDownload<C: 'static> {
    /// The command's words.
    pub words: &'static [&'static str],
    /// The body field given as the command's argument (and the argument's name).
    pub positional: &'static str,
    /// Its flags, and the operation's parameters (by name in the spec) they give.
    pub flags: &'static [(&'static str, &'static str)],
    /// Body fields its flags give too (`targetDeploymentItemName` from `--clusterName`).
    pub body: &'static [(&'static str, &'static str)],
    /// For a second command under the same words, the flag that picks it (`shared-tier`).
    pub switch: Option<&'static str>,
    /// The operation it calls; it has a watcher and a [`CliOperation::download`] field.
    pub operation: &'static CliOperation<C>,
}

/// A tag: one subcommand (`sharedTierSnapshots`).
pub struct CliTag<C: 'static> {
    /// The Atlas CLI's name for it: the tag in lower camel case.
    pub name: &'static str,
    /// Its kebab-case alias (`shared-tier-snapshots`); `None` when it is the same as `name`.
    pub alias: Option<&'static str>,
    /// The spec's description of the tag.
    pub about: &'static str,
    /// Its operations, in the spec's order.
    pub operations: &'static [&'static CliOperation<C>],
}

/// One operation: a subcommand of its tag.
pub struct CliOperation<C: 'static> {
    /// The Atlas CLI's name: `x-xgen-operation-id-override` where the spec has one, else the
    /// operationId (`downloadClusterBackupTenant`).
    pub name: &'static str,
    /// Its kebab-case alias; `None` when it is the same as `name`.
    pub alias: Option<&'static str>,
    /// The spec's operationId (what watchers name).
    pub operation_id: &'static str,
    /// The spec's summary: the one-line help.
    pub summary: &'static str,
    /// The spec's description: the long help.
    pub description: &'static str,
    /// Deprecation and sunset notes, one line each, shown in the help.
    pub notes: &'static [&'static str],
    /// `GET`, `POST`, ...
    pub method: &'static str,
    /// The path template.
    pub path: &'static str,
    /// Its parameters, in the spec's order.
    pub parameters: &'static [CliParameter],
    /// The request body, when the operation takes one.
    pub body: Option<CliBody>,
    /// Each API version it can be called in, the default first.
    pub versions: &'static [CliVersion<C>],
    /// The array of items a list answer holds (`results`): what `-o table` shows as rows.
    pub list_field: Option<&'static str>,
    /// How `--watch` waits for the resource to settle, when it can.
    pub watch: Option<&'static CliWatch>,
    /// For an operation that requests a file: the field of the settled job's answer that holds
    /// the link to it. `--out-file` then means the file, fetched once the job is done.
    pub download: Option<&'static str>,
}

impl<C> CliOperation<C> {
    /// The `--version` values it takes, the default first; none for an unversioned operation
    /// (whose one version is named `""`).
    pub fn version_names(&self) -> Vec<&'static str> {
        self.versions
            .iter()
            .map(|v| v.name)
            .filter(|n| !n.is_empty())
            .collect()
    }
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A path segment.
    Path,
    /// The query string.
    Query,
    /// A header.
    Header,
    /// The `Cookie` header.
    Cookie,
}

/// A parameter: one flag.
pub struct CliParameter {
    /// Its name in the spec, which [`Invocation`] keys values by.
    pub name: &'static str,
    /// The flag (`groupId` for `--groupId`): the spec's name unless it is one of the command
    /// line's own flags.
    pub flag: &'static str,
    /// Its kebab-case alias (`group-id`); `None` when it is the same as `flag` or taken.
    pub alias: Option<&'static str>,
    /// Where it is sent.
    pub location: Location,
    /// The operation cannot be called without it.
    pub required: bool,
    /// It takes several values (repeat the flag).
    pub repeated: bool,
    /// The spec's description.
    pub help: &'static str,
    /// The values it accepts, when the spec lists them.
    pub values: &'static [&'static str],
    /// The environment variable whose value it defaults to, as in the Atlas CLI
    /// (`MONGODB_ATLAS_PROJECT_ID` for `groupId`).
    pub default_env: Option<&'static str>,
}

impl CliParameter {
    /// An optional parameter taking one value, its flag its name, with no listed values and no
    /// default: the generated tables add only what differs (`.alias("group-id").required()`).
    pub const fn new(name: &'static str, location: Location, help: &'static str) -> Self {
        Self {
            name,
            flag: name,
            alias: None,
            location,
            required: false,
            repeated: false,
            help,
            values: &[],
            default_env: None,
        }
    }

    /// The flag, when it is not the name.
    pub const fn flag(mut self, flag: &'static str) -> Self {
        self.flag = flag;
        self
    }

    /// The kebab-case alias.
    pub const fn alias(mut self, alias: &'static str) -> Self {
        self.alias = Some(alias);
        self
    }

    /// The operation cannot be called without it.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// It takes several values.
    pub const fn repeated(mut self) -> Self {
        self.repeated = true;
        self
    }

    /// The values it accepts.
    pub const fn values(mut self, values: &'static [&'static str]) -> Self {
        self.values = values;
        self
    }

    /// The environment variable it defaults to.
    pub const fn default_env(mut self, variable: &'static str) -> Self {
        self.default_env = Some(variable);
        self
    }
}

/// The request body an operation takes.
#[derive(Debug, Clone, Copy)]
pub struct CliBody {
    /// The operation cannot be called without one.
    pub required: bool,
    /// Its media type.
    pub media_type: &'static str,
}

/// What a successful answer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// A JSON document.
    Json,
    /// Bytes of another media type (gzip, CSV): written as they arrive.
    Bytes,
    /// Nothing worth printing.
    Empty,
}

/// One API version of an operation.
pub struct CliVersion<C: 'static> {
    /// `2023-01-01`, `preview`, or `""` for an unversioned operation.
    pub name: &'static str,
    /// The `Accept` header it sends.
    pub accept: &'static str,
    /// What a success holds.
    pub answer: AnswerKind,
    /// Builds the request with the library's builder: values parsed by the library's types
    /// (validated newtypes, enums), the body decoded into its typed request shape and checked.
    pub build: fn(&C, &Invocation) -> Result<RequestSpec, CliError>,
}

/// How `--watch` follows an operation: which GET to poll, with which values, and which values
/// of which field of its answer end the wait.
#[derive(Debug)]
pub struct CliWatch {
    /// The operationId of the GET to poll (the operation itself, for a GET).
    pub poll: &'static str,
    /// Values of the poll's parameters that are not the operation's own parameters of the same
    /// name.
    pub arguments: &'static [(&'static str, WatchValue)],
    /// The field of the poll's answer to look at, dotted for nested fields (`status`).
    pub field: &'static str,
    /// Values that end the wait with success.
    pub success: &'static [&'static str],
    /// Values that end the wait with failure.
    pub failure: &'static [&'static str],
}

/// Where a polled parameter's value comes from.
#[derive(Debug, Clone, Copy)]
pub enum WatchValue {
    /// This parameter of the watched operation.
    Input(&'static str),
    /// This field (dotted) of the watched operation's answer.
    Answer(&'static str),
}
