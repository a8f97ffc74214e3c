//! The printer on small files: blank lines between items, and the runtime's item macros
//! printed as the items they take.

use super::print;

fn printed(source: &str) -> String {
    print(syn::parse_file(source).unwrap())
}

#[test]
fn items_and_associated_items_are_separated_by_a_blank_line() {
    let out =
        printed("//! Doc.\nstruct A; impl A { const B: u8 = 1; fn c() {} /// D.\n fn d() {} }");
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
fn the_runtime_item_macros_are_printed_as_items() {
    let out = printed(
        "#[cfg(feature = \"pets\")] crate::runtime::tagged_union! { \
         #[doc = \" A pet.\"] pub enum Pet { Unknown(_), \
         #[doc = \" `kind` is `cat`.\"] Cat(Cat) = \"cat\", \
         Own(Own) = \"own\" | \"mine\", } \
         const TAG: &str = \"kind\"; }",
    );
    let expected = "\
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
";
    assert_eq!(out, expected);
}

#[test]
fn models_are_printed_as_items_and_structs_a_field_a_line() {
    let out = printed(
        "crate::runtime::models! { \
         #[doc = \" A pet.\"] #[record(Default keep other)] pub struct Pet { \
         #[doc = \" Its kind.\"] #[doc = \" \"] #[doc = \" Must match `^a$`.\"] \
         #[record(\"kind\" optional)] pub kind: Option<Kind>, \
         #[record(\"type\" required)] pub r#type: Vec<String>, } \
         pub struct Empty {} \
         #[doc = \" A size.\"] pub enum Size { Big = \"big\", } }",
    );
    let expected = "\
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
