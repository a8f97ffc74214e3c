// @generated: a copy of generator/runtime/src/open_enum.rs; do not edit by hand.
//! The trait impls every string enum of the generated models shares. The generated file keeps
//! what a reader needs (the variants, `KNOWN_VALUES`, `as_str`); this macro writes the rest once,
//! all through `as_str`, so the wire values are listed in one place.
//!
//! It names only `::std` and `::serde`, never `crate`, so it expands the same whether the runtime
//! is a module of the generated crate or a crate of its own re-exported as `crate::runtime`.

/// Implements `From<&str>`, `FromStr`, `Display`, `Serialize` and `Deserialize` for a string enum
/// whose `as_str` gives each variant's wire value: `open_enum_impls!(Type, Unknown, [Known, ...])`,
/// where `Unknown(String)` keeps, verbatim, any value not listed.
#[doc(hidden)]
#[macro_export]
macro_rules! __open_enum_impls {
    ($name:ident, $unknown:ident, [$($known:ident),* $(,)?]) => {
        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                $(
                    if value == Self::$known.as_str() {
                        return Self::$known;
                    }
                )*
                Self::$unknown(::std::borrow::ToOwned::to_owned(value))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::std::result::Result<__S::Ok, __S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                let value =
                    <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from(value.as_ref()))
            }
        }
    };
}

#[doc(hidden)]
pub use crate::__open_enum_impls as open_enum_impls;
