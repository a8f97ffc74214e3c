//! The generated `mock` module of the Shared-Tier Snapshots crate, used the way a user tests
//! their own code with it: typed stubs, typed errors, retries, expectations, and requests no
//! stub matches failing the test with a message that names the operation and what differed.

use std::time::Duration;

use atlas_admin::mock::MockAtlas;
use atlas_admin::params::{ClusterName, GroupId, SnapshotId};
use atlas_admin::types::{request, ApiError, BackupTenantSnapshot, BackupTenantSnapshotStatus};
use atlas_admin::{Client, Error, StatusCode};

use crate::support::{restore_json, GROUP_ID, SNAPSHOT_ID};

const OTHER_SNAPSHOT_ID: &str = "6f4007f327a3bd7b6f4103c6";

fn ids() -> (GroupId, ClusterName, SnapshotId) {
    (
        GROUP_ID.parse().unwrap(),
        "Cluster0".parse().unwrap(),
        SNAPSHOT_ID.parse().unwrap(),
    )
}

fn completed() -> BackupTenantSnapshot {
    let mut snapshot = BackupTenantSnapshot::default();
    snapshot.status = Some(BackupTenantSnapshotStatus::Completed);
    snapshot.mongo_db_version = Some("8.0.4".into());
    snapshot
}

async fn get_snapshot(client: &Client, snapshot: &str) -> Result<BackupTenantSnapshot, Error> {
    let (group, cluster, _) = ids();
    let snapshot: SnapshotId = snapshot.parse().unwrap();
    let call = client.get_group_cluster_backup_tenant_snapshot(group, cluster, snapshot);
    Ok(call.send().await?.into_body())
}

#[tokio::test]
async fn a_stub_matches_typed_path_values_and_answers_a_typed_body() {
    let atlas = MockAtlas::start().await;
    let (group, cluster, snapshot) = ids();
    atlas
        .get_group_cluster_backup_tenant_snapshot()
        .group_id(group)
        .cluster_name(cluster)
        .snapshot_id(snapshot)
        .respond(&completed())
        .expect(1)
        .mount()
        .await;
    let got = get_snapshot(&atlas.client(), SNAPSHOT_ID).await.unwrap();
    assert_eq!(got, completed());
    atlas.verify().await;
}

#[tokio::test]
async fn a_typed_api_error_reaches_the_caller_as_error_api() {
    let atlas = MockAtlas::start().await;
    let mut not_found = {
        let mut error = ApiError::default();
        error.error = Some(404);
        error.error_code = Some("CLUSTER_NOT_FOUND".into());
        error
    };
    not_found.detail = Some("No cluster named Cluster0 exists.".into());
    atlas
        .get_group_cluster_backup_tenant_snapshot()
        .respond_error(404, &not_found)
        .mount()
        .await;
    let error = get_snapshot(&atlas.client(), SNAPSHOT_ID)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api(_)), "{error:?}");
    assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(error.error_code(), Some("CLUSTER_NOT_FOUND"));
    let failure = error.api_failure().unwrap();
    assert_eq!(failure.decode_body::<ApiError>().unwrap(), not_found);
}

#[tokio::test]
async fn a_429_then_a_body_is_retried_and_counted() {
    let atlas = MockAtlas::start().await;
    atlas
        .get_group_cluster_backup_tenant_snapshot()
        .respond_rate_limited(Duration::from_secs(0))
        .respond_status(503)
        .respond(&completed())
        .expect(3)
        .mount()
        .await;
    let got = get_snapshot(&atlas.client(), SNAPSHOT_ID).await.unwrap();
    assert_eq!(got.status, Some(BackupTenantSnapshotStatus::Completed));
    atlas.verify().await;
}

#[tokio::test]
async fn a_body_stub_checks_the_body_and_its_content_type() {
    let atlas = MockAtlas::start().await;
    let (group, cluster, _) = ids();
    let body = request::TenantRestore::new(SNAPSHOT_ID.into(), "Cluster0".into());
    atlas
        .download_group_cluster_backup_tenant()
        .body(&body)
        .respond(&serde_json::from_value(restore_json()).unwrap())
        .expect(1)
        .mount()
        .await;
    let client = atlas.client();
    let answer = client
        .download_group_cluster_backup_tenant(group, cluster, body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        answer.body().snapshot_url.as_deref(),
        Some("https://example.invalid/snapshot.tar.gz")
    );
    // The same body with another media type (what a hand-written client might send) is not it.
    let raw = reqwest::Client::new()
        .post(format!(
            "{}/api/atlas/v2/groups/{GROUP_ID}/clusters/Cluster0/backup/tenant/download",
            atlas.uri()
        ))
        .header("Accept", "*/*")
        .json(
            &serde_json::json!({"snapshotId": SNAPSHOT_ID, "targetDeploymentItemName": "Cluster0"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 501);
    let misses = atlas.server().take_misses();
    assert_eq!(misses.len(), 1, "{misses:?}");
    assert!(
        misses[0]
            .contains("wanted `accept: application/vnd.atlas.2023-01-01+json`, got `accept: */*`"),
        "{}",
        misses[0]
    );
    assert!(misses[0].contains("wanted `content-type: application/vnd.atlas.2023-01-01+json`, got `content-type: application/json`"), "{}", misses[0]);
    atlas.verify().await;
}

#[tokio::test]
#[should_panic(expected = "mock: no stub matched")]
async fn an_unmatched_request_fails_the_test_naming_the_operation_and_the_difference() {
    let atlas = MockAtlas::start().await;
    atlas
        .get_group_cluster_backup_tenant_snapshot()
        .snapshot_id(SNAPSHOT_ID.parse().unwrap())
        .respond(&completed())
        .mount()
        .await;
    let error = get_snapshot(&atlas.client(), OTHER_SNAPSHOT_ID)
        .await
        .unwrap_err();
    // The client sees an Atlas error document saying what happened...
    assert_eq!(error.status(), Some(StatusCode::NOT_IMPLEMENTED));
    let detail = error.detail().unwrap();
    assert!(
        detail.contains(
            "`get_group_cluster_backup_tenant_snapshot` (getGroupClusterBackupTenantSnapshot)"
        ),
        "{detail}"
    );
    let difference = format!(
        "wanted path `snapshotId` = `{SNAPSHOT_ID}`, got path `snapshotId` = `{OTHER_SNAPSHOT_ID}`"
    );
    assert!(detail.contains(&difference), "{detail}");
    // ...and the test fails, even if the code under test swallowed the error.
    atlas.verify().await;
}

#[tokio::test]
#[should_panic(
    expected = "`get_group_cluster_backup_tenant_snapshot` (getGroupClusterBackupTenantSnapshot)"
)]
async fn a_stub_called_fewer_times_than_expected_fails_on_drop() {
    let atlas = MockAtlas::start().await;
    atlas
        .get_group_cluster_backup_tenant_snapshot()
        .respond(&completed())
        .expect(2)
        .mount()
        .await;
    get_snapshot(&atlas.client(), SNAPSHOT_ID).await.unwrap();
}
