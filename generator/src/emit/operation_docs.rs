//! The docs and deprecation notes of operation methods and their setters: what a caller reads
//! in rustdoc about a call, its API version, its sunset and how its values are encoded.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use crate::plan::{Endpoint, Method, Successor};

/// `#[deprecated]` for a deprecated operation or a sunset version, naming the sunset date and
/// the replacement from `externalDocs`.
pub(super) fn deprecation(
    endpoint: &Endpoint,
    exchange: &Method<'_>,
    successor: Option<&Successor>,
    authority: &str,
) -> Option<TokenStream> {
    let note = deprecation_note(endpoint, exchange, successor, authority)?;
    Some(quote!(#[deprecated(note = #note)]))
}

/// Why a method is deprecated and until when ([`Endpoint::deprecation_note`]), the successor
/// named as a caller calls it: the `#[deprecated]` note, and the command line's help.
fn deprecation_note(
    endpoint: &Endpoint,
    exchange: &Method<'_>,
    successor: Option<&Successor>,
    authority: &str,
) -> Option<String> {
    let replacement = successor.map(|s| {
        let method = s.method.trim_start_matches("r#");
        format!("`Client::{method}` ({})", s.operation_id)
    });
    let dates = (exchange.sunset, exchange.withdrawn);
    endpoint.deprecation_note(dates, replacement, authority)
}

/// `#[doc(alias = ...)]` with the Atlas CLI's name of the operation, so that rustdoc search
/// finds the method by the name users know from `atlas api`.
pub(super) fn cli_alias(endpoint: &Endpoint) -> Option<TokenStream> {
    let name = endpoint.cli_name.as_ref()?;
    Some(quote!(#[doc(alias = #name)]))
}

/// The docs of an operation's method for one API version: summary, description, the call,
/// the version and its `Accept`, how path values are encoded, the required Atlas roles, the
/// Atlas CLI command and the Atlas reference.
pub(super) fn method_docs(endpoint: &Endpoint, exchange: &Method<'_>) -> TokenStream {
    let version_line = match exchange.version {
        Some(version) => format!("API version `{version}` (`Accept: {}`).", exchange.accept),
        None => format!("Unversioned (`Accept: {}`).", exchange.accept),
    };
    let call_line = format!("`{} {}`", endpoint.http_method.as_str(), endpoint.template);
    let path_note = endpoint.path_note.as_deref();
    let cli = match (&endpoint.cli_command, &endpoint.cli_name) {
        (Some(command), _) => Some(format!("Atlas CLI: `{command}`")),
        (None, Some(name)) => Some(format!("Atlas CLI: `{name}`")),
        (None, None) => None,
    };
    let roles = match endpoint.roles.as_slice() {
        [] => None,
        [role] => Some(format!("Required Atlas role: {role}.")),
        roles => Some(format!("Required Atlas roles: {}.", roles.join("; "))),
    };
    let reference = endpoint
        .docs_url
        .as_ref()
        .map(|url| format!("Atlas reference: <{url}>"));
    doc_paragraphs([
        endpoint.summary.as_deref(),
        endpoint.description.as_deref(),
        Some(call_line.as_str()),
        Some(version_line.as_str()),
        path_note,
        roles.as_deref(),
        cli.as_deref(),
        reference.as_deref(),
    ])
}
