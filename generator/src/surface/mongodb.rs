//! MongoDB's judgement of a change code: the `backwardCompatible` its API changelog gives the
//! entries with that `changeCode`, for every code the report uses.
//!
//! MongoDB publishes the changelog of the Atlas Administration API in the public repository
//! `mongodb/openapi`, built with oasdiff: `changelog/changelog.json` holds, per date, operation
//! (path, HTTP method, operationId) and API version, entries of `change`, `changeCode` and
//! `backwardCompatible`. Its generator (`tools/cli/internal/changelog/merge.go`) sets
//! `backwardCompatible` to "the oasdiff level is below ERR", with oasdiff's default levels
//! (`checker/rules.go` of oasdiff) raised to ERR for a few codes (`breakingChangesAdditionalCheckers`
//! in `tools/cli/internal/changelog/changelog.go`), and records a version passing its sunset date
//! as `endpoint-removed` at level ERR (`sunset.go`).
//!
//! Each row says where its value comes from:
//! - `data`: read in `changelog/changelog.json` at commits `7bc2cc437854ba916a0767ffa2d124ebf30d5779`
//!   (entries 2023-02-01 to 2025-03-13) and `018028f114b688886e9a4bfd86cf4d1785b2cc1c`;
//! - `mongodb`: MongoDB's generator code named above (the ERR overrides and `endpoint-removed`);
//!   where it disagrees with older data (`request-property-removed` and
//!   `response-optional-property-removed` were `true` in some 2024 entries) the code, being the
//!   newer judgement, wins;
//! - `oasdiff`: the level oasdiff's current `checker/rules.go` gives the check, for codes this
//!   report uses that the data read did not show, judged by MongoDB's rule (ERR: not compatible).

/// Where a row's value was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Data,
    Mongodb,
    Oasdiff,
}

/// Change code, MongoDB's `backwardCompatible` for it, and where that was read. Sorted by code.
const TABLE: &[(&str, bool, Source)] = &[
    ("api-operation-id-removed", false, Source::Mongodb),
    ("api-schema-removed", false, Source::Mongodb),
    ("api-sunset-date-changed-too-small", false, Source::Oasdiff),
    ("api-tag-added", true, Source::Data),
    ("api-tag-removed", false, Source::Mongodb),
    ("endpoint-added", true, Source::Data),
    ("endpoint-deprecated", true, Source::Data),
    ("endpoint-reactivated", true, Source::Oasdiff),
    ("endpoint-removed", false, Source::Mongodb),
    ("new-optional-request-parameter", true, Source::Data),
    ("new-optional-request-property", true, Source::Data),
    ("new-required-request-parameter", false, Source::Oasdiff),
    ("new-required-request-property", false, Source::Oasdiff),
    ("request-body-became-optional", true, Source::Oasdiff),
    ("request-body-became-required", false, Source::Oasdiff),
    ("request-parameter-became-optional", true, Source::Oasdiff),
    ("request-parameter-became-required", false, Source::Oasdiff),
    ("request-parameter-deprecated", true, Source::Oasdiff),
    ("request-parameter-pattern-added", true, Source::Oasdiff),
    ("request-parameter-pattern-changed", true, Source::Oasdiff),
    ("request-parameter-pattern-removed", true, Source::Oasdiff),
    ("request-parameter-reactivated", true, Source::Oasdiff),
    ("request-parameter-removed", false, Source::Mongodb),
    ("request-parameter-type-changed", false, Source::Oasdiff),
    ("request-property-became-optional", true, Source::Data),
    ("request-property-became-required", false, Source::Oasdiff),
    (
        "request-property-discriminator-mapping-changed",
        true,
        Source::Oasdiff,
    ),
    (
        "request-property-discriminator-property-name-changed",
        true,
        Source::Oasdiff,
    ),
    ("request-property-enum-value-added", true, Source::Data),
    (
        "request-property-enum-value-removed",
        false,
        Source::Oasdiff,
    ),
    ("request-property-one-of-added", true, Source::Data),
    ("request-property-one-of-removed", false, Source::Oasdiff),
    ("request-property-removed", false, Source::Mongodb),
    ("request-property-type-changed", false, Source::Oasdiff),
    ("response-optional-property-added", true, Source::Data),
    ("response-optional-property-removed", false, Source::Mongodb),
    ("response-property-became-optional", false, Source::Oasdiff),
    ("response-property-became-required", true, Source::Oasdiff),
    (
        "response-property-discriminator-mapping-changed",
        true,
        Source::Data,
    ),
    (
        "response-property-discriminator-property-name-changed",
        true,
        Source::Oasdiff,
    ),
    ("response-property-enum-value-added", true, Source::Data),
    (
        "response-property-enum-value-removed",
        false,
        Source::Mongodb,
    ),
    ("response-property-one-of-added", true, Source::Data),
    ("response-property-one-of-removed", true, Source::Data),
    ("response-property-type-changed", false, Source::Oasdiff),
    ("response-required-property-added", true, Source::Oasdiff),
    ("response-required-property-removed", false, Source::Oasdiff),
    ("response-success-status-added", true, Source::Data),
    ("response-success-status-removed", false, Source::Data),
    ("sunset-deleted", false, Source::Oasdiff),
];

/// MongoDB's `backwardCompatible` for a change code; `None` for a code MongoDB does not use
/// (ours, `x-rust-…`).
pub fn backward_compatible(code: &str) -> Option<bool> {
    TABLE
        .binary_search_by(|(c, _, _)| (*c).cmp(code))
        .ok()
        .map(|at| TABLE[at].1)
}

/// MongoDB's judgement of a change with these codes: compatible when every code MongoDB knows
/// is; `None` when it knows none of them.
pub fn judgement(codes: &[&str]) -> Option<bool> {
    let known: Vec<bool> = codes
        .iter()
        .filter_map(|c| backward_compatible(c))
        .collect();
    (!known.is_empty()).then(|| known.iter().all(|c| *c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_without_duplicates_so_lookups_find_every_row() {
        for pair in TABLE.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (code, compatible, _) in TABLE {
            assert_eq!(backward_compatible(code), Some(*compatible), "{code}");
        }
        // Every source is used: the table is not one guess presented as data.
        for source in [Source::Data, Source::Mongodb, Source::Oasdiff] {
            assert!(TABLE.iter().any(|(_, _, s)| *s == source), "{source:?}");
        }
    }

    #[test]
    fn judgements_read_from_the_changelog() {
        // A new enum value in an answer and a new endpoint are compatible for MongoDB; an
        // endpoint or version removed (a sunset passed) is not.
        assert_eq!(
            backward_compatible("response-property-enum-value-added"),
            Some(true)
        );
        assert_eq!(backward_compatible("endpoint-added"), Some(true));
        assert_eq!(backward_compatible("endpoint-removed"), Some(false));
        assert_eq!(backward_compatible("x-rust-renamed"), None);
        assert_eq!(
            judgement(&["x-rust-renamed", "api-operation-id-removed"]),
            Some(false)
        );
        assert_eq!(
            judgement(&["api-tag-added", "response-property-enum-value-added"]),
            Some(true)
        );
        assert_eq!(judgement(&["x-rust-renamed"]), None);
    }
}
