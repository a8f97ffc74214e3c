//! Waiting in the library: `wait_until_terminal` where `generator/watchers.yaml` names the state
//! (the snapshot's `status`), `poll_until` on any GET, and `send_streaming` for byte answers.

use std::time::Duration;

use atlas_admin::mock::MockAtlas;
use atlas_admin::types::BackupTenantSnapshotStatus;
use atlas_admin::{Error, PollOptions, WaitError};
use integration_tests::snapshot_settling;

use crate::support::{GROUP_ID, SNAPSHOT_ID};

fn quick() -> PollOptions {
    PollOptions {
        interval: Duration::from_millis(5),
        ..PollOptions::default()
    }
}

fn snapshot_call(
    client: &atlas_admin::Client,
) -> atlas_admin::operations::shared_tier_snapshots::GetGroupClusterBackupTenantSnapshot<'_> {
    client.get_group_cluster_backup_tenant_snapshot(
        GROUP_ID.parse().unwrap(),
        "Cluster0".parse().unwrap(),
        SNAPSHOT_ID.parse().unwrap(),
    )
}

#[tokio::test]
async fn wait_until_terminal_returns_the_completed_snapshot() {
    let atlas = snapshot_settling(&["PENDING", "QUEUED", "RUNNING", "COMPLETED"]).await;
    let client = atlas.client();
    let done = snapshot_call(&client)
        .wait_until_terminal(&quick())
        .await
        .unwrap();
    assert_eq!(
        done.body().status,
        Some(BackupTenantSnapshotStatus::Completed)
    );
    assert_eq!(atlas.server().received_requests().await.len(), 4);
}

#[tokio::test]
async fn wait_until_terminal_reports_a_failed_snapshot_with_its_answer() {
    let atlas = snapshot_settling(&["RUNNING", "FAILED"]).await;
    let client = atlas.client();
    let error = snapshot_call(&client)
        .wait_until_terminal(&quick())
        .await
        .unwrap_err();
    let WaitError::Failed { state, response } = error else {
        panic!("expected a failure state, got {error}");
    };
    assert_eq!(state, "FAILED");
    assert_eq!(
        response.body().status,
        Some(BackupTenantSnapshotStatus::Failed)
    );
}

#[tokio::test]
async fn wait_until_terminal_gives_up_at_the_timeout_with_the_last_state() {
    let atlas = snapshot_settling(&["RUNNING"]).await;
    let client = atlas.client();
    let options = PollOptions {
        timeout: Some(Duration::from_millis(60)),
        ..quick()
    };
    let error = snapshot_call(&client)
        .wait_until_terminal(&options)
        .await
        .unwrap_err();
    let WaitError::TimedOut { last_state, .. } = error else {
        panic!("expected a timeout, got {error}");
    };
    assert_eq!(last_state.as_deref(), Some("RUNNING"));
}

#[tokio::test]
async fn poll_until_takes_any_predicate_and_stops_at_a_request_error() {
    let atlas = snapshot_settling(&["PENDING", "RUNNING"]).await;
    let client = atlas.client();
    let running = snapshot_call(&client)
        .poll_until(
            |answer| answer.body().status == Some(BackupTenantSnapshotStatus::Running),
            &quick(),
        )
        .await
        .unwrap();
    assert_eq!(
        running.body().status,
        Some(BackupTenantSnapshotStatus::Running)
    );

    let missing = MockAtlas::start().await;
    missing
        .get_group_cluster_backup_tenant_snapshot()
        .respond_status(404)
        .mount()
        .await;
    let client = missing.client();
    let error = snapshot_call(&client)
        .poll_until(|_| false, &quick())
        .await
        .unwrap_err();
    assert!(
        matches!(error, WaitError::Request(Error::Http(_) | Error::Api(_))),
        "{error}"
    );
}

mod streaming {
    use fixture_constructs::mock::MockAtlas;
    use fixture_constructs::types::ApiError;
    use fixture_constructs::Error;

    const GROUP: &str = "32b6e34b3d91647abb20e7b8";

    #[tokio::test]
    async fn send_streaming_hands_over_the_body_chunk_by_chunk() {
        let body: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        let atlas = MockAtlas::start().await;
        atlas
            .download_thing_archive()
            .thing_id("t1")
            .respond_bytes(body.clone())
            .mount()
            .await;
        let client = atlas.client();
        let answer = client
            .download_thing_archive(GROUP.parse().unwrap(), "t1")
            .send_streaming()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200);
        let mut stream = answer.into_body();
        assert_eq!(stream.content_length(), Some(body.len() as u64));
        let (mut received, mut chunks) = (Vec::new(), 0);
        while let Some(chunk) = stream.chunk().await.unwrap() {
            received.extend_from_slice(&chunk);
            chunks += 1;
        }
        assert!(received == body);
        assert!(chunks > 1, "a 3 MB body arrives in more than one chunk");
    }

    #[tokio::test]
    async fn send_streaming_decodes_an_error_as_send_does() {
        let atlas = MockAtlas::start().await;
        atlas
            .download_thing_archive()
            .thing_id("t1")
            .respond_error(404, &{
                let mut error = ApiError::default();
                error.error = Some(404);
                error.error_code = Some("THING_NOT_FOUND".into());
                error
            })
            .mount()
            .await;
        let client = atlas.client();
        let error = client
            .download_thing_archive(GROUP.parse().unwrap(), "t1")
            .send_streaming()
            .await
            .unwrap_err();
        let Error::Api(failure) = error else {
            panic!("expected an API error, got {error}");
        };
        assert_eq!(failure.error_code(), Some("THING_NOT_FOUND"));
    }
}
