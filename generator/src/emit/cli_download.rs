//! The command line's download commands (`backups snapshots download <snapshotId> ...`): one
//! `CliDownload` entry per download the plan gives a command, in its operation's tag file, and
//! the list of them in `src/cli/mod.rs`, each compiled when its operation and its job's GET are.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_types::ident;
use super::scope::Scope;
use crate::plan::{OperationPlan, Plan};

/// The entry's item name, beside the operation's `<NAME>_COMMAND`.
pub(super) fn entry_ident(operation_entry: &str) -> proc_macro2::Ident {
    format_ident!("{}", entry_item(operation_entry))
}

/// [`entry_ident`] as text.
pub(super) fn entry_item(operation_entry: &str) -> String {
    format!("{operation_entry}_DOWNLOAD")
}

/// The `CliDownload` item of an operation, in its tag file; `None` without a command.
pub(super) fn entry(
    scope: &Scope<'_>,
    plan: &OperationPlan<'_>,
    operation_entry: &str,
) -> Option<TokenStream> {
    let command = plan.download.as_ref()?.command.as_ref()?;
    let item = entry_ident(operation_entry);
    let operation = format_ident!("{operation_entry}_COMMAND");
    let words = &command.words;
    let positional = &command.positional;
    let flags = command
        .flags
        .iter()
        .map(|(flag, parameter)| quote!((#flag, #parameter)));
    let body = command
        .body
        .iter()
        .map(|(field, flag)| quote!((#field, #flag)));
    let switch = match &command.switch {
        Some(switch) => {
            let some = scope.path("::std::option::Option::Some");
            quote!(#some(#switch))
        }
        None => scope.path("::std::option::Option::None"),
    };
    let doc = format!(" `{}`.", words.join(" "));
    let (cli_download, client) = (
        scope.path("crate::runtime::cli::CliDownload"),
        scope.path("crate::Client"),
    );
    Some(quote! {
        #[doc = #doc]
        pub(super) static #item: #cli_download<#client> =
            #cli_download {
                words: &[#(#words),*],
                positional: #positional,
                flags: &[#(#flags),*],
                body: &[#(#body),*],
                switch: #switch,
                operation: &#operation,
            };
    })
}

/// The elements of `src/cli/mod.rs`'s list of download commands.
pub(super) fn list(
    _scope: &Scope<'_>,
    model: &Plan<'_>,
    operation_entry: fn(&OperationPlan<'_>) -> String,
) -> Vec<TokenStream> {
    model
        .operations
        .iter()
        .filter(|plan| plan.download.as_ref().is_some_and(|d| d.command.is_some()))
        .map(|plan| {
            let module = ident(&model.feature(plan.feature).module);
            let item = entry_ident(&operation_entry(plan));
            let mut features = vec![model.feature(plan.feature).name.as_str()];
            if let Some(poll) = plan.download.as_ref().and_then(|d| d.poll_feature) {
                features.push(model.feature(poll).name.as_str());
            }
            quote! {
                #[cfg(all(#(feature = #features),*))]
                &#module::#item,
            }
        })
        .collect()
}
