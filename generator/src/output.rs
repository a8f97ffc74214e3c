//! What a generation produces, shared by the printers (`emit`) and the readers of their output
//! (`surface`, `sync`): a leaf, so that neither has to depend on the other for it.

/// One file of the output: a path relative to the crate root, and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative path with `/` separators, e.g. `src/types.rs`.
    pub path: String,
    /// The whole file.
    pub contents: String,
}

/// A generator bug: emitted tokens that are not valid Rust. Never caused by spec content alone,
/// so it carries the offending text for the bug report.
#[derive(Debug, thiserror::Error)]
#[error("internal error: the generator emitted invalid Rust for {file}: {message}\n{text}")]
pub struct EmitError {
    /// The file being emitted.
    pub file: String,
    /// syn's message.
    pub message: String,
    /// The tokens as text.
    pub text: String,
}
