//! Generates a typed Rust client for the MongoDB Atlas Administration API from its OpenAPI spec.
//!
//! Three stages, one direction: [`load`] reads and checks the spec, [`ir`] lowers it into an
//! owned intermediate model, and `emit` turns that model into Rust source. [`extract`] cuts a
//! self-contained fragment (one tag) out of a full spec.
#![deny(missing_docs)]

pub mod diagnostics;
pub mod extract;
pub mod ir;
pub mod load;
pub mod names;

pub use diagnostics::{Diagnostic, Diagnostics, JsonPointer, Problem};

/// The sha256 of `bytes` as lowercase hex: how generated files name the spec they came from.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
