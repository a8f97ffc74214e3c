//! Fuzzes the whole pipeline, spec text to Rust source: whatever the input, `generate` must
//! return files whose Rust parses, or located problems that render; never panic, never hang.
#![no_main]

use generator::{EmitConfig, GenerateError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Specs are text; bytes that are not UTF-8 never reach the generator (the xtask reads a
    // `String`), so they are not worth the fuzzer's time.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = EmitConfig {
        crate_name: "fuzzed".into(),
        crate_version: "0.1.0".into(),
        spec_label: "fuzz.yaml".into(),
        spec_sha256: String::new(),
        runtime: generator::RuntimeSource::Copied,
    };
    match generator::generate(text, &config) {
        Ok(generation) => {
            // The runtime is copied verbatim and tested on its own; the emitted modules are not.
            let emitted = generation
                .files
                .iter()
                .filter(|f| f.path.ends_with(".rs") && !f.path.starts_with("src/runtime/"));
            for file in emitted {
                if let Err(error) = syn::parse_file(&file.contents) {
                    panic!("{} does not parse: {error}\n{}", file.path, file.contents);
                }
            }
        }
        Err(error @ GenerateError::Emit(_)) => panic!("generator bug: {error}"),
        Err(error @ GenerateError::Spec(_)) => {
            // Rendering reads the text again (lines, columns, spans): it must cope with anything.
            let _ = error.render("fuzz.yaml", text);
        }
    }
});
