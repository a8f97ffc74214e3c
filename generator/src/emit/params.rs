//! Validated parameter values: a newtype per patterned string parameter (`GroupId` checks
//! `^([a-f0-9]{24})$`), so a value that could not be right is refused before any request is made.
//! The pattern was compiled by the generator, so the emitted code can rely on it compiling. The
//! runtime's `pattern_string!` writes each newtype, its constructor and its conversions.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use super::gates::cfg_attr;
use super::rust_types::ident;
use crate::plan::Plan;

/// The `params` module.
pub fn params(model: &Plan<'_>) -> TokenStream {
    let items = model.param_types.iter().map(|param| {
        let cfg = cfg_attr(model, &param.gate);
        let name = ident(&param.rust_name);
        let pattern = &param.pattern;
        let api_name = &param.api_name;
        let rule = format!("Values must match `{pattern}`.");
        let raw_note = param.asks_to_encode.then_some(
            "With this client, pass the value as it is (`a/b`, not `a%2Fb`): it percent-encodes \
             path and query values, so a value encoded beforehand would be encoded twice.",
        );
        let docs = doc_paragraphs([param.description.as_deref(), raw_note, Some(rule.as_str())]);
        quote! {
            #cfg
            crate::runtime::pattern_string! {
                #docs
                pub struct #name;
                const PARAMETER: &str = #api_name;
                const PATTERN: &str = #pattern;
            }
        }
    });
    quote! {
        //! Validated parameter values.
        #(#items)*
    }
}
