//! Which methods walk pages: Atlas list operations take `pageNum` and `itemsPerPage` and answer
//! `{"results": [...], "totalCount": n}`. Whether the page schema lists `results` as required only
//! changes the field's type (`Vec` or `Option<Vec>`), never whether the stream exists: Atlas
//! specs are moving to `required`.

use serde::Serialize;

use super::methods::ResponseShape;
use super::{Plan, Presence, RustType, View};
use crate::ir::{Field, Operation, ParameterLocation, TypeKind, TypeRef};

/// The page size used when the caller sets none and the spec gives no default: Atlas's own.
const DEFAULT_PAGE_SIZE: i64 = 100;

/// How `into_stream` walks the pages of a list operation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pagination<'a> {
    /// The page number parameter (an index into the operation's parameters).
    pub page_parameter: usize,
    /// The page size parameter.
    pub size_parameter: usize,
    /// The page's `results` field.
    #[serde(serialize_with = "field_name")]
    pub(in crate::plan) results: &'a Field,
    /// The type of one item.
    pub(in crate::plan) item: &'a TypeRef,
    /// The Rust type of one item.
    #[serde(skip)]
    pub item_type: RustType,
    /// The `results` field's name in the answer.
    #[serde(skip)]
    pub results_name: String,
    /// Its Rust name.
    #[serde(skip)]
    pub results_field: String,
    /// How the page's struct holds it, which says how to read it (`Vec`, `Option<Vec>` or
    /// `Option<Option<Vec>>`).
    #[serde(skip)]
    pub results_presence: Presence,
    /// The page's type, by its Rust name.
    pub page: &'a str,
    /// The page size when the caller sets none.
    pub default_size: i64,
}

fn field_name<S: serde::Serializer>(field: &&Field, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&field.name)
}

/// The pagination of a method answering `response`, when it is a list page.
pub fn pagination<'a>(
    plan: &Plan<'a>,
    operation: &'a Operation,
    response: &ResponseShape<'a>,
) -> Option<Pagination<'a>> {
    let page_parameter = optional_integer_query(operation, "pageNum")?;
    let size_parameter = optional_integer_query(operation, "itemsPerPage")?;
    let ResponseShape::Json(TypeRef::Named { name }) = response else {
        return None;
    };
    let TypeKind::Struct { fields, .. } = &plan.type_def(name)?.kind else {
        return None;
    };
    let results = fields
        .iter()
        .find(|f| f.name == "results" && !f.write_only)?;
    let TypeRef::Array { items } = &results.ty else {
        return None;
    };
    let default_size = operation.parameters[size_parameter]
        .constraints
        .default
        .as_ref()
        .and_then(serde_json::Value::as_i64)
        .unwrap_or(DEFAULT_PAGE_SIZE);
    let results_presence = plan.type_plan_named(name).map_or_else(
        || Presence::of(results, false),
        |t| t.presence(results, t.main_view),
    );
    Some(Pagination {
        page_parameter,
        size_parameter,
        results,
        item: items,
        item_type: plan.rust_type(items, View::Response),
        results_name: results.name.clone(),
        results_field: results.rust_name.clone(),
        results_presence,
        page: name,
        default_size,
    })
}

fn optional_integer_query(operation: &Operation, name: &str) -> Option<usize> {
    operation.parameters.iter().position(|p| {
        p.name == name
            && p.location == ParameterLocation::Query
            && !p.required
            && matches!(p.ty, TypeRef::Integer { .. })
    })
}
