//! The snapshot file through the command line and through the example, against the same two
//! local servers as the library's tests (`integration_tests::snapshot_servers`): Atlas's
//! stand-in signs in a service account and walks the job through PENDING and RUNNING, the
//! storage stand-in records every header it gets.

use std::sync::Arc;

use integration_tests::snapshot_servers::{
    assert_no_credentials, atlas, content, job, Tier, CLIENT_ID, CLIENT_SECRET, GROUP_ID,
    SNAPSHOT_ID,
};
use integration_tests::storage::{Behaviour, StorageServer};

use super::support::{run, Run, ATLAS_ADMIN};

/// The example built from `generated/examples/download_snapshot.rs` (see `tests/Cargo.toml`).
const EXAMPLE: &str = env!("CARGO_BIN_EXE_download-snapshot-example");

/// Runs `binary` off the async runtime, signed in as the service account, pointed at `atlas`.
async fn run_against(binary: &'static str, args: Vec<String>, atlas: String) -> Run {
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let env = [
            ("MONGODB_ATLAS_BASE_URL", atlas.as_str()),
            ("MONGODB_ATLAS_CLIENT_ID", CLIENT_ID),
            ("MONGODB_ATLAS_CLIENT_SECRET", CLIENT_SECRET),
            ("MONGODB_ATLAS_PROJECT_ID", GROUP_ID),
        ];
        run(binary, &args, &env, None)
    })
    .await
    .expect("the run ends")
}

/// The file lands whole where asked, and storage never saw a credential.
async fn lands(tier: Tier, args: impl Fn(&str) -> Vec<String>, binary: &'static str) {
    let content = content(2 * 1024 * 1024 + 5);
    let storage = StorageServer::start(Arc::clone(&content), Behaviour::DropOnceAt(900_000)).await;
    let link = format!("{}/snap.tgz?X-Amz-Signature=abc", storage.uri);
    let atlas = atlas(tier, job("COMPLETED", Some(&link))).await;
    let directory = tempfile::tempdir().unwrap();
    let out = directory.path().join("snapshot.tgz");
    let result = run_against(binary, args(out.to_str().unwrap()), atlas.uri()).await;
    assert_eq!(result.code, 0, "{result:?}");
    assert!(std::fs::read(&out).unwrap() == *content, "byte-exact");
    assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 1);
    assert_no_credentials(&storage);
    assert_eq!(storage.requests().len(), 2, "resumed once");
    let said = format!("{}{}", result.stdout, result.stderr);
    assert!(said.contains(&out.display().to_string()), "{result:?}");
    assert!(said.contains(&content.len().to_string()), "{result:?}");
    atlas.verify().await;
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backups_snapshots_download_writes_the_flex_snapshot() {
    let args = |out: &str| {
        strings(&[
            "backups",
            "snapshots",
            "download",
            SNAPSHOT_ID,
            "--clusterName",
            "Flex0",
            "--out",
            out,
            "--watchInterval",
            "0.01",
        ])
    };
    lands(Tier::Flex, args, ATLAS_ADMIN).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backups_snapshots_download_shared_tier_writes_the_snapshot() {
    let args = |out: &str| {
        strings(&[
            "backups",
            "snapshots",
            "download",
            SNAPSHOT_ID,
            "--clusterName",
            "Cluster0",
            "--projectId",
            GROUP_ID,
            "--shared-tier",
            "--out",
            out,
            "--watchInterval",
            "0.01",
        ])
    };
    lands(Tier::SharedTier, args, ATLAS_ADMIN).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_file_on_the_api_style_command_means_the_snapshot_file() {
    let args = |out: &str| {
        let body = format!("{{\"snapshotId\": \"{SNAPSHOT_ID}\"}}");
        let file = std::path::Path::new(out).with_file_name("body.json");
        std::fs::write(&file, body).unwrap();
        let file = file.to_string_lossy().into_owned();
        strings(&[
            "flexSnapshots",
            "downloadFlexBackup",
            "--groupId",
            GROUP_ID,
            "--name",
            "Flex0",
            "--file",
            &file,
            "--out-file",
            out,
            "--watchInterval",
            "0.01",
        ])
    };
    let content = content(100_000);
    let storage = StorageServer::start(Arc::clone(&content), Behaviour::Serve).await;
    let link = format!("{}/snap.tgz?sig=1", storage.uri);
    let atlas = atlas(Tier::Flex, job("COMPLETED", Some(&link))).await;
    let directory = tempfile::tempdir().unwrap();
    let out = directory.path().join("snapshot.tgz");
    let result = run_against(ATLAS_ADMIN, args(out.to_str().unwrap()), atlas.uri()).await;
    assert_eq!(result.code, 0, "{result:?}");
    assert!(std::fs::read(&out).unwrap() == *content);
    assert_no_credentials(&storage);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_link_fails_clearly_and_leaves_no_file() {
    let storage = StorageServer::start(content(10), Behaviour::Expired).await;
    let link = format!("{}/snap.tgz?X-Amz-Signature=old", storage.uri);
    let atlas = atlas(Tier::Flex, job("COMPLETED", Some(&link))).await;
    let directory = tempfile::tempdir().unwrap();
    let out = directory.path().join("snapshot.tgz");
    let args = strings(&[
        "backups",
        "snapshots",
        "download",
        SNAPSHOT_ID,
        "--clusterName",
        "Flex0",
        "--out",
        out.to_str().unwrap(),
        "--watchInterval",
        "0.01",
    ]);
    let result = run_against(ATLAS_ADMIN, args, atlas.uri()).await;
    assert_ne!(result.code, 0, "{result:?}");
    assert!(
        result.stderr.contains("request a new download"),
        "{result:?}"
    );
    assert!(!result.stderr.contains("X-Amz-Signature"), "{result:?}");
    assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_downloads_flex_by_default() {
    let args = |out: &str| strings(&[GROUP_ID, "Flex0", SNAPSHOT_ID, "--out", out]);
    lands(Tier::Flex, args, EXAMPLE).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_downloads_shared_tier_when_asked() {
    let args = |out: &str| {
        strings(&[
            GROUP_ID,
            "Cluster0",
            SNAPSHOT_ID,
            "--out",
            out,
            "--shared-tier",
        ])
    };
    lands(Tier::SharedTier, args, EXAMPLE).await;
}
