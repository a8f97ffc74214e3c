//! Downloads: operations that end in a file. Declared in `generator/downloads.yaml` and resolved
//! here against the spec, once, for the library's `download_to` and the command line's download
//! commands. Atlas answers a download request with a job; the job's GET is polled until it
//! settles, and the file is then fetched from the link in the job's answer.
//!
//! An entry whose operation is not in the spec is for another spec and is skipped; one that names
//! an operation of this spec but does not fit it is a located warning, never a silent drop.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::methods::ResponseShape;
use super::watch::{self, Entry, WatchSource};
use super::{FeatureId, Plan, Presence, View, WatchPlan};
use crate::diagnostics::{Diagnostic, JsonPointer, Loss};
use crate::ir::{Field, TypeKind, TypeRef};

/// The downloads, as the repository declares them.
const DOWNLOADS_FILE: &str = include_str!("../../downloads.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DownloadFile {
    downloads: Vec<DownloadEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DownloadEntry {
    operation: String,
    poll: String,
    #[serde(default)]
    arguments: BTreeMap<String, String>,
    field: String,
    success: Vec<String>,
    #[serde(default)]
    failure: Vec<String>,
    url: String,
    command: Option<CommandEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommandEntry {
    words: Vec<String>,
    positional: String,
    #[serde(default)]
    flags: BTreeMap<String, String>,
    #[serde(default)]
    body: BTreeMap<String, String>,
    switch: Option<String>,
}

/// How to get an operation's file.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadPlan {
    /// How to wait for the job: its GET, the values it is called with, its state field.
    pub watch: WatchPlan,
    /// The feature that compiles the job's GET, when it is not the operation's own: the
    /// method is compiled only with it.
    pub poll_feature: Option<FeatureId>,
    /// The Rust name of the job GET's default method on `Client`.
    pub poll_method: String,
    /// The job GET's arguments, in the order its method takes them.
    pub poll_arguments: Vec<PollArgument>,
    /// The link's field in the job's answer: its name in the API.
    pub url_field: String,
    /// Its Rust name.
    pub url_rust_name: String,
    /// How it is present in the answer's struct.
    pub url_presence: Presence,
    /// The command line's command in the Atlas CLI's grammar, when declared.
    pub command: Option<DownloadCommand>,
}

/// Where one argument of the job's GET comes from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PollArgument {
    /// The download request's own parameter: its builder field.
    Builder {
        /// The builder field.
        rust_name: String,
    },
    /// A top-level field of the download request's answer.
    Answer {
        /// The field's name in the API.
        api_name: String,
        /// Its Rust name.
        rust_name: String,
        /// How it is present in the answer's struct.
        presence: Presence,
        /// Whether the GET takes a validated newtype (parsed from the text) or text.
        parsed: bool,
    },
}

/// A download command in the Atlas CLI's grammar:
/// `backups snapshots download <snapshotId> --clusterName NAME --out FILE`.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadCommand {
    /// The command's words.
    pub words: Vec<String>,
    /// The body field given as its one argument (its name in the API).
    pub positional: String,
    /// Its flags and the operation's parameters (by API name) they give.
    pub flags: Vec<(String, String)>,
    /// Body fields (by API name) its flags give too, and the flags.
    pub body: Vec<(String, String)>,
    /// For a second entry under the same words, the flag that picks it.
    pub switch: Option<String>,
}

/// Resolves every download that names an operation of this spec; the warnings say which could
/// not be applied and why.
pub fn plan_downloads(plan: &mut Plan<'_>) -> Vec<Diagnostic> {
    let file: DownloadFile = match serde_yaml::from_str(DOWNLOADS_FILE) {
        Ok(file) => file,
        Err(error) => {
            return vec![watch::warning_of(
                Loss::Download,
                &JsonPointer::root(),
                format!(
                    "generator/downloads.yaml cannot be read ({error}): no download is generated"
                ),
            )]
        }
    };
    let index = watch::operation_index(plan);
    let mut warnings = Vec::new();
    for entry in &file.downloads {
        let Some(&operation) = index.get(entry.operation.as_str()) else {
            continue;
        };
        match resolve(plan, &index, operation, entry) {
            Ok((download, terminal)) => {
                let poll = download.watch.poll;
                plan.operations[operation]
                    .watch
                    .get_or_insert_with(|| download.watch.clone());
                plan.operations[operation].download = Some(download);
                plan.operations[poll].terminal.get_or_insert(terminal);
            }
            Err(why) => {
                let pointer = JsonPointer::from_fragment(&plan.api.operations[operation].pointer)
                    .unwrap_or_else(JsonPointer::root);
                warnings.push(watch::warning_of(
                    Loss::Download,
                    &pointer,
                    format!(
                        "generator/downloads.yaml names `{}`, but {why}: the operation has no \
                         download_to",
                        entry.operation
                    ),
                ));
            }
        }
    }
    warnings
}

fn resolve(
    plan: &Plan<'_>,
    index: &BTreeMap<&str, usize>,
    operation: usize,
    entry: &DownloadEntry,
) -> Result<(DownloadPlan, super::TerminalState), String> {
    let wait = Entry {
        operation: entry.operation.clone(),
        poll: Some(entry.poll.clone()),
        arguments: entry.arguments.clone(),
        field: entry.field.clone(),
        success: entry.success.clone(),
        failure: entry.failure.clone(),
    };
    let (watch, terminal) = watch::resolve(plan, index, operation, &wait)?;
    let poll_plan = &plan.operations[watch.poll];
    let poll_method = poll_plan
        .methods
        .first()
        .ok_or("the job's GET has no method")?;
    let job = answer_struct(plan, poll_method.response.clone())
        .ok_or("the job's GET does not answer with an object")?;
    let url = find_field(plan, job, &entry.url, TypeRef::is_text)?;
    let answer = plan.operations[operation]
        .methods
        .first()
        .and_then(|m| answer_struct(plan, m.response.clone()));
    let poll_arguments = poll_arguments(plan, operation, &watch, answer)?;
    let command = entry
        .command
        .as_ref()
        .map(|c| command(plan, operation, c))
        .transpose()?;
    let poll_feature = plan.operations[watch.poll].feature;
    let download = DownloadPlan {
        poll_feature: (poll_feature != plan.operations[operation].feature).then_some(poll_feature),
        poll_method: poll_method.rust_name.clone(),
        poll_arguments,
        url_field: entry.url.clone(),
        url_rust_name: url.0.rust_name.clone(),
        url_presence: url.1,
        command,
        watch,
    };
    Ok((download, terminal))
}

/// The name of the struct a method answers with.
fn answer_struct<'p>(plan: &Plan<'p>, response: ResponseShape<'p>) -> Option<&'p str> {
    match response {
        ResponseShape::Json(TypeRef::Named { name }) => {
            matches!(plan.type_def(name)?.kind, TypeKind::Struct { .. }).then_some(name.as_str())
        }
        _ => None,
    }
}

/// A top-level field of an answer's struct whose type `fits`, with its presence there.
fn find_field<'p>(
    plan: &Plan<'p>,
    answer: &str,
    name: &str,
    fits: fn(&TypeRef) -> bool,
) -> Result<(&'p Field, Presence), String> {
    let Some(TypeKind::Struct { fields, .. }) = plan.type_def(answer).map(|d| &d.kind) else {
        return Err(format!("`{answer}` is not an object"));
    };
    let field = fields
        .iter()
        .find(|f| f.name == name)
        .ok_or_else(|| format!("`{answer}` has no field `{name}`"))?;
    if !fits(&field.ty) {
        return Err(format!("field `{name}` of `{answer}` is not text"));
    }
    let presence = plan
        .type_plan_named(answer)
        .map_or(Presence::Optional, |t| t.presence(field, View::Response));
    Ok((field, presence))
}

/// The job GET's arguments in the order its method takes them: from the download's answer
/// where the entry says so, else from the download's parameter of the same name.
fn poll_arguments(
    plan: &Plan<'_>,
    operation: usize,
    watch: &WatchPlan,
    answer: Option<&str>,
) -> Result<Vec<PollArgument>, String> {
    let (poll, own) = (&plan.operations[watch.poll], &plan.operations[operation]);
    let poll_op = &plan.api.operations[watch.poll];
    poll.argument_order
        .iter()
        .map(|&i| (i, &poll_op.parameters[i]))
        .filter(|(_, p)| p.required)
        .map(|(i, parameter)| {
            let given = watch.arguments.iter().find(|(n, _)| *n == parameter.name);
            let input = match given.map(|(_, source)| source) {
                Some(WatchSource::Answer(path)) => {
                    let answer = answer.ok_or("the download's answer is not an object")?;
                    let (field, presence) = find_field(plan, answer, path, TypeRef::is_text)?;
                    return Ok(PollArgument::Answer {
                        api_name: path.clone(),
                        rust_name: field.rust_name.clone(),
                        presence,
                        parsed: poll.parameters[i].newtype.is_some(),
                    });
                }
                Some(WatchSource::Input(input)) => input.as_str(),
                None => parameter.name.as_str(),
            };
            own.parameters
                .iter()
                .find(|p| p.api_name == input)
                .map(|p| PollArgument::Builder {
                    rust_name: p.rust_name.clone(),
                })
                .ok_or_else(|| format!("nothing gives the job's GET its parameter `{input}`"))
        })
        .collect()
}

/// The command, its flags checked against the operation's parameters and its argument against
/// the body's fields.
fn command(
    plan: &Plan<'_>,
    operation: usize,
    entry: &CommandEntry,
) -> Result<DownloadCommand, String> {
    let op = &plan.api.operations[operation];
    for parameter in entry.flags.values() {
        if !op.parameters.iter().any(|p| &p.name == parameter) {
            return Err(format!(
                "the command's flag names no parameter `{parameter}`"
            ));
        }
    }
    let body = plan.operations[operation]
        .methods
        .first()
        .and_then(|m| m.request)
        .and_then(|c| match &c.schema {
            Some(TypeRef::Named { name }) => Some(name.as_str()),
            _ => None,
        })
        .ok_or("the operation takes no object body for the command's argument")?;
    let Some(TypeKind::Struct { fields, .. }) = plan.type_def(body).map(|d| &d.kind) else {
        return Err(format!("the body `{body}` is not an object"));
    };
    if !fields.iter().any(|f| f.name == entry.positional) {
        return Err(format!(
            "the body `{body}` has no field `{}`",
            entry.positional
        ));
    }
    if entry.words.is_empty() {
        return Err("the command has no words".to_owned());
    }
    Ok(DownloadCommand {
        words: entry.words.clone(),
        positional: entry.positional.clone(),
        flags: entry
            .flags
            .iter()
            .map(|(flag, parameter)| (flag.clone(), parameter.clone()))
            .collect(),
        body: entry
            .body
            .iter()
            .map(|(field, flag)| (field.clone(), flag.clone()))
            .collect(),
        switch: entry.switch.clone(),
    })
}
