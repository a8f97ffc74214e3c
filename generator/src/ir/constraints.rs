//! What a schema says about valid values beside its type: the validation keywords, `default` and
//! `example`. Part of the intermediate model ([`super::model`]), kept apart as the largest piece.

use serde::Serialize;

/// Validation keywords, the default and the example value of a schema.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Constraints {
    /// `pattern`: an ECMA-262 regular expression the whole value must match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Pattern>,
    /// `default`, as JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// `minimum`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum: Option<f64>,
    /// `maximum`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum: Option<f64>,
    /// `exclusiveMinimum`: the minimum itself is not allowed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exclusive_minimum: bool,
    /// `exclusiveMaximum`: the maximum itself is not allowed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exclusive_maximum: bool,
    /// `minLength`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// `maxLength`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// `minItems`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    /// `maxItems`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    /// `enum` on a non-string schema (string enums become [`TypeKind::Enum`](crate::ir::model::TypeKind::Enum)).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed_values: Vec<serde_json::Value>,
    /// `example`, as JSON: documentation only, and the value round-trip samples start from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<serde_json::Value>,
}

/// A `pattern`, and whether the client can check values against it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Pattern {
    /// The regular expression exactly as the spec writes it.
    pub regex: String,
    /// Whether the `regex` crate compiles it. ECMA-262 lookaround and backreferences do not
    /// compile (the crate guarantees linear-time matching); such a pattern is documented but not
    /// checked, and lowering warns about it. Decided here so no emitter decides it again.
    #[serde(skip_serializing_if = "is_true")]
    pub checkable: bool,
}

impl Pattern {
    /// A pattern, tried with the `regex` crate once.
    pub fn new(regex: &str) -> Pattern {
        Pattern {
            regex: regex.to_owned(),
            checkable: regex::Regex::new(regex).is_ok(),
        }
    }

    /// The regular expression, when the client checks values against it.
    pub fn checked(&self) -> Option<&str> {
        self.checkable.then_some(self.regex.as_str())
    }
}

fn is_true(value: &bool) -> bool {
    *value
}
