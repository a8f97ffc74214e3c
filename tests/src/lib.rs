//! Shared helpers for the integration tests: where the repository, its spec and the shared
//! full Atlas spec are, and where a fixture says its problems must be reported; crates generated
//! in memory and compared file by file are in [`regeneration`].

use std::path::PathBuf;

pub mod regeneration;
pub mod snapshot_servers;
pub mod storage;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the repository")
        .to_path_buf()
}

/// The committed Atlas spec fragment (`spec/`).
pub fn fragment_path() -> PathBuf {
    repo_root().join(generator::targets::FRAGMENT)
}

/// A test fixture under `tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Writes a generated crate to `dir` (emptied first) as a standalone crate: not a member of this
/// workspace, and with this workspace's lock file, so the dependency versions are the ones
/// already fetched and built (`cargo --offline` finds them).
pub fn write_standalone_crate(dir: &std::path::Path, files: &[generator::GeneratedFile]) {
    if dir.exists() {
        std::fs::remove_dir_all(dir).unwrap();
    }
    for file in files {
        let path = dir.join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &file.contents).unwrap();
    }
    let manifest = dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap() + "\n[workspace]\n";
    std::fs::write(&manifest, text).unwrap();
    std::fs::copy(repo_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

/// The full Atlas spec in `../shared/specs/`, when this checkout has it. Tests that need it
/// call this and return early, printing why, when it is absent (a fresh clone does not have it).
pub fn full_spec_path(test: &str) -> Option<PathBuf> {
    let path = repo_root().join("../shared/specs/atlas-admin-v2.2026-03-03.yaml");
    if path.is_file() {
        Some(path)
    } else {
        println!(
            "skipping {test}: the full Atlas spec is not at {}",
            path.display()
        );
        None
    }
}

/// Checks that `diagnostics` are exactly where the fixture's `# expect: <pointer> @ line:column`
/// lines say, in order: the fixtures under `tests/fixtures/bad/` and `tests/fixtures/warn/`
/// state where each problem must be reported.
pub fn assert_located_as_expected(diagnostics: &generator::Diagnostics, text: &str, origin: &str) {
    let found: Vec<String> = diagnostics
        .0
        .iter()
        .map(|diagnostic| {
            let (line, column) = diagnostic
                .line_column
                .unwrap_or_else(|| panic!("{origin}: `{diagnostic}` has no line"));
            format!("{} @ {line}:{column}", diagnostic.pointer)
        })
        .collect();
    let expected: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("# expect: "))
        .collect();
    assert!(!expected.is_empty(), "{origin} has no `# expect:` lines");
    assert_eq!(found, expected, "{origin}");
}

/// A Shared-Tier snapshot as Atlas returns it, with a field the client does not know: what the
/// client and command-line tests serve.
pub fn snapshot_json(status: &str) -> serde_json::Value {
    serde_json::json!({
        "id": "5f4007f327a3bd7b6f4103c5",
        "status": status,
        "mongoDBVersion": "8.0.4",
        "startTime": "2025-05-04T09:42:00Z",
        "links": [{"href": "https://cloud.mongodb.com/api/atlas", "rel": "self"}],
        "someFieldAtlasAddsLater": {"nested": true}
    })
}

/// The `index`th snapshot of a large list page, fully populated, for the benchmarks
/// (`tests/benches`): the same item the client and the models are measured on.
pub fn listed_snapshot_json(index: usize) -> serde_json::Value {
    serde_json::json!({
        "id": format!("{index:024x}"),
        "status": "COMPLETED",
        "mongoDBVersion": "8.0.4",
        "startTime": "2025-05-04T09:42:00Z",
        "finishTime": "2025-05-04T09:47:00Z",
        "expiration": "2025-06-04T09:47:00Z",
        "scheduledTime": "2025-05-04T09:40:00Z",
        "links": [{"href": "https://cloud.mongodb.com/api/atlas/v2/groups/x/clusters/Cluster0/backup/tenant/snapshots/y", "rel": "self"}]
    })
}

/// A mock Shared-Tier API whose snapshot answers `statuses` in turn, the last one repeating: a
/// snapshot settling, for the tests of waiting (the library's and the command line's).
pub async fn snapshot_settling(statuses: &[&str]) -> atlas_admin::mock::MockAtlas {
    let atlas = atlas_admin::mock::MockAtlas::start().await;
    let mut stub = atlas.get_group_cluster_backup_tenant_snapshot();
    for status in statuses {
        stub = stub.respond_with_status(200, &snapshot_json(status));
    }
    stub.mount().await;
    atlas
}
