//! The engine end to end: a small hand-written API (what a generated crate provides), run on
//! command lines against a mock server, with answers written to `--out-file` to be read back.

mod fixture;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::PathBuf;

use atlas_codegen_runtime::cli::{
    run_in, Environment, EXIT_API, EXIT_OK, EXIT_USAGE, EXIT_WATCH_FAILED, EXIT_WATCH_TIMEOUT,
};
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use fixture::{API, V2};

/// A mock server on its own runtime (the engine runs one of its own, which cannot nest).
struct Server {
    runtime: tokio::runtime::Runtime,
    mock: MockServer,
    scratch: PathBuf,
}

impl Server {
    fn start(name: &str) -> Self {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let mock = runtime.block_on(MockServer::start());
        let scratch =
            std::env::temp_dir().join(format!("atlas-cli-run-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&scratch).unwrap();
        Self {
            runtime,
            mock,
            scratch,
        }
    }

    fn mount(&self, mock: Mock) {
        self.runtime.block_on(mock.mount(&self.mock));
    }

    fn requests(&self) -> usize {
        self.runtime
            .block_on(self.mock.received_requests())
            .map_or(0, |r| r.len())
    }

    /// Runs a command line (after the binary's name) with `env`, against this server.
    fn run(&self, words: &[&str], env: &[(&str, &str)]) -> u8 {
        let uri = self.mock.uri();
        run_words(&[words, &["--base-url", &uri]].concat(), env)
    }

    fn out(&self, name: &str) -> PathBuf {
        self.scratch.join(name)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.out(name)).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

/// Runs a command line (after the binary's name) with `env` and no config file.
fn run_words(words: &[&str], env: &[(&str, &str)]) -> u8 {
    run_with_config(words, env, None)
}

/// Runs a command line (after the binary's name) with `env` and a config file.
fn run_with_config(words: &[&str], env: &[(&str, &str)], config_file: Option<PathBuf>) -> u8 {
    let env: BTreeMap<String, String> = env
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let vars = move |name: &str| env.get(name).cloned();
    let environment = Environment {
        vars: &vars,
        config_file,
    };
    let mut args: Vec<OsString> = vec!["atlas-test".into()];
    args.extend(words.iter().map(OsString::from));
    run_in(&API, args, &environment)
}

fn ok_json(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

#[test]
fn an_operation_sends_its_values_and_prints_the_answer() {
    let server = Server::start("get");
    server.mount(
        Mock::given(method("GET"))
            .and(path("/api/atlas/v2/groups/p1/clusters/c%201"))
            .and(header("accept", V2))
            .respond_with(ok_json(json!({"name": "c 1", "stateName": "IDLE"}))),
    );
    let out = server.out("get.json");
    let words = [
        "api",
        "clusters",
        "get-cluster",
        "--cluster-name",
        "c 1",
        "--version",
        "2024-08-05",
        "-o",
        "json",
    ];
    let code = server.run(
        &[&words[..], &["--out-file", out.to_str().unwrap()]].concat(),
        &[("MONGODB_ATLAS_PROJECT_ID", "p1")],
    );
    assert_eq!(code, EXIT_OK);
    assert_eq!(
        server.read("get.json"),
        "{\"name\":\"c 1\",\"stateName\":\"IDLE\"}\n"
    );
}

#[test]
fn usage_errors_send_nothing() {
    let server = Server::start("usage");
    let cases: [&[&str]; 5] = [
        &["clusters", "getCluster", "--clusterName", "c1"],
        &[
            "clusters",
            "getCluster",
            "--groupId",
            "p",
            "--clusterName",
            "c",
            "--version",
            "2020-01-01",
        ],
        &[
            "clusters",
            "getCluster",
            "--groupId",
            "p",
            "--clusterName",
            "c",
            "-o",
            "yaml",
        ],
        &["clusters", "createCluster", "--groupId", "p"],
        &["clusters", "nope"],
    ];
    for words in cases {
        assert_eq!(server.run(words, &[]), EXIT_USAGE, "{words:?}");
    }
    assert_eq!(run_words(&["--crate-version"], &[]), EXIT_OK);
    assert_eq!(run_words(&["api"], &[]), EXIT_USAGE);
    assert_eq!(server.requests(), 0);
}

#[test]
fn an_error_status_is_an_api_error() {
    let server = Server::start("error");
    let body = json!({"error": 404, "errorCode": "CLUSTER_NOT_FOUND", "detail": "No cluster.", "reason": "Not Found"});
    server.mount(
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(404).set_body_json(body)),
    );
    let code = server.run(
        &[
            "clusters",
            "getCluster",
            "--groupId",
            "p",
            "--clusterName",
            "c",
        ],
        &[],
    );
    assert_eq!(code, EXIT_API);
}

#[test]
fn a_list_prints_as_a_table_and_repeated_flags_repeat() {
    let server = Server::start("table");
    let answer = json!({"results": [{"name": "a", "tier": "M10"}, {"name": "bb", "paused": true}], "totalCount": 2});
    server.mount(
        Mock::given(method("GET"))
            .and(query_param("tier", "M10"))
            .respond_with(ok_json(answer)),
    );
    let out = server.out("list.txt");
    let words = [
        "clusters",
        "listClusters",
        "--groupId",
        "p",
        "--tier",
        "M10",
        "--tier",
        "M20",
        "-o",
        "table",
        "--outFile",
    ];
    assert_eq!(
        server.run(&[&words[..], &[out.to_str().unwrap()]].concat(), &[]),
        EXIT_OK
    );
    assert_eq!(
        server.read("list.txt"),
        "NAME  TIER  PAUSED\na     M10\nbb          true\n"
    );
    let sent = server
        .runtime
        .block_on(server.mock.received_requests())
        .unwrap();
    assert_eq!(sent[0].url.query(), Some("tier=M10&tier=M20"));
}

#[test]
fn watch_polls_with_the_created_name_until_success() {
    let server = Server::start("watch");
    let body = json!({"name": "new"});
    server.mount(
        Mock::given(method("POST"))
            .and(body_json(&body))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_json(json!({"name": "new", "stateName": "CREATING"})),
            ),
    );
    let cluster = "/api/atlas/v2/groups/p/clusters/new";
    server.mount(
        Mock::given(method("GET"))
            .and(path(cluster))
            .respond_with(ok_json(json!({"stateName": "UPDATING"})))
            .up_to_n_times(2)
            .with_priority(1),
    );
    server.mount(
        Mock::given(method("GET"))
            .and(path(cluster))
            .respond_with(ok_json(json!({"stateName": "IDLE"}))),
    );
    let file = server.out("body.json");
    std::fs::write(&file, body.to_string()).unwrap();
    let out = server.out("watched.txt");
    let words = [
        "clusters",
        "createCluster",
        "--file",
        file.to_str().unwrap(),
        "--watch",
        "--watchInterval",
        "0.01",
    ];
    let tail = [
        "-o",
        "go-template={{.stateName}}",
        "--out-file",
        out.to_str().unwrap(),
    ];
    assert_eq!(
        server.run(
            &[&words[..], &tail[..]].concat(),
            &[("MONGODB_ATLAS_PROJECT_ID", "p")]
        ),
        EXIT_OK
    );
    assert_eq!(server.read("watched.txt"), "IDLE");
    assert_eq!(server.requests(), 4);
}

#[test]
fn watch_ends_with_a_failure_value_or_the_timeout() {
    let server = Server::start("watch-fail");
    server.mount(
        Mock::given(method("GET"))
            .and(path("/api/atlas/v2/groups/p/clusters/bad"))
            .respond_with(ok_json(json!({"stateName": "FAILED"}))),
    );
    server.mount(
        Mock::given(method("GET"))
            .and(path("/api/atlas/v2/groups/p/clusters/slow"))
            .respond_with(ok_json(json!({"stateName": "CREATING"}))),
    );
    let out = server.out("failed.json");
    let failed = [
        "clusters",
        "getCluster",
        "--groupId",
        "p",
        "--clusterName",
        "bad",
        "--watch",
        "--out-file",
        out.to_str().unwrap(),
    ];
    assert_eq!(server.run(&failed, &[]), EXIT_WATCH_FAILED);
    // A GET watching itself: its own answer is the first poll, and it is printed.
    assert_eq!(server.requests(), 1);
    assert!(server.read("failed.json").contains("FAILED"));
    let slow = [
        "clusters",
        "getCluster",
        "--groupId",
        "p",
        "--clusterName",
        "slow",
        "--watch",
        "--watchInterval",
        "0.05",
        "--watchTimeout",
        "1",
    ];
    assert_eq!(server.run(&slow, &[]), EXIT_WATCH_TIMEOUT);
}

#[test]
fn a_binary_answer_is_written_to_the_out_file() {
    let server = Server::start("download");
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    server.mount(
        Mock::given(method("GET"))
            .and(path("/api/atlas/v2/groups/p/clusters/c/logs/mongodb.gz"))
            .respond_with(
                ResponseTemplate::new(200).set_body_raw(bytes.clone(), "application/gzip"),
            ),
    );
    let out = server.out("logs.gz");
    let words = [
        "clusters",
        "getHostLogs",
        "--groupId",
        "p",
        "--clusterName",
        "c",
        "--out-file",
        out.to_str().unwrap(),
    ];
    assert_eq!(server.run(&words, &[]), EXIT_OK);
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    let versioned = [&words[..], &["--version", "2023-01-01"]].concat();
    assert_eq!(server.run(&versioned, &[]), EXIT_USAGE);
}

#[test]
fn a_failed_download_leaves_no_file() {
    let server = Server::start("download-error");
    server.mount(
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(500).set_body_string("oops")),
    );
    let out = server.out("logs.gz");
    let words = [
        "clusters",
        "getHostLogs",
        "--groupId",
        "p",
        "--clusterName",
        "c",
        "--out-file",
        out.to_str().unwrap(),
    ];
    assert_eq!(server.run(&words, &[]), EXIT_API);
    assert_eq!(std::fs::read_dir(&server.scratch).unwrap().count(), 0);
}

#[test]
fn a_profile_gives_credentials_defaults_and_the_output_format() {
    let server = Server::start("profile");
    server.mount(
        Mock::given(method("GET"))
            .and(path("/api/atlas/v2/groups/from-profile/clusters/c"))
            .and(header("authorization", "Bearer profile-token"))
            .respond_with(ok_json(json!({"name": "c"}))),
    );
    let config = server.out("config.toml");
    let profile = "[work]\naccess_token = \"profile-token\"\nproject_id = \"from-profile\"\noutput = \"go-template={{.name}}\"\n";
    std::fs::write(&config, profile).unwrap();
    let out = server.out("answer.txt");
    let uri = server.mock.uri();
    let words = [
        "clusters",
        "getCluster",
        "--clusterName",
        "c",
        "--profile",
        "work",
        "--base-url",
        &uri,
        "--out-file",
        out.to_str().unwrap(),
    ];
    assert_eq!(run_with_config(&words, &[], Some(config.clone())), EXIT_OK);
    assert_eq!(server.read("answer.txt"), "c");
    let missing = [
        "clusters",
        "getCluster",
        "--clusterName",
        "c",
        "--profile",
        "home",
    ];
    assert_eq!(run_with_config(&missing, &[], Some(config)), EXIT_USAGE);
}
