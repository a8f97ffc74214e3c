//! The generated `mock` module's items, written once here and declared by the generated crate
//! with one macro call each: `api!` for the mock server type's methods and the crate's `Stub`, and
//! `operation!` for each client method (its marker type, `MockOperation` impl, typed setters and
//! the mock's method that starts a stub). Printed out per method, the same items took about 70
//! lines each and the full Atlas crate's mocks 40,000 lines; a call lists only what differs.
//!
//! The macros expand in the generated crate and name its items as `crate::mock::...` and the
//! runtime as `crate::runtime::...`, which resolve there whether the runtime is a module of that
//! crate or this crate re-exported (as `record_impls!` does). Their docs are written here from
//! the call's names, so a generated call carries no doc lines and every item still has docs.

/// The methods of a generated crate's mock server type and its `Stub`: `api!(MockAtlas, routes)`,
/// where `MockAtlas` is the crate's `struct MockAtlas { server: MockServer }` and `routes` the
/// module's function listing every method's `MockCall` (to name the operation of a request no
/// stub matched). `Stub` wraps the runtime's `Stub` only so that each method's stub can have
/// inherent setters for its parameters, which Rust allows on a type of the crate alone; its
/// methods forward.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // on purpose: the generated crate, as the module docs say
macro_rules! __mock_api {
    ($mock:ident, $routes:ident) => {
        impl $mock {
            /// Starts the server.
            pub async fn start() -> Self {
                Self {
                    server: crate::runtime::mock::MockServer::start($routes()).await,
                }
            }

            /// A client of the mock, without credentials, retrying as the default
            /// [`RetryPolicy`](crate::RetryPolicy) does but after 10 ms rather than 500 ms.
            pub fn client(&self) -> crate::Client {
                let retry = crate::RetryPolicy::default()
                    .initial_backoff(::std::time::Duration::from_millis(10));
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

        #[doc = ::std::concat!(
            " A stub of the client method `O` (see the method of the same name on [`",
            ::std::stringify!($mock),
            "`]):"
        )]
        /// what it matches, what it answers in turn (the last answer repeats), and how often
        /// it must be called. It does nothing until [`Stub::mount`] is awaited.
        #[must_use = "a stub does nothing until `mount` is awaited"]
        pub struct Stub<'m, O>(crate::runtime::mock::Stub<'m, O>);

        $crate::__mock_api!(@forward $mock);
    };
    (@forward $mock:ident) => {
        impl<'m, O: crate::runtime::mock::MockOperation> Stub<'m, O> {
            fn new(mock: &'m $mock) -> Self {
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
            pub fn body_matching(
                self,
                predicate: impl Fn(&O::Body) -> bool + Send + Sync + 'static,
            ) -> Self
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
    };
}

/// One client method's stub, from a call listing what differs between methods:
///
/// ```text
/// operation!(ListThings {
///     stub: MockApi::list_things,             // the mock's method (`r#type as "type"` for a keyword)
///     operation_id: "listThings",
///     route: GET "/groups/{groupId}/things",
///     body: "application/json" NewThing,     // the body's type and `Content-Type`, if any
///     form: NewThingForm,                     // or a multipart body (its boundary varies)
///     raw: FilePart,                          // or a body sent as it is (it names its type)
///     accept: "application/vnd.atlas.2023-01-01+json",
///     pages: Thing as "results" by "pageNum", // a list answered in pages
///     response: 200 PaginatedThings,          // the status and body of a plain success
///     group_id: path "groupId" GroupId as str, // one typed setter per parameter
/// });
/// ```
///
/// It declares the marker type `ListThings` with its `MockOperation` (and `PagedOperation`)
/// impl, the method `MockApi::list_things`
/// returning a `Stub<'_, ListThings>`, and the stub's setters. A setter is
/// `name: location "wireName" Type as encoding`: it takes the type the client method takes and
/// requires the parameter to be what the client sends for it, written as the client writes it
/// (the generator picks the encoding with the client's code): `str` (`as_str()`), `text`
/// (`to_string()`), `string` (an `impl Into<String>`, as it is), `rfc3339` (a date-time),
/// `secret` (a `Secret`, exposed), `json`, or `each` one of these for an
/// array sent as repeated values.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // on purpose: the generated crate, as the module docs say
macro_rules! __mock_operation {
    ($marker:ident { stub: $mock:ident::$method:ident as $name:literal, $($rest:tt)* }) => {
        $crate::__mock_operation!(@named $marker $mock $method [$name] { $($rest)* });
    };
    ($marker:ident { stub: $mock:ident::$method:ident, $($rest:tt)* }) => {
        $crate::__mock_operation!(
            @named $marker $mock $method [::std::stringify!($method)] { $($rest)* }
        );
    };
    (@named $marker:ident $mock:ident $method:ident [$name:expr] {
        operation_id: $operation_id:literal,
        route: $http:ident $template:literal,
        $(body: $content_type:literal $body:ty,)?
        $(form: $form:ty,)?
        $(raw: $raw:ty,)?
        accept: $accept:literal,
        $(pages: $item:ty as $results:literal by $page:literal,)?
        response: $status:literal $response:ty
        $(, $setter:ident: $location:ident $wire:literal $ty:ty as $($encoding:ident)+)* $(,)?
    }) => {
        #[doc = ::std::concat!(
            " [`Client::", $name, "`](crate::Client::", $name, ") as a type, for its stub: [`",
            ::std::stringify!($mock), "::", $name, "`](crate::mock::",
            ::std::stringify!($mock), "::", $name, ")."
        )]
        #[derive(Debug)]
        pub struct $marker;

        impl crate::runtime::mock::MockOperation for $marker {
            const CALL: crate::runtime::mock::MockCall = crate::runtime::mock::MockCall {
                operation_id: $operation_id,
                method_name: $name,
                method: ::std::stringify!($http),
                path_template: $template,
                accept: $accept,
                content_type: $crate::__mock_operation!(@option $($content_type)?),
                success_status: $status,
            };
            type Body = $crate::__mock_operation!(@type $($body)? $($form)? $($raw)?);
            type Response = $response;
        }

        $(
            impl crate::runtime::mock::PagedOperation for $marker {
                type Item = $item;
                const PAGE_PARAMETER: &'static str = $page;
                const RESULTS_FIELD: &'static str = $results;
            }
        )?

        impl crate::mock::Stub<'_, $marker> {
            $(
                #[doc = ::std::concat!(
                    " Matches only requests whose `", $wire, "` (", ::std::stringify!($location),
                    ") is `value`, as the client sends it."
                )]
                pub fn $setter(self, value: $ty) -> Self {
                    let values = $crate::__mock_operation!(@texts value $($encoding)+);
                    crate::mock::Stub($crate::__mock_operation!(@require $location self.0, $wire, values))
                }
            )*
        }

        impl crate::mock::$mock {
            #[doc = ::std::concat!(
                " A stub of [`Client::", $name, "`](crate::Client::", $name, "): `",
                ::std::stringify!($http), " ", $template, "` with `Accept: ", $accept,
                "`. Set what it matches and answers, then `mount` it."
            )]
            pub fn $method(&self) -> crate::mock::Stub<'_, $marker> {
                crate::mock::Stub::new(self)
            }
        }
    };
    (@option) => { ::std::option::Option::None };
    (@option $value:literal) => { ::std::option::Option::Some($value) };
    (@type) => { () };
    (@type $ty:ty) => { $ty };
    (@require path $stub:expr, $wire:literal, $values:ident) => { $stub.path_parameter($wire, $values) };
    (@require query $stub:expr, $wire:literal, $values:ident) => { $stub.query_parameter($wire, $values) };
    (@require header $stub:expr, $wire:literal, $values:ident) => { $stub.header_parameter($wire, $values) };
    // What the client sends for a parameter: one value, or an array's values in order.
    (@texts $value:ident string) => {
        ::std::vec![::std::convert::Into::<::std::string::String>::into($value)]
    };
    (@texts $value:ident each $encoding:ident) => {
        $value
            .iter()
            .map(|item| $crate::__mock_operation!(@text item $encoding))
            .collect::<::std::vec::Vec<::std::string::String>>()
    };
    (@texts $value:ident $encoding:ident) => {
        ::std::vec![$crate::__mock_operation!(@text $value $encoding)]
    };
    (@text $value:ident str) => { ::std::borrow::ToOwned::to_owned($value.as_str()) };
    (@text $value:ident text) => { ::std::string::ToString::to_string(&$value) };
    (@text $value:ident rfc3339) => { $value.to_rfc3339_opts(::chrono::SecondsFormat::AutoSi, true) };
    (@text $value:ident secret) => { ::std::borrow::ToOwned::to_owned($value.expose()) };
    (@text $value:ident json) => { ::serde_json::to_string(&$value).unwrap_or_default() };
}
