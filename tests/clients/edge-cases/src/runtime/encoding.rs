// @generated: a copy of generator/runtime/encoding.rs; do not edit by hand.
//! Percent-encoding of values that the generated code splices into URL paths.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything except the RFC 3986 "unreserved" characters
/// (`A-Z a-z 0-9 - . _ ~`) is encoded. Path delimiters such as `/`, `?`, `#`
/// and `%` are therefore always escaped, so a parameter value can never change
/// which resource a request addresses.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes `value` for use as one complete path segment.
///
/// `"../x"` becomes `"..%2Fx"`. The dot segments `"."` and `".."` are encoded
/// as `"%2E"` and `"%2E%2E"`, because URL parsers (including the one reqwest
/// uses) would otherwise resolve them and silently address a parent resource.
pub fn encode_path_segment(value: &str) -> String {
    match value {
        "." => "%2E".to_owned(),
        ".." => "%2E%2E".to_owned(),
        _ => utf8_percent_encode(value, PATH_SEGMENT).to_string(),
    }
}
