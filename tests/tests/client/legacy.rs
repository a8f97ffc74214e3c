//! The legacy v1.0 shape: plain `application/json` both ways, no version anywhere.

use fixture_legacy_v1::params::{ClusterName, GroupId};
use fixture_legacy_v1::types::request;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{restore_json, GROUP_ID, SNAPSHOT_ID};

#[tokio::test]
async fn sends_and_accepts_plain_json() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!(
            "/api/atlas/v1.0/groups/{GROUP_ID}/clusters/Cluster0/backup/tenant/download"
        )))
        .and(header("accept", "application/json"))
        .and(header("content-type", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(restore_json()))
        .expect(1)
        .mount(&server)
        .await;
    let client = crate::support::mock_client!(fixture_legacy_v1, server);
    let mut body = request::TenantRestore::default();
    body.snapshot_id = Some(SNAPSHOT_ID.into());
    body.target_deployment_item_name = Some("Cluster0".into());
    let restore = client
        .download_shared_cluster_backup(
            GroupId::new(GROUP_ID).unwrap(),
            ClusterName::new("Cluster0").unwrap(),
            body,
        )
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(restore.snapshot_id.as_deref(), Some(SNAPSHOT_ID));
}
