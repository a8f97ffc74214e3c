//! `API.md`: the crate's public API, one line per item, printed from the plan by the
//! [`crate::surface`] module so that regenerations can be reviewed, and compared, item by item.

use super::manifest::ExampleTarget;
use super::GeneratedFile;
use crate::plan::Plan;
use crate::surface::{render, surface_of, API_FILE};

/// `API.md` for the crate, with the examples emission picked.
pub fn api_md(
    model: &Plan<'_>,
    config: &super::EmitConfig,
    examples: &[ExampleTarget],
) -> GeneratedFile {
    let mut surface = surface_of(model, &config.crate_name, &config.crate_version);
    for example in examples {
        surface.add_example(&example.name, &example.features);
    }
    GeneratedFile {
        path: API_FILE.to_owned(),
        contents: render(&surface),
    }
}
