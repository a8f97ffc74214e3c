//! The docs and deprecation notes of operation methods and their setters: what a caller reads
//! in rustdoc about a call, its API version, its sunset and how its values are encoded.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{asks_to_encode, doc_paragraphs};
use super::operations::ParamSlot;
use crate::ir::{Operation, Parameter, ParameterLocation, TypeRef};
use crate::plan::{Method, Successor};

/// `#[deprecated]` for a deprecated operation or a sunset version, naming the sunset date and
/// the replacement from `externalDocs`.
pub(super) fn deprecation(
    operation: &Operation,
    exchange: &Method<'_>,
    successor: Option<&Successor>,
    authority: &str,
) -> Option<TokenStream> {
    let replacement = successor.map(|s| {
        let method = s.method.trim_start_matches("r#");
        format!("`Client::{method}` ({})", s.operation_id)
    });
    let note = deprecation_note(operation, exchange, replacement, authority)?;
    Some(quote!(#[deprecated(note = #note)]))
}

/// Why a method is deprecated and until when, with the replacement the spec names and the
/// successor the plan names (`replacement`, as the reader calls it): the `#[deprecated]` note,
/// and the command line's help.
/// `authority`: who deprecates and retires operations (`Profile::authority`).
pub(super) fn deprecation_note(
    operation: &Operation,
    exchange: &Method<'_>,
    replacement: Option<String>,
    authority: &str,
) -> Option<String> {
    if !operation.deprecated && exchange.sunset.is_none() && operation.sunset.is_none() {
        return None;
    }
    let mut note = match (operation.deprecated, exchange.withdrawn) {
        (_, Some(sunset)) => format!(
            "{authority} stopped serving this API version on {sunset} (its sunset): calls fail"
        ),
        (true, None) => format!("deprecated by {authority}"),
        (false, None) => format!("this API version is being retired by {authority}"),
    };
    match exchange.sunset.or(operation.sunset) {
        Some(sunset) if exchange.withdrawn.is_none() => {
            note.push_str(&format!("; sunset on {sunset}"))
        }
        _ => {}
    }
    match (replacement, &operation.external_docs) {
        (Some(replacement), Some(docs)) => {
            note.push_str(&format!("; use {replacement} instead: {}", docs.url));
        }
        (Some(replacement), None) => note.push_str(&format!("; use {replacement} instead")),
        (None, Some(docs)) => match &docs.description {
            Some(description) => {
                note.push_str(&format!("; use {description} instead: {}", docs.url))
            }
            None => note.push_str(&format!("; see {}", docs.url)),
        },
        (None, None) => {}
    }
    Some(note)
}

/// `#[doc(alias = ...)]` with the Atlas CLI's name of the operation, so that rustdoc search
/// finds the method by the name users know from `atlas api`.
pub(super) fn cli_alias(operation: &Operation) -> Option<TokenStream> {
    let name = operation.cli_name.as_ref()?;
    Some(quote!(#[doc(alias = #name)]))
}

/// For a query setter taking text: the client encodes it, so it is to be passed raw.
pub(super) fn query_encoding_note(plan: &ParamSlot<'_>) -> Option<&'static str> {
    let text = |ty: &TypeRef| matches!(ty, TypeRef::String { format: None });
    let is_text = plan.newtype
        || text(&plan.parameter.ty)
        || matches!(&plan.parameter.ty, TypeRef::Array { items } if text(items));
    if plan.parameter.location != ParameterLocation::Query || !is_text {
        return None;
    }
    Some(if asks_to_encode(plan.parameter.description.as_deref()) {
        "Pass the value as it is, whatever the text above says: the client percent-encodes it, \
         so a value encoded beforehand would be encoded twice."
    } else {
        "Pass the value as it is: the client percent-encodes it."
    })
}

/// For a method with path parameters (its arguments): they are passed raw, and the client
/// encodes them. Parameters whose spec text says otherwise are named.
fn path_encoding_note(operation: &Operation) -> Option<String> {
    let path: Vec<&Parameter> = operation
        .parameters
        .iter()
        .filter(|p| p.location == ParameterLocation::Path)
        .collect();
    if path.is_empty() {
        return None;
    }
    let told: Vec<String> = path
        .iter()
        .filter(|p| asks_to_encode(p.description.as_deref()))
        .map(|p| format!("`{}`", p.rust_name.trim_start_matches("r#")))
        .collect();
    Some(if told.is_empty() {
        "Path values are passed as they are: the client percent-encodes them.".to_owned()
    } else {
        format!(
            "Pass {} as it is (`a/b`, not `a%2Fb`), whatever Atlas's documentation says: the \
             client percent-encodes path values, so a value encoded beforehand would be encoded twice.",
            told.join(", ")
        )
    })
}

/// The docs of an operation's method for one API version: summary, description, the call,
/// the version and its `Accept`, how path values are encoded, the required Atlas roles, the
/// Atlas CLI command and the Atlas reference.
pub(super) fn method_docs(operation: &Operation, exchange: &Method<'_>) -> TokenStream {
    let version_line = match exchange.version {
        Some(version) => format!("API version `{version}` (`Accept: {}`).", exchange.accept),
        None => format!("Unversioned (`Accept: {}`).", exchange.accept),
    };
    let call_line = format!(
        "`{} {}`",
        operation.method.as_str(),
        operation.path.template
    );
    let path_note = path_encoding_note(operation);
    let cli = match (&operation.cli_command, &operation.cli_name) {
        (Some(command), _) => Some(format!("Atlas CLI: `{command}`")),
        (None, Some(name)) => Some(format!("Atlas CLI: `{name}`")),
        (None, None) => None,
    };
    let roles = match operation.roles.as_slice() {
        [] => None,
        [role] => Some(format!("Required Atlas role: {role}.")),
        roles => Some(format!("Required Atlas roles: {}.", roles.join("; "))),
    };
    let reference = operation
        .docs_url
        .as_ref()
        .map(|url| format!("Atlas reference: <{url}>"));
    doc_paragraphs([
        operation.summary.as_deref(),
        operation.description.as_deref(),
        Some(call_line.as_str()),
        Some(version_line.as_str()),
        path_note.as_deref(),
        roles.as_deref(),
        cli.as_deref(),
        reference.as_deref(),
    ])
}
