//! Structs of the models: their fields (`Option` unless required, docs with patterns and
//! deprecation), `new` with the required fields, `validate`, and their serde impls, which the
//! runtime's `record_impls!` writes from one line per field (a struct with
//! `additionalProperties` derives them instead, for `#[serde(flatten)]`).

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc_paragraphs;
use super::rust_types::{ident, rust_type, unraw};
use super::types::Emitted;
use super::validation::validate_method;
use crate::ir::{Field, TypeDef, TypeRef};
use crate::plan::{Plan, View};

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
    let mut members = Vec::new();
    let mut required_args = Vec::new();
    let mut initialisers = Vec::new();
    // `#[serde(flatten)]` needs serde's derive; every other struct gets the runtime's impls.
    let derived = additional.is_some();
    for field in fields {
        let member = field_member(item, field, derived);
        members.push(member.definition);
        required_args.extend(member.argument);
        initialisers.push(member.initialiser);
    }
    if let Some(values) = additional {
        let values = field_type(model, def, values, view);
        members.push(quote! {
            /// Properties beyond the ones listed above.
            #[serde(flatten)]
            pub additional_properties: ::std::collections::BTreeMap<::std::string::String, #values>,
        });
        initialisers.push(quote!(additional_properties: ::std::collections::BTreeMap::new()));
    }
    let all_optional = required_args.is_empty();
    let default = all_optional.then(|| quote!(Default,));
    let validate = validate_method(model, &def.rust_name, fields, view);
    let constructor = (!all_optional).then(|| {
        quote! {
            /// A value with the required fields set and every optional field empty.
            pub fn new(#(#required_args),*) -> Self {
                Self { #(#initialisers),* }
            }
        }
    });
    let methods = (constructor.is_some() || validate.is_some()).then(|| {
        quote! {
            #cfg
            impl #type_ident {
                #constructor
                #validate
            }
        }
    });
    let (serde_derives, serde_impls) = match derived {
        true => (quote!(::serde::Serialize, ::serde::Deserialize), None),
        false => (quote!(), Some(record_impls(&type_ident, fields, cfg))),
    };
    quote! {
        #docs
        #cfg
        #[derive(Debug, Clone, PartialEq, #default #serde_derives)]
        pub struct #type_ident {
            #(#members)*
        }
        #serde_impls
        #methods
    }
}

/// `record_impls!(Type { field: "wireName" kind, ... })`: the runtime's `Serialize` and
/// `Deserialize` for a struct (runtime/src/record.rs says why they are not derived).
fn record_impls(
    type_ident: &proc_macro2::Ident,
    fields: &[&Field],
    cfg: Option<&TokenStream>,
) -> TokenStream {
    let entries = fields.iter().map(|field| {
        let member = ident(&field.rust_name);
        let wire = &field.name;
        let kind = match Presence::of(field) {
            Presence::Required => quote!(required),
            Presence::Nullable => quote!(nullable),
            Presence::Optional => quote!(optional),
        };
        quote!(#member: #wire #kind)
    });
    quote! {
        #cfg
        crate::runtime::record_impls!(#type_ident { #(#entries),* });
    }
}

/// How a field is present in the JSON: the one reading of `required` and `nullable` that the
/// field's Rust type, its argument of `new` and its `record_impls!` kind all follow.
enum Presence {
    /// Always there, never `null`: the plain type.
    Required,
    /// Always there, maybe `null`: an `Option` that `new` takes.
    Nullable,
    /// Maybe absent: an `Option` that `new` leaves `None`.
    Optional,
}

impl Presence {
    fn of(field: &Field) -> Self {
        match (field.required, field.nullable) {
            (true, false) => Presence::Required,
            (true, true) => Presence::Nullable,
            (false, _) => Presence::Optional,
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
fn field_member(item: &Emitted<'_, '_>, field: &Field, derived: bool) -> Member {
    let field_ident = ident(&field.rust_name);
    let inner = field_type(item.model, item.def, &field.ty, item.view);
    let presence = Presence::of(field);
    let ty = match presence {
        Presence::Required => inner.clone(),
        Presence::Nullable | Presence::Optional => quote!(::std::option::Option<#inner>),
    };
    let mut serde_args = Vec::new();
    if derived && unraw(&field.rust_name) != field.name {
        let json = &field.name;
        serde_args.push(quote!(rename = #json));
    }
    if derived && matches!(presence, Presence::Optional) {
        serde_args.push(quote!(
            default,
            skip_serializing_if = "::std::option::Option::is_none"
        ));
    }
    let serde_attr = (!serde_args.is_empty()).then(|| quote!(#[serde(#(#serde_args),*)]));
    let field_docs = field_docs(field);
    let definition = quote! {
        #field_docs
        #serde_attr
        pub #field_ident: #ty,
    };
    let (argument, initialiser) = match presence {
        Presence::Required | Presence::Nullable => {
            (Some(quote!(#field_ident: #ty)), quote!(#field_ident))
        }
        Presence::Optional => (None, quote!(#field_ident: ::std::option::Option::None)),
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
