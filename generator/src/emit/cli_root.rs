//! `src/cli/mod.rs`: the command line's root module, which declares the tag modules, holds the
//! flag entries several tags share, lists the tags and download commands compiled in, and
//! connects the runtime's generic engine to this crate's `Client`.

use proc_macro2::TokenStream;
use quote::quote;

use super::cli_download;
use super::rust_types::ident;
use super::scope::{Prelude, Scope};
use crate::plan::{OperationPlan, Plan};

/// `src/cli/mod.rs`, as (path, text); `entry_name` names an operation's items in its tag file.
pub(super) fn root_file(
    model: &Plan<'_>,
    entry_name: fn(&OperationPlan<'_>) -> String,
) -> (String, String) {
    let mut declarations = Vec::new();
    let mut tags = Vec::new();
    for feature in &model.features {
        let module = ident(&feature.module);
        let name = &feature.name;
        declarations.push(quote! {
            #[cfg(feature = #name)]
            mod #module;
        });
        tags.push(quote! {
            #[cfg(feature = #name)]
            &#module::TAG,
        });
    }
    let path = "src/cli/mod.rs";
    let modules = model.features.iter().map(|feature| feature.module.as_str());
    let own = ["TAGS", "DOWNLOADS", "API", "main"]
        .into_iter()
        .chain(modules);
    let scope = Scope::new(path, &model.defined_names, own);
    let downloads = cli_download::list(&scope, model, entry_name);
    let shared_flags = super::cli_parameters::shared_flags(&scope, model);
    let client_impl = client_impl(&scope);
    let client = scope.path("crate::Client");
    let (cli_tag, cli_download, cli_api) = (
        scope.path("crate::runtime::cli::CliTag"),
        scope.path("crate::runtime::cli::CliDownload"),
        scope.path("crate::runtime::cli::CliApi"),
    );
    let exit_code = scope.path("::std::process::ExitCode");
    let head = quote! {
        //! The command line (feature `cli`): `<binary> <tag> <operation> [flags]`, the grammar
        //! of the Atlas CLI's `atlas api`, for every operation of this crate, from the same plan
        //! as the library. Run `--help` for the tags, and see the README.
    };
    // `main` is this module's own: the runtime's is written through its module.
    let run = scope.path("crate::runtime::cli::main");
    let root = quote! {
        #(#shared_flags)*

        #(#declarations)*

        #client_impl

        /// Every tag compiled in, in name order.
        static TAGS: &[&#cli_tag<#client>] = &[#(#tags)*];

        /// The download commands compiled in.
        static DOWNLOADS: &[&#cli_download<#client>] = &[#(#downloads)*];

        /// The API as the command line sees it.
        pub static API: #cli_api<#client> = #cli_api {
            binary: env!("CARGO_PKG_NAME"),
            about: env!("CARGO_PKG_DESCRIPTION"),
            crate_version: env!("CARGO_PKG_VERSION"),
            tags: TAGS,
            downloads: DOWNLOADS,
            environment: &#client::ENVIRONMENT,
        };

        /// Runs the command line on the process's arguments: what `src/main.rs` calls.
        pub fn main() -> #exit_code {
            #run(&API)
        }
    };
    let text = scope.file(&head.to_string(), &root.to_string());
    (path.to_owned(), text)
}

/// `impl CliClient for Client`: how the runtime's engine makes and uses this crate's client.
fn client_impl(scope: &Scope<'_>) -> TokenStream {
    let Prelude { result, ok, .. } = scope.prelude();
    let (client, config) = (
        scope.path("crate::Client"),
        scope.path("crate::runtime::ClientConfig"),
    );
    let (boxed, error) = (
        scope.path("::std::boxed::Box"),
        scope.path("::std::error::Error"),
    );
    let (cli_client, transport) = (
        scope.path("crate::runtime::cli::CliClient"),
        scope.path("crate::runtime::Transport"),
    );
    quote! {
        impl #cli_client for #client {
            fn default_config() -> #config {
                #client::default_config()
            }

            fn connect(
                config: #config,
            ) -> #result<Self, #boxed<dyn #error + Send + Sync>> {
                #ok(#client::with_config(config)?)
            }

            fn transport(&self) -> &#transport {
                #client::transport(self)
            }
        }
    }
}
