// @generated: a copy of generator/runtime/src/cli/mod.rs; do not edit by hand.
//! A command line for the API, generated with the library from the same plan (the generated
//! crate's `cli` feature): `<tag> <operation> --flags`, the Atlas CLI's grammar.
//!
//! A generated crate describes its operations ([`CliApi`]); this engine does the rest: the clap
//! command tree and help (`app`), settings from flags, the environment and the Atlas CLI's
//! profiles (`config`), each operation's values (`args`), sending (`session`), printing
//! (`output`, `table`), downloads (`download`) and `--watch` (`watch`). [`main`] runs it all.

mod answer;
mod app;
mod args;
mod config;
mod download;
mod invocation;
mod output;
mod run;
mod session;
mod snapshot;
mod spec;
mod table;
mod watch;

pub use app::{command, RESERVED_FLAGS};
pub use invocation::{
    from_json, from_str, CliError, Invocation, EXIT_API, EXIT_OK, EXIT_TRANSPORT, EXIT_USAGE,
    EXIT_WATCH_FAILED, EXIT_WATCH_TIMEOUT,
};
pub use run::{main, run, run_in, Environment};
pub use spec::{
    AnswerKind, CliApi, CliBody, CliClient, CliDownload, CliOperation, CliParameter, CliTag,
    CliVersion, CliWatch, Location, WatchValue,
};
