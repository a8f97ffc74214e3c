//! Structs of the models: their fields (docs with patterns and deprecation), `new` with the
//! required fields, `validate`, and their serde impls, which the runtime's `record_impls!`
//! writes from one line per field (a struct with `additionalProperties` derives them instead,
//! for `#[serde(flatten)]`).
//!
//! An answer's struct (the plan gives it an `unknown_member`) is what the server really sends,
//! not what the spec promises: every field is an `Option`, a field the spec calls nullable is
//! `Option<Option<_>>` (absent, `null`, a value), and the member keeps whatever it does not
//! type, so it encodes back to what came. A request shape is exactly the spec: required fields
//! are plain, optional ones `Option`, optional nullable ones `Option<Option<_>>`.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use super::rust_types::{ident, named, rust_type, unraw};
use super::types::Emitted;
use super::validation::validate_method;
use crate::ir::{Field, TypeDef, TypeKind, TypeRef};
use crate::plan::{Plan, Presence, View};

pub(super) fn field_type(
    model: &Plan<'_>,
    owner: &TypeDef,
    ty: &TypeRef,
    view: View,
) -> TokenStream {
    let rust = rust_type(model, ty, view);
    match ty {
        TypeRef::Named { name } if model.needs_box(&owner.rust_name, name) => {
            quote!(::std::boxed::Box<#rust>)
        }
        _ => rust,
    }
}

pub(super) fn struct_def(
    item: &Emitted<'_, '_>,
    fields: &[&Field],
    additional: Option<&TypeRef>,
) -> TokenStream {
    let &Emitted {
        model,
        def,
        name,
        view,
        ref docs,
        cfg,
    } = item;
    let type_ident = ident(name);
    // `#[serde(flatten)]` needs serde's derive; every other struct gets the runtime's impls.
    let derived = additional.is_some();
    let keep = unknown_member(item);
    let answer = keep.is_some_and(|(_, answer)| answer);
    let Members {
        members,
        required_args,
        initialisers,
    } = members(item, fields, additional, keep);
    let all_optional = required_args.is_empty();
    let default = all_optional.then(|| quote!(Default,));
    let validate = validate_method(model, &def.rust_name, fields, view, answer);
    let to_request = answer.then(|| to_request_method(item)).flatten();
    let constructor = (!all_optional).then(|| {
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
    let (serde_derives, serde_impls) = match derived {
        true => (quote!(::serde::Serialize, ::serde::Deserialize), None),
        false => (
            quote!(),
            Some(record_impls(&type_ident, item.def, fields, keep, cfg)),
        ),
    };
    quote! {
        #docs
        #cfg
        #[derive(Debug, Clone, PartialEq, #default #serde_derives)]
        #[non_exhaustive]
        pub struct #type_ident {
            #(#members)*
        }
        #serde_impls
        #methods
    }
}

/// A struct's members with, for `new`, its arguments and how it initialises each member.
struct Members {
    members: Vec<TokenStream>,
    required_args: Vec<TokenStream>,
    initialisers: Vec<TokenStream>,
}

/// The fields, then the member keeping what the fields do not type (`keep`), then the map of
/// `additionalProperties`.
fn members(
    item: &Emitted<'_, '_>,
    fields: &[&Field],
    additional: Option<&TypeRef>,
    keep: Option<(&str, bool)>,
) -> Members {
    let (model, def, view) = (item.model, item.def, item.view);
    let derived = additional.is_some();
    let answer = keep.is_some_and(|(_, answer)| answer);
    let takes_required = model
        .type_plan_named(&def.rust_name)
        .is_none_or(|planned| planned.new_takes_required(view));
    let mut out = Members {
        members: Vec::new(),
        required_args: Vec::new(),
        initialisers: Vec::new(),
    };
    for field in fields {
        let member = field_member(item, field, derived, answer, takes_required);
        out.members.push(member.definition);
        out.required_args.extend(member.argument);
        out.initialisers.push(member.initialiser);
    }
    if let Some((other, _)) = keep {
        let other = ident(other);
        out.members.push(quote! {
            /// What came that the fields above do not type, kept and sent back as it came.
            pub #other: crate::runtime::Unknown,
        });
        out.initialisers
            .push(quote!(#other: crate::runtime::Unknown::new()));
    }
    if let Some(values) = additional {
        let values = field_type(model, def, values, view);
        out.members.push(quote! {
            /// Properties beyond the ones listed above.
            #[serde(flatten)]
            pub additional_properties: ::indexmap::IndexMap<::std::string::String, #values>,
        });
        out.initialisers
            .push(quote!(additional_properties: ::indexmap::IndexMap::new()));
    }
    out
}

/// `record_impls!(Type { field: "wireName" kind, ... })`: the runtime's `Serialize` and
/// `Deserialize` for a struct (runtime/src/record.rs says why they are not derived).
fn record_impls(
    type_ident: &proc_macro2::Ident,
    def: &TypeDef,
    fields: &[&Field],
    keep: Option<(&str, bool)>,
    cfg: Option<&TokenStream>,
) -> TokenStream {
    let answer = keep.is_some_and(|(_, answer)| answer);
    let entries = fields.iter().map(|field| {
        let member = ident(&field.rust_name);
        let wire = &field.name;
        let kind = match Presence::of(field, answer) {
            Presence::Required => quote!(required),
            Presence::Nullable => quote!(nullable),
            Presence::Optional => quote!(optional),
            Presence::Tristate => quote!(tristate),
        };
        quote!(#member: #wire #kind)
    });
    let keep = keep.map(|(member, answer)| {
        let member = ident(member);
        if answer {
            return quote!(keep #member);
        }
        // A request shape carries kept properties, but never what the server sets.
        let read_only = declared_fields(def)
            .iter()
            .filter(|f| f.read_only)
            .map(|f| f.name.as_str());
        quote!(carry #member skip [#(#read_only),*])
    });
    quote! {
        #cfg
        crate::runtime::record_impls!(#type_ident { #(#entries),* } #keep);
    }
}

/// The member that keeps what the struct does not type, when it has one, and whether this
/// definition is an answer's (every field optional) rather than a request shape that carries
/// kept properties back.
fn unknown_member<'a>(item: &Emitted<'a, '_>) -> Option<(&'a str, bool)> {
    let planned = item.model.type_plan_named(&item.def.rust_name)?;
    let member = planned.unknown_member.as_deref()?;
    Some((member, planned.is_answer(item.view)))
}

/// Every field the spec gives a struct, whatever the view.
fn declared_fields(def: &TypeDef) -> &[Field] {
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields,
        _ => &[],
    }
}

/// `to_request`, on an answer's struct that has a separate request shape: what to send back.
fn to_request_method(item: &Emitted<'_, '_>) -> Option<TokenStream> {
    let planned = item.model.type_plan_named(&item.def.rust_name)?;
    planned.request_view.as_ref()?;
    let request = named(item.model, &item.def.rust_name, View::Request);
    Some(quote! {
        /// This value in its request shape, to send it back (a GET, then a PUT or PATCH of the
        /// same object): every field and kept property comes as it is, the fields the server
        /// sets (`readOnly`) are left out.
        ///
        /// # Errors
        ///
        /// When the answer lacks a field the request shape requires, or holds a value of
        /// another type than the request shape's.
        pub fn to_request(&self) -> ::std::result::Result<#request, ::serde_json::Error> {
            crate::runtime::record::to_request(self)
        }
    })
}

/// One field of a struct: its definition, its argument of `new` (required fields), and how
/// `new` initialises it.
struct Member {
    definition: TokenStream,
    argument: Option<TokenStream>,
    initialiser: TokenStream,
}

/// `derived`: the struct derives serde's traits, so the field carries their attributes.
/// `answer`: the struct is an answer's (see the module docs).
/// `takes_required`: `new` takes the fields the spec requires (`TypePlan::new_takes_required`).
fn field_member(
    item: &Emitted<'_, '_>,
    field: &Field,
    derived: bool,
    answer: bool,
    takes_required: bool,
) -> Member {
    let field_ident = ident(&field.rust_name);
    let inner = field_type(item.model, item.def, &field.ty, item.view);
    let presence = Presence::of(field, answer);
    let ty = match presence {
        Presence::Required => inner.clone(),
        Presence::Nullable | Presence::Optional => quote!(::std::option::Option<#inner>),
        Presence::Tristate => quote!(::std::option::Option<::std::option::Option<#inner>>),
    };
    let mut serde_args = Vec::new();
    if derived && unraw(&field.rust_name) != field.name {
        let json = &field.name;
        serde_args.push(quote!(rename = #json));
    }
    if derived && matches!(presence, Presence::Optional | Presence::Tristate) {
        serde_args.push(quote!(
            default,
            skip_serializing_if = "::std::option::Option::is_none"
        ));
    }
    if derived && matches!(presence, Presence::Tristate) {
        // serde reads `null` into an `Option<Option<_>>` as `None`: absent and `null` would merge.
        serde_args.push(quote!(
            deserialize_with = "crate::runtime::record::tristate::deserialize"
        ));
    }
    let serde_attr = (!serde_args.is_empty()).then(|| quote!(#[serde(#(#serde_args),*)]));
    let field_docs = field_docs(field);
    let definition = quote! {
        #field_docs
        #serde_attr
        pub #field_ident: #ty,
    };
    // `new` takes what the spec requires, as the spec types it, whatever the field's shape.
    let (argument, initialiser) = match (presence, field.required && takes_required) {
        (Presence::Required | Presence::Nullable, _) => {
            (Some(quote!(#field_ident: #ty)), quote!(#field_ident))
        }
        (Presence::Optional, true) => (
            Some(quote!(#field_ident: #inner)),
            quote!(#field_ident: ::std::option::Option::Some(#field_ident)),
        ),
        (Presence::Tristate, true) => (
            Some(quote!(#field_ident: ::std::option::Option<#inner>)),
            quote!(#field_ident: ::std::option::Option::Some(#field_ident)),
        ),
        (Presence::Optional | Presence::Tristate, false) => {
            (None, quote!(#field_ident: ::std::option::Option::None))
        }
    };
    Member {
        definition,
        argument,
        initialiser,
    }
}

/// A field's docs: its description, its pattern, whether it is deprecated.
fn field_docs(field: &Field) -> TokenStream {
    let pattern_note = field
        .constraints
        .pattern
        .as_ref()
        .map(|p| match p.checkable {
            true => format!("Must match `{}`.", p.regex),
            // Lowering warned about it; the reader of the docs should know too.
            false => format!("Must match `{}` (not checked by this client).", p.regex),
        });
    let deprecated_note = field.deprecated.then_some("Deprecated in the spec.");
    let fallback = format!("`{}`.", field.name);
    doc_paragraphs([
        field.description.as_deref().or(Some(fallback.as_str())),
        pattern_note.as_deref(),
        deprecated_note,
    ])
}
