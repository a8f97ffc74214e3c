//! Reading a spec: YAML text to a validated `openapiv3` document, with located errors.
//!
//! The text is parsed once into a YAML value (syntax errors keep their line and column), the
//! `openapi` version is checked before anything else (a 2.0 or 3.1 document fails with a clear
//! message instead of a confusing shape error), then the value is deserialised into
//! `openapiv3::OpenAPI` with `serde_path_to_error`, which turns shape errors into JSON pointers.
//! Problems found from text get their line and column here ([`place`]).

mod checks;
mod deep_ref;
mod inheritance;
mod lenient;
mod locate;
mod positions;
pub mod resolve;

use openapiv3::OpenAPI;
use serde_yaml::Value;

use crate::diagnostics::{Diagnostic, Diagnostics, JsonPointer, Problem, Severity};

pub use deep_ref::DeepTarget;
pub use positions::{place, positions};

/// The sections of `components` the generator reads, each a map from names to definitions.
const COMPONENT_SECTIONS: &[&str] = &[
    "schemas",
    "parameters",
    "responses",
    "requestBodies",
    "headers",
    "securitySchemes",
];

/// A parsed and version-checked spec.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The typed document.
    pub document: OpenAPI,
    /// Problems only the YAML shows (an empty `enum` reads as no `enum` once typed). They do
    /// not stop loading: [`crate::lower::lower()`] reports them together with its own, so one run
    /// shows everything.
    pub problems: Vec<Diagnostic>,
}

/// Parses YAML (or JSON, which is YAML) text, reporting syntax errors with line and column. A
/// document that opens with `{` is JSON: its syntax errors are JSON's, in JSON's words.
pub fn parse_yaml(text: &str) -> Result<Value, Diagnostic> {
    let yaml_error = match serde_yaml::from_str(text) {
        Ok(lenient::Lenient(value)) => return Ok(value),
        Err(error) => error,
    };
    let located = |line_column, problem| Diagnostic {
        severity: Severity::Error,
        pointer: JsonPointer::root(),
        line_column,
        problem: Box::new(problem),
    };
    if text.trim_start().starts_with('{') {
        if let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            let message = strip_location(&error.to_string());
            return Err(located(
                Some((error.line(), error.column())),
                Problem::Json { message },
            ));
        }
    }
    let message = strip_location(&yaml_error.to_string());
    Err(located(
        yaml_error.location().map(|l| (l.line(), l.column())),
        Problem::Yaml { message },
    ))
}

/// serde_yaml appends "at line L column C" to its messages; the diagnostic carries that separately.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

/// Parses and checks a spec from text; every problem, here and in [`Spec::problems`], carries
/// its line and column.
pub fn load(text: &str) -> Result<Spec, Diagnostics> {
    let value = parse_yaml(text)?;
    match load_value(value) {
        Ok(mut spec) => {
            let mut problems = Diagnostics(std::mem::take(&mut spec.problems));
            place(&mut problems, text);
            spec.problems = problems.0;
            Ok(spec)
        }
        Err(mut diagnostics) => {
            place(&mut diagnostics, text);
            Err(diagnostics)
        }
    }
}

/// Checks and types an already-parsed YAML document (whose problems have no line and column).
pub fn load_value(value: Value) -> Result<Spec, Diagnostics> {
    check_version(&value)?;
    // Values JSON cannot hold are refused before `openapiv3` reads them: some make it panic.
    let not_json = checks::not_json(&value);
    if !not_json.is_empty() {
        return Err(Diagnostics(not_json));
    }
    let problems = checks::check(&value);
    let mut document: OpenAPI = match serde_path_to_error::deserialize(&value) {
        Ok(document) => document,
        Err(error) => {
            let pointer = append_path(&JsonPointer::root(), error.path());
            let mut found: Vec<Diagnostic> =
                locate::locate(&value, pointer, error.inner().to_string())
                    .into_iter()
                    .map(|(pointer, message)| Diagnostic::at(&pointer, Problem::Shape { message }))
                    .collect();
            found.extend(problems);
            return Err(Diagnostics(found));
        }
    };
    inheritance::make_unions_of_bases(&mut document);
    Ok(Spec { document, problems })
}

/// A mapping key as a pointer segment: strings as they are, anything else as YAML text (`200`).
fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        other => scalar_text(other),
    }
}

/// Accepts `openapi: 3.0.x` only: 3.1 changed the schema dialect (type arrays, `null`) in ways
/// `openapiv3` silently misreads, and 2.0 is a different format altogether.
fn check_version(value: &Value) -> Result<(), Diagnostic> {
    let root = JsonPointer::root();
    let Some(map) = value.as_mapping() else {
        return Err(Diagnostic::at(&root, Problem::NotOpenApi));
    };
    if let Some(swagger) = map.get("swagger") {
        let found = format!("swagger {}", scalar_text(swagger));
        return Err(Diagnostic::at(
            &root.push("swagger"),
            Problem::UnsupportedVersion { found },
        ));
    }
    let Some(version) = map.get("openapi") else {
        return Err(Diagnostic::at(&root, Problem::NotOpenApi));
    };
    let found = scalar_text(version);
    let supported = found == "3.0" || found.starts_with("3.0.");
    if supported {
        Ok(())
    } else {
        Err(Diagnostic::at(
            &root.push("openapi"),
            Problem::UnsupportedVersion { found },
        ))
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}

/// Extends `base` with a serde path.
fn append_path(base: &JsonPointer, path: &serde_path_to_error::Path) -> JsonPointer {
    use serde_path_to_error::Segment;
    path.iter()
        .fold(base.clone(), |pointer, segment| match segment {
            Segment::Seq { index } => pointer.push(index),
            Segment::Map { key } => pointer.push(key),
            Segment::Enum { variant } => pointer.push(variant),
            Segment::Unknown => pointer,
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fuzzers_input_renders() {
        // The input, minimised, that made the renderer subtract with overflow.
        let text = "\t\t\t\t\ts\t\t\t\t\x08\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\r\tput\x0f\0\0\0\0\0\0\0\t\t\t\t\t\tput\t\t\t\t\t\t\tAP\t\t\t\t\t\t\t\t\t\t\t\t\tp\x01\0\0\0\0\0\0\0\t\t\t\t\tp\x01\0\0\0\0\0\0\0c\t# \t\t\t\t\t\tput\t\t\t\t\t\t\tAP\t\t\t\t\t\t\t\t\t\t\t\tp\x01\0\0\0\0\0\0\0";
        let diagnostics = match super::load(text) {
            Ok(_) => panic!("control characters are not YAML"),
            Err(diagnostics) => diagnostics,
        };
        assert!(diagnostics
            .render("fuzz.yaml", text)
            .contains("invalid YAML"));
    }

    use super::*;

    fn error_of(text: &str) -> Diagnostic {
        let mut diagnostics = load(text).unwrap_err().0;
        assert_eq!(diagnostics.len(), 1);
        diagnostics.remove(0)
    }

    #[test]
    fn yaml_syntax_error_has_line_and_column() {
        let error = error_of("openapi: 3.0.1\ninfo: [unclosed\n");
        assert!(error.line_column.is_some(), "{error}");
        assert!(matches!(*error.problem, Problem::Yaml { .. }));
    }

    #[test]
    fn unsupported_versions_are_named() {
        let error = error_of("swagger: '2.0'\ninfo: {}\n");
        assert_eq!(error.to_string(), "#/swagger (line 1, column 1): unsupported OpenAPI version `swagger 2.0`: this generator reads OpenAPI 3.0.x");
        let error = error_of("openapi: 3.1.0\ninfo: {}\n");
        assert_eq!(error.pointer.to_string(), "#/openapi");
        assert_eq!(
            *error.problem,
            Problem::UnsupportedVersion {
                found: "3.1.0".into()
            }
        );
        assert_eq!(*error_of("info: {}\n").problem, Problem::NotOpenApi);
    }

    #[test]
    fn shape_errors_name_the_location() {
        let text = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: 7\n";
        let error = error_of(text);
        assert_eq!(error.pointer.to_string(), "#/paths/~1a/get/responses");
        assert!(matches!(*error.problem, Problem::Shape { .. }), "{error}");
    }
}
