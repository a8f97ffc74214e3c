//! Helpers shared by the runtime integration tests (every server is a local wiremock on 127.0.0.1).
#![allow(dead_code)]

use std::time::Duration;

use atlas_codegen_runtime::{
    ClientConfig, Credentials, RequestBody, RequestSpec, RetryPolicy, Transport,
};
use reqwest::Method;
use wiremock::MockServer;

/// A versioned Atlas media type, as the generated code would pass it.
pub const ACCEPT_V: &str = "application/vnd.atlas.2023-01-01+json";

/// Retries with waits of a few milliseconds, so retry tests stay fast.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5))
}

/// A configuration pointing at `server` with fast retries.
pub fn config(server: &MockServer) -> ClientConfig {
    ClientConfig::new(server.uri())
        .retry(fast_retry())
        .timeout(Duration::from_secs(5))
}

/// A transport for `server` with the given credentials.
pub fn transport(server: &MockServer, credentials: Credentials) -> Transport {
    Transport::new(config(server).credentials(credentials)).expect("valid test configuration")
}

/// A GET of `path`.
pub fn get(path: &str) -> RequestSpec {
    RequestSpec::new(
        Method::GET,
        "getThing",
        "/api/atlas/v2/things/{id}",
        path,
        ACCEPT_V,
    )
}

/// A POST of `path` with a JSON body.
pub fn post(path: &str, body: &serde_json::Value) -> RequestSpec {
    RequestSpec::new(
        Method::POST,
        "createThing",
        "/api/atlas/v2/things",
        path,
        ACCEPT_V,
    )
    .body(RequestBody::json(ACCEPT_V, body).expect("serializable body"))
}

/// How many requests `server` received for `path`.
pub async fn count(server: &MockServer, path: &str) -> usize {
    server
        .received_requests()
        .await
        .expect("request recording is on")
        .iter()
        .filter(|r| r.url.path() == path)
        .count()
}
