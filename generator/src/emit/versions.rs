//! `src/versions.rs`: the marker types of the `Accept` values shared builders send
//! (`plan::VersionMarker`), one per API version and format; a builder's type parameter `V`.

use quote::quote;

use super::rust_types::ident;
use crate::plan::Plan;

/// The module, as (path, text), when some operation's versions share a builder.
pub fn versions_file(model: &Plan<'_>) -> Option<(String, String)> {
    if model.version_markers.is_empty() {
        return None;
    }
    let markers = model.version_markers.iter().map(|marker| {
        let name = ident(&marker.name);
        let doc = format!(" Requests sending `Accept: {}`.", marker.accept);
        let camel_allow = super::operations::camel_allow(&marker.name);
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
            #camel_allow
            pub struct #name;
        }
    });
    let text = quote! {
        //! The API versions (and formats) of the operations served in more than one: the type
        //! parameter `V` of their request builders, which decides the `Accept` header and the
        //! type `send` answers. `Client`'s method of each version returns its builder.
        #(#markers)*
    };
    Some(("src/versions.rs".to_owned(), text.to_string()))
}
