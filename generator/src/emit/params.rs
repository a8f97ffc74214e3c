//! Validated parameter values: a newtype per patterned string parameter (`GroupId` checks
//! `^([a-f0-9]{24})$`), so a value that could not be right is refused before any request is made.
//! The pattern was compiled by the generator, so the emitted code can rely on it compiling.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{asks_to_encode, doc_paragraphs};
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
        // The spec's advice to encode is for raw HTTP; this client encodes path and query values.
        let raw_note = asks_to_encode(param.description.as_deref()).then_some(
            "With this client, pass the value as it is (`a/b`, not `a%2Fb`): it percent-encodes \
             path and query values, so a value encoded beforehand would be encoded twice.",
        );
        let docs = doc_paragraphs([param.description.as_deref(), raw_note, Some(rule.as_str())]);
        let reason = format!("does not match `{pattern}`");
        let conversions = conversions(&name, cfg.as_ref());
        quote! {
            #docs
            #cfg
            #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct #name(::std::string::String);

            #cfg

            impl #name {
                /// The pattern every value matches.
                pub const PATTERN: &'static str = #pattern;

                /// Checks `value` against [`Self::PATTERN`].
                pub fn new(value: impl ::std::convert::Into<::std::string::String>) -> ::std::result::Result<Self, crate::runtime::InvalidArgument> {
                    static PATTERN: ::std::sync::LazyLock<::std::option::Option<::regex::Regex>> =
                        ::std::sync::LazyLock::new(|| ::regex::Regex::new(#name::PATTERN).ok());
                    let value = value.into();
                    // The generator compiled this pattern, so `None` cannot happen; if it somehow
                    // did, refusing every value is safer than accepting any.
                    let valid = PATTERN.as_ref().is_some_and(|pattern| pattern.is_match(&value));
                    if valid {
                        ::std::result::Result::Ok(Self(value))
                    } else {
                        ::std::result::Result::Err(crate::runtime::InvalidArgument::new(#api_name, value, #reason))
                    }
                }

                /// The value.
                pub fn as_str(&self) -> &str {
                    &self.0
                }

                /// The value, by move.
                pub fn into_inner(self) -> ::std::string::String {
                    self.0
                }
            }

            #conversions
        }
    });
    quote! {
        //! Validated parameter values.
        #(#items)*
    }
}

/// Parsing and conversions of a newtype: `FromStr`, `TryFrom<&str>`, `TryFrom<String>` (all
/// checking the pattern), `AsRef<str>` and `Display`.
fn conversions(name: &proc_macro2::Ident, cfg: Option<&TokenStream>) -> TokenStream {
    quote! {
    #cfg

    impl ::std::str::FromStr for #name {
        type Err = crate::runtime::InvalidArgument;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Self::new(value)
        }
    }

    #cfg

    impl ::std::convert::TryFrom<&str> for #name {
        type Error = crate::runtime::InvalidArgument;
        fn try_from(value: &str) -> ::std::result::Result<Self, Self::Error> {
            Self::new(value)
        }
    }

    #cfg

    impl ::std::convert::TryFrom<::std::string::String> for #name {
        type Error = crate::runtime::InvalidArgument;
        fn try_from(value: ::std::string::String) -> ::std::result::Result<Self, Self::Error> {
            Self::new(value)
        }
    }

    #cfg

    impl ::std::convert::AsRef<str> for #name {
        fn as_ref(&self) -> &str {
            &self.0
        }
    }

    #cfg

    impl ::std::fmt::Display for #name {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(&self.0)
        }
    }
    }
}
