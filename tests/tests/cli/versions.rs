//! `--version` picks the API version as the library's methods do: each version sends its own
//! `Accept` (the typed stubs match on it), `preview` included, the default without the flag, and
//! a version the operation does not have is refused with the list. Run in process through the
//! engine's `run_in`, with an empty environment, answers written with `--out-file`.

use fixture_multi_version::mock::MockAtlas;
use fixture_multi_version::runtime::cli::{run_in, Environment};

const GROUP: &str = "32b6e34b3d91647abb20e7b8";

/// Runs the multi-version command line with `args`, off the test's async runtime (the engine
/// starts its own); returns the exit code and what it wrote to `--out-file`.
async fn run(uri: &str, version: Option<&str>) -> (u8, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("answer.json");
    let mut args: Vec<String> = [
        "multi-version",
        "widgets",
        "getOneWidget",
        "--groupId",
        GROUP,
        "--widgetName",
        "w1",
        "-o",
        "json",
        "--base-url",
        uri,
        "--out-file",
        out.to_str().unwrap(),
    ]
    .map(str::to_owned)
    .to_vec();
    if let Some(version) = version {
        args.extend(["--version".to_owned(), version.to_owned()]);
    }
    let code = tokio::task::spawn_blocking(move || {
        let nothing = |_: &str| None;
        let environment = Environment {
            vars: &nothing,
            config_file: None,
        };
        run_in(
            &fixture_multi_version::cli::API,
            args.into_iter().map(Into::into).collect(),
            &environment,
        )
    })
    .await
    .unwrap();
    (code, std::fs::read_to_string(&out).unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn each_version_sends_its_own_accept_and_the_default_needs_no_flag() {
    let atlas = MockAtlas::start().await;
    let answer = |version: &str| serde_json::json!({"name": version});
    atlas
        .get_widget()
        .respond_with_status(200, &answer("default"))
        .mount()
        .await;
    atlas
        .get_widget_v2023_01_01()
        .respond_with_status(200, &answer("2023-01-01"))
        .mount()
        .await;
    atlas
        .get_widget_preview()
        .respond_with_status(200, &answer("preview"))
        .mount()
        .await;
    let uri = atlas.uri();
    for (version, expected) in [
        (None, "default"),
        (Some("2024-08-05"), "default"),
        (Some("2023-01-01"), "2023-01-01"),
        (Some("preview"), "preview"),
    ] {
        let (code, written) = run(&uri, version).await;
        assert_eq!(code, 0, "{version:?}");
        let printed: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(printed, answer(expected), "{version:?}");
    }
    let (code, _) = run(&uri, Some("2022-01-01")).await;
    assert_eq!(code, 2, "a version the operation does not have");
    assert_eq!(atlas.server().received_requests().await.len(), 4);
}
