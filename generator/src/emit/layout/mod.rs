//! Printing a parsed file with a blank line between items, as a person would write it: between
//! top-level items (imports and module declarations stay together, in their groups) and between
//! the items of an `impl` or `trait` block. prettyplease prints neither.

use proc_macro2::{Delimiter, Punct, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{Item, UseTree};

/// The file printed by prettyplease, with blank lines between items.
pub fn print(file: syn::File) -> String {
    let mut out = String::new();
    if !file.attrs.is_empty() {
        out.push_str(&unparse(syn::File {
            shebang: file.shebang,
            attrs: file.attrs,
            items: Vec::new(),
        }));
    }
    let mut previous: Option<Option<(u8, bool)>> = None;
    for item in file.items {
        let cluster = cluster(&item);
        // The first item follows the file's inner attributes after a blank line too.
        let together = previous.is_some_and(|p| p.is_some() && p == cluster);
        if !out.is_empty() && !together {
            out.push('\n');
        }
        previous = Some(cluster);
        let special = entries_per_line(&item)
            .or_else(|| models_inside(&item))
            .or_else(|| items_inside(&item))
            .or_else(|| rule_of_items(&item));
        if let Some(text) = special {
            out.push_str(&text);
            continue;
        }
        let bodied = matches!(item, Item::Impl(_) | Item::Trait(_));
        let text = unparse_item(item);
        match bodied {
            true => out.push_str(&space_body(&text)),
            false => out.push_str(&text),
        }
    }
    out
}

fn unparse(file: syn::File) -> String {
    prettyplease::unparse(&file)
}

/// One item, printed by prettyplease.
fn unparse_item(item: Item) -> String {
    unparse(syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    })
}

/// Items printed without blank lines between them: imports of one group (the standard library,
/// other crates, this crate; re-exports apart), and module declarations.
fn cluster(item: &Item) -> Option<(u8, bool)> {
    match item {
        Item::Use(item) => {
            let group = match first_segment(&item.tree).as_str() {
                "std" | "core" | "alloc" => 0,
                "crate" | "self" | "super" => 2,
                _ => 1,
            };
            let public = !matches!(item.vis, syn::Visibility::Inherited);
            Some((group, public))
        }
        Item::Mod(item) if item.content.is_none() => Some((3, false)),
        _ => None,
    }
}

fn first_segment(tree: &UseTree) -> String {
    match tree {
        UseTree::Path(path) => path.ident.to_string(),
        UseTree::Name(name) => name.ident.to_string(),
        UseTree::Rename(rename) => rename.ident.to_string(),
        _ => String::new(),
    }
}

/// The text of an `impl` or `trait` block with a blank line between its items. prettyplease
/// indents them by four spaces; an item ends on a line at that depth closing with `}` or `;`
/// (not a comment or an attribute), and the next line at that depth starts the next item.
fn space_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut ended = false;
    for line in text.lines() {
        let at_item_depth = line.starts_with("    ") && !line[4..].starts_with(' ');
        let content = line.trim_start();
        if ended && at_item_depth && content != "}" {
            out.push('\n');
        }
        ended = at_item_depth
            && !content.starts_with("//")
            && !content.starts_with('#')
            && (content.ends_with('}') || content.ends_with(';'));
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// `record_impls!(Type { field: "wire" kind, ... } keep other)` printed with one field a line,
/// so a field's wire name is found by reading down the list and a changed field is one line of a
/// diff; what follows the fields (`keep other`, `carry other skip [...]`) stays on the closing
/// line. prettyplease fills the lines of a macro's tokens instead, as it cannot know their
/// grammar. The mock's `mock::operation!(Marker { stub: ..., route: ..., setter: ..., ... })`
/// is printed the same way, one entry a line.
fn entries_per_line(item: &Item) -> Option<String> {
    // `operation` is the mock's `crate::runtime::mock::operation!`.
    let item = macro_call(item, &["record_impls", "operation"])?;
    let mut tokens = item.mac.tokens.clone().into_iter();
    let (Some(TokenTree::Ident(name)), Some(TokenTree::Group(fields))) =
        (tokens.next(), tokens.next())
    else {
        return None;
    };
    let trailer: TokenStream = tokens.collect();
    let mut body = format!("{name} {{\n");
    let mut entry = Vec::new();
    for token in fields
        .stream()
        .into_iter()
        .chain([Punct::new(',', Spacing::Alone).into()])
    {
        match &token {
            TokenTree::Punct(punct) if punct.as_char() == ',' => {
                if let [field, colon, rest @ ..] = entry.as_slice() {
                    let rest = tokens_text(rest.iter().cloned().collect());
                    body.push_str(&format!("    {field}{colon} {rest},\n"));
                }
                entry.clear();
            }
            _ => entry.push(token),
        }
    }
    body.push('}');
    if !trailer.is_empty() {
        body.push_str(&format!(" {}", trailer.to_string().replace(" ,", ",")));
    }
    Some(with_input(item, "!()", &format!("!({body})")))
}

/// `models! { ... }`: each struct in the words of `record!` (`struct_text`), each enum as
/// prettyplease prints it, a blank line between them. The emitted text is items so that it
/// prints as items do.
fn models_inside(item: &Item) -> Option<String> {
    let item = macro_call(item, &["models"])?;
    let mut body = String::new();
    for (index, model) in macro_input(&item.mac)?.items.into_iter().enumerate() {
        if index > 0 {
            body.push('\n');
        }
        let text = match model {
            Item::Struct(def) => struct_text(def)?,
            other => unparse_item(other),
        };
        for line in text.lines() {
            body.push_str(&format!("    {line}\n"));
        }
    }
    Some(with_input(item, "! {}", &format!("! {{\n{body}}}")))
}

/// A struct as `record!` takes it (`pub struct Name { /// docs field: Type = "wire" kind, ... }
/// (after)`), from the struct the emitter wrote (`emit::structs`), whose `#[record(...)]`
/// attributes hold what follows each field's type (`"wire" kind`) and the fields (`after`).
fn struct_text(mut def: syn::ItemStruct) -> Option<String> {
    let after = take_record_attr(&mut def.attrs);
    let syn::Fields::Named(fields) = std::mem::replace(&mut def.fields, syn::Fields::Unit) else {
        return None;
    };
    def.fields = syn::Fields::Named(syn::FieldsNamed {
        brace_token: fields.brace_token,
        named: syn::punctuated::Punctuated::new(),
    });
    let head = unparse_item(Item::Struct(def));
    let mut body = format!("{} {{", head.trim_end().strip_suffix("{}")?.trim_end());
    if !fields.named.is_empty() {
        body.push('\n');
    }
    for mut field in fields.named {
        let after_type = take_record_attr(&mut field.attrs);
        // The field's docs as prettyplease prints an item's, from a stand-in item that has them.
        let attrs = &field.attrs;
        let docs = unparse_item(syn::parse_quote!(#(#attrs)* struct __;));
        for line in docs.lines().filter(|line| *line != "struct __;") {
            body.push_str(&format!("    {line}\n"));
        }
        let name = field.ident?;
        let ty = tokens_text(field.ty.into_token_stream());
        body.push_str(&format!("    {name}: {ty} = {after_type},\n"));
    }
    body.push('}');
    if !after.is_empty() {
        // `tokens_text` writes a bracket after a word as an index (`skip[...]`); here it is a list.
        body.push_str(&format!(" ({})", after.replacen("skip[", "skip [", 1)));
    }
    body.push('\n');
    Some(body)
}

/// Takes the `#[record(...)]` attribute out of `attrs`; its tokens as text, empty without one.
fn take_record_attr(attrs: &mut Vec<syn::Attribute>) -> String {
    let mut tokens = TokenStream::new();
    attrs.retain(|attr| match &attr.meta {
        syn::Meta::List(list) if list.path.is_ident("record") => {
            tokens = list.tokens.clone();
            false
        }
        _ => true,
    });
    tokens_text(tokens)
}

/// The runtime's macros whose input is written as items: `open_enum! { /// docs pub enum ... }`,
/// `tagged_union! { /// docs pub enum ... const TAG: ...; }`, `untagged_union!`,
/// `pattern_string! { /// docs pub struct ...; const ...; }`.
const ITEM_MACROS: &[&str] = &[
    "body_method",
    "models",
    "open_enum",
    "pattern_string",
    "poll_method",
    "send_method",
    "tagged_union",
    "untagged_union",
];

/// A call of one of the `ITEM_MACROS` with its input printed as items are, indented inside the
/// braces: docs as `///` lines, an enum's variants one a line. prettyplease fills the lines of a
/// macro's tokens instead, as it cannot know their grammar.
fn items_inside(item: &Item) -> Option<String> {
    let (item, input) = item_macro_input(item)?;
    let mut body = String::new();
    for line in unparse(input).lines() {
        if !line.is_empty() {
            body.push_str("    ");
        }
        body.push_str(line);
        body.push('\n');
    }
    Some(with_input(item, "! {}", &format!("! {{\n{body}}}")))
}

/// A `macro_rules!` with one rule taking nothing, `() => { items };` (the shared setters of
/// `src/operations/mod.rs`), its items printed as items are: prettyplease fills the lines of a
/// rule's tokens instead.
fn rule_of_items(item: &Item) -> Option<String> {
    let item = macro_call(item, &["macro_rules"])?;
    let trees: Vec<TokenTree> = item.mac.tokens.clone().into_iter().collect();
    let [TokenTree::Group(pattern), TokenTree::Punct(eq), TokenTree::Punct(gt), TokenTree::Group(body), TokenTree::Punct(semi)] =
        trees.as_slice()
    else {
        return None;
    };
    let shape = (eq.as_char(), gt.as_char(), semi.as_char());
    if !pattern.stream().is_empty() || shape != ('=', '>', ';') {
        return None;
    }
    let items: syn::File = syn::parse2(body.stream()).ok()?;
    let mut rule = String::from("    () => {\n");
    for line in unparse(items).lines() {
        if !line.is_empty() {
            rule.push_str("        ");
        }
        rule.push_str(line);
        rule.push('\n');
    }
    rule.push_str("    };\n");
    Some(with_input(item, " {}", &format!(" {{\n{rule}}}")))
}

/// A call of one of the `ITEM_MACROS`, with its input parsed as the items it is written as.
fn item_macro_input(item: &Item) -> Option<(&syn::ItemMacro, syn::File)> {
    let item = macro_call(item, ITEM_MACROS)?;
    Some((item, macro_input(&item.mac)?))
}

/// The input of a call of one of the `ITEM_MACROS`, parsed as the items it is written as.
fn macro_input(mac: &syn::Macro) -> Option<syn::File> {
    let last = mac.path.segments.last()?;
    if !ITEM_MACROS.iter().any(|name| last.ident == name) {
        return None;
    }
    syn::parse2(mac.tokens.clone()).ok()
}

/// `item` if it calls a macro named (by the last segment of its path) one of `names`.
fn macro_call<'a>(item: &'a Item, names: &[&str]) -> Option<&'a syn::ItemMacro> {
    let Item::Macro(item) = item else { return None };
    let last = item.mac.path.segments.last()?;
    names.iter().any(|name| last.ident == name).then_some(item)
}

/// The call printed by prettyplease (its attributes, path and delimiters) with `input` in place
/// of its empty delimiters `empty`.
fn with_input(item: &syn::ItemMacro, empty: &str, input: &str) -> String {
    let mut bare = item.clone();
    bare.mac.tokens = TokenStream::new();
    let text = unparse_item(Item::Macro(bare));
    text.replacen(empty, input, 1)
}

/// Tokens written as a person writes them (`MockAtlas::list`, `Vec<String>`, `impl Into<String>`,
/// `200 ()`), where `TokenStream`'s own text spaces every token (`Vec < String >`).
fn tokens_text(tokens: TokenStream) -> String {
    let mut out = String::new();
    // Whether the next token follows the previous one without a space, and what that was.
    let (mut glued, mut after_ident, mut after_joint_colon) = (true, false, false);
    for tree in tokens {
        let (space, text, glue_next) = match &tree {
            TokenTree::Ident(ident) => (!glued, ident.to_string(), false),
            TokenTree::Literal(literal) => (!glued, literal.to_string(), false),
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::None => ("", ""),
                };
                let inner = tokens_text(group.stream());
                (
                    !glued && !after_ident,
                    format!("{open}{inner}{close}"),
                    false,
                )
            }
            TokenTree::Punct(punct) => {
                let ch = punct.as_char();
                let joint = punct.spacing() == Spacing::Joint;
                match ch {
                    ',' | '>' => (false, ch.to_string(), false),
                    ':' if after_joint_colon => (false, ch.to_string(), true),
                    ':' if !joint => (false, ch.to_string(), false),
                    '<' | ':' => (!glued && !after_ident, ch.to_string(), true),
                    _ => (!glued, ch.to_string(), joint || ch == '&'),
                }
            }
        };
        if space {
            out.push(' ');
        }
        out.push_str(&text);
        after_joint_colon = matches!(&tree, TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == Spacing::Joint);
        after_ident = matches!(tree, TokenTree::Ident(_));
        glued = glue_next;
    }
    out
}

#[cfg(test)]
mod tests;
