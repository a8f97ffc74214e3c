//! Which request shapes get a `validate` method and what it checks: string fields with a
//! `pattern` that lowering found checkable (such as `TenantRestore`'s `targetDeploymentItemName`),
//! and fields holding a value (directly, in an `Option`, `Vec` or map) that has checks of its
//! own.

use serde::Serialize;

use super::types::is_plain_string;
use super::{Plan, TypeId, View};
use crate::ir::{Field, TypeKind, TypeRef};

/// One check of a `validate` method, on one field (by its name in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternCheck {
    /// The field's text must match `pattern` (compiled once, by the runtime's `check_pattern!`).
    Pattern {
        /// The field.
        field: String,
        /// The pattern.
        pattern: String,
    },
    /// The field holds values with checks of their own: each one's `validate` is called.
    Nested {
        /// The field.
        field: String,
    },
}

/// Fills in the checks of every type sent in a request. Which types have checks is found first
/// (a type holding one that has checks has them too), then what each checks.
pub fn plan_validation(plan: &mut Plan<'_>) {
    loop {
        let mut changed = false;
        for index in 0..plan.types.len() {
            if plan.types[index].validation.is_some() || !plan.types[index].sent {
                continue;
            }
            let TypeKind::Struct { fields, .. } = &plan.def(TypeId(index)).kind else {
                continue;
            };
            if !checks_of(plan, fields).is_empty() {
                // A marker for now: the final list may grow as nested types are found.
                plan.types[index].validation = Some(Vec::new());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for index in 0..plan.types.len() {
        if plan.types[index].validation.is_none() {
            continue;
        }
        if let TypeKind::Struct { fields, .. } = &plan.def(TypeId(index)).kind {
            let checks = checks_of(plan, fields);
            plan.types[index].validation = Some(checks);
        }
    }
}

fn checks_of(plan: &Plan<'_>, fields: &[Field]) -> Vec<PatternCheck> {
    Plan::fields_in(fields, View::Request)
        .filter_map(|field| {
            if let Some(pattern) = pattern_of(field) {
                return Some(PatternCheck::Pattern {
                    field: field.name.clone(),
                    pattern: pattern.to_owned(),
                });
            }
            let nested = nested(&field.ty)?;
            plan.has_validate(nested).then(|| PatternCheck::Nested {
                field: field.name.clone(),
            })
        })
        .collect()
}

/// The pattern of a plain string field, when lowering found it checkable.
fn pattern_of(field: &Field) -> Option<&str> {
    let pattern = field.constraints.pattern.as_ref()?.checked()?;
    is_plain_string(&field.ty).then_some(pattern)
}

/// The type a field holds, directly or as the elements of a `Vec` or map.
fn nested(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named { name } => Some(name),
        TypeRef::Array { items } | TypeRef::Map { values: items } => match items.as_ref() {
            TypeRef::Named { name } => Some(name),
            _ => None,
        },
        _ => None,
    }
}
