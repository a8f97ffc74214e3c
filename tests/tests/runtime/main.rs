//! The runtime support the generated crate carries (auth, retries, envelope, transport), tested
//! through the generated crate against mock servers on 127.0.0.1.

mod auth;
mod basics;
mod common;
mod env;
mod retry;
mod transport;
