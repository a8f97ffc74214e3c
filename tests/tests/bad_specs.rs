//! Every spec under `tests/fixtures/bad/` (one concern each) fails with located problems: the
//! report a user reads is snapshot-reviewed, and each problem's JSON pointer, line and column must
//! be exactly the `# expect:` lines at the end of the fixture, in order.

use generator::{EmitConfig, GenerateError};

fn config() -> EmitConfig {
    EmitConfig {
        crate_name: "bad".into(),
        crate_version: "0.1.0".into(),
        spec_label: "bad.yaml".into(),
        spec_sha256: String::new(),
        runtime: generator::RuntimeSource::Copied,
        previous_api: None,
        as_of: None,
    }
}

#[test]
fn bad_spec() {
    insta::glob!("../fixtures/bad", "*.yaml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let origin = format!("tests/fixtures/bad/{name}");
        let error = match generator::generate(&text, &config()) {
            Ok(_) => panic!("{origin}: generated a client from a bad spec"),
            Err(error) => error,
        };
        let GenerateError::Spec(diagnostics) = &error else {
            panic!("{origin}: an internal error instead of a spec problem: {error}");
        };
        integration_tests::assert_located_as_expected(diagnostics, &text, &origin);
        insta::assert_snapshot!(error.render(&origin, &text));
    });
}

/// A JSON spec with a syntax error is reported in JSON's words, where JSON sees it (a missing
/// comma before line 5), not as a YAML error somewhere else.
#[test]
fn malformed_json_is_reported_as_json() {
    let origin = "tests/fixtures/bad/malformed.json";
    let text = std::fs::read_to_string(integration_tests::repo_root().join(origin)).unwrap();
    let Err(error) = generator::generate(&text, &config()) else {
        panic!("{origin}: generated a client from malformed JSON");
    };
    let rendered = error.render(origin, &text);
    assert!(
        rendered.starts_with("error: invalid JSON: expected `,` or `}`"),
        "{rendered}"
    );
    assert!(rendered.contains("malformed.json:5:3"), "{rendered}");
}
