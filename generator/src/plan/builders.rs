//! One request builder per operation, whatever its API versions: the versions of an operation
//! take the same parameters, so they share one builder struct and its setters, typed by a marker
//! of the version (`GetCluster<'a, V = V2024_08_05>`). Each version's `send`, `into_request` and
//! answer type are an `impl` of the builder at its marker, and each version's old builder name
//! stays as an alias (`GetClusterV2023_01_01<'a>`), so callers who name the type keep compiling.
//!
//! Markers are crate-wide (`crate::versions`), one per `Accept` value a shared builder sends,
//! named from it: `V2023_01_01`, `V2023_01_01Csv`, `Preview`.
//!
//! An operation keeps one builder per method when its methods differ in more than the version:
//! one sends a body and another does not, or one sends a form (whose type is the method's own).

use std::collections::BTreeSet;

use heck::ToUpperCamelCase;
use serde::Serialize;

use super::{OperationPlan, Plan};
use crate::names::NameScope;

/// The struct every method of an operation builds.
#[derive(Debug, Clone, Serialize)]
pub struct SharedBuilder {
    /// The struct's name: the default method's builder.
    pub name: String,
    /// Whether the body's type is a type parameter (`B`), because versions send different types.
    pub body_parameter: bool,
}

/// A marker type standing for one `Accept` value.
#[derive(Debug, Clone, Serialize)]
pub struct VersionMarker {
    /// The type's name in `crate::versions`.
    pub name: String,
    /// The `Accept` header it stands for.
    pub accept: String,
}

/// Decides which operations share a builder, and names the markers they use.
pub fn plan_shared_builders(plan: &mut Plan<'_>) {
    let accepts: BTreeSet<String> = (plan.operations.iter())
        .filter(|operation| shares_builder(operation))
        .flat_map(|operation| operation.methods.iter().map(|m| m.accept.clone()))
        .collect();
    let mut names = NameScope::new("version markers");
    plan.version_markers = (accepts.into_iter())
        .map(|accept| VersionMarker {
            name: names.claim_distinct(&accept, marker_name(&accept)),
            accept,
        })
        .collect();
    let markers = &plan.version_markers;
    for operation in &mut plan.operations {
        if !shares_builder(operation) {
            continue;
        }
        let mut bodies = (operation.methods.iter()).filter_map(|m| m.body.as_ref()?.ty.as_ref());
        let first = bodies.next();
        operation.shared_builder = Some(SharedBuilder {
            name: operation.methods[0].builder.clone(),
            body_parameter: bodies.any(|body| Some(body) != first),
        });
        for method in &mut operation.methods {
            let marker = markers.iter().find(|m| m.accept == method.accept);
            method.marker = marker.map(|m| m.name.clone());
        }
    }
}

/// Whether an operation's methods can share one builder: more than one method, the same body
/// presence in each, and no form body.
fn shares_builder(operation: &OperationPlan<'_>) -> bool {
    let typed_body = |m: &super::Method<'_>| m.body.as_ref().is_some_and(|b| b.ty.is_some());
    let methods = &operation.methods;
    methods.len() > 1
        && methods.iter().all(|m| m.form.is_none())
        && methods
            .iter()
            .all(|m| typed_body(m) == typed_body(&methods[0]))
}

/// The marker's name for an `Accept` value: the Atlas version (`V2023_01_01`, `Preview`) and a
/// format other than JSON (`Csv`), else the media type in camel case (`TextCsv`).
fn marker_name(accept: &str) -> String {
    let name = match accept.strip_prefix("application/vnd.atlas.") {
        Some(rest) => {
            let (version, format) = rest.split_once('+').unwrap_or((rest, "json"));
            let version = match version.starts_with(|c: char| c.is_ascii_digit()) {
                true => format!(
                    "V{}",
                    version.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
                ),
                false => version.to_upper_camel_case(),
            };
            let format = match format {
                "json" => String::new(),
                other => other.to_upper_camel_case(),
            };
            format!("{version}{format}")
        }
        None => accept.to_upper_camel_case(),
    };
    match name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        true if name != "Self" => name,
        _ => format!("V{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::marker_name;

    #[test]
    fn markers_are_named_by_version_and_format() {
        assert_eq!(
            marker_name("application/vnd.atlas.2023-01-01+json"),
            "V2023_01_01"
        );
        assert_eq!(
            marker_name("application/vnd.atlas.2023-01-01+csv"),
            "V2023_01_01Csv"
        );
        assert_eq!(marker_name("application/vnd.atlas.preview+json"), "Preview");
        assert_eq!(marker_name("text/csv"), "TextCsv");
        assert_eq!(marker_name("application/vnd.atlas.+json"), "V");
    }
}
