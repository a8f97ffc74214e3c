//! The generated clients, called end to end against mock servers on 127.0.0.1: what goes on the
//! wire for each operation, how responses and errors decode, API versions, the envelope.
// The Shared-Tier operations are deprecated by Atlas; calling them is the point of these tests.
#![allow(deprecated)]

mod answers;
mod constructs;
mod download;
mod edge_cases;
mod envelope;
mod errors;
mod forms;
mod hooks;
mod legacy;
mod mocks_admin;
mod mocks_fixtures;
mod models;
mod operations;
mod polling;
mod support;
mod versions;
