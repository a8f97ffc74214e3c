//! Emission: the plan ([`crate::plan::Plan`]) printed as the files of a client crate. Every
//! decision (names, versions, views, gates) was made by the plan; these modules only print it.
//!
//! One module per emitted concern, each a function from the plan to tokens: `types` (models),
//! `params` (validated path and query values), `operations` (the client's methods and request
//! builders), `errors` (the error type callers see), `client` (the `Client` itself), plus the
//! runtime support, copied verbatim or depended on (`runtime`), and the manifest (`manifest`).
//! Everything is formatted in-process with prettyplease, so output never depends on the local
//! rustfmt; before that, `tidy` writes short names and imports, and `layout` prints blank lines
//! between items.

mod api;
mod auth;
mod cli;
mod cli_download;
mod cli_parameters;
mod client;
mod docs;
mod download;
mod environment;
mod errors;
mod format;
mod forms;
mod gates;
mod html;
mod layout;
mod manifest;
mod mock;
mod mock_types;
mod operation_docs;
mod operations;
mod pagination;
mod params;
mod polling;
mod request;
mod responses;
mod runtime;
mod rust_types;
mod structs;
mod tidy;
mod types;
mod validation;

use crate::plan::Plan;

pub use runtime::RuntimeSource;

/// What the emitted crate is called and where its spec came from.
#[derive(Debug, Clone)]
pub struct EmitConfig {
    /// The package name of the generated crate, e.g. `atlas-admin`.
    pub crate_name: String,
    /// Its version.
    pub crate_version: String,
    /// The spec as the manifest names it: its path relative to the workspace, or just its file
    /// name when it lies outside, so that no machine's absolute path reaches a generated crate.
    pub spec_label: String,
    /// The spec's sha256, hex.
    pub spec_sha256: String,
    /// Whether the crate carries a copy of the runtime or depends on the runtime crate.
    pub runtime: RuntimeSource,
    /// The `API.md` of the crate this generation replaces, when there is one: names it had that
    /// this generation renames are kept one regeneration as deprecated shims (`plan::Shim`).
    pub previous_api: Option<String>,
    /// The date sunsets are judged against (`--as-of`); `None`: the newest date the spec states
    /// about its own past (`plan::PlanOptions`).
    pub as_of: Option<crate::ir::Date>,
}

/// One file of the output: a path relative to the crate root, and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative path with `/` separators, e.g. `src/types.rs`.
    pub path: String,
    /// The whole file.
    pub contents: String,
}

/// A generator bug: emitted tokens that are not valid Rust. Never caused by spec content alone,
/// so it carries the offending text for the bug report.
#[derive(Debug, thiserror::Error)]
#[error("internal error: the generator emitted invalid Rust for {file}: {message}\n{text}")]
pub struct EmitError {
    /// The file being emitted.
    pub file: String,
    /// syn's message.
    pub message: String,
    /// The tokens as text.
    pub text: String,
}

/// Emits every file of the client crate, in a fixed order.
pub fn emit(model: &Plan<'_>, config: &EmitConfig) -> Result<Vec<GeneratedFile>, EmitError> {
    let header = header();
    let (examples, example_targets): (Vec<_>, Vec<_>) =
        runtime::example_files(model, &config.crate_name)
            .into_iter()
            .unzip();
    let mut rust = vec![
        (
            "src/lib.rs".to_owned(),
            client::lib_rs(model, config).to_string(),
        ),
        (
            "src/client.rs".to_owned(),
            client::client(model, config).to_string(),
        ),
        ("src/error.rs".to_owned(), errors::errors(model).to_string()),
        (
            "src/params.rs".to_owned(),
            params::params(model).to_string(),
        ),
    ];
    if let Some(auth) = auth::auth(model) {
        rust.push(("src/auth.rs".to_owned(), auth.to_string()));
    }
    rust.extend(types::types(model));
    rust.extend(operations::operations(model));
    rust.extend(cli::cli_files(model));
    rust.push(("src/main.rs".to_owned(), cli::main_rs(&config.crate_name)));
    rust.extend(mock::mock_files(
        model,
        runtime::mock_example(model, &config.crate_name).as_deref(),
    ));
    let mut files = vec![GeneratedFile {
        path: "Cargo.toml".into(),
        contents: manifest::manifest(config, model, &example_targets),
    }];
    files.extend(format::format_files(&header, &model.defined_names, rust)?);
    if config.runtime == RuntimeSource::Copied {
        files.extend(runtime::runtime_files());
    }
    files.extend(examples);
    files.push(api::api_md(model, config, &example_targets));
    Ok(files)
}

/// The first lines of every generated Rust file: the same in every file and every run, so that a
/// new spec changes only the files whose code changes. The spec, its hash and the generator's
/// version are in the manifest (`[package.metadata.atlas-codegen]`).
fn header() -> String {
    "// @generated by atlas-codegen from the spec named in Cargo.toml ([package.metadata.atlas-codegen]).\n\
     // Do not edit by hand: change the spec or the generator and run `cargo xtask codegen`.\n"
        .to_owned()
}
