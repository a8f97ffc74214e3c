//! The string enums of the generated models, written once here: the generated file lists each
//! variant with its wire value once, and `open_enum!` writes the enum, its `Unknown` fallback,
//! `KNOWN_VALUES`, `as_str` and the trait impls from that one list. Printed out per enum, the
//! same thing listed every wire value four times (docs, `KNOWN_VALUES`, `as_str`, `From<&str>`).
//!
//! It names only `::std` and `::serde`, never `crate`, so it expands the same whether the runtime
//! is a module of the generated crate or a crate of its own re-exported as `crate::runtime`.

/// Defines a string enum that keeps values it does not know:
///
/// ```ignore
/// open_enum! {
///     /// Docs of the enum.
///     pub enum Role {
///         Unknown(_),
///         Owner = "ORG_OWNER",
///         ReadOnly = "ORG_READ_ONLY",
///     }
/// }
/// ```
///
/// The first entry names the fallback, `Unknown(String)`, which keeps verbatim any value not
/// listed (it comes first only so that the macro can tell it from the rest; it is declared
/// last); without it, the fallback is `Unknown`, so only an enum with a value of that name
/// names it. Each other entry is a unit variant, documented with its wire value (attributes written
/// before it follow that line). The enum is `#[non_exhaustive]`, derives `Debug`, `Clone`,
/// `PartialEq`, `Eq`, `Hash`, `PartialOrd` and `Ord`, has `KNOWN_VALUES` and `as_str`, and
/// implements `From<&str>`, `FromStr`, `Display`, `Serialize` and `Deserialize` through the
/// wire values.
#[doc(hidden)]
#[macro_export]
macro_rules! __open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $unknown:ident(_),
            $($(#[$variant_meta:meta])* $variant:ident = $wire:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                #[doc = ::std::concat!(" `", $wire, "`")]
                $(#[$variant_meta])*
                $variant,
            )*
            /// A value this client does not know (the API added it after this client was
            /// generated), kept verbatim so it round-trips unchanged.
            $unknown(::std::string::String),
        }

        // A variant may be deprecated; the enum's own code still names it.
        #[allow(deprecated)]
        impl $name {
            /// The values the spec lists, as sent on the wire.
            pub const KNOWN_VALUES: &'static [&'static str] = &[$($wire),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::$unknown(value) => value,
                }
            }
        }

        #[allow(deprecated)]
        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => Self::$variant,)*
                    _ => Self::$unknown(::std::borrow::ToOwned::to_owned(value)),
                }
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
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $wire:literal,)*
        }
    ) => {
        $crate::__open_enum! {
            $(#[$meta])*
            $vis enum $name {
                Unknown(_),
                $($(#[$variant_meta])* $variant = $wire,)*
            }
        }
    };
}

#[doc(hidden)]
pub use crate::__open_enum as open_enum;
