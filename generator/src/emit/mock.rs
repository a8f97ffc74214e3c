//! The `mock` module (the `mock` feature): `MockAtlas` (`MockApi` for another API), an in-process server with a client
//! pointed at it, and one typed stub per client method, read from the same plan as the client.
//! The items are the runtime's macros' (`runtime::mock::api!` and `runtime::mock::operation!`,
//! in `generator/runtime/src/mock/macros.rs`): this module prints one call per method, listing
//! what differs between methods (its route, media types, body and answer types, and each
//! parameter's setter with the encoding the client uses for it).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::operations::{Call, ParamSlot};
use super::rust_types::{ident, tokens};
use super::scope::Scope;
use crate::plan::{Answer, Encoding, Feature, FormPlan, Method, Plan};
use crate::wire::ParameterLocation;

/// `src/mock/mod.rs` and one file per tag, as (path, tokens); the module is declared behind the
/// `mock` feature in `lib.rs`.
pub fn mock_files(model: &Plan<'_>, doc_example: Option<&str>) -> Vec<(String, String)> {
    let mut declarations = Vec::new();
    let mut routes = Vec::new();
    let mut files = Vec::new();
    for feature in &model.features {
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
        let path = format!("src/mock/{}.rs", feature.module);
        let file = feature_file(&path, model, feature);
        files.push((path, file));
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

/// The stubs of one tag's methods, their route table, and the imports of the types they name.
fn feature_file(path: &str, model: &Plan<'_>, feature: &Feature) -> String {
    let plans: Vec<_> = (model.operations.iter())
        .filter(|p| p.feature == feature.id)
        .collect();
    // The markers are named as the builders are.
    let markers = plans
        .iter()
        .flat_map(|plan| &plan.methods)
        .map(|m| m.builder.as_str());
    let scope = Scope::new(path, &model.defined_names, markers.chain(["ROUTES"]));
    let mut stubs = Vec::new();
    for plan in plans {
        for method in &plan.methods {
            stubs.push(StubCall::new(&Call::new(&scope, model, plan, method)));
        }
    }
    let markers = stubs.iter().map(|stub| &stub.marker);
    let mock = ident(&model.profile.mock_name);
    let calls = stubs.iter().map(|stub| stub.tokens(&mock));
    let doc = format!(" Stubs of the operations tagged {}.", feature.tag);
    let (mock_call, mock_operation) = (
        scope.path("crate::runtime::mock::MockCall"),
        scope.path("crate::runtime::mock::MockOperation"),
    );
    let items = quote! {
        /// The methods of this tag, to name the operation of a request no stub matched.
        pub(super) const ROUTES: &[&#mock_call] = &[#(&<#markers as #mock_operation>::CALL),*];

        #(#calls)*
    };
    scope.file(&quote!(#![doc = #doc]).to_string(), &items.to_string())
}

/// What one method's `operation!` call says: each part is one entry of the call.
struct StubCall {
    marker: Ident,
    stub: TokenStream,
    operation_id: String,
    route: TokenStream,
    body: Option<BodyEntry>,
    body_type: TokenStream,
    accept: String,
    pages: Option<(TokenStream, String, String)>,
    status: u16,
    response: TokenStream,
    setters: Vec<Setter>,
}

/// How the call names the request body: `body: "media/type" Type`; `form: Type` for a
/// multipart form, whose `Content-Type` carries a boundary drawn for each request; `raw: Type`
/// for a body sent as it is, which may name its own type.
enum BodyEntry {
    Body(String),
    Form,
    Raw,
}

/// One parameter's setter: `name: location "wireName" Type as encoding`.
struct Setter {
    name: Ident,
    location: Ident,
    wire: String,
    ty: TokenStream,
    encoding: TokenStream,
}

impl StubCall {
    fn new(call: &Call<'_>) -> Self {
        let (endpoint, method) = (&call.plan.endpoint, call.method);
        let method_ident = ident(&method.rust_name);
        // A keyword's raw identifier (`r#match`) is named without its prefix in docs and messages.
        let stub = match method.rust_name.strip_prefix("r#") {
            Some(name) => quote!(#method_ident as #name),
            None => quote!(#method_ident),
        };
        let http = ident(endpoint.http_method.as_str());
        let template = &endpoint.template;
        let module = &call.model.feature(call.plan.feature).module;
        let pages = call.method.pagination.as_ref().map(|pagination| {
            let item = tokens(call.scope, &pagination.item_type);
            let page = &call.plan.parameters[pagination.page_parameter].api_name;
            (item, pagination.results_name.clone(), page.clone())
        });
        StubCall {
            marker: ident(&method.builder),
            stub,
            operation_id: call.plan.operation_id.clone(),
            route: quote!(#http #template),
            body: method.body.as_ref().map(|body| match method.form {
                Some(FormPlan::Multipart(_)) => BodyEntry::Form,
                Some(FormPlan::Raw { .. }) => BodyEntry::Raw,
                _ => BodyEntry::Body(body.media_type.clone()),
            }),
            body_type: call.body_type().unwrap_or_else(|| quote!(())),
            accept: method.accept.clone(),
            pages,
            status: method.success_status,
            response: response_type(call.scope, method, module),
            setters: (call.slots.iter().enumerate())
                .filter_map(|(index, slot)| Setter::new(call, index, slot))
                .collect(),
        }
    }

    /// `crate::runtime::mock::operation!(Marker { ... });`, its types written as the file's
    /// scope wrote them.
    fn tokens(&self, mock: &Ident) -> TokenStream {
        let (marker, stub, operation_id, route) =
            (&self.marker, &self.stub, &self.operation_id, &self.route);
        let body = self.body.as_ref().map(|entry| {
            let ty = &self.body_type;
            match entry {
                BodyEntry::Form => quote!(form: #ty,),
                BodyEntry::Raw => quote!(raw: #ty,),
                BodyEntry::Body(media_type) => quote!(body: #media_type #ty,),
            }
        });
        let pages = (self.pages.as_ref())
            .map(|(item, results, page)| quote!(pages: #item as #results by #page,));
        let (accept, status) = (
            &self.accept,
            proc_macro2::Literal::u16_unsuffixed(self.status),
        );
        let response = &self.response;
        let setters = self.setters.iter().map(Setter::tokens);
        quote! {
            crate::runtime::mock::operation!(#marker {
                stub: #mock::#stub,
                operation_id: #operation_id,
                route: #route,
                #body
                accept: #accept,
                #pages
                response: #status #response
                #(, #setters)*
            });
        }
    }
}

impl Setter {
    /// The setter of a parameter sent in the path, query or a header (a cookie has none).
    fn new(call: &Call<'_>, index: usize, slot: &ParamSlot<'_>) -> Option<Self> {
        let location = match slot.parameter.location {
            ParameterLocation::Cookie => return None,
            location => ident(location.as_str()),
        };
        let encoding = match slot.parameter.encoding {
            _ if slot.into() => quote!(string),
            encoding if slot.repeated() => {
                let keyword = keyword(encoding);
                quote!(each #keyword)
            }
            encoding => {
                let keyword = keyword(encoding);
                quote!(#keyword)
            }
        };
        Some(Setter {
            name: ident(&call.plan.parameters[index].mock_setter),
            location,
            wire: slot.parameter.api_name.clone(),
            ty: slot.accepted(),
            encoding,
        })
    }

    fn tokens(&self) -> TokenStream {
        let (name, location, wire, encoding, ty) = (
            &self.name,
            &self.location,
            &self.wire,
            &self.encoding,
            &self.ty,
        );
        quote!(#name: #location #wire #ty as #encoding)
    }
}

/// The runtime macro's name for an encoding (see `operation!`'s docs).
fn keyword(encoding: Encoding) -> Ident {
    ident(match encoding {
        Encoding::AsStr => "str",
        Encoding::Display => "text",
        Encoding::Rfc3339 => "rfc3339",
        Encoding::Expose => "secret",
        Encoding::Json => "json",
    })
}

/// The type of a plain success's body: what `respond` takes.
fn response_type(scope: &Scope<'_>, method: &Method<'_>, module: &str) -> TokenStream {
    match &method.answer {
        Answer::Empty => quote!(()),
        Answer::Bytes => scope.path("::bytes::Bytes"),
        Answer::Text => scope.path("::std::string::String"),
        Answer::Json(ty) => tokens(scope, ty),
        Answer::ByStatus { enum_name, .. } => {
            scope.path(&format!("crate::operations::{module}::{enum_name}"))
        }
    }
}

/// `src/mock/mod.rs`: the module docs, `MockAtlas`, the crate's `Stub` and the route table.
fn module_root(
    declarations: &[TokenStream],
    routes: &[TokenStream],
    example: Option<&str>,
    mock_name: &str,
) -> TokenStream {
    let docs = module_docs(example, mock_name);
    let mock = ident(mock_name);
    quote! {
        #(#![doc = #docs])*

        #(#declarations)*

        pub use crate::runtime::mock::{Condition, MockCall, MockOperation, MockServer, PagedOperation, Reply};

        // `MockCall` and `MockServer` (below) are in scope through the `pub use` above.
        /// Every method of the crate, to name the operation of a request no stub matched.
        fn routes() -> Vec<&'static MockCall> {
            let mut routes = Vec::new();
            #(#routes)*
            routes
        }

        /// The mock API: a server on 127.0.0.1 and the stubs mounted on it.
        #[derive(Debug)]
        pub struct #mock {
            server: MockServer,
        }

        crate::runtime::mock::api!(#mock, routes);
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
