//! Primitive values for round-trip samples: a spec `example` when it fits the schema, otherwise a
//! value made from the type, format, enum, range, length and pattern.
//!
//! Synthesised values are chosen to expose lossy Rust types rather than to look typical: numbers
//! need double precision (Atlas serialises Java doubles even where the spec says
//! `format: float`), and integers without `format: int32` need more than 32 bits.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use rand::distr::Distribution;
use rand::SeedableRng;
use regex_syntax::hir::{self, Hir, HirKind};
use serde_json::{json, Value};

use crate::ir::{Constraints, Format, TypeRef};

/// A date-time in the form chrono writes back (`Z`, no fraction), so a synthesised one
/// compares equal byte for byte.
const DATE_TIME: &str = "2024-05-06T07:08:09Z";
/// Needs 53 bits of mantissa: an `f32` cannot hold it.
const NUMBER: f64 = 12345.678901;
/// Needs more than 32 bits.
const INT64: i64 = 4_294_967_297;
const INT32: i64 = 123_456;

/// The spec's example, if it is a valid value of a primitive type under these constraints.
pub fn example_for(ty: &TypeRef, constraints: &Constraints) -> Option<Value> {
    let example = constraints.example.as_ref()?;
    fits(example, ty, constraints).then(|| example.clone())
}

/// Whether `value` is a valid instance of a primitive type (strings, numbers, booleans and
/// arrays of those; a named type is never judged here).
pub fn fits(value: &Value, ty: &TypeRef, constraints: &Constraints) -> bool {
    if !constraints.allowed_values.is_empty() && !constraints.allowed_values.contains(value) {
        return false;
    }
    match ty {
        TypeRef::String { format } => value
            .as_str()
            .is_some_and(|s| string_fits(s, format.as_ref(), constraints)),
        TypeRef::Integer { format } => {
            let Some(n) = value.as_i64() else {
                return false;
            };
            let width_ok = format != &Some(Format::Int32) || i32::try_from(n).is_ok();
            width_ok && in_range(n as f64, constraints)
        }
        TypeRef::Number { .. } => value.as_f64().is_some_and(|n| in_range(n, constraints)),
        TypeRef::Boolean => value.is_boolean(),
        TypeRef::Array { items } => value.as_array().is_some_and(|elements| {
            let count = elements.len() as u64;
            !elements.is_empty()
                && constraints.min_items.is_none_or(|min| count >= min)
                && constraints.max_items.is_none_or(|max| count <= max)
                && elements
                    .iter()
                    .all(|e| fits(e, items, &Constraints::default()))
        }),
        TypeRef::Any => true,
        TypeRef::Named { .. } | TypeRef::Map { .. } => false,
    }
}

fn string_fits(s: &str, format: Option<&Format>, constraints: &Constraints) -> bool {
    let length = s.chars().count() as u64;
    let length_ok = constraints.min_length.is_none_or(|min| length >= min)
        && constraints.max_length.is_none_or(|max| length <= max);
    // A pattern the `regex` crate cannot compile cannot be checked; the example is trusted.
    let pattern_ok = constraints
        .pattern
        .as_ref()
        .and_then(|p| p.checked())
        .and_then(compiled)
        .is_none_or(|re| re.is_match(s));
    let format_ok = match format {
        Some(Format::DateTime) => is_date_time(s),
        Some(Format::Date) => is_date(s),
        _ => true,
    };
    length_ok && pattern_ok && format_ok
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
fn is_date_time(s: &str) -> bool {
    static DATE_TIME: OnceLock<regex::Regex> = OnceLock::new();
    let date_time = DATE_TIME.get_or_init(|| {
        regex::Regex::new(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
            .expect("a valid regex")
    });
    date_time.is_match(s)
}

thread_local! {
    /// Compiled patterns: Atlas repeats a few patterns hundreds of times, and compiling one
    /// costs more than everything else a sample does.
    static COMPILED: RefCell<HashMap<String, Option<regex::Regex>>> = RefCell::default();
}

/// The pattern compiled by the `regex` crate, `None` when it cannot compile it.
fn compiled(pattern: &str) -> Option<regex::Regex> {
    COMPILED.with_borrow_mut(|cache| {
        cache
            .entry(pattern.to_owned())
            .or_insert_with(|| regex::Regex::new(pattern).ok())
            .clone()
    })
}

fn in_range(n: f64, constraints: &Constraints) -> bool {
    let above = constraints.minimum.is_none_or(|min| {
        if constraints.exclusive_minimum {
            n > min
        } else {
            n >= min
        }
    });
    let below = constraints.maximum.is_none_or(|max| {
        if constraints.exclusive_maximum {
            n < max
        } else {
            n <= max
        }
    });
    above && below
}

/// A value for a primitive type: the example if it fits, else the first allowed value, else one
/// made from the constraints. `None` for types that are not primitive.
pub fn primitive(ty: &TypeRef, constraints: &Constraints) -> Option<Value> {
    if let Some(example) = example_for(ty, constraints) {
        return Some(example);
    }
    if let Some(first) = constraints.allowed_values.first() {
        return Some(first.clone());
    }
    Some(match ty {
        TypeRef::String { format } => Value::String(string(format.as_ref(), constraints)),
        TypeRef::Integer { format } => {
            let preferred = if format == &Some(Format::Int32) {
                INT32
            } else {
                INT64
            };
            json!(clamp(preferred as f64, constraints, 1.0) as i64)
        }
        TypeRef::Number { .. } => json!(clamp(NUMBER, constraints, 0.5)),
        TypeRef::Boolean => Value::Bool(true),
        TypeRef::Any => json!({ "key": "value" }),
        TypeRef::Named { .. } | TypeRef::Array { .. } | TypeRef::Map { .. } => return None,
    })
}

/// `preferred`, or the nearest value inside the range (`step` inside an exclusive bound).
fn clamp(preferred: f64, constraints: &Constraints, step: f64) -> f64 {
    if let Some(min) = constraints.minimum {
        let low = if constraints.exclusive_minimum {
            min + step
        } else {
            min
        };
        if preferred < low {
            return low;
        }
    }
    if let Some(max) = constraints.maximum {
        let high = if constraints.exclusive_maximum {
            max - step
        } else {
            max
        };
        if preferred > high {
            return high;
        }
    }
    preferred
}

fn string(format: Option<&Format>, constraints: &Constraints) -> String {
    if let Some(pattern) = &constraints.pattern {
        if let Some(value) = matching(&pattern.regex, constraints) {
            return value;
        }
    }
    let base = match format {
        Some(Format::DateTime) => DATE_TIME,
        Some(Format::Date) => "2024-05-06",
        Some(Format::Email) => "user@example.com",
        Some(Format::Uuid) => "0b6f3e0c-1d2e-4f5a-8b9c-0d1e2f3a4b5c",
        Some(Format::Uri) => "https://example.com/sample",
        Some(Format::Byte) => "c2FtcGxl",
        Some(Format::Password) => "secret-sample",
        _ => "sample",
    };
    fit_length(base, constraints)
}

/// Pads with `x` or truncates so the length constraints hold.
fn fit_length(base: &str, constraints: &Constraints) -> String {
    let mut value: String = match constraints.max_length {
        Some(max) => base.chars().take(max as usize).collect(),
        None => base.to_owned(),
    };
    let min = constraints.min_length.unwrap_or(0) as usize;
    while value.chars().count() < min {
        value.push('x');
    }
    value
}

/// A string matching `pattern` and the length constraints, drawn with a generator seeded from
/// the pattern (so output is the same run to run and does not depend on the order of schemas).
/// `None` when `regex-syntax` cannot parse the pattern (ECMA look-arounds) or no draw fits.
pub fn matching(pattern: &str, constraints: &Constraints) -> Option<String> {
    /// (pattern, minLength, maxLength) to the string drawn for them.
    type Drawn = HashMap<(String, Option<u64>, Option<u64>), Option<String>>;
    thread_local! {
        static DRAWN: RefCell<Drawn> = RefCell::default();
    }
    let key = (
        pattern.to_owned(),
        constraints.min_length,
        constraints.max_length,
    );
    if let Some(known) = DRAWN.with_borrow(|drawn| drawn.get(&key).cloned()) {
        return known;
    }
    let value = draw(pattern, constraints);
    DRAWN.with_borrow_mut(|drawn| drawn.insert(key, value.clone()));
    value
}

fn draw(pattern: &str, constraints: &Constraints) -> Option<String> {
    let checker = compiled(pattern)?;
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    // Anchors are implied for a whole generated string; the generator refuses them.
    let generator = rand_regex::Regex::with_hir(without_looks(hir), 3).ok()?;
    let mut rng = rand_pcg::Pcg64::seed_from_u64(fnv1a(pattern));
    for _ in 0..16 {
        let drawn: Result<String, _> = generator.sample(&mut rng);
        let Ok(candidate) = drawn else { continue };
        let length = candidate.chars().count() as u64;
        let length_ok = constraints.min_length.is_none_or(|min| length >= min)
            && constraints.max_length.is_none_or(|max| length <= max);
        if length_ok && checker.is_match(&candidate) {
            return Some(candidate);
        }
    }
    None
}

/// The expression with every look-around assertion (`^`, `$`, `\b`) replaced by nothing.
fn without_looks(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Capture(capture) => Hir::capture(hir::Capture {
            sub: Box::new(without_looks(*capture.sub)),
            ..capture
        }),
        HirKind::Repetition(repetition) => Hir::repetition(hir::Repetition {
            sub: Box::new(without_looks(*repetition.sub)),
            ..repetition
        }),
        HirKind::Concat(parts) => Hir::concat(parts.into_iter().map(without_looks).collect()),
        HirKind::Alternation(parts) => {
            Hir::alternation(parts.into_iter().map(without_looks).collect())
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(class) => Hir::class(class),
    }
}

/// FNV-1a: a stable hash (std's `DefaultHasher` may change between Rust releases).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Pattern;

    fn with_pattern(pattern: &str) -> Constraints {
        Constraints {
            pattern: Some(Pattern::new(pattern)),
            ..Constraints::default()
        }
    }

    #[test]
    fn anchored_patterns_generate_matching_strings_the_same_every_time() {
        for pattern in [
            "^([a-f0-9]{24})$",
            "^[a-zA-Z0-9][a-zA-Z0-9-]*$",
            r"^mdb_sa_id_[a-fA-F\d]{24}$",
            r"^[\p{L}\p{N}\-_.(),:&@+']{1,64}$",
            "^(?:(?<cn>CN=(?<name>[^,]*)),)?(?<domain>(?:DC=[^,]+,?)+)$",
        ] {
            let value = matching(pattern, &Constraints::default()).expect(pattern);
            assert!(
                regex::Regex::new(pattern).unwrap().is_match(&value),
                "{pattern}: {value}"
            );
            assert_eq!(Some(value), matching(pattern, &Constraints::default()));
        }
    }

    #[test]
    fn look_arounds_fall_back_to_a_plain_string() {
        let pattern = r"^((25[0-5]|(2[0-4]|1\d|[1-9]|)\d)(\.(?!$)|$)){4}$";
        assert_eq!(matching(pattern, &Constraints::default()), None);
        let value = primitive(&TypeRef::String { format: None }, &with_pattern(pattern));
        assert_eq!(value, Some(json!("sample")));
    }

    #[test]
    fn examples_are_used_only_when_they_fit() {
        let id = TypeRef::String { format: None };
        let mut constraints = with_pattern("^([a-f0-9]{24})$");
        constraints.example = Some(json!("32b6e34b3d91647abb20e7b8"));
        assert_eq!(primitive(&id, &constraints), constraints.example);
        constraints.example = Some(json!("not an id"));
        let made = primitive(&id, &constraints).unwrap();
        assert!(made.as_str().unwrap().len() == 24, "{made}");

        let int32 = TypeRef::Integer {
            format: Some(Format::Int32),
        };
        let too_wide = Constraints {
            example: Some(json!(INT64)),
            ..Constraints::default()
        };
        assert_eq!(primitive(&int32, &too_wide), Some(json!(INT32)));
        let stamp = TypeRef::String {
            format: Some(Format::DateTime),
        };
        let not_a_stamp = Constraints {
            example: Some(json!("yesterday")),
            ..Constraints::default()
        };
        assert_eq!(primitive(&stamp, &not_a_stamp), Some(json!(DATE_TIME)));
    }

    #[test]
    fn ranges_and_lengths_are_respected() {
        let ranged = Constraints {
            minimum: Some(1.0),
            maximum: Some(50.0),
            exclusive_maximum: true,
            ..Constraints::default()
        };
        let integer = TypeRef::Integer { format: None };
        assert_eq!(primitive(&integer, &ranged), Some(json!(49)));
        let number = TypeRef::Number { format: None };
        assert_eq!(primitive(&number, &ranged), Some(json!(49.5)));
        let short = Constraints {
            max_length: Some(3),
            ..Constraints::default()
        };
        let long = Constraints {
            min_length: Some(8),
            ..Constraints::default()
        };
        let string = TypeRef::String { format: None };
        assert_eq!(primitive(&string, &short), Some(json!("sam")));
        assert_eq!(primitive(&string, &long), Some(json!("samplexx")));
    }

    #[test]
    fn numbers_need_double_precision_and_integers_more_than_32_bits() {
        let float = TypeRef::Number {
            format: Some(Format::Float),
        };
        let made = primitive(&float, &Constraints::default()).unwrap();
        assert_ne!(
            f64::from(made.as_f64().unwrap() as f32),
            made.as_f64().unwrap()
        );
        let made = primitive(&TypeRef::Integer { format: None }, &Constraints::default());
        assert!(i32::try_from(made.unwrap().as_i64().unwrap()).is_err());
    }
}
