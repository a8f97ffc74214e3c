//! Percent-encoding of values that the generated code splices into URL paths and cookies.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS, NON_ALPHANUMERIC};

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

/// What a cookie value may not hold as is (RFC 6265 §4.1.1 `cookie-octet` excludes controls,
/// space, `"`, `,`, `;` and `\\`), plus `%` so that the encoding can be undone without doubt.
/// Everything else, `/` and `=` included, is sent unchanged.
const COOKIE_VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b',')
    .add(b';')
    .add(b'\\')
    .add(b'%');

/// The `Cookie` header for the cookie parameters that were set, in order, as
/// `name=value; name=value` with each value percent-encoded where RFC 6265 requires it;
/// `None` when none was set (no header is sent then).
pub fn cookie_header(cookies: &[(&str, String)]) -> Option<String> {
    if cookies.is_empty() {
        return None;
    }
    let pairs: Vec<String> = cookies
        .iter()
        .map(|(name, value)| format!("{name}={}", utf8_percent_encode(value, COOKIE_VALUE)))
        .collect();
    Some(pairs.join("; "))
}
