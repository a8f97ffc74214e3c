//! Writing the plan into the file: absolute paths become short ones, in code, in derives, in
//! serde's path strings (`"Option::is_none"`), and in doc links a short name now makes redundant.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::visit_mut::{self, VisitMut};
use syn::{Attribute, Expr, Lit, LitStr, Meta, Path, PathArguments, PathSegment};

use super::attrs::{cfg_predicates, derived_paths, impl_item_attrs, item_attrs, set_derived_paths};
use super::doc_links::unlink_redundant;
use super::path_shape::{shape, Shape};
use super::plan::Plan;
use super::survey::Condition;
use crate::emit::layout::macro_input;

/// Rewrites `file` by `plan`.
pub fn rewrite(file: &mut syn::File, plan: &Plan) {
    Rewrite {
        plan,
        conditions: Vec::new(),
    }
    .visit_file_mut(file);
}

struct Rewrite<'p> {
    plan: &'p Plan,
    /// The `cfg` predicates in force, as in the survey.
    conditions: Condition,
}

impl Rewrite<'_> {
    /// Shortens one path in place; returns how many segments it lost.
    fn shorten(&self, path: &mut Path) -> usize {
        let (written, dropped) = match shape(path) {
            Some(Shape::Prelude { name, drop }) if self.plan.prelude_ok(&name) => (vec![], drop),
            Some(Shape::Importable { key, len }) => match self.plan.replacements.get(&key) {
                Some(written) => (written.clone(), len),
                None => return 0,
            },
            _ => return 0,
        };
        let old: Vec<PathSegment> = std::mem::take(&mut path.segments).into_iter().collect();
        let count = written.len();
        for (index, name) in written.iter().enumerate() {
            // The last written segment stands for the last dropped one, and keeps its arguments.
            let arguments = match index + 1 == count {
                true => old[dropped - 1].arguments.clone(),
                false => PathArguments::None,
            };
            path.segments.push(PathSegment {
                ident: syn::Ident::new(name, Span::call_site()),
                arguments,
            });
        }
        path.segments.extend(old.into_iter().skip(dropped));
        path.leading_colon = None;
        dropped - count
    }

    /// Shortens the prelude paths in serde's string arguments (`skip_serializing_if = "..."`);
    /// serde resolves them where the derive is, so the prelude is in scope the same way.
    fn shorten_strings(&self, tokens: TokenStream) -> TokenStream {
        tokens
            .into_iter()
            .map(|token| match token {
                TokenTree::Group(group) => {
                    let inner = self.shorten_strings(group.stream());
                    let mut new = proc_macro2::Group::new(group.delimiter(), inner);
                    new.set_span(group.span());
                    TokenTree::Group(new)
                }
                TokenTree::Literal(literal) => self
                    .shortened_string(&literal)
                    .unwrap_or(TokenTree::Literal(literal)),
                other => other,
            })
            .collect()
    }

    fn shortened_string(&self, literal: &proc_macro2::Literal) -> Option<TokenTree> {
        let text = syn::parse_str::<LitStr>(&literal.to_string()).ok()?.value();
        let mut path = syn::parse_str::<Path>(&text).ok()?;
        match shape(&path) {
            Some(Shape::Prelude { .. }) if self.shorten(&mut path) > 0 => {}
            _ => return None,
        }
        let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let literal = LitStr::new(&names.join("::"), literal.span());
        literal.into_token_stream().into_iter().next()
    }

    fn rewrite_doc(&self, attr: &mut Attribute) {
        let Meta::NameValue(pair) = &mut attr.meta else {
            return;
        };
        let Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) = &mut pair.value
        else {
            return;
        };
        let written = |key: &str| self.plan.written_in_docs(key, &self.conditions);
        if let Some(new) = unlink_redundant(&text.value(), written) {
            *text = LitStr::new(&new, text.span());
        }
    }
}

impl Rewrite<'_> {
    /// Visits a node under the `cfg` predicates among its attributes.
    fn under_cfg(&mut self, predicates: Vec<String>, visit: impl FnOnce(&mut Self)) {
        let depth = self.conditions.len();
        self.conditions.extend(predicates);
        visit(self);
        self.conditions.truncate(depth);
    }
}

impl VisitMut for Rewrite<'_> {
    fn visit_item_mut(&mut self, item: &mut syn::Item) {
        let predicates = cfg_predicates(item_attrs(item)).collect();
        self.under_cfg(predicates, |rewrite| {
            visit_mut::visit_item_mut(rewrite, item)
        });
    }

    fn visit_impl_item_mut(&mut self, item: &mut syn::ImplItem) {
        let predicates = cfg_predicates(impl_item_attrs(item)).collect();
        self.under_cfg(predicates, |rewrite| {
            visit_mut::visit_impl_item_mut(rewrite, item)
        });
    }

    fn visit_field_mut(&mut self, field: &mut syn::Field) {
        let predicates = cfg_predicates(&field.attrs).collect();
        self.under_cfg(predicates, |rewrite| {
            visit_mut::visit_field_mut(rewrite, field)
        });
    }

    fn visit_variant_mut(&mut self, variant: &mut syn::Variant) {
        let predicates = cfg_predicates(&variant.attrs).collect();
        self.under_cfg(predicates, |rewrite| {
            visit_mut::visit_variant_mut(rewrite, variant)
        });
    }

    fn visit_path_mut(&mut self, path: &mut Path) {
        self.shorten(path);
        visit_mut::visit_path_mut(self, path);
    }

    fn visit_expr_path_mut(&mut self, node: &mut syn::ExprPath) {
        let before = node.path.segments.len();
        visit_mut::visit_expr_path_mut(self, node);
        adjust_qself(node.qself.as_mut(), before - node.path.segments.len());
    }

    fn visit_type_path_mut(&mut self, node: &mut syn::TypePath) {
        let before = node.path.segments.len();
        visit_mut::visit_type_path_mut(self, node);
        adjust_qself(node.qself.as_mut(), before - node.path.segments.len());
    }

    fn visit_attribute_mut(&mut self, attr: &mut Attribute) {
        if attr.path().is_ident("derive") {
            let mut paths = derived_paths(attr);
            paths.iter_mut().for_each(|path| {
                self.shorten(path);
            });
            set_derived_paths(attr, paths);
        } else if attr.path().is_ident("serde") {
            if let Meta::List(list) = &mut attr.meta {
                list.tokens = self.shorten_strings(std::mem::take(&mut list.tokens));
            }
        } else if attr.path().is_ident("doc") {
            self.rewrite_doc(attr);
        }
    }

    /// The runtime's item macros take items, rewritten as any other; other macros' tokens are
    /// left alone.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if let Some(mut input) = macro_input(mac) {
            self.visit_file_mut(&mut input);
            mac.tokens = input.into_token_stream();
        }
    }

    fn visit_visibility_mut(&mut self, _: &mut syn::Visibility) {}

    fn visit_item_use_mut(&mut self, _: &mut syn::ItemUse) {}
}

/// `<T as ::serde::Deserialize>::deserialize` counts the trait's segments in its `qself`.
fn adjust_qself(qself: Option<&mut syn::QSelf>, removed: usize) {
    if let Some(qself) = qself {
        if qself.position > 0 {
            qself.position -= removed;
        }
    }
}
