//! The fixed part of the `mock` module: the mock server type (`MockAtlas` for Atlas, `MockApi`
//! otherwise: `plan::Profile`) and the crate's `Stub`. The stub wraps the
//! runtime's (`runtime::mock::Stub`) only so that each method's stub can have inherent setters
//! for its parameters, which Rust allows on a type of this crate alone; its methods forward.

use proc_macro2::TokenStream;
use quote::quote;

/// The mock server type, named `mock_name`, and `Stub`, the same in every generated crate.
pub fn stub_wrapper(mock_name: &str) -> TokenStream {
    let mock = quote::format_ident!("{mock_name}");
    let stub = stub(&mock);
    quote! {
        /// The mock API: a server on 127.0.0.1 and the stubs mounted on it.
        #[derive(Debug)]
        pub struct #mock {
            server: crate::runtime::mock::MockServer,
        }

        impl #mock {
            /// Starts the server.
            pub async fn start() -> Self {
                Self {
                    server: crate::runtime::mock::MockServer::start(routes()).await,
                }
            }

            /// A client of the mock, without credentials, retrying as the default
            /// [`RetryPolicy`](crate::RetryPolicy) does but after 10 ms rather than 500 ms.
            pub fn client(&self) -> crate::Client {
                let retry = crate::RetryPolicy::default().initial_backoff(::std::time::Duration::from_millis(10));
                self.client_with(crate::Client::default_config().retry(retry))
            }

            /// A client of the mock with a configuration of your own (its base URL is replaced).
            pub fn client_with(&self, config: crate::ClientConfig) -> crate::Client {
                crate::Client::with_config(config.base_url(self.uri()))
                    .expect("a client of the mock server builds")
            }

            /// The server's base URL (`http://127.0.0.1:<port>`), for a client of your own.
            pub fn uri(&self) -> ::std::string::String {
                self.server.uri()
            }

            /// The server: the requests it received, the ones no stub matched.
            pub fn server(&self) -> &crate::runtime::mock::MockServer {
                &self.server
            }

            /// Panics when a request matched no stub or a stub was not called as often as it
            /// expects, naming the operations and what differed. Dropping the mock checks the
            /// same, unless the test is already failing.
            pub async fn verify(&self) {
                self.server.verify().await;
            }
        }

        #stub
    }
}

/// The crate's `Stub`: the runtime's, with each method forwarded.
fn stub(mock: &proc_macro2::Ident) -> TokenStream {
    let doc = format!(
        " A stub of the client method `O` (see the method of the same name on [`{mock}`]):"
    );
    quote! {
        #[doc = #doc]
        /// what it matches, what it answers in turn (the last answer repeats), and how often
        /// it must be called. It does nothing until [`Stub::mount`] is awaited.
        #[must_use = "a stub does nothing until `mount` is awaited"]
        pub struct Stub<'m, O>(crate::runtime::mock::Stub<'m, O>);

        impl<'m, O: crate::runtime::mock::MockOperation> Stub<'m, O> {
            fn new(mock: &'m #mock) -> Self {
                Self(crate::runtime::mock::Stub::new(&mock.server))
            }

            /// Also requires `condition` of the request.
            pub fn matching(self, condition: crate::runtime::mock::Condition) -> Self {
                Self(self.0.matching(condition))
            }

            /// Requires the request body to be `body` (as JSON).
            pub fn body(self, body: &O::Body) -> Self
            where
                O::Body: ::serde::Serialize,
            {
                Self(self.0.body(body))
            }

            /// Requires the request body to decode and satisfy `predicate`.
            pub fn body_matching(self, predicate: impl Fn(&O::Body) -> bool + Send + Sync + 'static) -> Self
            where
                O::Body: ::serde::de::DeserializeOwned,
            {
                Self(self.0.body_matching(predicate))
            }

            /// Answers with `reply` after the answers already given.
            pub fn reply(self, reply: crate::runtime::mock::Reply) -> Self {
                Self(self.0.reply(reply))
            }

            /// Answers the method's success status with `body`.
            pub fn respond(self, body: &O::Response) -> Self
            where
                O::Response: ::serde::Serialize,
            {
                Self(self.0.respond(body))
            }

            /// Answers `status` with `body` as JSON.
            pub fn respond_with_status(self, status: u16, body: &impl ::serde::Serialize) -> Self {
                Self(self.0.respond_with_status(status, body))
            }

            /// Answers `status` with an error document (such as the spec's `ApiError`).
            pub fn respond_error(self, status: u16, error: &impl ::serde::Serialize) -> Self {
                Self(self.0.respond_error(status, error))
            }

            /// Answers 429 Too Many Requests with `Retry-After`.
            pub fn respond_rate_limited(self, retry_after: ::std::time::Duration) -> Self {
                Self(self.0.respond_rate_limited(retry_after))
            }

            /// Answers `status` with no body (a 503, say).
            pub fn respond_status(self, status: u16) -> Self {
                Self(self.0.respond_status(status))
            }

            /// Answers the success status with raw bytes (CSV, gzip) in the `Accept` media type.
            pub fn respond_bytes(self, body: impl Into<::std::vec::Vec<u8>>) -> Self {
                Self(self.0.respond_bytes(body))
            }

            /// Expects exactly `n` matching calls.
            pub fn expect(self, n: u64) -> Self {
                Self(self.0.expect(n))
            }

            /// Expects at least `n` matching calls.
            pub fn expect_at_least(self, n: u64) -> Self {
                Self(self.0.expect_at_least(n))
            }

            /// Mounts the stub on the mock server.
            pub async fn mount(self) {
                self.0.mount().await;
            }
        }

        impl<O: crate::runtime::mock::PagedOperation> Stub<'_, O> {
            /// Answers with pages of items by page number (`totalCount` counts all of them), so
            /// the builder's `into_stream()` walks them all.
            pub fn respond_pages(self, pages: ::std::vec::Vec<::std::vec::Vec<O::Item>>) -> Self
            where
                O::Item: ::serde::Serialize,
            {
                Self(self.0.respond_pages(pages))
            }
        }
    }
}
