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
use crate::plan::{Answer, Feature, FormPlan, Method, OperationPlan, Plan, WatchPlan, WatchSource};

/// `src/cli/mod.rs` and one file per tag, as (path, tokens).
pub fn cli_files(model: &Plan<'_>) -> Vec<(String, String)> {
    let mut declarations = Vec::new();
    let mut tags = Vec::new();
    let mut files = Vec::new();
    for feature in &model.features {
        let module = ident(&feature.module);
        let name = &feature.name;
        declarations.push(quote! {
            #[cfg(feature = #name)]
            mod #module;
        });
        tags.push(quote! {
            #[cfg(feature = #name)]
            &#module::TAG,
        });
        files.push((
            format!("src/cli/{}.rs", feature.module),
            tag_file(model, feature).to_string(),
        ));
    }
    let downloads = cli_download::list(model, entry_name);
    let shared_flags = super::cli_parameters::shared_flags(model);
    let root = quote! {
        //! The command line (feature `cli`): `<binary> <tag> <operation> [flags]`, the grammar
        //! of the Atlas CLI's `atlas api`, for every operation of this crate, from the same plan
        //! as the library. Run `--help` for the tags, and see the README.

        #(#shared_flags)*

        #(#declarations)*

        impl crate::runtime::cli::CliClient for crate::Client {
            fn default_config() -> crate::runtime::ClientConfig {
                crate::Client::default_config()
            }

            fn connect(
                config: crate::runtime::ClientConfig,
            ) -> ::std::result::Result<Self, ::std::boxed::Box<dyn ::std::error::Error + Send + Sync>> {
                ::std::result::Result::Ok(crate::Client::with_config(config)?)
            }

            fn transport(&self) -> &crate::runtime::Transport {
                crate::Client::transport(self)
            }
        }

        /// Every tag compiled in, in name order.
        static TAGS: &[&crate::runtime::cli::CliTag<crate::Client>] = &[#(#tags)*];

        /// The download commands compiled in.
        static DOWNLOADS: &[&crate::runtime::cli::CliDownload<crate::Client>] = &[#(#downloads)*];

        /// The API as the command line sees it.
        pub static API: crate::runtime::cli::CliApi<crate::Client> = crate::runtime::cli::CliApi {
            binary: env!("CARGO_PKG_NAME"),
            about: env!("CARGO_PKG_DESCRIPTION"),
            crate_version: env!("CARGO_PKG_VERSION"),
            tags: TAGS,
            downloads: DOWNLOADS,
            environment: &crate::Client::ENVIRONMENT,
        };

        /// Runs the command line on the process's arguments: what `src/main.rs` calls.
        pub fn main() -> ::std::process::ExitCode {
            crate::runtime::cli::main(&API)
        }
    };
    files.insert(0, ("src/cli/mod.rs".to_owned(), root.to_string()));
    files
}

/// `src/main.rs`: the binary, behind the `cli` feature (`required-features` in the manifest).
pub fn main_rs(crate_name: &str) -> String {
    let krate = format_ident!("{}", crate_name.replace('-', "_"));
    quote! {
        //! The command line: `<tag> <operation> [flags]` (see `--help`).

        fn main() -> ::std::process::ExitCode {
            #krate::cli::main()
        }
    }
    .to_string()
}

fn tag_file(model: &Plan<'_>, feature: &Feature) -> TokenStream {
    let mut operations = Vec::new();
    let mut entries = Vec::new();
    let mut builders = Vec::new();
    for plan in model.operations.iter().filter(|p| p.feature == feature.id) {
        let mut versions = Vec::new();
        for (method, version) in plan.methods.iter().zip(&plan.cli.versions) {
            let call = Call::new(model, plan, method);
            // Named as the client method it calls: a change to one method shows as a change to
            // the items that name it.
            let build = ident(&method.rust_name);
            builders.push(build_fn(&call, &build));
            let accept = &method.accept;
            let answer = answer_kind(method);
            versions.push(quote! {
                crate::runtime::cli::CliVersion {
                    name: #version,
                    accept: #accept,
                    answer: crate::runtime::cli::AnswerKind::#answer,
                    build: #build,
                }
            });
        }
        let entry = format_ident!("{}_COMMAND", entry_name(plan));
        let fields = operation_entry(model, plan, &versions);
        let doc = format!(" `{} {}`.", feature.cli_name, plan.cli.name);
        let download = cli_download::entry(plan, &entry_name(plan));
        entries.push(quote! {
            #[doc = #doc]
            static #entry: crate::runtime::cli::CliOperation<crate::Client> = #fields;
            #download
        });
        operations.push(quote!(&#entry));
    }
    let name = &feature.cli_name;
    let alias = option_str(feature.cli_alias.as_deref());
    let about = &feature.about;
    let doc = format!(" The command line's operations tagged {}.", feature.tag);
    quote! {
        #![doc = #doc]

        /// This tag's operations as commands.
        pub(super) static TAG: crate::runtime::cli::CliTag<crate::Client> = crate::runtime::cli::CliTag {
            name: #name,
            alias: #alias,
            about: #about,
            operations: &[#(#operations),*],
        };

        #(#entries)*

        #(#builders)*
    }
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
    model: &Plan<'_>,
    plan: &OperationPlan<'_>,
    versions: &[TokenStream],
) -> TokenStream {
    let command = &plan.cli;
    let name = &command.name;
    let alias = option_str(command.alias.as_deref());
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
            None => parameter_entry(parameter, flag),
        });
    let body = body_entry(plan);
    let list_field = option_str(command.list_field.as_deref());
    let download = option_str(plan.download.as_ref().map(|d| d.url_field.as_str()));
    let watch = match &plan.watch {
        Some(watch) => {
            let entry = watch_entry(model, watch);
            quote!(::std::option::Option::Some(&#entry))
        }
        None => quote!(::std::option::Option::None),
    };
    quote! {
        crate::runtime::cli::CliOperation {
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

fn body_entry(plan: &OperationPlan<'_>) -> TokenStream {
    let Some(method) = plan.methods.first() else {
        return quote!(::std::option::Option::None);
    };
    match &method.body {
        // Its command refuses to run (see `build_fn`).
        _ if matches!(method.form, Some(FormPlan::Multipart(_))) => {
            quote!(::std::option::Option::None)
        }
        Some(body) if body.ty.is_some() => {
            let (required, media_type) = (body.required, &body.media_type);
            quote! {
                ::std::option::Option::Some(crate::runtime::cli::CliBody {
                    required: #required,
                    media_type: #media_type,
                })
            }
        }
        _ => quote!(::std::option::Option::None),
    }
}

fn watch_entry(model: &Plan<'_>, watch: &WatchPlan) -> TokenStream {
    let poll = &model.operations[watch.poll].operation_id;
    let arguments = watch.arguments.iter().map(|(name, source)| {
        let source = match source {
            WatchSource::Input(input) => quote!(crate::runtime::cli::WatchValue::Input(#input)),
            WatchSource::Answer(path) => quote!(crate::runtime::cli::WatchValue::Answer(#path)),
        };
        quote!((#name, #source))
    });
    let field = &watch.field;
    let (success, failure) = (&watch.success, &watch.failure);
    quote! {
        crate::runtime::cli::CliWatch {
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
    let method = ident(&call.method.rust_name);
    let flags = &call.plan.cli.flags;
    let order = &call.plan.argument_order;
    let required = order
        .iter()
        .filter(|&&i| call.slots[i].parameter.required)
        .map(|&i| value_expr(&call.slots[i], &flags[i].key));
    let multipart = matches!(call.method.form, Some(FormPlan::Multipart(_)));
    // Its parts cannot come from a JSON file: the command refuses to run rather than send the
    // call without them.
    if multipart {
        return refusing_build_fn(call, name);
    }
    // A body sent as it is takes the `--file` bytes themselves; others decode them as JSON.
    let raw = matches!(call.method.form, Some(FormPlan::Raw { .. }));
    let body_argument = (call.body_type().is_some() && call.body_required()).then(|| {
        let ty = call.body_type();
        match raw {
            true => quote!(call.raw_body()?),
            false => quote!(call.body::<#ty>()?),
        }
    });
    let arguments = required.chain(body_argument);
    let setters = setter_statements(call);
    let optional_body =
        (call.body_type().is_some() && !call.body_required() && !multipart).then(|| {
            let ty = call.body_type();
            let read = match raw {
                true => quote!(call.optional_raw_body()),
                false => quote!(call.optional_body::<#ty>()?),
            };
            quote! {
                if let ::std::option::Option::Some(body) = #read {
                    request = request.body(body);
                }
            }
        });
    quote! {
        // An operation without parameters or body reads nothing from `call`.
        #[allow(unused_mut, unused_variables)]
        fn #name(
            client: &crate::Client,
            call: &crate::runtime::cli::Invocation,
        ) -> ::std::result::Result<crate::runtime::RequestSpec, crate::runtime::cli::CliError> {
            let mut request = client.#method(#(#arguments),*);
            #(#setters)*
            #optional_body
            request.into_request().map_err(crate::runtime::cli::CliError::request)
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
    quote! {
        fn #name(
            _client: &crate::Client,
            _call: &crate::runtime::cli::Invocation,
        ) -> ::std::result::Result<crate::runtime::RequestSpec, crate::runtime::cli::CliError> {
            ::std::result::Result::Err(crate::runtime::cli::CliError::Usage(#message.to_owned()))
        }
    }
}

/// The statements passing each optional value given on the command line to its setter.
fn setter_statements(call: &Call<'_>) -> Vec<TokenStream> {
    let flags = &call.plan.cli.flags;
    call.plan
        .argument_order
        .iter()
        .filter(|&&i| !call.slots[i].parameter.required)
        .map(|&i| {
            let slot = &call.slots[i];
            let setter = &slot.field;
            let value = value_expr(slot, &flags[i].key);
            match slot.repeated() {
                true => quote! {
                    let values = #value;
                    if !values.is_empty() {
                        request = request.#setter(values);
                    }
                },
                false => quote! {
                    if let ::std::option::Option::Some(value) = #value {
                        request = request.#setter(value);
                    }
                },
            }
        })
        .collect()
}

/// How one parameter's value is read: parsed by the newtype's `FromStr` (which checks its
/// pattern) or decoded as JSON into the library's type; arrays from repeated flags.
fn value_expr(slot: &ParamSlot<'_>, key: &str) -> TokenStream {
    let required = slot.parameter.required;
    if slot.newtype() {
        let ty = &slot.stored;
        let read = if required {
            quote!(required)
        } else {
            quote!(optional)
        };
        return quote!(call.#read(#key, crate::runtime::cli::from_str::<#ty>)?);
    }
    if let Some(items) = &slot.parameter.repeated {
        let item = tokens(items);
        let read = if required {
            quote!(repeated_required)
        } else {
            quote!(repeated)
        };
        return quote!(call.#read(#key, crate::runtime::cli::from_json::<#item>)?);
    }
    let ty = &slot.stored;
    let read = if required {
        quote!(required)
    } else {
        quote!(optional)
    };
    quote!(call.#read(#key, crate::runtime::cli::from_json::<#ty>)?)
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(::std::option::Option::Some(#text)),
        None => quote!(::std::option::Option::None),
    }
}
