//! The scope of one emitted file while it prints: the names the crate defines, the names the
//! file defines, and what the file has imported so far. Emitters ask it how to write a path
//! (`scope.path("crate::types::Link")`) and get the short form directly, with the import that
//! takes recorded; the file's `use` header is then printed from what it used. Nothing reads the
//! file back afterwards.
//!
//! The rules, which keep a short name certainly meaning the same item:
//! - a `::std` path with a prelude name (`Option`, `Some`, `String`, ...) is written by that name
//!   unless the crate or the file defines something by it;
//! - any other path is imported and written by its item's name (`Link`, `RequestSpec`), unless
//!   the file defines that name, an earlier path of this file claimed it, or it is a prelude or
//!   builtin name; then through its module (`fmt::Result`) where that is free, or whole;
//! - a crate's root needs no import (`serde_json::from_slice`);
//! - an import is gated like the code that used it (`Scope::under`), so that no feature set
//!   leaves it unused or pointing at an item compiled out.

mod imports;
mod prelude;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use proc_macro2::TokenStream;
use quote::quote;

use super::rust_types::ident;
use prelude::{is_reserved, prelude_names};

/// The `cfg` predicates in force where a path is used, all of which hold (empty: always).
pub type Condition = Vec<String>;

/// One file's scope; see the module docs.
pub struct Scope<'c> {
    crate_names: &'c BTreeSet<String>,
    /// The module paths that name the file's own items (`crate::types::backup`, and
    /// `crate::types`, which re-exports every models file whole).
    own_modules: Vec<String>,
    /// The names the file's own items bind.
    own: BTreeSet<String>,
    /// Whether paths may be written short at all: not in a `macro_rules!` body, which expands
    /// in other files' scopes.
    shortens: bool,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// Short names given out, each to the path it stands for (`Link`: `crate::types::Link`); a
    /// name a doc link had to spell out stands for nothing (`None`), so no later import makes
    /// that link redundant.
    claims: BTreeMap<String, Option<String>>,
    /// The `use` paths taken, and the conditions of the code that used each.
    imports: BTreeMap<String, BTreeSet<Condition>>,
    /// The `cfg` predicates of the code being printed.
    gates: Condition,
    /// How each path was written, and the import that took: a path's form never changes once
    /// given (claims are never taken back), and its import is recorded again under each gate.
    written: HashMap<String, (Written, Option<String>)>,
}

/// The prelude's items as a file writes them: short unless a spec name shadows them.
pub struct Prelude {
    pub some: TokenStream,
    pub none: TokenStream,
    pub result: TokenStream,
    pub ok: TokenStream,
    pub err: TokenStream,
    pub string: TokenStream,
    pub vec: TokenStream,
    pub into: TokenStream,
    pub default: TokenStream,
}

/// A path as written: its segments, and whether it starts with `::`.
#[derive(Clone)]
struct Written {
    external: bool,
    segments: Vec<String>,
}

impl<'c> Scope<'c> {
    /// The scope of the file at `path` (`src/types/backup.rs`) of a crate that defines
    /// `crate_names`, whose own items bind `own`.
    pub fn new<S: Into<String>>(
        path: &str,
        crate_names: &'c BTreeSet<String>,
        own: impl IntoIterator<Item = S>,
    ) -> Self {
        Scope {
            crate_names,
            own_modules: own_modules(path),
            own: own
                .into_iter()
                .map(|name| name.into().trim_start_matches("r#").to_owned())
                .collect(),
            shortens: true,
            state: RefCell::default(),
        }
    }

    /// A scope that writes every path whole: for `macro_rules!` bodies, which expand in the
    /// scopes of other files.
    pub fn whole(crate_names: &'c BTreeSet<String>) -> Self {
        Scope {
            shortens: false,
            ..Scope::new("src/lib.rs", crate_names, Vec::<String>::new())
        }
    }

    /// How this file writes the absolute path `key` (`::std::option::Option::Some`,
    /// `crate::runtime::RequestSpec::new`), importing what that takes.
    pub fn path(&self, key: &str) -> TokenStream {
        let written = self.write(key);
        let segments = written.segments.iter().map(|segment| ident(segment));
        match written.external {
            true => quote!(#(:: #segments)*),
            false => quote!(#(#segments)::*),
        }
    }

    /// Imports `paths` (`crate::runtime::Transport`) for code that writes their short names
    /// itself: the fixed code of a file whose items are the same for every spec. Their names are
    /// then taken for whatever the file prints later.
    pub fn import(&self, paths: &[&str]) {
        for path in paths {
            let written = self.write(path);
            debug_assert!(
                written.segments.len() == 1,
                "`{path}` could not be imported"
            );
        }
    }

    /// The prelude's items, as [`Scope::path`] writes them (which imports nothing for them).
    pub fn prelude(&self) -> Prelude {
        Prelude {
            some: self.path("::std::option::Option::Some"),
            none: self.path("::std::option::Option::None"),
            result: self.path("::std::result::Result"),
            ok: self.path("::std::result::Result::Ok"),
            err: self.path("::std::result::Result::Err"),
            string: self.path("::std::string::String"),
            vec: self.path("::std::vec::Vec"),
            into: self.path("::std::convert::Into"),
            default: self.path("::std::default::Default"),
        }
    }

    /// [`Scope::path`] as text, for the paths serde reads from strings (`"Option::is_none"`).
    pub fn text(&self, key: &str) -> String {
        let written = self.write(key);
        let joined = written.segments.join("::");
        match written.external {
            true => format!("::{joined}"),
            false => joined,
        }
    }

    /// Prints code under a `cfg` predicate (`feature = "x"`; none: ungated): what it imports is
    /// gated the same way.
    pub fn under<R>(&self, predicate: Option<&TokenStream>, print: impl FnOnce() -> R) -> R {
        let Some(predicate) = predicate else {
            return print();
        };
        self.state.borrow_mut().gates.push(predicate.to_string());
        let printed = print();
        self.state.borrow_mut().gates.pop();
        printed
    }

    /// A doc link to the item at `destination` shown as `label`: ``[`label`]`` where the label
    /// already names that item in this file, else the explicit ``[`label`](destination)``,
    /// after which the label's first name is kept from imports (rustdoc would find the explicit
    /// link redundant).
    pub fn link(&self, label: &str, destination: &str) -> String {
        if self.resolves_to(label, destination) {
            return format!("[`{label}`]");
        }
        let first = label.split("::").next().unwrap_or(label);
        self.state
            .borrow_mut()
            .claims
            .entry(first.to_owned())
            .or_insert(None);
        format!("[`{label}`]({destination})")
    }

    /// A file's text: its inner attributes (`#![doc = ...]`), its `use` header, its items.
    pub fn file(&self, inner: &str, items: &str) -> String {
        format!("{inner}\n{}\n{items}", self.header())
    }

    /// The file's `use` items, from what it used.
    pub fn header(&self) -> String {
        imports::use_items(&self.state.borrow().imports)
    }

    fn write(&self, key: &str) -> Written {
        let mut state = self.state.borrow_mut();
        let (written, import) = match state.written.get(key) {
            Some(known) => known.clone(),
            None => {
                drop(state);
                let resolved = self.resolve(key);
                state = self.state.borrow_mut();
                state.written.insert(key.to_owned(), resolved.clone());
                resolved
            }
        };
        if let Some(import) = import {
            let State { imports, gates, .. } = &mut *state;
            let sites = imports.entry(import).or_default();
            if !sites.contains(gates) {
                sites.insert(gates.clone());
            }
        }
        written
    }

    /// How `key` is written in this file, and the `use` path that takes, if any: see the
    /// module docs.
    fn resolve(&self, key: &str) -> (Written, Option<String>) {
        let external = key.starts_with("::");
        let segments: Vec<&str> = key.trim_start_matches("::").split("::").collect();
        if !self.shortens {
            return (whole(external, &segments), None);
        }
        // A prelude path is written by its prelude name or whole, never imported.
        if external && !prelude_names(&segments).is_empty() {
            let written = self.prelude_form(&segments);
            return (written.unwrap_or_else(|| whole(external, &segments)), None);
        }
        let Some(length) = item_length(&segments, external) else {
            return (whole(external, &segments), None);
        };
        let (item, tail) = segments.split_at(length);
        let (name, module) = item.split_last().unwrap_or((&"", &[]));
        let short = |first: &[&str]| Written {
            external: false,
            segments: first.iter().chain(tail).map(|s| (*s).to_owned()).collect(),
        };
        // A crate's root is in scope in every module: no `use` for it.
        let import = |path: &[&str]| (!(external && path.len() == 1)).then(|| path.join("::"));
        let own = !external && self.own_modules.contains(&module.join("::"));
        if own && self.own.contains(*name) {
            return (short(&[name]), None);
        }
        if self.claim(external, item) {
            return (short(&[name]), import(item));
        }
        let through_module = !module.is_empty() && module != ["crate"];
        if through_module && self.claim(external, module) {
            let parent = module.last().copied().unwrap_or_default();
            return (short(&[parent, name]), import(module));
        }
        (whole(external, &segments), None)
    }

    /// The prelude name `segments` (a `std` path) may be written with, if any is free.
    fn prelude_form(&self, segments: &[&str]) -> Option<Written> {
        let (name, dropped) = prelude_names(segments)
            .into_iter()
            .find(|(name, _)| !self.crate_names.contains(*name) && !self.own.contains(*name))?;
        Some(Written {
            external: false,
            segments: std::iter::once(name)
                .chain(segments[dropped + 1..].iter().copied())
                .map(str::to_owned)
                .collect(),
        })
    }

    /// Gives the item at `item` its last segment as its short name if that is free or already
    /// its own; `false` when the name is taken.
    fn claim(&self, external: bool, item: &[&str]) -> bool {
        let name = item.last().copied().unwrap_or_default();
        let key = key_of(external, item);
        let mut state = self.state.borrow_mut();
        match state.claims.get(name) {
            Some(Some(claimed)) => *claimed == key,
            Some(None) => false,
            None if self.own.contains(name) || is_reserved(name) => false,
            None => {
                state.claims.insert(name.to_owned(), Some(key));
                true
            }
        }
    }

    /// Whether `label` names the item at `destination` in this file, under the current gates.
    fn resolves_to(&self, label: &str, destination: &str) -> bool {
        let Some(rest) = destination
            .strip_suffix(label)
            .and_then(|rest| rest.strip_suffix("::"))
        else {
            return false;
        };
        let first = label.split("::").next().unwrap_or(label);
        let key = format!("{rest}::{first}");
        if self.own_modules.contains(&rest.to_owned()) && self.own.contains(first) {
            return true;
        }
        let state = self.state.borrow();
        let claimed = state.claims.get(first) == Some(&Some(key.clone()));
        let sites = state.imports.get(&key);
        claimed
            && sites
                .is_some_and(|sites| sites.contains(&Vec::new()) || sites.contains(&state.gates))
    }
}

fn whole(external: bool, segments: &[&str]) -> Written {
    Written {
        external,
        segments: segments.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn key_of(external: bool, item: &[&str]) -> String {
    let joined = item.join("::");
    match external {
        true => format!("::{joined}"),
        false => joined,
    }
}

/// How many segments name the item: up to the first type-like (capitalised) one; for a path
/// without one, the whole path in this crate (a function such as `crate::error::decode_json`)
/// and the module in another (`serde_json::from_value` reads better than `from_value`).
fn item_length(names: &[&str], external: bool) -> Option<usize> {
    if !external && names.first() != Some(&"crate") {
        return None;
    }
    let capitalised = names
        .iter()
        .skip(1)
        .position(|n| n.starts_with(|c: char| c.is_ascii_uppercase()));
    match capitalised {
        Some(index) => Some(index + 2),
        None if names.len() < 2 => None,
        None if external => Some(names.len() - 1),
        None => Some(names.len()),
    }
}

/// The module paths that name the items of the file at `path`: its own module and, for a models
/// file, its parent (`crate::types` or `crate::types::request`), which re-exports every models
/// file whole (`pub use backup::*`).
fn own_modules(path: &str) -> Vec<String> {
    let file = path.trim_start_matches("src/").trim_end_matches(".rs");
    let module = match file.trim_end_matches("/mod") {
        "lib" | "main" => String::new(),
        module => module.replace('/', "::"),
    };
    let mut modules = vec![format!("crate::{module}").trim_end_matches("::").to_owned()];
    if let Some((parent, _)) = module
        .rsplit_once("::")
        .filter(|_| module.starts_with("types::"))
    {
        modules.push(format!("crate::{parent}"));
    }
    modules
}

#[cfg(test)]
mod tests;
