//! Inheritance-style polymorphism made explicit. A schema with a `discriminator` whose
//! `mapping` names its subtypes, but no `oneOf`, is a base type: OpenAPI's inheritance
//! pattern, where each subtype is another schema (usually an `allOf` of the base and its own
//! properties). Atlas has about twenty (`ClusterSearchIndex`, `EndpointService`,
//! `DiskBackupSnapshot`, `CriteriaView`, ...). Read as written, the base is a struct of its own
//! properties only, and every answer loses its subtype's fields (a search index's `mappings`,
//! an online archive's `dateField`). Here such a base gains a `oneOf` of its mapping's targets,
//! so lowering reads it as Atlas's other base types (`OnlineArchiveSchedule`): a union tagged
//! by the discriminator, whose alternatives repeat the base's fields through their `allOf`.

use openapiv3::{AnySchema, OpenAPI, ReferenceOr, SchemaKind, Type};

const COMPONENT_PREFIX: &str = "#/components/schemas/";

/// Adds the `oneOf` of its mapped subtypes to every base type of `document`.
pub fn make_unions_of_bases(document: &mut OpenAPI) {
    let Some(components) = document.components.as_mut() else {
        return;
    };
    for (name, schema) in components.schemas.iter_mut() {
        let ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let Some(discriminator) = &schema.schema_data.discriminator else {
            continue;
        };
        let own = format!("{COMPONENT_PREFIX}{name}");
        let mut subtypes: Vec<String> = Vec::new();
        for target in discriminator.mapping.values() {
            if *target != own && !subtypes.contains(target) {
                subtypes.push(target.clone());
            }
        }
        if subtypes.is_empty() {
            continue;
        }
        let one_of = subtypes
            .into_iter()
            .map(|reference| ReferenceOr::Reference { reference })
            .collect();
        schema.schema_kind = match std::mem::replace(&mut schema.schema_kind, placeholder()) {
            SchemaKind::Type(Type::Object(object)) => SchemaKind::Any(AnySchema {
                typ: Some("object".to_owned()),
                properties: object.properties,
                required: object.required,
                additional_properties: object.additional_properties,
                min_properties: object.min_properties,
                max_properties: object.max_properties,
                one_of,
                ..AnySchema::default()
            }),
            SchemaKind::Any(any) if any.one_of.is_empty() && any.any_of.is_empty() => {
                SchemaKind::Any(AnySchema { one_of, ..any })
            }
            // Already a union, or not an object: left as the spec wrote it.
            other => other,
        };
    }
}

fn placeholder() -> SchemaKind {
    SchemaKind::Any(AnySchema::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_with_a_mapping_becomes_a_union_of_its_subtypes() {
        let mut document: OpenAPI = serde_yaml::from_str(
            r##"
openapi: 3.0.1
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Base:
      type: object
      discriminator:
        propertyName: type
        mapping: {a: "#/components/schemas/A", b: "#/components/schemas/B", c: "#/components/schemas/A", self: "#/components/schemas/Base"}
      properties: {type: {type: string}}
    A: {allOf: [{$ref: "#/components/schemas/Base"}, {type: object, properties: {x: {type: string}}}]}
    B: {allOf: [{$ref: "#/components/schemas/Base"}]}
"##,
        )
        .unwrap();
        make_unions_of_bases(&mut document);
        let schemas = &document.components.unwrap().schemas;
        let ReferenceOr::Item(base) = &schemas["Base"] else {
            panic!("Base is a schema")
        };
        let SchemaKind::Any(any) = &base.schema_kind else {
            panic!("Base became {:?}", base.schema_kind)
        };
        let alternatives: Vec<&str> = any
            .one_of
            .iter()
            .map(|r| match r {
                ReferenceOr::Reference { reference } => reference.as_str(),
                ReferenceOr::Item(_) => panic!("a reference"),
            })
            .collect();
        assert_eq!(
            alternatives,
            ["#/components/schemas/A", "#/components/schemas/B"]
        );
        assert!(any.properties.contains_key("type"));
    }
}
