//! What `src/client.rs` says about the environment: the crate's `EnvNames` (the variables its
//! client and command line read, from the plan's `environment`) and `Credentials::from_env`.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust_types::ident;
use super::scope::Scope;
use crate::plan::{EnvCredentials, Environment};
use crate::wire::ParameterLocation;

/// `Client::ENVIRONMENT`'s value: a `crate::runtime::EnvNames`.
pub fn env_names(scope: &Scope<'_>, environment: &Environment) -> TokenStream {
    let prefix = &environment.prefix;
    let credentials: Vec<TokenStream> = (environment.credentials.iter())
        .map(|credentials| kind(scope, credentials))
        .collect();
    let env_names = scope.path("crate::runtime::EnvNames");
    let access_token = match &environment.access_token {
        Some(token) => quote!(Some(#token)),
        None => quote!(None),
    };
    let profiles = environment.atlas_cli_profiles;
    quote! {
        #env_names {
            prefix: #prefix,
            credentials: &[#(#credentials),*],
            access_token: #access_token,
            atlas_cli_profiles: #profiles,
        }
    }
}

fn kind(scope: &Scope<'_>, credentials: &EnvCredentials) -> TokenStream {
    let env_credentials = scope.path("crate::runtime::EnvCredentials");
    match credentials {
        EnvCredentials::ServiceAccount {
            client_id,
            client_secret,
        } => quote!(#env_credentials::ServiceAccount {
            client_id: #client_id,
            client_secret: #client_secret,
        }),
        EnvCredentials::ApiKey {
            public_key,
            private_key,
        } => quote!(#env_credentials::ApiKey {
            public_key: #public_key,
            private_key: #private_key,
        }),
        EnvCredentials::Basic { username, password } => {
            quote!(#env_credentials::Basic { username: #username, password: #password })
        }
        EnvCredentials::Bearer { token } => {
            quote!(#env_credentials::Bearer { token: #token })
        }
        EnvCredentials::KeyIn {
            location,
            name,
            key,
        } => {
            let key_location = scope.path("crate::runtime::KeyLocation");
            let location = match location {
                ParameterLocation::Query => quote!(Query),
                ParameterLocation::Cookie => quote!(Cookie),
                ParameterLocation::Header | ParameterLocation::Path => quote!(Header),
            };
            quote!(#env_credentials::KeyIn {
                location: #key_location::#location,
                name: #name,
                key: #key,
            })
        }
    }
}

/// `impl Credentials`: `from_env`, and the functions reading one kind alone.
pub fn credentials_impl(scope: &Scope<'_>, environment: &Environment) -> TokenStream {
    let missing_env = scope.path("crate::MissingEnv");
    let missing_link = scope.link("MissingEnv", "crate::MissingEnv");
    let kinds = environment
        .credentials
        .iter()
        .map(|kind| format!(" - {} ({})", in_code(&kind.variables()), kind.what()));
    let from_env_doc: Vec<String> = match environment.credentials.is_empty() {
        true => vec![" No credentials: the spec declares no scheme this client performs.".into()],
        false => [" Credentials from the environment, the first kind whose variables are set:"]
            .into_iter()
            .map(str::to_owned)
            .chain(kinds)
            .chain([String::new(), " An empty value counts as unset.".to_owned()])
            .collect(),
    };
    let missing_doc = format!(" {missing_link} naming each variable that is unset or empty.");
    let missing_what = format!(" {missing_link} naming what is missing: the missing part of");
    let kind_functions = environment.kind_functions.iter().map(|(name, index)| {
        let function = ident(name);
        let kind = &environment.credentials[*index];
        let doc = format!(
            " {} from {}.",
            capitalised(&kind.what()),
            in_code(&kind.variables())
        );
        let index = proc_macro2::Literal::usize_unsuffixed(*index);
        quote! {
            #[doc = #doc]
            ///
            /// # Errors
            ///
            #[doc = #missing_doc]
            pub fn #function() -> Result<Self, #missing_env> {
                Self::from_env_with(&Client::ENVIRONMENT.credentials[#index..=#index])
            }
        }
    });
    quote! {
        impl Credentials {
            #(#[doc = #from_env_doc])*
            ///
            /// # Errors
            ///
            #[doc = #missing_what]
            /// the kinds that were started, or every variable when none was.
            pub fn from_env() -> Result<Self, #missing_env> {
                Self::from_env_with(Client::ENVIRONMENT.credentials)
            }

            #(#kind_functions)*
        }
    }
}

/// `` `A` and `B` ``.
fn in_code(variables: &[&str]) -> String {
    let names: Vec<String> = variables.iter().map(|v| format!("`{v}`")).collect();
    names.join(" and ")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
