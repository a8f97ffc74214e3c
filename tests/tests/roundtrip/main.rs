//! Every schema a request or response uses round-trips: each sample instance (every property
//! present; see `generator::samples`) decodes into its generated type and encodes back to the
//! same JSON, for the full Atlas spec (when `../shared/specs` is there) and every checked-in
//! target. Failures not in `tests/roundtrip/exceptions.yaml` fail the test, and so do listed
//! exceptions that now pass, so the list only shrinks.
//!
//! Cost: one generation of the full crate and one `cargo build` of one runner crate for all
//! specs, kept under `target/roundtrip/` so a second run only re-runs the binary.

mod runner_crate;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

use generator::plan::View;
use generator::samples::samples;
use generator::targets::TARGETS;
use generator::EmitConfig;
use integration_tests::{full_spec_path, repo_root};
use serde_json::{json, Value};

use runner_crate::{run_round_trip, runner_dir, write_if_changed, Checked};

const FULL_CRATE: &str = "atlas-admin-full";

/// What one build of the runner produced, shared by the tests of this binary.
struct Prepared {
    binary: std::path::PathBuf,
    checked: Vec<Checked>,
    with_full: bool,
}

fn prepared() -> &'static Prepared {
    static PREPARED: OnceLock<Prepared> = OnceLock::new();
    PREPARED.get_or_init(|| prepare().unwrap_or_else(|e| panic!("{e}")))
}

fn prepare() -> Result<Prepared, String> {
    let started = Instant::now();
    let mut checked = Vec::new();
    for target in TARGETS {
        let text = std::fs::read_to_string(repo_root().join(target.spec)).unwrap();
        checked.push(Checked {
            krate: target.crate_name.to_owned(),
            dir: repo_root().join(target.out),
            samples: samples_of(&text),
        });
    }
    let full = full_spec_path("every_schema_round_trips (full spec part)");
    let mut full_text = None;
    if let Some(spec) = &full {
        let text = std::fs::read_to_string(spec).unwrap();
        full_text = Some(text.clone());
        let dir = runner_dir().join(FULL_CRATE);
        let generating = Instant::now();
        write_full_crate(&text, &dir)?;
        println!(
            "full crate generated in {:.1} s",
            generating.elapsed().as_secs_f64()
        );
        checked.push(Checked {
            krate: FULL_CRATE.to_owned(),
            dir,
            samples: samples_of(&text),
        });
    }
    println!(
        "samples and crates written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let binary = runner_crate::build(&checked, full_text.as_deref())?;
    Ok(Prepared {
        binary,
        checked,
        with_full: full.is_some(),
    })
}

fn samples_of(text: &str) -> Vec<generator::samples::Sample> {
    let spec = generator::load::load(text).unwrap_or_else(|e| panic!("{e}"));
    let api = generator::lower::lower(&spec)
        .unwrap_or_else(|e| panic!("{e}"))
        .api;
    let mut samples = samples(&spec, &api);
    add_bare_tags(&api, &mut samples);
    samples
}

/// For every alternative of every tagged union, an answer holding nothing but its tag, as Atlas
/// sends for alternatives that add nothing (`{"type": "DEFAULT"}` of an online archive's
/// schedule): decoding must return (such an alternative used to be the union itself, and
/// decoded the same value until the stack overflowed) and give the value back.
fn add_bare_tags(api: &generator::ir::Api, samples: &mut [generator::samples::Sample]) {
    for def in &api.types {
        let generator::ir::TypeKind::OneOf {
            variants,
            discriminator: Some(discriminator),
        } = &def.kind
        else {
            continue;
        };
        let answer = samples
            .iter_mut()
            .find(|s| s.rust_name == def.rust_name && s.view == View::Response);
        let Some(answer) = answer else { continue };
        for tag in variants.iter().flat_map(|v| &v.tags) {
            answer.instances.push(generator::samples::Instance {
                case: format!("bare tag `{tag}`"),
                json: json!({ discriminator.property.as_str(): tag }),
            });
        }
    }
}

/// The full-spec crate, written file by file only where it changed (so cargo rebuilds it only
/// when the generator's output did), with files it no longer produces removed. Generating it
/// takes most of a second run in a debug build, so it is skipped when neither the spec nor this
/// test binary (which links the generator) changed since the last run wrote it.
fn write_full_crate(text: &str, dir: &Path) -> Result<(), String> {
    let sha = generator::sha256_hex(text.as_bytes());
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    let built = exe.map(|m| format!("{} {:?}", m.len(), m.modified().ok()));
    let stamp = format!("{sha} {}\n", built.unwrap_or_default());
    let stamp_path = dir.join("generated-by.stamp");
    if std::fs::read_to_string(&stamp_path).is_ok_and(|old| old == stamp) {
        return Ok(());
    }
    let config = EmitConfig {
        crate_name: FULL_CRATE.into(),
        crate_version: "0.1.0".into(),
        spec_label: "atlas-admin-v2.2026-03-03.yaml".into(),
        spec_sha256: sha,
        runtime: generator::RuntimeSource::Copied,
        previous_api: None,
        as_of: None,
    };
    let files = generator::generate(text, &config)
        .map_err(|e| e.to_string())?
        .files;
    for stale in generator::sync::stale_files(&files, dir) {
        if let generator::sync::Stale::Extra(path) = stale {
            std::fs::remove_file(dir.join(path)).map_err(|e| e.to_string())?;
        }
    }
    for file in &files {
        write_if_changed(&dir.join(&file.path), &file.contents)?;
    }
    write_if_changed(&stamp_path, &stamp)
}

/// Types that do not round-trip yet, all for one reason.
#[derive(serde::Deserialize)]
struct Exceptions {
    reason: String,
    types: Vec<String>,
}

/// The schemas that do not round-trip yet: crate, then type, then why.
fn exceptions() -> BTreeMap<String, BTreeMap<String, String>> {
    let path = repo_root().join("tests/roundtrip/exceptions.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let listed: Option<BTreeMap<String, Vec<Exceptions>>> =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let mut by_crate = BTreeMap::new();
    for (krate, groups) in listed.unwrap_or_default() {
        let types: &mut BTreeMap<String, String> = by_crate.entry(krate).or_default();
        for group in groups {
            for name in group.types {
                assert!(
                    readme.contains(&format!("`{name}`")),
                    "README.md does not list the exception `{name}` ({})",
                    group.reason
                );
                types.insert(name, group.reason.clone());
            }
        }
    }
    by_crate
}

#[test]
fn every_schema_round_trips() {
    let prepared = prepared();
    let report = run_round_trip(&prepared.binary, &runner_dir(), &prepared.checked);

    let mut exceptions = exceptions();
    let mut problems = Vec::new();
    for c in &prepared.checked {
        let mut listed = exceptions.remove(&c.krate).unwrap_or_default();
        let outcomes: Vec<&Value> = report.iter().filter(|o| o["crate"] == c.krate).collect();
        let mut passed = 0;
        for outcome in &outcomes {
            let name = outcome["type"].as_str().unwrap();
            let failures: Vec<&str> = outcome["failures"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            match (failures.is_empty(), listed.remove(name)) {
                (true, None) => passed += 1,
                (true, Some(_)) => problems.push(format!(
                    "{}: {name} round-trips now: remove it from tests/roundtrip/exceptions.yaml",
                    c.krate
                )),
                (false, Some(reason)) => {
                    println!(
                        "  exception {}: {name} ({reason}): {}",
                        c.krate, failures[0]
                    );
                }
                (false, None) => {
                    let shown: Vec<&str> = failures.iter().take(8).copied().collect();
                    let more = failures.len().saturating_sub(shown.len());
                    problems.push(format!(
                        "{}: {name} does not round-trip:\n    {}{}",
                        c.krate,
                        shown.join("\n    "),
                        if more > 0 {
                            format!("\n    ... and {more} more")
                        } else {
                            String::new()
                        }
                    ));
                }
            }
        }
        for name in listed.keys() {
            problems.push(format!(
                "{}: {name} is listed in tests/roundtrip/exceptions.yaml but is not sampled",
                c.krate
            ));
        }
        println!(
            "schemas round-tripped: {passed} of {} ({})",
            outcomes.len(),
            c.krate
        );
    }
    for krate in exceptions.keys() {
        if krate != FULL_CRATE || prepared.with_full {
            problems.push(format!("exceptions listed for unknown crate {krate}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn create_group_cluster_sends_the_hardware_spec() {
    let prepared = prepared();
    if !prepared.with_full {
        return;
    }
    let output = Command::new(&prepared.binary)
        .arg("create-cluster")
        .output()
        .expect("the runner starts");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// One recorded answer that does not come back whole, and why (`tests/corpus/exceptions.yaml`).
#[derive(serde::Deserialize)]
struct CorpusException {
    line: usize,
    #[serde(rename = "operationId")]
    operation_id: String,
    reason: String,
}

/// Every recorded Atlas answer of `tests/corpus/` goes through the decoding `send()` uses and
/// comes back leaf by leaf: nothing fails to decode, nothing aborts, nothing is lost. An answer
/// that does not, unless listed in `tests/corpus/exceptions.yaml` with its reason, fails the
/// test; so does a listed one that now comes back whole.
#[test]
fn recorded_atlas_answers_decode_without_loss() {
    let prepared = prepared();
    if !prepared.with_full {
        println!("skipped: the full Atlas spec (../shared/specs) is absent");
        return;
    }
    let corpus = repo_root().join("tests/corpus/atlas-answers.jsonl");
    let report_path = runner_dir().join("replay-report.json");
    let free_form_path = runner_dir().join("free-form.json");
    let names = serde_json::to_string(&free_form_properties()).unwrap();
    write_if_changed(&free_form_path, &names).unwrap();
    let started = Instant::now();
    let status = Command::new(&prepared.binary)
        .arg("replay")
        .arg(&corpus)
        .arg(&report_path)
        .arg(&free_form_path)
        .status()
        .expect("the runner starts");
    assert!(status.success(), "the replay runner failed (an abort?)");
    println!(
        "answers replayed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let report: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap();

    let text = std::fs::read_to_string(repo_root().join("tests/corpus/exceptions.yaml")).unwrap();
    let listed: Vec<CorpusException> = serde_yaml::from_str::<Option<_>>(&text)
        .unwrap()
        .unwrap_or_default();
    let mut listed: BTreeMap<usize, CorpusException> =
        listed.into_iter().map(|e| (e.line, e)).collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut operations = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    for answer in &report {
        let line = answer["line"].as_u64().unwrap() as usize;
        let operation = answer["operationId"].as_str().unwrap();
        let outcome = answer["outcome"].as_str().unwrap();
        let kind = outcome.split(':').next().unwrap().to_owned();
        *counts.entry(kind.clone()).or_default() += 1;
        if kind != "skipped" {
            operations.insert(operation.to_owned());
        }
        let exception = listed.remove(&line);
        match (kind.as_str(), exception) {
            ("decoded" | "skipped", None) => {}
            ("decoded", Some(e)) => problems.push(format!(
                "line {line} ({operation}) comes back whole now: remove it from tests/corpus/exceptions.yaml ({})",
                e.reason
            )),
            (_, Some(e)) if e.operation_id == operation => {
                println!("  exception line {line} ({operation}): {}", e.reason);
            }
            _ => problems.push(format!(
                "line {line} ({operation}, HTTP {}, {}): {outcome}:\n    {}",
                answer["status"],
                answer["source"].as_str().unwrap_or_default(),
                answer["problems"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .take(6)
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("\n    ")
            )),
        }
    }
    for (line, e) in listed {
        problems.push(format!(
            "tests/corpus/exceptions.yaml lists line {line} ({}), which the corpus does not have",
            e.operation_id
        ));
    }
    println!(
        "recorded answers: {counts:?} over {} operations",
        operations.len()
    );
    assert!(
        problems.is_empty(),
        "{} answers do not come back whole:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The corpus line of the real cluster answer the PATCH test starts from: a `getGroupCluster`
/// (2024-08-05) recorded by the Atlas CLI's end-to-end tests, with an advanced configuration, a
/// region config of every kind of spec, and fields the spec does not declare.
const CLUSTER_ANSWER_LINE: usize = 1330;

/// A GET of a real cluster answer, one field changed, then a PATCH through `to_request()`:
/// every other field goes back exactly as Atlas sent it; only what the server sets
/// (`readOnly`) is left out.
#[test]
fn get_then_patch_of_a_real_cluster_sends_back_every_other_field() {
    let prepared = prepared();
    if !prepared.with_full {
        println!("skipped: the full Atlas spec (../shared/specs) is absent");
        return;
    }
    let corpus = repo_root().join("tests/corpus/atlas-answers.jsonl");
    let output = Command::new(&prepared.binary)
        .arg("patch-cluster")
        .arg(&corpus)
        .arg(CLUSTER_ANSWER_LINE.to_string())
        .output()
        .expect("the runner starts");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let read_only = read_only_properties();
    let mut dropped = Vec::new();
    let mut problems = Vec::new();
    for difference in report["differences"].as_array().unwrap() {
        let difference = difference.as_str().unwrap();
        let (path, what) = difference.split_once(": ").unwrap();
        let name = path
            .rsplit('/')
            .next()
            .unwrap()
            .replace("~1", "/")
            .replace("~0", "~");
        match what {
            _ if path == "/paused" => {}
            _ if what.ends_with("got nothing") && read_only.contains(&name) => dropped.push(path),
            _ => problems.push(difference),
        }
    }
    assert!(
        problems.is_empty(),
        "the PATCH did not send back what came:\n{}",
        problems.join("\n")
    );
    assert_eq!(report["sent"]["paused"], true, "the one change is sent");
    assert!(
        dropped.contains(&"/id"),
        "the cluster's `id` (readOnly) is left out: {dropped:?}"
    );
    println!("left out as readOnly: {dropped:?}");
}

/// The full spec's model.
fn full_spec_api() -> generator::ir::Api {
    let text = std::fs::read_to_string(full_spec_path("full_spec_api").unwrap()).unwrap();
    let spec = generator::load::load(&text).unwrap_or_else(|e| panic!("{e}"));
    generator::lower::lower(&spec)
        .unwrap_or_else(|e| panic!("{e}"))
        .api
}

/// The fields of every struct of a model.
fn fields(api: &generator::ir::Api) -> impl Iterator<Item = &generator::ir::Field> {
    api.types.iter().flat_map(|def| match &def.kind {
        generator::ir::TypeKind::Struct { fields, .. } => fields.as_slice(),
        _ => &[],
    })
}

/// Every property name the full spec marks `readOnly`, in any schema.
fn read_only_properties() -> std::collections::BTreeSet<String> {
    let api = full_spec_api();
    fields(&api)
        .filter(|field| field.read_only)
        .map(|field| field.name.clone())
        .collect()
}

/// Every property name the full spec types as free-form JSON: any value, a map of them or a list
/// of them, directly or through a named alias or map (a map of typed values is not free-form
/// below its keys, so it is left out).
fn free_form_properties() -> std::collections::BTreeSet<String> {
    use generator::ir::{TypeKind, TypeRef};
    let api = full_spec_api();
    fn free(api: &generator::ir::Api, ty: &TypeRef, depth: usize) -> bool {
        match ty {
            TypeRef::Any => true,
            TypeRef::Map { values } | TypeRef::Array { items: values } => free(api, values, depth),
            TypeRef::Named { name } if depth < 8 => {
                match api
                    .types
                    .iter()
                    .find(|t| t.rust_name == *name)
                    .map(|t| &t.kind)
                {
                    Some(TypeKind::Map { values }) => free(api, values, depth + 1),
                    Some(TypeKind::Alias { target, .. }) => free(api, target, depth + 1),
                    _ => false,
                }
            }
            _ => false,
        }
    }
    fields(&api)
        .filter(|field| free(&api, &field.ty, 0))
        .map(|field| field.name.clone())
        .collect()
}
