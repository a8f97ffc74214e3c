//! The generated crate's `Cargo.toml`. Its dependencies are the runtime's and the models'; the
//! versions are those the runtime is tested with (`generator/runtime/Cargo.toml`).

use std::fmt::Write as _;

use super::runtime::{RuntimeSource, RUNTIME_CRATE};
use super::EmitConfig;
use crate::plan::{Plan, UNREFERENCED_FEATURE};

/// An example and the feature it needs.
pub struct ExampleTarget {
    /// The example's name (its file stem).
    pub name: String,
    /// The features of the operations it calls.
    pub features: Vec<String>,
}

/// Which code a dependency is for, hence when the manifest lists it.
#[derive(PartialEq)]
enum UsedBy {
    /// Generated code (and perhaps the runtime too): always listed.
    Generated,
    /// Only the runtime: listed when the crate carries a copy of it.
    Runtime,
}

/// The dependencies, sorted by name, with their TOML values.
const DEPENDENCIES: &[(&str, &str, UsedBy)] = &[
    ("base64", r#""0.22""#, UsedBy::Runtime),
    ("bytes", r#""1""#, UsedBy::Generated),
    (
        "chrono",
        r#"{ version = "0.4", default-features = false, features = ["serde", "std"] }"#,
        UsedBy::Generated,
    ),
    ("digest_auth", r#""0.3""#, UsedBy::Runtime),
    ("fastrand", r#""2""#, UsedBy::Runtime),
    (
        "futures-util",
        r#"{ version = "0.3", default-features = false }"#,
        UsedBy::Generated,
    ),
    ("httpdate", r#""1""#, UsedBy::Runtime),
    // Maps keep their keys in the order they came (see `emit/rust_types.rs`).
    (
        "indexmap",
        r#"{ version = "2", features = ["serde"] }"#,
        UsedBy::Generated,
    ),
    ("percent-encoding", r#""2""#, UsedBy::Runtime),
    (
        "regex",
        r#"{ version = "1", default-features = false, features = ["std", "unicode"] }"#,
        UsedBy::Generated,
    ),
    (
        "reqwest",
        r#"{ version = "0.12", default-features = false, features = ["rustls-tls", "json", "multipart", "stream"] }"#,
        UsedBy::Generated,
    ),
    (
        "serde",
        r#"{ version = "1", features = ["derive"] }"#,
        UsedBy::Generated,
    ),
    // `preserve_order`: free-form JSON (aggregation stages, index definitions) is a MongoDB
    // document, whose key order matters (a `$sort` on two fields); it must come back and go
    // out in the order it came.
    (
        "serde_json",
        r#"{ version = "1", features = ["preserve_order"] }"#,
        UsedBy::Generated,
    ),
    ("serde_urlencoded", r#""0.7""#, UsedBy::Runtime),
    ("thiserror", r#""2""#, UsedBy::Generated),
    (
        "tokio",
        r#"{ version = "1", features = ["fs", "sync", "time"] }"#,
        UsedBy::Runtime,
    ),
    ("tracing", r#""0.1""#, UsedBy::Runtime),
];

/// The mock server crate the runtime's `mock` module is built on: a dependency only with the
/// `mock` feature.
const MOCK_SERVER: &str = "wiremock";

/// The `mock` feature's line: the runtime's mock module, and the mock server it needs.
fn mock_feature(runtime: &RuntimeSource) -> String {
    match runtime {
        RuntimeSource::Copied => format!("mock = [\"dep:{MOCK_SERVER}\"]"),
        RuntimeSource::Path(_) => format!("mock = [\"{RUNTIME_CRATE}/mock\"]"),
    }
}

/// The crates of the runtime's command line (its `cli` module), optional: the same lines as in
/// `generator/runtime/Cargo.toml`.
const CLI_DEPENDENCIES: &[(&str, &str)] = &[
    (
        "clap",
        r#"{ version = "4", optional = true, default-features = false, features = ["std", "help", "usage", "error-context", "suggestions", "wrap_help"] }"#,
    ),
    ("clap_complete", r#"{ version = "4", optional = true }"#),
    ("dirs", r#"{ version = "6", optional = true }"#),
    (
        "gotmpl",
        r#"{ version = "0.6", optional = true, features = ["serde"] }"#,
    ),
    ("indicatif", r#"{ version = "0.18", optional = true }"#),
    (
        "toml",
        r#"{ version = "0.9", optional = true, default-features = false, features = ["parse", "serde"] }"#,
    ),
];

/// What the `cli` feature turns on beyond the command line's crates (the same list as the
/// runtime's `cli` feature).
const CLI_FEATURES: &[&str] = &["tokio/rt"];

/// The `cli` feature's line: the runtime's command line and what it needs.
fn cli_feature(runtime: &RuntimeSource) -> String {
    match runtime {
        RuntimeSource::Copied => {
            let items: Vec<String> = CLI_DEPENDENCIES
                .iter()
                .map(|(name, _)| format!("\"dep:{name}\""))
                .chain(CLI_FEATURES.iter().map(|f| format!("\"{f}\"")))
                .collect();
            format!("cli = [{}]", items.join(", "))
        }
        RuntimeSource::Path(_) => format!("cli = [\"{RUNTIME_CRATE}/cli\"]"),
    }
}

/// The `[dependencies]` lines: with a copied runtime, everything it and the generated code
/// use; else the runtime crate by path and what the generated code uses itself.
fn dependencies(runtime: &RuntimeSource) -> String {
    let mut lines = String::new();

    if let RuntimeSource::Path(path) = runtime {
        let _ = writeln!(
            lines,
            "{RUNTIME_CRATE} = {{ path = {} }}",
            toml_string(path)
        );
    }
    for (name, value, used_by) in DEPENDENCIES {
        if *used_by == UsedBy::Generated || *runtime == RuntimeSource::Copied {
            let _ = writeln!(lines, "{name} = {value}");
        }
    }
    if *runtime == RuntimeSource::Copied {
        let _ = writeln!(
            lines,
            "{MOCK_SERVER} = {{ version = \"0.6\", optional = true }}"
        );
        for (name, value) in CLI_DEPENDENCIES {
            let _ = writeln!(lines, "{name} = {value}");
        }
    }
    lines
}

/// One `[[example]]` table per example, each with the features it needs: cargo then skips an
/// example whose operations a build leaves out instead of failing to compile it.
fn example_tables(examples: &[ExampleTarget]) -> String {
    examples
        .iter()
        .map(|e| {
            format!(
                "\n[[example]]\nname = {}\nrequired-features = [{}]\n",
                toml_string(&e.name),
                e.features
                    .iter()
                    .map(|f| toml_string(f))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect()
}

/// The `full` feature's list: every tag's feature and the unreferenced schemas', so the
/// default build has the whole API.
fn full_feature_list(model: &Plan<'_>) -> String {
    model
        .features
        .iter()
        .map(|f| toml_string(&f.name))
        .chain([toml_string(UNREFERENCED_FEATURE)])
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line per tag's feature; a tag's feature enables nothing else, it only compiles that
/// tag's operations and types.
fn tag_features(model: &Plan<'_>) -> String {
    model
        .features
        .iter()
        .map(|f| format!("{} = []\n", f.name))
        .collect()
}

/// The manifest text.
pub fn manifest(config: &EmitConfig, model: &Plan<'_>, examples: &[ExampleTarget]) -> String {
    let description = format!(
        "Typed async client for the {}, generated from its OpenAPI spec.",
        model.info.title
    );
    format!(
        r#"# @generated by atlas-codegen from the spec named in [package.metadata.atlas-codegen] below.
# Do not edit by hand: change the spec or the generator and run `cargo xtask codegen`.
[package]
name = {name}
version = {version}
description = {description}
edition = "2021"
rust-version = "1.85"
publish = false

# Where this crate comes from: the one place the generated files name their spec, so a new spec
# changes this table and the files it changes, not a header line in every file.
[package.metadata.atlas-codegen]
generator-version = {generator_version}
spec = {spec_name}
spec-sha256 = {spec_sha}
api-version = {api_version}

[dependencies]
{dependencies}
[dev-dependencies]
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}

# One feature per tag: enable only the ones you call to compile only their operations and types.
# `mock` (off by default) adds typed mocks of the API for your tests: see the `mock` module.
# `cli` (off by default) builds the command line, `{name_bare} <tag> <operation>`: see the README.
[features]
default = ["full"]
full = [{all}]
{cli}
{mock}
{unreferenced} = []
{each}
[[bin]]
name = {name}
path = "src/main.rs"
required-features = ["cli"]
{examples}"#,
        cli = cli_feature(&config.runtime),
        name_bare = config.crate_name,
        mock = mock_feature(&config.runtime),
        generator_version = toml_string(crate::GENERATOR_VERSION),
        spec_name = toml_string(&config.spec_label),
        spec_sha = toml_string(&config.spec_sha256),
        api_version = toml_string(&model.info.version),
        name = toml_string(&config.crate_name),
        version = toml_string(&config.crate_version),
        description = toml_string(&description),
        dependencies = dependencies(&config.runtime),
        all = full_feature_list(model),
        unreferenced = UNREFERENCED_FEATURE,
        each = tag_features(model),
        examples = example_tables(examples),
    )
}

/// `text` as a TOML basic string, quotes included. The spec's title goes into the description
/// as it is, and a title is free text: a quote or a backslash in it must not end the string or
/// start an escape, and TOML allows no raw control character (newline included) in a string.
fn toml_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::toml_string;

    #[test]
    fn toml_strings_escape_what_toml_requires() {
        assert_eq!(toml_string("Atlas API"), r#""Atlas API""#);
        assert_eq!(toml_string(r#"the "Admin" API"#), r#""the \"Admin\" API""#);
        assert_eq!(toml_string(r"C:\specs"), r#""C:\\specs""#);
        assert_eq!(toml_string("two\nlines\r\n"), r#""two\nlines\r\n""#);
        assert_eq!(toml_string("tab\there"), r#""tab\there""#);
        assert_eq!(
            toml_string("nul\0 bell\x07 del\x7f"),
            r#""nul\u0000 bell\u0007 del\u007F""#
        );
        assert_eq!(toml_string("Ünïcode ✓"), "\"Ünïcode ✓\"");
    }
}
