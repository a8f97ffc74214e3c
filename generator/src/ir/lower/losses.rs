//! Warnings for what the generated client will not do as the spec says. Lowering is where a
//! construct is accepted or dropped, so it is where the loss is said, located at the construct;
//! the emitters only read the model and never drop anything on their own.

use std::collections::HashSet;

use indexmap::IndexMap;
use openapiv3::Schema;

use super::schemas::constraints_of;
use super::Lowerer;
use crate::diagnostics::{Diagnostic, JsonPointer, Loss, Problem};
use crate::ir::media_type::MediaType;
use crate::ir::model::Constraints;

impl Lowerer<'_> {
    /// Records a loss at `at`; generation goes on.
    pub(super) fn lose(&mut self, at: &JsonPointer, kind: Loss, what: String) {
        self.warn(at, Problem::NotRepresented { kind, what });
    }

    /// Whether a request body in `media_type` is kept: the client encodes JSON only, so any other
    /// media type is left out, with a warning that says whether the operation still has a body.
    pub(super) fn request_media_kept(
        &mut self,
        media_type: &MediaType,
        content: &IndexMap<String, openapiv3::MediaType>,
        at: &JsonPointer,
        operation_id: &str,
    ) -> bool {
        if media_type.is_json() {
            return true;
        }
        let json_left = content
            .keys()
            .any(|raw| MediaType::parse(raw).is_ok_and(|m| m.is_json()));
        let consequence = if json_left {
            "only the JSON body is offered"
        } else {
            "the operation is generated without a request body"
        };
        let what = format!(
            "`{}` request body of `{operation_id}`: the client encodes only JSON bodies, so {consequence}",
            media_type.raw
        );
        self.lose(at, Loss::MediaType, what);
        false
    }

    /// The validation keywords of the schema at `at`, warning when its `pattern` is one the
    /// client cannot check.
    pub(super) fn constraints(&mut self, schema: &Schema, at: &JsonPointer) -> Constraints {
        let constraints = constraints_of(schema);
        if let Some(pattern) = constraints.pattern.as_ref().filter(|p| !p.checkable) {
            let what = format!(
                "the `regex` crate cannot compile `{}` (it has no lookaround or \
                 backreferences): the client documents the pattern but sends values unchecked",
                pattern.regex
            );
            self.lose(&at.push("pattern"), Loss::UncheckedPattern, what);
        }
        constraints
    }
}

/// `diagnostics` without repeated warnings: a component (a shared parameter, a schema pulled into
/// several `allOf`s) is lowered once per use, but its loss is one place in the spec to fix.
pub(super) fn without_repeated_warnings(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: HashSet<(JsonPointer, String)> = HashSet::new();
    diagnostics
        .into_iter()
        .filter(|d| d.is_error() || seen.insert((d.pointer.clone(), d.problem.to_string())))
        .collect()
}
