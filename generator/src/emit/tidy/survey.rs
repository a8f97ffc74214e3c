//! The survey of one file before anything is rewritten: the names it defines or uses (anything
//! that could clash with a short name), and where each absolute path is used, under which `cfg`.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::visit::{self, Visit};
use syn::{Attribute, Item, Path, UseTree};

use super::attrs::{cfg_predicates, derived_paths, impl_item_attrs, item_attrs};
use super::path_shape::{shape, Shape};
use crate::emit::layout::macro_input;

/// The `cfg` predicates in force where a path is used, all of which hold (empty: always).
pub type Condition = Vec<String>;

/// What one file defines and uses.
#[derive(Default)]
pub struct Survey {
    /// Names the file's own items, imports and generic parameters bind.
    pub defined: BTreeSet<String>,
    /// Every other name that appears on its own: single-segment paths, bindings, and any
    /// identifier inside a macro call (whose tokens are not parsed).
    pub used: BTreeSet<String>,
    /// Each importable prefix (`::serde::Serialize`) and the conditions it is used under.
    pub importable: BTreeMap<String, BTreeSet<Condition>>,
    /// Whether the file has a glob import, which may bring any name into scope.
    pub has_glob: bool,
    conditions: Vec<String>,
}

impl Survey {
    /// Surveys a parsed file.
    pub fn of(file: &syn::File) -> Self {
        let mut survey = Survey::default();
        survey.visit_file(file);
        survey
    }

    /// Whether `name` appears in the file in any role.
    pub fn mentions(&self, name: &str) -> bool {
        self.defined.contains(name) || self.used.contains(name)
    }

    fn note_path(&mut self, path: &Path) {
        if path.leading_colon.is_none() && path.segments.len() == 1 {
            self.used.insert(path.segments[0].ident.to_string());
        } else if let Some(Shape::Importable { key, .. }) = shape(path) {
            let condition = self.conditions.clone();
            self.importable.entry(key).or_default().insert(condition);
        }
    }

    fn note_tokens(&mut self, tokens: TokenStream) {
        for token in tokens {
            match token {
                TokenTree::Ident(ident) => {
                    self.used
                        .insert(ident.to_string().trim_start_matches("r#").to_owned());
                }
                TokenTree::Group(group) => self.note_tokens(group.stream()),
                _ => {}
            }
        }
    }

    fn note_use(&mut self, tree: &UseTree) {
        match tree {
            UseTree::Path(path) => self.note_use(&path.tree),
            UseTree::Name(name) => {
                self.defined.insert(name.ident.to_string());
            }
            UseTree::Rename(rename) => {
                self.defined.insert(rename.rename.to_string());
            }
            UseTree::Glob(_) => self.has_glob = true,
            UseTree::Group(group) => group.items.iter().for_each(|t| self.note_use(t)),
        }
    }

    /// Visits a node under the `cfg`s among its attributes.
    fn under_cfg(&mut self, attrs: &[Attribute], visit: impl FnOnce(&mut Self)) {
        let depth = self.conditions.len();
        self.conditions.extend(cfg_predicates(attrs));
        visit(self);
        self.conditions.truncate(depth);
    }
}

impl<'ast> Visit<'ast> for Survey {
    fn visit_item(&mut self, item: &'ast Item) {
        if let Some(name) = defined_name(item) {
            self.defined
                .insert(name.trim_start_matches("r#").to_owned());
        }
        if let Item::Use(item) = item {
            self.note_use(&item.tree);
            return;
        }
        self.under_cfg(item_attrs(item), |survey| visit::visit_item(survey, item));
    }

    fn visit_impl_item(&mut self, item: &'ast syn::ImplItem) {
        self.under_cfg(impl_item_attrs(item), |survey| {
            visit::visit_impl_item(survey, item)
        });
    }

    fn visit_field(&mut self, field: &'ast syn::Field) {
        self.under_cfg(&field.attrs, |survey| visit::visit_field(survey, field));
    }

    fn visit_variant(&mut self, variant: &'ast syn::Variant) {
        self.under_cfg(&variant.attrs, |survey| {
            visit::visit_variant(survey, variant)
        });
    }

    fn visit_attribute(&mut self, attr: &'ast Attribute) {
        for path in derived_paths(attr) {
            self.note_path(&path);
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // The runtime's item macros (`open_enum! { pub enum Role { ... } }`) take items: what
        // they define and the paths in them count as in any item.
        match macro_input(mac) {
            Some(input) => self.visit_file(&input),
            None => self.note_tokens(mac.tokens.clone()),
        }
    }

    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_path(&mut self, path: &'ast Path) {
        self.note_path(path);
        visit::visit_path(self, path);
    }

    fn visit_type_param(&mut self, param: &'ast syn::TypeParam) {
        self.defined.insert(param.ident.to_string());
        visit::visit_type_param(self, param);
    }

    fn visit_const_param(&mut self, param: &'ast syn::ConstParam) {
        self.defined.insert(param.ident.to_string());
        visit::visit_const_param(self, param);
    }

    fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
        self.used.insert(pat.ident.to_string());
        visit::visit_pat_ident(self, pat);
    }
}

/// The name an item binds in its module, if any.
fn defined_name(item: &Item) -> Option<String> {
    let ident = match item {
        Item::Const(i) => &i.ident,
        Item::Enum(i) => &i.ident,
        Item::ExternCrate(i) => i.rename.as_ref().map_or(&i.ident, |(_, r)| r),
        Item::Fn(i) => &i.sig.ident,
        Item::Macro(i) => i.ident.as_ref()?,
        Item::Mod(i) => &i.ident,
        Item::Static(i) => &i.ident,
        Item::Struct(i) => &i.ident,
        Item::Trait(i) => &i.ident,
        Item::TraitAlias(i) => &i.ident,
        Item::Type(i) => &i.ident,
        Item::Union(i) => &i.ident,
        _ => return None,
    };
    Some(ident.to_token_stream().to_string())
}
