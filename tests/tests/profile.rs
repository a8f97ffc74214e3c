//! A crate of another API than Atlas gets neutral names: the spec is recognised as Atlas's only
//! from its own marks (dated `vnd.atlas` media types, `x-xgen-*`, a server on `mongodb.com`).

use integration_tests::regeneration::{generate_files as generate, Files};

fn contents<'f>(files: &'f Files, path: &str) -> &'f str {
    &files[path]
}

const PETS: &str = r#"
openapi: 3.0.1
info: {title: Pets, version: "1"}
servers: [{url: "https://pets.example.com"}]
paths:
  /pets:
    get:
      operationId: listPets
      tags: [Pets]
      deprecated: true
      responses: {"200": {description: OK}}
"#;

#[test]
fn another_api_gets_neutral_names() {
    let files = generate(PETS);
    let operations = contents(&files, "src/operations/pets.rs");
    assert!(operations.contains("deprecated by the API"), "{operations}");
    assert!(!operations.contains("Atlas"), "{operations}");
    let mock = contents(&files, "src/mock/mod.rs");
    assert!(mock.contains("pub struct MockApi"), "{mock}");
    assert!(!mock.contains("MockAtlas"), "{mock}");
}

#[test]
fn atlas_is_recognised_from_its_server() {
    let atlas = PETS.replace("https://pets.example.com", "https://cloud.mongodb.com");
    let files = generate(&atlas);
    let operations = contents(&files, "src/operations/pets.rs");
    assert!(operations.contains("deprecated by Atlas"), "{operations}");
    assert!(contents(&files, "src/mock/mod.rs").contains("pub struct MockAtlas"));
}

/// Without servers, another API's client has no default host (a client needs one given, and
/// nothing goes to a host the spec did not name); an Atlas spec's goes to Atlas.
#[test]
fn without_servers_only_atlas_has_a_default_host() {
    let none = PETS.replace("servers: [{url: \"https://pets.example.com\"}]\n", "");
    let files = generate(&none);
    let client = contents(&files, "src/client.rs");
    assert!(
        client.contains(r#"DEFAULT_BASE_URL: &'static str = "";"#),
        "{client}"
    );
    let atlas = none.replace(
        "responses:",
        "x-xgen-docs-url: https://www.mongodb.com/docs\n      responses:",
    );
    let files = generate(&atlas);
    let client = contents(&files, "src/client.rs");
    assert!(
        client.contains(r#"DEFAULT_BASE_URL: &'static str = "https://cloud.mongodb.com";"#),
        "{client}"
    );
}

/// Another API's credentials are read from variables under the crate's own prefix, one kind per
/// security scheme in the spec's (name) order; two schemes wanting the same variable are told
/// apart by the later scheme's name. Atlas's Digest and OAuth schemes keep the Atlas CLI's names.
#[test]
fn each_scheme_reads_variables_under_the_crates_prefix() {
    let spec = format!(
        "{PETS}components:\n  securitySchemes:\n    \
         basic: {{type: http, scheme: basic}}\n    \
         digest: {{type: http, scheme: digest}}\n    \
         token: {{type: http, scheme: bearer}}\n    \
         apiKey: {{type: apiKey, in: header, name: X-Key}}\n"
    );
    let files = generate(&spec);
    let client = contents(&files, "src/client.rs");
    let prefix = client.split("prefix: \"").nth(1).unwrap_or_default();
    let prefix = prefix.split('"').next().unwrap_or_default();
    assert!(
        prefix.ends_with('_') && !prefix.contains("ATLAS"),
        "{client}"
    );
    for variable in [
        "API_KEY",
        "USERNAME",
        "PASSWORD",
        "DIGEST_USERNAME",
        "DIGEST_PASSWORD",
        "TOKEN",
    ] {
        assert!(
            client.contains(&format!("\"{prefix}{variable}\"")),
            "{variable}: {client}"
        );
    }
    assert!(client.contains("name: \"X-Key\""), "{client}");
    assert!(client.contains("atlas_cli_profiles: false"), "{client}");
    assert!(!client.contains("MONGODB_ATLAS"), "{client}");

    let atlas = spec.replace("https://pets.example.com", "https://cloud.mongodb.com");
    let client = contents(&generate(&atlas), "src/client.rs").to_owned();
    for variable in [
        "CLIENT_ID",
        "CLIENT_SECRET",
        "PUBLIC_API_KEY",
        "PRIVATE_API_KEY",
    ] {
        assert!(
            client.contains(&format!("\"MONGODB_ATLAS_{variable}\"")),
            "{client}"
        );
    }
    assert!(client.contains("atlas_cli_profiles: true"), "{client}");
}

/// A multipart upload whose operation is renamed keeps its old form type as a deprecated alias
/// for one regeneration, as other renamed types do: `API.md` lists form types and their parts.
#[test]
fn a_renamed_uploads_form_type_keeps_its_old_name() {
    let spec = |operation_id: &str| {
        format!(
            "openapi: 3.0.1\ninfo: {{title: Files, version: \"1\"}}\n\
             servers: [{{url: \"https://files.example.com\"}}]\npaths:\n  /files:\n    post:\n      \
             operationId: {operation_id}\n      tags: [Files]\n      requestBody:\n        \
             required: true\n        content:\n          multipart/form-data:\n            \
             schema:\n              type: object\n              required: [file]\n              \
             properties:\n                file: {{type: string, format: binary}}\n      \
             responses: {{\"204\": {{description: Stored}}}}\n"
        )
    };
    let before = generate(&spec("uploadFile"));
    let api = contents(&before, "API.md");
    assert!(
        api.contains("- `UploadFileForm.file`: `FilePart` part `file` required"),
        "{api}"
    );
    let after =
        integration_tests::regeneration::generate_files_after(&spec("storeFile"), Some(api));
    let operations = contents(&after, "src/operations/files.rs");
    assert!(
        operations.contains("pub struct StoreFileForm"),
        "{operations}"
    );
    assert!(
        operations.contains("pub type UploadFileForm = StoreFileForm;"),
        "{operations}"
    );
    assert!(
        operations.contains("renamed to `StoreFileForm`"),
        "{operations}"
    );
}
