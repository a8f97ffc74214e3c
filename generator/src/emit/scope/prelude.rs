//! The standard prelude as the printing pass sees it: which absolute `::std` paths have a short
//! name every module already has in scope, and which names must never be imported over.

/// `::std` paths the prelude makes available by their last segment, as (module path, name).
/// Variants (`Some`, `Ok`, ...) are listed with their enum as the module.
const PRELUDE: &[(&str, &str)] = &[
    ("std::option", "Option"),
    ("std::option::Option", "Some"),
    ("std::option::Option", "None"),
    ("std::result", "Result"),
    ("std::result::Result", "Ok"),
    ("std::result::Result", "Err"),
    ("std::string", "String"),
    ("std::string", "ToString"),
    ("std::vec", "Vec"),
    ("std::boxed", "Box"),
    ("std::borrow", "ToOwned"),
    ("std::default", "Default"),
    ("std::clone", "Clone"),
    ("std::convert", "From"),
    ("std::convert", "Into"),
    ("std::convert", "TryFrom"),
    ("std::convert", "TryInto"),
    ("std::convert", "AsRef"),
    ("std::convert", "AsMut"),
    ("std::cmp", "PartialEq"),
    ("std::cmp", "Eq"),
    ("std::cmp", "PartialOrd"),
    ("std::cmp", "Ord"),
    ("std::iter", "Iterator"),
    ("std::iter", "IntoIterator"),
    ("std::iter", "Extend"),
    ("std::iter", "FromIterator"),
    ("std::marker", "Send"),
    ("std::marker", "Sync"),
    ("std::marker", "Sized"),
    ("std::marker", "Copy"),
    ("std::marker", "Unpin"),
    ("std::ops", "Drop"),
    ("std::ops", "Fn"),
    ("std::ops", "FnMut"),
    ("std::ops", "FnOnce"),
    ("std::mem", "drop"),
];

/// Names that are in scope without any import besides the prelude's: primitive types and the
/// path keywords. Importing something under one of them would change what other code means.
const BUILTIN: &[&str] = &[
    "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
    "i128", "isize", "f32", "f64", "Self", "self", "super", "crate",
];

/// The prelude names the absolute path `segments` (without its leading `::`) may be written
/// with, deepest first, each with how many leading segments writing it drops:
/// `std::option::Option::Some` is `Some` (dropping three), or else `Option::Some` (two).
pub fn prelude_names<'s>(segments: &[&'s str]) -> Vec<(&'s str, usize)> {
    let mut names: Vec<(&str, usize)> = PRELUDE
        .iter()
        .filter_map(|(module, name)| {
            let depth = module.split("::").count();
            let matches = segments.len() > depth
                && segments[depth] == *name
                && module.split("::").eq(segments[..depth].iter().copied());
            matches.then(|| (segments[depth], depth))
        })
        .collect();
    names.sort_by_key(|(_, depth)| std::cmp::Reverse(*depth));
    names
}

/// Whether importing something as `name` could change what other code in the file means.
pub fn is_reserved(name: &str) -> bool {
    BUILTIN.contains(&name) || PRELUDE.iter().any(|(_, n)| *n == name)
}
