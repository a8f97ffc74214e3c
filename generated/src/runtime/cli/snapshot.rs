// @generated: a copy of generator/runtime/src/cli/snapshot.rs; do not edit by hand.
//! Download commands in the Atlas CLI's grammar
//! (`backups snapshots download <snapshotId> --clusterName NAME --out FILE`), and the fetch of
//! the file once a download's job is done: the file's link is fetched by the runtime's
//! credential-free fetcher (`runtime::download`), never with the client's authentication.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Arg, ArgAction, ArgMatches, Command};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;

use super::super::auth::EnvNames;
use super::super::download::{fetch_to_file, DownloadOptions};
use super::super::part_file::PartFile;
use super::app;
use super::invocation::{CliError, Invocation};
use super::spec::{CliApi, CliDownload};

/// The argument holding the file's path.
const OUT: &str = "out";

/// The progress bar of a fetch whose length is known.
const BAR_TEMPLATE: &str = "{bytes}/{total_bytes} [{wide_bar}] {binary_bytes_per_sec} {eta}";

/// The download commands, nested under their words (`backups` > `snapshots` > `download`).
pub(super) fn commands<C>(api: &'static CliApi<C>) -> Vec<Command> {
    let mut roots: Vec<Command> = Vec::new();
    for download in api.downloads {
        let Some((first, _)) = download.words.split_first() else {
            continue;
        };
        if roots.iter().any(|c| c.get_name() == *first) {
            continue;
        }
        let sharing: Vec<&'static CliDownload<C>> = api
            .downloads
            .iter()
            .copied()
            .filter(|d| d.words.first() == Some(first))
            .collect();
        roots.push(nested(first, &sharing, 1, api.environment));
    }
    roots
}

/// The command for `words[depth - 1]` of `downloads`, which share their words up to it.
fn nested<C>(
    name: &'static str,
    downloads: &[&'static CliDownload<C>],
    depth: usize,
    names: &EnvNames,
) -> Command {
    let leaves: Vec<_> = downloads
        .iter()
        .copied()
        .filter(|d| d.words.len() == depth)
        .collect();
    if let Some(first) = leaves.first() {
        return leaf(name, first, &leaves, names);
    }
    let mut command = Command::new(name)
        .subcommand_required(true)
        .arg_required_else_help(true);
    let mut seen: Vec<&str> = Vec::new();
    for download in downloads {
        let word = download.words[depth];
        if !seen.contains(&word) {
            seen.push(word);
            let sharing: Vec<_> = downloads
                .iter()
                .copied()
                .filter(|d| d.words.get(depth) == Some(&word))
                .collect();
            command = command.subcommand(nested(word, &sharing, depth + 1, names));
        }
    }
    command
}

/// The command itself: the argument, the flags of every download under these words, `--out`,
/// the switches, and the options that choose settings and pace the wait.
fn leaf<C>(
    name: &'static str,
    first: &'static CliDownload<C>,
    all: &[&'static CliDownload<C>],
    names: &EnvNames,
) -> Command {
    let mut command = Command::new(name)
        .about(first.operation.summary)
        .long_about(first.operation.description)
        .arg(
            Arg::new(first.positional)
                .required(true)
                .value_name(first.positional)
                .help(format!("The {} to download", first.positional)),
        )
        .arg(Arg::new(OUT).long(OUT).value_name("PATH").help(format!(
            "Where to write the file [default: the {}]",
            first.positional
        )));
    let mut flags: Vec<&str> = Vec::new();
    for download in all {
        for (flag, parameter) in download.flags {
            if flags.contains(flag) {
                continue;
            }
            flags.push(flag);
            let help = download
                .operation
                .parameters
                .iter()
                .find(|p| p.name == *parameter)
                .map_or("", |p| p.help);
            command = command.arg(Arg::new(*flag).long(*flag).value_name(*flag).help(help));
        }
        if let Some(switch) = download.switch {
            command = command.arg(
                Arg::new(switch)
                    .long(switch)
                    .action(ArgAction::SetTrue)
                    .help(format!("Call {} instead", download.operation.operation_id)),
            );
        }
    }
    command
        .args(app::wait_args())
        .args(app::session_args(names))
}

/// The download command `matches` names, with its own matches; `None` for other commands.
pub(super) fn find<'m, C>(
    api: &'static CliApi<C>,
    matches: &'m ArgMatches,
) -> Option<(&'static CliDownload<C>, &'m ArgMatches)> {
    let mut words = Vec::new();
    let mut current = matches;
    while let Some((word, inner)) = current.subcommand() {
        words.push(word);
        current = inner;
    }
    let switched = |d: &CliDownload<C>| {
        d.switch
            .is_some_and(|s| current.try_get_one::<bool>(s).ok().flatten() == Some(&true))
    };
    let under: Vec<&'static CliDownload<C>> = api
        .downloads
        .iter()
        .copied()
        .filter(|d| d.words == words)
        .collect();
    let chosen = under
        .iter()
        .find(|d| switched(d))
        .or_else(|| under.iter().find(|d| d.switch.is_none()))?;
    Some((*chosen, current))
}

/// The operation's values from the command's argument and flags: the argument goes into the
/// body, the flags (or their environment defaults) into parameters; and the file's path.
///
/// # Errors
///
/// [`CliError::Usage`] naming the flags that have no value.
pub(super) fn invocation<C>(
    download: &'static CliDownload<C>,
    matches: &ArgMatches,
    version: &'static str,
    default_value: &dyn Fn(&str) -> Option<String>,
) -> Result<(Invocation, PathBuf), CliError> {
    let mut invocation = Invocation::new(version);
    let argument = matches
        .get_one::<String>(download.positional)
        .cloned()
        .unwrap_or_default();
    let mut missing = Vec::new();
    let mut body = serde_json::Map::new();
    body.insert(
        download.positional.to_owned(),
        Value::String(argument.clone()),
    );
    for (flag, parameter) in download.flags {
        let spec = download
            .operation
            .parameters
            .iter()
            .find(|p| p.name == *parameter);
        let given = matches.try_get_one::<String>(flag).ok().flatten().cloned();
        let value = given.or_else(|| spec.and_then(|p| p.default_env).and_then(default_value));
        for (field, _) in download.body.iter().filter(|(_, f)| f == flag) {
            if let Some(value) = &value {
                body.insert((*field).to_owned(), Value::String(value.clone()));
            }
        }
        match (value, spec) {
            (Some(value), Some(spec)) => invocation.set(spec.name, vec![value]),
            (None, Some(spec)) if spec.required => missing.push(match spec.default_env {
                Some(variable) => format!("--{flag} (or {variable})"),
                None => format!("--{flag}"),
            }),
            _ => {}
        }
    }
    if !missing.is_empty() {
        return Err(CliError::Usage(format!(
            "missing required flags: {}",
            missing.join(", ")
        )));
    }
    invocation.set_body(
        Value::Object(body).to_string().into_bytes(),
        "the command line",
    );
    let out = matches
        .get_one::<String>(OUT)
        .map_or_else(|| PathBuf::from(&argument), PathBuf::from);
    Ok((invocation, out))
}

/// Checks, before anything is sent, that the file can be written where asked.
///
/// # Errors
///
/// [`CliError::Usage`] when it cannot.
pub(super) fn check_writable(path: &Path) -> Result<(), CliError> {
    PartFile::create(path)
        .map(drop)
        .map_err(|e| CliError::Usage(format!("cannot write {}: {e}", path.display())))
}

/// Fetches the file at the link in the settled job's `field` to `path`, with a progress bar on
/// a terminal, and says where it went.
///
/// # Errors
///
/// [`CliError::Transport`] when the answer has no link or the fetch fails (an expired link
/// says to request a new download).
pub(super) async fn fetch(answer: &Value, field: &str, path: &Path) -> Result<(), CliError> {
    let url = answer.get(field).and_then(Value::as_str).ok_or_else(|| {
        CliError::Transport(format!(
            "the finished job's answer has no {field} to download"
        ))
    })?;
    let bar = progress_bar();
    let shown = bar.clone();
    let options = DownloadOptions::default().on_progress(move |progress| {
        if let Some(total) = progress.total {
            shown.set_length(total);
        }
        shown.set_position(progress.written);
    });
    let downloaded = fetch_to_file(url, path, &options)
        .await
        .map_err(|e| CliError::Transport(e.to_string()));
    bar.finish_and_clear();
    let downloaded = downloaded?;
    eprintln!(
        "Wrote {} bytes to {}",
        downloaded.bytes,
        downloaded.path.display()
    );
    Ok(())
}

/// A bar on standard error when someone is watching it; nothing otherwise.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    match ProgressStyle::with_template(BAR_TEMPLATE) {
        Ok(style) => bar.with_style(style),
        Err(_) => bar,
    }
}
