//! Runtime support: transport, authentication, retries and responses. Its source is the
//! `atlas-codegen-runtime` crate in `generator/runtime/`, compiled and tested on its own. A
//! generated crate either depends on it by path or carries a copy of its files (embedded here),
//! so that the crate users vendor needs nothing from this repository.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::manifest::ExampleTarget;
use super::GeneratedFile;
use crate::plan::Plan;

/// The runtime crate's package name, as a generated manifest depends on it.
pub const RUNTIME_CRATE: &str = "atlas-codegen-runtime";

/// How a generated crate gets the runtime. Either way generated code names it `crate::runtime`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeSource {
    /// A copy of the runtime's files under `src/runtime/`: the crate depends on nothing in this
    /// repository and can be vendored as it is.
    Copied,
    /// A path dependency on the runtime crate (the path relative to the generated crate's
    /// folder), re-exported as `runtime`: one build of the runtime serves every such crate.
    Path(Cow<'static, str>),
}

/// The runtime's files, relative to `generator/runtime/src/`.
const RUNTIME_FILES: &[(&str, &str)] = &[
    ("lib.rs", include_str!("../../runtime/src/lib.rs")),
    ("auth/mod.rs", include_str!("../../runtime/src/auth/mod.rs")),
    (
        "auth/digest.rs",
        include_str!("../../runtime/src/auth/digest.rs"),
    ),
    ("builder.rs", include_str!("../../runtime/src/builder.rs")),
    ("auth/env.rs", include_str!("../../runtime/src/auth/env.rs")),
    (
        "auth/oauth.rs",
        include_str!("../../runtime/src/auth/oauth.rs"),
    ),
    (
        "auth/registry.rs",
        include_str!("../../runtime/src/auth/registry.rs"),
    ),
    (
        "cli/answer.rs",
        include_str!("../../runtime/src/cli/answer.rs"),
    ),
    ("cli/app.rs", include_str!("../../runtime/src/cli/app.rs")),
    ("cli/args.rs", include_str!("../../runtime/src/cli/args.rs")),
    (
        "cli/config.rs",
        include_str!("../../runtime/src/cli/config.rs"),
    ),
    (
        "cli/download.rs",
        include_str!("../../runtime/src/cli/download.rs"),
    ),
    (
        "cli/invocation.rs",
        include_str!("../../runtime/src/cli/invocation.rs"),
    ),
    ("cli/mod.rs", include_str!("../../runtime/src/cli/mod.rs")),
    (
        "cli/output.rs",
        include_str!("../../runtime/src/cli/output.rs"),
    ),
    ("cli/run.rs", include_str!("../../runtime/src/cli/run.rs")),
    (
        "cli/session.rs",
        include_str!("../../runtime/src/cli/session.rs"),
    ),
    (
        "cli/snapshot.rs",
        include_str!("../../runtime/src/cli/snapshot.rs"),
    ),
    ("cli/spec.rs", include_str!("../../runtime/src/cli/spec.rs")),
    (
        "cli/table.rs",
        include_str!("../../runtime/src/cli/table.rs"),
    ),
    (
        "cli/watch.rs",
        include_str!("../../runtime/src/cli/watch.rs"),
    ),
    ("config.rs", include_str!("../../runtime/src/config.rs")),
    ("decode.rs", include_str!("../../runtime/src/decode.rs")),
    ("download.rs", include_str!("../../runtime/src/download.rs")),
    ("encoding.rs", include_str!("../../runtime/src/encoding.rs")),
    ("envelope.rs", include_str!("../../runtime/src/envelope.rs")),
    ("error.rs", include_str!("../../runtime/src/error.rs")),
    (
        "error_body.rs",
        include_str!("../../runtime/src/error_body.rs"),
    ),
    ("failure.rs", include_str!("../../runtime/src/failure.rs")),
    ("form.rs", include_str!("../../runtime/src/form.rs")),
    ("hooks.rs", include_str!("../../runtime/src/hooks.rs")),
    ("mock/mod.rs", include_str!("../../runtime/src/mock/mod.rs")),
    (
        "mock/macros.rs",
        include_str!("../../runtime/src/mock/macros.rs"),
    ),
    (
        "mock/condition.rs",
        include_str!("../../runtime/src/mock/condition.rs"),
    ),
    (
        "mock/stub.rs",
        include_str!("../../runtime/src/mock/stub.rs"),
    ),
    (
        "open_enum.rs",
        include_str!("../../runtime/src/open_enum.rs"),
    ),
    (
        "part_file.rs",
        include_str!("../../runtime/src/part_file.rs"),
    ),
    ("poll.rs", include_str!("../../runtime/src/poll.rs")),
    ("record.rs", include_str!("../../runtime/src/record.rs")),
    (
        "record_struct.rs",
        include_str!("../../runtime/src/record_struct.rs"),
    ),
    ("request.rs", include_str!("../../runtime/src/request.rs")),
    ("response.rs", include_str!("../../runtime/src/response.rs")),
    ("retry.rs", include_str!("../../runtime/src/retry.rs")),
    ("secret.rs", include_str!("../../runtime/src/secret.rs")),
    ("stream.rs", include_str!("../../runtime/src/stream.rs")),
    (
        "transport.rs",
        include_str!("../../runtime/src/transport.rs"),
    ),
    ("union.rs", include_str!("../../runtime/src/union.rs")),
    ("validate.rs", include_str!("../../runtime/src/validate.rs")),
];

/// The runtime copied under `src/runtime/`, each file headed by a line saying where it comes
/// from; the crate root `lib.rs` becomes the module's `mod.rs`.
pub fn runtime_files() -> Vec<GeneratedFile> {
    RUNTIME_FILES
        .iter()
        .map(|(path, source)| {
            let (copy, source) = match *path {
                "lib.rs" => ("mod.rs", Cow::Owned(without_inner_attributes(source))),
                _ => (*path, Cow::Borrowed(*source)),
            };
            GeneratedFile {
                path: format!("src/runtime/{copy}"),
                contents: format!(
                    "// @generated: a copy of generator/runtime/src/{path}; do not edit by hand.\n{source}"
                ),
            }
        })
        .collect()
}

/// A crate root's text without its inner attributes (`#![...]`, over one line or several). They
/// are the runtime crate's own settings: in the copy they would apply to one module of another
/// crate, where some (`#![no_std]`, `#![doc(html_root_url = ...)]`) are not even allowed; the
/// generated crate sets its own lints. Inner doc comments (`//!`) are kept.
fn without_inner_attributes(source: &str) -> String {
    let mut kept = String::with_capacity(source.len());
    // Brackets still open in the attribute being dropped.
    let mut open = 0i32;
    for line in source.lines() {
        if open == 0 && !line.trim_start().starts_with("#![") {
            kept.push_str(line);
            kept.push('\n');
            continue;
        }
        open += line.matches('[').count() as i32 - line.matches(']').count() as i32;
    }
    kept
}

/// Examples, each emitted when the spec has every operation it calls. Their source is real Rust
/// in `generator/examples_src/`, compiled as an example of the generated crate.
const EXAMPLES: &[(&str, &[&str], &str)] = &[(
    "download_snapshot.rs",
    &[
        "downloadGroupFlexClusterBackup",
        "getGroupFlexClusterBackupRestoreJob",
        "downloadGroupClusterBackupTenant",
        "getGroupClusterBackupTenantRestore",
    ],
    include_str!("../../examples_src/download_snapshot.rs"),
)];

/// The example of the `mock` module's docs and the client methods it stubs: it is shown (and
/// run as a doc test) when the crate has them all.
const MOCK_EXAMPLE: (&str, &[&str]) = (
    include_str!("../../examples_src/mock_doc.md"),
    &["getGroupClusterBackupTenantSnapshot"],
);

/// The `mock` module's example for the crate `crate_name`, when the model has what it calls.
pub fn mock_example(model: &Plan<'_>, crate_name: &str) -> Option<String> {
    let (source, operations) = MOCK_EXAMPLE;
    let present = |id: &&str| model.operations.iter().any(|o| o.operation_id == *id);
    operations.iter().all(present).then(|| {
        let lib_name = crate_name.replace('-', "_");
        source.replace("atlas_admin::", &format!("{lib_name}::"))
    })
}

/// The examples that apply to the model, under `examples/`, written for the crate `crate_name`,
/// with the feature each needs.
pub fn example_files(model: &Plan<'_>, crate_name: &str) -> Vec<(GeneratedFile, ExampleTarget)> {
    let lib_name = crate_name.replace('-', "_");
    let mut examples = Vec::new();
    for (path, operation_ids, source) in EXAMPLES {
        let operations: Option<Vec<_>> = operation_ids
            .iter()
            .map(|id| model.operations.iter().find(|o| o.operation_id == *id))
            .collect();
        let Some(operations) = operations else {
            continue;
        };
        let file = GeneratedFile {
            path: format!("examples/{path}"),
            contents: format!(
                "// @generated: a copy of generator/examples_src/{path}; do not edit by hand.\n{}",
                source.replace("atlas_admin::", &format!("{lib_name}::"))
            ),
        };
        let target = ExampleTarget {
            name: path.trim_end_matches(".rs").to_owned(),
            features: operations
                .iter()
                .map(|o| model.feature(o.feature).name.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
        };
        examples.push((file, target));
    }
    examples
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `.rs` file of the runtime crate's `src/` is embedded, so none is left out of a
    /// copy by accident.
    #[test]
    fn every_runtime_file_is_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/src");
        let mut on_disk = Vec::new();
        let mut pending = vec![root.clone()];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let relative = path
                        .strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    on_disk.push(relative);
                }
            }
        }
        on_disk.sort();
        let mut embedded: Vec<String> = RUNTIME_FILES.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    /// The name generated manifests depend on is the runtime crate's.
    #[test]
    fn the_runtime_crate_is_named_as_manifests_say() {
        let manifest = include_str!("../../runtime/Cargo.toml");
        assert!(manifest.contains(&format!("\nname = \"{RUNTIME_CRATE}\"\n")));
    }

    #[test]
    fn inner_attributes_are_dropped_and_docs_kept() {
        let source =
            "//! Docs.\n#![deny(missing_docs)]\n#![allow(\n    dead_code,\n)]\n\npub mod a;\n";
        assert_eq!(
            without_inner_attributes(source),
            "//! Docs.\n\npub mod a;\n"
        );
        let copy = runtime_files();
        let module = copy
            .iter()
            .find(|f| f.path == "src/runtime/mod.rs")
            .unwrap();
        assert!(!module.contents.contains("#!["), "{}", module.contents);
        assert!(module.contents.contains("pub mod decode;"));
    }
}
