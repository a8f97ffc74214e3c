//! The intermediate model: an owned, checked description of the API, which lowering builds from
//! a loaded spec. It depends on nothing but the diagnostics.

pub mod constraints;
pub mod media_type;
pub mod model;

pub use media_type::{ApiVersion, BodyFormat, Date, MediaKind, MediaType};
pub use model::*;
