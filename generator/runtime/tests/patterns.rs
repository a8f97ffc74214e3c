//! `check_pattern!` and `pattern_string!` as generated crates use them: the error names the
//! field or parameter, holds the value and says which pattern it does not match; absent values
//! are not checked.
#![deny(missing_docs)]

use atlas_codegen_runtime::InvalidArgument;

mod runtime {
    pub use atlas_codegen_runtime::*;
}

atlas_codegen_runtime::pattern_string! {
    /// A project id.
    pub struct GroupId;
    const PARAMETER: &str = "groupId";
    const PATTERN: &str = "^([a-f0-9]{24})$";
}

const ID: &str = "32b6e34b3d91647abb20e7b8";

fn check(value: &Option<Option<String>>) -> Result<(), InvalidArgument> {
    atlas_codegen_runtime::check_pattern!("name", *value, "^[a-z]+$")
}

#[test]
fn a_field_is_checked_when_present() {
    assert_eq!(
        atlas_codegen_runtime::check_pattern!("name", "abc".to_owned(), "^[a-z]+$"),
        Ok(())
    );
    assert_eq!(check(&None), Ok(()));
    assert_eq!(check(&Some(None)), Ok(()));
    assert_eq!(check(&Some(Some("abc".to_owned()))), Ok(()));
    assert_eq!(
        check(&Some(Some("ABC".to_owned()))),
        Err(InvalidArgument::new(
            "name",
            "ABC",
            "does not match `^[a-z]+$`"
        ))
    );
}

#[test]
fn a_parameter_newtype_checks_its_pattern() {
    let id = GroupId::new(ID).unwrap();
    assert_eq!(id.as_str(), ID);
    assert_eq!(id.to_string(), ID);
    assert_eq!(AsRef::<str>::as_ref(&id), ID);
    assert_eq!(ID.parse::<GroupId>(), Ok(id.clone()));
    assert_eq!(GroupId::try_from(ID.to_owned()), Ok(id.clone()));
    assert_eq!(GroupId::try_from(ID), Ok(id.clone()));
    assert_eq!(id.into_inner(), ID);
    assert_eq!(GroupId::PATTERN, "^([a-f0-9]{24})$");
    assert_eq!(
        GroupId::new("nope"),
        Err(InvalidArgument::new(
            "groupId",
            "nope",
            "does not match `^([a-f0-9]{24})$`"
        ))
    );
}
