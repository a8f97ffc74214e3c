//! How the printing pass reads one path: shared by the survey (what a file uses) and the rewrite
//! (what it writes instead), so the two cannot disagree about which part of a path is which.

use syn::{Path, PathArguments};

use super::prelude::prelude_names;

/// An absolute path, read for shortening.
pub enum Shape {
    /// A `::std` path with a prelude name: write `name` instead of its first `drop` segments.
    Prelude { name: String, drop: usize },
    /// Another absolute path whose first `len` segments, written `key`, name one importable item
    /// (a type, trait or `crate` function) or, for a function of another crate, its module.
    Importable { key: String, len: usize },
}

/// The shape of `path`, or `None` when it is relative or cannot be shortened (generic arguments
/// on a segment that would be dropped).
pub fn shape(path: &Path) -> Option<Shape> {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let external = path.leading_colon.is_some();
    if !external && names.first().is_none_or(|first| first != "crate") {
        return None;
    }
    let plain = |count: usize| {
        path.segments
            .iter()
            .take(count)
            .all(|s| matches!(s.arguments, PathArguments::None))
    };
    if external {
        let borrowed: Vec<&str> = names.iter().map(String::as_str).collect();
        let prelude = prelude_names(&borrowed);
        if !prelude.is_empty() {
            // `Result::<_, Error>::Ok` keeps its arguments, so it cannot become plain `Ok`.
            return prelude
                .into_iter()
                .find(|(_, drop)| plain(*drop))
                .map(|(name, drop)| Shape::Prelude {
                    name: name.to_owned(),
                    drop,
                });
        }
    }
    let len = item_length(&names, external)?;
    plain(len - 1).then(|| Shape::Importable {
        key: key(external, &names[..len]),
        len,
    })
}

/// How many segments name the item: up to the first type-like (capitalised) one; for a path
/// without one, the whole path in this crate (a function such as `crate::error::decode_json`)
/// and the module in another (`serde_json::from_value` reads better than `from_value`).
fn item_length(names: &[String], external: bool) -> Option<usize> {
    let capitalised = names
        .iter()
        .skip(1)
        .position(|n| n.starts_with(|c: char| c.is_ascii_uppercase()));
    match capitalised {
        Some(index) => Some(index + 2),
        None if names.len() < 2 => None,
        None if external => Some(names.len() - 1),
        None => Some(names.len()),
    }
}

/// The text of a path prefix, as used for keys: `::serde::Serialize`, `crate::types::Link`.
pub fn key(external: bool, names: &[String]) -> String {
    let joined = names.join("::");
    if external {
        format!("::{joined}")
    } else {
        joined
    }
}

/// The segments of a key, and whether it is external (`::` first).
pub fn split_key(key: &str) -> (bool, Vec<&str>) {
    match key.strip_prefix("::") {
        Some(rest) => (true, rest.split("::").collect()),
        None => (false, key.split("::").collect()),
    }
}
