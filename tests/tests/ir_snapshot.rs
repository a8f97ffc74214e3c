//! The whole intermediate model of the committed fragment, as reviewed YAML.

use integration_tests::{fragment_path, full_spec_path};

fn lower(text: &str) -> Result<generator::ir::Api, generator::Diagnostics> {
    let spec = generator::load::load(text)?;
    generator::lower::lower(&spec).map(|lowered| lowered.api)
}

#[test]
fn fragment_ir() {
    let text = std::fs::read_to_string(fragment_path()).unwrap();
    let api = lower(&text).unwrap();
    insta::assert_yaml_snapshot!(api);
}

#[test]
fn download_operation_has_what_the_spec_says() {
    let text = std::fs::read_to_string(fragment_path()).unwrap();
    let api = lower(&text).unwrap();
    let download = api
        .operations
        .iter()
        .find(|o| o.operation_id == "downloadGroupClusterBackupTenant")
        .unwrap();
    assert_eq!(download.method, generator::ir::HttpMethod::Post);
    assert_eq!(download.parameters.len(), 4);
    let body = download.request_body.as_ref().unwrap();
    assert_eq!(
        body.contents[0].media_type.raw,
        "application/vnd.atlas.2023-01-01+json"
    );
    assert_eq!(
        download.success[0].contents[0].sunset.unwrap().to_string(),
        "2026-01-22"
    );
    assert_eq!(download.errors.len(), 7);
    assert_eq!(api.security_schemes.len(), 2);
}

#[test]
fn full_spec_lowers() {
    let Some(full) = full_spec_path("full_spec_lowers") else {
        return;
    };
    let text = std::fs::read_to_string(full).unwrap();
    let api = lower(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(api.operations.len(), 504);
}

/// OpenAPI lets an operation override a path-level parameter with the same name and location:
/// the operation's definition wins, in the path-level one's place, and nothing is reported.
#[test]
fn operation_parameters_override_path_level_ones() {
    let text = r#"
openapi: 3.0.1
info: {title: Override, version: "1"}
paths:
  /things/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer}}
    get:
      operationId: getThing
      parameters:
        - {name: limit, in: query, schema: {type: integer, maximum: 10}}
        - {name: X-Limit, in: header, schema: {type: string}}
      responses:
        "200": {description: ok}
"#;
    let spec = generator::load::load(text).unwrap();
    let lowered = generator::lower::lower(&spec).unwrap();
    assert!(lowered.warnings.0.is_empty(), "{}", lowered.warnings);
    let parameters: Vec<(&str, &str, Option<f64>)> = lowered.api.operations[0]
        .parameters
        .iter()
        .map(|p| (p.name.as_str(), p.location.as_str(), p.constraints.maximum))
        .collect();
    assert_eq!(
        parameters,
        [
            ("id", "path", None),
            ("limit", "query", Some(10.0)),
            ("X-Limit", "header", None)
        ]
    );
}

/// `additionalProperties: true` beside properties keeps the extra properties (as JSON values)
/// instead of dropping them on decode.
#[test]
fn additional_properties_true_beside_properties_are_kept() {
    let text = r#"
openapi: 3.0.1
info: {title: Open, version: "1"}
paths: {}
components:
  schemas:
    Open:
      type: object
      additionalProperties: true
      properties:
        name: {type: string}
"#;
    let spec = generator::load::load(text).unwrap();
    let api = generator::lower::lower(&spec).unwrap().api;
    let generator::ir::TypeKind::Struct {
        additional_properties,
        ..
    } = &api.types[0].kind
    else {
        panic!("{:?}", api.types[0]);
    };
    assert_eq!(additional_properties, &Some(generator::ir::TypeRef::Any));
}

/// Undiscriminated unions of objects are decided in the model: discriminated by an inferred tag,
/// one struct of every field, or (told apart by required properties) an untagged enum.
#[test]
fn ambiguous_unions_are_decided_in_the_model() {
    use generator::ir::{TypeKind, Variant};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/constructs.yaml");
    let api = lower(&std::fs::read_to_string(path).unwrap()).unwrap();
    let kind = |name: &str| &api.types.iter().find(|t| t.rust_name == name).unwrap().kind;
    let TypeKind::OneOf {
        variants,
        discriminator: Some(discriminator),
    } = kind("Notification")
    else {
        panic!("Notification: {:?}", kind("Notification"));
    };
    assert_eq!(
        (discriminator.property.as_str(), discriminator.inferred),
        ("typeName", true)
    );
    let tags: Vec<&[String]> = variants.iter().map(|v: &Variant| &v.tags[..]).collect();
    assert_eq!(
        tags,
        [
            &["EMAIL"][..],
            &["WEBHOOK", "WEBHOOK_V2"],
            &["PAGER", "PHONE", "PIGEON"]
        ]
    );
    assert!(matches!(
        kind("Endpoint"),
        TypeKind::Struct {
            one_of: Some(_),
            ..
        }
    ));
    assert!(matches!(
        kind("Shape"),
        TypeKind::OneOf {
            discriminator: None,
            ..
        }
    ));
}
