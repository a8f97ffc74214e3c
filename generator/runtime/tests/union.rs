//! The runtime's decoding of union alternatives (`src/union.rs`): a union that leads back to
//! itself is an error, not a stack overflow; a value its alternative does not fit is kept.

use serde::{Deserialize, Deserializer, Serialize};
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

/// `tagged_union!` finds `runtime::union` where generated crates have it.
mod runtime {
    pub use atlas_codegen_runtime::*;
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
struct Square {
    kind: String,
    side: f64,
}

atlas_codegen_runtime::tagged_union! {
    /// A figure.
    pub enum Figure {
        Other(_),
        /// `kind` is `CIRCLE` or `ROUND`.
        Round(Box<CircleWithKind>) = "CIRCLE" | "ROUND",
        /// `kind` is `SQUARE`.
        Square(
            Square,
        ) = "SQUARE",
        /// Built by hand only.
        Drawn(Square),
    }
    const TAG: &str = "kind";
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
struct CircleWithKind {
    kind: String,
    radius: f64,
}

#[test]
fn a_tagged_union_decodes_by_its_tag_and_keeps_what_does_not_fit() {
    let round: Figure = serde_json::from_value(json!({"kind": "ROUND", "radius": 1.0})).unwrap();
    assert_eq!(
        round,
        Figure::Round(Box::new(CircleWithKind {
            kind: "ROUND".to_owned(),
            radius: 1.0
        }))
    );
    assert_eq!(
        serde_json::to_value(&round).unwrap(),
        json!({"kind": "ROUND", "radius": 1.0})
    );
    let square: Figure = serde_json::from_value(json!({"kind": "SQUARE", "side": 2.0})).unwrap();
    assert!(matches!(square, Figure::Square(_)));
    for kept in [
        json!({"kind": "SQUARE", "side": "two"}),
        json!({"kind": "HEXAGON"}),
        json!({"side": 2.0}),
        json!([1, 2]),
    ] {
        let figure: Figure = serde_json::from_value(kept.clone()).unwrap();
        assert_eq!(figure, Figure::Other(kept.clone()));
        assert_eq!(serde_json::to_value(&figure).unwrap(), kept);
    }
    let drawn = Figure::Drawn(Square {
        kind: "SQUARE".to_owned(),
        side: 3.0,
    });
    assert_eq!(
        serde_json::to_value(&drawn).unwrap(),
        json!({"kind": "SQUARE", "side": 3.0})
    );
}

atlas_codegen_runtime::untagged_union! {
    /// A shape or a name.
    pub enum Drawing {
        /// A square: needs `side`.
        Square(Square) = ["kind", "side"],
        /// Any object with a radius.
        Circle(
            CircleWithKind,
        ) = [
            "radius",
        ],
        /// Text.
        Name(String) = [],
    }
}

#[test]
fn an_untagged_union_prefers_the_alternative_whose_required_properties_are_there() {
    let circle: Drawing = serde_json::from_value(json!({"kind": "x", "radius": 1.0})).unwrap();
    assert!(matches!(circle, Drawing::Circle(_)), "{circle:?}");
    let square: Drawing = serde_json::from_value(json!({"kind": "x", "side": 1.0})).unwrap();
    assert!(matches!(square, Drawing::Square(_)), "{square:?}");
    let name: Drawing = serde_json::from_value(json!("a")).unwrap();
    assert_eq!(name, Drawing::Name("a".to_owned()));
    assert_eq!(serde_json::to_value(&name).unwrap(), json!("a"));
    let error = serde_json::from_value::<Drawing>(json!(3)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no alternative of `Drawing` fits the value"
    );
}

/// An alternative requiring only `a`, with no member keeping other properties (a request shape).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Narrow {
    a: i64,
}

/// An alternative requiring `a` and `c`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wide {
    a: i64,
    c: i64,
}

atlas_codegen_runtime::untagged_union! {
    /// Two objects, the narrower first, as specs order them.
    pub enum Range {
        /// Only `a`.
        Narrow(Narrow) = ["a"],
        /// `a` and `c`.
        Wide(Wide) = ["a", "c"],
    }
}

#[test]
fn an_untagged_union_prefers_an_alternative_that_gives_the_value_back_whole() {
    let decode = |value: Value| serde_json::from_value::<Range>(value).unwrap();
    let wide = decode(json!({"a": 1, "c": 2}));
    assert_eq!(wide, Range::Wide(Wide { a: 1, c: 2 }));
    assert_eq!(
        serde_json::to_value(&wide).unwrap(),
        json!({"a": 1, "c": 2})
    );
    assert_eq!(decode(json!({"a": 1})), Range::Narrow(Narrow { a: 1 }));
    // Nothing gives it back whole: the first that fits, as before.
    assert_eq!(
        decode(json!({"a": 1, "z": 3})),
        Range::Narrow(Narrow { a: 1 })
    );
}
