//! Pagination: Atlas list operations take `pageNum` and `itemsPerPage` and answer
//! `{"results": [...], "totalCount": n}`. For those, the request builder also offers
//! `into_stream`, a stream of every item of every page that fetches pages as it is read.
//!
//! Whether the page schema lists `results` as required only changes the field's type (`Vec` or
//! `Option<Vec>`), never whether the stream exists: Atlas specs are moving to `required`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::model::{EmitModel, View};
use super::rust_types::{ident, rust_type};
use super::versions::{Exchange, ResponseShape};
use crate::ir::{Field, Operation, Parameter, ParameterLocation, TypeKind, TypeRef};

/// The page size used when the caller sets none: Atlas's own default.
const DEFAULT_PAGE_SIZE: i64 = 100;

/// `impl Builder { fn into_stream }` for a paginated operation, or nothing.
pub fn stream_method(
    model: &EmitModel<'_>,
    operation: &Operation,
    exchange: &Exchange<'_>,
    builder: &Ident,
) -> Option<TokenStream> {
    let page = query_parameter(operation, "pageNum")?;
    let size = query_parameter(operation, "itemsPerPage")?;
    let results = results_field(model, exchange)?;
    let TypeRef::Array { items } = &results.ty else {
        return None;
    };
    let item_type = rust_type(model, items, View::Response);
    let results_ident = ident(&results.rust_name);
    // Mirrors how `types` emits the field: an `Option` unless required and not nullable.
    let results_of_page = if results.required && !results.nullable {
        quote!(.#results_ident)
    } else {
        quote!(.#results_ident.unwrap_or_default())
    };
    let page_field = ident(&page.rust_name);
    let size_field = ident(&size.rust_name);
    let page_type = rust_type(model, &page.ty, View::Request);
    let size_type = rust_type(model, &size.ty, View::Request);
    let default_size = size
        .constraints
        .default
        .as_ref()
        .and_then(serde_json::Value::as_i64)
        .unwrap_or(DEFAULT_PAGE_SIZE);
    let default_size = proc_macro2::Literal::i64_unsuffixed(default_size);
    Some(quote! {
        impl<'a> #builder<'a> {
            /// Every item of every page, as a stream that fetches the next page when the items
            /// of the current one have been read. Starts at the page set with the page number
            /// setter (else the first) and stops after a page with fewer items than the page
            /// size. The first error ends the stream.
            pub fn into_stream(self) -> impl ::futures_util::Stream<Item = ::std::result::Result<#item_type, crate::Error>> + 'a {
                use ::futures_util::TryStreamExt as _;
                let size: #size_type = self.#size_field.unwrap_or(#default_size);
                let first: #page_type = self.#page_field.unwrap_or(1);
                ::futures_util::stream::try_unfold(::std::option::Option::Some((self, first)), move |state| async move {
                    let ::std::option::Option::Some((builder, page)) = state else {
                        return ::std::result::Result::<_, crate::Error>::Ok(::std::option::Option::None);
                    };
                    let mut request = builder.clone();
                    request.#page_field = ::std::option::Option::Some(page);
                    request.#size_field = ::std::option::Option::Some(size);
                    let results = request.send().await?.into_body()#results_of_page;
                    let full = usize::try_from(size).is_ok_and(|size| results.len() >= size);
                    let next = (full && !results.is_empty()).then(|| (builder, page + 1));
                    let items = ::futures_util::stream::iter(results.into_iter().map(::std::result::Result::Ok));
                    ::std::result::Result::Ok(::std::option::Option::Some((items, next)))
                })
                .try_flatten()
            }
        }
    })
}

fn query_parameter<'o>(operation: &'o Operation, name: &str) -> Option<&'o Parameter> {
    operation.parameters.iter().find(|p| {
        p.name == name
            && p.location == ParameterLocation::Query
            && !p.required
            && matches!(p.ty, TypeRef::Integer { .. })
    })
}

/// The `results` field of the response, when it is a list page.
fn results_field<'m>(model: &'m EmitModel<'_>, exchange: &Exchange<'_>) -> Option<&'m Field> {
    let ResponseShape::Json(TypeRef::Named { name }) = &exchange.response else {
        return None;
    };
    let TypeKind::Struct { fields, .. } = &model.type_def(name)?.kind else {
        return None;
    };
    fields.iter().find(|f| f.name == "results" && !f.write_only)
}
