//! Lowering: `openapiv3` document to [`Api`]. Problems are collected, not returned at
//! the first one, so a user fixing a spec sees everything wrong in one run.

mod aliases;
mod all_of;
mod alternative_names;
mod bodies;
mod keywords;
mod losses;
mod objects;
mod operations;
mod paths;
mod schemas;
mod security;
mod unions;
mod untagged;

pub(crate) use keywords::primitive_type;

/// A description as the docs use it: `None` when the spec gives none or an empty one
/// (`description: ""`, which one real spec has on 647 schemas), so that docs fall back to a
/// sentence of their own instead of leaving a public item undocumented.
pub(crate) fn prose(text: Option<&String>) -> Option<String> {
    text.filter(|text| !text.trim().is_empty()).cloned()
}

use std::collections::{BTreeMap, HashMap};

use openapiv3::OpenAPI;

use crate::diagnostics::{Diagnostic, Diagnostics, JsonPointer, Problem};
use crate::ir::{Api, License, Server, Tag, TypeDef, TypeRef};
use crate::load::resolve::Resolver;
use crate::load::Spec;
use crate::names::NameScope;

/// The intermediate model, and the warnings about what in the spec it does not represent exactly.
#[derive(Debug)]
pub struct Lowered {
    /// The model.
    pub api: Api,
    /// Located warnings, in the order found (placed and sorted by [`crate::load::place`]).
    pub warnings: Diagnostics,
}

/// Builds the intermediate model, or reports every problem found (errors and warnings both, so
/// a failed run shows everything).
pub fn lower(spec: &Spec) -> Result<Lowered, Diagnostics> {
    let document = &spec.document;
    let mut lowerer = Lowerer::new(document);
    lowerer.diagnostics.extend(spec.problems.iter().cloned());
    lowerer.name_components(document);
    lowerer.lower_components(document);
    lowerer.check_alias_cycles();
    // Schemes first: operations' requirements are checked against what the client can perform.
    let security_schemes = lowerer.lower_security_schemes(document);
    let operations = lowerer.lower_operations(document);
    let security = lowerer.lower_security(
        document.security.as_deref().unwrap_or_default(),
        &JsonPointer::root().push("security"),
        "every operation without a `security` of its own",
    );
    let diagnostics = Diagnostics(losses::without_repeated_warnings(std::mem::take(
        &mut lowerer.diagnostics,
    )));
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let servers: Vec<Server> = document
        .servers
        .iter()
        .map(|server| Server {
            url: server.url.clone(),
            description: prose(server.description.as_ref()),
        })
        .collect();
    let api = Api {
        title: document.info.title.clone(),
        version: document.info.version.clone(),
        license: document.info.license.as_ref().map(|license| License {
            name: license.name.clone(),
            url: license.url.clone(),
        }),
        tags: document
            .tags
            .iter()
            .filter_map(|tag| {
                Some(Tag {
                    name: tag.name.clone(),
                    description: prose(tag.description.as_ref())?,
                })
            })
            .collect(),
        servers,
        security_schemes,
        security,
        operations,
        types: lowerer.types.into_values().collect(),
    };
    Ok(Lowered {
        api,
        warnings: diagnostics,
    })
}

/// State shared by the lowering passes.
struct Lowerer<'a> {
    resolver: Resolver<'a>,
    /// Every type defined so far, by Rust name (which orders the output).
    types: BTreeMap<String, TypeDef>,
    /// The type namespace: component schemas first, then inline schemas as they are met.
    type_names: NameScope,
    /// Component schema name to Rust type name.
    component_types: HashMap<String, String>,
    /// Inline schemas already lowered, by location, so a shared component parameter or response
    /// defines its inline types once however many operations use it.
    inline_types: HashMap<JsonPointer, TypeRef>,
    /// Names under `components.securitySchemes`, which `security` lists must use.
    declared_schemes: Vec<String>,
    /// The declared schemes the client cannot perform (known once the schemes are lowered).
    unperformable_schemes: Vec<String>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Lowerer<'a> {
    fn new(document: &'a OpenAPI) -> Self {
        Lowerer {
            resolver: Resolver::new(document.components.as_ref()),
            types: BTreeMap::new(),
            type_names: NameScope::new("schemas"),
            component_types: HashMap::new(),
            inline_types: HashMap::new(),
            declared_schemes: document
                .components
                .iter()
                .flat_map(|c| c.security_schemes.keys().cloned())
                .collect(),
            unperformable_schemes: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn report(&mut self, at: &JsonPointer, problem: Problem) {
        self.diagnostics.push(Diagnostic::at(at, problem));
    }

    /// Records something the model will not represent exactly; generation goes on.
    fn warn(&mut self, at: &JsonPointer, problem: Problem) {
        self.diagnostics.push(Diagnostic::warning(at, problem));
    }

    /// Keeps a located error and carries on with `fallback`.
    fn recover<T>(&mut self, result: Result<T, Diagnostic>, fallback: T) -> T {
        result.unwrap_or_else(|diagnostic| {
            self.diagnostics.push(diagnostic);
            fallback
        })
    }
}
