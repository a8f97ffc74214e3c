//! Each operation of the fragment: method, path, query, `Accept`, `Content-Type` and body on the
//! wire, and the typed response.

use atlas_admin::params::{ClusterName, GroupId, SnapshotId};
use atlas_admin::types::{request, BackupTenantSnapshotStatus, TenantRestoreDeliveryType};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{client, restore_json, snapshot_json, ACCEPT, GROUP_ID, SNAPSHOT_ID};

fn ids() -> (GroupId, ClusterName) {
    (
        GroupId::new(GROUP_ID).unwrap(),
        ClusterName::new("Cluster0").unwrap(),
    )
}

#[tokio::test]
async fn download_posts_only_the_writable_fields() {
    let server = MockServer::start().await;
    let expected_body = serde_json::json!({
        "snapshotId": SNAPSHOT_ID,
        "targetDeploymentItemName": "Cluster0",
        "targetProjectId": GROUP_ID
    });
    Mock::given(method("POST"))
        .and(path(format!(
            "/api/atlas/v2/groups/{GROUP_ID}/clusters/Cluster0/backup/tenant/download"
        )))
        .and(header("accept", ACCEPT))
        .and(header("content-type", ACCEPT))
        .and(body_json(&expected_body))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", ACCEPT)
                .insert_header("RateLimit-Limit", "100")
                .insert_header("RateLimit-Remaining", "99")
                .set_body_json(restore_json()),
        )
        .expect(1)
        .mount(&server)
        .await;

    let (group, cluster) = ids();
    let mut body = request::TenantRestore::new(SNAPSHOT_ID.into(), "Cluster0".into());
    body.target_project_id = Some(GROUP_ID.into());
    let response = client(&server)
        .download_group_cluster_backup_tenant(group, cluster, body)
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 200);
    assert_eq!(response.rate_limit().limit, Some(100));
    assert_eq!(response.rate_limit().remaining, Some(99));
    let restore = response.body();
    assert_eq!(
        restore.delivery_type,
        Some(TenantRestoreDeliveryType::Download)
    );
    assert_eq!(
        restore.snapshot_url.as_deref(),
        Some("https://example.invalid/snapshot.tar.gz")
    );
    assert_eq!(
        restore.expiration_date.unwrap().to_rfc3339(),
        "2025-05-04T13:42:00+00:00"
    );
}

#[tokio::test]
async fn list_sends_the_query_flags_only_when_set() {
    let server = MockServer::start().await;
    let list_path =
        format!("/api/atlas/v2/groups/{GROUP_ID}/clusters/Cluster0/backup/tenant/snapshots");
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .and(query_param("pretty", "true"))
        .and(header("accept", ACCEPT))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "results": [snapshot_json("COMPLETED"), snapshot_json("QUEUED")],
            "totalCount": 2
        })))
        .expect(1)
        .mount(&server)
        .await;

    let (group, cluster) = ids();
    let page = client(&server)
        .list_group_cluster_backup_tenant_snapshots(group, cluster)
        .pretty(true)
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(page.total_count, Some(2));
    let statuses: Vec<_> = page
        .results
        .unwrap()
        .into_iter()
        .map(|s| s.status.unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            BackupTenantSnapshotStatus::Completed,
            BackupTenantSnapshotStatus::Queued
        ]
    );

    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].url.query(),
        Some("pretty=true"),
        "envelope was not set, so it is not sent"
    );
    assert!(requests[0].body.is_empty());
    assert!(requests[0].headers.get("content-type").is_none());
}

#[tokio::test]
async fn get_one_snapshot() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/api/atlas/v2/groups/{GROUP_ID}/clusters/my-cluster-1/backup/tenant/snapshots/{SNAPSHOT_ID}"
        )))
        .and(header("accept", ACCEPT))
        .respond_with(ResponseTemplate::new(200).set_body_json(snapshot_json("RUNNING")))
        .expect(1)
        .mount(&server)
        .await;

    let snapshot = client(&server)
        .get_group_cluster_backup_tenant_snapshot(
            GroupId::new(GROUP_ID).unwrap(),
            ClusterName::new("my-cluster-1").unwrap(),
            SnapshotId::new(SNAPSHOT_ID).unwrap(),
        )
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(snapshot.id.as_deref(), Some(SNAPSHOT_ID));
    assert_eq!(snapshot.status, Some(BackupTenantSnapshotStatus::Running));
    assert_eq!(snapshot.mongo_db_version.as_deref(), Some("8.0.4"));
}

#[test]
fn values_that_could_change_the_path_are_refused() {
    let error = ClusterName::new("../x").unwrap_err();
    assert_eq!(error.parameter, "clusterName");
    assert_eq!(
        error.to_string(),
        "invalid value for `clusterName`: \"../x\" does not match `^[a-zA-Z0-9][a-zA-Z0-9-]*$`"
    );
    assert!("Cluster0/../../admin".parse::<ClusterName>().is_err());
    assert!(
        GroupId::try_from("32B6E34B3D91647ABB20E7B8").is_err(),
        "upper-case hex is not a group id"
    );
    assert!(GroupId::try_from(String::from("32b6e34b3d91647abb20e7b8")).is_ok());
    assert_eq!(ClusterName::new("Cluster-0").unwrap().as_str(), "Cluster-0");
}

#[tokio::test]
async fn patterned_body_fields_are_checked_before_sending() {
    // targetDeploymentItemName allows letters and digits of any script (\p{L}, \p{N}).
    let unicode = request::TenantRestore::new(SNAPSHOT_ID.into(), "Кластер-東京_1".into());
    assert_eq!(unicode.validate(), Ok(()));

    let server = MockServer::start().await;
    let (group, cluster) = ids();
    let bad = request::TenantRestore::new(SNAPSHOT_ID.into(), "no/slashes here".into());
    let error = client(&server)
        .download_group_cluster_backup_tenant(group, cluster, bad)
        .send()
        .await
        .unwrap_err();
    let atlas_admin::Error::InvalidArgument(invalid) = &error else {
        panic!("expected an invalid argument, got {error:?}");
    };
    assert_eq!(invalid.parameter, "targetDeploymentItemName");
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing was sent"
    );
}
