//! The flags of a tag's commands as the command line's tables list them: each a
//! `CliParameter::new(...)` with only what differs from its defaults. (Each table spells its
//! flags out: a constant shared by several would change with operations it does not belong to.)

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::plan::{CliFlag, ParameterPlan};
use crate::wire::ParameterLocation;

pub(super) fn parameter_entry(parameter: &ParameterPlan, flag: &CliFlag) -> TokenStream {
    let key = &flag.key;
    let location = format_ident!(
        "{}",
        match parameter.location {
            ParameterLocation::Path => "Path",
            ParameterLocation::Query => "Query",
            ParameterLocation::Header => "Header",
            ParameterLocation::Cookie => "Cookie",
        }
    );
    let help = parameter.description.as_deref().unwrap_or_default();
    // Only what differs from `CliParameter::new`'s defaults is spelled out.
    let mut entry = quote! {
        crate::runtime::cli::CliParameter::new(#key, crate::runtime::cli::Location::#location, #help)
    };
    if flag.flag != *key {
        let flag_name = &flag.flag;
        entry.extend(quote!(.flag(#flag_name)));
    }
    if let Some(alias) = &flag.alias {
        entry.extend(quote!(.alias(#alias)));
    }
    if parameter.required {
        entry.extend(quote!(.required()));
    }
    if parameter.repeated.is_some() {
        entry.extend(quote!(.repeated()));
    }
    let values = &parameter.values;
    if !values.is_empty() {
        entry.extend(quote!(.values(&[#(#values),*])));
    }
    if let Some(variable) = flag.default_env {
        entry.extend(quote!(.default_env(#variable)));
    }
    entry
}
