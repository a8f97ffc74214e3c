//! The printing pass: makes each emitted file read like code written by hand, without changing
//! what it means. Emitters write absolute paths (`::std::option::Option`, `crate::types::Link`)
//! so that no spec name can shadow what they mean; this pass, run on the parsed file before it
//! is printed, writes the short name wherever that is certainly the same thing:
//!
//! - a `::std` path with a prelude name (`Option`, `Some`, `String`, `Result`, ...) becomes that
//!   name unless the crate or the file defines something by that name (`crate_names`, decided
//!   once per crate), or the file imports a glob;
//! - any other absolute path is imported (`use crate::types::Link;`) and written by its last
//!   segment, unless that name appears anywhere else in the file, is a prelude name, or would be
//!   imported from two places; then through its module (`fmt::Result`) where that is free, or
//!   left as it is.
//!
//! Macro calls are left alone (their tokens are not parsed), but their identifiers count as
//! names in use; the runtime's item macros (`models!`, `open_enum!`, `tagged_union!`, `untagged_union!`, `pattern_string!`),
//! whose input is written as items, are read and rewritten as items.

mod attrs;
mod doc_links;
mod imports;
mod path_shape;
mod plan;
mod prelude;
mod rewrite;
mod survey;

use std::collections::BTreeSet;

use plan::Plan;
use survey::Survey;

/// Shortens the paths of `file`, the file at `path` (e.g. `src/types/backup.rs`) of a crate that
/// defines `crate_names`, and adds the imports that takes.
pub fn shorten_paths(file: &mut syn::File, path: &str, crate_names: &BTreeSet<String>) {
    let survey = Survey::of(file);
    let plan = Plan::new(&survey, crate_names, &own_modules(path));
    rewrite::rewrite(file, &plan);
    let mut all_imports = plan.imports;
    for path in imports::take_plain_uses(&mut file.items) {
        all_imports.entry(path).or_default().insert(Vec::new());
    }
    let imports = imports::use_items(&all_imports);
    file.items.splice(0..0, imports);
}

/// The module paths that name the items of the file at `path`: its own module and, for a models
/// file, its parent (`crate::types` or `crate::types::request`), which re-exports every models
/// file whole (`pub use backup::*`).
fn own_modules(path: &str) -> Vec<String> {
    let file = path.trim_start_matches("src/").trim_end_matches(".rs");
    let module = match file.trim_end_matches("/mod") {
        "lib" => String::new(),
        module => module.replace('/', "::"),
    };
    let mut modules = vec![format!("crate::{module}").trim_end_matches("::").to_owned()];
    if let Some((parent, _)) = module
        .rsplit_once("::")
        .filter(|_| module.starts_with("types::"))
    {
        modules.push(format!("crate::{parent}"));
    }
    modules
}

#[cfg(test)]
mod tests;
