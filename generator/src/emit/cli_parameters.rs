//! The flags of a tag's commands as the command line's tables list them: each a
//! `CliParameter::new(...)` with only what differs from its defaults, or the constant of
//! `src/cli/mod.rs` holding an entry several tables share ([`SharedFlag`]).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::gates::{cfg_attr, cfg_predicate};
use super::rust_types::ident;
use super::scope::Scope;
use crate::plan::{CliFlag, ParameterPlan, Plan, SharedFlag};
use crate::wire::ParameterLocation;

pub(super) fn parameter_entry(
    scope: &Scope<'_>,
    parameter: &ParameterPlan,
    flag: &CliFlag,
) -> TokenStream {
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
    let (cli_parameter, location_type) = (
        scope.path("crate::runtime::cli::CliParameter"),
        scope.path("crate::runtime::cli::Location"),
    );
    let mut entry = quote!(#cli_parameter::new(#key, #location_type::#location, #help));
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

/// The constants of the shared flag entries, for `src/cli/mod.rs`.
pub(super) fn shared_flags(scope: &Scope<'_>, model: &Plan<'_>) -> Vec<TokenStream> {
    (model.shared_flags.iter())
        .map(|shared| {
            let predicate = cfg_predicate(model, &shared.gate);
            scope.under(predicate.as_ref(), || shared_flag(scope, model, shared))
        })
        .collect()
}

fn shared_flag(scope: &Scope<'_>, model: &Plan<'_>, shared: &SharedFlag) -> TokenStream {
    let (operation, parameter) = shared.example;
    let operation = &model.operations[operation];
    let flag = &operation.cli.flags[parameter];
    let entry = parameter_entry(scope, &operation.parameters[parameter], flag);
    let cli_parameter = scope.path("crate::runtime::cli::CliParameter");
    let name = ident(&shared.const_name);
    let doc = format!(
        " The `{}` flag, the same in every command that has it.",
        flag.key
    );
    let cfg = cfg_attr(model, &shared.gate);
    quote! {
        #[doc = #doc]
        #cfg
        const #name: #cli_parameter = #entry;
    }
}
