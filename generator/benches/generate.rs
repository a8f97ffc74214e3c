//! The generator's stages, timed on the fragment and (when `../shared/specs` is present) on the
//! full Atlas spec: `cargo bench -p generator`. docs/PERFORMANCE.md records the results.

use std::path::PathBuf;

use generator::{emit, load, lower, plan, EmitConfig};

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
    spec_text(generator::targets::FRAGMENT).unwrap_or_default()
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
        runtime: generator::RuntimeSource::Copied,
        previous_api: None,
        as_of: None,
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

/// The model to formatted Rust files: planning, then printing.
fn bench_emit(bencher: divan::Bencher, text: &str) {
    let Ok(api) = load::load(text)
        .map_err(|_| ())
        .and_then(|s| lower::lower(&s).map(|lowered| lowered.api).map_err(|_| ()))
    else {
        return;
    };
    let config = config();
    bencher.bench(|| {
        let plan = plan::plan(divan::black_box(&api));
        emit::emit(&plan, &config).map(|files| files.len())
    });
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

/// The floor of any generator that formats in-process with syn and prettyplease, as this one must
/// (never rustfmt, whose versions differ): parsing the finished full-spec crate's Rust files and
/// printing them back, one core, nothing else. Emission cannot take less than this share of it.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn full_print_floor(bencher: divan::Bencher) {
    let Some(text) = full() else { return };
    let Ok(api) = load::load(&text)
        .map_err(|_| ())
        .and_then(|s| lower::lower(&s).map(|lowered| lowered.api).map_err(|_| ()))
    else {
        return;
    };
    let Ok(files) = emit::emit(&plan::plan(&api), &config()) else {
        return;
    };
    let sources: Vec<String> = files
        .into_iter()
        .filter(|file| file.path.ends_with(".rs"))
        .map(|file| file.contents)
        .collect();
    bencher.bench(|| {
        sources
            .iter()
            .map(|source| {
                syn::parse_file(divan::black_box(source))
                    .map(|file| prettyplease::unparse(&file).len())
            })
            .sum::<Result<usize, _>>()
    });
}
