//! The command line's decisions, made once for the generated `cli` module: each operation's
//! command name and alias, each parameter's flag, the `--version` value of each method, and the
//! watchers of `generator/watchers.yaml` resolved against this spec.

use std::collections::BTreeSet;

use heck::ToKebabCase;
use serde::Serialize;

use super::methods::{Method, ResponseShape};
use super::Plan;
use crate::ir::{Operation, TypeKind, TypeRef};

/// The long flags (and aliases) the command line defines for every operation: no parameter's
/// flag may take one (the runtime's `cli::RESERVED_FLAGS`, which a test compares).
pub const ENGINE_FLAGS: &[&str] = &[
    "base-url",
    "baseUrl",
    "crate-version",
    "debug",
    "file",
    "help",
    "out-file",
    "outFile",
    "output",
    "profile",
    "version",
    "watch",
    "watchInterval",
    "watchTimeout",
];

/// The Atlas CLI's defaults for parameters: `--groupId` from `MONGODB_ATLAS_PROJECT_ID`, and
/// `--orgId` from `MONGODB_ATLAS_ORG_ID`.
const DEFAULT_ENV: &[(&str, &str)] = &[
    ("groupId", "MONGODB_ATLAS_PROJECT_ID"),
    ("orgId", "MONGODB_ATLAS_ORG_ID"),
];

/// An operation as a command: `<tag> <name>`.
#[derive(Debug, Serialize)]
pub struct CliCommand {
    /// The Atlas CLI's name: `x-xgen-operation-id-override`, else the operationId.
    pub name: String,
    /// Its kebab-case alias, when different.
    pub alias: Option<String>,
    /// One flag per parameter, in the operation's parameter order.
    pub flags: Vec<CliFlag>,
    /// The `--version` value of each method, in the plan's method order.
    pub versions: Vec<String>,
    /// The array of items in the default answer (`results`): the rows of `-o table`. The
    /// paginated field where the operation pages, else an array field called `results`.
    pub list_field: Option<String>,
}

/// A parameter as a flag.
#[derive(Debug, Serialize)]
pub struct CliFlag {
    /// What the command line keys the parameter's values by: its spec name, or, where two
    /// parameters of the operation share one, the name with its location (`id@header`).
    pub key: String,
    /// The long flag: the spec's name, unless it is one of the command line's own flags or not
    /// usable as a flag.
    pub flag: String,
    /// Its kebab-case alias, when different and free.
    pub alias: Option<String>,
    /// The variable it defaults to, as in the Atlas CLI.
    pub default_env: Option<&'static str>,
    /// The constant of `src/cli/mod.rs` its table names, when several tables list the same
    /// entry ([`super::SharedFlag`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<String>,
}

/// An operation's command, before names are made unique within its tag.
pub fn command(plan: &Plan<'_>, operation: &Operation, methods: &[Method<'_>]) -> CliCommand {
    let name = operation
        .cli_name
        .clone()
        .unwrap_or_else(|| operation.operation_id.clone());
    let kebab = name.to_kebab_case();
    CliCommand {
        alias: (kebab != name).then_some(kebab),
        name,
        flags: flags(operation, plan.profile.atlas),
        versions: version_names(methods),
        list_field: methods.first().and_then(|method| list_field(plan, method)),
    }
}

fn list_field(plan: &Plan<'_>, method: &Method<'_>) -> Option<String> {
    if let Some(pagination) = &method.pagination {
        return Some(pagination.results.name.clone());
    }
    let ResponseShape::Json(TypeRef::Named { name }) = &method.response else {
        return None;
    };
    let TypeKind::Struct { fields, .. } = &plan.type_def(name)?.kind else {
        return None;
    };
    fields
        .iter()
        .find(|f| f.name == "results" && matches!(f.ty, TypeRef::Array { .. }))
        .map(|f| f.name.clone())
}

/// Makes names of commands unique within each tag: a later operation whose name is taken keeps
/// its operationId (which the spec makes unique).
pub fn deduplicate_commands(plan: &mut Plan<'_>) {
    let mut taken: BTreeSet<(usize, String)> = BTreeSet::new();
    for (operation, op_plan) in plan.api.operations.iter().zip(&mut plan.operations) {
        let feature = op_plan.feature.0;
        let command = &mut op_plan.cli;
        if !taken.insert((feature, command.name.to_lowercase())) {
            command.name = operation.operation_id.clone();
            let kebab = command.name.to_kebab_case();
            command.alias = (kebab != command.name).then_some(kebab);
            taken.insert((feature, command.name.to_lowercase()));
        }
        if let Some(alias) = &command.alias {
            if !taken.insert((feature, alias.to_lowercase())) {
                command.alias = None;
            }
        }
    }
}

fn flags(operation: &Operation, atlas: bool) -> Vec<CliFlag> {
    let shared: BTreeSet<&str> = {
        let mut seen = BTreeSet::new();
        operation
            .parameters
            .iter()
            .filter(|p| !seen.insert(p.name.as_str()))
            .map(|p| p.name.as_str())
            .collect()
    };
    let mut taken: BTreeSet<String> = ENGINE_FLAGS.iter().map(|f| (*f).to_owned()).collect();
    let mut flags: Vec<CliFlag> = operation
        .parameters
        .iter()
        .map(|parameter| {
            let key = if shared.contains(parameter.name.as_str()) {
                format!("{}@{}", parameter.name, parameter.location.as_str())
            } else {
                parameter.name.clone()
            };
            let mut flag = flag_text(&parameter.name);
            if taken.contains(&flag) {
                flag = format!("{flag}-{}", parameter.location.as_str());
            }
            while taken.contains(&flag) {
                flag.push('_');
            }
            taken.insert(flag.clone());
            // The Atlas CLI's variables mean nothing to another API's `groupId`.
            let default_env = (DEFAULT_ENV.iter())
                .find(|(name, _)| atlas && *name == parameter.name)
                .map(|(_, env)| *env);
            CliFlag {
                key,
                flag,
                alias: None,
                default_env,
                shared: None,
            }
        })
        .collect();
    for flag in &mut flags {
        let kebab = flag.flag.to_kebab_case();
        if kebab != flag.flag && !kebab.is_empty() && taken.insert(kebab.clone()) {
            flag.alias = Some(kebab);
        }
    }
    flags
}

/// A parameter name as a long flag: characters a flag cannot carry (`=`, spaces, a leading `-`)
/// become `-`.
fn flag_text(name: &str) -> String {
    let text: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let text = text.trim_start_matches('-');
    if text.is_empty() {
        "param".to_owned()
    } else {
        text.to_owned()
    }
}

/// `--version` values: the API version (`2023-01-01`, `preview`, or empty for an unversioned
/// operation); a second format of one version adds its media type's suffix
/// (`2023-01-01+csv`), as its `Accept` does.
fn version_names(methods: &[Method<'_>]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    methods
        .iter()
        .map(|method| {
            let version = method
                .version
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            if seen.insert(version.clone()) {
                return version;
            }
            let format = method
                .accept
                .rsplit(['+', '/'])
                .next()
                .unwrap_or("other")
                .to_owned();
            let mut name = format!("{version}+{format}");
            while !seen.insert(name.clone()) {
                name.push('_');
            }
            name
        })
        .collect()
}
