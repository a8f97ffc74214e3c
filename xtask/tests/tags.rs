//! `--tag` is repeatable for `extract` and `codegen`: the real binary, given two tags, keeps the
//! operations of both (a second `--tag` once silently replaced the first), and an unknown tag
//! fails the run by name.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{fixture, scratch, xtask};

/// Runs `command` on `constructs.yaml` (operations tagged `Archives`, `Clusters` and `Things`)
/// with one `--tag` per tag, writing to `out` inside a fresh scratch folder named `test`.
fn with_tags(test: &str, command: &str, tags: &[&str], out: &str) -> (Output, PathBuf) {
    let out = scratch(test).join(out);
    let spec = fixture("constructs.yaml");
    let mut args = vec![command, "--spec", spec.to_str().unwrap()];
    for tag in tags {
        args.extend(["--tag", tag]);
    }
    args.extend(["--out", out.to_str().unwrap()]);
    (xtask(&args), out)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn two_tags_reach_codegen() {
    let (output, out) = with_tags(
        "two_tags_codegen",
        "codegen",
        &["Archives", "Clusters"],
        "client",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let operations = out.join("src/operations");
    assert!(read(&operations.join("archives.rs")).contains("pub fn download_thing_archive("));
    assert!(read(&operations.join("clusters.rs")).contains("pub fn create_cluster("));
    assert!(
        !operations.join("things.rs").exists(),
        "an operation of a tag not given was generated"
    );
}

#[test]
fn two_tags_reach_extract() {
    let (output, fragment) = with_tags(
        "two_tags_extract",
        "extract",
        &["Archives", "Clusters"],
        "fragment.yaml",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = read(&fragment);
    assert!(text.starts_with(
        "# Extracted by `cargo xtask extract --tag \"Archives\" --tag \"Clusters\"` from constructs.yaml"
    ));
    assert!(text.contains("operationId: downloadThingArchive"));
    assert!(text.contains("operationId: createCluster"));
}

#[test]
fn an_unknown_tag_is_named() {
    let (output, fragment) = with_tags(
        "unknown_tag",
        "extract",
        &["Archives", "Archive"],
        "fragment.yaml",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no operation has the tag `Archive`"),
        "{stderr}"
    );
    assert!(!fragment.exists());
}
