//! Generates a typed Rust client for the MongoDB Atlas Administration API from its OpenAPI spec.
//!
//! Stages in one direction: [`load`] reads and checks the spec, [`lower`] turns it into the
//! owned intermediate model [`ir`], [`plan`] makes every decision about the client as data, and
//! `emit` prints the plan as Rust source. [`diagnostics`]
//! sits below them all and depends on none of them. [`extract`] cuts a
//! self-contained fragment (one tag) out of a full spec. [`samples`] builds the JSON instances
//! the round-trip test decodes into the generated types. [`surface`] lists the crate's public API
//! from the plan (its `API.md`) and reports what changed between two of them.
#![deny(missing_docs)]

pub mod diagnostics;
pub mod emit;
pub mod extract;
pub mod ir;
pub mod load;
pub mod lower;
pub mod names;
pub mod output;
pub mod plan;
pub mod samples;
pub mod surface;
pub mod sync;
pub mod targets;
pub mod wire;

pub use diagnostics::{Diagnostic, Diagnostics, JsonPointer, Loss, Problem, Severity};
pub use emit::{EmitConfig, GeneratedFile, RuntimeSource};

/// This generator's version, as generated manifests name it.
pub const GENERATOR_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why generation failed: the spec has problems, or (a generator bug) emitted code did not parse.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// Problems in the spec, each with its location.
    #[error("{0}")]
    Spec(#[from] Diagnostics),
    /// A generator bug.
    #[error(transparent)]
    Emit(#[from] emit::EmitError),
}

impl GenerateError {
    /// The error for people: each spec problem as a located source snippet (see
    /// [`Diagnostics::render`]), or the internal error as it is.
    pub fn render(&self, origin: &str, spec_text: &str) -> String {
        match self {
            GenerateError::Spec(diagnostics) => diagnostics.render(origin, spec_text),
            GenerateError::Emit(error) => error.to_string(),
        }
    }

    /// How many problems [`GenerateError::render`] reports.
    pub fn problem_count(&self) -> usize {
        match self {
            GenerateError::Spec(diagnostics) => diagnostics.count(Severity::Error),
            GenerateError::Emit(_) => 1,
        }
    }
}

/// What a successful run produced: the files, and the warnings about what in the spec the
/// client does not represent exactly (nothing is dropped without one).
#[derive(Debug)]
pub struct Generation {
    /// The generated crate's files.
    pub files: Vec<GeneratedFile>,
    /// Located warnings, in document order.
    pub warnings: Diagnostics,
    /// The crate's public API: its `API.md`, read back, so that a change report compares exactly
    /// what the files say.
    pub surface: surface::Surface,
}

/// Generates the client crate's files from spec text. Pure: no file is read or written.
///
/// Every problem in the spec is reported at once, each with its JSON pointer, line and column:
/// errors fail the run (with the warnings beside them), warnings travel with the files.
pub fn generate(spec_text: &str, config: &EmitConfig) -> Result<Generation, GenerateError> {
    let spec = load::load(spec_text)?;
    let placed = |mut diagnostics: Diagnostics| {
        load::place(&mut diagnostics, spec_text);
        diagnostics
    };
    let lowered = lower::lower(&spec).map_err(placed)?;
    // An unreadable previous API.md gives no shims and no pins; the change report says it
    // cannot read it.
    let previous = config.previous_api.as_deref().map(surface::parse);
    let previous = previous.and_then(Result::ok);
    let options = plan::PlanOptions {
        as_of: config.as_of,
        pinned_versions: previous
            .as_ref()
            .map(surface::pinned_versions)
            .unwrap_or_default(),
        crate_name: config.crate_name.clone(),
    };
    let mut plan = plan::plan_with(&lowered.api, options);
    if let Some(old) = &previous {
        let fresh = surface::surface_of(&plan, &config.crate_name, &config.crate_version);
        plan.shims = surface::shims(old, &fresh, &config.spec_sha256);
    }
    let files = emit::emit(&plan, config)?;
    let surface = surface::of_files(&files)?;
    let mut warnings = lowered.warnings;
    warnings.0.extend(plan.warnings.iter().cloned());
    Ok(Generation {
        files,
        warnings: placed(warnings),
        surface,
    })
}

/// The sha256 of `bytes` as lowercase hex: how generated files name the spec they came from.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
