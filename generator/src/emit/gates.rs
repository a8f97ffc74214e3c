//! Feature gates: `#[cfg(...)]` attributes that compile an item only when a feature that needs it
//! is on, so a user who enables one tag compiles that tag's operations and types and nothing else.

use proc_macro2::TokenStream;
use quote::quote;

use crate::plan::{FileGate, Gate, Plan, UNREFERENCED_FEATURE};

/// The `#[cfg]` attribute for a gate; `None` for items that are always compiled.
pub fn cfg_attr(plan: &Plan<'_>, gate: &Gate) -> Option<TokenStream> {
    cfg_predicate(plan, gate).map(|predicate| quote!(#[cfg(#predicate)]))
}

/// What a gate's `#[cfg(...)]` holds (`feature = "x"`); `None` for items always compiled.
pub fn cfg_predicate(plan: &Plan<'_>, gate: &Gate) -> Option<TokenStream> {
    match gate {
        Gate::Always => None,
        Gate::AnyOf(features) => {
            let mut names: Vec<&str> = features
                .iter()
                .map(|id| plan.feature(*id).name.as_str())
                .collect();
            // In name order, which differs from the tags' order (`AWS Clusters DNS`).
            names.sort_unstable();
            match names.as_slice() {
                [one] => Some(quote!(feature = #one)),
                many => Some(quote!(any(#(feature = #many),*))),
            }
        }
        Gate::Unreferenced => Some(quote!(feature = #UNREFERENCED_FEATURE)),
    }
}

/// The `#[cfg]` attribute of a file of types: compiled when any of its types is.
pub fn file_cfg_attr(plan: &Plan<'_>, gate: &FileGate) -> Option<TokenStream> {
    if gate.always {
        return None;
    }
    let mut names: Vec<&str> = gate
        .features
        .iter()
        .map(|id| plan.feature(*id).name.as_str())
        .collect();
    names.sort_unstable();
    if gate.unreferenced {
        names.push(UNREFERENCED_FEATURE);
    }
    match names.as_slice() {
        [one] => Some(quote!(#[cfg(feature = #one)])),
        many => Some(quote!(#[cfg(any(#(feature = #many),*))])),
    }
}
