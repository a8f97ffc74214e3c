//! The whole intermediate model of the committed fragment, as reviewed YAML.

use integration_tests::{fragment_path, full_spec_path};

fn lower(text: &str) -> Result<generator::ir::Api, generator::Diagnostics> {
    let spec = generator::load::load(text)?;
    generator::ir::lower(&spec).map(|lowered| lowered.api)
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
