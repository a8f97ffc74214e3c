//! The crate root and the `Client`: construction from credentials, the environment or a full
//! configuration, with the spec's server and token URL as defaults.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{inline, inner_doc_attrs};
use super::environment;
use super::runtime::{RuntimeSource, RUNTIME_CRATE};
use super::EmitConfig;
use crate::ir::SecuritySchemeKind;
use crate::plan::{FormPlan, Plan};

/// `src/lib.rs`: the crate docs and module declarations. Modules are `rustfmt::skip`ped so that
/// `cargo fmt` in a workspace that vendors the crate leaves generated code as generated.
pub fn lib_rs(model: &Plan<'_>, config: &EmitConfig) -> TokenStream {
    let api = model.api;
    // The generator's own words link to items, so they are not escaped; the spec's are.
    let intro = [
        // Not the spec's file or version: those are in the manifest only (see `emit::header`).
        format!(
            " A typed async client for the {}, generated from its OpenAPI spec",
            inline(&api.title),
        ),
        " (named, with its version and hash, in the manifest's `[package.metadata.atlas-codegen]`)."
            .into(),
        String::new(),
        format!(
            " Create a [`Client`] with [`Client::new`] (credentials), [`Client::from_env`] ({}",
            if model.environment.atlas_cli_profiles {
                "the"
            } else {
                "credentials"
            }
        ),
        if model.environment.atlas_cli_profiles {
            " `MONGODB_ATLAS_*` variables the Atlas CLI and Go SDK use) or [`Client::with_config`],"
                .into()
        } else {
            format!(
                " from `{}*` variables) or [`Client::with_config`],",
                model.environment.prefix
            )
        },
        " then call one method per operation: each returns a request builder whose `send`".into(),
        " performs the call. Errors are [`Error`]s.".into(),
    ];
    let license = api.license.as_ref().map(|license| {
        format!(
            "The spec this crate is generated from is published under {}.",
            license.name
        )
    });
    let license_docs = license.map(|text| {
        let docs = inner_doc_attrs(&text);
        quote!(#![doc = ""] #docs)
    });
    let inner_docs = quote!(#( #![doc = #intro] )* #license_docs);
    let (runtime_module, runtime_crate) = runtime_items(config);
    let auth_module = (!model.key_schemes.is_empty()).then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod auth;
        }
    });
    let multipart = model
        .operations
        .iter()
        .flat_map(|o| &o.methods)
        .any(|m| matches!(m.form, Some(FormPlan::Multipart(_) | FormPlan::Raw { .. })));
    let file_part = multipart.then(|| {
        quote!(
            pub use runtime::FilePart;
        )
    });
    quote! {
        #inner_docs
        #![deny(missing_docs)]
        // Builders for versioned operations are named `...V2023_01_01` after the version, and
        // sunset operations are deprecated yet still called from their own builders. Types are
        // the spec's: a map of maps of maps is what it says, spelled out.
        #![allow(
            non_camel_case_types,
            deprecated,
            clippy::too_many_arguments,
            clippy::large_enum_variant,
            clippy::type_complexity
        )]

        #auth_module
        #[cfg(feature = "cli")]
        #[rustfmt::skip]
        pub mod cli;
        #[rustfmt::skip]
        mod client;
        #[rustfmt::skip]
        pub mod error;
        #[cfg(feature = "mock")]
        #[rustfmt::skip]
        pub mod mock;
        #[rustfmt::skip]
        pub mod operations;
        #[rustfmt::skip]
        pub mod params;
        #runtime_module
        #[rustfmt::skip]
        pub mod types;

        // In the order rustfmt sorts them, as lib.rs is not skipped by `cargo fmt`. The crates
        // re-exported first are those whose types appear in the client's API, so callers need
        // not depend on them (and on the same versions) themselves.
        #runtime_crate
        pub use ::bytes::Bytes;
        pub use ::reqwest;
        pub use ::reqwest::header::{HeaderMap, HeaderName, HeaderValue};
        pub use ::reqwest::{Method, StatusCode};
        pub use client::Client;
        pub use error::Error;
        #file_part
        pub use runtime::{ApiFailure, CallInfo, DecodeError, ErrorBody, ErrorResponse, HttpFailure, MissingEnv};
        pub use runtime::{ApiResponse, ClientConfig, Credentials};
        pub use runtime::{ByteStream, PollOptions, WaitError};
        pub use runtime::{RateLimit, RetryPolicy, Secret};
    }
}

/// How lib.rs brings in the runtime: a copied runtime is a module; a depended-on one is
/// re-exported under the same name, so generated code says `crate::runtime::...` either way.
/// (The `mod` item, the `pub use` item.)
fn runtime_items(config: &EmitConfig) -> (TokenStream, TokenStream) {
    match &config.runtime {
        RuntimeSource::Copied => (
            // Through `cfg_attr`: rustc treats a module under a tool attribute as macro-expanded,
            // and the runtime's `#[macro_export]` macro (`open_enum_impls`) could not then be
            // re-exported by path. Clippy prefers the tool attribute, which cannot be used here.
            quote! {
                #[allow(clippy::deprecated_cfg_attr)]
                #[cfg_attr(rustfmt, rustfmt::skip)]
                pub mod runtime;
            },
            quote!(),
        ),
        RuntimeSource::Path(_) => {
            let name = format_ident!("{}", RUNTIME_CRATE.replace('-', "_"));
            (quote!(), quote!(pub use ::#name as runtime;))
        }
    }
}

/// `src/client.rs`.
pub fn client(model: &Plan<'_>, config: &EmitConfig) -> TokenStream {
    let api = model.api;
    let base_url = &model.profile.base_url;
    let token_url = api
        .security_schemes
        .iter()
        .find_map(|scheme| match &scheme.kind {
            SecuritySchemeKind::OAuth2ClientCredentials { token_url, .. } => {
                Some(token_url.clone())
            }
            _ => None,
        });
    let (token_const, token_config) = match &token_url {
        Some(url) => (
            quote! {
                /// Where Service Account credentials are exchanged for access tokens, from the spec.
                pub const DEFAULT_OAUTH_TOKEN_URL: &'static str = #url;
            },
            quote!(.oauth_token_url(Self::DEFAULT_OAUTH_TOKEN_URL)),
        ),
        None => (quote!(), quote!()),
    };
    let env_names = environment::env_names(&model.environment);
    // `Credentials` is the runtime's: a crate can only add to it when the runtime is a module
    // of its own (always, except for the test fixtures that share one runtime crate).
    let copied = matches!(config.runtime, RuntimeSource::Copied);
    let credentials_impl = copied.then(|| environment::credentials_impl(&model.environment));
    let from_env_doc = match copied {
        true => quote! {
            /// A client with credentials from the environment ([`Credentials::from_env`]).
            /// The error names the variables that are missing.
        },
        false => quote! {
            /// A client with credentials from the environment ([`Client::ENVIRONMENT`]).
            /// The error names the variables that are missing.
        },
    };
    quote! {
        //! The client.

        use crate::runtime::{ClientConfig, Credentials, Transport};

        /// A client for the API. Cloning is cheap: clones share connections and access tokens.
        #[derive(Debug, Clone)]
        pub struct Client {
            transport: Transport,
        }

        impl Client {
            /// The server the spec names (empty when it names none and is not Atlas's: give one
            /// with [`ClientConfig::base_url`]).
            pub const DEFAULT_BASE_URL: &'static str = #base_url;

            #token_const

            /// The environment variables this crate reads: its credentials' and its command
            /// line's.
            pub const ENVIRONMENT: crate::runtime::EnvNames = #env_names;

            /// The `User-Agent` sent by default: this crate's name and version.
            pub const USER_AGENT: &'static str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

            /// The default configuration: the spec's server and token URL, this crate's user
            /// agent, the runtime's timeout and retry policy, and no credentials.
            pub fn default_config() -> ClientConfig {
                ClientConfig::new(Self::DEFAULT_BASE_URL)
                    .user_agent(Self::USER_AGENT)
                    #token_config
            }

            /// A client with the default configuration and these credentials.
            pub fn new(credentials: Credentials) -> ::std::result::Result<Self, crate::Error> {
                Self::with_config(Self::default_config().credentials(credentials))
            }

            #from_env_doc
            pub fn from_env() -> ::std::result::Result<Self, crate::Error> {
                Self::new(Credentials::from_env_with(Self::ENVIRONMENT.credentials)?)
            }

            /// A client with a configuration of your own; start from [`Client::default_config`].
            pub fn with_config(config: ClientConfig) -> ::std::result::Result<Self, crate::Error> {
                ::std::result::Result::Ok(Self {
                    transport: Transport::new(config)?,
                })
            }

            /// The transport, for sending requests the generated methods do not cover.
            pub fn transport(&self) -> &Transport {
                &self.transport
            }
        }

        #credentials_impl
    }
}
