//! The change report of the real binary: codegen run twice into one folder, first with an old
//! spec then with a new one, prints what changed, writes it with `--report`, and under
//! `--deny-breaking` fails on a breaking change with the old output left exactly as it was.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{contents, fixture, scratch, xtask};

/// Generates the `side` (`old` or `new`) of a change fixture into `out`, with extra arguments.
fn codegen(case: &str, side: &str, out: &Path, extra: &[&str]) -> Output {
    let spec = fixture(&format!("changes/{case}/{side}.yaml"));
    let mut args = vec![
        "codegen",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--crate-name",
        "fixture-changes",
    ];
    args.extend(extra);
    xtask(&args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "{}{}",
        stdout(output),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A folder with the `old` side of `case` generated into `client/`.
fn previous(test: &str, case: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(test);
    let out = dir.join("client");
    assert_success(&codegen(case, "old", &out, &[]));
    (dir, out)
}

#[test]
fn the_report_is_printed_and_written() {
    let (dir, out) = previous("change_report_written", "operation-removed");
    let report = dir.join("changes.md");
    let output = codegen(
        "operation-removed",
        "new",
        &out,
        &["--report", report.to_str().unwrap()],
    );
    assert_success(&output);
    let printed = stdout(&output);
    assert!(
        printed.contains("removed method `Client::delete_widget`"),
        "{printed}"
    );
    let written = fs::read_to_string(&report).unwrap();
    assert!(
        written.starts_with("## API changes in `fixture-changes`"),
        "{written}"
    );
    assert!(written.contains("`0.1.0` → `0.2.0`"), "{written}");
    assert!(!fs::read_to_string(out.join("API.md"))
        .unwrap()
        .contains("delete_widget"));
}

#[test]
fn deny_breaking_fails_and_writes_nothing() {
    let (dir, out) = previous("change_report_denied", "required-parameter-added");
    let before = contents(&out);
    let report = dir.join("changes.md");
    let output = codegen(
        "required-parameter-added",
        "new",
        &out,
        &["--deny-breaking", "--report", report.to_str().unwrap()],
    );
    assert!(!output.status.success(), "{}", stdout(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no files were written"), "{stderr}");
    assert!(stdout(&output).contains("new required parameter `Client::list_widgets(region)`"));
    assert!(
        contents(&out) == before,
        "the output changed on a denied run"
    );
    assert!(!report.exists(), "the report was written on a denied run");
}

#[test]
fn deny_breaking_lets_additive_changes_through() {
    let (_dir, out) = previous("change_report_additive", "operation-added");
    let output = codegen("operation-added", "new", &out, &["--deny-breaking"]);
    assert_success(&output);
    assert!(stdout(&output).contains("new method `Client::create_widget`"));
}

#[test]
fn no_changes_is_one_line() {
    let (_dir, out) = previous("change_report_quiet", "unchanged");
    let output = codegen("unchanged", "new", &out, &[]);
    assert_success(&output);
    let printed = stdout(&output);
    assert_eq!(printed.lines().count(), 1, "{printed}");
    assert!(printed.contains("(no API changes)"), "{printed}");
}
