//! The printing pass on small files: what it shortens, what it must leave alone.

use std::collections::BTreeSet;

use super::shorten_paths;
use crate::emit::layout;

fn tidy_with(crate_names: &[&str], source: &str) -> String {
    let mut file = syn::parse_file(source).unwrap();
    let names: BTreeSet<String> = crate_names.iter().map(|n| (*n).to_owned()).collect();
    shorten_paths(&mut file, "src/types/things.rs", &names);
    layout::print(file)
}

fn tidy(source: &str) -> String {
    tidy_with(&[], source)
}

#[test]
fn prelude_paths_become_prelude_names() {
    let out = tidy(
        "pub struct A { #[serde(skip_serializing_if = \"::std::option::Option::is_none\")] \
         pub b: ::std::option::Option<::std::vec::Vec<::std::string::String>> } \
         fn f() -> ::std::result::Result<(), ()> { ::std::result::Result::Ok(()) }",
    );
    assert!(
        out.contains("skip_serializing_if = \"Option::is_none\""),
        "{out}"
    );
    assert!(out.contains("pub b: Option<Vec<String>>"), "{out}");
    assert!(
        out.contains("fn f() -> Result<(), ()> {\n    Ok(())"),
        "{out}"
    );
    assert!(!out.contains("use "), "{out}");
}

#[test]
fn a_name_the_crate_or_the_file_defines_keeps_the_prelude_path_whole() {
    let out = tidy_with(&["Option"], "fn f(a: ::std::option::Option<u8>) {}");
    assert!(out.contains("a: ::std::option::Option<u8>"), "{out}");
    let out = tidy("pub struct String; fn f(a: ::std::string::String) {}");
    assert!(out.contains("a: ::std::string::String"), "{out}");
}

#[test]
fn other_paths_are_imported_unless_their_name_is_ambiguous() {
    let out = tidy(
        "fn f(a: crate::types::Link, b: crate::Error, c: ::serde_json::Error, \
         d: ::std::fmt::Result, e: crate::runtime::RequestSpec) { \
         crate::runtime::RequestSpec::new(); ::serde_json::from_value(a); }",
    );
    let expected = "\
use std::fmt;

use crate::runtime::RequestSpec;
use crate::types::Link;

fn f(a: Link, b: crate::Error, c: serde_json::Error, d: fmt::Result, e: RequestSpec) {
    RequestSpec::new();
    serde_json::from_value(a);
}
";
    assert_eq!(out, expected);
}

#[test]
fn a_name_used_in_the_file_or_its_macros_is_not_imported_over() {
    // Written through its module instead, which is free.
    let out = tidy("fn f(a: crate::types::Link) { g!(Link) }");
    assert!(out.starts_with("use crate::types;\n"), "{out}");
    assert!(out.contains("a: types::Link"), "{out}");
    // A models file's own type is named directly; another `Link` goes through its module.
    let out = tidy("pub struct Link; fn f(a: crate::types::Link, b: crate::other::Link) {}");
    assert!(out.contains("a: Link, b: other::Link"), "{out}");
}

#[test]
fn an_import_is_gated_like_the_code_that_uses_it() {
    let out = tidy(
        "#[cfg(feature = \"a\")] fn f(x: crate::types::Link) {} \
         #[cfg(any(feature = \"b\", feature = \"c\"))] fn g(x: crate::types::Link) {}",
    );
    assert!(
        out.starts_with(
            "#[cfg(any(feature = \"a\", feature = \"b\", feature = \"c\"))]\n\
             use crate::types::Link;\n"
        ),
        "{out}"
    );
}

#[test]
fn qualified_self_paths_keep_their_trait_segment_count() {
    let out = tidy("fn f<T>() { <T as ::serde::Deserialize>::deserialize(d); }");
    assert!(out.contains("<T as Deserialize>::deserialize(d)"), "{out}");
    assert!(out.contains("use serde::Deserialize;"), "{out}");
}

#[test]
fn a_doc_link_an_import_makes_redundant_is_cut_down() {
    let out =
        tidy("/// See [`Link::new`](crate::types::Link::new).\nfn f(a: crate::types::Link) {}");
    assert!(out.contains("/// See [`Link::new`].\n"), "{out}");
}

#[test]
fn items_and_associated_items_are_separated_by_a_blank_line() {
    let out = tidy("//! Doc.\nstruct A; impl A { const B: u8 = 1; fn c() {} /// D.\n fn d() {} }");
    let expected = "\
//! Doc.

struct A;

impl A {
    const B: u8 = 1;

    fn c() {}

    /// D.
    fn d() {}
}
";
    assert_eq!(out, expected);
}

#[test]
fn an_emitters_own_imports_are_merged_with_the_passs() {
    let out = tidy(
        "use crate::runtime::{ApiFailure, Transport}; \
         fn f(a: ApiFailure, b: Transport, c: crate::runtime::AuthError) {}",
    );
    assert!(
        out.starts_with("use crate::runtime::{ApiFailure, AuthError, Transport};\n\nfn f("),
        "{out}"
    );
}

#[test]
fn the_runtime_item_macros_are_read_and_printed_as_items() {
    let out = tidy(
        "#[cfg(feature = \"pets\")] crate::runtime::tagged_union! { \
         #[doc = \" A pet.\"] pub enum Pet { Unknown(_), \
         #[doc = \" `kind` is `cat`.\"] Cat(crate::types::Cat) = \"cat\", \
         Own(crate::types::things::Own) = \"own\" | \"mine\", } \
         const TAG: &str = \"kind\"; } \
         pub struct Own { pet: crate::types::Pet }",
    );
    let expected = "\
#[cfg(feature = \"pets\")]
use crate::types::Cat;

#[cfg(feature = \"pets\")]
crate::runtime::tagged_union! {
    /// A pet.
    pub enum Pet {
        Unknown(_),
        /// `kind` is `cat`.
        Cat(Cat) = \"cat\",
        Own(Own) = \"own\" | \"mine\",
    }
    const TAG: &str = \"kind\";
}

pub struct Own {
    pet: Pet,
}
";
    assert_eq!(out, expected);
}

#[test]
fn models_are_read_as_items_and_structs_printed_a_field_a_line() {
    let out = tidy(
        "#[cfg(feature = \"pets\")] crate::runtime::models! { \
         #[doc = \" A pet.\"] #[record(Default keep other)] pub struct Pet { \
         #[doc = \" Its kind.\"] #[doc = \" \"] #[doc = \" Must match `^a$`.\"] \
         #[record(\"kind\" optional)] pub kind: ::std::option::Option<crate::types::Kind>, \
         #[record(\"type\" required)] pub r#type: ::std::vec::Vec<::std::string::String>, } \
         pub struct Empty {} \
         #[doc = \" A size.\"] pub enum Size { Big = \"big\", } }",
    );
    let expected = "\
#[cfg(feature = \"pets\")]
use crate::types::Kind;

#[cfg(feature = \"pets\")]
crate::runtime::models! {
    /// A pet.
    pub struct Pet {
        /// Its kind.
        ///
        /// Must match `^a$`.
        kind: Option<Kind> = \"kind\" optional,
        r#type: Vec<String> = \"type\" required,
    } (Default keep other)

    pub struct Empty {}

    /// A size.
    pub enum Size {
        Big = \"big\",
    }
}
";
    assert_eq!(out, expected);
}
