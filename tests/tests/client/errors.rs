//! Error responses: whatever Atlas (or a proxy in front of it) sends, the error says exactly
//! that: the right variant, the call it answered (operation, method, path template), the
//! status, the headers and the whole body, up to the configured limit. `Display` of each kind
//! is snapshotted, so that a change of wording is reviewed as a person would read it.

use atlas_admin::params::{ClusterName, GroupId};
use atlas_admin::types::{request, ApiError};
use atlas_admin::{Client, Error};
use wiremock::matchers::{header, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{client, config, restore_json, GROUP_ID, SNAPSHOT_ID};

/// (operationId, method, path template) of the two calls these tests make.
type Call = (&'static str, &'static str, &'static str);

const LIST: Call = (
    "listGroupClusterBackupTenantSnapshots",
    "GET",
    "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/snapshots",
);
const DOWNLOAD: Call = (
    "downloadGroupClusterBackupTenant",
    "POST",
    "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download",
);

fn ids() -> (GroupId, ClusterName) {
    (
        GroupId::new(GROUP_ID).unwrap(),
        ClusterName::new("Cluster0").unwrap(),
    )
}

async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

async fn list_with(client: &Client) -> Error {
    let (group, cluster) = ids();
    client
        .list_group_cluster_backup_tenant_snapshots(group, cluster)
        .send()
        .await
        .unwrap_err()
}

async fn list_answered_with(template: ResponseTemplate) -> Error {
    list_with(&client(&server_answering(template).await)).await
}

async fn download_answered_with(template: ResponseTemplate) -> Error {
    let server = server_answering(template).await;
    let (group, cluster) = ids();
    let body = request::TenantRestore::new(SNAPSHOT_ID.into(), "Cluster0".into());
    client(&server)
        .download_group_cluster_backup_tenant(group, cluster, body)
        .send()
        .await
        .unwrap_err()
}

/// The error names the call and keeps the status and every byte of the body.
fn assert_keeps(error: &Error, (operation, method, template): Call, status: u16, body: &[u8]) {
    let response = error.response().expect("the error keeps the response");
    assert_eq!(response.call().operation_id, operation);
    assert_eq!(response.call().method.as_str(), method);
    assert_eq!(response.call().path_template, template);
    assert_eq!(response.status().as_u16(), status);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
    assert_eq!(
        String::from_utf8_lossy(response.body()),
        String::from_utf8_lossy(body)
    );
    assert_eq!(response.body_len(), body.len());
    assert!(!response.is_truncated());
}

fn json_error(status: u16, body: &serde_json::Value) -> ResponseTemplate {
    // Atlas sends errors as plain application/json, not as the versioned type of the success.
    ResponseTemplate::new(status)
        .insert_header("content-type", "application/json")
        .set_body_json(body)
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
        let error =
            list_answered_with(json_error(status, &body).insert_header("RateLimit-Remaining", "0"))
                .await;
        assert_keeps(&error, LIST, status, &serde_json::to_vec(&body).unwrap());
        assert_eq!(error.error_code(), Some(code), "status {status}");
        assert_eq!(error.detail(), Some("(This is just an example)"));
        assert_eq!(error.rate_limit().unwrap().remaining, Some(0));
        let failure = error.api_failure().unwrap();
        assert_eq!(failure.body().error, Some(i64::from(status)));
        assert_eq!(failure.rate_limit().remaining, Some(0));
        // A document that matches the spec still decodes into the spec's type, on request.
        assert_eq!(
            failure
                .decode_body::<ApiError>()
                .unwrap()
                .error_code
                .as_deref(),
            Some(code)
        );
        assert_eq!(
            error.to_string(),
            format!(
                "listGroupClusterBackupTenantSnapshots (GET {}): Atlas answered HTTP {}: {code}: \
                 (This is just an example)",
                LIST.2,
                failure.status()
            )
        );
    }
}

#[tokio::test]
async fn bad_request_keeps_the_field_violations() {
    let error = list_answered_with(json_error(
        400,
        &serde_json::json!({
            "error": 400,
            "errorCode": "INVALID_ATTRIBUTE",
            "badRequestDetail": {"fields": [{"field": "clusterName", "description": "must not be blank"}]}
        }),
    ))
    .await;
    let failure = error.api_failure().unwrap();
    assert_eq!(
        failure.body().field_violations(),
        vec![("clusterName", "must not be blank")]
    );
}

/// What Atlas really sends for an unknown cluster: `parameters` holds strings, where the spec
/// says objects. It used to be a decode error without its `errorCode`.
#[tokio::test]
async fn string_parameters_are_an_api_error_with_its_code() {
    let body = serde_json::json!({
        "detail": format!("No cluster named Cluster0 exists in group {GROUP_ID}."),
        "error": 404,
        "errorCode": "CLUSTER_NOT_FOUND",
        "parameters": ["Cluster0", GROUP_ID],
        "reason": "Not Found"
    });
    let error = list_answered_with(json_error(404, &body)).await;
    let Error::Api(failure) = &error else {
        panic!("expected an API error, got {error:?}");
    };
    assert_keeps(&error, LIST, 404, &serde_json::to_vec(&body).unwrap());
    assert_eq!(error.error_code(), Some("CLUSTER_NOT_FOUND"));
    assert_eq!(error.reason(), Some("Not Found"));
    assert_eq!(
        failure.body().parameters,
        Some(serde_json::json!(["Cluster0", GROUP_ID]))
    );
    assert_eq!(serde_json::to_value(failure.body()).unwrap(), body);
    insta::assert_snapshot!("api_error_string_parameters", error.to_string());
}

#[tokio::test]
async fn unknown_fields_and_unexpected_types_are_kept() {
    let body = serde_json::json!({
        "error": 409,
        "errorCode": 1234,
        "detail": null,
        "reason": "Conflict",
        "parameters": {"cluster": "Cluster0"},
        "helpUrl": "https://www.mongodb.com/docs/atlas/",
        "nested": {"deep": [1, 2, {"three": true}]}
    });
    let error = list_answered_with(json_error(409, &body)).await;
    let failure = error
        .api_failure()
        .expect("any JSON object is an error document");
    assert_keeps(&error, LIST, 409, &serde_json::to_vec(&body).unwrap());
    let document = failure.body();
    // A code that is not a string is not a code, but it is not lost either.
    assert_eq!(document.error_code, None);
    assert_eq!(document.other["errorCode"], 1234);
    assert_eq!(document.other["detail"], serde_json::Value::Null);
    assert_eq!(
        document.other["helpUrl"],
        "https://www.mongodb.com/docs/atlas/"
    );
    // Re-encoding gives back exactly what was sent.
    assert_eq!(document.to_json(), body);
    assert_eq!(serde_json::to_value(document).unwrap(), body);
    insta::assert_snapshot!("api_error_unknown_fields", error.to_string());
}

#[tokio::test]
async fn an_empty_error_body_is_an_http_error() {
    let error = list_answered_with(ResponseTemplate::new(503)).await;
    let Error::Http(failure) = &error else {
        panic!("expected an HTTP error, got {error:?}");
    };
    assert_keeps(&error, LIST, 503, b"");
    assert_eq!(failure.body_text(), "");
    assert_eq!(error.error_code(), None);
    insta::assert_snapshot!("http_error_empty_body", error.to_string());
}

#[tokio::test]
async fn an_html_502_is_an_http_error_with_the_whole_page() {
    let html = format!(
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad \
         Gateway</h1></center>\r\n{}</body>\r\n</html>\r\n",
        "<!-- padding -->\r\n".repeat(300)
    );
    let error =
        list_answered_with(ResponseTemplate::new(502).set_body_raw(html.clone(), "text/html"))
            .await;
    let Error::Http(failure) = &error else {
        panic!("expected an HTTP error, got {error:?}");
    };
    assert_keeps(&error, LIST, 502, html.as_bytes());
    assert_eq!(failure.body_text(), html);
    assert_eq!(failure.response().content_type(), Some("text/html"));
    insta::assert_snapshot!("http_error_html_502", error.to_string());
}

/// The POST took effect, so what Atlas answered must not be lost with the decode error: the
/// whole body is kept (far beyond the old 512-byte snippet), though `Display` quotes none of it.
#[tokio::test]
async fn a_success_missing_a_required_field_decodes_and_keeps_everything() {
    // Atlas does not keep its `required` promises in answers: a restore job without its
    // `snapshotId` is still the restore job, and nothing in it may be lost or invented.
    let mut restore = restore_json();
    restore.as_object_mut().unwrap().remove("snapshotId");
    restore["description"] = serde_json::Value::from("a field the spec does not declare");
    let server = server_answering(
        ResponseTemplate::new(200)
            .insert_header("content-type", "application/vnd.atlas.2023-01-01+json")
            .set_body_json(&restore),
    )
    .await;
    let (group, cluster) = ids();
    let body = request::TenantRestore::new(SNAPSHOT_ID.into(), "Cluster0".into());
    let answer = client(&server)
        .download_group_cluster_backup_tenant(group, cluster, body)
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(answer.snapshot_id, None);
    assert_eq!(
        answer.other.get("description"),
        Some(&restore["description"])
    );
    assert_eq!(serde_json::to_value(&answer).unwrap(), restore);
}

#[tokio::test]
async fn a_success_of_another_json_type_is_a_decode_error_with_the_whole_body() {
    // An object promised, a list sent: no value of the answer's type holds it, so the caller
    // gets every byte in the error instead.
    let body = serde_json::to_vec(&vec![restore_json(); 8]).unwrap();
    assert!(body.len() > 2048);
    let error = download_answered_with(
        ResponseTemplate::new(200)
            .insert_header("content-type", "application/vnd.atlas.2023-01-01+json")
            .set_body_bytes(body.clone()),
    )
    .await;
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_keeps(&error, DOWNLOAD, 200, &body);
    assert_eq!(decode.body(), body.as_slice());
    let message = error.to_string();
    assert!(!message.contains("snapshotUrl"), "{message}");
    insta::assert_snapshot!("decode_error_not_an_object", message);
}

#[tokio::test]
async fn a_success_with_a_field_of_the_wrong_shape_keeps_it() {
    let error =
        list_answered_with(ResponseTemplate::new(200).set_body_string("[{\"results\": 7}]")).await;
    assert!(matches!(&error, Error::Decode(_)), "{error:?}");
    assert_keeps(&error, LIST, 200, b"[{\"results\": 7}]");

    let server =
        server_answering(ResponseTemplate::new(200).set_body_string("{\"results\": 7}")).await;
    let (group, cluster) = ids();
    let page = client(&server)
        .list_group_cluster_backup_tenant_snapshots(group, cluster)
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(page.results, None);
    assert_eq!(page.other.get("results"), Some(&serde_json::json!(7)));
}

#[tokio::test]
async fn error_bodies_are_cut_at_the_configured_limit() {
    let page = format!("<html>{}</html>", "x".repeat(1000));
    let server =
        server_answering(ResponseTemplate::new(500).set_body_raw(page.clone(), "text/html")).await;
    let limited = Client::with_config(config(&server).error_body_limit(64)).unwrap();
    let error = list_with(&limited).await;
    let response = error.response().unwrap();
    assert!(matches!(&error, Error::Http(_)));
    assert!(response.is_truncated());
    assert_eq!(response.body(), &page.as_bytes()[..64]);
    assert_eq!(response.body_len(), page.len());
    let message = error.to_string();
    assert!(
        message.contains("(1,013 bytes of text/html, the first 64 kept in the error)"),
        "{message}"
    );

    // An error document is read whole before the cut, so its code and detail survive it.
    let detail = "d".repeat(500);
    let server = server_answering(json_error(
        404,
        &serde_json::json!({"error": 404, "errorCode": "NOT_FOUND", "detail": detail}),
    ))
    .await;
    let limited = Client::with_config(config(&server).error_body_limit(64)).unwrap();
    let error = list_with(&limited).await;
    assert_eq!(error.error_code(), Some("NOT_FOUND"));
    assert_eq!(error.detail(), Some(detail.as_str()));
    assert!(error.response().unwrap().is_truncated());
}

#[tokio::test]
async fn a_refused_connection_names_every_cause() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let closed = Client::with_config(
        Client::default_config()
            .base_url(format!("http://127.0.0.1:{port}"))
            .retry(atlas_admin::RetryPolicy::none()),
    )
    .unwrap();
    let error = list_with(&closed).await;
    assert!(matches!(&error, Error::Transport(_)), "{error:?}");
    assert_eq!(error.call().unwrap().operation_id, LIST.0);
    let message = error.to_string();
    eprintln!("{message}");
    // reqwest's own message says only that sending failed; the causes say why.
    for part in [
        "listGroupClusterBackupTenantSnapshots (GET /api/atlas/v2/groups/{groupId}/clusters/\
         {clusterName}/backup/tenant/snapshots): HTTP request failed: error sending request for url",
        "tcp connect error",
        "Connection refused",
    ] {
        assert!(message.contains(part), "{part:?} missing from {message:?}");
    }
    assert!(error.response().is_none() && error.status().is_none());
}

#[tokio::test]
async fn added_headers_reach_the_server() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("prefer", "respond-async"))
        .and(header("x-correlation-id", "req-42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"results": []})))
        .expect(1)
        .mount(&server)
        .await;
    let (group, cluster) = ids();
    let response = client(&server)
        .list_group_cluster_backup_tenant_snapshots(group, cluster)
        .header("Prefer", "respond-async")
        .header(String::from("X-Correlation-Id"), String::from("req-42"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), atlas_admin::StatusCode::OK);
}

#[tokio::test]
async fn headers_the_client_owns_are_refused_before_sending() {
    let server = MockServer::start().await;
    for (name, value) in [
        ("Authorization", "Bearer not-yours"),
        ("accept", "application/json"),
        ("bad name", "x"),
        ("X-Fine", "line\nbreak"),
    ] {
        let (group, cluster) = ids();
        let error = client(&server)
            .list_group_cluster_backup_tenant_snapshots(group, cluster)
            .header(name, value)
            .send()
            .await
            .unwrap_err();
        let Error::InvalidArgument(invalid) = &error else {
            panic!("{name}: expected an invalid argument, got {error:?}");
        };
        assert_eq!(
            (invalid.parameter, invalid.value.as_str()),
            ("header", name)
        );
        assert!(!error.to_string().contains(value), "{error}");
    }
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing was sent"
    );
}
