//! The corpus of other APIs (`tests/corpus-specs/`): real public OpenAPI 3.0 specs that are not
//! Atlas's, each generated as it was published. The manifest states, for each, today's outcome:
//! refused (the rendered, located error is snapshotted), or generated with its warnings by kind,
//! and whether the crate passes `cargo clippy -D warnings` and its body schemas round-trip. Any
//! other outcome fails the test, an improvement included, with the line of the manifest to change.
//!
//! Cost (README, "Corpus of other APIs"): generating every spec in memory is a normal test;
//! clippy and the round trip run over the specs the manifest marks `sample` in a normal test, and
//! over every spec in an ignored one:
//! `cargo test -p integration-tests --test corpus_specs -- --ignored --nocapture`.

#[path = "roundtrip/runner_crate.rs"]
#[allow(dead_code)]
mod runner_crate;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use generator::{Diagnostic, EmitConfig, GenerateError, Generation, Problem};
use integration_tests::{repo_root, write_standalone_crate};
use serde_json::Value;

use runner_crate::{build_in, run_round_trip, runner_dir, Checked, Runner};

/// The manifest: one entry per spec.
#[derive(serde::Deserialize)]
struct Manifest {
    specs: Vec<Entry>,
}

/// One spec: where it comes from, and what the generator does with it today.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    file: String,
    repository: String,
    path: String,
    commit: String,
    licence: String,
    constructs: String,
    outcome: Outcome,
    /// Why clippy rejects the crate, when `outcome` is `generated`.
    #[serde(default)]
    why: Option<String>,
    #[serde(default)]
    warnings: BTreeMap<String, usize>,
    /// Body schemas that do not round-trip, with why, when `outcome` is `library` or `compiles`.
    #[serde(default)]
    roundtrip_failures: BTreeMap<String, String>,
    /// Compiled and round-tripped by the normal test, not only by the ignored one.
    #[serde(default)]
    sample: bool,
}

/// How far a spec gets, worst first.
#[derive(serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
enum Outcome {
    /// The generator refuses the spec with located errors (snapshotted).
    Refused,
    /// A crate is generated that `cargo clippy -D warnings` rejects even without the command
    /// line (`why` says why).
    Generated,
    /// `cargo clippy --features mock -- -D warnings` passes (the library and its mock), but not
    /// with every feature: the `cli` feature's code is rejected (`why` says why).
    Library,
    /// The crate passes `cargo clippy --all-features -- -D warnings`.
    Compiles,
}

fn corpus_dir() -> PathBuf {
    repo_root().join("tests/corpus-specs")
}

fn manifest() -> Manifest {
    let path = corpus_dir().join("manifest.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The spec's text, uncompressed.
fn spec_text(entry: &Entry) -> String {
    let bytes = std::fs::read(corpus_dir().join(&entry.file)).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", entry.file));
    text
}

fn crate_name(entry: &Entry) -> String {
    format!("corpus-{}", entry.name)
}

fn generate(entry: &Entry, text: &str) -> Result<Generation, GenerateError> {
    let config = EmitConfig {
        crate_name: crate_name(entry),
        crate_version: "0.1.0".into(),
        spec_label: entry.file.trim_end_matches(".gz").into(),
        spec_sha256: generator::sha256_hex(text.as_bytes()),
        runtime: generator::RuntimeSource::Copied,
        previous_api: None,
        as_of: None,
    };
    generator::generate(text, &config)
}

/// A warning's kind as the manifest counts it: the loss's label, or the problem's variant name.
fn kind(warning: &Diagnostic) -> String {
    match warning.problem.as_ref() {
        Problem::NotRepresented { kind, .. } => kind.label().to_owned(),
        other => format!("{other:?}")
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

/// Every spec generates in memory (or is refused) exactly as the manifest says, with the same
/// warnings by kind; a refusal's rendered errors are snapshotted. Also: every file of the folder
/// is in the manifest, and every entry names its source, commit and licence.
#[test]
fn every_corpus_spec_generates_or_is_refused_as_the_manifest_says() {
    let manifest = manifest();
    let mut listed: Vec<&str> = manifest.specs.iter().map(|e| e.file.as_str()).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".gz"))
        .collect();
    present.sort_unstable();
    assert_eq!(
        listed, present,
        "tests/corpus-specs/manifest.yaml lists every spec file"
    );
    assert!(manifest.specs.len() >= 15, "at least 15 specs");

    let started = Instant::now();
    let mut problems = Vec::new();
    for entry in &manifest.specs {
        assert!(
            entry.repository.starts_with("https://")
                && entry.commit.len() == 40
                && !entry.path.is_empty()
                && !entry.licence.is_empty()
                && !entry.constructs.is_empty(),
            "{}: source, path, commit, licence and constructs",
            entry.name
        );
        let text = spec_text(entry);
        let one = Instant::now();
        let generated = generate(entry, &text);
        let took = one.elapsed().as_secs_f64();
        match generated {
            Err(error) => {
                println!(
                    "{:<24} refused, {} problems ({took:.1} s)",
                    entry.name,
                    error.problem_count()
                );
                if entry.outcome != Outcome::Refused {
                    problems.push(format!(
                        "{}: refused, the manifest says `{:?}`:\n{}",
                        entry.name,
                        entry.outcome,
                        error.render(&entry.file, &text)
                    ));
                    continue;
                }
                insta::assert_snapshot!(
                    format!("refusal@{}", entry.name),
                    error.render(entry.file.trim_end_matches(".gz"), &text)
                );
            }
            Ok(generation) => {
                let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
                for warning in &generation.warnings.0 {
                    *by_kind.entry(kind(warning)).or_default() += 1;
                }
                println!(
                    "{:<24} generated, {} files, {} warnings ({took:.1} s)",
                    entry.name,
                    generation.files.len(),
                    generation.warnings.0.len()
                );
                if entry.outcome == Outcome::Refused {
                    problems.push(format!(
                        "{}: generates now (an improvement?): set `outcome: compiles` or \
                         `generated` and `warnings: {by_kind:?}` in the manifest",
                        entry.name
                    ));
                } else if by_kind != entry.warnings {
                    problems.push(format!(
                        "{}: warnings by kind are {by_kind:?}, the manifest says {:?}",
                        entry.name, entry.warnings
                    ));
                }
            }
        }
    }
    println!(
        "{} specs generated in memory in {:.1} s",
        manifest.specs.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The specs marked `sample`: clippy and the round trip, as the ignored test does for all.
#[test]
fn the_sample_of_corpus_specs_compiles_and_round_trips_as_the_manifest_says() {
    let manifest = manifest();
    let sample: Vec<&Entry> = manifest.specs.iter().filter(|e| e.sample).collect();
    assert!(!sample.is_empty(), "the manifest marks a sample");
    compile_and_round_trip(&sample);
}

/// Every spec that generates: clippy with warnings denied, then the round trip of every body
/// schema of those that pass. Slow (tens of minutes on 2 cores): run it by hand, see README.
#[test]
#[ignore = "compiles every corpus crate; see README, Corpus of other APIs"]
fn every_corpus_spec_compiles_and_round_trips_as_the_manifest_says() {
    let manifest = manifest();
    let all: Vec<&Entry> = manifest.specs.iter().collect();
    compile_and_round_trip(&all);
}

/// Where the corpus crates and their round-trip runner are written. Outside the workspace's own
/// target folder: the outer `cargo test` holds its lock.
fn root() -> PathBuf {
    repo_root().join("target/corpus")
}

/// Cargo's target folder for clippy: the full-spec test's (`tests/tests/full_spec.rs`), which
/// runs the same `clippy --all-features` over the same lock file, so the dependencies are checked
/// once for both.
fn clippy_target() -> PathBuf {
    repo_root().join("target/full-spec/target")
}

fn compile_and_round_trip(entries: &[&Entry]) {
    let target = clippy_target();
    let mut problems = Vec::new();
    let (mut passing, mut checked) = (Vec::new(), Vec::new());
    for entry in entries {
        let text = spec_text(entry);
        let Ok(generation) = generate(entry, &text) else {
            if entry.outcome != Outcome::Refused {
                problems.push(format!("{}: refused (see the fast test)", entry.name));
            }
            continue;
        };
        let dir = root().join(&entry.name);
        write_standalone_crate(&dir, &generation.files);
        let started = Instant::now();
        let (mut reached, mut output) = (Outcome::Compiles, String::new());
        for (features, level) in [
            (&["--all-features"][..], Outcome::Compiles),
            (&["--features", "mock"][..], Outcome::Library),
        ] {
            let (passed, said) = clippy(&dir, &target, features);
            output = said;
            reached = if passed { level } else { Outcome::Generated };
            if passed {
                break;
            }
        }
        println!(
            "{:<24} {reached:?} (clippy in {:.0} s)",
            entry.name,
            started.elapsed().as_secs_f64()
        );
        if reached == entry.outcome {
            if let Some(why) = &entry.why {
                println!("{:<24} as the manifest says: {why}", "");
            }
        } else if reached > entry.outcome {
            problems.push(format!(
                "{}: gets further now: set `outcome: {}` in tests/corpus-specs/manifest.yaml",
                entry.name,
                format!("{reached:?}").to_lowercase()
            ));
        } else {
            problems.push(format!(
                "{}: reaches `{reached:?}`, the manifest says `{:?}`; clippy in {}:\n{}",
                entry.name,
                entry.outcome,
                dir.display(),
                first_errors(&output)
            ));
        }
        let passed = reached >= Outcome::Library;
        if passed {
            passing.push(*entry);
            checked.push(Checked {
                krate: crate_name(entry),
                dir,
                samples: samples_of(&text),
            });
        }
    }
    if !checked.is_empty() {
        round_trip(&passing, &checked, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `cargo clippy <features> -- -D warnings`: whether it passed, and what it said.
fn clippy(dir: &Path, target: &Path, features: &[&str]) -> (bool, String) {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .args([
            "clippy",
            "--offline",
            "--quiet",
            "--message-format",
            "short",
        ])
        .args(features)
        .args(["--", "-D", "warnings"])
        .output()
        .expect("cargo runs");
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    let log = format!(
        "clippy{}.txt",
        features.join(" ").replace("--", "-").replace(' ', "")
    );
    std::fs::write(dir.join(log), &said).unwrap();
    (output.status.success(), said)
}

/// The first error lines of clippy's output, with their count.
fn first_errors(output: &str) -> String {
    let errors: Vec<&str> = output.lines().filter(|l| l.contains("error")).collect();
    let shown: Vec<&str> = errors.iter().take(6).copied().collect();
    format!(
        "    {}\n    ({} error lines in all)",
        shown.join("\n    "),
        errors.len()
    )
}

fn samples_of(text: &str) -> Vec<generator::samples::Sample> {
    let spec = generator::load::load(text).unwrap_or_else(|e| panic!("{e}"));
    let api = generator::lower::lower(&spec)
        .unwrap_or_else(|e| panic!("{e}"))
        .api;
    generator::samples::samples(&spec, &api)
}

/// One runner crate over every crate that passed clippy: each sample instance of each body
/// schema decodes and encodes back to itself, except the types the manifest lists.
///
/// The runner is built in the round-trip test's target folder (`tests/tests/roundtrip`), under a
/// name of its own, so the dependencies are built once for both.
fn round_trip(entries: &[&Entry], crates: &[Checked], problems: &mut Vec<String>) {
    let dir = root().join("roundtrip");
    let runner = Runner {
        package: "corpus-roundtrip-runner",
        dir: &dir,
        target: &runner_dir().join("target"),
    };
    let binary = match build_in(&runner, crates, None) {
        Ok(binary) => binary,
        Err(e) => {
            problems.push(e);
            return;
        }
    };
    let report = run_round_trip(&binary, &dir, crates);
    for (entry, c) in entries.iter().zip(crates) {
        let mut failing: Vec<String> = Vec::new();
        let mut first = BTreeMap::new();
        let outcomes: Vec<&Value> = report.iter().filter(|o| o["crate"] == c.krate).collect();
        for outcome in &outcomes {
            let failures = outcome["failures"].as_array().unwrap();
            if let Some(failure) = failures.first() {
                let name = outcome["type"].as_str().unwrap().to_owned();
                first.insert(
                    name.clone(),
                    failure.as_str().unwrap_or_default().to_owned(),
                );
                failing.push(name);
            }
        }
        failing.sort();
        println!(
            "{:<24} {} of {} body schemas round-trip",
            entry.name,
            outcomes.len() - failing.len(),
            outcomes.len()
        );
        let expected: Vec<String> = entry.roundtrip_failures.keys().cloned().collect();
        if failing != expected {
            let details: Vec<String> = first
                .iter()
                .filter(|(name, _)| !expected.contains(name))
                .map(|(name, failure)| format!("    {name}: {failure}"))
                .collect();
            problems.push(format!(
                "{}: the types that do not round-trip are {failing:?}, the manifest says \
                 {expected:?}\n{}",
                entry.name,
                details.join("\n")
            ));
        }
    }
}
