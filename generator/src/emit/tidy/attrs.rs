//! Reading attributes for the printing pass: the `cfg`s that gate an item (an import must be
//! gated like the code that uses it, or it is unused, or missing, under some features), and the
//! paths inside `#[derive(...)]`, which syn keeps as tokens.

use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{Attribute, Item, Meta, Path, Token};

/// The predicates of the `#[cfg(...)]` attributes among `attrs`, as text.
pub fn cfg_predicates(attrs: &[Attribute]) -> impl Iterator<Item = String> + '_ {
    attrs.iter().filter_map(|attr| match &attr.meta {
        Meta::List(list) if list.path.is_ident("cfg") => Some(list.tokens.to_string()),
        _ => None,
    })
}

/// The paths a `#[derive(...)]` names; nothing for any other attribute.
pub fn derived_paths(attr: &Attribute) -> Vec<Path> {
    match &attr.meta {
        Meta::List(list) if list.path.is_ident("derive") => list
            .parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
            .map(|paths| paths.into_iter().collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Replaces the paths of a `#[derive(...)]`.
pub fn set_derived_paths(attr: &mut Attribute, paths: Vec<Path>) {
    if let Meta::List(list) = &mut attr.meta {
        let paths: Punctuated<Path, Token![,]> = paths.into_iter().collect();
        list.tokens = paths.into_token_stream();
    }
}

/// An item's outer attributes.
pub fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Const(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::ExternCrate(i) => &i.attrs,
        Item::Fn(i) => &i.attrs,
        Item::ForeignMod(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Macro(i) => &i.attrs,
        Item::Mod(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::TraitAlias(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// An associated item's outer attributes.
pub fn impl_item_attrs(item: &syn::ImplItem) -> &[Attribute] {
    match item {
        syn::ImplItem::Const(i) => &i.attrs,
        syn::ImplItem::Fn(i) => &i.attrs,
        syn::ImplItem::Type(i) => &i.attrs,
        syn::ImplItem::Macro(i) => &i.attrs,
        _ => &[],
    }
}
