//! Stand-ins for Atlas and for the storage host behind a snapshot link, shared by the tests of
//! `download_to`, of the command line's `backups snapshots download` and of the example: Atlas
//! (wiremock, on 127.0.0.1) signs in a service account, takes the download request and answers
//! the job's GET with PENDING, RUNNING, then a last state; the storage host is
//! [`crate::storage::StorageServer`].

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::storage::StorageServer;

pub const GROUP_ID: &str = "32b6e34b3d91647abb20e7b8";
pub const SNAPSHOT_ID: &str = "5f4007f327a3bd7b6f4103c5";
pub const CLIENT_ID: &str = "mdb_sa_id_test";
pub const JOB_ID: &str = "6a1b2c3d4e5f60718293a4b5";
pub const TOKEN: &str = "atlas-oauth-token-that-must-stay-home";
pub const CLIENT_SECRET: &str = "service-account-secret";

/// The job's states, one per poll; the last one repeats.
struct JobStates {
    states: Vec<serde_json::Value>,
    served: AtomicUsize,
}

impl Respond for JobStates {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.served.fetch_add(1, Ordering::SeqCst);
        let body = &self.states[n.min(self.states.len() - 1)];
        ResponseTemplate::new(200).set_body_json(body)
    }
}

pub fn job(status: &str, url: Option<&str>) -> serde_json::Value {
    let mut job = json!({
        "id": JOB_ID,
        "deliveryType": "DOWNLOAD",
        "projectId": GROUP_ID,
        "snapshotId": SNAPSHOT_ID,
        "status": status,
    });
    if let Some(url) = url {
        job["snapshotUrl"] = json!(url);
        job["expirationDate"] = json!("2026-12-04T23:00:00Z");
    }
    job
}

/// Which API a test downloads through.
#[derive(Clone, Copy, Debug)]
pub enum Tier {
    /// The Flex endpoints.
    Flex,
    /// The Shared-Tier endpoints.
    SharedTier,
}

impl Tier {
    pub fn request_path(self) -> String {
        match self {
            Tier::Flex => {
                format!("/api/atlas/v2/groups/{GROUP_ID}/flexClusters/Flex0/backup/download")
            }
            Tier::SharedTier => {
                format!("/api/atlas/v2/groups/{GROUP_ID}/clusters/Cluster0/backup/tenant/download")
            }
        }
    }

    pub fn job_path(self) -> String {
        match self {
            Tier::Flex => format!(
                "/api/atlas/v2/groups/{GROUP_ID}/flexClusters/Flex0/backup/restoreJobs/{JOB_ID}"
            ),
            Tier::SharedTier => format!(
                "/api/atlas/v2/groups/{GROUP_ID}/clusters/Cluster0/backup/tenant/restores/{JOB_ID}"
            ),
        }
    }
}

/// Atlas's stand-in: a token endpoint, the download request (answered PENDING) and the job,
/// which goes PENDING, RUNNING, then `last`.
pub async fn atlas(tier: Tier, last: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/oauth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": TOKEN, "expires_in": 3600, "token_type": "Bearer"
        })))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(tier.request_path()))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(job("PENDING", None)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(tier.job_path()))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(JobStates {
            states: vec![job("PENDING", None), job("RUNNING", None), last],
            served: AtomicUsize::new(0),
        })
        .expect(3)
        .mount(&server)
        .await;
    server
}

/// Bytes that are not all alike, so a misplaced range shows.
pub fn content(len: usize) -> Arc<Vec<u8>> {
    Arc::new((0..len).map(|i| (i * 31 % 251) as u8).collect())
}

/// Asserts that no request to storage carried anything of the client's authentication.
pub fn assert_no_credentials(storage: &StorageServer) {
    let requests = storage.requests();
    assert!(!requests.is_empty());
    for request in requests {
        assert!(request.header("authorization").is_none(), "{request:?}");
        assert!(request.header("cookie").is_none(), "{request:?}");
        for (name, value) in &request.headers {
            for secret in [TOKEN, CLIENT_SECRET, "Bearer", "Digest"] {
                assert!(!value.contains(secret), "{name}: {value} in {request:?}");
            }
        }
    }
}
