// @generated: a copy of generator/runtime/src/cli/output.rs; do not edit by hand.
//! How a JSON answer is printed: `-o pretty` (the default), `json`, `table`, and Go templates as
//! the Atlas CLI takes them (`go-template=TEXT`, `go-template-file=PATH`).

use serde_json::Value;

use super::invocation::CliError;
use super::table;

/// What `-o` accepts, for help and errors.
pub(super) const FORMATS: &str = "pretty, json, table, go-template=TEXT, go-template-file=PATH";

/// The format used when neither `-o`, `MONGODB_ATLAS_OUTPUT` nor the profile names one.
pub(super) const DEFAULT_FORMAT: &str = "pretty";

/// An output format, ready to render (a template is parsed before anything is sent, so a typo
/// in it costs no request).
pub(super) enum Format {
    /// Indented JSON, keys in the order Atlas sent them.
    Pretty,
    /// JSON on one line.
    Json,
    /// Columns: the items of a list answer, or the fields of another.
    Table,
    /// A Go template over the JSON answer.
    Template(Box<gotmpl::Template>),
}

impl Format {
    /// Reads `-o`'s value.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] for an unknown format, a template that does not parse or a template
    /// file that cannot be read.
    pub(super) fn parse(spec: &str) -> Result<Self, CliError> {
        if let Some(text) = spec.strip_prefix("go-template=") {
            return template(text);
        }
        if let Some(path) = spec.strip_prefix("go-template-file=") {
            let text = std::fs::read_to_string(path).map_err(|e| {
                CliError::Usage(format!("cannot read the go-template file {path}: {e}"))
            })?;
            return template(&text);
        }
        match spec {
            "pretty" => Ok(Self::Pretty),
            "json" => Ok(Self::Json),
            // The Atlas CLI's name for its human-readable output, which profiles often set.
            "table" | "plaintext" => Ok(Self::Table),
            _ => Err(CliError::Usage(format!(
                "unknown output format {spec:?}: use one of {FORMATS}"
            ))),
        }
    }

    /// The text to print for `answer`; `list_field` names the array a list answer holds.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] when a template fails on this answer (it names a function that does
    /// not exist, say).
    pub(super) fn render(
        &self,
        answer: &Value,
        list_field: Option<&str>,
    ) -> Result<String, CliError> {
        match self {
            Self::Pretty => Ok(with_newline(pretty(answer))),
            Self::Json => Ok(with_newline(answer.to_string())),
            Self::Table => Ok(table::render(answer, list_field)),
            Self::Template(template) => {
                let data = gotmpl::to_value(answer).map_err(|e| template_failed(&e))?;
                template
                    .execute_to_string(&data)
                    .map_err(|e| template_failed(&e))
            }
        }
    }
}

fn template(text: &str) -> Result<Format, CliError> {
    gotmpl::Template::new("output")
        .parse(text)
        .map(|t| Format::Template(Box::new(t)))
        .map_err(|e| CliError::Usage(format!("invalid go-template: {e}")))
}

fn template_failed(error: &dyn std::fmt::Display) -> CliError {
    CliError::Usage(format!("the go-template failed on the answer: {error}"))
}

fn pretty(answer: &Value) -> String {
    // Serialising a `Value` cannot fail (its keys are strings).
    serde_json::to_string_pretty(answer).unwrap_or_else(|_| answer.to_string())
}

fn with_newline(mut text: String) -> String {
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    fn render(spec: &str, answer: &Value) -> String {
        Format::parse(spec).unwrap().render(answer, None).unwrap()
    }

    #[test]
    fn pretty_and_json_keep_the_keys_in_the_order_received() {
        let answer: Value =
            serde_json::from_str(r#"{"zeta": 1, "alpha": {"b": true, "a": null}}"#).unwrap();
        assert_eq!(
            render("json", &answer),
            "{\"zeta\":1,\"alpha\":{\"b\":true,\"a\":null}}\n"
        );
        assert_eq!(
            render("pretty", &answer),
            "{\n  \"zeta\": 1,\n  \"alpha\": {\n    \"b\": true,\n    \"a\": null\n  }\n}\n"
        );
    }

    #[test]
    fn go_templates_read_the_json_fields() {
        let answer = json!({"id": "abc", "results": [{"id": 1}, {"id": 2}]});
        assert_eq!(render("go-template={{.id}}", &answer), "abc");
        assert_eq!(
            render("go-template={{range .results}}{{.id}} {{end}}", &answer),
            "1 2 "
        );
    }

    #[test]
    fn a_template_file_is_read_when_parsed() {
        let path =
            std::env::temp_dir().join(format!("atlas-cli-template-{}.tmpl", std::process::id()));
        std::fs::write(&path, "name={{.name}}\n").unwrap();
        let spec = format!("go-template-file={}", path.display());
        let text = render(&spec, &json!({"name": "Cluster0"}));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(text, "name=Cluster0\n");
    }

    #[test]
    fn bad_formats_and_templates_are_usage_errors() {
        let unknown = Format::parse("yaml").err().unwrap();
        assert_eq!(
            unknown.to_string(),
            "unknown output format \"yaml\": use one of pretty, json, table, go-template=TEXT, go-template-file=PATH"
        );
        let broken = Format::parse("go-template={{.id").err().unwrap();
        assert!(
            broken.to_string().starts_with("invalid go-template"),
            "{broken}"
        );
        assert!(Format::parse("go-template-file=/nonexistent/t.tmpl").is_err());
    }
}
