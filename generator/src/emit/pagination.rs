//! Pagination: for list operations (see [`crate::plan::Pagination`]), the request builder also
//! offers `into_stream`, a stream of every item of every page that fetches pages as it is read.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::operations::Call;
use super::rust_types::{ident, tokens};
use crate::plan::Presence;

/// `impl Builder { fn into_stream }` for a paginated method, or nothing.
pub(super) fn stream_method(call: &Call<'_>, builder: &Ident) -> Option<TokenStream> {
    let pagination = call.method.pagination.as_ref()?;
    let item_type = tokens(&pagination.item_type);
    let results_ident = ident(&pagination.results_field);
    // As the page's struct holds the field.
    let results_of_page = match pagination.results_presence {
        Presence::Required => quote!(.#results_ident),
        Presence::Nullable | Presence::Optional => quote!(.#results_ident.unwrap_or_default()),
        Presence::Tristate => quote!(.#results_ident.flatten().unwrap_or_default()),
    };
    let page = &call.slots[pagination.page_parameter];
    let size = &call.slots[pagination.size_parameter];
    let (page_field, page_type) = (&page.field, &page.stored);
    let (size_field, size_type) = (&size.field, &size.stored);
    let default_size = proc_macro2::Literal::i64_unsuffixed(pagination.default_size);
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
