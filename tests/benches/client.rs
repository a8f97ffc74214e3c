//! What the generated client costs per call, next to a hand-written reqwest + serde_json call of
//! the same operation, both against the same loopback server (wiremock on 127.0.0.1, in this
//! process): a small body (one snapshot, ~400 bytes) and a large list page (~1 MB, 2,500
//! snapshots), decoding included. `cargo bench -p integration-tests --bench client`.
//!
//! The allocation counts include the server's, which are the same for both clients: compare the
//! difference, not the totals. docs/PERFORMANCE.md records the results.

#![allow(deprecated)] // Atlas sunset the shared-tier operations; they are the fragment's, and the bench calls them.

use atlas_admin::types::{BackupTenantSnapshot, PaginatedTenantSnapshotView};
use atlas_admin::{Client, ClientConfig, RetryPolicy};
use integration_tests::listed_snapshot_json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

const GROUP: &str = "32b6e34b3d91647abb20e7b8";
const SNAPSHOT: &str = "5f4007f327a3bd7b6f4103c5";
const ACCEPT: &str = "application/vnd.atlas.2023-01-01+json";

fn main() {
    divan::main();
}

/// The loopback server, answering one snapshot and a page of 2,500.
struct Fixture {
    runtime: tokio::runtime::Runtime,
    server: MockServer,
    generated: Client,
    hand: reqwest::Client,
}

fn snapshots_path() -> String {
    format!("/api/atlas/v2/groups/{GROUP}/clusters/Cluster0/backup/tenant/snapshots")
}

fn fixture() -> Fixture {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = runtime.block_on(async {
        let server = MockServer::start().await;
        let page = serde_json::json!({
            "results": (0..2500).map(listed_snapshot_json).collect::<Vec<_>>(),
            "totalCount": 2500,
        });
        Mock::given(method("GET"))
            .and(path(format!("{}/{SNAPSHOT}", snapshots_path())))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_raw(listed_snapshot_json(1).to_string(), ACCEPT),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path(snapshots_path()))
            .respond_with(ResponseTemplate::new(200).set_body_raw(page.to_string(), ACCEPT))
            .mount(&server)
            .await;
        server
    });
    let config = ClientConfig::new(server.uri()).retry(RetryPolicy::none());
    let generated = runtime.block_on(async { Client::with_config(config).unwrap() });
    Fixture {
        hand: reqwest::Client::new(),
        generated,
        server,
        runtime,
    }
}

async fn hand_written<T: serde::de::DeserializeOwned>(client: &reqwest::Client, url: String) -> T {
    let response = client
        .get(url)
        .header("Accept", ACCEPT)
        .send()
        .await
        .unwrap();
    let bytes = response.error_for_status().unwrap().bytes().await.unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[divan::bench]
fn small_generated(bencher: divan::Bencher) {
    let f = fixture();
    let client = &f.generated;
    bencher.bench_local(|| {
        f.runtime.block_on(async {
            let call = client.get_group_cluster_backup_tenant_snapshot(
                GROUP.parse().unwrap(),
                "Cluster0".parse().unwrap(),
                SNAPSHOT.parse().unwrap(),
            );
            call.send().await.unwrap().into_body()
        })
    });
}

#[divan::bench]
fn small_hand_written(bencher: divan::Bencher) {
    let f = fixture();
    let url = format!("{}{}/{SNAPSHOT}", f.server.uri(), snapshots_path());
    bencher.bench_local(|| {
        f.runtime
            .block_on(hand_written::<BackupTenantSnapshot>(&f.hand, url.clone()))
    });
}

#[divan::bench]
fn page_1mb_generated(bencher: divan::Bencher) {
    let f = fixture();
    let client = &f.generated;
    bencher.bench_local(|| {
        f.runtime.block_on(async {
            let call = client.list_group_cluster_backup_tenant_snapshots(
                GROUP.parse().unwrap(),
                "Cluster0".parse().unwrap(),
            );
            call.send().await.unwrap().into_body()
        })
    });
}

#[divan::bench]
fn page_1mb_hand_written(bencher: divan::Bencher) {
    let f = fixture();
    let url = format!("{}{}", f.server.uri(), snapshots_path());
    bencher.bench_local(|| {
        f.runtime
            .block_on(hand_written::<PaginatedTenantSnapshotView>(
                &f.hand,
                url.clone(),
            ))
    });
}
