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
        pub fn header<V>(mut self, name: impl ::std::convert::AsRef<str>, value: V) -> Self
        where
            ::reqwest::header::HeaderValue: ::std::convert::TryFrom<V>,
        {
            self.headers_.add(name.as_ref(), value);
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
pub use crate::__header_method as header_method;
#[doc(hidden)]
pub use crate::__poll_method as poll_method;
#[doc(hidden)]
pub use crate::__send_method as send_method;
