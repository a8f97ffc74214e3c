//! A command line for the API, generated with the library from the same plan (the generated
//! crate's `cli` feature): `<tag> <operation> --flags`, the Atlas CLI's grammar.

mod invocation;
mod spec;

pub use invocation::{
    from_json, from_str, CliError, Invocation, EXIT_API, EXIT_OK, EXIT_TRANSPORT, EXIT_USAGE,
    EXIT_WATCH_FAILED, EXIT_WATCH_TIMEOUT,
};
pub use spec::{
    AnswerKind, CliApi, CliBody, CliClient, CliOperation, CliParameter, CliTag, CliVersion,
    CliWatch, Location, WatchValue,
};
