//! Feature gates: `#[cfg(...)]` attributes that compile an item only when a feature that needs it
//! is on, so a user who enables one tag compiles that tag's operations and types and nothing else.

use proc_macro2::TokenStream;
use quote::quote;

use super::model::{Gate, UNREFERENCED_FEATURE};

/// The `#[cfg]` attribute for a gate; `None` for items that are always compiled.
pub fn cfg_attr(gate: &Gate) -> Option<TokenStream> {
    match gate {
        Gate::Always => None,
        Gate::AnyOf(features) => match features.as_slice() {
            [one] => Some(quote!(#[cfg(feature = #one)])),
            many => Some(quote!(#[cfg(any(#(feature = #many),*))])),
        },
        Gate::Unreferenced => Some(quote!(#[cfg(feature = #UNREFERENCED_FEATURE)])),
    }
}
