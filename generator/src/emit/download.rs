//! `download_to` on the request builder of an operation that ends in a file (a download the
//! plan resolved from `generator/downloads.yaml`): send the request, poll the job it starts until
//! it settles, then fetch the file at the job's link with the runtime's credential-free fetcher
//! (`runtime::download`).

use proc_macro2::TokenStream;
use quote::quote;

use super::gates::{cfg_attr, cfg_predicate};
use super::operations::Call;
use super::rust_types::ident;
use super::scope::{Prelude, Scope};
use crate::plan::{DownloadPlan, Gate, PollArgument, Presence};

/// The method, on the default method's builder only; nothing elsewhere.
pub(super) fn download_method(call: &Call<'_>) -> Option<TokenStream> {
    let download = call.plan.download.as_ref()?;
    let is_default = call
        .plan
        .methods
        .first()
        .is_some_and(|m| std::ptr::eq(m, call.method));
    if !is_default {
        return None;
    }
    let gate = (download.poll_feature).map(|feature| Gate::AnyOf(vec![feature]));
    let predicate = gate
        .as_ref()
        .and_then(|gate| cfg_predicate(call.model, gate));
    let cfg = gate.as_ref().and_then(|gate| cfg_attr(call.model, gate));
    call.scope.under(predicate.as_ref(), || {
        Some(download_to(call, download, cfg))
    })
}

/// `download_to`, under the `cfg` of the feature its job's GET belongs to.
fn download_to(call: &Call<'_>, download: &DownloadPlan, gate: Option<TokenStream>) -> TokenStream {
    let scope = call.scope;
    let poll_operation = &call.model.operations[download.watch.poll];
    let poll_method = ident(&download.poll_method);
    let kept = download
        .poll_arguments
        .iter()
        .filter_map(|argument| match argument {
            PollArgument::Builder { rust_name } => {
                let field = ident(rust_name);
                Some(quote!(let #field = self.#field.clone();))
            }
            PollArgument::Answer { .. } => None,
        });
    let arguments: Vec<TokenStream> = (download.poll_arguments.iter())
        .map(|poll_argument| argument(scope, poll_argument))
        .collect();
    let url = ident(&download.url_rust_name);
    let url_value = optional(scope, quote!(job.#url), download.url_presence);
    let url_field = &download.url_field;
    let Prelude { result, ok, .. } = scope.prelude();
    let (as_ref, path) = (
        scope.path("::std::convert::AsRef"),
        scope.path("::std::path::Path"),
    );
    let (options, downloaded, error) = (
        scope.path("crate::runtime::DownloadOptions"),
        scope.path("crate::runtime::Downloaded"),
        scope.path("crate::Error"),
    );
    let download_error = scope.path("crate::runtime::DownloadError");
    let doc = doc_lines(
        scope,
        download,
        &poll_operation.operation_id,
        &download.poll_method,
    );
    quote! {
        #(#[doc = #doc])*
        #gate
        pub async fn download_to(
            self,
            path: impl #as_ref<#path>,
            options: &#options,
        ) -> #result<#downloaded, #download_error<#error>> {
            use crate::runtime::download::{fetch_to_file, required, DownloadError};
            let client_ = self.client_;
            #(#kept)*
            let answer = self.send().await.map_err(DownloadError::Request)?.into_body();
            let job = client_
                .#poll_method(#(#arguments),*)
                .wait_until_terminal(&options.poll)
                .await
                .map_err(DownloadError::from_wait)?
                .into_body();
            let url = required(#url_value, #url_field)?;
            #ok(fetch_to_file(&url, path.as_ref(), options).await?)
        }
    }
}

/// One argument of the job's GET.
fn argument(scope: &Scope<'_>, argument: &PollArgument) -> TokenStream {
    match argument {
        PollArgument::Builder { rust_name } => {
            let field = ident(rust_name);
            quote!(#field)
        }
        PollArgument::Answer {
            api_name,
            rust_name,
            presence,
            parsed,
        } => {
            let field = ident(rust_name);
            let value = optional(scope, quote!(answer.#field), *presence);
            let present = quote!(required(#value, #api_name)?);
            if *parsed {
                quote!(#present.parse().map_err(|e| DownloadError::answer(#api_name, e))?)
            } else {
                present
            }
        }
    }
}

/// A field's value as an `Option`, whatever its presence.
fn optional(scope: &Scope<'_>, value: TokenStream, presence: Presence) -> TokenStream {
    match presence {
        Presence::Required => {
            let some = scope.path("::std::option::Option::Some");
            quote!(#some(#value))
        }
        Presence::Nullable | Presence::Optional => value,
        Presence::Tristate => quote!(#value.flatten()),
    }
}

fn doc_lines(
    scope: &Scope<'_>,
    download: &DownloadPlan,
    poll_id: &str,
    poll_method: &str,
) -> Vec<String> {
    let poll_method = poll_method.trim_start_matches("r#");
    let poll_link = scope.link(
        &format!("Client::{poll_method}"),
        &format!("crate::Client::{poll_method}"),
    );
    let error_link = scope.link("DownloadError", "crate::runtime::DownloadError");
    let expired_link = scope.link("FetchError::Expired", "crate::runtime::FetchError::Expired");
    let states = download
        .watch
        .success
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        " Sends this request, waits for the job it starts, and writes the file to `path`.".into(),
        String::new(),
        format!(
            " The job is polled with {poll_link} (`{poll_id}`) as `options.poll` says, until its `{}` is {states}; its `{}` is then \
             fetched with **no Atlas credentials** (it is a pre-signed link to another host), \
             into a temporary file beside `path` renamed at the end, resumed with `Range` after \
             a dropped connection, its length checked. See \
             [the download module](crate::runtime::download).",
            download.watch.field, download.url_field
        ),
        String::new(),
        " # Errors".into(),
        String::new(),
        format!(
            " {error_link}: the request or a poll failed, the job failed or was not done in \
             time, an answer lacked the job's id or the link, or the fetch failed (an expired \
             link is {expired_link}). No partial file is left at `path`."
        ),
    ]
}
