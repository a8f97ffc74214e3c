//! Downloads one snapshot of a shared-tier cluster and prints where to fetch it.
//!
//! ```text
//! export MONGODB_ATLAS_CLIENT_ID=... MONGODB_ATLAS_CLIENT_SECRET=...      # a Service Account
//! # or: export MONGODB_ATLAS_PUBLIC_API_KEY=... MONGODB_ATLAS_PRIVATE_API_KEY=...
//! cargo run --example download_snapshot -- <groupId> <clusterName> <snapshotId>
//! ```
#![allow(deprecated)] // Atlas deprecated the shared-tier endpoints; this example calls one on purpose.

use std::process::ExitCode;

use atlas_admin::params::{ClusterName, GroupId};
use atlas_admin::types::request;
use atlas_admin::Client;

const USAGE: &str = "usage: download_snapshot <groupId> <clusterName> <snapshotId>";

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<String, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [group_id, cluster_name, snapshot_id] = args.as_slice() else {
        return Err(USAGE.into());
    };
    let group_id: GroupId = group_id.parse()?;
    let cluster_name: ClusterName = cluster_name.parse()?;
    let client = Client::from_env()?;
    let mut body = request::TenantRestore::new(snapshot_id.clone(), cluster_name.to_string());
    body.target_project_id = Some(group_id.to_string());
    let restore = client
        .download_group_cluster_backup_tenant(group_id, cluster_name, body)
        .send()
        .await?
        .into_body();
    Ok(match restore.snapshot_url {
        Some(url) => url,
        None => format!(
            "Atlas accepted the request (status {}); the snapshot URL is not ready yet",
            restore
                .status
                .map_or_else(|| "unknown".to_owned(), |s| s.to_string())
        ),
    })
}
