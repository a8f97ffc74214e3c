//! Our own codes, for changes of the Rust API that the wire does not see (oasdiff has no name
//! for them). They are marked `x-rust-…` so a reader of a report never takes one for oasdiff's.

/// A method, builder, type, enum value or variant renamed; the wire is unchanged.
pub const RENAMED: &str = "x-rust-renamed";
/// The cargo features compiling a type changed.
pub const FEATURES: &str = "x-rust-features";
/// A new type (oasdiff does not report new schemas).
pub const TYPE_ADDED: &str = "x-rust-type-added";
/// A type gone that is not a schema of the spec (a parameter newtype, a response enum).
pub const TYPE_REMOVED: &str = "x-rust-type-removed";
/// What a method returns, or a response enum's variant holds, is another Rust type.
pub const RETURNS: &str = "x-rust-return-type-changed";
/// A method's body is another Rust type.
pub const BODY: &str = "x-rust-body-type-changed";
/// A method now calls another API version.
pub const VERSION: &str = "x-rust-version-changed";
/// A method's HTTP method or path changed (oasdiff would see an endpoint removed and one added).
pub const HTTP: &str = "x-rust-http-changed";
/// `into_stream` gained or lost.
pub const STREAM: &str = "x-rust-stream";
/// A sunset date moved later.
pub const SUNSET_LATER: &str = "x-rust-sunset-later";
/// A required parameter moved to another argument position.
pub const ARGUMENT_MOVED: &str = "x-rust-argument-moved";
/// A deprecated shim (an old name kept one regeneration) dropped.
pub const SHIM_REMOVED: &str = "x-rust-shim-removed";
/// A feature, example or other item of the crate alone added, removed or changed.
pub const CRATE: &str = "x-rust-crate";
/// Anything else.
pub const OTHER: &str = "x-rust-changed";
