//! `Serialize` and `Deserialize` for the generated models' structs, written once here instead of
//! derived per struct. Measured on the full Atlas spec (docs/PERFORMANCE.md), serde's derive
//! expanded to 41 % of the crate's code after expansion, most of it `Deserialize`: a field
//! identifier type with three visitors, a sequence visitor JSON never needs, and per-field
//! duplicate and missing checks. Here a struct gets one map visitor whose arms call the generic
//! helpers below, compiled once, and the field names come from one list.
//!
//! Three kinds of struct, as the generator decides per type (the plan's `unknown_member`):
//!
//! - **Answers** (`record_impls!(Type { ... } keep other)`): what Atlas sends is the truth and the
//!   spec a claim about it. Every field is an `Option` (a field the spec calls required may be
//!   missing), and the struct has a member of type [`Unknown`] that keeps, in arrival order,
//!   every property it does not declare, every `null` in a field the spec does not call
//!   nullable, and every value that does not have the declared type (a string where a number was
//!   promised). Nothing is dropped and nothing is invented: encoding writes the declared fields,
//!   then the kept properties, so a decoded answer encodes back to what came.
//! - **Request shapes of answered types** (`carry other skip ["id", ...]`): typed exactly as the
//!   spec says (a missing required field is refused), with a member that carries the properties
//!   they do not declare, so that an answer turned into its request shape (a GET, then a PATCH)
//!   sends them back; the `readOnly` properties listed after `skip` are left out.
//! - **Other requests** (neither): exactly the spec. A missing required field is refused
//!   (`missing field`), unknown fields are ignored, as serde's derive does.
//!
//! In both, a repeated field is refused (`duplicate field`), fields are written in declaration
//! order, and a field the spec calls nullable is three-state where it may be absent
//! (`tristate`: `None` absent, `Some(None)` `null`, `Some(Some(v))` a value), so a PATCH can
//! say "clear this" and an answer's `null` survives re-encoding. A struct is no longer read
//! from a JSON array of its fields in order, which Atlas never sends.
//!
//! The macro names the helpers as `crate::runtime::record`, which resolves where the macro is
//! used: every generated crate has the runtime at `crate::runtime` (a module, or this crate
//! re-exported), and only generated crates use the macro.

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// Implements `Serialize` and `Deserialize` for a struct of named fields:
/// `record_impls!(Type { field: "wireName" kind, ... })`, every field listed once, where `kind`
/// is `required` (always written; an error when missing), `nullable` (an `Option` always
/// written, `null` when `None`; `None` when missing), `optional` (an `Option` skipped when
/// `None`; `None` when missing) or `tristate` (an `Option<Option<_>>`: skipped when `None`,
/// `null` when `Some(None)`). A trailing `keep member` makes it an answer's struct, and
/// `carry member skip [...]` a request shape that carries kept properties: see the module docs.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // on purpose: the crate that uses it, as the module docs say
macro_rules! __record_impls {
    ($name:ident { $($field:ident: $wire:literal $kind:ident),* $(,)? }) => {
        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::std::result::Result<__S::Ok, __S::Error> {
                let len = 0 $(+ crate::runtime::record::$kind::len(&self.$field))*;
                #[allow(unused_mut)] // a struct with no fields writes none
                let mut record = serializer.serialize_struct(::std::stringify!($name), len)?;
                $(crate::runtime::record::$kind::write(&mut record, $wire, &self.$field)?;)*
                ::serde::ser::SerializeStruct::end(record)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                const FIELDS: &[&str] = &[$($wire),*];
                struct __Fields;
                impl<'de> ::serde::de::Visitor<'de> for __Fields {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(::std::concat!("struct ", ::std::stringify!($name)))
                    }

                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: __A,
                    ) -> ::std::result::Result<$name, __A::Error> {
                        $(let mut $field = ::std::option::Option::None;)*
                        while let ::std::option::Option::Some(key) =
                            crate::runtime::record::next_key(&mut map, FIELDS)?
                        {
                            // One `?` for all arms: each costs the compiler a trait
                            // resolution, and a struct has up to a hundred fields.
                            match key.known() {
                                $(::std::option::Option::Some($wire) => {
                                    crate::runtime::record::$kind::take(&mut map, &mut $field, $wire)
                                })*
                                _ => crate::runtime::record::skip(&mut map),
                            }?
                        }
                        ::std::result::Result::Ok($name {
                            $($field: crate::runtime::record::$kind::finish($field, $wire)?,)*
                        })
                    }
                }
                deserializer.deserialize_struct(::std::stringify!($name), FIELDS, __Fields)
            }
        }
    };
    ($name:ident { $($field:ident: $wire:literal $kind:ident),* $(,)? } keep $other:ident) => {
        $crate::__record_impls!(@write_kept $name { $($field: $wire $kind),* } $other);
        $crate::__record_impls!(
            @read_kept $name { $($field: $wire $kind),* } $other keep finish_kept skip []
        );
    };
    (
        $name:ident { $($field:ident: $wire:literal $kind:ident),* $(,)? }
        carry $other:ident skip [$($skipped:literal),* $(,)?]
    ) => {
        $crate::__record_impls!(@write_kept $name { $($field: $wire $kind),* } $other);
        $crate::__record_impls!(
            @read_kept $name { $($field: $wire $kind),* } $other carry finish skip [$($skipped),*]
        );
    };
    // `read` and `finish` name each kind's functions: `keep` and `finish_kept` for an answer
    // (every field optional, what does not fit is kept), `carry` and `finish` for a request shape
    // (the spec's types, unknown properties carried, `skipped` ones dropped).
    (
        @read_kept $name:ident { $($field:ident: $wire:literal $kind:ident),* } $other:ident
        $read:ident $finish:ident skip [$($skipped:literal),*]
    ) => {
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                const FIELDS: &[&str] = &[$($wire),*];
                struct __Fields;
                impl<'de> ::serde::de::Visitor<'de> for __Fields {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(::std::concat!("struct ", ::std::stringify!($name)))
                    }

                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: __A,
                    ) -> ::std::result::Result<$name, __A::Error> {
                        $(let mut $field = ::std::option::Option::None;)*
                        let mut $other = crate::runtime::record::Unknown::default();
                        while let ::std::option::Option::Some(key) =
                            crate::runtime::record::next_key(&mut map, FIELDS)?
                        {
                            match key {
                                $(crate::runtime::record::Key::Known($wire) => {
                                    crate::runtime::record::$kind::$read(
                                        &mut map, &mut $field, $wire, &mut $other,
                                    )
                                })*
                                // What the server sets (`readOnly`) is not sent back.
                                $(crate::runtime::record::Key::Other(ref name) if name == $skipped => {
                                    crate::runtime::record::skip(&mut map)
                                })*
                                key => $other.take(&mut map, key),
                            }?
                        }
                        ::std::result::Result::Ok($name {
                            $($field: crate::runtime::record::$kind::$finish($field, $wire)?,)*
                            $other,
                        })
                    }
                }
                deserializer.deserialize_struct(::std::stringify!($name), FIELDS, __Fields)
            }
        }
    };
    (@write_kept $name:ident { $($field:ident: $wire:literal $kind:ident),* } $other:ident) => {
        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::std::result::Result<__S::Ok, __S::Error> {
                let len = 0 $(+ crate::runtime::record::$kind::len(&self.$field))*;
                // A typed field with a value wins over a kept property of the same name.
                let kept = |wire: &str| match wire {
                    $($wire => crate::runtime::record::$kind::len(&self.$field) == 0,)*
                    _ => true,
                };
                let len = len + self.$other.written(kept);
                let mut record = serializer.serialize_map(::std::option::Option::Some(len))?;
                $(crate::runtime::record::$kind::write_entry(&mut record, $wire, &self.$field)?;)*
                self.$other.write_entries(&mut record, kept)?;
                ::serde::ser::SerializeMap::end(record)
            }
        }
    };
}

/// The request shape of an answer's value, to send it back (a GET, then a PUT or PATCH of the
/// same object): it goes through JSON, so every field and kept property the request shape has
/// comes as it is, and the fields the server sets (`readOnly`) are left out.
///
/// # Errors
///
/// When the answer lacks a field the request shape requires, or holds a value of another type
/// than the request shape's.
pub fn to_request<A: Serialize, R: DeserializeOwned>(answer: &A) -> Result<R, serde_json::Error> {
    serde_json::from_value(serde_json::to_value(answer)?)
}

#[doc(hidden)]
pub use crate::__record_impls as record_impls;

/// The properties of an answer's object that its type does not type: properties the spec does
/// not declare, `null`s in fields it does not call nullable, and values of another type than
/// the declared one, in the order they came. Encoding writes them back after the typed fields
/// (a typed field that has a value wins over a kept one of the same name).
///
/// `Debug` shows the names only: an undeclared property can hold a secret.
#[derive(Clone, Default, PartialEq)]
pub struct Unknown(serde_json::Map<String, Value>);

impl Unknown {
    /// An empty set of kept properties.
    pub fn new() -> Self {
        Self::default()
    }

    /// The kept properties, by name, in the order they came.
    pub fn as_map(&self) -> &serde_json::Map<String, Value> {
        &self.0
    }

    /// The kept properties, to change: what is here is sent back as it is.
    pub fn as_map_mut(&mut self) -> &mut serde_json::Map<String, Value> {
        &mut self.0
    }

    /// The kept value of one property.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }

    /// Keeps (or replaces) a property, sent after the typed fields.
    pub fn insert(&mut self, name: impl Into<String>, value: Value) -> Option<Value> {
        self.0.insert(name.into(), value)
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many kept properties `kept` lets through (the encoder's length hint).
    #[doc(hidden)]
    pub fn written(&self, kept: impl Fn(&str) -> bool) -> usize {
        self.0.keys().filter(|name| kept(name)).count()
    }

    /// Writes the kept properties that `kept` lets through.
    #[doc(hidden)]
    pub fn write_entries<M: SerializeMap>(
        &self,
        record: &mut M,
        kept: impl Fn(&str) -> bool,
    ) -> Result<(), M::Error> {
        for (name, value) in &self.0 {
            if kept(name) {
                record.serialize_entry(name, value)?;
            }
        }
        Ok(())
    }

    /// Keeps the value of a property the struct does not declare.
    #[doc(hidden)]
    pub fn take<'de, A: MapAccess<'de>>(&mut self, map: &mut A, key: Key) -> Result<(), A::Error> {
        let value: Value = map.next_value()?;
        let name = match key {
            Key::Known(name) => name.to_owned(),
            Key::Other(name) => name,
        };
        if self.0.contains_key(&name) {
            return Err(de::Error::custom(format_args!("duplicate field `{name}`")));
        }
        self.0.insert(name, value);
        Ok(())
    }
}

impl std::fmt::Debug for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

impl From<serde_json::Map<String, Value>> for Unknown {
    fn from(map: serde_json::Map<String, Value>) -> Self {
        Self(map)
    }
}

/// A key of an answer's object: one the struct declares (as its listed `&'static str`), or
/// another one.
#[doc(hidden)]
pub enum Key {
    /// A declared field.
    Known(&'static str),
    /// A property the struct does not declare.
    Other(String),
}

impl Key {
    /// The declared field this key names, if any.
    pub fn known(&self) -> Option<&'static str> {
        match self {
            Key::Known(name) => Some(name),
            Key::Other(_) => None,
        }
    }
}

/// Reads an answer's field: `Some(Some(value))` when it has the declared type, `Some(None)`
/// for a `null` the spec allows; otherwise (a `null` where the spec allows none, or another
/// type) `None`, with the value kept in `unknown` as it came, so nothing is lost.
fn keep_value<'de, A: MapAccess<'de>, T: DeserializeOwned>(
    map: &mut A,
    wire: &'static str,
    unknown: &mut Unknown,
    duplicate: bool,
    null_is_value: bool,
) -> Result<Option<Option<T>>, A::Error> {
    if duplicate || unknown.0.contains_key(wire) {
        return Err(de::Error::duplicate_field(wire));
    }
    let value: Value = map.next_value()?;
    if value.is_null() {
        if null_is_value {
            return Ok(Some(None));
        }
        unknown.0.insert(wire.to_owned(), value);
        return Ok(None);
    }
    match T::deserialize(&value) {
        Ok(typed) => Ok(Some(Some(typed))),
        Err(_) => {
            unknown.0.insert(wire.to_owned(), value);
            Ok(None)
        }
    }
}

/// The next key of a map: [`Key::Known`] with the listed name it equals (so the caller matches a
/// `&'static str` and nothing is allocated), [`Key::Other`] for a key not listed.
pub fn next_key<'de, A: MapAccess<'de>>(
    map: &mut A,
    fields: &'static [&'static str],
) -> Result<Option<Key>, A::Error> {
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

/// Reads the value of a listed field of a request shape that carries kept properties: as
/// [`take`], typed as the spec says (`_unknown` is for the properties it does not list).
pub fn carry<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    wire: &'static str,
    _unknown: &mut Unknown,
) -> Result<(), A::Error> {
    take(map, slot, wire)
}

/// Reads and drops the value of a field the struct does not list.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<de::IgnoredAny>().map(drop)
}

/// A field the spec requires: always written, and an error when missing.
pub mod required {
    use super::*;

    pub use super::{carry, take};

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

    /// Writes the field into a map (a struct that carries kept properties).
    pub fn write_entry<M: SerializeMap, T: Serialize>(
        record: &mut M,
        wire: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        record.serialize_entry(wire, value)
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
    pub use super::required::{carry, len, take, write, write_entry};
}

/// A field the spec does not require (in an answer's struct: any field it does not call
/// nullable): skipped when `None`, and `None` when missing.
pub mod optional {
    use super::*;

    pub use super::{carry, take};

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

    /// Writes the field of an answer's struct when it has a value.
    pub fn write_entry<M: SerializeMap, T: Serialize>(
        record: &mut M,
        wire: &'static str,
        value: &Option<T>,
    ) -> Result<(), M::Error> {
        match value {
            Some(value) => record.serialize_entry(wire, value),
            None => Ok(()),
        }
    }

    /// The field's value, `None` (the default) when it was missing.
    pub fn finish<T: Default, E>(slot: Option<T>, _wire: &'static str) -> Result<T, E> {
        Ok(slot.unwrap_or_default())
    }

    /// Reads the field of an answer's struct: a `null` or a value of another type is kept in
    /// `unknown` instead.
    pub fn keep<'de, A: MapAccess<'de>, T: DeserializeOwned>(
        map: &mut A,
        slot: &mut Option<Option<T>>,
        wire: &'static str,
        unknown: &mut Unknown,
    ) -> Result<(), A::Error> {
        let duplicate = slot.is_some();
        if let Some(Some(value)) = keep_value(map, wire, unknown, duplicate, false)? {
            *slot = Some(Some(value));
        }
        Ok(())
    }

    /// The field of an answer's struct once every key was read: `None` when it was missing.
    pub fn finish_kept<T: Default, E>(slot: Option<T>, _wire: &'static str) -> Result<T, E> {
        Ok(slot.unwrap_or_default())
    }
}

/// A field the spec calls nullable, where it may also be absent: `Option<Option<T>>`, `None`
/// when absent (and not written), `Some(None)` for `null`.
pub mod tristate {
    use super::*;

    pub use super::optional::{finish, finish_kept, len, write, write_entry};

    /// Reads a present field (serde's `deserialize_with`, for derived structs): `null` is
    /// `Some(None)`.
    ///
    /// # Errors
    ///
    /// When the value is neither `null` nor a `T`.
    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Ok(Some(Option::<T>::deserialize(deserializer)?))
    }

    /// Reads the field of a request shape that carries kept properties: as [`take`].
    pub fn carry<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
        map: &mut A,
        slot: &mut Option<Option<Option<T>>>,
        wire: &'static str,
        _unknown: &mut Unknown,
    ) -> Result<(), A::Error> {
        take(map, slot, wire)
    }

    /// Reads the field: `null` is `Some(None)`.
    pub fn take<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
        map: &mut A,
        slot: &mut Option<Option<Option<T>>>,
        wire: &'static str,
    ) -> Result<(), A::Error> {
        if slot.is_some() {
            return Err(de::Error::duplicate_field(wire));
        }
        *slot = Some(Some(map.next_value()?));
        Ok(())
    }

    /// Reads the field of an answer's struct: `null` is `Some(None)`, a value of another type is
    /// kept in `unknown` instead.
    pub fn keep<'de, A: MapAccess<'de>, T: DeserializeOwned>(
        map: &mut A,
        slot: &mut Option<Option<Option<T>>>,
        wire: &'static str,
        unknown: &mut Unknown,
    ) -> Result<(), A::Error> {
        let duplicate = slot.is_some();
        if let Some(value) = keep_value(map, wire, unknown, duplicate, true)? {
            *slot = Some(Some(value));
        }
        Ok(())
    }
}

/// Reads a key as the listed field name it equals, whatever form the deserializer gives it in.
struct FieldName(&'static [&'static str]);

impl FieldName {
    fn find(&self, key: &[u8]) -> Option<&'static str> {
        self.0.iter().copied().find(|name| name.as_bytes() == key)
    }
}

impl FieldName {
    fn key(&self, key: &str) -> Key {
        match self.find(key.as_bytes()) {
            Some(name) => Key::Known(name),
            None => Key::Other(key.to_owned()),
        }
    }
}

impl<'de> DeserializeSeed<'de> for FieldName {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldName {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.key(key))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Self::Value, E> {
        Ok(self.key(&String::from_utf8_lossy(key)))
    }
}
