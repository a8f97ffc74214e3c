//! The transport's request shape, path safety and envelope unwrapping.

use crate::common;

use atlas_codegen_runtime::{encode_path_segment, Credentials, TransportError};
use common::{count, get, post, transport, ACCEPT_V};
use reqwest::StatusCode;
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const API_PATH: &str = "/api/atlas/v2/things/1";

#[tokio::test]
async fn request_carries_headers_query_and_body() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(API_PATH))
        .and(query_param("itemsPerPage", "5"))
        .and(query_param("name", "a b&c"))
        .and(header("accept", ACCEPT_V))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"error": 404})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(API_PATH))
        .and(header("content-type", ACCEPT_V))
        .and(body_json(json!({"name": "x"})))
        .respond_with(ResponseTemplate::new(201).insert_header("RateLimit-Remaining", "9"))
        .expect(1)
        .mount(&server)
        .await;
    let t = transport(&server, Credentials::None);

    let response = t
        .execute(
            get(API_PATH)
                .query("itemsPerPage", "5")
                .query("name", "a b&c"),
        )
        .await
        .expect("non-2xx statuses are responses");
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(response.body.as_ref(), br#"{"error":404}"#);

    let created = t
        .execute(post(API_PATH, &json!({"name": "x"})))
        .await
        .expect("response");
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.rate_limit().remaining, Some(9));

    let requests = server.received_requests().await.expect("recording");
    let agent = requests[0]
        .headers
        .get("user-agent")
        .expect("user agent")
        .to_str()
        .expect("ascii");
    assert_eq!(agent, concat!("atlas-admin/", env!("CARGO_PKG_VERSION")));
    assert!(requests[0].headers.get("authorization").is_none());
}

#[tokio::test]
async fn custom_user_agent_and_base_path() {
    let server = MockServer::start().await;
    Mock::given(path(format!("/proxy{API_PATH}")))
        .and(header("user-agent", "my-tool/1.0"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let config = common::config(&server)
        .base_url(format!("{}/proxy/", server.uri()))
        .user_agent("my-tool/1.0");
    let t = atlas_codegen_runtime::Transport::new(config).expect("config");
    assert_eq!(
        t.execute(get(API_PATH)).await.expect("response").status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn encoded_segments_reach_the_server_verbatim() {
    let server = MockServer::start().await;
    Mock::given(path("/api/atlas/v2/things/..%2Fadmin%3Fx"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let t = transport(&server, Credentials::None);
    let p = format!("/api/atlas/v2/things/{}", encode_path_segment("../admin?x"));
    assert_eq!(
        t.execute(get(&p)).await.expect("response").status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn dot_segments_and_unencoded_paths_are_refused() {
    let server = MockServer::start().await;
    let t = transport(&server, Credentials::None);
    let dot_dot = format!("/api/atlas/v2/things/{}/x", encode_path_segment(".."));
    let dot = format!("/api/atlas/v2/things/{}", encode_path_segment("."));
    for bad in [
        dot_dot.as_str(),
        dot.as_str(),
        "/api/atlas/v2/things/../x",
        "/api/atlas/v2/things/{id}",
        "/api/atlas/v2/things/a?b",
        "/api/atlas/v2/things/a#b",
        "api/atlas/v2/things",
    ] {
        let err = t.execute(get(bad)).await.expect_err(bad);
        assert!(matches!(err, TransportError::Config(_)), "{bad}: {err:?}");
    }
    assert_eq!(
        server.received_requests().await.expect("recording").len(),
        0
    );
}

fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("JSON body")
}

async fn envelope_server(body: Value, times: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .and(query_param("envelope", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .up_to_n_times(times)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn envelope_success_is_unwrapped() {
    let server = envelope_server(json!({"status": 200, "content": {"id": "abc"}}), 1).await;
    let t = transport(&server, Credentials::None);
    let response = t
        .execute(get(API_PATH).query("envelope", "true"))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(json_of(&response.body), json!({"id": "abc"}));
    assert!(response.is_json());
    assert_eq!(
        response.headers.get("content-type").expect("content type"),
        "application/json"
    );
}

#[tokio::test]
async fn envelope_error_is_unwrapped() {
    let inner = json!({"error": 404, "errorCode": "RESOURCE_NOT_FOUND", "reason": "Not Found"});
    let server = envelope_server(json!({"status": 404, "content": inner}), 1).await;
    let t = transport(&server, Credentials::None);
    let response = t
        .execute(get(API_PATH).query("envelope", "true"))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(json_of(&response.body), inner);
}

#[tokio::test]
async fn envelope_list_drops_status_next_to_results() {
    let server = envelope_server(
        json!({"status": 200, "results": [1, 2], "totalCount": 2}),
        1,
    )
    .await;
    let t = transport(&server, Credentials::None);
    let response = t
        .execute(get(API_PATH).query("envelope", "true"))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        json_of(&response.body),
        json!({"results": [1, 2], "totalCount": 2})
    );
}

#[tokio::test]
async fn envelope_inner_status_drives_retries() {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"status": 503, "content": {}})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"status": 200, "content": [1]})),
        )
        .mount(&server)
        .await;
    let t = transport(&server, Credentials::None);
    let response = t
        .execute(get(API_PATH).query("envelope", "true"))
        .await
        .expect("response");
    assert_eq!(
        (response.status, json_of(&response.body)),
        (StatusCode::OK, json!([1]))
    );
    assert_eq!(count(&server, API_PATH).await, 2);
}

#[tokio::test]
async fn malformed_envelope_is_an_error() {
    for body in [
        json!({"content": {}}),
        json!([1]),
        json!({"status": "PENDING"}),
    ] {
        let server = envelope_server(body.clone(), 1).await;
        let t = transport(&server, Credentials::None);
        let err = t
            .execute(get(API_PATH).query("envelope", "true"))
            .await
            .expect_err("not an envelope");
        match err {
            TransportError::Envelope(response) => {
                assert_eq!(json_of(response.body()), body);
                assert_eq!(response.call().operation_id, "getThing");
            }
            other => panic!("expected Envelope, got {other:?}"),
        }
    }
}

/// An operation the spec gives a server of its own is sent there, path prefix included, while
/// the configuration keeps its default base URL; once a base URL is given (a test server, a
/// proxy), every call goes to it.
#[tokio::test]
async fn an_operations_own_server_is_used_until_a_base_url_is_given() {
    let default = MockServer::start().await;
    let own = MockServer::start().await;
    for server in [&default, &own] {
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(204))
            .mount(server)
            .await;
    }
    let own_server: &'static str = Box::leak(format!("{}/upload/", own.uri()).into_boxed_str());
    let request = || {
        let mut request = get("/things/1");
        request.server = Some(own_server);
        request
    };
    let spec_default = atlas_codegen_runtime::Transport::new(
        atlas_codegen_runtime::ClientConfig::new(default.uri()),
    )
    .unwrap();
    spec_default.execute(request()).await.unwrap();
    let given = atlas_codegen_runtime::Transport::new(
        atlas_codegen_runtime::ClientConfig::new("https://unused.example").base_url(default.uri()),
    )
    .unwrap();
    given.execute(request()).await.unwrap();
    let paths = |requests: Vec<wiremock::Request>| -> Vec<String> {
        requests.iter().map(|r| r.url.path().to_owned()).collect()
    };
    assert_eq!(
        paths(own.received_requests().await.unwrap()),
        ["/upload/things/1"]
    );
    assert_eq!(
        paths(default.received_requests().await.unwrap()),
        ["/things/1"]
    );
}
