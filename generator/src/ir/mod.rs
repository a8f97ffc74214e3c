//! The intermediate model and the lowering that builds it from a loaded spec.

pub mod constraints;
pub mod lower;
pub mod media_type;
pub mod model;

pub use lower::{lower, Lowered};
pub use media_type::{ApiVersion, BodyFormat, Date, MediaKind, MediaType};
pub use model::*;
