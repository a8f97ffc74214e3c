//! Pagination: for list operations (see [`crate::plan::Pagination`]), the request builder also
//! offers `into_stream`, a stream of every item of every page that fetches pages as it is read.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::operations::Call;
use super::rust_types::{ident, tokens};
use super::scope::Prelude;
use crate::plan::Presence;

/// `impl Builder { fn into_stream }` for a paginated method, or nothing.
pub(super) fn stream_method(call: &Call<'_>, builder: &Ident) -> Option<TokenStream> {
    let pagination = call.method.pagination.as_ref()?;
    let scope = call.scope;
    let item_type = tokens(scope, &pagination.item_type);
    let Prelude {
        some,
        none,
        result,
        ok,
        ..
    } = scope.prelude();
    let (stream, error) = (
        scope.path("::futures_util::Stream"),
        scope.path("crate::Error"),
    );
    let (try_unfold, iter) = (
        scope.path("::futures_util::stream::try_unfold"),
        scope.path("::futures_util::stream::iter"),
    );
    let results_ident = ident(&pagination.results_field);
    // As the page's struct holds the field.
    let results_of_page = match pagination.results_presence {
        Presence::Required => quote!(.#results_ident),
        Presence::Nullable | Presence::Optional => quote!(.#results_ident.unwrap_or_default()),
        Presence::Tristate => quote!(.#results_ident.flatten().unwrap_or_default()),
    };
    let page = &call.slots[pagination.page_parameter];
    let size = &call.slots[pagination.size_parameter];
    let (page_field, page_type) = (&page.field, page.stored());
    let (size_field, size_type) = (&size.field, size.stored());
    let default_size = proc_macro2::Literal::i64_unsuffixed(pagination.default_size);
    Some(quote! {
        impl<'a> #builder<'a> {
            /// Every item of every page, as a stream that fetches the next page when the items
            /// of the current one have been read. Starts at the page set with the page number
            /// setter (else the first) and stops after a page with fewer items than the page
            /// size. The first error ends the stream.
            pub fn into_stream(self) -> impl #stream<Item = #result<#item_type, #error>> + 'a {
                use ::futures_util::TryStreamExt as _;
                let size: #size_type = self.#size_field.unwrap_or(#default_size);
                let first: #page_type = self.#page_field.unwrap_or(1);
                #try_unfold(#some((self, first)), move |state| async move {
                    let #some((builder, page)) = state else {
                        return #result::<_, #error>::Ok(#none);
                    };
                    let mut request = builder.clone();
                    request.#page_field = #some(page);
                    request.#size_field = #some(size);
                    let results = request.send().await?.into_body()#results_of_page;
                    let full = usize::try_from(size).is_ok_and(|size| results.len() >= size);
                    let next = (full && !results.is_empty()).then(|| (builder, page + 1));
                    let items = #iter(results.into_iter().map(#ok));
                    #ok(#some((items, next)))
                })
                .try_flatten()
            }
        }
    })
}
