//! YAML read into `serde_yaml::Value` without refusing what YAML allows and the value type
//! cannot hold: an integer beyond `i64`/`u64` (real specs write `maximum: 18446744073709552000`
//! for a `uint64` field, and `-9223372036854776000`, a rounded `i64::MIN`). Such a number
//! becomes the nearest `f64`, as JSON tools read it; OpenAPI's bounds are `f64`s anyway.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_yaml::{Mapping, Number, Value};

/// A YAML value read leniently (see the module docs).
pub struct Lenient(pub Value);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor).map(Lenient)
    }
}

struct LenientVisitor;

impl<'de> Visitor<'de> for LenientVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    // `as f64` rounds to the nearest double: what a JSON reader makes of the same digits.
    #[allow(clippy::cast_precision_loss)]
    fn visit_i128<E>(self, value: i128) -> Result<Value, E> {
        Ok(Value::Number(Number::from(value as f64)))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u128<E>(self, value: u128) -> Result<Value, E> {
        Ok(Value::Number(Number::from(value as f64)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Lenient::deserialize(deserializer).map(|l| l.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Lenient(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut mapping = Mapping::new();
        while let Some((Lenient(key), Lenient(value))) = map.next_entry()? {
            mapping.insert(key, value);
        }
        Ok(Value::Mapping(mapping))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        // A YAML tag (`!Thing value`): read as serde_yaml reads it.
        Value::deserialize(de::value::EnumAccessDeserializer::new(data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_beyond_64_bits_become_the_nearest_double() {
        let text = "a: 18446744073709552000\nb: -9223372036854776000\nc: [1, x, {d: 2.5}]\n";
        let Lenient(value) = serde_yaml::from_str(text).unwrap();
        assert_eq!(value["a"].as_f64(), Some(18_446_744_073_709_552_000.0));
        assert_eq!(value["b"].as_f64(), Some(-9_223_372_036_854_776_000.0));
        let plain: Value = serde_yaml::from_str("c: [1, x, {d: 2.5}]\n").unwrap();
        assert_eq!(value["c"], plain["c"]);
    }
}
