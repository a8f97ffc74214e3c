// @generated: a copy of generator/runtime/src/union.rs; do not edit by hand.
//! Decoding of a discriminated union's alternative, shared by every generated tagged union.
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
