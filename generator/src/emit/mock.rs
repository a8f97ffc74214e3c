//! The `mock` module (the `mock` feature): `MockAtlas` (`MockApi` for another API), an in-process server with a client
//! pointed at it, and one typed stub per client method, read from the same plan as the client.
//! A stub is the runtime's generic one (`runtime::mock::Stub`), wrapped in a type of this crate
//! so each method's stub can have typed setters for its parameters; each method is a marker type
//! telling the runtime where it sends, what it must send and the types of its body and answer.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::{Call, ParamSlot};
use super::request::push_value;
use super::rust_types::{ident, rust_type, unraw};
use crate::ir::ParameterLocation;
use crate::plan::{Feature, FormPlan, Method, Plan, ResponseShape, View};

/// `src/mock/mod.rs` and one file per tag, as (path, tokens); the module is declared behind the
/// `mock` feature in `lib.rs`.
pub fn mock_files(model: &Plan<'_>, doc_example: Option<&str>) -> Vec<(String, String)> {
    let mut declarations = Vec::new();
    let mut routes = Vec::new();
    let mut files = Vec::new();
    for feature in &model.features {
        let (items, markers) = feature_stubs(model, feature);
        let markers = markers.iter().map(|marker| ident(marker));
        let table = quote! {
            /// The methods of this tag, to name the operation of a request no stub matched.
            pub(super) const ROUTES: &[&crate::runtime::mock::MockCall] =
                &[#(&<#markers as crate::runtime::mock::MockOperation>::CALL),*];
        };
        let module = ident(&feature.module);
        let name = &feature.name;
        declarations.push(quote! {
            #[cfg(feature = #name)]
            mod #module;
            #[cfg(feature = #name)]
            pub use #module::*;
        });
        routes.push(quote! {
            #[cfg(feature = #name)]
            routes.extend_from_slice(#module::ROUTES);
        });
        let doc = format!(" Stubs of the operations tagged {}.", feature.tag);
        // The setters push values the way `send` does: one push, or a loop for an array.
        let head = quote!(#![doc = #doc] #![allow(clippy::vec_init_then_push)]);
        let file = format!("{head}\n{table}\n{items}");
        files.push((format!("src/mock/{}.rs", feature.module), file));
    }
    let module = module_root(
        &declarations,
        &routes,
        doc_example,
        &model.profile.mock_name,
    );
    files.insert(0, ("src/mock/mod.rs".to_owned(), module.to_string()));
    files
}

/// The stubs of one tag's methods, and their marker types' names.
fn feature_stubs(model: &Plan<'_>, feature: &Feature) -> (String, Vec<String>) {
    let mut items = Vec::new();
    let mut markers = Vec::new();
    for (operation, plan) in model.operations().filter(|(_, p)| p.feature == feature.id) {
        for method in &plan.methods {
            let call = Call::new(model, operation, plan, method);
            items.push(method_stub(&call).to_string());
            markers.push(method.builder.clone());
        }
    }
    (items.join("\n"), markers)
}

/// The marker type of one method, its `MockOperation` (and `PagedOperation`) impl, the typed
/// parameter setters of its stub, and the `MockAtlas` method that starts one.
fn method_stub(call: &Call<'_>) -> TokenStream {
    let (operation, method) = (call.operation, call.method);
    let marker = ident(&method.builder);
    let method_ident = ident(&method.rust_name);
    let method_text = unraw(&method.rust_name);
    let operation_id = &operation.operation_id;
    let http_method = operation.method.as_str();
    let template = &operation.path.template;
    let accept = &method.accept;
    // A multipart body's `Content-Type` carries a boundary drawn for each request, and a body
    // sent as it is may name its own type.
    let content_type = match method.request {
        Some(_)
            if matches!(
                method.form,
                Some(FormPlan::Multipart(_) | FormPlan::Raw { .. })
            ) =>
        {
            quote!(::std::option::Option::None)
        }
        Some(content) => {
            let raw = &content.media_type.raw;
            quote!(::std::option::Option::Some(#raw))
        }
        None => quote!(::std::option::Option::None),
    };
    let status = method.success_status;
    let body = call.body_type().unwrap_or_else(|| quote!(()));
    let module = ident(&call.model.feature(call.plan.feature).module);
    let response = response_type(call.model, method, &module);
    let paged = paged_impl(call, &marker);
    let setters = call
        .slots
        .iter()
        .enumerate()
        .filter_map(|(index, slot)| setter(call, index, slot));
    let mock_ident = ident(&call.model.profile.mock_name);
    let marker_doc = format!(
        " [`Client::{method_text}`](crate::Client::{method_text}) as a type, for its stub: \
         [`{mock}::{method_text}`](crate::mock::{mock}::{method_text}).",
        mock = call.model.profile.mock_name
    );
    let start_doc = format!(
        " A stub of [`Client::{method_text}`](crate::Client::{method_text}): `{http_method} \
         {template}` with `Accept: {accept}`. Set what it matches and answers, then `mount` it."
    );
    quote! {
        #[doc = #marker_doc]
        #[derive(Debug)]
        pub struct #marker;

        impl crate::runtime::mock::MockOperation for #marker {
            const CALL: crate::runtime::mock::MockCall = crate::runtime::mock::MockCall {
                operation_id: #operation_id,
                method_name: #method_text,
                method: #http_method,
                path_template: #template,
                accept: #accept,
                content_type: #content_type,
                success_status: #status,
            };
            type Body = #body;
            type Response = #response;
        }

        #paged

        impl crate::mock::Stub<'_, #marker> {
            #(#setters)*
        }

        impl crate::mock::#mock_ident {
            #[doc = #start_doc]
            pub fn #method_ident(&self) -> crate::mock::Stub<'_, #marker> {
                crate::mock::Stub::new(self)
            }
        }
    }
}

/// The type of a plain success's body: what `respond` takes.
fn response_type(
    model: &Plan<'_>,
    method: &Method<'_>,
    module: &proc_macro2::Ident,
) -> TokenStream {
    match &method.response {
        ResponseShape::Empty => quote!(()),
        ResponseShape::Bytes => quote!(::bytes::Bytes),
        ResponseShape::Json(schema) => rust_type(model, schema, View::Response),
        ResponseShape::ByStatus { enum_name, .. } => {
            let name = ident(enum_name);
            quote!(crate::operations::#module::#name)
        }
    }
}

/// `PagedOperation` for a list method: its item type, page parameter and results field.
fn paged_impl(call: &Call<'_>, marker: &proc_macro2::Ident) -> Option<TokenStream> {
    let pagination = call.method.pagination.as_ref()?;
    let item = rust_type(call.model, pagination.item, View::Response);
    let page_parameter = &call.operation.parameters[pagination.page_parameter].name;
    let results = &pagination.results.name;
    Some(quote! {
        impl crate::runtime::mock::PagedOperation for #marker {
            type Item = #item;
            const PAGE_PARAMETER: &'static str = #page_parameter;
            const RESULTS_FIELD: &'static str = #results;
        }
    })
}

/// The stub setter requiring a value of one parameter, encoded as the client encodes it.
fn setter(call: &Call<'_>, index: usize, slot: &ParamSlot<'_>) -> Option<TokenStream> {
    let parameter = slot.parameter;
    let require = match parameter.location {
        ParameterLocation::Path => quote!(path_parameter),
        ParameterLocation::Query => quote!(query_parameter),
        ParameterLocation::Header => quote!(header_parameter),
        ParameterLocation::Cookie => return None,
    };
    let name = &parameter.name;
    let setter = ident(&call.plan.parameters[index].mock_setter);
    let accepted = &slot.accepted;
    let stored = slot.store(quote!(value));
    let push = push_value(call.model, slot, quote!(values), name);
    let doc = format!(
        " Matches only requests whose `{name}` ({}) is `value`, as the client sends it.",
        parameter.location.as_str()
    );
    Some(quote! {
        #[doc = #doc]
        pub fn #setter(self, value: #accepted) -> Self {
            let value = &#stored;
            let mut values: ::std::vec::Vec<(&'static str, ::std::string::String)> = ::std::vec::Vec::new();
            #push
            crate::mock::Stub(self.0.#require(values, #name))
        }
    })
}

/// `src/mock/mod.rs`: the module docs, `MockAtlas`, the crate's `Stub` and the route table.
fn module_root(
    declarations: &[TokenStream],
    routes: &[TokenStream],
    example: Option<&str>,
    mock_name: &str,
) -> TokenStream {
    let docs = module_docs(example, mock_name);
    let stub = super::mock_stub::stub_wrapper(mock_name);
    quote! {
        #(#![doc = #docs])*

        #(#declarations)*

        pub use crate::runtime::mock::{Condition, MockCall, MockOperation, MockServer, PagedOperation, Reply};

        /// Every method of the crate, to name the operation of a request no stub matched.
        fn routes() -> ::std::vec::Vec<&'static crate::runtime::mock::MockCall> {
            let mut routes = ::std::vec::Vec::new();
            #(#routes)*
            routes
        }

        #stub
    }
}

fn module_docs(example: Option<&str>, mock_name: &str) -> Vec<String> {
    let mut lines: Vec<String> = [
        " Typed mocks of the API, to test code that calls it without a network (the `mock` feature,",
        " off by default).",
        "",
        " [`MockAtlas::start`] starts an HTTP server on 127.0.0.1 and [`MockAtlas::client`] gives",
        " a [`Client`](crate::Client) pointed at it. `MockAtlas` has one method per client method,",
        " named alike, returning a [`Stub`]: set the parameters and body it matches (typed like the",
        " client's), what it answers (a typed body, an error document, a 429 with `Retry-After`,",
        " raw bytes, pages, or several answers in turn), how often it must be called, then `mount`",
        " it. Every stub also requires what the client must send: the route, the versioned `Accept`",
        " and the body's `Content-Type`, so a passing test proves the request is right.",
        "",
        " A request no stub matches is answered 501 with an error document naming the operation",
        " and what differed, and fails the test when the mock is verified ([`MockAtlas::verify`])",
        " or dropped; so does a stub called a different number of times than it expects.",
    ]
    .map(|line| line.replace("MockAtlas", mock_name))
    .to_vec();
    if let Some(example) = example {
        lines.push(String::new());
        lines.extend(
            example
                .lines()
                .map(|line| format!(" {line}").trim_end().to_owned()),
        );
    }
    lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                " ".to_owned()
            } else {
                l.clone()
            }
        })
        .collect()
}
