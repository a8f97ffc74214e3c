//! `Serialize` and `Deserialize` for the generated models' structs, written once here instead of
//! derived per struct. Measured on the full Atlas spec (docs/PERFORMANCE.md), serde's derive
//! expanded to 41 % of the crate's code after expansion, most of it `Deserialize`: a field
//! identifier type with three visitors, a sequence visitor JSON never needs, and per-field
//! duplicate and missing checks. Here a struct gets one map visitor whose arms call the generic
//! helpers below, compiled once, and the field names come from one list.
//!
//! What the structs keep from the derive: JSON names exactly, unknown fields ignored, a repeated
//! field refused (`duplicate field`), a missing required field refused (`missing field`), a
//! missing or null optional or nullable field read as `None`, optional fields skipped when
//! `None`, fields written in declaration order. What they lose: a struct is no longer read from a
//! JSON array of its fields in order, which Atlas never sends.
//!
//! The macro names the helpers as `crate::runtime::record`, which resolves where the macro is
//! used: every generated crate has the runtime at `crate::runtime` (a module, or this crate
//! re-exported), and only generated crates use the macro.

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize};

/// Implements `Serialize` and `Deserialize` for a struct of named fields:
/// `record_impls!(Type { field: "wireName" kind, ... })`, every field listed once, where `kind`
/// is `required` (always written; an error when missing), `nullable` (an `Option` always
/// written, `null` when `None`; `None` when missing) or `optional` (an `Option` skipped when
/// `None`; `None` when missing).
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // on purpose: the crate that uses it, as the module docs say
macro_rules! __record_impls {
    ($name:ident { $($field:ident: $wire:literal $kind:ident),* $(,)? }) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                let len = 0 $(+ crate::runtime::record::$kind::len(&self.$field))*;
                #[allow(unused_mut)] // a struct with no fields writes none
                let mut record = serializer.serialize_struct(::std::stringify!($name), len)?;
                $(crate::runtime::record::$kind::write(&mut record, $wire, &self.$field)?;)*
                ::serde::ser::SerializeStruct::end(record)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$($wire),*];
                struct Fields;
                impl<'de> ::serde::de::Visitor<'de> for Fields {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(::std::concat!("struct ", ::std::stringify!($name)))
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> ::std::result::Result<$name, A::Error> {
                        $(let mut $field = ::std::option::Option::None;)*
                        while let ::std::option::Option::Some(key) =
                            crate::runtime::record::next_key(&mut map, FIELDS)?
                        {
                            // One `?` for all arms: each costs the compiler a trait
                            // resolution, and a struct has up to a hundred fields.
                            match key {
                                $(::std::option::Option::Some($wire) => {
                                    crate::runtime::record::take(&mut map, &mut $field, $wire)
                                })*
                                _ => crate::runtime::record::skip(&mut map),
                            }?
                        }
                        ::std::result::Result::Ok($name {
                            $($field: crate::runtime::record::$kind::finish($field, $wire)?,)*
                        })
                    }
                }
                deserializer.deserialize_struct(::std::stringify!($name), FIELDS, Fields)
            }
        }
    };
}

#[doc(hidden)]
pub use crate::__record_impls as record_impls;

/// The next key of a map: `Some(name)` with the listed name it equals (so the caller matches a
/// `&'static str` and nothing is allocated), `None` for a key not listed.
pub fn next_key<'de, A: MapAccess<'de>>(
    map: &mut A,
    fields: &'static [&'static str],
) -> Result<Option<Option<&'static str>>, A::Error> {
    map.next_key_seed(FieldName(fields))
}

/// Reads the value of a listed field into its slot; a field given twice is an error, as serde's
/// derive makes it.
pub fn take<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    wire: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(wire));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Reads and drops the value of a field the struct does not list.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<de::IgnoredAny>().map(drop)
}

/// A field the spec requires: always written, and an error when missing.
pub mod required {
    use super::*;

    /// How many fields this one writes.
    pub fn len<T>(_: &T) -> usize {
        1
    }

    /// Writes the field.
    pub fn write<S: SerializeStruct, T: Serialize>(
        record: &mut S,
        wire: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        record.serialize_field(wire, value)
    }

    /// The field's value, or the error naming it when it was missing.
    pub fn finish<T, E: de::Error>(slot: Option<T>, wire: &'static str) -> Result<T, E> {
        slot.ok_or_else(|| E::missing_field(wire))
    }
}

/// A field the spec requires but allows `null` in: always written, `None` as `null`; read as
/// `None` when missing, as serde's derive reads an `Option`.
pub mod nullable {
    pub use super::optional::finish;
    pub use super::required::{len, write};
}

/// A field the spec does not require: skipped when `None`, and `None` when missing.
pub mod optional {
    use super::*;

    /// How many fields this one writes: none when it is `None`.
    pub fn len<T>(value: &Option<T>) -> usize {
        usize::from(value.is_some())
    }

    /// Writes the field when it has a value, and tells the serializer it skipped it otherwise.
    pub fn write<S: SerializeStruct, T: Serialize>(
        record: &mut S,
        wire: &'static str,
        value: &Option<T>,
    ) -> Result<(), S::Error> {
        match value {
            Some(_) => record.serialize_field(wire, value),
            None => record.skip_field(wire),
        }
    }

    /// The field's value, `None` (the default) when it was missing.
    pub fn finish<T: Default, E>(slot: Option<T>, _wire: &'static str) -> Result<T, E> {
        Ok(slot.unwrap_or_default())
    }
}

/// Reads a key as the listed field name it equals, whatever form the deserializer gives it in.
struct FieldName(&'static [&'static str]);

impl FieldName {
    fn find(&self, key: &[u8]) -> Option<&'static str> {
        self.0.iter().copied().find(|name| name.as_bytes() == key)
    }
}

impl<'de> DeserializeSeed<'de> for FieldName {
    type Value = Option<&'static str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldName {
    type Value = Option<&'static str>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.find(key.as_bytes()))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Self::Value, E> {
        Ok(self.find(key))
    }
}
