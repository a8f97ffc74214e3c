//! Models: one Rust type per named schema, in the view (request or response) it is used in.
//!
//! Structs keep JSON names exactly (declared through the runtime's `record!`, which writes their
//! serde impls; a struct with `additionalProperties` derives them, for `#[serde(flatten)]`), make
//! non-required fields `Option`s that are skipped when `None`, and ignore unknown fields. Enums
//! carry an `Unknown` variant so a value Atlas adds tomorrow still deserialises, and serialises
//! back unchanged. Unions with a discriminator dispatch on it and keep unknown tags as JSON.
//! Enums and unions are `#[non_exhaustive]`: a value or alternative a later spec adds is then
//! an addition, not a break, for code that matches them (it has a wildcard arm already).

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{doc_paragraphs, inline};
use super::gates::{cfg_attr, cfg_predicate, file_cfg_attr};
use super::rust_types::{ident, tokens};
use super::scope::Scope;
use super::structs::struct_def;
use crate::plan::{
    AlternativeLink, Body, Definition, DefinitionDocs, FileGate, OneOfDocs, Plan, ShimTarget,
    TypeFile, UnionTag, VariantShape, REQUEST_MODULE,
};

/// The `types` modules, as (path, tokens): `src/types/mod.rs`, one file per first word of the
/// types' names (`backup.rs` for `BackupTenantSnapshot`), each type gated by the features that
/// need it, and the same under `src/types/request/` for the request shapes.
pub fn types(model: &Plan<'_>) -> Vec<(String, String)> {
    // Items are kept as text: the token trees of a large spec's types do not all fit in memory
    // comfortably at once, their text does.
    let mut items_of: Vec<Vec<Piece>> = (0..model.type_files.len()).map(|_| Vec::new()).collect();
    let scopes = file_scopes(model);
    for type_plan in &model.types {
        let cfg = cfg_attr(model, &type_plan.gate);
        let predicate = cfg_predicate(model, &type_plan.gate);
        for (definition, file) in definition_files(type_plan) {
            let cfg = cfg.as_ref();
            let scope = &scopes[file];
            let printed = scope.under(predicate.as_ref(), || {
                print_definition(scope, model, &type_plan.rust_name, definition, cfg)
            });
            if let Some(declared) = printed.model {
                items_of[file].push(Piece::Model {
                    cfg: cfg.map(ToString::to_string),
                    text: declared.to_string(),
                });
            }
            if !printed.items.is_empty() {
                items_of[file].push(Piece::Item(printed.items.to_string()));
            }
        }
    }
    // In file name order, declarations and files alike.
    let headers = scopes.iter().map(Scope::header);
    let mut files: Vec<(&TypeFile, String, Vec<Piece>)> = (model.type_files.iter())
        .zip(headers)
        .zip(items_of)
        .map(|((file, header), items)| (file, header, items))
        .collect();
    files.sort_by(|a, b| a.0.module.cmp(&b.0.module));
    let (request_files, main_files): (Vec<_>, Vec<_>) =
        files.into_iter().partition(|(file, ..)| file.request);
    let mut outputs = Vec::new();
    let mut declarations = module_files(model, "src/types", main_files, &mut outputs);
    if !request_files.is_empty() {
        let gate = FileGate::any_of(request_files.iter().map(|(file, ..)| &file.gate));
        let cfg = file_cfg_attr(model, &gate);
        let request = ident(REQUEST_MODULE);
        declarations.push(quote!(#cfg pub mod #request;));
        let request_declarations =
            module_files(model, "src/types/request", request_files, &mut outputs);
        outputs.push((
            "src/types/request/mod.rs".to_owned(),
            quote! {
                //! The request shapes of types whose fields the server sets (`readOnly`): what is
                //! sent, named like the type it is the shape of. They live in a module of their
                //! own so that no schema a newer spec adds can take their names.
                #(#request_declarations)*
            }
            .to_string(),
        ));
    }
    outputs.insert(
        0,
        (
            "src/types/mod.rs".to_owned(),
            quote! {
                //! Request and response models, all re-exported here whatever file they live in.
                //! Request shapes of types with fields the server sets are in `types::request`.
                #(#declarations)*
            }
            .to_string(),
        ),
    );
    outputs
}

/// Each file's definitions of a type: the main one in the type's file, the request shape in its
/// own.
fn definition_files(
    type_plan: &crate::plan::TypePlan,
) -> impl Iterator<Item = (&Definition, usize)> {
    let files = [Some(type_plan.file), type_plan.request_file];
    (type_plan.definitions.iter().zip(files))
        .map(|(definition, file)| (definition, file.unwrap_or(type_plan.file).0))
}

/// The scope of each file of types: the types it defines, and their old names.
fn file_scopes<'p>(model: &'p Plan<'_>) -> Vec<Scope<'p>> {
    let mut own: Vec<Vec<&str>> = vec![Vec::new(); model.type_files.len()];
    for type_plan in &model.types {
        for (definition, file) in definition_files(type_plan) {
            own[file].push(&type_plan.rust_name);
            if definition.with_shims {
                own[file].extend(model.shims.iter().filter_map(|shim| match &shim.target {
                    ShimTarget::Type(new) if *new == type_plan.rust_name => Some(shim.old.as_str()),
                    _ => None,
                }));
            }
        }
    }
    (model.type_files.iter().zip(own))
        .map(|(file, own)| {
            let dir = if file.request {
                "src/types/request"
            } else {
                "src/types"
            };
            let path = format!("{dir}/{}.rs", file.module);
            Scope::new(&path, &model.defined_names, own)
        })
        .collect()
}

/// The files of one module of types, written to `outputs` under `dir`; returns their
/// declarations (`mod backup; pub use backup::*;`) for the module's `mod.rs`.
fn module_files(
    model: &Plan<'_>,
    dir: &str,
    files: Vec<(&TypeFile, String, Vec<Piece>)>,
    outputs: &mut Vec<(String, String)>,
) -> Vec<TokenStream> {
    let mut declarations = Vec::new();
    for (file, header, items) in files {
        let cfg = file_cfg_attr(model, &file.gate);
        let module_ident = ident(&file.module);
        declarations.push(quote! {
            #cfg mod #module_ident;
            #cfg pub use #module_ident::*;
        });
        let shapes = if file.request {
            "Request shapes of types"
        } else {
            "Types"
        };
        let doc = format!(" {shapes} whose names start with `{}`.", file.word);
        let head = quote!(#![doc = #doc]).to_string();
        outputs.push((
            format!("{dir}/{}.rs", file.module),
            format!("{head}\n{header}\n{}", joined(items)),
        ));
    }
    declarations
}

/// A part of a file of models, as text: a model `models!` declares, or items of their own.
enum Piece {
    Model { cfg: Option<String>, text: String },
    Item(String),
}

/// The text of a file's pieces: each run of models with the same `cfg` in one `models!` call
/// under that `cfg`, items as they are.
fn joined(pieces: Vec<Piece>) -> String {
    let mut out = Vec::new();
    let mut run: (Option<String>, Vec<String>) = (None, Vec::new());
    for piece in pieces {
        match piece {
            Piece::Model { cfg, text } => {
                if !run.1.is_empty() && run.0 != cfg {
                    out.push(models_call(std::mem::take(&mut run)));
                }
                run.0 = cfg;
                run.1.push(text);
            }
            Piece::Item(text) => {
                if !run.1.is_empty() {
                    out.push(models_call(std::mem::take(&mut run)));
                }
                out.push(text);
            }
        }
    }
    if !run.1.is_empty() {
        out.push(models_call(run));
    }
    out.join("\n")
}

/// `#[cfg(...)] crate::runtime::models! { ... }` for a run of models, from their text.
fn models_call((cfg, models): (Option<String>, Vec<String>)) -> String {
    // The text was printed from tokens here: it parses back.
    let tokens = |text: String| text.parse::<TokenStream>().expect("printed from tokens");
    let cfg = cfg.map(tokens);
    let models = models.into_iter().map(tokens);
    quote!(#cfg crate::runtime::models! { #(#models)* }).to_string()
}

/// A definition printed: the model `models!` declares, when it is one, and the items that
/// follow it (its `impl`, the old names of the type).
pub(super) struct Printed {
    pub(super) model: Option<TokenStream>,
    pub(super) items: TokenStream,
}

impl Printed {
    pub(super) fn items(items: TokenStream) -> Self {
        Printed { model: None, items }
    }
}

/// One type definition being emitted: the name and view it is emitted under, its docs, and the
/// `cfg` that gates each of its items.
pub(super) struct Emitted<'a> {
    pub(super) name: &'a str,
    pub(super) docs: TokenStream,
    pub(super) cfg: Option<&'a TokenStream>,
    pub(super) scope: &'a Scope<'a>,
}

fn print_definition(
    scope: &Scope<'_>,
    model: &Plan<'_>,
    name: &str,
    definition: &Definition,
    cfg: Option<&TokenStream>,
) -> Printed {
    let docs = definition_docs(scope, name, &definition.docs);
    let type_ident = ident(name);
    let item = Emitted {
        name,
        docs: docs.clone(),
        cfg,
        scope,
    };
    let shims = definition.with_shims.then(|| type_shims(model, name, cfg));
    let mut printed = match &definition.body {
        Body::Struct(shape) => struct_def(&item, shape),
        Body::Enum { fallback, values } => Printed {
            model: Some(enum_def(&item, fallback, values)),
            items: TokenStream::new(),
        },
        Body::Alias(target) | Body::Map(target) => {
            let target = tokens(scope, target);
            Printed::items(quote! { #docs #cfg pub type #type_ident = #target; })
        }
        Body::Union(union) => Printed::items(match &union.tag {
            Some(tag) => tagged_union(&item, &union.variants, tag),
            None => untagged_union(&item, &union.variants),
        }),
    };
    printed.items.extend(shims);
    printed
}

fn definition_docs(scope: &Scope<'_>, name: &str, docs: &DefinitionDocs) -> TokenStream {
    let deprecated = docs.deprecated.then_some("Deprecated in the spec.");
    let mut tokens = doc_paragraphs([Some(docs.summary.as_str()), deprecated]);
    if docs.request_shape {
        // Written as is: `doc_paragraphs` escapes spec prose, which would break the link.
        let link = scope.link(name, &format!("crate::types::{name}"));
        let note = format!(
            " The request shape of {link}: the fields the server sets (`readOnly`) are left out."
        );
        tokens.extend(quote!(#[doc = " "] #[doc = #note]));
    }
    if let Some(one_of) = &docs.one_of {
        tokens.extend(one_of_docs(scope, one_of));
    }
    tokens
}

/// The old names of a type a regeneration renamed, kept as deprecated aliases (`plan::Shim`).
pub(super) fn type_shims(model: &Plan<'_>, name: &str, cfg: Option<&TokenStream>) -> TokenStream {
    let target = ident(name);
    let aliases = model.shims.iter().filter_map(|shim| match &shim.target {
        ShimTarget::Type(new) if new == name => {
            let old = ident(&shim.old);
            let note = format!("renamed to `{name}`; the old name goes with the next regeneration");
            let doc = format!(" The old name of [`{name}`], kept one regeneration.");
            Some(quote! {
                #[doc = #doc]
                #[deprecated(note = #note)]
                #cfg
                pub type #old = #target;
            })
        }
        _ => None,
    });
    quote!(#(#aliases)*)
}

/// Docs for a struct that holds the fields of a `oneOf`'s alternatives: which alternatives (with
/// links), and what tells them apart when the spec fixes a property in each. Written line by line
/// rather than through `doc_paragraphs`, whose escaping is for spec prose and would break links.
fn one_of_docs(scope: &Scope<'_>, docs: &OneOfDocs) -> TokenStream {
    let mut lines = vec![
        " ".to_owned(),
        " One of several alternatives (an undiscriminated `oneOf` in the spec), as one struct with the".to_owned(),
        " fields of all of them: set those of the one you mean. Fields only some alternatives have are".to_owned(),
        " optional, and a value decodes and encodes back with every field it has. The alternatives:".to_owned(),
        " ".to_owned(),
    ];
    for alternative in &docs.alternatives {
        let link = match &alternative.link {
            AlternativeLink::Local(name) => format!("[`{name}`]"),
            AlternativeLink::Elsewhere(name) => scope.link(name, &format!("crate::types::{name}")),
            AlternativeLink::Label(label) => code(label),
        };
        let tag = match (&docs.tag_property, &alternative.tag) {
            (Some(property), Some(tag)) => format!(", when `{property}` is {}", code(tag)),
            _ => String::new(),
        };
        lines.push(format!(" - {link}{tag}"));
    }
    if let Some(property) = &docs.tag_property {
        lines.push(" ".to_owned());
        lines.push(format!(" `{property}` tells them apart."));
    }
    quote! { #( #[doc = #lines] )* }
}

/// Spec text as inline code, or as escaped prose when a backtick in it would end the code span.
fn code(text: &str) -> String {
    if text.contains('`') {
        inline(text)
    } else {
        format!(
            "`{}`",
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        )
    }
}

/// A string enum, as `models!` passes it to the runtime's `open_enum!`, which writes the
/// fallback variant, the docs of each variant, `KNOWN_VALUES`, `as_str` and the trait impls
/// from one list of variants and wire values. The fallback is named (first, so that the macro
/// can tell it apart) only when it is not the macro's `Unknown`.
fn enum_def(item: &Emitted<'_>, fallback: &str, values: &[(String, String)]) -> TokenStream {
    let &Emitted { name, ref docs, .. } = item;
    let type_ident = ident(name);
    let unknown = (fallback != "Unknown").then(|| {
        let unknown = ident(fallback);
        quote!(#unknown(_),)
    });
    let variants = values.iter().map(|(rust_name, _)| ident(rust_name));
    let wire = values.iter().map(|(_, value)| value.as_str());
    quote! {
        #docs
        pub enum #type_ident {
            #unknown
            #( #variants = #wire, )*
        }
    }
}

/// The variant names and the types they hold, in order.
fn variant_parts(
    scope: &Scope<'_>,
    variants: &[VariantShape],
) -> (Vec<proc_macro2::Ident>, Vec<TokenStream>) {
    let idents = variants.iter().map(|v| ident(&v.rust_name)).collect();
    let types = variants.iter().map(|v| tokens(scope, &v.ty)).collect();
    (idents, types)
}

/// A union with a discriminator, through the runtime's `tagged_union!`: the tag picks the
/// variant, the whole object (tag included) deserialises into it, and an unknown tag is kept as
/// JSON rather than failing the response. The macro writes the serde impls from the one list of
/// variants with their tags.
fn tagged_union(item: &Emitted<'_>, variants: &[VariantShape], tag: &UnionTag) -> TokenStream {
    let &Emitted {
        name,
        ref docs,
        cfg,
        scope,
    } = item;
    let property = tag.property.as_str();
    let inferred = tag.inferred.then(|| inferred_note(property));
    let type_ident = ident(name);
    let (idents, types) = variant_parts(scope, variants);
    let tags = variants.iter().map(|v| {
        let tags = &v.tags;
        (!tags.is_empty()).then(|| quote!(= #(#tags)|*))
    });
    let variant_docs: Vec<String> = variants
        .iter()
        .map(|v| format!(" `{property}` is {}.", tag_list(&v.tags)))
        .collect();
    let unknown = ident(&tag.fallback);
    quote! {
        #cfg
        crate::runtime::tagged_union! {
            #docs
            #inferred
            pub enum #type_ident {
                #unknown(_),
                #( #[doc = #variant_docs] #idents(#types) #tags, )*
            }
            const TAG: &str = #property;
        }
    }
}

/// The docs of a union whose discriminator the generator inferred.
fn inferred_note(property: &str) -> TokenStream {
    let lines = [
        " ".to_owned(),
        format!(" The spec names no discriminator: `{property}` is used as one because every"),
        " alternative has it with values no other alternative has (inferred by the generator, as"
            .to_owned(),
        " an untagged enum would decode some alternatives as others and drop their fields)."
            .to_owned(),
    ];
    quote! { #( #[doc = #lines] )* }
}

/// The tags of a variant for its docs; a long list (Atlas's catch-all event views take over a
/// hundred) is cut, as the alternative's own type lists them all.
fn tag_list(tags: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut shown: Vec<String> = tags.iter().take(SHOWN).map(|t| format!("`{t}`")).collect();
    if tags.len() > SHOWN {
        shown.push(format!("one of {} more", tags.len() - SHOWN));
    }
    shown.join(" or ")
}

/// A union without a discriminator, through the runtime's `untagged_union!`: each alternative
/// with the properties it requires, which decoding looks for first.
fn untagged_union(item: &Emitted<'_>, variants: &[VariantShape]) -> TokenStream {
    let &Emitted {
        name,
        ref docs,
        cfg,
        scope,
    } = item;
    let type_ident = ident(name);
    let (idents, types) = variant_parts(scope, variants);
    let variant_docs: Vec<String> = variants
        .iter()
        .map(|v| format!(" The `{}` alternative.", v.rust_name))
        .collect();
    let required = variants.iter().map(|v| &v.required);
    quote! {
        #cfg
        crate::runtime::untagged_union! {
            #docs
            pub enum #type_ident {
                #( #[doc = #variant_docs] #idents(#types) = [#(#required),*], )*
            }
        }
    }
}
