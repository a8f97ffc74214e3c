//! The `cli` module (the `cli` feature) and `src/main.rs`: the command line, printed from the same
//! plan as the library. Each tag's file is a table of its operations (names, flags, versions,
//! help, watchers) for the runtime's generic engine (`runtime::cli`), and one small function per
//! method that builds the request with the library's own builder, so values are validated and
//! encoded exactly as the library does.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::cli_download;
use super::cli_parameters::parameter_entry;
use super::operations::{Call, ParamSlot};
use super::rust_types::{ident, tokens};
use super::scope::{Prelude, Scope};
use crate::plan::{Answer, Feature, FormPlan, Method, OperationPlan, Plan, WatchPlan, WatchSource};

/// `src/cli/mod.rs` and one file per tag, as (path, text).
pub fn cli_files(model: &Plan<'_>) -> Vec<(String, String)> {
    let mut files = vec![super::cli_root::root_file(model, entry_name)];
    files.extend(
        model
            .features
            .iter()
            .map(|feature| tag_file(model, feature)),
    );
    files
}

/// `src/main.rs`: the binary, behind the `cli` feature (`required-features` in the manifest).
pub fn main_rs(crate_name: &str) -> String {
    let krate = format_ident!("{}", crate_name.replace('-', "_"));
    // Its own crate, which defines nothing but `main`.
    let defines_nothing = std::collections::BTreeSet::new();
    let scope = Scope::new("src/main.rs", &defines_nothing, ["main"]);
    let exit_code = scope.path("::std::process::ExitCode");
    let items = quote! {
        fn main() -> #exit_code {
            #krate::cli::main()
        }
    };
    let head = "//! The command line: `<tag> <operation> [flags]` (see `--help`).";
    scope.file(head, &items.to_string())
}

/// A tag's file, as (path, text).
fn tag_file(model: &Plan<'_>, feature: &Feature) -> (String, String) {
    let path = format!("src/cli/{}.rs", feature.module);
    let plans: Vec<&OperationPlan<'_>> = (model.operations.iter())
        .filter(|p| p.feature == feature.id)
        .collect();
    let scope = Scope::new(&path, &model.defined_names, own_names(&plans));
    let scope = &scope;
    let (cli_version, answer_kind_type) = (
        scope.path("crate::runtime::cli::CliVersion"),
        scope.path("crate::runtime::cli::AnswerKind"),
    );
    let (cli_operation, cli_tag, client) = (
        scope.path("crate::runtime::cli::CliOperation"),
        scope.path("crate::runtime::cli::CliTag"),
        scope.path("crate::Client"),
    );
    let mut operations = Vec::new();
    let mut entries = Vec::new();
    let mut builders = Vec::new();
    for plan in plans {
        let mut versions = Vec::new();
        for (method, version) in plan.methods.iter().zip(&plan.cli.versions) {
            let call = Call::new(scope, model, plan, method);
            // Named as the client method it calls: a change to one method shows as a change to
            // the items that name it.
            let build = ident(&method.rust_name);
            builders.push(build_fn(&call, &build));
            let accept = &method.accept;
            let answer = answer_kind(method);
            versions.push(quote! {
                #cli_version {
                    name: #version,
                    accept: #accept,
                    answer: #answer_kind_type::#answer,
                    build: #build,
                }
            });
        }
        let entry = format_ident!("{}_COMMAND", entry_name(plan));
        let fields = operation_entry(scope, model, plan, &versions);
        let doc = format!(" `{} {}`.", feature.cli_name, plan.cli.name);
        let download = cli_download::entry(scope, plan, &entry_name(plan));
        entries.push(quote! {
            #[doc = #doc]
            static #entry: #cli_operation<#client> = #fields;
            #download
        });
        operations.push(quote!(&#entry));
    }
    let name = &feature.cli_name;
    let alias = option_str(scope, feature.cli_alias.as_deref());
    let about = &feature.about;
    let doc = format!(" The command line's operations tagged {}.", feature.tag);
    let head = quote!(#![doc = #doc]).to_string();
    let items = quote! {
        /// This tag's operations as commands.
        pub(super) static TAG: #cli_tag<#client> = #cli_tag {
            name: #name,
            alias: #alias,
            about: #about,
            operations: &[#(#operations),*],
        };

        #(#entries)*

        #(#builders)*
    };
    let text = scope.file(&head, &items.to_string());
    (path, text)
}

/// The names a tag's file defines: `TAG`, its entries, its build functions.
fn own_names(plans: &[&OperationPlan<'_>]) -> Vec<String> {
    let mut names = vec!["TAG".to_owned()];
    for plan in plans {
        names.push(format!("{}_COMMAND", entry_name(plan)));
        names.push(cli_download::entry_item(&entry_name(plan)));
        names.extend(plan.methods.iter().map(|method| method.rust_name.clone()));
    }
    names
}

/// The operation's item name: its default method's, in capitals.
fn entry_name(plan: &OperationPlan<'_>) -> String {
    plan.methods
        .first()
        .map_or(plan.operation_id.as_str(), |m| {
            m.rust_name.trim_start_matches("r#")
        })
        .to_uppercase()
}

fn operation_entry(
    scope: &Scope<'_>,
    model: &Plan<'_>,
    plan: &OperationPlan<'_>,
    versions: &[TokenStream],
) -> TokenStream {
    let command = &plan.cli;
    let name = &command.name;
    let alias = option_str(scope, command.alias.as_deref());
    let endpoint = &plan.endpoint;
    let operation_id = &plan.operation_id;
    let summary = endpoint.summary.as_deref().unwrap_or_default();
    let description = endpoint.description.as_deref().unwrap_or_default();
    let notes = notes(plan, &model.profile.authority);
    let method = endpoint.http_method.as_str();
    let path = &endpoint.template;
    let parameters =
        (plan.parameters.iter().zip(&command.flags)).map(|(parameter, flag)| match &flag.shared {
            Some(name) => {
                let name = ident(name);
                quote!(super::#name)
            }
            None => parameter_entry(scope, parameter, flag),
        });
    let body = body_entry(scope, plan);
    let list_field = option_str(scope, command.list_field.as_deref());
    let download = option_str(scope, plan.download.as_ref().map(|d| d.url_field.as_str()));
    let Prelude { some, none, .. } = scope.prelude();
    let watch = match &plan.watch {
        Some(watch) => {
            let entry = watch_entry(scope, model, watch);
            quote!(#some(&#entry))
        }
        None => none,
    };
    let cli_operation = scope.path("crate::runtime::cli::CliOperation");
    quote! {
        #cli_operation {
            name: #name,
            alias: #alias,
            operation_id: #operation_id,
            summary: #summary,
            description: #description,
            notes: &[#(#notes),*],
            method: #method,
            path: #path,
            parameters: &[#(#parameters),*],
            body: #body,
            versions: &[#(#versions),*],
            list_field: #list_field,
            watch: #watch,
            download: #download,
        }
    }
}

/// The deprecation and sunset notes: the default method's, then each other version's sunset.
fn notes(plan: &OperationPlan<'_>, authority: &str) -> Vec<String> {
    let mut notes = Vec::new();
    let mut methods = plan.methods.iter().zip(&plan.cli.versions);
    if let Some((first, _)) = methods.next() {
        let replacement =
            (plan.successor.as_ref()).map(|s| format!("`{}` ({})", s.command, s.operation_id));
        let dates = (first.sunset, first.withdrawn);
        let note = (plan.endpoint).deprecation_note(dates, replacement, authority);
        notes.extend(note.map(|note| capitalized(&note)));
    }
    for (method, version) in methods {
        match (method.withdrawn, method.sunset) {
            (Some(sunset), _) => notes.push(format!(
                "Version {version} was sunset on {sunset}: {authority} no longer serves it."
            )),
            (None, Some(sunset)) => notes.push(format!("Version {version} is sunset on {sunset}.")),
            (None, None) => {}
        }
    }
    notes
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

fn body_entry(scope: &Scope<'_>, plan: &OperationPlan<'_>) -> TokenStream {
    let Prelude { some, none, .. } = scope.prelude();
    let Some(method) = plan.methods.first() else {
        return none;
    };
    match &method.body {
        // Its command refuses to run (see `build_fn`).
        _ if matches!(method.form, Some(FormPlan::Multipart(_))) => none,
        Some(body) if body.ty.is_some() => {
            let (required, media_type) = (body.required, &body.media_type);
            let cli_body = scope.path("crate::runtime::cli::CliBody");
            quote! {
                #some(#cli_body {
                    required: #required,
                    media_type: #media_type,
                })
            }
        }
        _ => none,
    }
}

fn watch_entry(scope: &Scope<'_>, model: &Plan<'_>, watch: &WatchPlan) -> TokenStream {
    let poll = &model.operations[watch.poll].operation_id;
    let arguments = watch.arguments.iter().map(|(name, source)| {
        let watch_value = scope.path("crate::runtime::cli::WatchValue");
        let source = match source {
            WatchSource::Input(input) => quote!(#watch_value::Input(#input)),
            WatchSource::Answer(path) => quote!(#watch_value::Answer(#path)),
        };
        quote!((#name, #source))
    });
    let field = &watch.field;
    let (success, failure) = (&watch.success, &watch.failure);
    let cli_watch = scope.path("crate::runtime::cli::CliWatch");
    quote! {
        #cli_watch {
            poll: #poll,
            arguments: &[#(#arguments),*],
            field: #field,
            success: &[#(#success),*],
            failure: &[#(#failure),*],
        }
    }
}

fn answer_kind(method: &Method<'_>) -> proc_macro2::Ident {
    format_ident!(
        "{}",
        match method.answer {
            Answer::Empty => "Empty",
            Answer::Bytes => "Bytes",
            Answer::Text | Answer::Json(_) | Answer::ByStatus { .. } => "Json",
        }
    )
}

/// The function building one method's request from the command line's values, with the
/// library's builder: required values as arguments, optional ones through their setters.
fn build_fn(call: &Call<'_>, name: &proc_macro2::Ident) -> TokenStream {
    let scope = call.scope;
    let method = ident(&call.method.rust_name);
    let flags = &call.plan.cli.flags;
    let order = &call.plan.argument_order;
    let required = order
        .iter()
        .filter(|&&i| call.slots[i].parameter.required)
        .map(|&i| value_expr(scope, &call.slots[i], &flags[i].key));
    let multipart = matches!(call.method.form, Some(FormPlan::Multipart(_)));
    // Its parts cannot come from a JSON file: the command refuses to run rather than send the
    // call without them.
    if multipart {
        return refusing_build_fn(call, name);
    }
    // A body sent as it is takes the `--file` bytes themselves; others decode them as JSON.
    let raw = matches!(call.method.form, Some(FormPlan::Raw { .. }));
    let body_argument = (call.has_body() && call.body_required()).then(|| match raw {
        true => quote!(call.raw_body()?),
        false => {
            let ty = call.body_type();
            quote!(call.body::<#ty>()?)
        }
    });
    let arguments = required.chain(body_argument);
    let setters = setter_statements(call);
    let optional_body = (call.has_body() && !call.body_required() && !multipart).then(|| {
        let read = match raw {
            true => quote!(call.optional_raw_body()),
            false => {
                let ty = call.body_type();
                quote!(call.optional_body::<#ty>()?)
            }
        };
        let some = scope.path("::std::option::Option::Some");
        quote! {
            if let #some(body) = #read {
                request = request.body(body);
            }
        }
    });
    let BuildSignature {
        client,
        invocation,
        answer,
        cli_error,
    } = BuildSignature::new(scope);
    quote! {
        // An operation without parameters or body reads nothing from `call`.
        #[allow(unused_mut, unused_variables)]
        fn #name(client: &#client, call: &#invocation) -> #answer {
            let mut request = client.#method(#(#arguments),*);
            #(#setters)*
            #optional_body
            request.into_request().map_err(#cli_error::request)
        }
    }
}

/// The types of a build function's signature, as the file writes them.
struct BuildSignature {
    client: TokenStream,
    invocation: TokenStream,
    /// `Result<RequestSpec, CliError>`.
    answer: TokenStream,
    cli_error: TokenStream,
}

impl BuildSignature {
    fn new(scope: &Scope<'_>) -> Self {
        let result = scope.path("::std::result::Result");
        let (request_spec, cli_error) = (
            scope.path("crate::runtime::RequestSpec"),
            scope.path("crate::runtime::cli::CliError"),
        );
        BuildSignature {
            client: scope.path("crate::Client"),
            invocation: scope.path("crate::runtime::cli::Invocation"),
            answer: quote!(#result<#request_spec, #cli_error>),
            cli_error,
        }
    }
}

/// The build function of a method sending a multipart body: its parts cannot come from a JSON
/// file, so the command refuses to run rather than send the call without them.
fn refusing_build_fn(call: &Call<'_>, name: &proc_macro2::Ident) -> TokenStream {
    let message = format!(
        "`{}` sends a multipart body, which the command line cannot send: call the library",
        call.plan.operation_id
    );
    let BuildSignature {
        client,
        invocation,
        answer,
        cli_error,
    } = BuildSignature::new(call.scope);
    let err = call.scope.path("::std::result::Result::Err");
    quote! {
        fn #name(_client: &#client, _call: &#invocation) -> #answer {
            #err(#cli_error::Usage(#message.to_owned()))
        }
    }
}

/// The statements passing each optional value given on the command line to its setter.
fn setter_statements(call: &Call<'_>) -> Vec<TokenStream> {
    let flags = &call.plan.cli.flags;
    let scope = call.scope;
    call.plan
        .argument_order
        .iter()
        .filter(|&&i| !call.slots[i].parameter.required)
        .map(|&i| {
            let slot = &call.slots[i];
            let setter = &slot.field;
            let value = value_expr(scope, slot, &flags[i].key);
            match slot.repeated() {
                true => quote! {
                    let values = #value;
                    if !values.is_empty() {
                        request = request.#setter(values);
                    }
                },
                false => {
                    let some = scope.path("::std::option::Option::Some");
                    quote! {
                        if let #some(value) = #value {
                            request = request.#setter(value);
                        }
                    }
                }
            }
        })
        .collect()
}

/// How one parameter's value is read: parsed by the newtype's `FromStr` (which checks its
/// pattern) or decoded as JSON into the library's type; arrays from repeated flags.
fn value_expr(scope: &Scope<'_>, slot: &ParamSlot<'_>, key: &str) -> TokenStream {
    let required = slot.parameter.required;
    if slot.newtype() {
        let ty = slot.stored();
        let read = if required {
            quote!(required)
        } else {
            quote!(optional)
        };
        let from_str = scope.path("crate::runtime::cli::from_str");
        return quote!(call.#read(#key, #from_str::<#ty>)?);
    }
    if let Some(items) = &slot.parameter.repeated {
        let item = tokens(scope, items);
        let read = if required {
            quote!(repeated_required)
        } else {
            quote!(repeated)
        };
        let from_json = scope.path("crate::runtime::cli::from_json");
        return quote!(call.#read(#key, #from_json::<#item>)?);
    }
    let ty = slot.stored();
    let read = if required {
        quote!(required)
    } else {
        quote!(optional)
    };
    let from_json = scope.path("crate::runtime::cli::from_json");
    quote!(call.#read(#key, #from_json::<#ty>)?)
}

fn option_str(scope: &Scope<'_>, value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => {
            let some = scope.path("::std::option::Option::Some");
            quote!(#some(#text))
        }
        None => scope.path("::std::option::Option::None"),
    }
}
