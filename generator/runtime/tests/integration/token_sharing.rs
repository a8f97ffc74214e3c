//! One OAuth token cache per service account and token endpoint, shared by every transport of
//! the process: many clients, one token request.

use crate::common;

use std::time::Duration;

use atlas_codegen_runtime::{Credentials, Transport};
use common::{count, get, transport};
use reqwest::StatusCode;
use serde_json::json;
use wiremock::matchers::{header, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN_PATH: &str = "/api/oauth/token";
const API_PATH: &str = "/api/atlas/v2/things/1";
// base64("client-id:secret-a") and base64("client-id:secret-b").
const BASIC_A: &str = "Basic Y2xpZW50LWlkOnNlY3JldC1h";
const BASIC_B: &str = "Basic Y2xpZW50LWlkOnNlY3JldC1i";

fn token(access_token: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "access_token": access_token,
        "expires_in": 3600,
        "token_type": "Bearer",
    }))
}

/// Answers 200 to requests bearing `access_token`, expecting `times` of them.
async fn api_accepting(server: &MockServer, access_token: &str, times: u64) {
    Mock::given(path(API_PATH))
        .and(header(
            "authorization",
            format!("Bearer {access_token}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200))
        .expect(times)
        .mount(server)
        .await;
}

async fn call(t: &Transport) {
    let response = t.execute(get(API_PATH)).await.expect("response");
    assert_eq!(response.status, StatusCode::OK);
}

#[tokio::test]
async fn twenty_transports_with_one_service_account_fetch_one_token() {
    let server = MockServer::start().await;
    // Slow, so the concurrent calls all arrive while the one token request is in flight.
    Mock::given(path(TOKEN_PATH))
        .respond_with(token("tok-shared").set_delay(Duration::from_millis(50)))
        .expect(1)
        .mount(&server)
        .await;
    api_accepting(&server, "tok-shared", 40).await;
    let service_account = || Credentials::service_account("client-id", "secret-a");

    // Twenty clients built up front, calling at once.
    let concurrent: Vec<_> = (0..20)
        .map(|_| transport(&server, service_account()))
        .collect();
    let calls: Vec<_> = concurrent
        .iter()
        .cloned()
        .map(|t| tokio::spawn(async move { call(&t).await }))
        .collect();
    for c in calls {
        c.await.expect("task");
    }
    // Twenty more built one after the other, each calling once it is built.
    let mut sequential = Vec::new();
    for _ in 0..20 {
        let t = transport(&server, service_account());
        call(&t).await;
        sequential.push(t);
    }
    assert_eq!(count(&server, TOKEN_PATH).await, 1);
}

#[tokio::test]
async fn another_secret_or_token_url_fetches_its_own_token() {
    let server = MockServer::start().await;
    for (basic, token_path, access_token) in [
        (BASIC_A, TOKEN_PATH, "tok-a"),
        (BASIC_B, TOKEN_PATH, "tok-b"),
        (BASIC_A, "/other/token", "tok-c"),
    ] {
        Mock::given(path(token_path))
            .and(header("authorization", basic))
            .respond_with(token(access_token))
            .expect(1)
            .mount(&server)
            .await;
        api_accepting(&server, access_token, 2).await;
    }
    let other_url = format!("{}/other/token", server.uri());
    let build = |secret: &str, token_url: Option<&str>| {
        let mut config =
            common::config(&server).credentials(Credentials::service_account("client-id", secret));
        if let Some(url) = token_url {
            config = config.oauth_token_url(url);
        }
        Transport::new(config).expect("config")
    };
    // Two transports of each kind, all alive together: each pair shares a token.
    let transports = [
        build("secret-a", None),
        build("secret-b", None),
        build("secret-a", Some(&other_url)),
        build("secret-a", None),
        build("secret-b", None),
        build("secret-a", Some(&other_url)),
    ];
    for t in &transports {
        call(t).await;
    }
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
    assert_eq!(count(&server, "/other/token").await, 1);
}

#[tokio::test]
async fn a_cache_lives_as_long_as_a_transport_uses_it() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(token("tok"))
        .expect(2)
        .mount(&server)
        .await;
    api_accepting(&server, "tok", 3).await;
    let service_account = || Credentials::service_account("client-id", "secret-a");
    let first = transport(&server, service_account());
    call(&first).await;
    // Built while the first is alive: shares its token.
    let second = transport(&server, service_account());
    call(&second).await;
    assert_eq!(count(&server, TOKEN_PATH).await, 1);
    // With both gone the cache is gone too (no secret outlives its clients), so a new client
    // fetches again.
    drop((first, second));
    call(&transport(&server, service_account())).await;
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
}
