//! Authentication against local mock servers: bearer, OAuth service accounts and HTTP Digest API keys.

use crate::common;

use std::sync::Mutex;

use atlas_codegen_runtime::{AuthError, Credentials, TransportError};
use common::{count, get, post, transport};
use digest_auth::{AuthContext, AuthorizationHeader, HttpMethod};
use reqwest::StatusCode;
use serde_json::{json, Value};
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const TOKEN_PATH: &str = "/api/oauth/token";
const API_PATH: &str = "/api/atlas/v2/things/1";
// base64("client-id:client-s3cret")
const BASIC: &str = "Basic Y2xpZW50LWlkOmNsaWVudC1zM2NyZXQ=";

fn token(access_token: &str, expires_in: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "access_token": access_token,
        "expires_in": expires_in,
        "token_type": "Bearer",
    }))
}

fn service_account() -> Credentials {
    Credentials::service_account("client-id", "client-s3cret")
}

#[tokio::test]
async fn bearer_token_is_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(API_PATH))
        .and(header("authorization", "Bearer bearer-s3cret"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let t = transport(&server, Credentials::bearer("bearer-s3cret"));
    let response = t.execute(get(API_PATH)).await.expect("response");
    assert_eq!(response.status, StatusCode::OK);
}

#[tokio::test]
async fn basic_credentials_are_sent_as_rfc_7617_says() {
    let server = MockServer::start().await;
    // `Basic ` and base64 of `user:pa:ss wörd` (RFC 7617: the password may hold a colon).
    Mock::given(method("GET"))
        .and(path(API_PATH))
        .and(header("authorization", "Basic dXNlcjpwYTpzcyB3w7ZyZA=="))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let credentials = Credentials::basic("user", "pa:ss wörd");
    let debug = format!("{credentials:?}");
    assert!(!debug.contains("pa:ss"), "{debug}");
    let t = transport(&server, credentials);
    let response = t.execute(get(API_PATH)).await.expect("response");
    assert_eq!(response.status, StatusCode::OK);
}

#[tokio::test]
async fn oauth_single_token_request_for_concurrent_calls() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .and(header("authorization", BASIC))
        .and(header("accept", "application/json"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string("grant_type=client_credentials"))
        .respond_with(token("tok-1", 3600).set_delay(std::time::Duration::from_millis(50)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(API_PATH))
        .and(header("authorization", "Bearer tok-1"))
        .respond_with(ResponseTemplate::new(200))
        .expect(21)
        .mount(&server)
        .await;

    let t = transport(&server, service_account());
    let calls = (0..20).map(|_| {
        let t = t.clone();
        tokio::spawn(async move { t.execute(get(API_PATH)).await })
    });
    for call in calls.collect::<Vec<_>>() {
        let response = call.await.expect("task").expect("response");
        assert_eq!(response.status, StatusCode::OK);
    }
    // A later call reuses the cached, still valid token.
    assert_eq!(
        t.execute(get(API_PATH)).await.expect("response").status,
        StatusCode::OK
    );
    assert_eq!(count(&server, TOKEN_PATH).await, 1);
}

#[tokio::test]
async fn oauth_token_refreshed_after_expiry() {
    let server = MockServer::start().await;
    // expires_in 0: the token is due for refresh as soon as it is issued.
    Mock::given(path(TOKEN_PATH))
        .respond_with(token("tok-1", 0))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(token("tok-2", 0))
        .mount(&server)
        .await;
    for tok in ["tok-1", "tok-2"] {
        Mock::given(path(API_PATH))
            .and(header("authorization", format!("Bearer {tok}").as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_string(tok))
            .expect(1)
            .mount(&server)
            .await;
    }
    let t = transport(&server, service_account());
    let first = t.execute(get(API_PATH)).await.expect("first");
    let second = t.execute(get(API_PATH)).await.expect("second");
    assert_eq!(
        (first.body.as_ref(), second.body.as_ref()),
        (&b"tok-1"[..], &b"tok-2"[..])
    );
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
}

#[tokio::test]
async fn oauth_401_refreshes_token_once_and_retries() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(token("tok-1", 3600))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(token("tok-2", 3600))
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .and(header("authorization", "Bearer tok-1"))
        .respond_with(ResponseTemplate::new(401))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .and(header("authorization", "Bearer tok-2"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let t = transport(&server, service_account());
    assert_eq!(
        t.execute(get(API_PATH)).await.expect("response").status,
        StatusCode::OK
    );
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
}

#[tokio::test]
async fn oauth_persistent_401_is_returned_without_looping() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(token("tok", 3600))
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    let t = transport(&server, service_account());
    let response = t
        .execute(get(API_PATH))
        .await
        .expect("401 is a response, not an error");
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(count(&server, API_PATH).await, 2);
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
}

#[tokio::test]
async fn oauth_token_endpoint_failure_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(401).set_body_string(r#"{"error":"invalid_client"}"#))
        .mount(&server)
        .await;
    let t = transport(&server, service_account());
    let err = t.execute(get(API_PATH)).await.expect_err("token failure");
    match &err {
        TransportError::Auth(AuthError::TokenEndpoint { status, snippet }) => {
            assert_eq!(*status, 401);
            assert!(snippet.contains("invalid_client"));
        }
        other => panic!("expected TokenEndpoint, got {other:?}"),
    }
    assert!(!format!("{err} {err:?}").contains("client-s3cret"));
    assert_eq!(count(&server, API_PATH).await, 0);
    assert_eq!(count(&server, TOKEN_PATH).await, 1);
}

#[tokio::test]
async fn oauth_undecodable_token_never_quotes_the_body() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"access_token": "tok-s3cret", "expires_in": "soon"})),
        )
        .mount(&server)
        .await;
    let t = transport(&server, service_account());
    let err = t.execute(get(API_PATH)).await.expect_err("bad token body");
    assert!(
        matches!(err, TransportError::Auth(AuthError::TokenDecode { .. })),
        "{err:?}"
    );
    assert!(!format!("{err} {err:?}").contains("tok-s3cret"));
}

#[tokio::test]
async fn oauth_explicit_token_url() {
    let server = MockServer::start().await;
    Mock::given(path("/custom/token"))
        .respond_with(token("tok", 3600))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .and(header("authorization", "Bearer tok"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let config = common::config(&server)
        .credentials(service_account())
        .oauth_token_url(format!("{}/custom/token", server.uri()));
    let t = atlas_codegen_runtime::Transport::new(config).expect("config");
    assert_eq!(
        t.execute(get(API_PATH)).await.expect("response").status,
        StatusCode::OK
    );
}

/// A Digest server that checks answers by recomputing them with `digest_auth`.
struct DigestServer {
    password: &'static str,
    challenge_params: &'static str,
    nonce: Mutex<String>,
    /// Issue a new nonce after every success, so the next pre-emptive answer is stale.
    rotate: bool,
}

impl DigestServer {
    fn new(password: &'static str, challenge_params: &'static str) -> Self {
        Self {
            password,
            challenge_params,
            nonce: Mutex::new("nonce-0".into()),
            rotate: false,
        }
    }

    fn challenge(&self, nonce: &str, stale: bool) -> ResponseTemplate {
        let value = format!(
            r#"Digest realm="MMS Public API", domain="", nonce="{nonce}", {}, stale={stale}"#,
            self.challenge_params
        );
        ResponseTemplate::new(401)
            .insert_header("WWW-Authenticate", value.as_str())
            .set_body_json(json!({"error": 401, "reason": "Unauthorized"}))
    }
}

impl Respond for DigestServer {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut nonce = self.nonce.lock().expect("nonce lock");
        let Some(authorization) = request.headers.get("authorization") else {
            return self.challenge(&nonce, false);
        };
        let Ok(answer) = AuthorizationHeader::parse(authorization.to_str().unwrap_or_default())
        else {
            return ResponseTemplate::new(400).set_body_string("unparseable Authorization");
        };
        if answer.nonce != *nonce {
            return self.challenge(&nonce, true);
        }
        let uri = match request.url.query() {
            Some(q) => format!("{}?{q}", request.url.path()),
            None => request.url.path().to_owned(),
        };
        if answer.uri != uri || answer.username != "public-key" {
            return ResponseTemplate::new(400).set_body_string("wrong uri or user");
        }
        let context = AuthContext::new_with_method(
            "public-key",
            self.password,
            uri.as_str(),
            Some(request.body.as_slice()),
            HttpMethod::from(request.method.as_str()),
        );
        let mut expected = answer.clone();
        expected.digest(&context);
        if expected.response != answer.response {
            return self.challenge(&nonce, false);
        }
        if self.rotate {
            *nonce = format!("{}-next", *nonce);
        }
        ResponseTemplate::new(200).set_body_json(json!({
            "nc": answer.nc,
            "qop": answer.qop.map(|q| q.to_string()),
            "algorithm": answer.algorithm.to_string(),
            "body": String::from_utf8_lossy(&request.body),
        }))
    }
}

async fn digest_server(responder: DigestServer) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(responder)
        .mount(&server)
        .await;
    server
}

fn api_key() -> Credentials {
    Credentials::api_key("public-key", "private-s3cret")
}

fn json_body(response: &atlas_codegen_runtime::RawResponse) -> Value {
    serde_json::from_slice(&response.body).expect("JSON body")
}

#[tokio::test]
async fn digest_get_challenge_then_preemptive() {
    let server = digest_server(DigestServer::new(
        "private-s3cret",
        r#"algorithm=MD5, qop="auth""#,
    ))
    .await;
    let t = transport(&server, api_key());

    let first = t
        .execute(get(API_PATH).query("pretty", "true"))
        .await
        .expect("first");
    assert_eq!(first.status, StatusCode::OK, "{}", first.snippet());
    assert_eq!(json_body(&first)["nc"], 1);
    assert_eq!(json_body(&first)["qop"], "auth");
    assert_eq!(count(&server, API_PATH).await, 2, "challenge + answer");

    // The cached challenge is answered up front, with the nonce count incremented.
    let second = t.execute(get(API_PATH)).await.expect("second");
    assert_eq!(second.status, StatusCode::OK, "{}", second.snippet());
    assert_eq!(json_body(&second)["nc"], 2);
    assert_eq!(
        count(&server, API_PATH).await,
        3,
        "one request for a pre-emptive answer"
    );

    let requests = server.received_requests().await.expect("recording");
    assert!(requests[0].headers.get("authorization").is_none());
}

#[tokio::test]
async fn digest_post_with_body_sha256_auth_int() {
    let server = digest_server(DigestServer::new(
        "private-s3cret",
        r#"algorithm=SHA-256, qop="auth,auth-int""#,
    ))
    .await;
    let t = transport(&server, api_key());
    let body = json!({"name": "cluster0", "note": "ü"});
    let response = t.execute(post(API_PATH, &body)).await.expect("response");
    assert_eq!(response.status, StatusCode::OK, "{}", response.snippet());
    let echoed = json_body(&response);
    // auth-int hashes the body, so success proves the resent body is byte-identical.
    assert_eq!(echoed["qop"], "auth-int");
    assert_eq!(echoed["algorithm"], "SHA-256");
    assert_eq!(
        serde_json::from_str::<Value>(echoed["body"].as_str().expect("body")).expect("json"),
        body
    );
    let requests = server.received_requests().await.expect("recording");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].body, requests[1].body);
    assert_eq!(
        requests[1]
            .headers
            .get("content-type")
            .expect("content type"),
        common::ACCEPT_V
    );
}

#[tokio::test]
async fn digest_wrong_key_returns_401_without_looping() {
    let server = digest_server(DigestServer::new(
        "another-key",
        r#"algorithm=MD5, qop="auth""#,
    ))
    .await;
    let t = transport(&server, api_key());
    let first = t.execute(get(API_PATH)).await.expect("401 is a response");
    assert_eq!(first.status, StatusCode::UNAUTHORIZED);
    assert_eq!(count(&server, API_PATH).await, 2);
    // The rejected pre-emptive answer (same nonce, not stale) is not repeated.
    let second = t.execute(get(API_PATH)).await.expect("401 is a response");
    assert_eq!(second.status, StatusCode::UNAUTHORIZED);
    assert_eq!(count(&server, API_PATH).await, 3);
}

#[tokio::test]
async fn digest_stale_nonce_is_answered_again() {
    let mut responder = DigestServer::new("private-s3cret", r#"algorithm=MD5, qop="auth""#);
    responder.rotate = true;
    let server = digest_server(responder).await;
    let t = transport(&server, api_key());
    assert_eq!(
        t.execute(get(API_PATH)).await.expect("first").status,
        StatusCode::OK
    );
    let second = t.execute(get(API_PATH)).await.expect("second");
    assert_eq!(second.status, StatusCode::OK);
    // Fresh nonce, so the count restarts.
    assert_eq!(json_body(&second)["nc"], 1);
    assert_eq!(
        count(&server, API_PATH).await,
        4,
        "2 + stale pre-emptive + re-answer"
    );
}

#[tokio::test]
async fn digest_unparseable_challenge_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(
            ResponseTemplate::new(401).insert_header("WWW-Authenticate", r#"Digest nonce="n""#),
        )
        .mount(&server)
        .await;
    let err = transport(&server, api_key())
        .execute(get(API_PATH))
        .await
        .expect_err("no realm");
    assert!(
        matches!(err, TransportError::Auth(AuthError::DigestChallenge(_))),
        "{err:?}"
    );
    assert!(!format!("{err} {err:?}").contains("private-s3cret"));
}

#[tokio::test]
async fn digest_401_without_challenge_is_returned() {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(
            ResponseTemplate::new(401).insert_header("WWW-Authenticate", r#"Bearer realm="x""#),
        )
        .mount(&server)
        .await;
    let response = transport(&server, api_key())
        .execute(get(API_PATH))
        .await
        .expect("response");
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(count(&server, API_PATH).await, 1);
}
