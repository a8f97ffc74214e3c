// @generated: a copy of generator/runtime/src/mock/stub.rs; do not edit by hand.
//! A stub of one generated method: what it matches, what it answers, how often it must be
//! called. Built by the generated `mock` module's typed methods, mounted with [`Stub::mount`].

use std::marker::PhantomData;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wiremock::{Match, Mock, Request, Respond, ResponseTemplate, Times};

use super::condition::Condition;
use super::{MockOperation, MockServer, PagedOperation};

/// One answer of a stub.
#[derive(Debug, Clone)]
pub struct Reply(ResponseTemplate);

impl Reply {
    /// `status` with `body` as JSON (no body for `()`, which is JSON `null`).
    pub fn json(status: u16, body: &impl Serialize) -> Self {
        let value = serde_json::to_value(body).expect("a mock body serialises to JSON");
        let template = ResponseTemplate::new(status);
        Self(match value {
            serde_json::Value::Null => template,
            value => template.set_body_json(value),
        })
    }

    /// `status` with an error document (the spec's error schema, `ApiError` for Atlas).
    pub fn error(status: u16, error: &impl Serialize) -> Self {
        Self::json(status, error)
    }

    /// 429 Too Many Requests with `Retry-After` (whole seconds) and an Atlas error document.
    pub fn rate_limited(retry_after: Duration) -> Self {
        let body = serde_json::json!({
            "error": 429,
            "errorCode": "RATE_LIMITED",
            "reason": "Too Many Requests",
            "detail": "Rate limit exceeded (mock).",
        });
        Self(
            ResponseTemplate::new(429)
                .insert_header("Retry-After", retry_after.as_secs().to_string())
                .set_body_json(body),
        )
    }

    /// `status` with no body (a 503 from a proxy, say).
    pub fn status(status: u16) -> Self {
        Self(ResponseTemplate::new(status))
    }

    /// `status` with raw bytes of `content_type` (CSV, gzip).
    pub fn bytes(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self(ResponseTemplate::new(status).set_body_raw(body.into(), content_type))
    }

    /// The same answer with one more header.
    pub fn header(self, name: &str, value: &str) -> Self {
        Self(self.0.insert_header(name, value))
    }
}

/// A stub of the method `O`: conditions, answers and expected calls, mounted by [`Stub::mount`].
///
/// Answers are given in order, one per matching request; the last is repeated. So
/// `.respond_status(503).respond(body)` answers 503 once and then `body`, which exercises the
/// client's retries.
#[must_use = "a stub does nothing until `mount` is awaited"]
pub struct Stub<'m, O> {
    server: &'m MockServer,
    conditions: Vec<Condition>,
    replies: Vec<Reply>,
    pages: Option<Pages>,
    times: Option<Times>,
    operation: PhantomData<fn() -> O>,
}

impl<'m, O: MockOperation> Stub<'m, O> {
    /// A stub of `O` on `server`: it matches `O`'s route, `Accept` and `Content-Type`.
    pub fn new(server: &'m MockServer) -> Self {
        let call = &O::CALL;
        let mut conditions = vec![
            Condition::route(call),
            Condition::header("accept", call.accept),
        ];
        conditions.extend(
            call.content_type
                .map(|c| Condition::header("content-type", c)),
        );
        Self {
            server,
            conditions,
            replies: Vec::new(),
            pages: None,
            times: None,
            operation: PhantomData,
        }
    }

    /// Also requires `condition` (for what the typed setters do not cover).
    pub fn matching(mut self, condition: Condition) -> Self {
        self.conditions.push(condition);
        self
    }

    /// Requires the path parameter `name` (the spec's name) to be `values` (as the client
    /// encodes it; an array's values joined by `,`).
    #[doc(hidden)]
    pub fn path_parameter(self, name: &'static str, values: Vec<String>) -> Self {
        self.matching(Condition::path_parameter(&O::CALL, name, values.join(",")))
    }

    /// Requires the query parameter `name` to have exactly `values` (as the client sends them).
    #[doc(hidden)]
    pub fn query_parameter(self, name: &'static str, values: Vec<String>) -> Self {
        self.matching(Condition::query_parameter(name, values))
    }

    /// Requires the header parameter `name` to be `values` joined by `,`.
    #[doc(hidden)]
    pub fn header_parameter(self, name: &'static str, values: Vec<String>) -> Self {
        self.matching(Condition::header_parameter(name, values.join(",")))
    }

    /// Requires the request body to be `body`, as JSON (key order aside).
    pub fn body(self, body: &O::Body) -> Self
    where
        O::Body: Serialize,
    {
        let wanted = serde_json::to_value(body).expect("a mock body serialises to JSON");
        let text = wanted.to_string();
        self.matching(Condition::new(format!("body {text}"), move |request| {
            match serde_json::from_slice::<serde_json::Value>(&request.body) {
                Ok(found) if found == wanted => Ok(()),
                Ok(found) => Err(format!("body {found}")),
                Err(_) => Err(format!(
                    "a body that is not JSON ({} bytes)",
                    request.body.len()
                )),
            }
        }))
    }

    /// Requires the request body to decode as the method's body type and satisfy `predicate`.
    pub fn body_matching(self, predicate: impl Fn(&O::Body) -> bool + Send + Sync + 'static) -> Self
    where
        O::Body: DeserializeOwned,
    {
        self.matching(Condition::new(
            "a body satisfying the predicate",
            move |request| match serde_json::from_slice::<O::Body>(&request.body) {
                Ok(body) if predicate(&body) => Ok(()),
                Ok(_) => Err("a body the predicate refused".to_owned()),
                Err(error) => Err(format!("a body that does not decode ({error})")),
            },
        ))
    }

    /// Answers with `reply` (after the answers already given).
    pub fn reply(mut self, reply: Reply) -> Self {
        self.replies.push(reply);
        self
    }

    /// Answers a plain success: the method's success status with `body`.
    pub fn respond(self, body: &O::Response) -> Self
    where
        O::Response: Serialize,
    {
        self.reply(Reply::json(O::CALL.success_status, body))
    }

    /// Answers `status` with `body` as JSON.
    pub fn respond_with_status(self, status: u16, body: &impl Serialize) -> Self {
        self.reply(Reply::json(status, body))
    }

    /// Answers `status` with an error document: `ApiError { error: Some(404), error_code:
    /// Some("CLUSTER_NOT_FOUND".into()), .. }`.
    pub fn respond_error(self, status: u16, error: &impl Serialize) -> Self {
        self.reply(Reply::error(status, error))
    }

    /// Answers 429 with `Retry-After`.
    pub fn respond_rate_limited(self, retry_after: Duration) -> Self {
        self.reply(Reply::rate_limited(retry_after))
    }

    /// Answers `status` with no body.
    pub fn respond_status(self, status: u16) -> Self {
        self.reply(Reply::status(status))
    }

    /// Answers the success status with raw bytes in the method's `Accept` media type.
    pub fn respond_bytes(self, body: impl Into<Vec<u8>>) -> Self {
        self.reply(Reply::bytes(O::CALL.success_status, O::CALL.accept, body))
    }

    /// Expects exactly `n` matching calls; checked by [`MockServer::verify`] or on drop.
    pub fn expect(mut self, n: u64) -> Self {
        self.times = Some(n.into());
        self
    }

    /// Expects at least `n` matching calls.
    pub fn expect_at_least(mut self, n: u64) -> Self {
        self.times = Some((n..).into());
        self
    }

    /// Puts the stub on the server. Without answers it answers the success status, empty.
    pub async fn mount(self) {
        let call = &O::CALL;
        self.server.remember(call, self.conditions.clone());
        let name = format!("`{}` ({})", call.method_name, call.operation_id);
        let mock = Mock::given(AllOf(self.conditions));
        let mock = match self.pages {
            Some(pages) => mock.respond_with(pages),
            None => mock.respond_with(Sequence::of(self.replies, call.success_status)),
        };
        let mock = match self.times {
            Some(times) => mock.expect(times),
            None => mock,
        };
        mock.named(name).mount(self.server.inner()).await;
    }
}

impl<O: PagedOperation> Stub<'_, O> {
    /// Answers with pages: the request for page `n` (the page-number parameter, 1 when absent)
    /// gets `pages[n - 1]` as `results`, with `totalCount` the number of items of all pages;
    /// a page past the last has no results. `into_stream()` walks them all.
    pub fn respond_pages(mut self, pages: Vec<Vec<O::Item>>) -> Self
    where
        O::Item: Serialize,
    {
        let pages: Vec<Vec<serde_json::Value>> = pages
            .iter()
            .map(|page| {
                page.iter()
                    .map(|item| serde_json::to_value(item).expect("a mock item serialises to JSON"))
                    .collect()
            })
            .collect();
        self.pages = Some(Pages {
            total: pages.iter().map(Vec::len).sum(),
            pages,
            page_parameter: O::PAGE_PARAMETER,
            results_field: O::RESULTS_FIELD,
            status: O::CALL.success_status,
        });
        self
    }
}

/// Every condition of a stub.
struct AllOf(Vec<Condition>);

impl Match for AllOf {
    fn matches(&self, request: &Request) -> bool {
        self.0.iter().all(|c| c.check(request).is_ok())
    }
}

/// Answers in order, repeating the last.
struct Sequence {
    replies: Vec<Reply>,
    next: AtomicUsize,
}

impl Sequence {
    fn of(mut replies: Vec<Reply>, success_status: u16) -> Self {
        if replies.is_empty() {
            replies.push(Reply::status(success_status));
        }
        Self {
            replies,
            next: AtomicUsize::new(0),
        }
    }
}

impl Respond for Sequence {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let index = self.next.fetch_add(1, Ordering::SeqCst);
        let reply = &self.replies[index.min(self.replies.len() - 1)];
        reply.0.clone()
    }
}

/// Pages of a list, answered by page number.
struct Pages {
    pages: Vec<Vec<serde_json::Value>>,
    total: usize,
    page_parameter: &'static str,
    results_field: &'static str,
    status: u16,
}

impl Respond for Pages {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let number: usize = request
            .url
            .query_pairs()
            .find(|(key, _)| key == self.page_parameter)
            .and_then(|(_, value)| value.parse().ok())
            .unwrap_or(1);
        let items = number
            .checked_sub(1)
            .and_then(|index| self.pages.get(index))
            .cloned()
            .unwrap_or_default();
        let mut page = serde_json::Map::new();
        page.insert(self.results_field.to_owned(), items.into());
        page.insert("totalCount".to_owned(), self.total.into());
        ResponseTemplate::new(self.status).set_body_json(page)
    }
}
