//! The Shared-Tier Snapshots command line: help, list, get and download in every output format,
//! bodies from a file and from stdin, values refused before sending, API and transport errors,
//! and configuration from the environment and the Atlas CLI's profile file.

use atlas_admin::mock::MockAtlas;
use atlas_admin::types::{request, ApiError};

use crate::support::{atlas, run, snapshot_json, write_file, ATLAS_ADMIN, GROUP_ID, SNAPSHOT_ID};

fn page() -> serde_json::Value {
    serde_json::json!({
        "links": [],
        "results": [snapshot_json("COMPLETED"), {"id": "6f4007f327a3bd7b6f4103c6", "status": "RUNNING"}],
        "totalCount": 2
    })
}

const LIST: [&str; 6] = [
    "sharedTierSnapshots",
    "listClusterBackupSnapshots",
    "--groupId",
    GROUP_ID,
    "--clusterName",
    "Cluster0",
];

async fn serving_page() -> MockAtlas {
    let atlas = MockAtlas::start().await;
    atlas
        .list_group_cluster_backup_tenant_snapshots()
        .cluster_name("Cluster0".parse().unwrap())
        .respond_with_status(200, &page())
        .mount()
        .await;
    atlas
}

#[test]
fn help_lists_every_tag_and_explains_one_operation() {
    let top = run(ATLAS_ADMIN, &["--help"], &[], None);
    assert_eq!(top.code, 0, "{top:?}");
    assert!(top.stdout.contains("sharedTierSnapshots"), "{}", top.stdout);
    assert!(top.stdout.contains("completions"), "{}", top.stdout);

    let args = [
        "api",
        "sharedTierSnapshots",
        "downloadClusterBackupTenant",
        "--help",
    ];
    let op = run(ATLAS_ADMIN, &args, &[], None);
    assert_eq!(op.code, 0, "{op:?}");
    for expected in [
        "Download One M2 or M5 Cluster Snapshot",
        "Atlas stopped serving this API version on 2026-01-22 (its sunset): calls fail",
        "POST /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download",
        "--groupId",
        "--group-id",
        "--clusterName",
        "--file",
        "2023-01-01",
        "MONGODB_ATLAS_PROJECT_ID",
    ] {
        assert!(
            op.stdout.contains(expected),
            "missing {expected:?} in:\n{}",
            op.stdout
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_list_prints_pretty_json_by_default_with_every_field_atlas_sent() {
    let atlas = serving_page().await;
    let out = atlas_run(&atlas, &LIST);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.lines().count() > 10,
        "pretty JSON is indented:\n{}",
        out.stdout
    );
    let printed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(printed, page());
    // Keys keep the order Atlas sent them in.
    let first = out.stdout.find("\"id\"").unwrap();
    assert!(first < out.stdout.find("\"status\"").unwrap());
}

#[tokio::test(flavor = "multi_thread")]
async fn output_json_is_compact_and_can_come_from_the_environment() {
    let atlas = serving_page().await;
    let out = atlas_run(&atlas, &[&LIST[..], &["-o", "json"]].concat());
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim().lines().count(), 1, "{}", out.stdout);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out.stdout).unwrap(),
        page()
    );

    let mut args = LIST.to_vec();
    let uri = atlas.uri();
    args.extend(["--base-url", uri.as_str()]);
    let from_env = run(
        ATLAS_ADMIN,
        &args,
        &[("MONGODB_ATLAS_OUTPUT", "json")],
        None,
    );
    assert_eq!(from_env.stdout, out.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_go_template_selects_fields() {
    let atlas = serving_page().await;
    let template = "-o=go-template={{range .results}}{{.id}} {{.status}}\n{{end}}";
    let out = atlas_run(&atlas, &[&LIST[..], &[template]].concat());
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout,
        format!("{SNAPSHOT_ID} COMPLETED\n6f4007f327a3bd7b6f4103c6 RUNNING\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_table_shows_one_row_per_item() {
    let atlas = serving_page().await;
    let out = atlas_run(&atlas, &[&LIST[..], &["-o", "table"]].concat());
    assert_eq!(out.code, 0, "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("STATUS"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("MONGO_DB_VERSION"), "{}", lines[0]);
    assert!(lines[1].starts_with(SNAPSHOT_ID) && lines[1].contains("COMPLETED"));
    assert!(lines[2].starts_with("6f4007f327a3bd7b6f4103c6") && lines[2].contains("RUNNING"));
}

#[tokio::test(flavor = "multi_thread")]
async fn get_takes_kebab_case_aliases_and_the_project_from_the_environment() {
    let atlas = MockAtlas::start().await;
    atlas
        .get_group_cluster_backup_tenant_snapshot()
        .group_id(GROUP_ID.parse().unwrap())
        .snapshot_id(SNAPSHOT_ID.parse().unwrap())
        .respond_with_status(200, &snapshot_json("COMPLETED"))
        .expect(1)
        .mount()
        .await;
    let uri = atlas.uri();
    let args = [
        "shared-tier-snapshots",
        "get-backup-tenant-snapshot",
        "--cluster-name",
        "Cluster0",
        "--snapshot-id",
        SNAPSHOT_ID,
        "--base-url",
        &uri,
    ];
    let out = run(
        ATLAS_ADMIN,
        &args,
        &[("MONGODB_ATLAS_PROJECT_ID", GROUP_ID)],
        None,
    );
    assert_eq!(out.code, 0, "{out:?}");
    let printed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(printed, snapshot_json("COMPLETED"));
    atlas.verify().await;
}

fn restore_request() -> &'static str {
    r#"{"snapshotId": "5f4007f327a3bd7b6f4103c5", "targetDeploymentItemName": "Cluster1", "targetProjectId": "32b6e34b3d91647abb20e7b8"}"#
}

async fn serving_download() -> MockAtlas {
    let atlas = MockAtlas::start().await;
    atlas
        .download_group_cluster_backup_tenant()
        .body_matching(|body: &request::TenantRestore| {
            body.snapshot_id == SNAPSHOT_ID && body.target_deployment_item_name == "Cluster1"
        })
        .respond_with_status(200, &serde_json::json!({"id": "r1", "status": "QUEUED"}))
        .expect(1)
        .mount()
        .await;
    atlas
}

const DOWNLOAD: [&str; 6] = [
    "sharedTierSnapshots",
    "downloadClusterBackupTenant",
    "--groupId",
    GROUP_ID,
    "--clusterName",
    "Cluster0",
];

#[tokio::test(flavor = "multi_thread")]
async fn download_sends_the_body_of_a_file() {
    let atlas = serving_download().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "restore.json", restore_request());
    let out = atlas_run(
        &atlas,
        &[&DOWNLOAD[..], &["--file", &file, "-o", "json"]].concat(),
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout.trim(), r#"{"id":"r1","status":"QUEUED"}"#);
    atlas.verify().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn download_sends_the_body_read_from_stdin() {
    let atlas = serving_download().await;
    let uri = atlas.uri();
    let args = [&DOWNLOAD[..], &["--file", "-", "--base-url", &uri]].concat();
    let out = run(ATLAS_ADMIN, &args, &[], Some(restore_request().as_bytes()));
    assert_eq!(out.code, 0, "{out:?}");
    atlas.verify().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_group_id_is_refused_before_any_request() {
    let atlas = MockAtlas::start().await;
    let mut args = LIST.to_vec();
    args[3] = "not-a-project";
    let out = atlas_run(&atlas, &args);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("groupId"), "{}", out.stderr);
    assert!(out.stderr.contains("^([a-f0-9]{24})$"), "{}", out.stderr);
    assert!(atlas.server().received_requests().await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_without_the_request_shape_is_refused_before_any_request() {
    let atlas = MockAtlas::start().await;
    let uri = atlas.uri();
    let args = [&DOWNLOAD[..], &["--file", "-", "--base-url", &uri]].concat();
    let out = run(ATLAS_ADMIN, &args, &[], Some(br#"{"snapshotId": 5}"#));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("standard input"), "{}", out.stderr);
    let missing = run(
        ATLAS_ADMIN,
        &[&DOWNLOAD[..], &["--base-url", &uri]].concat(),
        &[],
        None,
    );
    assert_eq!(missing.code, 2, "{missing:?}");
    assert!(missing.stderr.contains("--file"), "{}", missing.stderr);
    assert!(atlas.server().received_requests().await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn an_api_error_is_printed_like_the_atlas_cli_and_exits_1() {
    let atlas = MockAtlas::start().await;
    let mut error = {
        let mut error = ApiError::default();
        error.error = Some(404);
        error.error_code = Some("CLUSTER_NOT_FOUND".into());
        error
    };
    error.detail =
        Some("No cluster named Cluster0 exists in group 32b6e34b3d91647abb20e7b8.".into());
    error.reason = Some("Not Found".into());
    atlas
        .list_group_cluster_backup_tenant_snapshots()
        .respond_error(404, &error)
        .mount()
        .await;
    let out = atlas_run(&atlas, &LIST);
    assert_eq!(out.code, 1, "{out:?}");
    for expected in [
        "404",
        "CLUSTER_NOT_FOUND",
        "No cluster named Cluster0",
        "Not Found",
    ] {
        assert!(
            out.stderr.contains(expected),
            "missing {expected:?} in {}",
            out.stderr
        );
    }
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn no_server_is_a_transport_error_exiting_3() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let out = atlas(&closed, &LIST);
    assert_eq!(out.code, 3, "{out:?}");
    assert!(out.stderr.contains("Error"), "{}", out.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_profile_of_the_atlas_cli_config_file_is_used_and_its_secrets_never_printed() {
    let atlas = serving_page().await;
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("atlascli")).unwrap();
    let profile = format!(
        "[ci]\n  public_api_key = \"publickey\"\n  private_api_key = \"private-secret-1234\"\n  \
         project_id = \"{GROUP_ID}\"\n  output = \"json\"\n"
    );
    write_file(&config.path().join("atlascli"), "config.toml", &profile);
    let uri = atlas.uri();
    let args = [
        "sharedTierSnapshots",
        "listClusterBackupSnapshots",
        "--clusterName",
        "Cluster0",
        "--profile",
        "ci",
        "--debug",
        "--base-url",
        &uri,
    ];
    let home = config.path().to_string_lossy().into_owned();
    let out = run(ATLAS_ADMIN, &args, &[("XDG_CONFIG_HOME", &home)], None);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout.trim().lines().count(),
        1,
        "profile output = json: {}",
        out.stdout
    );
    assert!(
        !out.stderr.contains("private-secret-1234"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains("private-secret-1234"));

    let unknown = run(
        ATLAS_ADMIN,
        &[&args[..4], &["--profile", "nope"]].concat(),
        &[("XDG_CONFIG_HOME", &home)],
        None,
    );
    assert_eq!(unknown.code, 2, "{unknown:?}");
    assert!(unknown.stderr.contains("nope"), "{}", unknown.stderr);
}

#[test]
fn secrets_from_the_environment_never_reach_debug_output() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let env = [
        ("MONGODB_ATLAS_CLIENT_ID", "mdb_sa_id_visible"),
        ("MONGODB_ATLAS_CLIENT_SECRET", "mdb_sa_sk_hidden_5678"),
        ("MONGODB_ATLAS_ACCESS_TOKEN", "token-hidden-9012"),
    ];
    let args = [&LIST[..], &["--debug", "--base-url", &closed]].concat();
    let out = run(ATLAS_ADMIN, &args, &env, None);
    assert_ne!(out.code, 0);
    for secret in ["mdb_sa_sk_hidden_5678", "token-hidden-9012"] {
        assert!(
            !out.stderr.contains(secret) && !out.stdout.contains(secret),
            "{out:?}"
        );
    }
}

#[test]
fn completions_are_printed_for_bash() {
    let out = run(ATLAS_ADMIN, &["completions", "bash"], &[], None);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.contains("sharedTierSnapshots"),
        "{}",
        &out.stdout[..200.min(out.stdout.len())]
    );
}

fn atlas_run(mock: &MockAtlas, args: &[&str]) -> crate::support::Run {
    atlas(&mock.uri(), args)
}

/// Get and download in every output format: each prints the answer Atlas sent, in its form.
#[tokio::test(flavor = "multi_thread")]
async fn get_and_download_print_in_every_output_format() {
    let atlas = MockAtlas::start().await;
    atlas
        .get_group_cluster_backup_tenant_snapshot()
        .respond_with_status(200, &snapshot_json("COMPLETED"))
        .mount()
        .await;
    atlas
        .download_group_cluster_backup_tenant()
        .respond_with_status(200, &serde_json::json!({"id": "r1", "status": "QUEUED"}))
        .mount()
        .await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "restore.json", restore_request());
    let get = [
        "sharedTierSnapshots",
        "getBackupTenantSnapshot",
        "--groupId",
        GROUP_ID,
        "--clusterName",
        "Cluster0",
        "--snapshotId",
        SNAPSHOT_ID,
    ];
    let download = [&DOWNLOAD[..], &["--file", &file]].concat();
    let cases: [(&[&str], serde_json::Value); 2] = [
        (&get, snapshot_json("COMPLETED")),
        (
            &download,
            serde_json::json!({"id": "r1", "status": "QUEUED"}),
        ),
    ];
    for (args, sent) in cases {
        let id = sent["id"].as_str().unwrap();
        let status = sent["status"].as_str().unwrap();
        let run_with = |format: &[&str]| {
            let out = atlas_run(&atlas, &[args, format].concat());
            assert_eq!(out.code, 0, "{format:?}: {out:?}");
            out.stdout
        };
        let pretty = run_with(&[]);
        assert!(pretty.lines().count() > 1);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&pretty).unwrap(),
            sent
        );
        let json = run_with(&["-o", "json"]);
        assert_eq!(json.trim().lines().count(), 1);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&json).unwrap(),
            sent
        );
        assert_eq!(run_with(&["-o", "go-template={{.status}}"]), status);
        let table = run_with(&["-o", "table"]);
        assert!(
            table.lines().any(|l| l.starts_with("id") && l.contains(id)),
            "{table}"
        );
        assert!(
            table
                .lines()
                .any(|l| l.starts_with("status") && l.contains(status)),
            "{table}"
        );
    }
}
