//! Located problems in a spec: every error the generator reports says where in the document it is.

use std::fmt;

/// A JSON pointer into the spec (RFC 6901), displayed in URI-fragment form: `#/paths/~1api~1.../get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JsonPointer(String);

impl JsonPointer {
    /// The document root, `#`.
    pub fn root() -> JsonPointer {
        JsonPointer(String::new())
    }

    /// Parses the fragment of a local `$ref` (`#/components/schemas/Foo`).
    pub fn from_fragment(fragment: &str) -> Option<JsonPointer> {
        let rest = fragment.strip_prefix('#')?;
        (rest.is_empty() || rest.starts_with('/')).then(|| JsonPointer(rest.to_owned()))
    }

    /// The pointer one level deeper, escaping `~` and `/` in the segment.
    pub fn push(&self, segment: impl fmt::Display) -> JsonPointer {
        let segment = segment.to_string().replace('~', "~0").replace('/', "~1");
        JsonPointer(format!("{}/{}", self.0, segment))
    }

    /// The pointer one level up (the root is its own parent).
    pub fn parent(&self) -> JsonPointer {
        match self.0.rfind('/') {
            Some(end) => JsonPointer(self.0[..end].to_owned()),
            None => JsonPointer::root(),
        }
    }

    /// The unescaped segments, outermost first.
    pub fn segments(&self) -> impl Iterator<Item = String> + '_ {
        self.0
            .split('/')
            .skip(1)
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Generation went on, but something in the spec is not represented exactly (a construct
    /// the client cannot perform, a validation it cannot check). `--deny-warnings` makes these
    /// errors.
    Warning,
    /// Generation cannot go on.
    Error,
}

impl Severity {
    /// `error` or `warning`, as reports print it.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem, where it is, and what was expected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{pointer}{}: {problem}", line_column_suffix(*.line_column))]
pub struct Diagnostic {
    /// Whether generation could go on despite it.
    pub severity: Severity,
    /// Where the problem is.
    pub pointer: JsonPointer,
    /// Line and column (1-based) for problems found while reading YAML text.
    pub line_column: Option<(usize, usize)>,
    /// What is wrong (boxed: diagnostics travel in `Result`s on hot paths, and should be small).
    pub problem: Box<Problem>,
}

fn line_column_suffix(line_column: Option<(usize, usize)>) -> String {
    match line_column {
        Some((line, column)) => format!(" (line {line}, column {column})"),
        None => String::new(),
    }
}

impl Diagnostic {
    /// An error at a pointer.
    pub fn at(pointer: &JsonPointer, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            pointer: pointer.clone(),
            line_column: None,
            problem: Box::new(problem),
        }
    }

    /// A warning at a pointer: generation goes on, but the spec is not represented exactly.
    pub fn warning(pointer: &JsonPointer, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::at(pointer, problem)
        }
    }

    /// Whether this is an error (generation cannot go on).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// What can be wrong with a spec.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// The text is not valid YAML.
    #[error("invalid YAML: {message}")]
    Yaml {
        /// The parser's message.
        message: String,
    },
    /// The text is a JSON document (it opens with `{`) that is not valid JSON.
    #[error("invalid JSON: {message}")]
    Json {
        /// The parser's message.
        message: String,
    },
    /// The document has no `openapi` field.
    #[error("not an OpenAPI document: expected a top-level `openapi: 3.0.x` field")]
    NotOpenApi,
    /// The document is OpenAPI, but not 3.0.x.
    #[error("unsupported OpenAPI version `{found}`: this generator reads OpenAPI 3.0.x")]
    UnsupportedVersion {
        /// The version the document declares.
        found: String,
    },
    /// The document does not have the structure OpenAPI 3.0 requires.
    #[error("invalid OpenAPI document: {message}")]
    Shape {
        /// What the parser expected.
        message: String,
    },
    /// A value JSON cannot represent (`.inf`, a YAML tag): OpenAPI documents are JSON.
    #[error("{found} is not a JSON value: an OpenAPI document must be valid JSON, even when written as YAML")]
    NotJson {
        /// What was found.
        found: String,
    },
    /// A `$ref` names a component that does not exist.
    #[error("`$ref: {target}` points to nothing: expected a component at that location")]
    MissingRef {
        /// The reference.
        target: String,
    },
    /// A security requirement names a scheme `components.securitySchemes` does not declare.
    #[error("security requirement names `{scheme}`, which `components.securitySchemes` does not declare")]
    UndeclaredScheme {
        /// The scheme's name.
        scheme: String,
    },
    /// A `$ref` the generator cannot follow.
    #[error("`$ref: {target}` is not supported: expected a local reference of the form `#/components/{section}/<name>`")]
    UnsupportedRef {
        /// The reference.
        target: String,
        /// The component section the reference should point into.
        section: &'static str,
    },
    /// References that only lead back to themselves.
    #[error("`$ref` cycle with no definition in it: {}", chain.join(" -> "))]
    RefCycle {
        /// The references in the order followed.
        chain: Vec<String>,
    },
    /// Schemas that are only other names for each other (references, arrays, maps) and lead
    /// back to themselves: Rust type aliases cannot be recursive.
    #[error("schemas {} only rename each other in a cycle, which Rust cannot express; make one of them an object with properties", chain.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(" -> "))]
    AliasCycle {
        /// The schemas' names, back to the first.
        chain: Vec<String>,
    },
    /// Two operations share an `operationId`.
    #[error("duplicate operationId `{operation_id}`{}, already used at {first}", if *derived { " (derived from the method and path: this operation has no `operationId`)" } else { "" })]
    DuplicateOperationId {
        /// The repeated id.
        operation_id: String,
        /// Whether this operation's id was derived rather than written in the spec.
        derived: bool,
        /// The first operation with it.
        first: JsonPointer,
    },
    /// One `parameters` list names the same parameter twice, which OpenAPI forbids (an operation
    /// may override a path-level parameter, but a list may not repeat one).
    #[error("parameter `{name}` in {location} is already listed at {first}: a `parameters` list must not repeat a name and location")]
    DuplicateParameter {
        /// The parameter name.
        name: String,
        /// Where it is sent (`path`, `query`, `header`, `cookie`).
        location: &'static str,
        /// The first entry with it.
        first: JsonPointer,
    },
    /// Two distinct names map to the same Rust name.
    #[error(
        "{what} `{first}` and `{second}` both become `{rust_name}` in Rust; rename one in the spec"
    )]
    NameCollision {
        /// Kind of names ("properties of `Foo`", "schemas", ...).
        what: String,
        /// The first name.
        first: String,
        /// The second name.
        second: String,
        /// The shared Rust name.
        rust_name: String,
    },
    /// A media type that cannot be understood.
    #[error(transparent)]
    MediaType(#[from] MediaTypeError),
    /// A date that is not `YYYY-MM-DD`.
    #[error("`{text}` is not a date: expected YYYY-MM-DD")]
    BadDate {
        /// The text found.
        text: String,
    },
    /// A path template and its parameters disagree.
    #[error("{message}")]
    PathTemplate {
        /// What disagrees.
        message: String,
    },
    /// An `enum` with no values: no value could ever be valid.
    #[error("`enum` has no values: expected at least one")]
    EmptyEnum,
    /// A construct the generator does not handle.
    #[error("unsupported: {what}")]
    Unsupported {
        /// What was found.
        what: String,
    },
    /// Something the generated client will not do as the spec says (a warning: generation goes
    /// on, so the loss has to be said out loud).
    #[error("{}: {what}", kind.label())]
    NotRepresented {
        /// Which kind of loss, for grouping and counting.
        kind: Loss,
        /// What is lost, where, and what the client does instead.
        what: String,
    },
}

/// The kinds of things a generated client can fail to represent: each is a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Loss {
    /// A request or response body in a media type the client does not handle.
    MediaType,
    /// A form body's `encoding` entry, or a property, the client does not send as the spec says.
    BodyEncoding,
    /// A `pattern` the client cannot check values against.
    UncheckedPattern,
    /// A security scheme the client cannot perform.
    SecurityScheme,
    /// An operation whose every security requirement needs a scheme the client cannot perform.
    UnauthenticatedOperation,
    /// A discriminator value that cannot select the alternative the spec meant.
    Discriminator,
    /// A successful answer whose body the client does not decode.
    SuccessBody,
    /// A keyword the generator reads past (`callbacks`, `links`, ...).
    IgnoredKeyword,
    /// A property the alternatives of a union define with different constraints: the struct
    /// holding them all keeps only the constraints they share.
    RelaxedValidation,
    /// A property the alternatives of a union define with different types: the struct holding
    /// them all types it as any JSON.
    UntypedProperty,
    /// A type defined inline whose name a schema has: it gets a numbered name, which a later
    /// spec can change.
    NumberedName,
    /// A watcher of `generator/watchers.yaml` that does not fit the spec: the operation has no
    /// `--watch` and its GET no `wait_until_terminal`.
    Watcher,
    /// A download (`generator/downloads.yaml`) that the spec does not fit.
    Download,
    /// A successor (`generator/successors.yaml`) that the spec does not have.
    Successor,
    /// A `not` schema: typed as any JSON, the exclusion unchecked.
    NotSchema,
    /// A name that becomes the same Rust name as an earlier one (`NullTime`, `nullTime`): it is
    /// numbered (`NullTime2`).
    RenamedName,
}

impl Loss {
    /// How reports name the kind.
    pub fn label(self) -> &'static str {
        match self {
            Loss::MediaType => "media type not handled",
            Loss::BodyEncoding => "body encoding not honoured",
            Loss::UncheckedPattern => "pattern not checked",
            Loss::SecurityScheme => "security scheme not performed",
            Loss::UnauthenticatedOperation => "operation cannot authenticate",
            Loss::Discriminator => "discriminator value not typed",
            Loss::SuccessBody => "success body not decoded",
            Loss::IgnoredKeyword => "keyword ignored",
            Loss::RelaxedValidation => "validation relaxed",
            Loss::UntypedProperty => "property typed as JSON",
            Loss::NotSchema => "`not` typed as JSON",
            Loss::NumberedName => "inline type numbered",
            Loss::Watcher => "watcher not applied",
            Loss::Download => "download not applied",
            Loss::Successor => "successor not named",
            Loss::RenamedName => "name numbered",
        }
    }
}

/// All problems found in one run, in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{}: {diagnostic}", diagnostic.severity.label())?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl Diagnostics {
    /// Every problem as a source snippet, for people: what is wrong, then `file:line:column`, the
    /// line itself with the spot marked, and the JSON pointer. `origin` names the file, `text`
    /// is its contents (from which the diagnostics were made).
    pub fn render(&self, origin: &str, text: &str) -> String {
        let lines = yaml_lines(text);
        self.0
            .iter()
            .map(|diagnostic| diagnostic.render(origin, &lines))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Whether any of the problems is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// How many problems have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|d| d.severity == severity).count()
    }

    /// The same problems, every warning made an error (`--deny-warnings`).
    pub fn deny_warnings(mut self) -> Diagnostics {
        for diagnostic in &mut self.0 {
            diagnostic.severity = Severity::Error;
        }
        self
    }
}

impl Diagnostic {
    fn render(&self, origin: &str, lines: &[&str]) -> String {
        use annotate_snippets::{Level, Renderer, Snippet};
        let title = self.problem.to_string();
        let pointer = self.pointer.to_string();
        let renderer = Renderer::plain();
        let level = match self.severity {
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        };
        let located = self
            .line_column
            .and_then(|(line, column)| Some((line, column, *lines.get(line.checked_sub(1)?)?)));
        let Some((line, column, source)) = located else {
            let origin = format!("{origin}, at {pointer}");
            let message = level.title(&title).footer(Level::Note.title(&origin));
            let rendered = renderer.render(message).to_string();
            return rendered;
        };
        let (source, span) = window(&printable(source), token_span(source, column));
        let label = if self.pointer == JsonPointer::root() {
            "here"
        } else {
            pointer.as_str()
        };
        let message = level.title(&title).snippet(
            Snippet::source(&source)
                .line_start(line)
                .origin(origin)
                .annotation(level.span(span).label(label)),
        );
        let rendered = renderer.render(message).to_string();
        rendered
    }
}

/// The lines of `text` as YAML counts them: `\r\n`, `\r` and `\n` all end a line.
fn yaml_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.find(['\r', '\n']) {
        lines.push(&rest[..end]);
        let break_length = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = &rest[end + break_length..];
    }
    lines.push(rest);
    lines
}

/// `line` with every control character (tabs included) replaced by as many spaces as it has
/// bytes, so byte ranges still match while the snippet prints on one line of fixed-width cells:
/// the renderer's width arithmetic does not expect characters of no width.
fn printable(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            c if c.is_control() => " ".repeat(c.len_utf8()),
            c => c.to_string(),
        })
        .collect()
}

/// At most [`WINDOW`] bytes of `line` around `span`, with `...` where it was cut, and the span
/// moved to match. The renderer trims long lines itself, but its arithmetic overflows for some
/// (a long line whose span sits in its leading whitespace), so it is never given one.
fn window(line: &str, span: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    if line.len() <= WINDOW {
        return (line.to_owned(), span);
    }
    let boundary = |mut index: usize| {
        while !line.is_char_boundary(index) {
            index -= 1;
        }
        index
    };
    let start = boundary(span.start.saturating_sub(WINDOW / 3));
    let end = boundary((start + WINDOW).min(line.len()));
    let prefix = if start > 0 { "..." } else { "" };
    let suffix = if end < line.len() { "..." } else { "" };
    let shown = format!("{prefix}{}{suffix}", &line[start..end]);
    let shift = |index: usize| index.clamp(start, end) - start + prefix.len();
    (shown, shift(span.start)..shift(span.end))
}

/// How many bytes of a line a snippet shows at most.
const WINDOW: usize = 100;

/// The bytes of `line` to mark for a problem at `column` (1-based, in characters): the key or
/// scalar that starts there, or one character.
fn token_span(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(index, _)| index);
    let rest = &line[start..];
    let length = match rest.chars().next() {
        None => 0,
        Some(quote @ ('"' | '\'')) => rest[1..].find(quote).map_or(rest.len(), |close| close + 2),
        Some(first) => rest
            .find(|c: char| {
                c.is_whitespace() || matches!(c, ':' | ',' | '[' | ']' | '{' | '}' | '#')
            })
            .filter(|&end| end > 0)
            .unwrap_or(first.len_utf8()),
    };
    start..start + length
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

/// Why a media type could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaTypeError {
    /// Not of the form `type/subtype`.
    #[error("`{0}` is not a media type (expected `type/subtype`)")]
    Malformed(String),
    /// A vendor type whose version is neither a valid date nor `preview`.
    #[error(
        "`{media_type}` has version `{version}`, expected a date such as `2023-01-01` or `preview`"
    )]
    BadVersion {
        /// The whole media type.
        media_type: String,
        /// The offending version text.
        version: String,
    },
    /// A vendor type with a version but an unknown structured-syntax suffix.
    #[error("`{media_type}` has format `{format}`, expected `json`, `gzip` or `csv`")]
    BadFormat {
        /// The whole media type.
        media_type: String,
        /// The offending suffix.
        format: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Diagnostics {
        Diagnostics(vec![Diagnostic {
            severity: Severity::Error,
            pointer: JsonPointer::root().push("a"),
            line_column: Some((line, column)),
            problem: Box::new(Problem::EmptyEnum),
        }])
    }

    #[test]
    fn renders_a_snippet_with_the_spot_marked() {
        let text = "openapi: 3.0.1\nx:\n  a: {enum: []}\n";
        assert_eq!(
            at(3, 3).render("spec.yaml", text),
            "error: `enum` has no values: expected at least one\n \
             --> spec.yaml:3:3\n  |\n3 |   a: {enum: []}\n  |   ^ #/a\n  |"
        );
    }

    #[test]
    fn rendering_copes_with_any_text() {
        // Found by the fuzzer: tabs and control characters broke the renderer's arithmetic.
        let hostile = "\t\t\t\ts\t\x08\t\t\r\tput\x0f\0\0\t\tput\tAP\t\tp\x01\0\0\u{85}x";
        let long = format!("key: {}", "y".repeat(5000));
        let cases: [(&str, usize, usize); 9] = [
            (hostile, 1, 7),
            (hostile, 2, 3),
            (hostile, 2, 400),
            (long.as_str(), 1, 5000),
            ("", 1, 1),
            ("a\r\nb\rc", 3, 1),
            ("a", 7, 1),
            (&format!("{}{}", " ".repeat(30), "z".repeat(300)), 1, 1),
            (&format!("é: {}", "日".repeat(300)), 1, 290),
        ];
        for (text, line, column) in cases {
            let rendered = at(line, column).render("spec.yaml", text);
            assert!(rendered.contains("spec.yaml"), "{rendered}");
            assert!(
                !rendered.chars().any(|c| c.is_control() && c != '\n'),
                "{rendered:?}"
            );
        }
        assert_eq!(yaml_lines("a\r\nb\rc\n"), ["a", "b", "c", ""]);
    }

    #[test]
    fn pointer_escapes_slashes_and_tildes() {
        let pointer = JsonPointer::root()
            .push("paths")
            .push("/api/{id}")
            .push("a~b");
        assert_eq!(pointer.to_string(), "#/paths/~1api~1{id}/a~0b");
        assert_eq!(
            pointer.segments().collect::<Vec<_>>(),
            ["paths", "/api/{id}", "a~b"]
        );
        assert_eq!(
            JsonPointer::from_fragment("#/a/b"),
            Some(JsonPointer::root().push("a").push("b"))
        );
        assert_eq!(JsonPointer::from_fragment("other.yaml#/a"), None);
    }
}
