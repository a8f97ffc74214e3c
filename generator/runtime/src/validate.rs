//! Checking values against the patterns the spec gives them, for request bodies.

use regex::Regex;

use super::error::InvalidArgument;

/// Checks `value` against `regex` (compiled from `pattern`), naming `field` when it does not match.
///
/// `regex` is `None` only if the pattern did not compile, which the generator rules out; a value
/// is then refused rather than sent unchecked.
pub fn check_pattern(
    field: &'static str,
    value: &str,
    regex: Option<&Regex>,
    pattern: &str,
) -> Result<(), InvalidArgument> {
    if regex.is_some_and(|regex| regex.is_match(value)) {
        Ok(())
    } else {
        Err(InvalidArgument::new(
            field,
            value,
            format!("does not match `{pattern}`"),
        ))
    }
}
