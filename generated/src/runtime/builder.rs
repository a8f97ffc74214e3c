// @generated: a copy of generator/runtime/src/builder.rs; do not edit by hand.
//! The methods every request builder has, the same for all, as macros the generated builders
//! invoke inside their `impl` blocks: one line each instead of a dozen. A builder has the fields
//! `client_` (the client) and `headers_` ([`ExtraHeaders`](super::ExtraHeaders)), and the
//! methods `into_request` and `decode_answer`. Paths name `crate::runtime` and `crate::Error`,
//! which resolve in the generated crate that invokes them.

/// `header(name, value)`: a header for this call only.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! __header_method {
    () => {
        /// Adds a header to this call only, such as `Prefer` or a correlation id; call it again
        /// for more. Headers the client sets itself (`Authorization`, `Accept`, `Content-Type`,
        /// `User-Agent`, `Host`, `Content-Length`, `Transfer-Encoding`, `Connection`) are refused,
        /// as are invalid names and values: `send` then fails with
        /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) before anything is sent.
        // `T`, not `V`: the builder a version marker types is generic over `V` (and `B`).
        pub fn header<T>(mut self, name: impl ::std::convert::AsRef<str>, value: T) -> Self
        where
            ::reqwest::header::HeaderValue: ::std::convert::TryFrom<T>,
        {
            self.headers_.add(name.as_ref(), value);
            self
        }
    };
}

/// `body(value)`, for a builder whose body is optional: `body_method! { type Body = Widget; }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __body_method {
    (type Body = $body:ty;) => {
        /// Sets the request body.
        pub fn body(mut self, value: $body) -> Self {
            self.body_ = ::std::option::Option::Some(value);
            self
        }
    };
}

/// `retry_non_idempotent(allow)`, for a builder of a method that is not idempotent (the
/// builder has the field `retry_non_idempotent_`).
#[doc(hidden)]
#[macro_export]
macro_rules! __retry_method {
    () => {
        /// Lets the client retry this request after a 429, a 503 or a connection failure.
        /// Off by default because the method is not idempotent: only turn it on when sending
        /// the request twice cannot do harm.
        pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
            self.retry_non_idempotent_ = allow;
            self
        }
    };
}

/// `send()`, answering `ApiResponse<$answer>`, with the builder's own doc line:
/// `send_method! { /// doc type Answer = Cluster; }` (written as an item, so that the generator
/// prints and shortens the type as in any item).
#[doc(hidden)]
#[macro_export]
// `crate` is meant: the generated crate's `Error` and `runtime`, which `$crate` is not when the
// runtime is a crate of its own.
#[allow(clippy::crate_in_macro_def)]
macro_rules! __send_method {
    // With `decode_answer` too, for an answer decoded the common way (no error body of the
    // operation's own): `type Decode = json;` (or `empty`, `bytes`, `text`).
    ($(#[$meta:meta])* type Answer = $answer:ty; type Decode = $decode:ident;) => {
        $crate::__send_method! { $(#[$meta])* type Answer = $answer; }

        /// What `send` makes of an answer (public to replay recorded answers).
        #[doc(hidden)]
        pub fn decode_answer(
            response: crate::runtime::RawResponse,
        ) -> ::std::result::Result<crate::runtime::ApiResponse<$answer>, crate::Error> {
            $crate::__decode_answer!($decode, $answer, response)
        }
    };
    ($(#[$meta:meta])* type Answer = $answer:ty;) => {
        $(#[$meta])*
        pub async fn send(
            self,
        ) -> ::std::result::Result<crate::runtime::ApiResponse<$answer>, crate::Error> {
            let client_ = self.client_;
            let request = self.into_request()?;
            let response = client_.transport().execute(request).await?;
            Self::decode_answer(response)
        }
    };
}

/// The call decoding an answer of the common kinds, for `send_method!`.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! __decode_answer {
    (json, $answer:ty, $response:ident) => {
        crate::runtime::decode_json::<$answer, crate::error::Error>($response)
    };
    (empty, $answer:ty, $response:ident) => {
        crate::runtime::decode_empty::<crate::error::Error>($response)
    };
    (bytes, $answer:ty, $response:ident) => {
        crate::runtime::decode_bytes::<crate::error::Error>($response)
    };
    (text, $answer:ty, $response:ident) => {
        crate::runtime::decode_text::<crate::error::Error>($response)
    };
}

/// `poll_until(done, options)`, for a GET answering `ApiResponse<$answer>`:
/// `poll_method! { type Answer = Cluster; }`.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! __poll_method {
    (type Answer = $answer:ty;) => {
        /// Sends this request again and again, pausing as `options` says (growing intervals, an
        /// optional time limit), until `done` accepts an answer, which is returned.
        pub async fn poll_until(
            self,
            done: impl FnMut(&crate::runtime::ApiResponse<$answer>) -> bool,
            options: &crate::runtime::PollOptions,
        ) -> ::std::result::Result<
            crate::runtime::ApiResponse<$answer>,
            crate::runtime::WaitError<$answer, crate::Error>,
        > {
            crate::runtime::poll_until(|| self.clone().send(), done, options).await
        }
    };
}

#[doc(hidden)]
pub use crate::__body_method as body_method;
#[doc(hidden)]
pub use crate::__header_method as header_method;
#[doc(hidden)]
pub use crate::__poll_method as poll_method;
#[doc(hidden)]
pub use crate::__retry_method as retry_method;
#[doc(hidden)]
pub use crate::__send_method as send_method;
