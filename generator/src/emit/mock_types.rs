//! The types a mock file names inside its `operation!` calls, written short. The `tidy` pass
//! shortens paths in parsed code only, never in a macro call's tokens, so the mock emitter
//! decides these names itself, for the one file it prints: a type path is written by its last
//! segment (imported unless it is a prelude name) when no other path of the file ends alike and
//! the file defines no item of that name; otherwise it stays whole. Types are collected for the
//! whole file first, so a name's form does not depend on the order of the calls.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, Punct, Spacing, TokenStream, TokenTree};
use quote::quote;

/// The standard library's types the prelude names, which need no import.
const PRELUDE: &[&str] = &[
    "std::vec::Vec",
    "std::string::String",
    "std::option::Option",
    "std::boxed::Box",
    "std::convert::Into",
];

/// The type paths of one file and how each is written.
#[derive(Default)]
pub(super) struct TypeNames {
    /// Each path noted (segments joined by `::`, without a leading `::`), by its last segment.
    by_name: BTreeMap<String, BTreeSet<String>>,
    /// Names the file defines (its marker types): a path ending alike stays whole.
    defined: BTreeSet<String>,
    /// The segments of each path noted, to print its import.
    segments: BTreeMap<String, Vec<Ident>>,
}

impl TypeNames {
    /// No path noted yet, in a file defining `defined`.
    pub(super) fn new(defined: impl IntoIterator<Item = String>) -> Self {
        Self {
            defined: defined.into_iter().collect(),
            ..Self::default()
        }
    }

    /// Notes the paths of a type the file will name.
    pub(super) fn note(&mut self, ty: &TokenStream) {
        for tree in split_paths(ty) {
            match tree {
                Piece::Path(segments) => {
                    let full = joined(&segments);
                    let last = segments[segments.len() - 1].to_string();
                    self.by_name.entry(last).or_default().insert(full.clone());
                    self.segments.insert(full, segments);
                }
                Piece::Group(group) => self.note(&group.stream()),
                Piece::Other(_) => {}
            }
        }
    }

    /// `ty` as the file writes it (every path in it noted before).
    pub(super) fn write(&self, ty: &TokenStream) -> TokenStream {
        let mut out = TokenStream::new();
        for piece in split_paths(ty) {
            match piece {
                Piece::Path(segments) => match self.short(&joined(&segments)) {
                    true => out.extend([TokenTree::Ident(segments[segments.len() - 1].clone())]),
                    false => out.extend(whole(&segments)),
                },
                Piece::Group(group) => {
                    let mut new =
                        proc_macro2::Group::new(group.delimiter(), self.write(&group.stream()));
                    new.set_span(group.span());
                    out.extend([TokenTree::Group(new)]);
                }
                Piece::Other(tree) => out.extend([tree]),
            }
        }
        out
    }

    /// The `use` items the short names need, in path order.
    pub(super) fn imports(&self) -> Vec<TokenStream> {
        self.segments
            .iter()
            .filter(|(full, _)| self.short(full) && !PRELUDE.contains(&full.as_str()))
            .map(|(_, segments)| quote!(use #(#segments)::*;))
            .collect()
    }

    /// Whether the path `full` is written by its last segment.
    fn short(&self, full: &str) -> bool {
        let last = full.rsplit("::").next().unwrap_or(full);
        !self.defined.contains(last) && self.by_name.get(last).is_some_and(|paths| paths.len() == 1)
    }
}

/// Keywords a type can hold that do not start a path.
const KEYWORDS: &[&str] = &["impl", "dyn", "mut", "as", "for", "fn"];

/// A piece of a type's tokens: a path of two segments or more, a group, or another token.
enum Piece {
    Path(Vec<Ident>),
    Group(proc_macro2::Group),
    Other(TokenTree),
}

/// The pieces of `tokens`, paths (`::std::vec::Vec`, `crate::types::Link`) gathered whole.
fn split_paths(tokens: &TokenStream) -> Vec<Piece> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut pieces = Vec::new();
    let mut index = 0;
    while index < trees.len() {
        let (segments, next) = path_at(&trees, index);
        if segments.len() > 1 {
            pieces.push(Piece::Path(segments));
            index = next;
            continue;
        }
        pieces.push(match &trees[index] {
            TokenTree::Group(group) => Piece::Group(group.clone()),
            tree => Piece::Other(tree.clone()),
        });
        index += 1;
    }
    pieces
}

/// The segments of the path starting at `index` (with or without a leading `::`) and the index
/// after it; no segment when none starts there.
fn path_at(trees: &[TokenTree], mut index: usize) -> (Vec<Ident>, usize) {
    let mut segments = Vec::new();
    if double_colon(trees, index) {
        index += 2;
    }
    while let Some(TokenTree::Ident(ident)) = trees.get(index) {
        // `impl ::std::convert::Into<...>`: a keyword before a path is not part of it.
        if KEYWORDS.iter().any(|keyword| ident == keyword) {
            break;
        }
        segments.push(ident.clone());
        index += 1;
        if !double_colon(trees, index) {
            break;
        }
        index += 2;
    }
    (segments, index)
}

fn double_colon(trees: &[TokenTree], index: usize) -> bool {
    matches!(
        (trees.get(index), trees.get(index + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
    )
}

fn joined(segments: &[Ident]) -> String {
    let names: Vec<String> = segments.iter().map(Ident::to_string).collect();
    names.join("::")
}

/// A path written whole: from the root (`::std::...`) unless it starts at `crate`.
fn whole(segments: &[Ident]) -> TokenStream {
    let rooted = segments[0] != "crate";
    let mut out = TokenStream::new();
    for (index, segment) in segments.iter().enumerate() {
        if index > 0 || rooted {
            out.extend([
                TokenTree::Punct(Punct::new(':', Spacing::Joint)),
                TokenTree::Punct(Punct::new(':', Spacing::Alone)),
            ]);
        }
        out.extend([TokenTree::Ident(segment.clone())]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(defined: &[&str], types: &[TokenStream]) -> (Vec<String>, Vec<String>) {
        let mut names = TypeNames::new(defined.iter().map(|d| (*d).to_owned()));
        types.iter().for_each(|ty| names.note(ty));
        let texts = types.iter().map(|ty| names.write(ty).to_string()).collect();
        let imports = names.imports().iter().map(ToString::to_string).collect();
        (texts, imports)
    }

    #[test]
    fn a_path_is_written_by_its_last_segment_and_imported_unless_the_prelude_has_it() {
        let (texts, imports) = written(
            &[],
            &[
                quote!(::std::vec::Vec<crate::types::Link>),
                quote!(impl ::std::convert::Into<::std::string::String>),
                quote!(::chrono::DateTime<::chrono::Utc>),
            ],
        );
        assert_eq!(
            texts,
            ["Vec < Link >", "impl Into < String >", "DateTime < Utc >"]
        );
        assert_eq!(
            imports,
            [
                "use chrono :: DateTime ;",
                "use chrono :: Utc ;",
                "use crate :: types :: Link ;"
            ]
        );
    }

    #[test]
    fn paths_ending_alike_or_named_like_an_item_of_the_file_stay_whole() {
        let (texts, imports) = written(
            &["Widget"],
            &[
                quote!(crate::types::Thing),
                quote!(crate::types::request::Thing),
                quote!(crate::types::Widget),
                quote!(::std::vec::Vec<crate::types::String>),
                quote!(::std::string::String),
            ],
        );
        assert_eq!(
            texts,
            [
                "crate :: types :: Thing",
                "crate :: types :: request :: Thing",
                "crate :: types :: Widget",
                "Vec < crate :: types :: String >",
                ":: std :: string :: String",
            ]
        );
        assert!(imports.is_empty(), "{imports:?}");
    }
}
