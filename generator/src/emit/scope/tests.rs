//! A file's scope on small cases: what it writes short, what it imports and how it gates the
//! imports, and what it must leave whole.

use std::collections::BTreeSet;

use quote::quote;

use super::Scope;

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|name| (*name).to_owned()).collect()
}

fn written(scope: &Scope<'_>, key: &str) -> String {
    scope.path(key).to_string().replace(' ', "")
}

#[test]
fn prelude_paths_become_prelude_names_and_import_nothing() {
    let crate_names = names(&[]);
    let scope = Scope::new("src/types/things.rs", &crate_names, ["Thing"]);
    assert_eq!(written(&scope, "::std::option::Option::Some"), "Some");
    assert_eq!(written(&scope, "::std::result::Result"), "Result");
    assert_eq!(
        scope.text("::std::option::Option::is_none"),
        "Option::is_none"
    );
    assert_eq!(scope.header(), "");
}

#[test]
fn a_name_the_crate_or_the_file_defines_keeps_the_prelude_path_whole() {
    let crate_names = names(&["Option"]);
    let scope = Scope::new("src/types/things.rs", &crate_names, ["String"]);
    assert_eq!(
        written(&scope, "::std::option::Option"),
        "::std::option::Option"
    );
    // `Some` is still the prelude's: only `Option` is shadowed.
    assert_eq!(written(&scope, "::std::option::Option::Some"), "Some");
    assert_eq!(
        written(&scope, "::std::string::String"),
        "::std::string::String"
    );
}

#[test]
fn other_paths_are_imported_unless_their_name_is_taken() {
    let crate_names = names(&[]);
    let scope = Scope::new("src/operations/pets.rs", &crate_names, ["GetPet"]);
    assert_eq!(written(&scope, "crate::types::Link"), "Link");
    assert_eq!(
        written(&scope, "crate::runtime::RequestSpec::new"),
        "RequestSpec::new"
    );
    assert_eq!(written(&scope, "crate::Error"), "Error");
    // `Error` is taken: through the module, or whole where the module is a crate's root.
    assert_eq!(written(&scope, "crate::types::Error"), "types::Error");
    assert_eq!(written(&scope, "::serde_json::Error"), "serde_json::Error");
    assert_eq!(written(&scope, "::std::fmt::Result"), "fmt::Result");
    assert_eq!(
        written(&scope, "::serde_json::from_slice"),
        "serde_json::from_slice"
    );
    // The file's own item, and a path ending like it.
    assert_eq!(written(&scope, "crate::operations::pets::GetPet"), "GetPet");
    assert_eq!(written(&scope, "crate::other::GetPet"), "other::GetPet");
    let expected = "use std::fmt;\n\
                    use crate::{Error, other};\n\
                    use crate::runtime::RequestSpec;\n\
                    use crate::types::{self, Link};";
    assert_eq!(scope.header(), expected);
}

#[test]
fn an_import_is_gated_like_the_code_that_uses_it() {
    let crate_names = names(&[]);
    let scope = Scope::new("src/types/things.rs", &crate_names, Vec::<String>::new());
    let a = quote!(feature = "a");
    let b = quote!(any(feature = "b", feature = "c"));
    scope.under(Some(&a), || scope.path("crate::types::Link"));
    scope.under(Some(&b), || scope.path("crate::types::Link"));
    scope.under(Some(&a), || scope.path("crate::types::Kind"));
    scope.path("crate::types::Kind");
    let header = scope.header();
    assert!(
        header.contains(
            "#[cfg(any(feature = \"a\", feature = \"b\", feature = \"c\"))] use crate::types::Link;"
        ),
        "{header}"
    );
    assert!(header.starts_with("use crate::types::Kind;\n"), "{header}");
}

#[test]
fn a_doc_link_is_short_only_where_its_label_already_names_the_item() {
    let crate_names = names(&[]);
    let scope = Scope::new("src/types/things.rs", &crate_names, ["Thing"]);
    assert_eq!(scope.link("Thing", "crate::types::Thing"), "[`Thing`]");
    scope.path("crate::Client");
    assert_eq!(
        scope.link("Client::new", "crate::Client::new"),
        "[`Client::new`]"
    );
    // Not imported: spelled out, and its name kept from later imports, so the explicit link
    // never becomes redundant.
    assert_eq!(
        scope.link("Widget", "crate::types::Widget"),
        "[`Widget`](crate::types::Widget)"
    );
    assert_eq!(written(&scope, "crate::types::Widget"), "types::Widget");
    // An import under another gate does not make the link resolve under this one.
    let gate = quote!(feature = "a");
    scope.under(Some(&gate), || scope.path("crate::runtime::Gated"));
    assert_eq!(
        scope.link("Gated", "crate::runtime::Gated"),
        "[`Gated`](crate::runtime::Gated)"
    );
}

#[test]
fn a_whole_scope_writes_every_path_whole() {
    let crate_names = names(&[]);
    let scope = Scope::whole(&crate_names);
    assert_eq!(written(&scope, "crate::types::Link"), "crate::types::Link");
    assert_eq!(
        written(&scope, "::std::option::Option"),
        "::std::option::Option"
    );
    assert_eq!(scope.header(), "");
}
