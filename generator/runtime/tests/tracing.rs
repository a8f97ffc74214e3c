//! What the runtime logs through `tracing`. Alone in its binary: tracing caches
//! per-callsite interest globally, so other tests running concurrently without a
//! subscriber could make this thread-local subscriber miss events.

#[path = "integration/common/mod.rs"]
mod common;

use std::fmt;
use std::sync::{Arc, Mutex};

use atlas_codegen_runtime::Credentials;
use common::{get, transport};
use reqwest::StatusCode;
use serde_json::json;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

const API_PATH: &str = "/api/atlas/v2/things/1";

/// Records every span and event as text, to check what the runtime logs.
#[derive(Clone, Default)]
struct Capture {
    lines: Arc<Mutex<Vec<String>>>,
    next_id: Arc<Mutex<u64>>,
}

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn fmt::Debug) {
        self.0.push_str(&format!(" {}={:?}", field.name(), value));
    }
}

impl Capture {
    fn push(&self, line: String) {
        self.lines.lock().expect("lock").push(line);
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut fields = Fields(format!("span {}", span.metadata().name()));
        span.record(&mut fields);
        self.push(fields.0);
        let mut id = self.next_id.lock().expect("lock");
        *id += 1;
        tracing::span::Id::from_u64(*id)
    }
    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut fields = Fields("record".into());
        values.record(&mut fields);
        self.push(fields.0);
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields("event".into());
        event.record(&mut fields);
        self.push(fields.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn tracing_records_attempts_without_secrets() {
    let server = MockServer::start().await;
    Mock::given(path("/api/oauth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "tok-s3cret", "expires_in": 3600, "token_type": "Bearer"
        })))
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_string("body-s3cret"))
        .mount(&server)
        .await;

    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let t = transport(
        &server,
        Credentials::service_account("client-id", "client-s3cret"),
    );
    let response = t.execute(get(API_PATH)).await.expect("response");
    assert_eq!(response.status, StatusCode::OK);

    let lines = capture.lines.lock().expect("lock").clone();
    let all = lines.join("\n");
    assert!(
        lines.iter().any(|l| l.starts_with("span atlas.request")
            && l.contains("operation=\"getThing\"")
            && l.contains("method=GET")
            && l.contains("path=\"/api/atlas/v2/things/{id}\"")),
        "{all}"
    );
    let attempts: Vec<_> = lines
        .iter()
        .filter(|l| l.contains("attempt finished"))
        .collect();
    assert_eq!(attempts.len(), 2, "{all}");
    assert!(
        attempts[0].contains("attempt=1") && attempts[0].contains("status=503"),
        "{all}"
    );
    assert!(
        attempts[1].contains("attempt=2") && attempts[1].contains("status=200"),
        "{all}"
    );
    assert!(attempts.iter().all(|l| l.contains("elapsed_ms=")), "{all}");
    for secret in ["client-s3cret", "tok-s3cret", "body-s3cret"] {
        assert!(!all.contains(secret), "{secret} logged:\n{all}");
    }
}
