//! The runtime's decoding of union alternatives (`src/union.rs`): a union that leads back to
//! itself is an error, not a stack overflow; a value its alternative does not fit is kept.

use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};

use atlas_codegen_runtime::union::{alternative, has_properties};

/// A union one of whose alternatives is the union itself, as a spec can say (an `allOf` of
/// its own base): decoding it consumes no input, level after level.
#[derive(Debug)]
#[allow(dead_code)] // never built: decoding it must fail
enum Loop {
    Again(Box<Loop>),
    Unknown(Value),
}

impl<'de> Deserialize<'de> for Loop {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(alternative::<Box<Loop>, D::Error>(value)?.map_or_else(Loop::Unknown, Loop::Again))
    }
}

/// A union whose alternative does not fit the value its tag selects.
#[derive(Debug, PartialEq)]
enum Shape {
    Circle(Circle),
    Unknown(Value),
}

#[derive(Debug, PartialEq, Deserialize)]
struct Circle {
    radius: f64,
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(alternative::<Circle, D::Error>(value)?.map_or_else(Shape::Unknown, Shape::Circle))
    }
}

#[test]
fn a_union_that_leads_back_to_itself_is_an_error_not_an_abort() {
    let error = serde_json::from_value::<Loop>(json!({"type": "DEFAULT"})).unwrap_err();
    assert!(
        error.to_string().contains("leads back to its own union"),
        "{error}"
    );
    // The guard is reset: the next value decodes as usual.
    let shape: Shape = serde_json::from_value(json!({"radius": 2.0})).unwrap();
    assert_eq!(shape, Shape::Circle(Circle { radius: 2.0 }));
}

#[test]
fn a_value_its_alternative_does_not_fit_is_kept_whole() {
    let value = json!({"radius": "two", "extra": [1]});
    let shape: Shape = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(shape, Shape::Unknown(value));
}

#[test]
fn has_properties_asks_objects_only() {
    assert!(has_properties(&json!({"a": 1, "b": null}), &["a", "b"]));
    assert!(!has_properties(&json!({"a": 1}), &["a", "b"]));
    assert!(has_properties(&json!([1]), &[]));
    assert!(!has_properties(&json!([1]), &["a"]));
}
