//! `record_impls!` against serde's derive: for the same struct, every JSON input decodes to the
//! same value or fails with the same message (position included), and every value encodes to the
//! same text. The one difference, on purpose: a JSON array is not read as a struct.

// The macro names its helpers as `crate::runtime::record`, where generated crates have them.
mod runtime {
    pub use atlas_codegen_runtime::*;
}

#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    id: String,
    r#type: Option<String>,
    finished_at: Option<u32>,
    parts: Vec<Part>,
    parent: Option<Box<Part>>,
}

atlas_codegen_runtime::record_impls!(Snapshot {
    id: "id" required,
    r#type: "type" optional,
    finished_at: "finishedAt" nullable,
    parts: "parts" required,
    parent: "parent" optional,
});

#[derive(Debug, Clone, PartialEq, Default)]
struct Part {
    size: Option<u64>,
}

atlas_codegen_runtime::record_impls!(Part { size: "size" optional });

#[derive(Debug, Clone, PartialEq, Default)]
struct Empty {}

atlas_codegen_runtime::record_impls!(Empty {});

/// What serde's derive makes of the same fields, as the generator wrote them before; the same
/// names, as serde's messages name the Rust type.
mod derived {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Snapshot {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        r#type: Option<String>,
        #[serde(rename = "finishedAt")]
        finished_at: Option<u32>,
        parts: Vec<Part>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent: Option<Box<Part>>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Part {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        size: Option<u64>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Empty {}
}

const INPUTS: &[&str] = &[
    r#"{"id":"a","type":"t","finishedAt":3,"parts":[{"size":1},{}],"parent":{"size":4}}"#,
    r#"{"parts":[],"finishedAt":null,"id":"a"}"#,
    r#"{"id":"a","parts":[]}"#,
    r#"{"id":"a","type":null,"parts":[]}"#,
    r#"{"id":"a","later":{"x":[1,{"y":null}]},"parts":[{"size":2,"unit":"GB"}]}"#,
    r#"{"i\u0064":"escaped key","parts":[]}"#,
    r#"{"id":"a","id":"b","parts":[]}"#,
    r#"{"id":"a","parts":[{"size":1,"size":2}]}"#,
    r#"{"parts":[]}"#,
    r#"{"id":"a"}"#,
    r#"{"id":5,"parts":[]}"#,
    r#"{"id":"a","parts":[{"size":-1}]}"#,
    r#"{"id":"a","parts":[],"finishedAt":"soon"}"#,
    r#""a string""#,
    r#"null"#,
    r#"{"id":"a","parts":[]"#,
    r#"{}"#,
];

fn outcome<T, U>(decoded: serde_json::Result<T>, encode: impl Fn(&T) -> U) -> Result<U, String> {
    decoded
        .map(|value| encode(&value))
        .map_err(|e| e.to_string())
}

#[test]
fn decodes_and_encodes_as_the_derive_does() {
    for input in INPUTS {
        let ours = outcome(serde_json::from_str::<Snapshot>(input), |v| {
            serde_json::to_string(v).unwrap()
        });
        let derived = outcome(serde_json::from_str::<derived::Snapshot>(input), |v| {
            serde_json::to_string(v).unwrap()
        });
        assert_eq!(ours, derived, "{input}");
        // From a reader, keys arrive as short-lived strings rather than borrowed ones.
        let from_reader = outcome(
            serde_json::from_reader::<_, Snapshot>(input.as_bytes()),
            |v| serde_json::to_string(v).unwrap(),
        );
        let derived_reader = outcome(
            serde_json::from_reader::<_, derived::Snapshot>(input.as_bytes()),
            |v| serde_json::to_string(v).unwrap(),
        );
        assert_eq!(from_reader, derived_reader, "{input}");
    }
}

#[test]
fn the_cases_that_matter_decode_as_documented() {
    let snapshot: Snapshot = serde_json::from_str(INPUTS[1]).unwrap();
    assert_eq!(snapshot.finished_at, None);
    assert_eq!(
        serde_json::to_string(&snapshot).unwrap(),
        r#"{"id":"a","finishedAt":null,"parts":[]}"#,
        "a nullable field is written as null, an optional one is left out, in declaration order"
    );
    let error = serde_json::from_str::<Snapshot>(INPUTS[6]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "duplicate field `id` at line 1 column 14"
    );
    let error = serde_json::from_str::<Snapshot>(INPUTS[8]).unwrap_err();
    assert_eq!(error.to_string(), "missing field `id` at line 1 column 12");
    let value =
        serde_json::json!({"id": "a", "type": "t", "finishedAt": 1, "parts": [{"size": 3}]});
    let snapshot: Snapshot = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&snapshot).unwrap(), value);
}

#[test]
fn an_empty_struct_reads_any_object() {
    for input in [r#"{}"#, r#"{"a":1}"#, r#"[]"#, r#"3"#] {
        let ours = outcome(serde_json::from_str::<Empty>(input), |v| {
            serde_json::to_string(v).unwrap()
        });
        let derived = outcome(serde_json::from_str::<derived::Empty>(input), |v| {
            serde_json::to_string(v).unwrap()
        });
        match input {
            "[]" => assert!(ours.is_err() && derived.is_ok()),
            _ => assert_eq!(ours, derived, "{input}"),
        }
    }
}

#[test]
fn an_array_is_not_read_as_a_struct() {
    let input = r#"["a", null, null, []]"#;
    assert!(
        serde_json::from_str::<derived::Snapshot>(input).is_ok(),
        "the derive reads it"
    );
    let error = serde_json::from_str::<Snapshot>(input).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: sequence, expected struct Snapshot at line 1 column 1"
    );
}
