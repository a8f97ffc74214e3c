//! Runtime support: transport, authentication, retries and responses. Its source is real Rust in
//! `generator/runtime/`, compiled and tested as part of the generated crate; here it is embedded
//! so that every generated crate carries it and can be vendored without this repository.

use super::manifest::ExampleTarget;
use super::model::EmitModel;
use super::GeneratedFile;

/// The runtime's files, relative to `generator/runtime/`.
const RUNTIME_FILES: &[(&str, &str)] = &[
    ("mod.rs", include_str!("../../runtime/mod.rs")),
    ("auth/mod.rs", include_str!("../../runtime/auth/mod.rs")),
    (
        "auth/digest.rs",
        include_str!("../../runtime/auth/digest.rs"),
    ),
    ("auth/oauth.rs", include_str!("../../runtime/auth/oauth.rs")),
    ("config.rs", include_str!("../../runtime/config.rs")),
    ("encoding.rs", include_str!("../../runtime/encoding.rs")),
    ("envelope.rs", include_str!("../../runtime/envelope.rs")),
    ("error.rs", include_str!("../../runtime/error.rs")),
    ("error_body.rs", include_str!("../../runtime/error_body.rs")),
    ("failure.rs", include_str!("../../runtime/failure.rs")),
    ("open_enum.rs", include_str!("../../runtime/open_enum.rs")),
    ("request.rs", include_str!("../../runtime/request.rs")),
    ("response.rs", include_str!("../../runtime/response.rs")),
    ("retry.rs", include_str!("../../runtime/retry.rs")),
    ("secret.rs", include_str!("../../runtime/secret.rs")),
    ("transport.rs", include_str!("../../runtime/transport.rs")),
    ("validate.rs", include_str!("../../runtime/validate.rs")),
];

/// The runtime files under `src/runtime/`, each headed by a line saying where it comes from.
pub fn runtime_files() -> Vec<GeneratedFile> {
    RUNTIME_FILES
        .iter()
        .map(|(path, source)| GeneratedFile {
            path: format!("src/runtime/{path}"),
            contents: format!(
                "// @generated: a copy of generator/runtime/{path}; do not edit by hand.\n{source}"
            ),
        })
        .collect()
}

/// Examples, each emitted when the spec has the operation it calls. Their source is real Rust
/// in `generator/examples_src/`, compiled as an example of the generated crate.
const EXAMPLES: &[(&str, &str, &str)] = &[(
    "download_snapshot.rs",
    "downloadGroupClusterBackupTenant",
    include_str!("../../examples_src/download_snapshot.rs"),
)];

/// The examples that apply to the model, under `examples/`, written for the crate `crate_name`,
/// with the feature each needs.
pub fn example_files(
    model: &EmitModel<'_>,
    crate_name: &str,
) -> Vec<(GeneratedFile, ExampleTarget)> {
    let lib_name = crate_name.replace('-', "_");
    let mut examples = Vec::new();
    for (path, operation_id, source) in EXAMPLES {
        let operation = model
            .api
            .operations
            .iter()
            .find(|o| o.operation_id == *operation_id);
        let Some(operation) = operation else { continue };
        let file = GeneratedFile {
            path: format!("examples/{path}"),
            contents: format!(
                "// @generated: a copy of generator/examples_src/{path}; do not edit by hand.\n{}",
                source.replace("atlas_admin::", &format!("{lib_name}::"))
            ),
        };
        let target = ExampleTarget {
            name: path.trim_end_matches(".rs").to_owned(),
            feature: model.feature_of(operation).name.clone(),
        };
        examples.push((file, target));
    }
    examples
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `.rs` file under `generator/runtime/` is embedded, so none is left out of the
    /// generated crate by accident.
    #[test]
    fn every_runtime_file_is_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime");
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
}
