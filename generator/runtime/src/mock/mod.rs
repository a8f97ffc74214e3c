//! Typed mocks of the API, for testing code that calls it without Atlas (the `mock` feature):
//! an in-process HTTP server on 127.0.0.1 ([wiremock]), a client pointed at it, and one stub
//! builder per generated method. A stub matches what the method sends (its route, the versioned
//! `Accept`, the `Content-Type` of its body, and whatever parameters and body the test asks
//! for) and answers with typed bodies, typed errors, rate limits, raw bytes, pages, or a
//! sequence of these. A request no stub matches is answered with status 501 and an Atlas error
//! document saying which operation it was and what differed, and fails the test when the server
//! is verified or dropped.
//!
//! The generated crate's `mock` module wraps this one with a method per operation, declared by
//! this module's macros (`api!`, `operation!`); this module knows no generated type.

mod condition;
mod macros;
mod stub;

use std::sync::{Arc, Mutex, PoisonError};

use wiremock::{Mock, Request, Respond, ResponseTemplate};

pub use condition::Condition;
pub use stub::{Reply, Stub};

#[doc(hidden)]
pub use crate::__mock_api as api;
#[doc(hidden)]
pub use crate::__mock_operation as operation;

/// What a mock knows of one generated method: where it sends, and what it must send.
#[derive(Debug)]
pub struct MockCall {
    /// The spec's `operationId`.
    pub operation_id: &'static str,
    /// The `Client` method that makes the call.
    pub method_name: &'static str,
    /// The HTTP method (`GET`).
    pub method: &'static str,
    /// The path as the spec writes it, with `{placeholders}`.
    pub path_template: &'static str,
    /// The `Accept` the method sends (the versioned media type).
    pub accept: &'static str,
    /// The `Content-Type` of its body, when it sends one.
    pub content_type: Option<&'static str>,
    /// The status of a plain success.
    pub success_status: u16,
}

/// A generated method, as a type: what the mock needs to know of it, and the types of its body
/// and of its answer.
pub trait MockOperation {
    /// Where it sends, and what.
    const CALL: MockCall;
    /// The request body (`()` when there is none).
    type Body;
    /// The body of a success (`()` when there is none).
    type Response;
}

/// A list operation whose answers are pages: `{"results": [...], "totalCount": n}`.
pub trait PagedOperation: MockOperation {
    /// One item of a page.
    type Item;
    /// The query parameter holding the page number (1 first).
    const PAGE_PARAMETER: &'static str;
    /// The page's field holding the items.
    const RESULTS_FIELD: &'static str;
}

/// A stub as the server keeps it for explaining misses.
struct Mounted {
    call: &'static MockCall,
    conditions: Vec<Condition>,
}

#[derive(Default)]
struct Registry {
    mounted: Vec<Mounted>,
    missed: Vec<String>,
}

/// The mock server: wiremock's, plus what explains the requests no stub matched.
pub struct MockServer {
    server: wiremock::MockServer,
    registry: Arc<Mutex<Registry>>,
    routes: Arc<[&'static MockCall]>,
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer")
            .field("uri", &self.server.uri())
            .finish()
    }
}

impl MockServer {
    /// Starts a server on 127.0.0.1 that knows `routes` (every method the crate has, to name
    /// the operation of a request no stub matched).
    pub async fn start(routes: Vec<&'static MockCall>) -> Self {
        let routes: Arc<[&'static MockCall]> = routes.into();
        let server = wiremock::MockServer::start().await;
        let registry = Arc::new(Mutex::new(Registry::default()));
        let explain = Explain {
            registry: Arc::clone(&registry),
            routes: Arc::clone(&routes),
        };
        // The lowest priority: it answers only what no stub does.
        Mock::given(wiremock::matchers::any())
            .respond_with(explain)
            .with_priority(u8::MAX)
            .named("requests no stub matched")
            .mount(&server)
            .await;
        Self {
            server,
            registry,
            routes,
        }
    }

    /// The server's base URL (`http://127.0.0.1:<port>`).
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// The methods this server knows.
    pub fn routes(&self) -> &[&'static MockCall] {
        &self.routes
    }

    /// Every request received so far.
    pub async fn received_requests(&self) -> Vec<Request> {
        self.server.received_requests().await.unwrap_or_default()
    }

    /// Panics when a request matched no stub, or a stub's expected number of calls was not met;
    /// the message names the operations and what differed. Dropping the server checks the same.
    pub async fn verify(&self) {
        self.panic_on_misses();
        self.server.verify().await;
    }

    /// Takes the messages of the requests no stub matched so far, one each: a test that expects
    /// such requests asserts on them, and they no longer fail it.
    pub fn take_misses(&self) -> Vec<String> {
        std::mem::take(&mut self.registry().missed)
    }

    fn panic_on_misses(&self) {
        let missed = self.take_misses();
        if !missed.is_empty() {
            panic!("{}", missed.join("\n\n"));
        }
    }

    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn remember(&self, call: &'static MockCall, conditions: Vec<Condition>) {
        self.registry().mounted.push(Mounted { call, conditions });
    }

    pub(crate) fn inner(&self) -> &wiremock::MockServer {
        &self.server
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.panic_on_misses();
        }
    }
}

/// Answers a request no stub matched: 501 with an Atlas error document whose `detail` says
/// which operation it was and, for each stub of that operation, what differed.
struct Explain {
    registry: Arc<Mutex<Registry>>,
    routes: Arc<[&'static MockCall]>,
}

impl Respond for Explain {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut registry = self.registry.lock().unwrap_or_else(PoisonError::into_inner);
        let message = explain(&registry.mounted, &self.routes, request);
        registry.missed.push(message.clone());
        ResponseTemplate::new(501).set_body_json(serde_json::json!({
            "error": 501,
            "errorCode": "MOCK_NO_STUB_MATCHED",
            "reason": "Not Implemented",
            "detail": message,
        }))
    }
}

fn explain(mounted: &[Mounted], routes: &[&'static MockCall], request: &Request) -> String {
    let target = format!("{} {}", request.method, request.url);
    // Versions of an operation share its route: the one whose `Accept` was sent, else the first.
    let same_route: Vec<&&MockCall> = routes.iter().filter(|c| c.route_matches(request)).collect();
    let accept = request.headers.get("accept").and_then(|v| v.to_str().ok());
    let by_accept = same_route.iter().find(|c| Some(c.accept) == accept);
    let Some(call) = by_accept.or(same_route.first()) else {
        return format!("mock: no stub matched `{target}`, which is no operation of this API");
    };
    let mut lines = vec![format!(
        "mock: no stub matched `{target}`: `{}` ({})",
        call.method_name, call.operation_id
    )];
    let stubs: Vec<&Mounted> = mounted
        .iter()
        .filter(|m| m.call.operation_id == call.operation_id)
        .collect();
    if stubs.is_empty() {
        lines.push(format!("  no stub of `{}` is mounted", call.operation_id));
    }
    for (index, stub) in stubs.iter().enumerate() {
        let failed: Vec<String> = stub
            .conditions
            .iter()
            .filter_map(|c| c.check(request).err().map(|found| (c, found)))
            .map(|(c, found)| format!("wanted {}, got {found}", c.wanted))
            .collect();
        let stub_of = stub.call.method_name;
        let failed = match failed.is_empty() {
            true => "every condition holds (a stub is tried in the order mounted)".to_owned(),
            false => failed.join("; "),
        };
        lines.push(format!("  stub {} (`{stub_of}`): {failed}", index + 1));
    }
    lines.join("\n")
}
