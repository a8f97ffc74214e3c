//! The runtime (auth, retries, envelope, transport) tested through its own API against mock
//! servers on 127.0.0.1, as generated code calls it. What generated clients make of it is tested
//! with them, in the workspace's `tests/tests/client/`.

mod auth;
mod basics;
mod common;
mod env;
mod hooks;
mod retry;
mod token_sharing;
mod transport;
