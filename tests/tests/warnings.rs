//! Every spec under `tests/fixtures/warn/` (one construct each) generates, but with a located
//! warning for what the client cannot represent exactly: nothing in a spec is dropped without a
//! word. The report is snapshot-reviewed, and each warning's JSON pointer, line and column must be
//! exactly the `# expect:` lines at the end of the fixture, in order.

use generator::{EmitConfig, Severity};

fn config() -> EmitConfig {
    EmitConfig {
        crate_name: "warned".into(),
        crate_version: "0.1.0".into(),
        spec_label: "warned.yaml".into(),
        spec_sha256: String::new(),
        runtime: generator::RuntimeSource::Copied,
        previous_api: None,
        as_of: None,
    }
}

#[test]
fn warned_spec() {
    insta::glob!("../fixtures/warn", "*.yaml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let origin = format!("tests/fixtures/warn/{name}");
        let generation = generator::generate(&text, &config())
            .unwrap_or_else(|error| panic!("{origin}: {}", error.render(&origin, &text)));
        let warnings = &generation.warnings;
        assert_eq!(
            warnings.count(Severity::Warning),
            warnings.0.len(),
            "{origin}: only warnings expected"
        );
        integration_tests::assert_located_as_expected(warnings, &text, &origin);
        // `--deny-warnings` makes every one of them an error, so the same spec fails the run.
        let denied = warnings.clone().deny_warnings();
        assert_eq!(denied.count(Severity::Error), warnings.0.len(), "{origin}");
        assert!(denied.has_errors(), "{origin}");
        insta::assert_snapshot!(warnings.render(&origin, &text));
    });
}
