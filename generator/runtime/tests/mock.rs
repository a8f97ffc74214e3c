//! The generic mock server and stub (the `mock` feature), without a generated crate: routes
//! with text around a parameter, query arrays, explanations of misses, sequences and pages.
#![cfg(feature = "mock")]

use atlas_codegen_runtime::mock::{MockCall, MockOperation, MockServer, PagedOperation, Stub};

/// `POST /groups/{groupId}/peers/{id}:accept`, a route with text after a parameter.
struct Accept;

impl MockOperation for Accept {
    const CALL: MockCall = MockCall {
        operation_id: "acceptPeer",
        method_name: "accept_peer",
        method: "POST",
        path_template: "/groups/{groupId}/peers/{id}:accept",
        accept: "application/vnd.atlas.2023-02-01+json",
        content_type: None,
        success_status: 202,
    };
    type Body = ();
    type Response = serde_json::Value;
}

/// `GET /groups/{groupId}/peers`, a list.
struct List;

impl MockOperation for List {
    const CALL: MockCall = MockCall {
        operation_id: "listPeers",
        method_name: "list_peers",
        method: "GET",
        path_template: "/groups/{groupId}/peers",
        accept: "application/vnd.atlas.2023-01-01+json",
        content_type: None,
        success_status: 200,
    };
    type Body = ();
    type Response = serde_json::Value;
}

impl PagedOperation for List {
    type Item = String;
    const PAGE_PARAMETER: &'static str = "pageNum";
    const RESULTS_FIELD: &'static str = "results";
}

fn routes() -> Vec<&'static MockCall> {
    vec![&Accept::CALL, &List::CALL]
}

async fn send(
    server: &MockServer,
    method: &str,
    path: &str,
    accept: &str,
) -> (u16, serde_json::Value) {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let response = reqwest::Client::new()
        .request(method, format!("{}{path}", server.uri()))
        .header("Accept", accept)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

#[tokio::test]
async fn a_parameter_inside_a_segment_is_matched_and_decoded() {
    let server = MockServer::start(routes()).await;
    Stub::<Accept>::new(&server)
        .path_parameter("id", vec!["a b".into()])
        .respond(&serde_json::json!({"accepted": true}))
        .expect(1)
        .mount()
        .await;
    let accept = Accept::CALL.accept;
    let (status, body) = send(&server, "POST", "/groups/g1/peers/a%20b:accept", accept).await;
    assert_eq!((status, body), (202, serde_json::json!({"accepted": true})));
    // The same route with another id: explained stub by stub.
    let (status, body) = send(&server, "POST", "/groups/g1/peers/other:accept", accept).await;
    assert_eq!(status, 501);
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("`accept_peer` (acceptPeer)"), "{detail}");
    assert!(
        detail.contains("wanted path `id` = `a b`, got path `id` = `other`"),
        "{detail}"
    );
    // A path of no operation says so.
    let (_, body) = send(&server, "GET", "/nowhere", accept).await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("no operation of this API"),
        "{body}"
    );
    assert_eq!(server.take_misses().len(), 2);
    server.verify().await;
}

#[tokio::test]
async fn answers_come_in_turn_and_pages_by_number() {
    let server = MockServer::start(routes()).await;
    Stub::<List>::new(&server)
        .respond_pages(vec![vec!["a".into(), "b".into()], vec!["c".into()]])
        .mount()
        .await;
    let accept = List::CALL.accept;
    let (_, first) = send(&server, "GET", "/groups/g/peers", accept).await;
    let (_, second) = send(&server, "GET", "/groups/g/peers?pageNum=2", accept).await;
    let (_, past) = send(&server, "GET", "/groups/g/peers?pageNum=3", accept).await;
    assert_eq!(
        first,
        serde_json::json!({"results": ["a", "b"], "totalCount": 3})
    );
    assert_eq!(
        second,
        serde_json::json!({"results": ["c"], "totalCount": 3})
    );
    assert_eq!(past, serde_json::json!({"results": [], "totalCount": 3}));

    let server = MockServer::start(routes()).await;
    Stub::<Accept>::new(&server)
        .respond_status(503)
        .respond(&serde_json::json!({"n": 2}))
        .expect(3)
        .mount()
        .await;
    let accept = Accept::CALL.accept;
    let statuses = [
        send(&server, "POST", "/groups/g/peers/p:accept", accept)
            .await
            .0,
        send(&server, "POST", "/groups/g/peers/p:accept", accept)
            .await
            .0,
        send(&server, "POST", "/groups/g/peers/p:accept", accept)
            .await
            .0,
    ];
    assert_eq!(statuses, [503, 202, 202], "the last answer repeats");
    server.verify().await;
}
