// @generated: a copy of generator/runtime/src/union.rs; do not edit by hand.
//! Decoding of a union's alternative, shared by every generated union, and the macros that write
//! the unions and their serde impls from one list of alternatives: `tagged_union!` (with the tag
//! values of each) and `untagged_union!` (with the properties each requires).
//!
//! Two promises of the generated client live here. Nothing Atlas sends is lost: a value whose
//! tag names an alternative it does not fit is kept whole in the union's fallback variant
//! rather than failing the answer. And no input aborts the process: a spec can make an
//! alternative lead back to its own union without consuming any input (Atlas's
//! `DefaultScheduleView` was `allOf` of `OnlineArchiveSchedule` itself), which decodes the
//! same value forever and overflows the stack. The generator lowers such shapes to structs,
//! and this guard turns any it missed into an error.

use std::cell::Cell;

use serde::de::{self, DeserializeOwned};
use serde_json::Value;

/// How deeply unions may nest while decoding one value. JSON nesting is already bounded by the
/// parser (128 levels); unions nest once per level at most, unless one leads back to itself.
pub const MAX_UNION_DEPTH: u32 = 128;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static TRIPPED: Cell<bool> = const { Cell::new(false) };
}

/// Leaves one level of union decoding when dropped, on success, error or unwind alike.
struct Level;

impl Level {
    fn enter() -> (Self, u32) {
        let depth = DEPTH.with(|d| {
            let depth = d.get() + 1;
            d.set(depth);
            depth
        });
        (Level, depth)
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        let depth = DEPTH.with(|d| {
            let depth = d.get().saturating_sub(1);
            d.set(depth);
            depth
        });
        if depth == 0 {
            TRIPPED.with(|t| t.set(false));
        }
    }
}

/// Decodes the alternative `T` a tag selected: `Ok(Ok(value))`, or `Ok(Err(json))` when the
/// JSON is not a `T` (the caller keeps it in its fallback variant).
///
/// # Errors
///
/// Only when unions nest deeper than [`MAX_UNION_DEPTH`] in one value: an alternative that
/// leads back to its own union. The error says so; the process does not abort.
pub fn alternative<T: DeserializeOwned, E: de::Error>(json: Value) -> Result<Result<T, Value>, E> {
    let (_level, depth) = Level::enter();
    if depth > MAX_UNION_DEPTH {
        TRIPPED.with(|t| t.set(true));
        return Err(recursion_error());
    }
    match T::deserialize(&json) {
        Ok(value) => Ok(Ok(value)),
        Err(_) if TRIPPED.with(Cell::get) => Err(recursion_error()),
        Err(_) => Ok(Err(json)),
    }
}

/// Whether `decoded` encodes back to `value` exactly: the alternative lost nothing of it.
pub fn gives_back<T: serde::Serialize>(decoded: &T, value: &Value) -> bool {
    serde_json::to_value(decoded).is_ok_and(|encoded| encoded == *value)
}

/// Whether `value` is an object with every one of `names` (vacuously true for no names, or a
/// value that is not an object when none are asked for).
pub fn has_properties(value: &Value, names: &[&str]) -> bool {
    match value {
        Value::Object(object) => names.iter().all(|name| object.contains_key(*name)),
        _ => names.is_empty(),
    }
}

fn recursion_error<E: de::Error>() -> E {
    E::custom(format_args!(
        "a union alternative leads back to its own union (nested more than {MAX_UNION_DEPTH} \
         deep without consuming input): the spec's alternative is recursive"
    ))
}

/// Defines a union told apart by a tag property, with a fallback that keeps what it cannot type:
///
/// ```ignore
/// tagged_union! {
///     /// Docs of the union.
///     pub enum Threshold {
///         Unknown(_),
///         /// `metricName` is `RAW`.
///         Raw(RawThreshold) = "RAW",
///         /// `metricName` is `TIME` or `DURATION`.
///         Time(TimeThreshold) = "TIME" | "DURATION",
///     }
///     const TAG: &str = "metricName";
/// }
/// ```
///
/// The first entry names the fallback, `Unknown(serde_json::Value)` (it comes first only so that
/// the macro can tell it from the rest; it is declared last). Each other entry is an alternative
/// with the tag values that select it (none: it is only ever built by hand). The enum is
/// `#[non_exhaustive]` and derives `Debug`, `Clone` and `PartialEq`; an alternative encodes as
/// its value, and decoding reads `TAG`: a value whose tag selects no alternative, or one its
/// alternative does not fit, is kept whole in the fallback rather than refused.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // the runtime is `crate::runtime` where this expands
macro_rules! __tagged_union {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $unknown:ident(_),
            $(
                $(#[$variant_meta:meta])*
                // A trailing comma: prettyplease writes one when a long variant takes lines.
                $variant:ident($type:ty $(,)?) $(= $($tag:literal)|+)?,
            )*
        }
        const TAG: &str = $property:literal;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        $vis enum $name {
            $($(#[$variant_meta])* $variant($type),)*
            #[doc = ::std::concat!(
                " A `", $property, "` value this client does not know, or a value its \
                alternative does not fit, kept as JSON."
            )]
            $unknown(::serde_json::Value),
        }

        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::std::result::Result<__S::Ok, __S::Error> {
                match self {
                    $(Self::$variant(value) => ::serde::Serialize::serialize(value, serializer),)*
                    Self::$unknown(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = value
                    .get($property)
                    .and_then(::serde_json::Value::as_str)
                    .map(::std::borrow::ToOwned::to_owned);
                match tag.as_deref() {
                    $($(
                        ::std::option::Option::Some($($tag)|+) => {
                            crate::runtime::union::alternative::<_, __D::Error>(value)
                                .map(|decoded| decoded.map_or_else(Self::$unknown, Self::$variant))
                        }
                    )?)*
                    _ => ::std::result::Result::Ok(Self::$unknown(value)),
                }
            }
        }
    };
}

#[doc(hidden)]
pub use crate::__tagged_union as tagged_union;

/// Defines a union of alternatives with no tag to tell them apart:
///
/// ```ignore
/// untagged_union! {
///     /// Docs of the union.
///     pub enum Matcher {
///         /// The `ByName` alternative.
///         ByName(ByName) = ["name"],
///         /// The `Text` alternative.
///         Text(String) = [],
///     }
/// }
/// ```
///
/// Each entry is an alternative with the properties its type requires. The enum is
/// `#[non_exhaustive]`, derives `Debug`, `Clone`, `PartialEq` and an untagged `Serialize` (an
/// alternative encodes as its value). Decoding takes, of the alternatives whose required
/// properties are all there and that decode, the first that encodes back to the same JSON, else
/// the first of them; else the first that decodes at all; else fails.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // the runtime is `crate::runtime` where this expands
macro_rules! __untagged_union {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                // Trailing commas: prettyplease writes them when a long entry takes lines.
                $variant:ident($type:ty $(,)?) = [$($required:literal),* $(,)?],
            )*
        }
    ) => {
        $(#[$meta])*
        // A paragraph of its own: after a description ending in a list, a bare line would
        // continue the list's last item.
        ///
        /// The first alternative that matches the JSON is used.
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        $vis enum $name {
            $($(#[$variant_meta])* $variant($type),)*
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                // An answer's struct accepts any object (nothing the spec requires is sure to
                // come), so the alternative is the first whose required properties are all
                // there, as a strict decoding would choose; else the first that decodes at all.
                // Of those, one that gives the value back whole wins: a request shape has no
                // member keeping what it does not type, so an earlier alternative that fits
                // would drop a later one's properties.
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let mut first_fit: ::std::option::Option<Self> = ::std::option::Option::None;
                $(
                    if crate::runtime::union::has_properties(&value, &[$($required),*]) {
                        if let ::std::result::Result::Ok(found) =
                            crate::runtime::union::alternative::<$type, __D::Error>(value.clone())?
                        {
                            if crate::runtime::union::gives_back(&found, &value) {
                                return ::std::result::Result::Ok(Self::$variant(found));
                            }
                            first_fit.get_or_insert(Self::$variant(found));
                        }
                    }
                )*
                if let ::std::option::Option::Some(found) = first_fit {
                    return ::std::result::Result::Ok(found);
                }
                $(
                    if let ::std::result::Result::Ok(found) =
                        crate::runtime::union::alternative::<$type, __D::Error>(value.clone())?
                    {
                        return ::std::result::Result::Ok(Self::$variant(found));
                    }
                )*
                ::std::result::Result::Err(<__D::Error as ::serde::de::Error>::custom(
                    ::std::concat!("no alternative of `", ::std::stringify!($name), "` fits the value"),
                ))
            }
        }
    };
}

#[doc(hidden)]
pub use crate::__untagged_union as untagged_union;
