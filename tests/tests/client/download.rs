//! `download_to` end to end, for Flex and for Shared-Tier: a local server stands in for Atlas
//! (the request, then the job going PENDING, RUNNING, COMPLETED with its link) and a second one
//! for the storage host the link points to (`integration_tests::storage`). The client signs in
//! with a service account, so there is a token to leak; the storage server records every header
//! it gets.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use atlas_admin::params::{ClusterName, GroupId, Name};
use atlas_admin::runtime::{DownloadError, DownloadOptions, FetchError, PollOptions};
use atlas_admin::types::request;
use atlas_admin::{Client, ClientConfig, Credentials, RetryPolicy};
use integration_tests::storage::{Behaviour, StorageServer};
use wiremock::MockServer;

use integration_tests::snapshot_servers::{
    assert_no_credentials, atlas, content, job, Tier, CLIENT_ID, CLIENT_SECRET, GROUP_ID,
    SNAPSHOT_ID,
};

fn config(atlas: &MockServer) -> ClientConfig {
    Client::default_config()
        .base_url(atlas.uri())
        .oauth_token_url(format!("{}/api/oauth/token", atlas.uri()))
        .credentials(Credentials::service_account(CLIENT_ID, CLIENT_SECRET))
        .retry(RetryPolicy::none())
}

fn options() -> DownloadOptions {
    DownloadOptions {
        poll: PollOptions {
            interval: Duration::from_millis(5),
            max_interval: Duration::from_millis(5),
            factor: 1.0,
            timeout: Some(Duration::from_secs(20)),
        },
        ..DownloadOptions::default()
    }
}

async fn download(
    tier: Tier,
    client: &Client,
    target: &std::path::Path,
    options: &DownloadOptions,
) -> Result<atlas_admin::runtime::Downloaded, DownloadError<atlas_admin::Error>> {
    let group: GroupId = GROUP_ID.parse().unwrap();
    match tier {
        Tier::Flex => {
            let body = atlas_admin::types::FlexBackupSnapshotDownloadCreate20241113::new(
                SNAPSHOT_ID.into(),
            );
            let name: Name = "Flex0".parse().unwrap();
            client
                .download_group_flex_cluster_backup(group, name, body)
                .download_to(target, options)
                .await
        }
        Tier::SharedTier => {
            let body = request::TenantRestore::new(SNAPSHOT_ID.into(), "Cluster0".into());
            let cluster: ClusterName = "Cluster0".parse().unwrap();
            client
                .download_group_cluster_backup_tenant(group, cluster, body)
                .download_to(target, options)
                .await
        }
    }
}

async fn whole_file(tier: Tier, behaviour: Behaviour) {
    let content = content(3 * 1024 * 1024 + 17);
    let storage = StorageServer::start(Arc::clone(&content), behaviour.clone()).await;
    let link = format!(
        "{}/snapshots/{SNAPSHOT_ID}.tgz?X-Amz-Signature=abc",
        storage.uri
    );
    let atlas = atlas(tier, job("COMPLETED", Some(&link))).await;
    let client = Client::with_config(config(&atlas)).unwrap();
    let directory = tempfile::tempdir().unwrap();
    let target = directory.path().join("snapshot.tgz");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let progress = Arc::clone(&seen);
    let options = options().on_progress(move |p| progress.lock().unwrap().push(p));
    let downloaded = download(tier, &client, &target, &options).await.unwrap();
    assert_eq!(downloaded.path, target);
    assert_eq!(downloaded.bytes, content.len() as u64);
    assert!(std::fs::read(&target).unwrap() == *content, "byte-exact");
    let entries: Vec<_> = std::fs::read_dir(directory.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "only the file, no temporary left");
    let seen = seen.lock().unwrap();
    let last = seen.last().unwrap();
    assert_eq!(last.written, content.len() as u64);
    assert_eq!(last.total, Some(content.len() as u64));
    assert!(seen.windows(2).all(|w| w[0].written < w[1].written));
    assert_no_credentials(&storage);
    let requests = storage.requests();
    match behaviour {
        Behaviour::DropOnceAt(at) => {
            assert_eq!(requests.len(), 2, "{requests:?}");
            assert_eq!(
                requests[1].header("range"),
                Some(format!("bytes={at}-").as_str())
            );
        }
        _ => assert_eq!(requests.len(), 1),
    }
    assert!(requests[0].request_line.contains("X-Amz-Signature=abc"));
}

#[tokio::test]
async fn a_flex_snapshot_reaches_disk_byte_exact_after_pending_and_running() {
    whole_file(Tier::Flex, Behaviour::Serve).await;
}

#[tokio::test]
async fn a_shared_tier_snapshot_reaches_disk_byte_exact_after_pending_and_running() {
    whole_file(Tier::SharedTier, Behaviour::Serve).await;
}

#[tokio::test]
async fn a_connection_dropped_half_way_resumes_with_range() {
    whole_file(Tier::Flex, Behaviour::DropOnceAt(1_500_000)).await;
    whole_file(Tier::SharedTier, Behaviour::DropOnceAt(700_001)).await;
}

#[tokio::test]
async fn an_expired_link_is_a_clear_error_and_leaves_no_file() {
    for tier in [Tier::Flex, Tier::SharedTier] {
        let storage = StorageServer::start(content(10), Behaviour::Expired).await;
        let link = format!("{}/snap.tgz?X-Amz-Signature=old", storage.uri);
        let atlas = atlas(tier, job("COMPLETED", Some(&link))).await;
        let client = Client::with_config(config(&atlas)).unwrap();
        let directory = tempfile::tempdir().unwrap();
        let target = directory.path().join("snapshot.tgz");
        let error = download(tier, &client, &target, &options())
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                DownloadError::Fetch(FetchError::Expired { status: 403, .. })
            ),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(
            message.contains("expired") && message.contains("request a new download"),
            "{message}"
        );
        assert!(
            !message.contains("X-Amz-Signature"),
            "the link's signature stays out: {message}"
        );
        assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 0);
        assert_no_credentials(&storage);
    }
}

#[tokio::test]
async fn a_failed_job_ends_the_download_with_its_state() {
    let atlas = atlas(Tier::Flex, job("FAILED", None)).await;
    let client = Client::with_config(config(&atlas)).unwrap();
    let directory = tempfile::tempdir().unwrap();
    let target = directory.path().join("snapshot.tgz");
    let error = download(Tier::Flex, &client, &target, &options())
        .await
        .unwrap_err();
    assert!(
        matches!(&error, DownloadError::Failed { state } if state == "FAILED"),
        "{error:?}"
    );
    assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn a_plain_http_link_to_another_host_is_refused() {
    let atlas = atlas(
        Tier::Flex,
        job(
            "COMPLETED",
            Some("http://storage.example.com/snap.tgz?sig=1"),
        ),
    )
    .await;
    let client = Client::with_config(config(&atlas)).unwrap();
    let directory = tempfile::tempdir().unwrap();
    let error = download(
        Tier::Flex,
        &client,
        &directory.path().join("s.tgz"),
        &options(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(error, DownloadError::Fetch(FetchError::Insecure { .. })),
        "{error:?}"
    );
}

#[tokio::test]
async fn redirects_are_followed_only_to_https_or_loopback() {
    // To another loopback server: followed, and it gets no credential either.
    let content = content(50_000);
    let target = StorageServer::start(Arc::clone(&content), Behaviour::Serve).await;
    let front = StorageServer::start(
        content.clone(),
        Behaviour::RedirectTo(format!("{}/real.tgz?sig=2", target.uri)),
    )
    .await;
    let atlas_server = atlas(
        Tier::Flex,
        job("COMPLETED", Some(&format!("{}/s?sig=1", front.uri))),
    )
    .await;
    let client = Client::with_config(config(&atlas_server)).unwrap();
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("s.tgz");
    download(Tier::Flex, &client, &path, &options())
        .await
        .unwrap();
    assert!(std::fs::read(&path).unwrap() == *content);
    assert_no_credentials(&front);
    assert_no_credentials(&target);

    // To plain http elsewhere: refused, nothing written.
    let front = StorageServer::start(
        content.clone(),
        Behaviour::RedirectTo("http://storage.example.com/real.tgz".to_owned()),
    )
    .await;
    let atlas_server = atlas(
        Tier::Flex,
        job("COMPLETED", Some(&format!("{}/s?sig=1", front.uri))),
    )
    .await;
    let client = Client::with_config(config(&atlas_server)).unwrap();
    let error = download(
        Tier::Flex,
        &client,
        &path.with_file_name("t.tgz"),
        &options(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&error, DownloadError::Fetch(FetchError::Insecure { host }) if host == "storage.example.com"),
        "{error:?}"
    );
    assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 1);
}
