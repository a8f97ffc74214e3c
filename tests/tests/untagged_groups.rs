//! Operations without tags are grouped by the resource their path names, one feature and one
//! module each, instead of all landing in one `untagged` module (a large untagged API made a
//! 48,000-line file of it).

use generator::{EmitConfig, RuntimeSource};

const SPEC: &str = r#"
openapi: 3.0.1
info: {title: Untagged, version: "1"}
paths:
  /api/v1/users:
    get:
      operationId: listUsers
      responses: {"200": {description: OK}}
  /api/v1/users/{id}:
    get:
      operationId: getUser
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: OK}}
  /v2/orders:
    post:
      operationId: createOrder
      responses: {"204": {description: Created}}
  /{tenant}/things:
    get:
      operationId: listThings
      parameters: [{name: tenant, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: OK}}
  /tagged:
    get:
      operationId: tagged
      tags: [Tagged]
      responses: {"200": {description: OK}}
"#;

#[test]
fn untagged_operations_are_grouped_by_the_resource_of_their_path() {
    let config = EmitConfig {
        crate_name: "untagged".into(),
        crate_version: "0.1.0".into(),
        spec_label: "untagged.yaml".into(),
        spec_sha256: generator::sha256_hex(SPEC.as_bytes()),
        runtime: RuntimeSource::Copied,
        previous_api: None,
        as_of: None,
    };
    let generation = generator::generate(SPEC, &config).unwrap();
    let paths: Vec<&str> = generation
        .files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| p.starts_with("src/operations/") && *p != "src/operations/mod.rs")
        .collect();
    assert_eq!(
        paths,
        [
            "src/operations/tagged.rs",
            "src/operations/untagged.rs",
            "src/operations/untagged_orders.rs",
            "src/operations/untagged_users.rs",
        ]
    );
    let manifest = &generation
        .files
        .iter()
        .find(|f| f.path == "Cargo.toml")
        .unwrap();
    for feature in ["untagged-users = [", "untagged-orders = [", "untagged = ["] {
        assert!(
            manifest.contents.contains(feature),
            "{feature}\n{}",
            manifest.contents
        );
    }
}
