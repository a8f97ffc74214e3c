//! The runner crate under `target/roundtrip/`: written once per test process, built with one
//! `cargo build` in a target folder of its own (the outer `cargo test` holds the workspace's
//! build lock), and kept between runs so a second run rebuilds nothing when nothing changed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use generator::samples::Sample;
use integration_tests::repo_root;

/// A generated crate whose types the runner checks.
pub struct Checked {
    /// The package name, e.g. `fixture-constructs`.
    pub krate: String,
    /// Where the crate is, absolute.
    pub dir: PathBuf,
    /// The samples of its spec.
    pub samples: Vec<Sample>,
}

/// Where the runner crate lives.
pub fn runner_dir() -> PathBuf {
    repo_root().join("target/roundtrip")
}

/// Writes the runner crate for `checked` (the full-spec crate, if present, is expected at
/// `target/roundtrip/atlas-admin-full`, and `full_spec` is its spec's text) and builds it;
/// returns the binary.
pub fn build(checked: &[Checked], full_spec: Option<&str>) -> Result<PathBuf, String> {
    let dir = runner_dir();
    let runner = Runner {
        package: "roundtrip-runner",
        dir: &dir,
        target: &dir.join("target"),
    };
    build_in(&runner, checked, full_spec)
}

/// Where a runner crate is written and built.
pub struct Runner<'a> {
    /// Its package name, which is its binary's.
    pub package: &'a str,
    /// Its folder.
    pub dir: &'a Path,
    /// Cargo's target folder for it: the corpus of other APIs (`tests/tests/corpus_specs.rs`)
    /// builds its runner, under another name, in this test's, where the dependencies are built.
    pub target: &'a Path,
}

/// [`build`] as `runner` says.
pub fn build_in(
    runner: &Runner<'_>,
    checked: &[Checked],
    full_spec: Option<&str>,
) -> Result<PathBuf, String> {
    let (dir, target) = (runner.dir, runner.target);
    let with_full = full_spec.is_some();
    write_if_changed(&dir.join("Cargo.toml"), &manifest(runner.package, checked))?;
    write_if_changed(
        &dir.join("src/main.rs"),
        include_str!("../../roundtrip/runner.rs"),
    )?;
    let cluster = if with_full {
        include_str!("../../roundtrip/cluster.rs")
    } else {
        "//! The full spec is absent: the cluster check has nothing to run against.\n\
         pub fn run() -> Result<(), String> {\n    Err(\"the full Atlas spec is absent\".into())\n}\n\
         pub fn patch(_: &str, _: usize) -> Result<(), String> {\n    Err(\"the full Atlas spec is absent\".into())\n}\n"
    };
    write_if_changed(&dir.join("src/cluster.rs"), cluster)?;
    let (replay, replay_table) = match full_spec {
        Some(spec) => (
            include_str!("../../roundtrip/replay.rs").to_owned(),
            replay_table(spec),
        ),
        None => (
            "//! The full spec is absent: no recorded answer has a client to go through.\n\
             pub fn run(_: &str, _: &str, _: &str) {\n    eprintln!(\"the full Atlas spec is absent\");\n    std::process::exit(1);\n}\n"
                .to_owned(),
            "//! The full spec is absent.\n".to_owned(),
        ),
    };
    write_if_changed(&dir.join("src/replay.rs"), &replay)?;
    write_if_changed(&dir.join("src/replay_table.rs"), &replay_table)?;
    write_if_changed(&dir.join("src/table.rs"), &table(checked))?;
    // The workspace's lock, so `--offline` finds every version already fetched.
    let lock =
        std::fs::read_to_string(repo_root().join("Cargo.lock")).map_err(|e| e.to_string())?;
    write_if_changed(&dir.join("Cargo.lock"), &lock)?;

    let started = Instant::now();
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .args(["build", "--offline", "--quiet"])
        .status()
        .map_err(|e| format!("cargo did not start: {e}"))?;
    println!(
        "round-trip runner built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if !status.success() {
        return Err(format!(
            "the runner crate in {} did not build",
            dir.display()
        ));
    }
    Ok(target.join("debug").join(runner.package))
}

fn manifest(package: &str, checked: &[Checked]) -> String {
    let clients: String = checked
        .iter()
        .map(|c| {
            format!(
                "{} = {{ path = {:?} }}\n",
                c.krate,
                c.dir.display().to_string()
            )
        })
        .collect();
    format!(
        r#"# Written by tests/tests/roundtrip; do not edit.
[package]
name = "{package}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{clients}chrono = {{ version = "0.4", default-features = false, features = ["serde", "std"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}
wiremock = "0.6"

# Its own workspace (the full-spec crate below it is a member); debug info would only cost time.
[workspace]

[profile.dev]
debug = false
"#
    )
}

/// The table of checks: one `check::<crate::types::Name>` per sampled type.
fn table(checked: &[Checked]) -> String {
    let mut rows = String::new();
    for c in checked {
        let path = c.krate.replace('-', "_");
        for sample in &c.samples {
            let name = &sample.rust_name;
            rows.push_str(&format!(
                "    ({:?}, {name:?}, crate::check::<{path}::types::{name}>),\n",
                c.krate
            ));
        }
    }
    format!(
        "//! Written by tests/tests/roundtrip; do not edit. (crate, type, check) per sampled type.\n\
         pub static CASES: &[(&str, &str, crate::Check)] = &[\n{rows}];\n"
    )
}

/// The table of the replay: one entry per method of the full crate (operation, version,
/// `Accept`, path template), each decoding through the builder's `decode_answer`, which is what
/// `send()` calls. The builder is named as a type (`<Builder<'_>>::`), so that a builder its
/// versions share is read at the method's own version (its alias, or the defaults).
fn replay_table(spec: &str) -> String {
    use generator::plan::Answer;
    let loaded = generator::load::load(spec).unwrap_or_else(|e| panic!("{e}"));
    let api = generator::lower::lower(&loaded)
        .unwrap_or_else(|e| panic!("{e}"))
        .api;
    let plan = generator::plan::plan(&api);
    let mut rows = String::new();
    for planned in &plan.operations {
        let module = &plan.feature(planned.feature).module;
        for method in &planned.methods {
            let version = method
                .version
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let wrap = match method.answer {
                Answer::Bytes => "bytes",
                _ => "json",
            };
            rows.push_str(&format!(
                "    Entry {{ operation_id: {:?}, version: {version:?}, accept: {:?}, template: {:?}, \
                 decode: |r| crate::replay::{wrap}(<atlas_admin_full::operations::{module}::{}<'_>>::decode_answer(r)) }},\n",
                planned.operation_id, method.accept, planned.endpoint.template, method.builder,
            ));
        }
    }
    format!(
        "//! Written by tests/tests/roundtrip; do not edit. One entry per method of the full crate.\n\
         pub struct Entry {{\n    pub operation_id: &'static str,\n    pub version: &'static str,\n    \
         pub accept: &'static str,\n    pub template: &'static str,\n    pub decode: crate::replay::Decode,\n}}\n\n\
         pub static ENTRIES: &[Entry] = &[\n{rows}];\n"
    )
}

/// Runs the runner's round trip over every sample of `checked` (the instances written to
/// `dir/instances.json`, the report to `dir/report.json`); returns the report, one outcome per
/// sampled type: `{"crate", "type", "failures"}`.
pub fn run_round_trip(binary: &Path, dir: &Path, checked: &[Checked]) -> Vec<serde_json::Value> {
    use generator::plan::View;
    use serde_json::json;
    let instances: Vec<serde_json::Value> = checked
        .iter()
        .flat_map(|c| {
            c.samples.iter().map(|s| {
                json!({
                    "crate": c.krate,
                    "type": s.rust_name,
                    "view": if s.view == View::Request { "request" } else { "response" },
                    "instances": s.instances.iter()
                        .map(|i| json!({"case": i.case, "json": i.json}))
                        .collect::<Vec<_>>(),
                })
            })
        })
        .collect();
    let instances_path = dir.join("instances.json");
    let report_path = dir.join("report.json");
    let text = serde_json::to_string_pretty(&instances).unwrap();
    write_if_changed(&instances_path, &text).unwrap();

    let started = Instant::now();
    let status = Command::new(binary)
        .arg("round-trip")
        .arg(&instances_path)
        .arg(&report_path)
        .status()
        .expect("the runner starts");
    assert!(status.success(), "the runner failed");
    println!(
        "round trips ran in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap()
}

/// Writes only when the contents differ: cargo rebuilds on a changed modification time.
pub fn write_if_changed(path: &Path, contents: &str) -> Result<(), String> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    let parent = path.parent().expect("a file inside a folder");
    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}
