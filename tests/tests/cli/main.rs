//! End-to-end tests of the generated command lines: the binaries built from the generated crates'
//! own `src/main.rs` (see `tests/Cargo.toml`), run as processes against the crates' typed mock
//! servers on 127.0.0.1. Two modules drive the same engine in process instead, for the crates
//! that have no binary here: `help` checks every fixture crate's command tree, `versions` picks
//! API versions of the multi-version fixture.

mod download;
mod environment;
mod help;
mod snapshot_file;
mod snapshots;
mod support;
mod versions;
mod watch;

/// The flags the generator keeps parameters away from are exactly those the command line
/// defines: a parameter can never take `--version` or `--file` from it.
#[test]
fn the_generator_reserves_exactly_the_command_lines_own_flags() {
    let mut defined = atlas_admin::runtime::cli::RESERVED_FLAGS.to_vec();
    let mut reserved = generator::plan::ENGINE_FLAGS.to_vec();
    defined.sort_unstable();
    reserved.sort_unstable();
    assert_eq!(defined, reserved);
}
