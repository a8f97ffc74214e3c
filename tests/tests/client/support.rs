//! Shared setup: clients pointed at a mock server, and sample values.

use atlas_admin::{Client, ClientConfig, Credentials, RetryPolicy};
use wiremock::MockServer;

pub const GROUP_ID: &str = "32b6e34b3d91647abb20e7b8";
pub const SNAPSHOT_ID: &str = "5f4007f327a3bd7b6f4103c5";
pub const ACCEPT: &str = "application/vnd.atlas.2023-01-01+json";

/// The configuration every test client shares: no retries unless a test asks, no credentials.
pub fn config(server: &MockServer) -> ClientConfig {
    Client::default_config()
        .base_url(server.uri())
        .credentials(Credentials::None)
        .retry(RetryPolicy::none())
}

/// A client of any generated crate (`fixture_legacy_v1`, ...) talking to `server`, configured as
/// [`config`] does: every crate has its own `Client` type, so this is a macro.
macro_rules! mock_client {
    ($krate:ident, $server:expr) => {
        $krate::Client::with_config(
            $krate::Client::default_config()
                .base_url($server.uri())
                .credentials($krate::Credentials::None)
                .retry($krate::RetryPolicy::none()),
        )
        .expect("valid test configuration")
    };
}
pub(crate) use mock_client;

/// A client of the Shared-Tier Snapshots API talking to `server`.
pub fn client(server: &MockServer) -> Client {
    Client::with_config(config(server)).expect("valid test configuration")
}

pub use integration_tests::snapshot_json;

/// The response to a download request, as in the Atlas docs example.
pub fn restore_json() -> serde_json::Value {
    serde_json::json!({
        "clusterName": "Cluster0",
        "deliveryType": "DOWNLOAD",
        "expirationDate": "2025-05-04T13:42:00Z",
        "id": "32b6e34b3d91647abb20e7b9",
        "projectId": GROUP_ID,
        "snapshotId": SNAPSHOT_ID,
        "snapshotUrl": "https://example.invalid/snapshot.tar.gz",
        "status": "COMPLETED",
        "targetDeploymentItemName": "Cluster0",
        "targetProjectId": GROUP_ID
    })
}
