//! Waiting on a GET: `poll_until` on every GET builder, and `wait_until_terminal` where a
//! watcher (`generator/watchers.yaml`, resolved by the plan) names the field whose values end
//! the wait. The loop and its backoff are the runtime's (`runtime::poll`), shared with the
//! command line's `--watch`.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::Call;
use super::rust_types::ident;
use super::scope::Prelude;
use crate::plan::Answer;
use crate::wire::HttpMethod;

/// The polling methods of one GET method's builder; nothing for other methods.
pub(super) fn polling_methods(call: &Call<'_>, response_type: &TokenStream) -> TokenStream {
    if call.plan.endpoint.http_method != HttpMethod::Get || call.method.answer == Answer::Bytes {
        return quote!();
    }
    let terminal = wait_until_terminal(call, response_type);
    quote! {
        crate::runtime::poll_method! {
            type Answer = #response_type;
        }

        #terminal
    }
}

fn wait_until_terminal(call: &Call<'_>, response_type: &TokenStream) -> Option<TokenStream> {
    let terminal = call.plan.terminal.as_ref()?;
    let is_default = call
        .plan
        .methods
        .first()
        .is_some_and(|m| std::ptr::eq(m, call.method));
    if !is_default || !matches!(call.method.answer, Answer::Json(_) | Answer::Text) {
        return None;
    }
    let scope = call.scope;
    let Prelude { result, some, .. } = scope.prelude();
    let (api_response, wait_error, error) = (
        scope.path("crate::runtime::ApiResponse"),
        scope.path("crate::runtime::WaitError"),
        scope.path("crate::Error"),
    );
    let (poll_options, wait_for_state) = (
        scope.path("crate::runtime::PollOptions"),
        scope.path("crate::runtime::wait_for_state"),
    );
    let field = ident(&terminal.field);
    let state = if terminal.optional {
        quote!(body.#field.as_ref().map(|value| value.as_str()))
    } else {
        quote!(#some(body.#field.as_str()))
    };
    let failed = scope.link("WaitError::Failed", "crate::runtime::WaitError::Failed");
    let (success, failure) = (&terminal.success, &terminal.failure);
    let doc = format!(
        " Polls this request until `{}` is terminal: {} ends the wait with the answer, {} with \
         {failed}. Pauses as `options` says.",
        terminal.field.trim_start_matches("r#"),
        quoted_list(success),
        if failure.is_empty() {
            "no value".to_owned()
        } else {
            quoted_list(failure)
        },
    );
    Some(quote! {
        #[doc = #doc]
        pub async fn wait_until_terminal(
            self,
            options: &#poll_options,
        ) -> #result<#api_response<#response_type>, #wait_error<#response_type, #error>> {
            #wait_for_state(
                || self.clone().send(),
                |body: &#response_type| #state,
                &[#(#success),*],
                &[#(#failure),*],
                options,
            )
            .await
        }
    })
}

fn quoted_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
