//! `envelope=true`: Atlas wraps the body and answers 200 even for errors; the client unwraps it,
//! so callers get the same result and the same errors as without it.

use atlas_admin::params::{ClusterName, GroupId, SnapshotId};
use wiremock::matchers::{method, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{client, snapshot_json, GROUP_ID, SNAPSHOT_ID};

async fn get_with_envelope(
    wrapped: serde_json::Value,
) -> Result<atlas_admin::types::BackupTenantSnapshot, atlas_admin::Error> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param("envelope", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(wrapped))
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .get_group_cluster_backup_tenant_snapshot(
            GroupId::new(GROUP_ID).unwrap(),
            ClusterName::new("Cluster0").unwrap(),
            SnapshotId::new(SNAPSHOT_ID).unwrap(),
        )
        .envelope(true)
        .send()
        .await
        .map(|response| response.into_body())
}

#[tokio::test]
async fn a_wrapped_success_decodes_as_the_plain_one() {
    let snapshot = get_with_envelope(
        serde_json::json!({"status": 200, "content": snapshot_json("COMPLETED")}),
    )
    .await
    .unwrap();
    assert_eq!(snapshot.id.as_deref(), Some(SNAPSHOT_ID));
}

#[tokio::test]
async fn a_wrapped_error_is_the_same_api_error() {
    let error = get_with_envelope(serde_json::json!({
        "status": 404,
        "content": {"error": 404, "errorCode": "SNAPSHOT_NOT_FOUND", "detail": "No snapshot."}
    }))
    .await
    .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(error.error_code(), Some("SNAPSHOT_NOT_FOUND"));
}
