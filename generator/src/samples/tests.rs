//! Unit tests of the sample builder on a spec small enough to read in one screen.

use serde_json::json;

use super::{samples, Sample};
use crate::plan::View;

const SPEC: &str = r##"
openapi: 3.0.1
info: {title: Samples, version: "1"}
paths:
  /pets:
    post:
      operationId: createPet
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
  /tanks:
    post:
      operationId: createTank
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Tank"}
      responses:
        "204": {description: Created}
  /animals:
    get:
      operationId: getAnimal
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Animal"}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        id: {type: string, readOnly: true, pattern: "^([a-f0-9]{24})$"}
        name: {type: string, example: Rex}
        secret: {type: string, writeOnly: true}
        size: {type: string, enum: [S, M, L], example: M}
        born: {type: string, format: date-time, example: "2020-01-02T03:04:05.000Z"}
        weight: {type: number, format: float, minimum: 0, maximum: 100}
        tags: {type: array, items: {type: string}, example: [a, b]}
        labels: {type: object, additionalProperties: {type: integer, format: int32}}
        parent: {$ref: "#/components/schemas/Pet"}
        hardware: {$ref: "#/components/schemas/Hardware"}
    Hardware:
      type: object
      properties:
        nodeCount: {type: integer, format: int32}
      oneOf:
        - $ref: "#/components/schemas/Dedicated"
        - $ref: "#/components/schemas/Shared"
    Dedicated:
      type: object
      properties:
        instanceSize: {type: string, enum: [M10, M20]}
        diskIOPS: {type: integer, format: int32, readOnly: true}
    Shared:
      type: object
      properties:
        instanceSize: {type: string, enum: [M0]}
    Animal:
      oneOf:
        - $ref: "#/components/schemas/Cat"
        - $ref: "#/components/schemas/Dog"
      discriminator:
        propertyName: kind
        mapping: {cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog"}
    Cat:
      type: object
      properties:
        kind: {type: string}
        lives: {type: integer}
    Tank:
      oneOf:
        - $ref: "#/components/schemas/Fish"
        - $ref: "#/components/schemas/Frog"
      discriminator: {propertyName: kind}
    Fish:
      type: object
      properties:
        kind: {type: string, readOnly: true}
        fins: {type: integer, format: int32}
    Frog:
      type: object
      properties:
        kind: {type: string, readOnly: true}
    Dog:
      type: object
      properties:
        kind: {type: string}
        good: {type: boolean}
"##;

fn all() -> Vec<Sample> {
    let spec = crate::load::load(SPEC).unwrap();
    let api = crate::lower::lower(&spec).unwrap().api;
    samples(&spec, &api)
}

fn find(name: &str) -> Sample {
    all()
        .into_iter()
        .find(|s| s.rust_name == name)
        .unwrap_or_else(|| panic!("no sample for {name}"))
}

#[test]
fn each_view_leaves_out_what_the_other_side_sends() {
    let response = find("Pet");
    assert_eq!(response.view, View::Response);
    let json = &response.instances[0].json;
    assert!(
        json.get("id").is_some() && json.get("secret").is_none(),
        "{json}"
    );
    let request = find("request::Pet");
    assert_eq!(request.view, View::Request);
    let json = &request.instances[0].json;
    assert!(
        json.get("id").is_none() && json.get("secret").is_some(),
        "{json}"
    );
}

#[test]
fn every_property_is_present_with_examples_where_they_fit() {
    let json = find("Pet").instances[0].json.clone();
    assert_eq!(json["name"], json!("Rex"));
    assert_eq!(json["size"], json!("M"));
    assert_eq!(json["born"], json!("2020-01-02T03:04:05.000Z"));
    assert_eq!(json["weight"], json!(100.0));
    assert_eq!(json["tags"], json!(["a", "b"]));
    assert_eq!(json["labels"], json!({"key": 123456}));
    assert_eq!(json["id"].as_str().unwrap().len(), 24);
}

#[test]
fn recursion_stops_at_the_first_repeat() {
    let json = find("Pet").instances[0].json.clone();
    assert!(json.get("parent").is_none(), "{json}");
}

#[test]
fn a_union_gets_one_instance_per_alternative_with_its_tag() {
    let animal = find("Animal");
    let cases: Vec<(&str, &serde_json::Value)> = animal
        .instances
        .iter()
        .map(|i| (i.case.as_str(), &i.json))
        .collect();
    assert_eq!(
        cases,
        [
            (
                "alternative Cat",
                &json!({"kind": "cat", "lives": 4_294_967_297_i64})
            ),
            ("alternative Dog", &json!({"kind": "dog", "good": true})),
        ]
    );
}

#[test]
fn samples_are_the_same_every_run() {
    assert_eq!(all(), all());
}

#[test]
fn a_union_beside_properties_is_sampled_one_alternative_at_a_time() {
    let hardware: Vec<serde_json::Value> = find("Hardware")
        .instances
        .into_iter()
        .map(|i| i.json)
        .collect();
    // One instance per alternative, each with the schema's own properties and that
    // alternative's, with the values it allows (`M0` only in `Shared`), as Atlas would send them.
    assert_eq!(
        hardware,
        [
            json!({"nodeCount": 123456, "instanceSize": "M10", "diskIOPS": 123456}),
            json!({"nodeCount": 123456, "instanceSize": "M0"}),
        ]
    );
    let request = find("request::Pet").instances[0].json.clone();
    assert_eq!(
        request["hardware"],
        json!({"nodeCount": 123456, "instanceSize": "M10"}),
        "readOnly properties of the alternatives stay out of requests"
    );
}

#[test]
fn a_read_only_tag_is_left_out_of_requests() {
    let tank = find("Tank");
    assert_eq!(tank.view, View::Request);
    let json: Vec<&serde_json::Value> = tank.instances.iter().map(|i| &i.json).collect();
    assert_eq!(json, [&json!({"fins": 123456}), &json!({})]);
}
