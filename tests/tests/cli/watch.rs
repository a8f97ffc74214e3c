//! `--watch`: polling the snapshot until its status is terminal, as `generator/watchers.yaml`
//! declares (COMPLETED ends it with success, FAILED with failure), and giving up at the timeout.

use integration_tests::snapshot_settling;

use crate::support::{atlas, snapshot_json, GROUP_ID, SNAPSHOT_ID};

const GET: [&str; 11] = [
    "sharedTierSnapshots",
    "getBackupTenantSnapshot",
    "--groupId",
    GROUP_ID,
    "--clusterName",
    "Cluster0",
    "--snapshotId",
    SNAPSHOT_ID,
    "--watch",
    "--watchInterval",
    "0.05",
];

#[tokio::test(flavor = "multi_thread")]
async fn watch_polls_until_completed_and_prints_the_final_answer() {
    let mock = snapshot_settling(&["PENDING", "RUNNING", "COMPLETED"]).await;
    let out = atlas(&mock.uri(), &[&GET[..], &["-o", "json"]].concat());
    assert_eq!(out.code, 0, "{out:?}");
    let printed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(printed, snapshot_json("COMPLETED"));
    assert!(
        out.stderr.contains("PENDING") && out.stderr.contains("RUNNING"),
        "{}",
        out.stderr
    );
    assert_eq!(mock.server().received_requests().await.len(), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_ends_with_exit_4_when_the_snapshot_fails() {
    let mock = snapshot_settling(&["PENDING", "RUNNING", "FAILED"]).await;
    let out = atlas(&mock.uri(), &GET);
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stderr.contains("FAILED"), "{}", out.stderr);
    let printed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(printed["status"], "FAILED");
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_gives_up_at_the_timeout_with_exit_5() {
    let mock = snapshot_settling(&["RUNNING"]).await;
    let out = atlas(&mock.uri(), &[&GET[..], &["--watchTimeout", "1"]].concat());
    assert_eq!(out.code, 5, "{out:?}");
    assert!(out.stderr.contains("RUNNING"), "{}", out.stderr);
    assert!(mock.server().received_requests().await.len() > 2);
}

#[test]
fn watch_is_offered_only_where_a_watcher_is_declared() {
    let list = [
        "sharedTierSnapshots",
        "listClusterBackupSnapshots",
        "--help",
    ];
    let out = crate::support::run(crate::support::ATLAS_ADMIN, &list, &[], None);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(!out.stdout.contains("--watch"), "{}", out.stdout);
}
