//! Structs of the models: their fields (docs with patterns and deprecation), `new` with the
//! required fields, `validate`, and their serde impls. The runtime's `record!` declares the
//! struct, its serde impls and `to_request` from one line per field (a struct with
//! `additionalProperties` derives serde's traits instead, for `#[serde(flatten)]`).
//!
//! An answer's struct (the plan gives it an `unknown_member`) is what the server really sends,
//! not what the spec promises: every field is an `Option`, a field the spec calls nullable is
//! `Option<Option<_>>` (absent, `null`, a value), and the member keeps whatever it does not
//! type, so it encodes back to what came. A request shape is exactly the spec: required fields
//! are plain, optional ones `Option`, optional nullable ones `Option<Option<_>>`.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use super::rust_types::{ident, tokens, unraw};
use super::scope::Scope;
use super::types::{Emitted, Printed};
use super::validation::validate_method;
use crate::plan::{FieldShape, KeepMember, Presence, RustType, StructShape};

/// A struct: the model `models!` declares and its `impl` (`new`, `validate`), or, for a struct
/// deriving serde's traits, all of it as items.
pub(super) fn struct_def(item: &Emitted<'_>, shape: &StructShape) -> Printed {
    let &Emitted {
        name,
        ref docs,
        cfg,
        scope,
    } = item;
    let type_ident = ident(name);
    let derived = shape.additional.is_some();
    let Members {
        members,
        required_args,
        initialisers,
    } = members(scope, shape);
    let all_optional = required_args.is_empty();
    let validate = (shape.validate.as_deref()).map(|checks| validate_method(scope, checks));
    // `record!` writes `to_request`; a struct deriving serde's traits gets it printed here.
    let to_request = (shape.to_request.as_ref())
        .filter(|_| derived)
        .map(|request| to_request_method(scope, request));
    let constructor = (!all_optional).then(|| {
        let mut initialisers = initialisers;
        initialisers.extend(extra_initialisers(scope, shape));
        quote! {
            /// A value with the required fields set and every optional field empty.
            pub fn new(#(#required_args),*) -> Self {
                Self { #(#initialisers),* }
            }
        }
    });
    let methods =
        (constructor.is_some() || validate.is_some() || to_request.is_some()).then(|| {
            quote! {
                #cfg
                impl #type_ident {
                    #constructor
                    #validate
                    #to_request
                }
            }
        });
    if !derived {
        let record = record_attr(scope, shape, all_optional);
        return Printed {
            model: Some(quote! {
                #docs
                #record
                pub struct #type_ident {
                    #(#members)*
                }
            }),
            items: quote!(#methods),
        };
    }
    // `#[serde(flatten)]` needs serde's derive; every other struct goes through `record!`.
    let default = all_optional.then(|| quote!(Default,));
    let (serialize, deserialize) = (
        scope.path("::serde::Serialize"),
        scope.path("::serde::Deserialize"),
    );
    Printed::items(quote! {
        #docs
        #cfg
        #[derive(Debug, Clone, PartialEq, #default #serialize, #deserialize)]
        #[non_exhaustive]
        pub struct #type_ident {
            #(#members)*
        }
        #methods
    })
}

/// A struct's members with, for `new`, its arguments and how it initialises each member.
struct Members {
    members: Vec<TokenStream>,
    required_args: Vec<TokenStream>,
    initialisers: Vec<TokenStream>,
}

/// The fields, then the member keeping what the fields do not type, then the map of
/// `additionalProperties`.
fn members(scope: &Scope<'_>, shape: &StructShape) -> Members {
    let derived = shape.additional.is_some();
    let mut out = Members {
        members: Vec::new(),
        required_args: Vec::new(),
        initialisers: Vec::new(),
    };
    for field in &shape.fields {
        let member = field_member(scope, field, derived);
        out.members.push(member.definition);
        out.required_args.extend(member.argument);
        out.initialisers.push(member.initialiser);
    }
    if let Some(keep) = &shape.keep {
        // `record!` declares the member itself, from what follows its fields.
        if derived {
            let other = ident(&keep.member);
            let unknown = scope.path("crate::runtime::Unknown");
            out.members.push(quote! {
            /// What came that the fields above do not type, kept and sent back as it came.
            pub #other: #unknown,
            });
        }
    }
    if let Some(values) = &shape.additional {
        let map = tokens(scope, &RustType::Map(values.clone().into()));
        out.members.push(quote! {
            /// Properties beyond the ones listed above.
            #[serde(flatten)]
            pub additional_properties: #map,
        });
    }
    out
}

/// How `new` initialises the kept member and the map of `additionalProperties`: empty. Written
/// only for a struct that has `new`, so that no file imports what it does not print.
fn extra_initialisers(scope: &Scope<'_>, shape: &StructShape) -> Vec<TokenStream> {
    let mut initialisers = Vec::new();
    if let Some(keep) = &shape.keep {
        let (other, unknown) = (ident(&keep.member), scope.path("crate::runtime::Unknown"));
        initialisers.push(quote!(#other: #unknown::new()));
    }
    if shape.additional.is_some() {
        let index_map = scope.path("::indexmap::IndexMap");
        initialisers.push(quote!(additional_properties: #index_map::new()));
    }
    initialisers
}

/// What `models!` takes after a struct's fields (runtime/src/record_struct.rs), as the
/// `#[record(...)]` attribute of the struct the emitted text holds: `Default` when every field
/// is optional, the member keeping what the fields do not type, and `to_request`. The printer
/// (`layout`) writes it in parentheses after the fields, and each field's
/// `#[record("wireName" kind)]` after its type: the emitted text stays a struct, which prints
/// like one.
fn record_attr(scope: &Scope<'_>, shape: &StructShape, all_optional: bool) -> TokenStream {
    let default = all_optional.then(|| quote!(Default));
    let keep = shape.keep.as_ref().map(
        |KeepMember {
             member,
             answer,
             read_only,
         }| {
            let member = ident(member);
            if *answer {
                return quote!(keep #member);
            }
            // A request shape carries kept properties, but never what the server sets.
            quote!(carry #member skip [#(#read_only),*])
        },
    );
    let to_request = shape.to_request.as_ref().map(|request| {
        let request = tokens(scope, request);
        quote!(to_request #request)
    });
    quote!(#[record(#default #keep #to_request)])
}

/// `to_request`, on an answer's struct that has a separate request shape: what to send back.
fn to_request_method(scope: &Scope<'_>, request: &RustType) -> TokenStream {
    let request = tokens(scope, request);
    let (result, error) = (
        scope.path("::std::result::Result"),
        scope.path("::serde_json::Error"),
    );
    let to_request = scope.path("crate::runtime::record::to_request");
    quote! {
        /// This value in its request shape, to send it back (a GET, then a PUT or PATCH of the
        /// same object): every field and kept property comes as it is, the fields the server
        /// sets (`readOnly`) are left out.
        ///
        /// # Errors
        ///
        /// When the answer lacks a field the request shape requires, or holds a value of
        /// another type than the request shape's.
        pub fn to_request(&self) -> #result<#request, #error> {
            #to_request(self)
        }
    }
}

/// One field of a struct: its definition, its argument of `new` (required fields), and how
/// `new` initialises it.
struct Member {
    definition: TokenStream,
    argument: Option<TokenStream>,
    initialiser: TokenStream,
}

/// `derived`: the struct derives serde's traits, so the field carries their attributes.
fn field_member(scope: &Scope<'_>, field: &FieldShape, derived: bool) -> Member {
    let field_ident = ident(&field.rust_name);
    let inner = tokens(scope, &field.ty);
    let presence = field.presence;
    let ty = tokens(scope, &field.ty.clone().present(presence));
    let mut serde_args = Vec::new();
    if derived && unraw(&field.rust_name) != field.wire_name {
        let json = &field.wire_name;
        serde_args.push(quote!(rename = #json));
    }
    if derived && matches!(presence, Presence::Optional | Presence::Tristate) {
        let is_none = scope.text("::std::option::Option::is_none");
        serde_args.push(quote!(default, skip_serializing_if = #is_none));
    }
    if derived && matches!(presence, Presence::Tristate) {
        // serde reads `null` into an `Option<Option<_>>` as `None`: absent and `null` would merge.
        serde_args.push(quote!(
            deserialize_with = "crate::runtime::record::tristate::deserialize"
        ));
    }
    let serde_attr = match derived {
        true => (!serde_args.is_empty()).then(|| quote!(#[serde(#(#serde_args),*)])),
        false => {
            let wire = &field.wire_name;
            let kind = match presence {
                Presence::Required => quote!(required),
                Presence::Nullable => quote!(nullable),
                Presence::Optional => quote!(optional),
                Presence::Tristate => quote!(tristate),
            };
            Some(quote!(#[record(#wire #kind)]))
        }
    };
    let field_docs = field_docs(field);
    let definition = quote! {
        #field_docs
        #serde_attr
        pub #field_ident: #ty,
    };
    // `new` takes what the spec requires, as the spec types it, whatever the field's shape.
    let (argument, initialiser) = match (presence, field.in_new) {
        (Presence::Required | Presence::Nullable, _) => {
            (Some(quote!(#field_ident: #ty)), quote!(#field_ident))
        }
        (Presence::Optional, true) => {
            let some = scope.path("::std::option::Option::Some");
            (
                Some(quote!(#field_ident: #inner)),
                quote!(#field_ident: #some(#field_ident)),
            )
        }
        (Presence::Tristate, true) => {
            let (option, some) = (
                scope.path("::std::option::Option"),
                scope.path("::std::option::Option::Some"),
            );
            (
                Some(quote!(#field_ident: #option<#inner>)),
                quote!(#field_ident: #some(#field_ident)),
            )
        }
        (Presence::Optional | Presence::Tristate, false) => {
            let none = scope.path("::std::option::Option::None");
            (None, quote!(#field_ident: #none))
        }
    };
    Member {
        definition,
        argument,
        initialiser,
    }
}

/// A field's docs: its description, its pattern, whether it is deprecated.
fn field_docs(field: &FieldShape) -> TokenStream {
    let pattern_note = field
        .pattern
        .as_ref()
        .map(|(regex, checked)| match checked {
            true => format!("Must match `{regex}`."),
            // Lowering warned about it; the reader of the docs should know too.
            false => format!("Must match `{regex}` (not checked by this client)."),
        });
    let deprecated_note = field.deprecated.then_some("Deprecated in the spec.");
    doc_paragraphs([
        Some(field.description.as_str()),
        pattern_note.as_deref(),
        deprecated_note,
    ])
}
