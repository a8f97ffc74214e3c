//! Operations without tags are grouped by the resource their path names, one feature and one
//! module each, instead of all landing in one `untagged` module (a large untagged API made a
//! 48,000-line file of it).

use integration_tests::regeneration::generate_files;

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
    let files = generate_files(SPEC);
    let paths: Vec<&str> = files
        .keys()
        .map(String::as_str)
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
    let manifest = &files["Cargo.toml"];
    for feature in ["untagged-users = [", "untagged-orders = [", "untagged = ["] {
        assert!(manifest.contains(feature), "{feature}\n{manifest}");
    }
}
