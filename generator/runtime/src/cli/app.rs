//! The clap command tree: one subcommand per tag, one per operation under it, one flag per
//! parameter, and the flags every operation shares. Built with clap's builder from the static
//! description a generated crate provides, so the help is the spec's own text.

use clap::{value_parser, Arg, ArgAction, Command};
use clap_complete::Shell;

use super::super::auth::EnvNames;
use super::config::{VAR_BASE_URL, VAR_OUTPUT, VAR_PROFILE};
use super::output::FORMATS;
use super::spec::{CliApi, CliOperation, CliParameter, CliTag, CliWatch};

/// `--version DATE`: the API version (as in the Atlas CLI, which is why clap's own `--version`
/// is turned off and the crate's version is `--crate-version`).
pub(super) const VERSION: &str = "version";
/// `--file PATH`: the request body (`-` for standard input).
pub(super) const FILE: &str = "file";
/// `-o/--output FORMAT`.
pub(super) const OUTPUT: &str = "output";
/// `--out-file PATH`: where the answer goes instead of standard output.
pub(super) const OUT_FILE: &str = "out-file";
/// `--watch`.
pub(super) const WATCH: &str = "watch";
/// `--watchTimeout SECONDS`.
pub(super) const WATCH_TIMEOUT: &str = "watchTimeout";
/// `--watchInterval SECONDS`.
pub(super) const WATCH_INTERVAL: &str = "watchInterval";
/// `--profile NAME`.
pub(super) const PROFILE: &str = "profile";
/// `--base-url URL`.
pub(super) const BASE_URL: &str = "base-url";
/// `--debug`.
pub(super) const DEBUG: &str = "debug";
/// `--crate-version`, on the binary itself.
pub(super) const CRATE_VERSION: &str = "crate-version";
/// The subcommand that prints shell completions.
pub(super) const COMPLETIONS: &str = "completions";

/// Every long flag name and alias the command line defines itself, which no parameter's flag or
/// alias may take (the generator renames such parameters).
pub const RESERVED_FLAGS: &[&str] = &[
    VERSION,
    FILE,
    OUTPUT,
    OUT_FILE,
    "outFile",
    WATCH,
    WATCH_TIMEOUT,
    WATCH_INTERVAL,
    PROFILE,
    BASE_URL,
    "baseUrl",
    DEBUG,
    "help",
    CRATE_VERSION,
];

/// The default of `--watchTimeout`, in seconds: an hour covers the slowest cluster change.
const DEFAULT_WATCH_TIMEOUT: &str = "3600";
/// The default of `--watchInterval`, in seconds.
const DEFAULT_WATCH_INTERVAL: &str = "2";

/// Where the flags every operation shares are listed in its help, after its own parameters.
const COMMON_HEADING: &str = "Common options";

/// The whole command line.
pub fn command<C>(api: &'static CliApi<C>) -> Command {
    Command::new(api.binary)
        .about(api.about)
        .disable_version_flag(true)
        .args_conflicts_with_subcommands(true)
        .arg_required_else_help(true)
        .after_help(if api.environment.atlas_cli_profiles {
            format!(
                "Command lines of the Atlas CLI's `atlas api` work as they are, with `{}` for `atlas`.",
                api.binary
            )
        } else {
            String::new()
        })
        .arg(
            Arg::new(CRATE_VERSION)
                .long(CRATE_VERSION)
                .action(ArgAction::SetTrue)
                .help("Print this program's version (--version picks the API version of an operation)"),
        )
        .subcommands(api.tags.iter().map(|tag| tag_command(tag, api.environment)))
        .subcommands(super::snapshot::commands(api))
        .subcommand(completions_command())
}

fn completions_command() -> Command {
    Command::new(COMPLETIONS)
        .about("Print a shell completion script")
        .arg(
            Arg::new("shell")
                .required(true)
                .value_parser(value_parser!(Shell))
                .help("The shell to complete in"),
        )
}

fn tag_command<C>(tag: &'static CliTag<C>, names: &EnvNames) -> Command {
    let mut command = Command::new(tag.name)
        .about(first_sentence(tag.about))
        .long_about(tag.about)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommands((tag.operations.iter()).map(|operation| operation_command(operation, names)));
    if let Some(alias) = tag.alias {
        command = command.visible_alias(alias);
    }
    command
}

fn operation_command<C>(operation: &'static CliOperation<C>, names: &EnvNames) -> Command {
    let mut command = Command::new(operation.name)
        .about(operation.summary)
        .long_about(long_about(operation))
        .after_help(after_help(operation))
        .args(operation.parameters.iter().map(parameter_arg))
        .args(common_args(operation, names));
    if let Some(alias) = operation.alias {
        command = command.visible_alias(alias);
    }
    command
}

/// Summary, description and the deprecation notes.
fn long_about<C>(operation: &CliOperation<C>) -> String {
    [operation.summary, operation.description]
        .into_iter()
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The notes, `METHOD path` and the versions: shown with `-h` too.
fn after_help<C>(operation: &CliOperation<C>) -> String {
    let mut lines: Vec<String> = operation
        .notes
        .iter()
        .map(|note| (*note).to_owned())
        .collect();
    lines.push(format!("{} {}", operation.method, operation.path));
    if let Some(versions) = version_list(operation) {
        lines.push(format!("API versions: {versions}"));
    }
    lines.join("\n")
}

/// `2023-01-01 (default), 2024-08-05`; `None` for an unversioned operation.
fn version_list<C>(operation: &CliOperation<C>) -> Option<String> {
    let names = operation.version_names();
    let (default, others) = names.split_first()?;
    let mut list = format!("{default} (default)");
    for name in others {
        list.push_str(", ");
        list.push_str(name);
    }
    Some(list)
}

fn parameter_arg(parameter: &'static CliParameter) -> Arg {
    let action = match parameter.repeated {
        true => ArgAction::Append,
        false => ArgAction::Set,
    };
    // Not clap's `required`: a required parameter may come from its environment variable or
    // the profile, which the engine checks after reading them. Nor clap's possible values:
    // Atlas adds enum values without notice, and the library accepts unknown ones.
    let mut arg = Arg::new(parameter.flag)
        .long(parameter.flag)
        .action(action)
        .help(parameter_help(parameter));
    if let Some(alias) = parameter.alias {
        arg = arg.visible_alias(alias);
    }
    arg
}

/// The spec's description, then what clap would show had the engine let it check: values,
/// repetition, requirement and environment variable.
fn parameter_help(parameter: &CliParameter) -> String {
    let mut help = parameter.help.trim().to_owned();
    let mut push = |note: String| {
        if !help.is_empty() {
            help.push(' ');
        }
        help.push_str(&note);
    };
    if !parameter.values.is_empty() {
        push(format!("[values: {}]", parameter.values.join(", ")));
    }
    if parameter.repeated {
        push("[repeatable]".to_owned());
    }
    if parameter.required {
        push("[required]".to_owned());
    }
    if let Some(variable) = parameter.default_env {
        push(format!("[env: {variable}]"));
    }
    help
}

/// The flags every operation takes (`--file` only with a body, `--watch*` only with a watcher).
fn common_args<C>(operation: &CliOperation<C>, names: &EnvNames) -> Vec<Arg> {
    let mut args = vec![version_arg(operation)];
    if let Some(body) = operation.body {
        let required = if body.required { " [required]" } else { "" };
        args.push(value_arg(FILE, "PATH").help(format!(
            "The request body: a JSON file ({}), or - for standard input{required}",
            body.media_type
        )));
    }
    args.push(value_arg(OUTPUT, "FORMAT").short('o').help(format!(
        "How to print the answer: {FORMATS} [default: pretty] [env: {}]",
        names.variable(VAR_OUTPUT)
    )));
    let out_file = match operation.download {
        Some(field) => format!(
            "Wait for the job, then write the file at its {field} here (not the JSON answer)"
        ),
        None => {
            "Write the answer to this file instead of standard output (a download as it arrives)"
                .to_owned()
        }
    };
    args.push(value_arg(OUT_FILE, "PATH").alias("outFile").help(out_file));
    if let Some(watch) = operation.watch {
        args.extend(watch_args(watch));
    }
    args.extend(session_args(names));
    args
}

fn version_arg<C>(operation: &CliOperation<C>) -> Arg {
    let help = match version_list(operation) {
        Some(versions) => format!("The API version to call: {versions}"),
        None => "This operation has no API versions (leave it out)".to_owned(),
    };
    value_arg(VERSION, "DATE").help(help)
}

/// The flags that choose settings: `--profile` (Atlas crates: the Atlas CLI's profiles),
/// `--base-url`, `--debug`.
pub(super) fn session_args(names: &EnvNames) -> Vec<Arg> {
    let mut args = Vec::with_capacity(3);
    if names.atlas_cli_profiles {
        args.push(value_arg(PROFILE, "NAME").help(format!(
            "The Atlas CLI profile to read settings from [env: {}] [default: default]",
            names.variable(VAR_PROFILE)
        )));
    }
    args.push(value_arg(BASE_URL, "URL").alias("baseUrl").help(format!(
        "The server to send requests to [env: {}]",
        names.variable(VAR_BASE_URL)
    )));
    args.push(
        flag_arg(DEBUG).help("Print what is sent and received (never secrets) on standard error"),
    );
    args
}

fn watch_args(watch: &CliWatch) -> Vec<Arg> {
    let mut args = vec![flag_arg(WATCH).help(format!(
        "After the operation, wait until {} of {} is {}",
        watch.field,
        watch.poll,
        watch.success.join(" or ")
    ))];
    args.extend(wait_args());
    args
}

/// How a wait is paced: `--watchTimeout`, `--watchInterval`.
pub(super) fn wait_args() -> [Arg; 2] {
    [
        value_arg(WATCH_TIMEOUT, "SECONDS")
            .value_parser(value_parser!(u64))
            .default_value(DEFAULT_WATCH_TIMEOUT)
            .help("How long --watch waits before giving up; 0 waits without limit"),
        value_arg(WATCH_INTERVAL, "SECONDS")
            .value_parser(value_parser!(f64))
            .default_value(DEFAULT_WATCH_INTERVAL)
            .help("The first pause between two polls of --watch; each next one is 1.5 times longer, up to 30 s"),
    ]
}

fn value_arg(name: &'static str, value_name: &'static str) -> Arg {
    Arg::new(name)
        .long(name)
        .value_name(value_name)
        .action(ArgAction::Set)
        .help_heading(COMMON_HEADING)
}

fn flag_arg(name: &'static str) -> Arg {
    Arg::new(name)
        .long(name)
        .action(ArgAction::SetTrue)
        .help_heading(COMMON_HEADING)
}

/// The first sentence of a tag's description, for the list of tags (its `--help` has it all).
fn first_sentence(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or_default();
    match line.find(". ") {
        Some(end) => line[..=end].to_owned(),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::super::request::RequestSpec;
    use super::super::invocation::{CliError, Invocation};
    use super::super::spec::{AnswerKind, CliBody, CliVersion, Location};

    fn unused(_: &(), _: &Invocation) -> Result<RequestSpec, CliError> {
        Err(CliError::Usage("not sent".to_owned()))
    }

    const fn parameter(name: &'static str, repeated: bool) -> CliParameter {
        CliParameter {
            name,
            flag: name,
            alias: None,
            location: Location::Query,
            required: false,
            repeated,
            help: "The value.",
            values: &[],
            default_env: None,
        }
    }

    const fn operation(name: &'static str) -> CliOperation<()> {
        CliOperation {
            name,
            alias: None,
            operation_id: name,
            summary: "",
            description: "",
            notes: &[],
            method: "GET",
            path: "/api/atlas/v2/groups/{groupId}/clusters",
            parameters: &[],
            body: None,
            versions: &[CliVersion {
                name: "2023-01-01",
                accept: "",
                answer: AnswerKind::Json,
                build: unused,
            }],
            list_field: Some("results"),
            watch: None,
            download: None,
        }
    }

    static WATCH: CliWatch = CliWatch {
        poll: "getCluster",
        arguments: &[],
        field: "stateName",
        success: &["IDLE"],
        failure: &["FAILED"],
    };

    static CLUSTERS: CliTag<()> = CliTag {
        name: "clusters",
        alias: None,
        about: "Returns, adds and edits clusters. Changes can affect costs.",
        operations: &[
            &CliOperation {
                alias: Some("get-cluster"),
                summary: "Return One Cluster",
                description: "Returns the details of one cluster.",
                notes: &["Deprecated by Atlas; sunset on 2030-01-01."],
                parameters: &[CliParameter {
                    required: true,
                    default_env: Some("MONGODB_ATLAS_PROJECT_ID"),
                    alias: Some("group-id"),
                    ..parameter("groupId", false)
                }],
                versions: &[
                    CliVersion {
                        name: "2023-01-01",
                        accept: "",
                        answer: AnswerKind::Json,
                        build: unused,
                    },
                    CliVersion {
                        name: "2024-08-05",
                        accept: "",
                        answer: AnswerKind::Json,
                        build: unused,
                    },
                ],
                watch: Some(&WATCH),
                download: None,
                ..operation("getCluster")
            },
            &CliOperation {
                parameters: &[CliParameter {
                    values: &["M10", "M20"],
                    ..parameter("tier", true)
                }],
                ..operation("listClusters")
            },
            &CliOperation {
                body: Some(CliBody {
                    required: true,
                    media_type: "application/json",
                }),
                versions: &[CliVersion {
                    name: "",
                    accept: "",
                    answer: AnswerKind::Empty,
                    build: unused,
                }],
                ..operation("pauseCluster")
            },
        ],
    };

    static API: CliApi<()> = CliApi {
        binary: "atlas-test",
        about: "A test API.",
        crate_version: "9.8.7",
        tags: &[&CLUSTERS],
        downloads: &[],
        environment: &super::super::config::ATLAS,
    };

    fn operation_help(command: &mut Command, name: &str) -> String {
        let tag = command.find_subcommand_mut("clusters").unwrap();
        tag.find_subcommand_mut(name)
            .unwrap()
            .render_long_help()
            .to_string()
    }

    #[test]
    fn the_help_lists_tags_and_a_tag_its_operations() {
        let mut command = command(&API);
        let top = command.render_help().to_string();
        assert!(
            top.contains("clusters") && top.contains("Returns, adds and edits clusters."),
            "{top}"
        );
        assert!(
            !top.contains("Changes can affect costs") && top.contains("completions"),
            "{top}"
        );
        let tag = command
            .find_subcommand_mut("clusters")
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            tag.contains("Return One Cluster [alias: get-cluster]"),
            "{tag}"
        );
    }

    #[test]
    fn an_operations_help_has_everything_about_it() {
        let mut command = command(&API);
        let help = operation_help(&mut command, "getCluster");
        for expected in [
            "Return One Cluster",
            "Returns the details of one cluster.",
            "Deprecated by Atlas; sunset on 2030-01-01.",
            "GET /api/atlas/v2/groups/{groupId}/clusters",
            "API versions: 2023-01-01 (default), 2024-08-05",
            "--groupId",
            "The value. [required] [env: MONGODB_ATLAS_PROJECT_ID]",
            "--group-id",
            "--watchInterval",
            "wait until stateName of getCluster is IDLE",
        ] {
            assert!(
                help.contains(expected),
                "{expected:?} missing from:\n{help}"
            );
        }
        let list = operation_help(&mut command, "listClusters");
        assert!(
            list.contains("The value. [values: M10, M20] [repeatable]"),
            "{list}"
        );
        assert!(
            !list.contains("--watch") && !list.contains("--file"),
            "{list}"
        );
        let pause = operation_help(&mut command, "pauseCluster");
        assert!(
            pause.contains("--file") && pause.contains("no API versions"),
            "{pause}"
        );
        assert!(!pause.contains("API versions:"), "{pause}");
    }

    #[test]
    fn completions_cover_every_operation() {
        let mut command = command(&API);
        let mut script = Vec::new();
        clap_complete::generate(Shell::Bash, &mut command, "atlas-test", &mut script);
        let script = String::from_utf8(script).unwrap();
        assert!(
            script.contains("getCluster") && script.contains("--groupId"),
            "{script}"
        );
    }

    #[test]
    fn reserved_flags_are_the_flags_the_engine_defines() {
        let mut command = command(&API);
        command.build();
        let get = command
            .find_subcommand("clusters")
            .unwrap()
            .find_subcommand("getCluster")
            .unwrap();
        let pause = command
            .find_subcommand("clusters")
            .unwrap()
            .find_subcommand("pauseCluster")
            .unwrap();
        let mut defined: Vec<&str> = [get, pause, &command]
            .into_iter()
            .flat_map(Command::get_arguments)
            .filter(|arg| arg.get_id() != "groupId")
            .flat_map(|arg| {
                arg.get_long()
                    .into_iter()
                    .chain(arg.get_all_aliases().unwrap_or_default())
            })
            .collect();
        defined.sort_unstable();
        defined.dedup();
        let mut reserved = RESERVED_FLAGS.to_vec();
        reserved.sort_unstable();
        assert_eq!(defined, reserved);
    }

    #[test]
    fn the_list_of_tags_shows_first_sentences() {
        assert_eq!(
            first_sentence("Returns clusters. Costs apply.\nMore."),
            "Returns clusters."
        );
        assert_eq!(
            first_sentence("Returns v1.2 clusters"),
            "Returns v1.2 clusters"
        );
        assert_eq!(first_sentence(""), "");
    }
}
