//! The generator's stages, timed on the fragment and (when `../shared/specs` is present) on the
//! full Atlas spec: `cargo bench -p generator`. docs/PERFORMANCE.md records the results.

use std::path::PathBuf;

use generator::{emit, load, lower, EmitConfig};

fn main() {
    divan::main();
}

fn spec_text(relative: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    std::fs::read_to_string(path).ok()
}

fn fragment() -> String {
    spec_text("spec/shared-tier-snapshots.yaml").unwrap_or_default()
}

fn full() -> Option<String> {
    let text = spec_text("../shared/specs/atlas-admin-v2.2026-03-03.yaml");
    if text.is_none() {
        eprintln!("full-spec benchmarks skipped: ../shared/specs/atlas-admin-v2.2026-03-03.yaml is absent");
    }
    text
}

fn config() -> EmitConfig {
    EmitConfig {
        crate_name: "atlas-admin".into(),
        crate_version: "0.1.0".into(),
        spec_label: "spec.yaml".into(),
        spec_sha256: String::new(),
    }
}

/// YAML text to a checked `openapiv3` document.
fn bench_load(bencher: divan::Bencher, text: &str) {
    bencher.bench(|| load::load(divan::black_box(text)).map(|_| ()));
}

/// The document to the intermediate model.
fn bench_lower(bencher: divan::Bencher, text: &str) {
    let Ok(spec) = load::load(text) else { return };
    bencher.bench(|| lower::lower(divan::black_box(&spec)).map(|_| ()));
}

/// The model to formatted Rust files.
fn bench_emit(bencher: divan::Bencher, text: &str) {
    let Ok(api) = load::load(text)
        .map_err(|_| ())
        .and_then(|s| lower::lower(&s).map(|lowered| lowered.api).map_err(|_| ()))
    else {
        return;
    };
    let config = config();
    bencher.bench(|| emit::emit(divan::black_box(&api), &config).map(|files| files.len()));
}

#[divan::bench]
fn fragment_load(bencher: divan::Bencher) {
    bench_load(bencher, &fragment());
}

#[divan::bench]
fn fragment_lower(bencher: divan::Bencher) {
    bench_lower(bencher, &fragment());
}

#[divan::bench]
fn fragment_emit(bencher: divan::Bencher) {
    bench_emit(bencher, &fragment());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn full_load(bencher: divan::Bencher) {
    if let Some(text) = full() {
        bench_load(bencher, &text);
    }
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn full_lower(bencher: divan::Bencher) {
    if let Some(text) = full() {
        bench_lower(bencher, &text);
    }
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn full_emit(bencher: divan::Bencher) {
    if let Some(text) = full() {
        bench_emit(bencher, &text);
    }
}
