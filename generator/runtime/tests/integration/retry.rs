//! Retries: Retry-After, backoff, attempt cap, idempotency rules and transport failures.

use crate::common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant, SystemTime};

use atlas_codegen_runtime::{ClientConfig, Credentials, RetryPolicy, Transport, TransportError};
use common::{count, fast_retry, get, post, transport};
use reqwest::StatusCode;
use serde_json::json;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

const API_PATH: &str = "/api/atlas/v2/things/1";

/// Mounts `first` for the first `times` requests to API_PATH, then 200.
async fn server_failing(first: ResponseTemplate, times: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
        .mount(&server)
        .await;
    server
}

fn transport_with(server: &MockServer, policy: RetryPolicy) -> Transport {
    Transport::new(common::config(server).retry(policy)).expect("config")
}

#[tokio::test]
async fn retry_after_one_second_is_honoured() {
    let server = server_failing(
        ResponseTemplate::new(429).insert_header("Retry-After", "1"),
        1,
    )
    .await;
    // Default max_delay (30 s), so the 1 s wait is not capped.
    let t = transport_with(
        &server,
        RetryPolicy::default().initial_backoff(Duration::from_millis(1)),
    );
    let started = Instant::now();
    let response = t.execute(get(API_PATH)).await.expect("response");
    let elapsed = started.elapsed();
    assert_eq!(response.status, StatusCode::OK);
    assert!(elapsed >= Duration::from_millis(900), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
    assert_eq!(count(&server, API_PATH).await, 2);
}

#[tokio::test]
async fn retry_after_http_date_is_honoured() {
    let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(5));
    let server = server_failing(
        ResponseTemplate::new(503).insert_header("Retry-After", past.as_str()),
        1,
    )
    .await;
    // Backoff alone would wait up to an hour; the past date means "retry now".
    let hour = Duration::from_secs(3600);
    let t = transport_with(
        &server,
        RetryPolicy::default().initial_backoff(hour).max_delay(hour),
    );
    let response = tokio::time::timeout(Duration::from_secs(2), t.execute(get(API_PATH)))
        .await
        .expect("the HTTP date, not the backoff, decided the wait")
        .expect("response");
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(count(&server, API_PATH).await, 2);
}

#[tokio::test]
async fn retry_after_is_capped_by_max_delay() {
    let server = server_failing(
        ResponseTemplate::new(429).insert_header("Retry-After", "3600"),
        1,
    )
    .await;
    let t = transport(&server, Credentials::None);
    let response = tokio::time::timeout(Duration::from_secs(2), t.execute(get(API_PATH)))
        .await
        .expect("capped at max_delay")
        .expect("response");
    assert_eq!(response.status, StatusCode::OK);
}

#[tokio::test]
async fn service_unavailable_is_retried_with_backoff() {
    let server = server_failing(ResponseTemplate::new(503), 2).await;
    let response = transport(&server, Credentials::None)
        .execute(get(API_PATH))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.body.as_ref(), b"ok");
    assert_eq!(count(&server, API_PATH).await, 3);
}

#[tokio::test]
async fn attempt_cap_returns_last_response() {
    let server = server_failing(ResponseTemplate::new(429).set_body_string("slow down"), 100).await;
    let t = transport_with(&server, fast_retry().max_attempts(3));
    let response = t
        .execute(get(API_PATH))
        .await
        .expect("final 429 is a response");
    assert_eq!(response.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.body.as_ref(), b"slow down");
    assert_eq!(count(&server, API_PATH).await, 3);

    let none = transport_with(&server, RetryPolicy::none());
    assert_eq!(
        none.execute(get(API_PATH)).await.expect("response").status,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(count(&server, API_PATH).await, 4);
}

#[tokio::test]
async fn other_statuses_are_not_retried() {
    let server = server_failing(ResponseTemplate::new(500), 1).await;
    let response = transport(&server, Credentials::None)
        .execute(get(API_PATH))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(count(&server, API_PATH).await, 1);
}

#[tokio::test]
async fn post_is_retried_only_when_opted_in() {
    let body = json!({"name": "x"});
    let server = server_failing(ResponseTemplate::new(503), 1).await;
    let default = transport(&server, Credentials::None);
    let response = default
        .execute(post(API_PATH, &body))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(count(&server, API_PATH).await, 1);

    let server = server_failing(ResponseTemplate::new(503), 1).await;
    let policy_opt_in = transport_with(&server, fast_retry().retry_non_idempotent(true));
    let response = policy_opt_in
        .execute(post(API_PATH, &body))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(count(&server, API_PATH).await, 2);

    let server = server_failing(ResponseTemplate::new(503), 1).await;
    let per_call = transport(&server, Credentials::None);
    let response = per_call
        .execute(post(API_PATH, &body).retry_non_idempotent(true))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::OK);
    let requests = server.received_requests().await.expect("recording");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].body, requests[1].body, "body resent on retry");
}

#[tokio::test]
async fn timeouts_are_retried_for_get_but_not_post() {
    let slow = ResponseTemplate::new(200).set_delay(Duration::from_millis(400));
    let server = server_failing(slow, 1).await;
    let config = common::config(&server).timeout(Duration::from_millis(100));
    let t = Transport::new(config).expect("config");
    let response = t
        .execute(get(API_PATH))
        .await
        .expect("second attempt succeeds");
    assert_eq!(response.body.as_ref(), b"ok");
    assert_eq!(count(&server, API_PATH).await, 2);

    let slow = ResponseTemplate::new(200).set_delay(Duration::from_millis(400));
    let server = server_failing(slow, 1).await;
    let t = Transport::new(common::config(&server).timeout(Duration::from_millis(100)))
        .expect("config");
    let err = t
        .execute(post(API_PATH, &json!({})))
        .await
        .expect_err("POST times out once");
    assert!(
        matches!(&err, TransportError::Http { error: e, .. } if e.is_timeout()),
        "{err:?}"
    );
    assert_eq!(count(&server, API_PATH).await, 1);
}

#[tokio::test]
async fn dropped_connection_is_retried_for_get() {
    // A bare TCP server: the first connection is closed without an answer, the second gets a 200.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    let server = std::thread::spawn(move || {
        let (first, _) = listener.accept().expect("first connection");
        drop(first);
        let (mut second, _) = listener.accept().expect("second connection");
        let mut buffer = [0u8; 4096];
        let mut request = Vec::new();
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = second.read(&mut buffer).expect("read request");
            if n == 0 {
                break;
            }
            request.extend_from_slice(&buffer[..n]);
        }
        second
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok")
            .expect("write response");
        String::from_utf8_lossy(&request).into_owned()
    });
    let config = ClientConfig::new(format!("http://{address}")).retry(fast_retry());
    let response = Transport::new(config)
        .expect("config")
        .execute(get(API_PATH))
        .await
        .expect("retried");
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.body.as_ref(), b"ok");
    let second_request = server.join().expect("server thread");
    assert!(
        second_request.starts_with(&format!("GET {API_PATH} HTTP/1.1")),
        "{second_request}"
    );
}

#[tokio::test]
async fn connection_refused_gives_http_error_after_retries() {
    let address = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address")
    };
    let config = ClientConfig::new(format!("http://{address}")).retry(fast_retry().max_attempts(3));
    let started = Instant::now();
    let err = Transport::new(config)
        .expect("config")
        .execute(get(API_PATH))
        .await
        .expect_err("refused");
    assert!(
        matches!(&err, TransportError::Http { error: e, .. } if e.is_connect()),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}
