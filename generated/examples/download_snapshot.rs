// @generated: a copy of generator/examples_src/download_snapshot.rs; do not edit by hand.
//! Downloads one snapshot of a Flex cluster (or, with `--shared-tier`, of a Shared-Tier M2/M5
//! cluster, whose endpoints Atlas sunset on 2026-01-22) to a file, as
//! `atlas backups snapshots download <snapshotId> --clusterName NAME --out FILE` does.
//!
//! It requests the download, waits for Atlas to prepare the file (the restore job goes PENDING,
//! RUNNING, COMPLETED), then fetches the file from its pre-signed link with no Atlas credentials,
//! resuming a dropped connection, and prints where it wrote it and how big it is.
//!
//! ```text
//! export MONGODB_ATLAS_CLIENT_ID=... MONGODB_ATLAS_CLIENT_SECRET=...      # a Service Account
//! # or: export MONGODB_ATLAS_PUBLIC_API_KEY=... MONGODB_ATLAS_PRIVATE_API_KEY=...
//! # optional: export MONGODB_ATLAS_BASE_URL=https://cloud.mongodbgov.com
//! cargo run --example download_snapshot -- <groupId> <clusterName> <snapshotId> [--out PATH] [--shared-tier]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use atlas_admin::runtime::{DownloadOptions, Downloaded};
use atlas_admin::types::{request, FlexBackupSnapshotDownloadCreate20241113};
use atlas_admin::{Client, Credentials};

const USAGE: &str =
    "usage: download_snapshot <groupId> <clusterName> <snapshotId> [--out PATH] [--shared-tier]";

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(file) => {
            println!("{} ({} bytes)", file.path.display(), file.bytes);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// What the command line asks for.
struct Arguments {
    group_id: String,
    cluster_name: String,
    snapshot_id: String,
    out: PathBuf,
    shared_tier: bool,
}

fn arguments() -> Result<Arguments, String> {
    let mut positional = Vec::new();
    let (mut out, mut shared_tier) = (None, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--shared-tier" => shared_tier = true,
            "--out" => out = Some(args.next().ok_or(USAGE)?),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ => positional.push(arg),
        }
    }
    let [group_id, cluster_name, snapshot_id] =
        <[String; 3]>::try_from(positional).map_err(|_| USAGE.to_owned())?;
    // As the Atlas CLI: the file is named after the snapshot unless --out says otherwise.
    let out = PathBuf::from(out.unwrap_or_else(|| format!("{snapshot_id}.tgz")));
    Ok(Arguments {
        group_id,
        cluster_name,
        snapshot_id,
        out,
        shared_tier,
    })
}

/// The client: credentials from the environment, and `MONGODB_ATLAS_BASE_URL` (with its own
/// token endpoint) when set, as the command line does.
fn client() -> Result<Client, Box<dyn std::error::Error>> {
    let mut config = Client::default_config().credentials(Credentials::from_env()?);
    if let Ok(base) = std::env::var("MONGODB_ATLAS_BASE_URL") {
        let base = base.trim_end_matches('/').to_owned();
        config = config
            .oauth_token_url(format!("{base}/api/oauth/token"))
            .base_url(base);
    }
    Ok(Client::with_config(config)?)
}

async fn run() -> Result<Downloaded, Box<dyn std::error::Error>> {
    let args = arguments()?;
    let client = client()?;
    let group_id = args.group_id.parse()?;
    let options = DownloadOptions::default();
    let downloaded = if args.shared_tier {
        let body = request::TenantRestore::new(args.snapshot_id, args.cluster_name.clone());
        #[allow(deprecated)] // Atlas sunset the Shared-Tier endpoints; asked for by --shared-tier.
        let call =
            client.download_group_cluster_backup_tenant(group_id, args.cluster_name.parse()?, body);
        call.download_to(&args.out, &options).await?
    } else {
        let body = FlexBackupSnapshotDownloadCreate20241113::new(args.snapshot_id);
        client
            .download_group_flex_cluster_backup(group_id, args.cluster_name.parse()?, body)
            .download_to(&args.out, &options)
            .await?
    };
    Ok(downloaded)
}
