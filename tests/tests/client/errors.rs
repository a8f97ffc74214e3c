//! Error responses: every status the spec declares decodes into the typed API error, whatever the
//! content type; bodies that are not Atlas errors give a decode error with the status and a snippet.

use atlas_admin::params::{ClusterName, GroupId};
use atlas_admin::Error;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{client, GROUP_ID};

async fn list_answered_with(template: ResponseTemplate) -> Error {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(template)
        .mount(&server)
        .await;
    client(&server)
        .list_group_cluster_backup_tenant_snapshots(
            GroupId::new(GROUP_ID).unwrap(),
            ClusterName::new("Cluster0").unwrap(),
        )
        .send()
        .await
        .unwrap_err()
}

#[tokio::test]
async fn every_declared_status_decodes_with_its_error_code() {
    let cases = [
        (400, "VALIDATION_ERROR"),
        (401, "NOT_ORG_GROUP_CREATOR"),
        (403, "CANNOT_CHANGE_GROUP_NAME"),
        (404, "RESOURCE_NOT_FOUND"),
        (
            409,
            "CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK",
        ),
        (429, "RATE_LIMITED"),
        (500, "UNEXPECTED_ERROR"),
    ];
    for (status, code) in cases {
        let body = serde_json::json!({
            "error": status,
            "errorCode": code,
            "detail": "(This is just an example)",
            "reason": "Reason"
        });
        // Atlas sends errors as plain application/json, not as the versioned type of the success.
        let error = list_answered_with(
            ResponseTemplate::new(status)
                .insert_header("content-type", "application/json")
                .insert_header("RateLimit-Remaining", "0")
                .set_body_json(body),
        )
        .await;
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(error.error_code(), Some(code), "status {status}");
        assert_eq!(error.detail(), Some("(This is just an example)"));
        let failure = error.api_failure().unwrap();
        assert_eq!(failure.body().error, i32::from(status));
        assert_eq!(failure.rate_limit().remaining, Some(0));
        assert_eq!(
            error.to_string(),
            format!(
                "Atlas answered HTTP {}: {code}: (This is just an example)",
                failure.status()
            )
        );
    }
}

#[tokio::test]
async fn bad_request_keeps_the_field_violations() {
    let error = list_answered_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
        "error": 400,
        "errorCode": "INVALID_ATTRIBUTE",
        "badRequestDetail": {"fields": [{"field": "clusterName", "description": "must not be blank"}]}
    })))
    .await;
    let fields = error
        .api_failure()
        .unwrap()
        .body()
        .bad_request_detail
        .as_ref()
        .unwrap()
        .fields
        .clone();
    let fields = fields.unwrap();
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].field, "clusterName");
    assert_eq!(fields[0].description, "must not be blank");
}

#[tokio::test]
async fn a_proxy_page_is_a_decode_error_with_a_snippet() {
    let html = format!(
        "<html><body><h1>502 Bad Gateway</h1>{}</body></html>",
        "x".repeat(4000)
    );
    let error = list_answered_with(
        ResponseTemplate::new(502)
            .insert_header("content-type", "text/html")
            .set_body_string(html),
    )
    .await;
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(decode.status, 502);
    assert!(decode
        .snippet
        .starts_with("<html><body><h1>502 Bad Gateway</h1>"));
    assert!(
        decode.snippet.len() < 600,
        "the snippet is bounded: {} bytes",
        decode.snippet.len()
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(error.error_code(), None);
}

#[tokio::test]
async fn a_success_with_the_wrong_shape_is_a_decode_error() {
    let error =
        list_answered_with(ResponseTemplate::new(200).set_body_string("{\"results\": 7}")).await;
    assert!(
        matches!(&error, Error::Decode(d) if d.status == 200 && d.snippet == "{\"results\": 7}"),
        "{error:?}"
    );
}
