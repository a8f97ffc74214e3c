//! What the models' serde impls cost at run time: the generated `BackupTenantSnapshot` (whose
//! impls come from the runtime's `record_impls!`) next to a twin with serde's derive, the way the
//! generator wrote models before, decoding and encoding a 2,500-item list (~1 MB) the way the
//! client does (`serde_json::from_slice`). `cargo bench -p integration-tests --bench decode`;
//! docs/PERFORMANCE.md records the results.

use atlas_admin::types::{BackupTenantSnapshot, BackupTenantSnapshotStatus};
use chrono::{DateTime, Utc};
use integration_tests::listed_snapshot_json;
use serde::{Deserialize, Serialize};

fn main() {
    divan::main();
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct DerivedSnapshot {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expiration: Option<DateTime<Utc>>,
    #[serde(
        rename = "finishTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    finish_time: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    links: Option<Vec<DerivedLink>>,
    #[serde(
        rename = "mongoDBVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    mongo_db_version: Option<String>,
    #[serde(
        rename = "scheduledTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    scheduled_time: Option<DateTime<Utc>>,
    #[serde(rename = "startTime", default, skip_serializing_if = "Option::is_none")]
    start_time: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<BackupTenantSnapshotStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct DerivedLink {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    href: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rel: Option<String>,
}

/// A JSON array of 2,500 snapshots (about 1 MB).
fn page() -> Vec<u8> {
    let items: Vec<serde_json::Value> = (0..2500).map(listed_snapshot_json).collect();
    serde_json::to_vec(&items).unwrap()
}

#[divan::bench]
fn decode_generated(bencher: divan::Bencher) {
    let bytes = page();
    bencher.bench(|| {
        serde_json::from_slice::<Vec<BackupTenantSnapshot>>(divan::black_box(&bytes)).unwrap()
    });
}

#[divan::bench]
fn decode_derived(bencher: divan::Bencher) {
    let bytes = page();
    bencher.bench(|| {
        serde_json::from_slice::<Vec<DerivedSnapshot>>(divan::black_box(&bytes)).unwrap()
    });
}

#[divan::bench]
fn encode_generated(bencher: divan::Bencher) {
    let items: Vec<BackupTenantSnapshot> = serde_json::from_slice(&page()).unwrap();
    bencher.bench(|| serde_json::to_vec(divan::black_box(&items)).unwrap());
}

#[divan::bench]
fn encode_derived(bencher: divan::Bencher) {
    let items: Vec<DerivedSnapshot> = serde_json::from_slice(&page()).unwrap();
    bencher.bench(|| serde_json::to_vec(divan::black_box(&items)).unwrap());
}
