// @generated: a copy of generator/runtime/src/error_body.rs; do not edit by hand.
//! The Atlas error document, read leniently.
//!
//! Why a fixed type here rather than the spec's error schema (`ApiError`): the error path must
//! never fail on what Atlas actually sends, and the schema is known not to match it. It says
//! `parameters` holds objects while Atlas sends strings (`["Cluster0", "32b6…"]`), so a strict
//! decode turned a plain 404 into a decode error without its `errorCode`. Here every field is
//! optional, a field whose value has an unexpected type is kept rather than refused, and
//! fields nobody declared are kept too: re-encoding gives back the JSON the server sent. The spec's
//! type is still one call away, with [`ApiFailure::decode_body`](super::ApiFailure::decode_body).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// An Atlas error document: `{"error": 404, "errorCode": "...", "detail": "...", ...}`.
///
/// A known field is filled only when its value has the expected type; otherwise (a `null`
/// detail, a numeric code) the value stays in [`other`](Self::other) under its name, so nothing
/// is lost and [`to_json`](Self::to_json) reproduces the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorBody {
    /// `error`: the HTTP status, repeated in the body.
    pub error: Option<i64>,
    /// `errorCode`: the application error code, such as `RESOURCE_NOT_FOUND`.
    pub error_code: Option<String>,
    /// `detail`: what went wrong in this case.
    pub detail: Option<String>,
    /// `reason`: the short reason phrase.
    pub reason: Option<String>,
    /// `parameters`: the values the detail is about, in whatever shape the server sent them.
    pub parameters: Option<Value>,
    /// `badRequestDetail`: for 400s, the fields that were refused (see
    /// [`field_violations`](Self::field_violations)).
    pub bad_request_detail: Option<Value>,
    /// Every other field, and known fields whose value had an unexpected type.
    pub other: Map<String, Value>,
}

impl ErrorBody {
    /// Reads a document from a body; `None` when the body is not a JSON object.
    pub fn from_json(body: &[u8]) -> Option<Self> {
        match serde_json::from_slice(body) {
            Ok(Value::Object(map)) => Some(Self::from_map(map)),
            _ => None,
        }
    }

    /// Sorts the fields of a JSON object into the known ones and the rest.
    pub fn from_map(mut other: Map<String, Value>) -> Self {
        fn take<T>(
            map: &mut Map<String, Value>,
            key: &str,
            read: fn(&Value) -> Option<T>,
        ) -> Option<T> {
            let value = read(map.get(key)?)?;
            map.remove(key);
            Some(value)
        }
        let text = |v: &Value| v.as_str().map(str::to_owned);
        Self {
            error: take(&mut other, "error", Value::as_i64),
            error_code: take(&mut other, "errorCode", text),
            detail: take(&mut other, "detail", text),
            reason: take(&mut other, "reason", text),
            parameters: take(&mut other, "parameters", |v| Some(v.clone())),
            bad_request_detail: take(&mut other, "badRequestDetail", |v| Some(v.clone())),
            other,
        }
    }

    /// The document as JSON, as the server sent it.
    pub fn to_json(&self) -> Value {
        let mut map = self.other.clone();
        let known = [
            ("error", self.error.map(Value::from)),
            ("errorCode", self.error_code.clone().map(Value::from)),
            ("detail", self.detail.clone().map(Value::from)),
            ("reason", self.reason.clone().map(Value::from)),
            ("parameters", self.parameters.clone()),
            ("badRequestDetail", self.bad_request_detail.clone()),
        ];
        for (key, value) in known {
            if let Some(value) = value {
                map.insert(key.to_owned(), value);
            }
        }
        Value::Object(map)
    }

    /// `(field, description)` for each entry of `badRequestDetail.fields` that has both as
    /// strings: the fields a 400 refused and why.
    pub fn field_violations(&self) -> Vec<(&str, &str)> {
        let fields = self
            .bad_request_detail
            .as_ref()
            .and_then(|detail| detail.get("fields"))
            .and_then(Value::as_array);
        fields
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let field = entry.get("field")?.as_str()?;
                let description = entry.get("description")?.as_str()?;
                Some((field, description))
            })
            .collect()
    }
}

impl Serialize for ErrorBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Map::deserialize(deserializer).map(Self::from_map)
    }
}
