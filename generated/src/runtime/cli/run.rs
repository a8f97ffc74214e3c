// @generated: a copy of generator/runtime/src/cli/run.rs; do not edit by hand.
//! The entry points: parse the command line, prepare the operation (every usage error comes
//! before anything is sent), send it, print the answer, and turn the outcome into an exit code.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::ArgMatches;
use clap_complete::Shell;

use super::super::config::DEFAULT_CONNECT_TIMEOUT;
use super::answer;
use super::app;
use super::args::{self, CommonFlags};
use super::config::{self, Settings};
use super::download::{self, Destination};
use super::invocation::{CliError, Invocation, EXIT_OK, EXIT_USAGE};
use super::output::{Format, DEFAULT_FORMAT};
use super::session::{DebugLog, Session};
use super::snapshot;
use super::spec::{AnswerKind, CliApi, CliClient, CliDownload, CliOperation, CliVersion, CliWatch};
use super::watch::{self, WatchTiming, Watched};

/// How long a download may wait for its next bytes. Downloads get no overall timeout (the
/// client's default bounds a whole exchange, and a large log file takes longer than that).
const DOWNLOAD_READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Runs the command line on the process's arguments and environment: what a generated crate's
/// `main` calls.
pub fn main<C: CliClient>(api: &'static CliApi<C>) -> ExitCode {
    ExitCode::from(run(api, std::env::args_os().collect()))
}

/// Runs the command line on `args` (the first is the program's name) and returns the exit code:
/// 0 on success, 2 for a usage error (clap's own included), and [`CliError::exit_code`]'s codes
/// for the rest. Errors are printed on standard error as `Error: <message>`.
pub fn run<C: CliClient>(api: &'static CliApi<C>, args: Vec<OsString>) -> u8 {
    run_in(api, args, &Environment::process())
}

/// What a run reads from the machine besides its arguments: environment variables and the
/// Atlas CLI's config file. Given in to [`run_in`], so a test (or a program embedding the
/// command line) runs it without the process's environment or the user's profiles.
pub struct Environment<'e> {
    /// Looks up an environment variable; `None` when it is unset. Empty values count as unset.
    pub vars: &'e dyn Fn(&str) -> Option<String>,
    /// The Atlas CLI's config file (`None`: no profiles).
    pub config_file: Option<PathBuf>,
}

impl Environment<'static> {
    /// The process's environment variables and the Atlas CLI's config file where the platform
    /// keeps configuration (`~/.config/atlascli/config.toml` on Linux).
    pub fn process() -> Self {
        Self {
            vars: &config::process_env,
            config_file: config::atlas_cli_config_file(),
        }
    }
}

/// As [`run`], reading `environment` instead of the process's.
pub fn run_in<C: CliClient>(
    api: &'static CliApi<C>,
    args: Vec<OsString>,
    environment: &Environment<'_>,
) -> u8 {
    let args = args::strip_api_word(args, api);
    let matches = match app::command(api).try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => {
            // Help and usage errors, printed as clap prints them (help on standard output).
            let _ = error.print();
            return u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE);
        }
    };
    match dispatch(api, &matches, environment) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            eprintln!("Error: {error}");
            error.exit_code()
        }
    }
}

fn dispatch<C: CliClient>(
    api: &'static CliApi<C>,
    matches: &ArgMatches,
    environment: &Environment<'_>,
) -> Result<(), CliError> {
    if matches.get_flag(app::CRATE_VERSION) {
        println!("{} {}", api.binary, api.crate_version);
        return Ok(());
    }
    let no_operation = || {
        CliError::Usage(format!(
            "name a tag and an operation: {} <tag> <operation>; --help lists them",
            api.binary
        ))
    };
    let (tag_name, tag_matches) = matches.subcommand().ok_or_else(no_operation)?;
    if tag_name == app::COMPLETIONS {
        return print_completions(api, tag_matches);
    }
    if let Some((download, download_matches)) = snapshot::find(api, matches) {
        return execute_download(api, download, download_matches, environment);
    }
    let tag = api
        .tags
        .iter()
        .find(|tag| tag.name == tag_name)
        .ok_or_else(no_operation)?;
    let (name, operation_matches) = tag_matches.subcommand().ok_or_else(no_operation)?;
    let operation = tag
        .operations
        .iter()
        .find(|o| o.name == name)
        .ok_or_else(no_operation)?;
    execute(api, operation, operation_matches, environment)
}

fn print_completions<C>(api: &'static CliApi<C>, matches: &ArgMatches) -> Result<(), CliError> {
    let shell = matches.get_one::<Shell>("shell").copied().ok_or_else(|| {
        CliError::Usage("name a shell: bash, zsh, fish, powershell or elvish".to_owned())
    })?;
    let mut command = app::command(api);
    clap_complete::generate(shell, &mut command, api.binary, &mut std::io::stdout());
    Ok(())
}

/// Everything an operation is called with, checked before anything is sent.
struct Plan<C: 'static> {
    operation: &'static CliOperation<C>,
    version: &'static CliVersion<C>,
    invocation: Invocation,
    format: Format,
    watch: Option<(&'static CliWatch, &'static CliOperation<C>)>,
    timing: WatchTiming,
    destination: Destination,
}

impl<C> Plan<C> {
    fn prepare(
        api: &'static CliApi<C>,
        operation: &'static CliOperation<C>,
        matches: &ArgMatches,
        flags: &CommonFlags,
        settings: &Settings<'_>,
    ) -> Result<Self, CliError> {
        let version = args::choose_version(operation, flags.version.as_deref())?;
        let mut invocation = Invocation::new(version.name);
        let defaults = |variable: &str| settings.default_value(variable);
        args::fill_values(&mut invocation, operation.parameters, matches, &defaults)?;
        args::fill_body(&mut invocation, operation.body, flags.file.as_deref())?;
        let output = (flags.output.as_deref())
            .or(settings.output.as_deref())
            .unwrap_or(DEFAULT_FORMAT);
        let format = Format::parse(output)?;
        // `--out-file` on an operation that requests a file means the file: wait for it.
        let file = operation.download.and(flags.out_file.as_deref());
        let watch = match operation.watch.filter(|_| flags.watch || file.is_some()) {
            Some(watch) => Some((watch, watch::poll_operation(api, watch)?)),
            None => None,
        };
        let binary = (version.answer == AnswerKind::Bytes).then_some(version.accept);
        // Last: it creates the `--out-file`'s temporary file.
        let destination = match file {
            Some(path) => {
                snapshot::check_writable(path)?;
                Destination::Fetched(path.to_path_buf())
            }
            None => Destination::open(flags.out_file.as_deref(), binary)?,
        };
        Ok(Self {
            operation,
            version,
            invocation,
            format,
            watch,
            timing: WatchTiming {
                timeout: flags.watch_timeout,
                interval: flags.watch_interval,
            },
            destination,
        })
    }
}

/// The settings of a run, and its debug log (which has printed them).
fn settings<'e, C>(
    api: &'static CliApi<C>,
    flags: &CommonFlags,
    vars: &'e dyn Fn(&str) -> Option<String>,
    environment: &Environment<'_>,
) -> Result<(Settings<'e>, DebugLog), CliError> {
    let config_file = environment.config_file.as_deref();
    let settings = Settings::resolve(api.environment, flags.settings(), vars, config_file)?;
    let log = DebugLog::new(flags.debug);
    log_settings(
        log,
        &settings,
        config_file,
        api.environment.atlas_cli_profiles,
    );
    Ok((settings, log))
}

fn execute<C: CliClient>(
    api: &'static CliApi<C>,
    operation: &'static CliOperation<C>,
    matches: &ArgMatches,
    environment: &Environment<'_>,
) -> Result<(), CliError> {
    let flags = CommonFlags::read(matches)?;
    let vars = |name: &str| (environment.vars)(name).filter(|value| !value.trim().is_empty());
    let (settings, log) = settings(api, &flags, &vars, environment)?;
    let plan = Plan::prepare(api, operation, matches, &flags, &settings)?;
    run_plan(plan, &settings, log)
}

/// A download command (`backups snapshots download`): its operation, called with the values
/// the command's words give, waited for, and its file fetched.
fn execute_download<C: CliClient>(
    api: &'static CliApi<C>,
    download: &'static CliDownload<C>,
    matches: &ArgMatches,
    environment: &Environment<'_>,
) -> Result<(), CliError> {
    let flags = CommonFlags::read(matches)?;
    let vars = |name: &str| (environment.vars)(name).filter(|value| !value.trim().is_empty());
    let (settings, log) = settings(api, &flags, &vars, environment)?;
    let operation = download.operation;
    let version = args::choose_version(operation, None)?;
    let defaults = |variable: &str| settings.default_value(variable);
    let (invocation, out) = snapshot::invocation(download, matches, version.name, &defaults)?;
    let watch = operation.watch.ok_or_else(|| {
        CliError::Usage(format!("{} has no job to wait for", operation.operation_id))
    })?;
    snapshot::check_writable(&out)?;
    let plan = Plan {
        operation,
        version,
        invocation,
        format: Format::parse(DEFAULT_FORMAT)?,
        watch: Some((watch, watch::poll_operation(api, watch)?)),
        timing: WatchTiming {
            timeout: flags.watch_timeout,
            interval: flags.watch_interval,
        },
        destination: Destination::Fetched(out),
    };
    run_plan(plan, &settings, log)
}

/// Connects, sends, and prints or writes what comes back.
fn run_plan<C: CliClient>(
    plan: Plan<C>,
    settings: &Settings<'_>,
    log: DebugLog,
) -> Result<(), CliError> {
    let operation = plan.operation;
    let client = connect::<C>(settings, plan.version.answer)?;
    log.note(format_args!("base URL {}", client.transport().base_url()));
    let session = Session {
        client,
        settings,
        log,
    };
    let spec = session.build(operation, plan.version, &plan.invocation)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Transport(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(perform(&session, plan, spec))
}

fn log_settings(
    log: DebugLog,
    settings: &Settings<'_>,
    config_file: Option<&Path>,
    profiles: bool,
) {
    // A crate of another API reads no profiles: there is nothing to say about them.
    if profiles {
        log.note_with(|| match (&settings.file, config_file) {
            (Some(file), _) => format!("profile {} from {}", settings.profile, file.display()),
            (None, Some(file)) => format!(
                "profile {}: not in {} (none used)",
                settings.profile,
                file.display()
            ),
            (None, None) => format!(
                "profile {}: no configuration directory (none used)",
                settings.profile
            ),
        });
    }
    log.note_with(|| format!("credentials: {}", settings.describe_credentials()));
}

/// The client: the crate's default configuration with the run's credentials and base URL.
fn connect<C: CliClient>(settings: &Settings<'_>, answer: AnswerKind) -> Result<C, CliError> {
    let mut config = settings.apply(C::default_config());
    if answer == AnswerKind::Bytes {
        let http = reqwest::Client::builder()
            .connect_timeout(DEFAULT_CONNECT_TIMEOUT)
            .read_timeout(DOWNLOAD_READ_TIMEOUT)
            .build()
            .map_err(|e| CliError::Transport(format!("cannot build the HTTP client: {e}")))?;
        config = config.no_timeout().http_client(http);
    }
    C::connect(config).map_err(|e| CliError::Usage(format!("cannot configure the client: {e}")))
}

/// Sends the request, follows `--watch`, and prints.
async fn perform<C: CliClient>(
    session: &Session<'_, C>,
    plan: Plan<C>,
    spec: super::super::request::RequestSpec,
) -> Result<(), CliError> {
    if plan.version.answer == AnswerKind::Bytes {
        return download::download(session, spec, plan.destination).await;
    }
    let raw = session.successful(session.send(spec).await?)?;
    let first = match plan.version.answer {
        AnswerKind::Json => answer::json_body(&raw)?,
        // Only a watcher reads it, and an empty answer's body is not promised to be JSON.
        _ => answer::json_body(&raw).ok().flatten(),
    };
    let (shown, list_field, failure) = match plan.watch {
        Some((watch, poll)) => {
            let watched = Watched {
                operation: plan.operation,
                watch,
                poll,
                invocation: &plan.invocation,
                answer: first.as_ref(),
            };
            let settled = watch::follow(session, &watched, plan.timing).await?;
            if let Destination::Fetched(path) = &plan.destination {
                if let Some(failure) = settled.failure {
                    return Err(failure);
                }
                let field = plan.operation.download.unwrap_or_default();
                return snapshot::fetch(&settled.answer, field, path).await;
            }
            (Some(settled.answer), settled.list_field, settled.failure)
        }
        None => {
            let shown = first.filter(|_| plan.version.answer == AnswerKind::Json);
            (shown, plan.operation.list_field, None)
        }
    };
    if let Some(answer) = shown {
        let text = plan.format.render(&answer, list_field)?;
        plan.destination.write_text(&text)?;
    }
    failure.map_or(Ok(()), Err)
}
