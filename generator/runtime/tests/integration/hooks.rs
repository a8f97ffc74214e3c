//! Before-send and after-answer hooks: what they see and change, across retries and auth
//! exchanges, and that credentials stay out of their reach.

use crate::common;

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use atlas_codegen_runtime::{ClientConfig, Credentials, Transport};
use common::{count, fast_retry, get, ACCEPT_V};
use reqwest::header::{
    HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, COOKIE, PROXY_AUTHORIZATION,
};
use reqwest::{Method, StatusCode};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const API_PATH: &str = "/api/atlas/v2/things/1";
const TOKEN_PATH: &str = "/api/oauth/token";

/// Lines appended by hooks, shared with the test.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<String>>>);

impl Log {
    fn push(&self, line: String) {
        self.0.lock().expect("log lock").push(line);
    }

    fn lines(&self) -> Vec<String> {
        self.0.lock().expect("log lock").clone()
    }
}

/// `config` with hooks that log everything they are shown: each view's `Debug`, and every
/// header value as text (`Debug` hides values marked sensitive, so this shows those as well).
fn logging(config: ClientConfig, log: &Log) -> ClientConfig {
    let (before, after) = (log.clone(), log.clone());
    config
        .before_send(move |request| {
            before.push(format!("before {request:?}"));
            for (name, value) in request.headers() {
                before.push(format!("before header {name}: {}", lossy(value)));
            }
        })
        .after_answer(move |answer| {
            after.push(format!("after {answer:?}"));
            for (name, value) in answer.headers() {
                after.push(format!("after header {name}: {}", lossy(value)));
            }
        })
}

fn lossy(value: &HeaderValue) -> String {
    String::from_utf8_lossy(value.as_bytes()).into_owned()
}

/// Fails naming the first of `forbidden` (compared without case) that the log contains.
fn assert_absent(log: &Log, forbidden: &[&str]) {
    let text = log.lines().join("\n");
    assert!(!text.is_empty(), "the hooks ran");
    let lower = text.to_ascii_lowercase();
    for word in forbidden {
        assert!(
            !lower.contains(&word.to_ascii_lowercase()),
            "hooks saw {word:?}:\n{text}"
        );
    }
}

#[tokio::test]
async fn a_header_added_before_sending_reaches_the_server() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(API_PATH))
        .and(header("x-request-id", "req-42"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    let config = common::config(&server)
        .credentials(Credentials::bearer("bearer-s3cret"))
        .before_send(move |request| {
            record.lock().expect("lock").push((
                request.operation_id(),
                request.method().clone(),
                request.url().to_string(),
                request.attempt(),
                request.headers().get(ACCEPT).cloned(),
                request.headers().contains_key(AUTHORIZATION),
            ));
            let name = HeaderName::from_static("x-request-id");
            let value = HeaderValue::from_static("req-42");
            request.insert_header(name, value).expect("not reserved");
        });
    let t = Transport::new(config).expect("config");
    let response = t
        .execute(get(API_PATH).query("pretty", "true"))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::OK);
    let seen = seen.lock().expect("lock").clone();
    assert_eq!(
        seen,
        [(
            "getThing",
            Method::GET,
            format!("{}{API_PATH}?pretty=true", server.uri()),
            1,
            Some(HeaderValue::from_static(ACCEPT_V)),
            false,
        )]
    );
}

#[tokio::test]
async fn the_answer_hook_sees_each_attempt_with_status_headers_and_time() {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-answer", "fine")
                .set_delay(Duration::from_millis(30)),
        )
        .mount(&server)
        .await;
    let (sent, answered) = (
        Arc::new(Mutex::new(Vec::new())),
        Arc::new(Mutex::new(Vec::new())),
    );
    let (record_sent, record_answer) = (Arc::clone(&sent), Arc::clone(&answered));
    let config = common::config(&server)
        .before_send(move |request| record_sent.lock().expect("lock").push(request.attempt()))
        .after_answer(move |answer| {
            record_answer.lock().expect("lock").push((
                answer.operation_id(),
                answer.method().clone(),
                answer.url().path().to_owned(),
                answer.attempt(),
                answer.status(),
                answer.headers().get("x-answer").cloned(),
                answer.error().map(str::to_owned),
                answer.elapsed(),
            ));
        });
    let t = Transport::new(config).expect("config");
    let response = t.execute(get(API_PATH)).await.expect("response");
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(*sent.lock().expect("lock"), [1, 2]);
    let answered = answered.lock().expect("lock").clone();
    let summary: Vec<_> = answered
        .iter()
        .map(|(op, method, path, attempt, status, x_answer, error, _)| {
            (
                *op,
                method.clone(),
                path.as_str(),
                *attempt,
                *status,
                x_answer.clone(),
                error.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "getThing",
                Method::GET,
                API_PATH,
                1,
                Some(StatusCode::SERVICE_UNAVAILABLE),
                None,
                None
            ),
            (
                "getThing",
                Method::GET,
                API_PATH,
                2,
                Some(StatusCode::OK),
                Some(HeaderValue::from_static("fine")),
                None
            ),
        ]
    );
    let elapsed = answered[1].7;
    assert!(elapsed >= Duration::from_millis(30), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[tokio::test]
async fn the_answer_hook_reports_exchanges_that_got_no_answer() {
    // A port nobody listens on any more: every connection is refused.
    let address = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address")
    };
    let answered = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&answered);
    let config = ClientConfig::new(format!("http://{address}"))
        .retry(fast_retry().max_attempts(2))
        .after_answer(move |answer| {
            record.lock().expect("lock").push((
                answer.attempt(),
                answer.status(),
                answer.headers().len(),
                answer.error().map(str::to_owned),
            ));
        });
    let t = Transport::new(config).expect("config");
    t.execute(get(API_PATH))
        .await
        .expect_err("connection refused");
    let answered = answered.lock().expect("lock").clone();
    assert_eq!(answered.len(), 2, "{answered:?}");
    for (index, (attempt, status, headers, error)) in answered.iter().enumerate() {
        assert_eq!((*attempt, *status, *headers), (index as u32 + 1, None, 0));
        let error = error.as_deref().unwrap_or_default();
        assert!(error.contains("error sending request"), "{error}");
    }
}

/// Challenges a request without `Authorization` the Digest way, accepts any with it; both
/// answers also carry what hooks must not see (cookies, nonces) and one header they may.
struct ChallengeAll;

impl Respond for ChallengeAll {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let common = |status| {
            ResponseTemplate::new(status)
                .insert_header("set-cookie", "session=cookie-s3cret")
                .insert_header("x-visible", "shown")
        };
        if request.headers.contains_key("authorization") {
            return common(200)
                .insert_header("authentication-info", r#"nextnonce="next-s3cret""#)
                .set_body_json(json!({"ok": true}));
        }
        common(401).insert_header(
            "www-authenticate",
            r#"Digest realm="MMS Public API", domain="", nonce="nonce-s3cret", algorithm=MD5, qop="auth", stale=false"#,
        )
    }
}

#[tokio::test]
async fn hooks_never_see_digest_credentials_or_nonces() {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(ChallengeAll)
        .mount(&server)
        .await;
    let log = Log::default();
    let config = logging(common::config(&server), &log)
        .credentials(Credentials::api_key("public-key", "private-s3cret"));
    let t = Transport::new(config).expect("config");
    let response = t.execute(get(API_PATH)).await.expect("response");
    assert_eq!(response.status, StatusCode::OK);

    // Authentication did happen: the second request answered the challenge.
    let requests = server.received_requests().await.expect("recording");
    let sent = requests[1].headers.get("authorization").expect("answered");
    assert!(sent.to_str().unwrap_or_default().starts_with("Digest "));

    let lines = log.lines();
    let answers: Vec<_> = lines
        .iter()
        .filter(|l| l.starts_with("after AnswerInfo"))
        .collect();
    assert_eq!(answers.len(), 2, "challenge and answer: {lines:#?}");
    assert!(
        answers[0].contains("attempt: 1") && answers[0].contains("401"),
        "{lines:#?}"
    );
    assert!(
        answers[1].contains("attempt: 1") && answers[1].contains("200"),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"after header x-visible: shown".to_owned()),
        "{lines:#?}"
    );
    assert_absent(
        &log,
        &[
            "private-s3cret",
            "nonce-s3cret",
            "next-s3cret",
            "cookie-s3cret",
            "Digest",
            "authorization",
            "www-authenticate",
            "authentication-info",
            "set-cookie",
        ],
    );
}

#[tokio::test]
async fn hooks_never_see_service_account_or_bearer_tokens() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "tok-s3cret",
            "expires_in": 3600,
            "token_type": "Bearer",
        })))
        .mount(&server)
        .await;
    // The first answer rejects the token, so the refresh-and-resend exchange runs too.
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(200).insert_header("x-visible", "shown"))
        .mount(&server)
        .await;
    let log = Log::default();
    for credentials in [
        Credentials::service_account("client-id", "client-s3cret"),
        Credentials::bearer("bearer-s3cret"),
    ] {
        let config = logging(common::config(&server), &log).credentials(credentials);
        let t = Transport::new(config).expect("config");
        let response = t.execute(get(API_PATH)).await.expect("response");
        assert_eq!(response.status, StatusCode::OK);
    }
    // Two tokens for the service account (the first was rejected); the hooks saw neither request.
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
    let lines = log.lines();
    let answers: Vec<_> = lines
        .iter()
        .filter(|l| l.starts_with("after AnswerInfo"))
        .collect();
    assert_eq!(answers.len(), 3, "401, resend, bearer call: {lines:#?}");
    assert!(
        answers.iter().all(|a| a.contains("attempt: 1")),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"after header x-visible: shown".to_owned()),
        "{lines:#?}"
    );
    assert_absent(
        &log,
        &[
            "client-s3cret",
            "tok-s3cret",
            "bearer-s3cret",
            "Bearer",
            "Basic",
            "authorization",
            TOKEN_PATH,
        ],
    );
}

#[tokio::test]
async fn a_hook_cannot_set_credential_headers() {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let refused = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&refused);
    let meddle = move |request: &mut atlas_codegen_runtime::OutgoingRequest<'_>| {
        let evil = HeaderValue::from_static("Bearer evil");
        for name in [AUTHORIZATION, PROXY_AUTHORIZATION, COOKIE, ACCEPT] {
            for result in [
                request.insert_header(name.clone(), evil.clone()),
                request.append_header(name.clone(), evil.clone()),
            ] {
                let error = result.expect_err("reserved");
                record.lock().expect("lock").push(error.name().clone());
                assert!(error.to_string().contains(name.as_str()), "{error}");
            }
        }
    };
    for credentials in [Credentials::bearer("bearer-s3cret"), Credentials::None] {
        let config = common::config(&server)
            .credentials(credentials)
            .before_send(meddle.clone());
        let t = Transport::new(config).expect("config");
        t.execute(get(API_PATH)).await.expect("response");
    }
    assert_eq!(refused.lock().expect("lock").len(), 16);
    let requests = server.received_requests().await.expect("recording");
    let values = |index: usize, name: &str| -> Vec<String> {
        requests[index]
            .headers
            .get_all(name)
            .iter()
            .map(lossy)
            .collect()
    };
    assert_eq!(values(0, "authorization"), ["Bearer bearer-s3cret"]);
    assert!(values(1, "authorization").is_empty());
    for index in [0, 1] {
        assert!(values(index, "proxy-authorization").is_empty());
        assert!(values(index, "cookie").is_empty());
        assert_eq!(values(index, "accept"), [ACCEPT_V]);
    }
}

#[test]
fn debug_says_how_many_hooks_not_what_they_are() {
    let config = ClientConfig::new("https://cloud.mongodb.com")
        .before_send(|_| {})
        .before_send(|_| {})
        .after_answer(|_| {});
    let debug = format!("{config:?}");
    assert!(
        debug.contains("hooks: Hooks { before_send: 2, after_answer: 1 }"),
        "{debug}"
    );
    let transport = Transport::new(config).expect("config");
    assert!(format!("{transport:?}").contains("before_send: 2"));
}
