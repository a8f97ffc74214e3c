//! What this repository generates, and from which spec: shared by `cargo xtask codegen` (which
//! writes or checks them) and the test that keeps them in sync, so the two cannot disagree.

use std::borrow::Cow;

use crate::emit::RuntimeSource;
use crate::ir::Date;

/// One generated crate.
#[derive(Debug, Clone)]
pub struct Target {
    /// The spec, relative to the repository root.
    pub spec: &'static str,
    /// The crate folder, relative to the repository root.
    pub out: &'static str,
    /// The crate's package name.
    pub crate_name: &'static str,
    /// How it gets the runtime.
    pub runtime: RuntimeSource,
    /// The date its sunsets are judged against (`--as-of`), when the spec's own dates are not
    /// the right one.
    pub as_of: Option<&'static str>,
}

impl Target {
    /// [`Target::as_of`] as a date.
    pub fn as_of(&self) -> Option<Date> {
        self.as_of.and_then(Date::parse)
    }
}

/// The fixture clients depend on the runtime crate rather than carry five copies of it: it is
/// compiled once, and what they test is the runtime as it is in `generator/runtime/`.
const FIXTURE_RUNTIME: RuntimeSource =
    RuntimeSource::Path(Cow::Borrowed("../../../generator/runtime"));

/// The client users vendor, then the fixture clients the tests compile and call.
pub const TARGETS: &[Target] = &[
    Target {
        spec: FRAGMENT,
        out: "generated",
        crate_name: "atlas-admin",
        // What users vendor: it must build with nothing from this repository.
        runtime: RuntimeSource::Copied,
        as_of: Some(FRAGMENT_AS_OF),
    },
    Target {
        spec: "tests/fixtures/multi-version.yaml",
        out: "tests/clients/multi-version",
        crate_name: "fixture-multi-version",
        runtime: FIXTURE_RUNTIME,
        as_of: None,
    },
    Target {
        spec: "tests/fixtures/constructs.yaml",
        out: "tests/clients/constructs",
        crate_name: "fixture-constructs",
        runtime: FIXTURE_RUNTIME,
        as_of: None,
    },
    Target {
        spec: "tests/fixtures/legacy-v1.yaml",
        out: "tests/clients/legacy-v1",
        crate_name: "fixture-legacy-v1",
        runtime: FIXTURE_RUNTIME,
        as_of: None,
    },
    Target {
        spec: "tests/fixtures/edge-cases.yaml",
        out: "tests/clients/edge-cases",
        crate_name: "fixture-edge-cases",
        runtime: FIXTURE_RUNTIME,
        as_of: None,
    },
    Target {
        spec: "tests/fixtures/forms.yaml",
        out: "tests/clients/forms",
        crate_name: "fixture-forms",
        runtime: FIXTURE_RUNTIME,
        as_of: None,
    },
];

/// The Atlas spec fragment the vendored client is generated from.
pub const FRAGMENT: &str = "spec/snapshots.yaml";

/// The tags [`FRAGMENT`] is extracted with from the full spec (`spec/README.md`): the sunset
/// Shared-Tier endpoints beside the Flex endpoints that replace them.
pub const FRAGMENT_TAGS: &[&str] = &[
    "Shared-Tier Snapshots",
    "Shared-Tier Restore Jobs",
    "Flex Snapshots",
    "Flex Restore Jobs",
];

/// The day MongoDB published the full spec the fragment was extracted from
/// (`atlas-admin-v2.2026-03-03.yaml`). The fragment keeps only its own operations' dates, the
/// newest of which predates the Shared-Tier sunset (2026-01-22) that had passed when it was
/// published.
pub const FRAGMENT_AS_OF: &str = "2026-03-03";

/// The version given to generated crates.
pub const CRATE_VERSION: &str = "0.1.0";
