// @generated: a copy of generator/runtime/src/validate.rs; do not edit by hand.
//! Checking values against the patterns the spec gives them: request body fields
//! (`check_pattern!`) and path or query parameters (`pattern_string!`, a newtype per pattern).
//!
//! Both macros keep one compiled pattern per place they are used, in a `static` [`Pattern`]
//! compiled on first use. They name the runtime as `crate::runtime`, where every generated crate
//! has it (a module, or this crate re-exported), and only generated crates use them.

use std::sync::OnceLock;

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

/// A pattern compiled the first time a value is checked against it, for a `static`.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    regex: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// The pattern `source`, not compiled yet.
    pub const fn new(source: &'static str) -> Self {
        Self {
            source,
            regex: OnceLock::new(),
        }
    }

    /// Checks `value`, naming `field` when it does not match (see [`check_pattern()`]); a value
    /// that is absent (`None`) is not checked.
    pub fn check<V: Text + ?Sized>(
        &self,
        field: &'static str,
        value: &V,
    ) -> Result<(), InvalidArgument> {
        let Some(value) = value.text() else {
            return Ok(());
        };
        let regex = self.regex.get_or_init(|| Regex::new(self.source).ok());
        check_pattern(field, value, regex.as_ref(), self.source)
    }
}

/// A value `check_pattern!` checks: text, or text that may be absent (an optional field, one
/// that may also be `null`).
pub trait Text {
    /// The text to check, `None` when there is none.
    fn text(&self) -> Option<&str>;
}

impl Text for str {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: Text> Text for Option<T> {
    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(Text::text)
    }
}

/// Checks a field against a pattern compiled once for this call site:
/// `check_pattern!("field", self.field, "^[a-z]+$")?`, where the value (borrowed, not moved) is
/// a `String`, or an `Option` of one (not checked when `None`). The error names the field, holds
/// the value and says which pattern it does not match.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // on purpose: the crate that uses it, as the module docs say
macro_rules! __check_pattern {
    ($field:literal, $value:expr, $pattern:literal $(,)?) => {{
        static PATTERN: crate::runtime::validate::Pattern =
            crate::runtime::validate::Pattern::new($pattern);
        PATTERN.check($field, &$value)
    }};
}

#[doc(hidden)]
pub use crate::__check_pattern as check_pattern;

/// Defines a newtype of `String` whose values match a pattern, for a parameter:
///
/// ```ignore
/// pattern_string! {
///     /// Docs of the type.
///     pub struct GroupId;
///     const PARAMETER: &str = "groupId";
///     const PATTERN: &str = "^([a-f0-9]{24})$";
/// }
/// ```
///
/// `GroupId::new` (and `FromStr`, `TryFrom<&str>`, `TryFrom<String>`) refuses a value that does
/// not match, with an error naming the parameter; `as_str`, `into_inner`, `AsRef<str>` and
/// `Display` give the value back. `PATTERN` is an associated constant of the type.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // on purpose: the crate that uses it, as the module docs say
macro_rules! __pattern_string {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident;
        const PARAMETER: &str = $parameter:literal;
        const PATTERN: &str = $pattern:literal;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis struct $name(::std::string::String);

        impl $name {
            /// The pattern every value matches.
            pub const PATTERN: &'static str = $pattern;

            /// Checks `value` against [`Self::PATTERN`].
            pub fn new(
                value: impl ::std::convert::Into<::std::string::String>,
            ) -> ::std::result::Result<Self, crate::runtime::InvalidArgument> {
                let value = value.into();
                $crate::__check_pattern!($parameter, value, $pattern)?;
                ::std::result::Result::Ok(Self(value))
            }

            /// The value.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The value, by move.
            pub fn into_inner(self) -> ::std::string::String {
                self.0
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = crate::runtime::InvalidArgument;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Self::new(value)
            }
        }

        impl ::std::convert::TryFrom<&str> for $name {
            type Error = crate::runtime::InvalidArgument;

            fn try_from(value: &str) -> ::std::result::Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl ::std::convert::TryFrom<::std::string::String> for $name {
            type Error = crate::runtime::InvalidArgument;

            fn try_from(value: ::std::string::String) -> ::std::result::Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

#[doc(hidden)]
pub use crate::__pattern_string as pattern_string;
