//! Following local `$ref`s to the components they name.
//!
//! A component may itself be a `$ref` to another component; chains are followed to the
//! definition, and a chain that returns to a reference it already passed is reported as a cycle
//! (it has no definition anywhere). Schema references are *not* followed here when building types:
//! the model keeps them as names, which is what lets recursive schemas work.

use indexmap::IndexMap;
use openapiv3::{Components, Header, Parameter, ReferenceOr, RequestBody, Response, Schema};

use crate::diagnostics::{Diagnostic, JsonPointer, Problem};

/// A kind of reusable component.
pub trait Component: Sized {
    /// The key under `components`.
    const SECTION: &'static str;
    /// The components of this kind.
    fn section(components: &Components) -> &IndexMap<String, ReferenceOr<Self>>;
}

macro_rules! component {
    ($ty:ty, $section:literal, $field:ident) => {
        impl Component for $ty {
            const SECTION: &'static str = $section;
            fn section(components: &Components) -> &IndexMap<String, ReferenceOr<Self>> {
                &components.$field
            }
        }
    };
}

component!(Schema, "schemas", schemas);
component!(Parameter, "parameters", parameters);
component!(Response, "responses", responses);
component!(RequestBody, "requestBodies", request_bodies);
component!(Header, "headers", headers);

/// Resolves references against a document's `components`.
#[derive(Debug, Clone, Copy)]
pub struct Resolver<'a> {
    components: Option<&'a Components>,
}

/// A definition found by following references, and where it is.
pub type Resolved<'a, T> = (&'a T, JsonPointer);

impl<'a> Resolver<'a> {
    /// A resolver for the given components (`None` when the document has none).
    pub fn new(components: Option<&'a Components>) -> Self {
        Resolver { components }
    }

    /// The name a reference gives to a component of kind `T`: `#/components/schemas/Foo` is `Foo`.
    pub fn component_name<T: Component>(reference: &str) -> Result<String, Problem> {
        let unsupported = || Problem::UnsupportedRef {
            target: reference.to_owned(),
            section: T::SECTION,
        };
        let pointer = JsonPointer::from_fragment(reference).ok_or_else(unsupported)?;
        let segments: Vec<String> = pointer.segments().collect();
        match segments.as_slice() {
            [components, section, name] if components == "components" && section == T::SECTION => {
                Ok(name.clone())
            }
            _ => Err(unsupported()),
        }
    }

    /// Follows `item` (a definition, or a chain of references) to its definition.
    ///
    /// `at` is where `item` is; the returned pointer is where the definition is.
    pub fn resolve<T: Component>(
        &self,
        item: &'a ReferenceOr<T>,
        at: &JsonPointer,
    ) -> Result<Resolved<'a, T>, Diagnostic> {
        let mut current = item;
        let mut pointer = at.clone();
        let mut chain: Vec<String> = Vec::new();
        loop {
            match current {
                ReferenceOr::Item(definition) => return Ok((definition, pointer)),
                ReferenceOr::Reference { reference } => {
                    if chain.contains(reference) {
                        chain.push(reference.clone());
                        return Err(Diagnostic::at(at, Problem::RefCycle { chain }));
                    }
                    chain.push(reference.clone());
                    let (next, next_pointer) = self.lookup::<T>(reference, &pointer)?;
                    current = next;
                    pointer = next_pointer;
                }
            }
        }
    }

    /// Resolves a reference string to a schema definition (following alias chains).
    pub fn schema(
        &self,
        reference: &str,
        at: &JsonPointer,
    ) -> Result<Resolved<'a, Schema>, Diagnostic> {
        let (first, pointer) = self.lookup::<Schema>(reference, at)?;
        self.resolve(first, &pointer)
    }

    /// One step: the component a reference names, without following it further.
    fn lookup<T: Component>(
        &self,
        reference: &str,
        at: &JsonPointer,
    ) -> Result<(&'a ReferenceOr<T>, JsonPointer), Diagnostic> {
        let name = Self::component_name::<T>(reference).map_err(|p| Diagnostic::at(at, p))?;
        let found = self
            .components
            .and_then(|components| T::section(components).get(&name));
        match found {
            Some(component) => Ok((
                component,
                JsonPointer::root()
                    .push("components")
                    .push(T::SECTION)
                    .push(&name),
            )),
            None => Err(Diagnostic::at(
                at,
                Problem::MissingRef {
                    target: reference.to_owned(),
                },
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;

    const SPEC: &str = r##"
openapi: 3.0.1
info: {title: t, version: "1"}
paths: {}
components:
  parameters:
    loopA: {$ref: "#/components/parameters/loopB"}
    loopB: {$ref: "#/components/parameters/loopA"}
    alias: {$ref: "#/components/parameters/real"}
    real: {name: real, in: query, schema: {type: string}}
  schemas:
    Node:
      type: object
      properties:
        children: {type: array, items: {$ref: "#/components/schemas/Node"}}
"##;

    fn components() -> Components {
        load(SPEC).unwrap().document.components.unwrap()
    }

    #[test]
    fn follows_chains_to_the_definition() {
        let components = components();
        let resolver = Resolver::new(Some(&components));
        let item = ReferenceOr::<Parameter>::ref_("#/components/parameters/alias");
        let (parameter, pointer) = resolver
            .resolve(&item, &JsonPointer::root().push("x"))
            .unwrap();
        assert_eq!(parameter.parameter_data_ref().name, "real");
        assert_eq!(pointer.to_string(), "#/components/parameters/real");
    }

    #[test]
    fn reports_missing_targets_where_the_ref_is() {
        let components = components();
        let resolver = Resolver::new(Some(&components));
        let item = ReferenceOr::<Parameter>::ref_("#/components/parameters/nope");
        let at = JsonPointer::root().push("paths").push("/a").push("get");
        let error = resolver.resolve(&item, &at).unwrap_err();
        assert_eq!(
            error.to_string(),
            "#/paths/~1a/get: `$ref: #/components/parameters/nope` points to nothing: expected a component at that location"
        );
    }

    #[test]
    fn reports_cycles_through_non_schema_refs() {
        let components = components();
        let resolver = Resolver::new(Some(&components));
        let item = ReferenceOr::<Parameter>::ref_("#/components/parameters/loopA");
        let error = resolver.resolve(&item, &JsonPointer::root()).unwrap_err();
        assert_eq!(
            *error.problem,
            Problem::RefCycle {
                chain: vec![
                    "#/components/parameters/loopA".into(),
                    "#/components/parameters/loopB".into(),
                    "#/components/parameters/loopA".into(),
                ]
            }
        );
    }

    #[test]
    fn recursive_schemas_resolve() {
        let components = components();
        let resolver = Resolver::new(Some(&components));
        let (node, pointer) = resolver
            .schema("#/components/schemas/Node", &JsonPointer::root())
            .unwrap();
        assert_eq!(pointer.to_string(), "#/components/schemas/Node");
        assert!(matches!(
            node.schema_kind,
            openapiv3::SchemaKind::Type(openapiv3::Type::Object(_))
        ));
    }

    #[test]
    fn rejects_refs_outside_components() {
        assert!(matches!(
            Resolver::component_name::<Schema>("other.yaml#/components/schemas/A"),
            Err(Problem::UnsupportedRef { .. })
        ));
        assert!(matches!(
            Resolver::component_name::<Schema>("#/components/parameters/A"),
            Err(Problem::UnsupportedRef {
                section: "schemas",
                ..
            })
        ));
        assert_eq!(
            Resolver::component_name::<Schema>("#/components/schemas/a~1b").unwrap(),
            "a/b"
        );
    }
}
