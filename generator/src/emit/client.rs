//! The crate root and the `Client`: construction from credentials, the environment or a full
//! configuration, with the spec's server and token URL as defaults.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{inline, inner_doc_attrs};
use super::environment;
use super::runtime::{RuntimeSource, RUNTIME_CRATE};
use super::scope::Scope;
use super::EmitConfig;
use crate::plan::{FormPlan, Plan};

/// `src/lib.rs`: the crate docs and module declarations. Modules are `rustfmt::skip`ped so that
/// `cargo fmt` in a workspace that vendors the crate leaves generated code as generated.
pub fn lib_rs(model: &Plan<'_>, config: &EmitConfig) -> TokenStream {
    let inner_docs = crate_docs(model);
    let (runtime_module, runtime_crate) = runtime_items(config);
    let modules = module_declarations(model, runtime_module);
    let reexports = reexports(model, runtime_crate);
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

        #modules
        #reexports
    }
}

/// The crate's inner docs: the introduction, then the licence the spec is published under,
/// when it states one. The generator's own words link to items, so they are not escaped; the
/// spec's are.
fn crate_docs(model: &Plan<'_>) -> TokenStream {
    let intro = intro(model);
    let license_docs = model.info.license.as_ref().map(|name| {
        let text = format!("The spec this crate is generated from is published under {name}.");
        let docs = inner_doc_attrs(&text);
        quote!(#![doc = ""] #docs)
    });
    quote!(#( #![doc = #intro] )* #license_docs)
}

/// The introduction's lines: what the crate is and how to make a client, with the variables
/// `from_env` reads named as this crate's environment names them.
fn intro(model: &Plan<'_>) -> [String; 7] {
    let atlas_cli = model.environment.atlas_cli_profiles;
    [
        // Not the spec's file or version: those are in the manifest only (see `emit::header`).
        format!(
            " A typed async client for the {}, generated from its OpenAPI spec",
            inline(&model.info.title),
        ),
        " (named, with its version and hash, in the manifest's `[package.metadata.atlas-codegen]`)."
            .into(),
        String::new(),
        format!(
            " Create a [`Client`] with [`Client::new`] (credentials), [`Client::from_env`] ({}",
            if atlas_cli { "the" } else { "credentials" }
        ),
        if atlas_cli {
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
    ]
}

/// The `mod` items: `auth` only when the spec has API-key schemes, and the runtime's as
/// [`runtime_items`] says.
fn module_declarations(model: &Plan<'_>, runtime_module: TokenStream) -> TokenStream {
    let auth_module = (!model.key_schemes.is_empty()).then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod auth;
        }
    });
    let versions_module = (!model.version_markers.is_empty()).then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod versions;
        }
    });
    quote! {
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
        #versions_module
    }
}

/// The `pub use` items: the crates and runtime types callers meet in the client's API, with
/// `FilePart` only when some method sends files.
fn reexports(model: &Plan<'_>, runtime_crate: TokenStream) -> TokenStream {
    let file_part = sends_files(model).then(|| {
        quote!(
            pub use runtime::FilePart;
        )
    });
    quote! {
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

/// Whether some method sends a multipart or raw form, whose file parts are `FilePart`s.
fn sends_files(model: &Plan<'_>) -> bool {
    model
        .operations
        .iter()
        .flat_map(|o| &o.methods)
        .any(|m| matches!(m.form, Some(FormPlan::Multipart(_) | FormPlan::Raw { .. })))
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
pub fn client(model: &Plan<'_>, config: &EmitConfig) -> String {
    let scope = Scope::new("src/client.rs", &model.defined_names, ["Client"]);
    scope.import(&[
        "crate::runtime::ClientConfig",
        "crate::runtime::Credentials",
        "crate::runtime::Transport",
        "crate::Error",
    ]);
    let (token_const, token_config) = oauth_token_items(model);
    // `Credentials` is the runtime's: a crate can only add to it when the runtime is a module
    // of its own (always, except for the test fixtures that share one runtime crate).
    let copied = matches!(config.runtime, RuntimeSource::Copied);
    let credentials_impl =
        copied.then(|| environment::credentials_impl(&scope, &model.environment));
    let constants = client_constants(&scope, model, token_const);
    let constructors = constructors(token_config, from_env_doc(copied));
    let items = quote! {
        /// A client for the API. Cloning is cheap: clones share connections and access tokens.
        #[derive(Debug, Clone)]
        pub struct Client {
            transport: Transport,
        }

        impl Client {
            #constants
            #constructors
        }

        #credentials_impl
    };
    scope.file("//! The client.", &items.to_string())
}

/// The spec's OAuth token URL, when it has one, as a constant of `Client` and as the default
/// configuration's call setting it. (The constant, the call; both empty without one.)
fn oauth_token_items(model: &Plan<'_>) -> (TokenStream, TokenStream) {
    match &model.info.oauth_token_url {
        Some(url) => (
            quote! {
                /// Where Service Account credentials are exchanged for access tokens, from the spec.
                pub const DEFAULT_OAUTH_TOKEN_URL: &'static str = #url;
            },
            quote!(.oauth_token_url(Self::DEFAULT_OAUTH_TOKEN_URL)),
        ),
        None => (quote!(), quote!()),
    }
}

/// The docs of `from_env`: they link to `Credentials::from_env` only where this crate's runtime
/// defines it (a copied runtime), and to `Client::ENVIRONMENT` otherwise.
fn from_env_doc(copied: bool) -> TokenStream {
    match copied {
        true => quote! {
            /// A client with credentials from the environment ([`Credentials::from_env`]).
            /// The error names the variables that are missing.
        },
        false => quote! {
            /// A client with credentials from the environment ([`Client::ENVIRONMENT`]).
            /// The error names the variables that are missing.
        },
    }
}

/// `Client`'s constants: the defaults the spec gives (server, token URL), the environment
/// variables the crate reads, and its user agent.
fn client_constants(scope: &Scope<'_>, model: &Plan<'_>, token_const: TokenStream) -> TokenStream {
    let base_url = &model.profile.base_url;
    let env_names = environment::env_names(scope, &model.environment);
    let env_names_type = scope.path("crate::runtime::EnvNames");
    quote! {
        /// The server the spec names (empty when it names none and is not Atlas's: give one
        /// with [`ClientConfig::base_url`]).
        pub const DEFAULT_BASE_URL: &'static str = #base_url;

        #token_const

        /// The environment variables this crate reads: its credentials' and its command
        /// line's.
        pub const ENVIRONMENT: #env_names_type = #env_names;

        /// The `User-Agent` sent by default: this crate's name and version.
        pub const USER_AGENT: &'static str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));
    }
}

/// `Client`'s constructors and its transport accessor: the default configuration (with the
/// token URL call `token_config`, if any), then clients from credentials, the environment or a
/// configuration.
fn constructors(token_config: TokenStream, from_env_doc: TokenStream) -> TokenStream {
    quote! {
        /// The default configuration: the spec's server and token URL, this crate's user
        /// agent, the runtime's timeout and retry policy, and no credentials.
        pub fn default_config() -> ClientConfig {
            ClientConfig::new(Self::DEFAULT_BASE_URL)
                .user_agent(Self::USER_AGENT)
                #token_config
        }

        /// A client with the default configuration and these credentials.
        pub fn new(credentials: Credentials) -> Result<Self, Error> {
            Self::with_config(Self::default_config().credentials(credentials))
        }

        #from_env_doc
        pub fn from_env() -> Result<Self, Error> {
            Self::new(Credentials::from_env_with(Self::ENVIRONMENT.credentials)?)
        }

        /// A client with a configuration of your own; start from [`Client::default_config`].
        pub fn with_config(config: ClientConfig) -> Result<Self, Error> {
            Ok(Self {
                transport: Transport::new(config)?,
            })
        }

        /// The transport, for sending requests the generated methods do not cover.
        pub fn transport(&self) -> &Transport {
            &self.transport
        }
    }
}
