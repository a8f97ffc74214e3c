//! Warnings for what the generated client will not do as the spec says. Lowering is where a
//! construct is accepted or dropped, so it is where the loss is said, located at the construct;
//! the emitters only read the model and never drop anything on their own.

use std::collections::HashSet;

use indexmap::IndexMap;
use openapiv3::{Discriminator, Parameter, PathItem, PathStyle, QueryStyle, ReferenceOr, Schema};

use super::schemas::constraints_of;
use super::Lowerer;
use crate::diagnostics::{Diagnostic, JsonPointer, Loss, Problem};
use crate::ir::media_type::MediaType;
use crate::ir::model::{ChangelogEntry, Constraints, Content, Response, StatusSpec, TypeRef};

impl Lowerer<'_> {
    /// Records a loss at `at`; generation goes on.
    pub(super) fn lose(&mut self, at: &JsonPointer, kind: Loss, what: String) {
        self.warn(at, Problem::NotRepresented { kind, what });
    }

    /// Whether a JSON body is kept beside the `kept` ones: the client encodes and decodes one
    /// JSON media type per API version (the first), so a second one of the same version
    /// (`application/problem+json` after `application/json`) is left out, with a warning.
    pub(super) fn json_media_kept(
        &mut self,
        media_type: &MediaType,
        kept: &[Content],
        at: &JsonPointer,
    ) -> bool {
        let first = kept.iter().find(|c| {
            media_type.is_json()
                && c.media_type.is_json()
                && c.media_type.version() == media_type.version()
        });
        let Some(first) = first else {
            return true;
        };
        let what = format!(
            "`{}` is a second JSON media type for the same API version: the client uses only \
             the first, `{}`",
            media_type.raw, first.media_type.raw
        );
        self.lose(at, Loss::MediaType, what);
        false
    }

    /// Warns when `default` is the only response with a body and no success status is listed:
    /// the client reads `default` as the error body (Atlas lists its successes), so a successful
    /// answer's body would not be decoded.
    pub(super) fn check_default_only(
        &mut self,
        success: &[Response],
        errors: &[Response],
        at: &JsonPointer,
    ) {
        let default_body = errors
            .iter()
            .any(|r| r.status == StatusSpec::Default && !r.contents.is_empty());
        if success.is_empty() && default_body {
            let what = "no success status is listed, only `default`, which the client reads as \
                        an error: a successful answer's body is not decoded"
                .to_owned();
            self.lose(&at.push("default"), Loss::SuccessBody, what);
        }
    }

    /// Warns about discriminator values that can never select a typed alternative: a mapping
    /// entry naming a schema that is not among the alternatives (`at` is the `oneOf`), and an
    /// inline alternative, which no value can name. Such values decode as the union's
    /// unknown variant, raw JSON, rather than as the type the spec meant.
    pub(super) fn check_discriminator(
        &mut self,
        alternatives: &[ReferenceOr<Schema>],
        discriminator: Option<&Discriminator>,
        at: &JsonPointer,
    ) {
        let Some(discriminator) = discriminator else {
            return;
        };
        let named = |target: &str| {
            alternatives
                .iter()
                .any(|a| matches!(a, ReferenceOr::Reference { reference } if reference == target))
        };
        let mapping_at = at.parent().push("discriminator").push("mapping");
        for (tag, target) in &discriminator.mapping {
            if !named(target) {
                let what = format!(
                    "`{tag}` maps to `{target}`, which is not one of the alternatives: a value \
                     with this tag decodes as raw JSON"
                );
                self.lose(&mapping_at.push(tag), Loss::Discriminator, what);
            }
        }
        for (index, alternative) in alternatives.iter().enumerate() {
            if let ReferenceOr::Item(_) = alternative {
                let what = format!(
                    "alternative {index} is inline, so no `{}` value selects it: such values \
                     decode as raw JSON",
                    discriminator.property_name
                );
                self.lose(&at.push(index), Loss::Discriminator, what);
            }
        }
    }

    /// The operation's own server (`servers` on the operation, else on its path item), and
    /// warnings about what the client reads past: servers after the first, a relative server
    /// URL (the base URL's path is the client's own), and `callbacks` (requests the server
    /// makes, which a client cannot receive).
    pub(super) fn check_operation_extras(
        &mut self,
        item: &PathItem,
        operation: &openapiv3::Operation,
        at: &JsonPointer,
    ) -> Option<String> {
        let (servers, servers_at) = match operation.servers.is_empty() {
            false => (&operation.servers, at.push("servers")),
            true => (&item.servers, at.parent().push("servers")),
        };
        let server = servers.first().and_then(|first| {
            let url = with_default_variables(first);
            if url.starts_with("https://") || url.starts_with("http://") {
                return Some(url);
            }
            let what =
                format!("`{url}` is relative: the client sends this operation to its base URL");
            self.lose(&servers_at.push(0), Loss::IgnoredKeyword, what);
            None
        });
        for index in 1..servers.len() {
            let what = "the client sends the operation to its first server";
            self.lose(&servers_at.push(index), Loss::IgnoredKeyword, what.into());
        }
        if !operation.callbacks.is_empty() {
            let what = "callbacks are requests the server makes; the client does not describe \
                        or receive them";
            self.lose(&at.push("callbacks"), Loss::IgnoredKeyword, what.into());
        }
        server
    }

    /// `x-xgen-operation-id-override`, the Atlas CLI's name of an operation, when it can be a
    /// `#[doc(alias)]` of the method named `rust_name`: rustdoc rejects an alias with quotes or
    /// whitespace, or one equal to the item's name, and the whole crate would fail to document.
    pub(super) fn cli_name(
        &mut self,
        extensions: &IndexMap<String, serde_json::Value>,
        at: &JsonPointer,
        rust_name: &str,
    ) -> Option<String> {
        let value = extensions.get("x-xgen-operation-id-override")?;
        let name = value.as_str().filter(|name| {
            !name.is_empty() && !name.contains(|c: char| c.is_whitespace() || c == '"' || c == '\'')
        });
        match name {
            // The method already has this name: rustdoc finds it without an alias.
            Some(name) if name == rust_name => None,
            Some(name) => Some(name.to_owned()),
            None => {
                let what = format!(
                    "`x-xgen-operation-id-override` {value} is not a name rustdoc accepts as an \
                     alias (text without whitespace or quotes): the method has no Atlas CLI alias"
                );
                self.lose(
                    &at.push("x-xgen-operation-id-override"),
                    Loss::IgnoredKeyword,
                    what,
                );
                None
            }
        }
    }

    /// `x-rolesRequirements`, the Atlas roles an operation requires, as lines for its docs: a
    /// list of role names, or of objects whose fields are printed ``key `value` ``. Anything else
    /// is not a shape Atlas publishes, so it is left out of the docs with a located warning
    /// rather than printed as raw JSON.
    pub(super) fn roles_requirements(
        &mut self,
        extensions: &IndexMap<String, serde_json::Value>,
        at: &JsonPointer,
    ) -> Vec<String> {
        let Some(value) = extensions.get("x-rolesRequirements") else {
            return Vec::new();
        };
        let readable = |item: &serde_json::Value| match item {
            serde_json::Value::String(role) => Some(format!("`{role}`")),
            serde_json::Value::Object(fields) if !fields.is_empty() => Some(
                fields
                    .iter()
                    .map(|(key, value)| match value {
                        serde_json::Value::String(text) => format!("{key} `{text}`"),
                        other => format!("{key} `{other}`"),
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => None,
        };
        let roles = value
            .as_array()
            .and_then(|items| items.iter().map(readable).collect::<Option<Vec<_>>>());
        roles.unwrap_or_else(|| {
            let what = "`x-rolesRequirements` is neither a list of role names nor a list of \
                        objects: the required roles are left out of the docs"
                .to_owned();
            self.lose(&at.push("x-rolesRequirements"), Loss::IgnoredKeyword, what);
            Vec::new()
        })
    }

    /// `x-xgen-changelog`: a map of dates to what changed then, oldest first. Anything else
    /// is left out of the docs, with a warning.
    pub(super) fn changelog(
        &mut self,
        extensions: &IndexMap<String, serde_json::Value>,
        at: &JsonPointer,
    ) -> Vec<ChangelogEntry> {
        let Some(value) = extensions.get("x-xgen-changelog") else {
            return Vec::new();
        };
        let entries = value.as_object().map(|entries| {
            let mut entries: Vec<ChangelogEntry> = entries
                .iter()
                .map(|(when, text)| ChangelogEntry {
                    when: when.clone(),
                    text: text
                        .as_str()
                        .map_or_else(|| text.to_string(), str::to_owned),
                })
                .collect();
            entries.sort_by(|a, b| a.when.cmp(&b.when));
            entries
        });
        entries.unwrap_or_else(|| {
            let what = "`x-xgen-changelog` is not a map of dates to text: it is left out of the \
                        docs"
                .to_owned();
            self.lose(&at.push("x-xgen-changelog"), Loss::IgnoredKeyword, what);
            Vec::new()
        })
    }

    /// Warns about response `links`, which the client does not follow or describe.
    pub(super) fn check_links(&mut self, response: &openapiv3::Response, at: &JsonPointer) {
        if !response.links.is_empty() {
            let what = "links are not followed or described by the client".to_owned();
            self.lose(&at.push("links"), Loss::IgnoredKeyword, what);
        }
    }

    /// Warns when a parameter's `style` or `explode` asks for a serialization the client does not
    /// produce: it writes path values plainly (`simple`) and repeats a query name for each array
    /// item (`form`, exploded), the OpenAPI defaults.
    pub(super) fn check_style(&mut self, parameter: &Parameter, ty: &TypeRef, at: &JsonPointer) {
        let composite = !matches!(
            ty,
            TypeRef::String { .. }
                | TypeRef::Integer { .. }
                | TypeRef::Number { .. }
                | TypeRef::Boolean
        );
        let (style, instead) = match parameter {
            Parameter::Query {
                style,
                parameter_data,
                ..
            } => {
                let unexploded = parameter_data.explode == Some(false) && composite;
                let style = match style {
                    QueryStyle::Form if !unexploded => return,
                    QueryStyle::Form => "form` without `explode",
                    QueryStyle::SpaceDelimited => "spaceDelimited",
                    QueryStyle::PipeDelimited => "pipeDelimited",
                    QueryStyle::DeepObject => "deepObject",
                };
                (style, "exploded `form`")
            }
            Parameter::Path { style, .. } => match style {
                PathStyle::Simple => return,
                PathStyle::Label => ("label", "`simple`"),
                PathStyle::Matrix => ("matrix", "`simple`"),
            },
            Parameter::Header { .. } | Parameter::Cookie { .. } => return,
        };
        let what = format!(
            "`{}` asks for `{style}` serialization; the client uses {instead}, the OpenAPI \
             default",
            parameter.parameter_data_ref().name
        );
        self.lose(at, Loss::IgnoredKeyword, what);
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

/// A server's URL with each `{variable}` replaced by its default.
fn with_default_variables(server: &openapiv3::Server) -> String {
    let mut url = server.url.clone();
    for (name, variable) in server.variables.iter().flatten() {
        url = url.replace(&format!("{{{name}}}"), &variable.default);
    }
    url
}
