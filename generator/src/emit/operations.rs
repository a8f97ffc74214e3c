//! Operations: for each method the plan gives (one per operation, API version and format), a
//! method on `Client` that takes the required values and returns a request builder, whose
//! setters take the optional ones and whose `send` (see `request`) performs the call. One module
//! per tag, so a tag's operations sit behind its feature.
//!
//! Builder fields for parameters use the parameters' Rust names; the builder's own fields end in
//! `_` (`client_`, `body_`), which no name from the names module does, so they cannot clash.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use super::operation_docs::{cli_alias, deprecation, method_docs};
use super::pagination;
use super::request::send_method;
use super::responses;
use super::rust_types::{ident, tokens};
use super::scope::{Prelude, Scope};
use crate::plan::{FormPlan, Method, OperationPlan, ParameterPlan, Plan, ShimTarget};

/// The operation modules, as (path, tokens): `src/operations/mod.rs` and one file per feature
/// (tag), each compiled only when its feature is on.
pub fn operations(model: &Plan<'_>) -> Vec<(String, String)> {
    let mut declarations = Vec::new();
    let mut files = Vec::new();
    for feature in &model.features {
        // As text, like the types: a large spec's token trees are heavy.
        let path = format!("src/operations/{}.rs", feature.module);
        let plans: Vec<&OperationPlan<'_>> = (model.operations.iter())
            .filter(|plan| plan.feature == feature.id)
            .collect();
        let scope = Scope::new(&path, &model.defined_names, own_names(model, &plans));
        let items: Vec<String> = (plans.iter())
            .map(|plan| operation_methods(&scope, model, plan).to_string())
            .collect();
        let module = ident(&feature.module);
        let name = &feature.name;
        let doc = format!(" The operations tagged {} (feature `{name}`).", feature.tag);
        declarations.push(quote! {
            #[doc = #doc]
            #[cfg(feature = #name)]
            pub mod #module;
        });
        let head = quote!(#![doc = #doc]).to_string();
        files.push((path, scope.file(&head, &items.join("\n"))));
    }
    let shared_setters = super::setters::shared_setter_macros(model);
    files.insert(
        0,
        (
            "src/operations/mod.rs".to_owned(),
            quote! {
                //! Request builders, one module per tag, each behind the tag's cargo feature. The
                //! methods that create them are on [`Client`](crate::Client).
                #(#shared_setters)*
                #(#declarations)*
            }
            .to_string(),
        ),
    );
    files
}

fn operation_methods(scope: &Scope<'_>, model: &Plan<'_>, plan: &OperationPlan<'_>) -> TokenStream {
    let calls: Vec<Call<'_>> = (plan.methods.iter())
        .map(|method| Call::new(scope, model, plan, method))
        .collect();
    let shared = (plan.shared_builder.as_ref())
        .zip(calls.first())
        .map(|(shared, call)| super::shared_builder::shared_builder(call, shared));
    let items = calls.iter().map(method_items);
    quote!(#shared #(#items)*)
}

/// The names an operations module defines: its builders, answer enums and form types, and
/// their old names (`plan::Shim`).
fn own_names<'p>(model: &'p Plan<'_>, plans: &[&'p OperationPlan<'_>]) -> Vec<&'p str> {
    let mut names = Vec::new();
    // A shared builder's type parameters: a spec type of the same name is written by path.
    if plans.iter().any(|plan| plan.shared_builder.is_some()) {
        names.extend(["V", "B"]);
    }
    for method in plans.iter().flat_map(|plan| &plan.methods) {
        names.push(method.builder.as_str());
        names.extend(method.answer.enum_name());
        if let Some(FormPlan::Multipart(form)) = &method.form {
            names.push(form.type_name.as_str());
        }
        for shim in &model.shims {
            let renamed = match &shim.target {
                ShimTarget::Builder(new) => *new == method.builder,
                ShimTarget::ResponseEnum(new) => Some(new.as_str()) == method.answer.enum_name(),
                _ => false,
            };
            if renamed {
                names.push(shim.old.as_str());
            }
        }
    }
    names
}

/// One method being printed: the operation's plan, and how each parameter is held.
pub(super) struct Call<'a> {
    /// The scope of the file being printed.
    pub(super) scope: &'a Scope<'a>,
    pub(super) model: &'a Plan<'a>,
    pub(super) plan: &'a OperationPlan<'a>,
    pub(super) method: &'a Method<'a>,
    /// The parameters, in the spec's order (which query strings and headers keep).
    pub(super) slots: Vec<ParamSlot<'a>>,
}

impl<'a> Call<'a> {
    pub(super) fn new(
        scope: &'a Scope<'a>,
        model: &'a Plan<'a>,
        plan: &'a OperationPlan<'a>,
        method: &'a Method<'a>,
    ) -> Self {
        let slots = (plan.parameters.iter())
            .map(|parameter| ParamSlot::new(scope, parameter))
            .collect();
        Call {
            scope,
            model,
            plan,
            method,
            slots,
        }
    }

    /// The parameters in the order the method takes them: see `OperationPlan::argument_order`.
    fn arguments(&self) -> impl Iterator<Item = &ParamSlot<'a>> {
        self.plan
            .argument_order
            .iter()
            .map(|&index| &self.slots[index])
    }

    /// The body's Rust type, when this method sends a body (`plan::BodyShape::ty`).
    pub(super) fn body_type(&self) -> Option<TokenStream> {
        let ty = self.method.body.as_ref()?.ty.as_ref()?;
        Some(tokens(self.scope, ty))
    }

    /// Whether this method sends a typed body (without writing its type).
    pub(super) fn has_body(&self) -> bool {
        self.method
            .body
            .as_ref()
            .is_some_and(|body| body.ty.is_some())
    }

    /// A doc link to the method on `Client`.
    pub(super) fn client_link(&self) -> String {
        let shown = self.method.rust_name.trim_start_matches("r#");
        self.scope.link(
            &format!("Client::{shown}"),
            &format!("crate::Client::{shown}"),
        )
    }

    /// Whether the body is a required argument (else it is set with `.body(...)`).
    pub(super) fn body_required(&self) -> bool {
        self.method.body.as_ref().is_some_and(|b| b.required)
    }
}

/// How a parameter value is held in the builder and accepted by the method or setter.
pub(super) struct ParamSlot<'a> {
    pub(super) parameter: &'a ParameterPlan,
    pub(super) field: proc_macro2::Ident,
    scope: &'a Scope<'a>,
}

impl<'a> ParamSlot<'a> {
    fn new(scope: &'a Scope<'a>, parameter: &'a ParameterPlan) -> Self {
        ParamSlot {
            parameter,
            field: ident(&parameter.rust_name),
            scope,
        }
    }

    /// The type stored in the builder (written when asked for: a file imports only what it
    /// prints).
    pub(super) fn stored(&self) -> TokenStream {
        tokens(self.scope, &self.parameter.stored)
    }

    /// The type a method accepts (may be `impl Into<...>`).
    pub(super) fn accepted(&self) -> TokenStream {
        match self.parameter.into_string {
            true => {
                let Prelude { into, string, .. } = self.scope.prelude();
                quote!(impl #into<#string>)
            }
            false => self.stored(),
        }
    }

    /// Whether the accepted value needs `.into()` to become the stored one.
    pub(super) fn into(&self) -> bool {
        self.parameter.into_string
    }

    /// Whether the value is held in a validated newtype.
    pub(super) fn newtype(&self) -> bool {
        self.parameter.newtype.is_some()
    }

    /// Whether the value is an array sent as repeated values, one per item (`form` style with
    /// `explode`, the OpenAPI default for query parameters).
    pub(super) fn repeated(&self) -> bool {
        self.parameter.repeated.is_some()
    }
}

/// The client method, the builder (its own, or the alias of the shared one), its setters and
/// `send`, the response enum and `into_stream`.
fn method_items(call: &Call<'_>) -> TokenStream {
    let method = call.method;
    let builder = ident(&method.builder);
    let scope = call.scope;
    let (response_type, response_enum) = responses::answer_type(scope, method);
    let client_method = client_method(call);
    let (own_builder, setters) = match &call.plan.shared_builder {
        None => (Some(builder_struct(call)), setters(call, call.body_type())),
        Some(shared) => (super::shared_builder::alias(call, shared), Vec::new()),
    };
    let send = send_method(call, &response_type);
    let polling = super::polling::polling_methods(call, &response_type);
    let download = super::download::download_method(call);
    let builder_shims = builder_shims(call);
    let stream = pagination::stream_method(call, &builder);
    let form_type = match &method.form {
        Some(FormPlan::Multipart(form)) => Some(super::forms::form_type(
            scope,
            call.model,
            form,
            method.rust_name.trim_start_matches("r#"),
        )),
        _ => None,
    };
    quote! {
        #client_method

        #own_builder

        impl #builder<'_> {
            #(#setters)*

            #send

            #polling

            #download
        }

        #builder_shims
        #response_enum
        #stream
        #form_type
    }
}

/// The builder struct of a method that has its own.
fn builder_struct(call: &Call<'_>) -> TokenStream {
    let method = call.method;
    let builder = ident(&method.builder);
    let fields = builder_fields(call, call.body_type());
    let builder_doc = format!(" The request built by {}.", call.client_link());
    let camel_allow = camel_allow(&method.builder);
    quote! {
        #[doc = #builder_doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until `send` is awaited"]
        #camel_allow
        pub struct #builder<'a> {
            #(#fields,)*
        }
    }
}

/// `#[allow(non_camel_case_types)]` for a type name with an underscore (`GetThingV2023_01_01`).
pub(super) fn camel_allow(name: &str) -> Option<TokenStream> {
    name.contains('_')
        .then(|| quote!(#[allow(non_camel_case_types)]))
}

/// `impl Client { fn <method>(required values) -> Builder }`.
fn client_method(call: &Call<'_>) -> TokenStream {
    let (endpoint, method) = (&call.plan.endpoint, call.method);
    let method_ident = ident(&method.rust_name);
    let builder = ident(&method.builder);
    let required = call.arguments().filter(|s| s.parameter.required);
    let optional = call.arguments().filter(|s| !s.parameter.required);
    let mut args: Vec<TokenStream> = Vec::new();
    let Prelude { default, none, .. } = call.scope.prelude();
    let client = call.scope.path("crate::Client");
    let mut initialisers = vec![quote!(client_: self), quote!(headers_: #default::default())];
    for slot in required {
        let (field, accepted) = (&slot.field, slot.accepted());
        args.push(quote!(#field: #accepted));
        initialisers.push(match slot.into() {
            true => quote!(#field: #field.into()),
            false => quote!(#field),
        });
    }
    for slot in optional {
        let field = &slot.field;
        initialisers.push(quote!(#field: #none));
    }
    if let Some(body_type) = call.body_type() {
        if call.body_required() {
            let argument = ident(&call.plan.body_argument);
            args.push(quote!(#argument: #body_type));
            initialisers.push(quote!(body_: #argument));
        } else {
            initialisers.push(quote!(body_: #none));
        }
    }
    if !endpoint.is_idempotent() {
        initialisers.push(quote!(retry_non_idempotent_: false));
    }
    if call.plan.shared_builder.is_some() {
        let phantom = call.scope.path("::std::marker::PhantomData");
        initialisers.push(quote!(version_: #phantom));
    }
    let docs = method_docs(endpoint, method);
    let alias = cli_alias(endpoint);
    let authority = &call.model.profile.authority;
    let deprecated = deprecation(endpoint, method, call.plan.successor.as_ref(), authority);
    let shims = method_shims(call, &args);
    quote! {
        impl #client {
            #docs
            #alias
            #deprecated
            pub fn #method_ident(&self, #(#args),*) -> #builder<'_> {
                #builder { #(#initialisers),* }
            }

            #shims
        }
    }
}

/// The method's old names, kept one regeneration as deprecated forwarders taking the same
/// arguments (`plan::Shim`).
fn method_shims(call: &Call<'_>, args: &[TokenStream]) -> TokenStream {
    let method = call.method;
    let (new, builder) = (ident(&method.rust_name), ident(&method.builder));
    let names: Vec<TokenStream> = call
        .arguments()
        .filter(|s| s.parameter.required)
        .map(|s| s.field.to_token_stream())
        .chain(
            (call.has_body() && call.body_required())
                .then(|| ident(&call.plan.body_argument).to_token_stream()),
        )
        .collect();
    let shown = method.rust_name.trim_start_matches("r#");
    let forwarders = call
        .model
        .shims
        .iter()
        .filter_map(|shim| match &shim.target {
            ShimTarget::Method(target) if *target == method.rust_name => {
                let old = ident(&shim.old);
                let doc = format!(" The old name of [`Client::{shown}`], kept one regeneration.");
                let note = format!(
                    "renamed to `Client::{shown}`; the old name goes with the next regeneration"
                );
                Some(quote! {
                    #[doc = #doc]
                    #[deprecated(note = #note)]
                    pub fn #old(&self, #(#args),*) -> #builder<'_> {
                        self.#new(#(#names),*)
                    }
                })
            }
            _ => None,
        });
    quote!(#(#forwarders)*)
}

/// The builder's old names, kept one regeneration as deprecated aliases (`plan::Shim`).
fn builder_shims(call: &Call<'_>) -> TokenStream {
    let builder = &call.method.builder;
    let response_enum = call.method.answer.enum_name();
    let target = ident(builder);
    let aliases = call
        .model
        .shims
        .iter()
        .filter_map(|shim| match &shim.target {
            ShimTarget::Builder(new) if new == builder => {
                let old = ident(&shim.old);
                let doc = format!(" The old name of [`{builder}`], kept one regeneration.");
                let note =
                    format!("renamed to `{builder}`; the old name goes with the next regeneration");
                Some(quote! {
                    #[doc = #doc]
                    #[deprecated(note = #note)]
                    pub type #old<'a> = #target<'a>;
                })
            }
            ShimTarget::ResponseEnum(new) if Some(new.as_str()) == response_enum => {
                let (old, target) = (ident(&shim.old), ident(new));
                let doc = format!(" The old name of [`{new}`], kept one regeneration.");
                let note =
                    format!("renamed to `{new}`; the old name goes with the next regeneration");
                Some(quote! {
                    #[doc = #doc]
                    #[deprecated(note = #note)]
                    pub type #old = #target;
                })
            }
            _ => None,
        });
    quote!(#(#aliases)*)
}

/// The builder's fields: the client, extra headers, each parameter, the body (of type
/// `body_type`), the retry opt-in.
pub(super) fn builder_fields(call: &Call<'_>, body_type: Option<TokenStream>) -> Vec<TokenStream> {
    let scope = call.scope;
    let (client, headers) = (
        scope.path("crate::Client"),
        scope.path("crate::runtime::ExtraHeaders"),
    );
    let option = scope.path("::std::option::Option");
    let mut fields = vec![quote!(client_: &'a #client), quote!(headers_: #headers)];
    for slot in call.arguments() {
        let (field, stored) = (&slot.field, slot.stored());
        fields.push(if slot.parameter.required {
            quote!(#field: #stored)
        } else {
            quote!(#field: #option<#stored>)
        });
    }
    if let Some(body_type) = body_type {
        fields.push(if call.body_required() {
            quote!(body_: #body_type)
        } else {
            quote!(body_: #option<#body_type>)
        });
    }
    if !call.plan.endpoint.is_idempotent() {
        fields.push(quote!(retry_non_idempotent_: bool));
    }
    fields
}

/// `.header()`, `.body()` for an optional body (of type `body_type`), `.retry_non_idempotent()`
/// where it applies, and one setter per optional parameter.
pub(super) fn setters(call: &Call<'_>, body_type: Option<TokenStream>) -> Vec<TokenStream> {
    let mut setters = vec![header_setter()];
    if let (Some(body_type), false) = (body_type, call.body_required()) {
        setters.push(quote!(
            crate::runtime::body_method! { type Body = #body_type; }
        ));
    }
    if !call.plan.endpoint.is_idempotent() {
        setters.push(quote!(crate::runtime::retry_method!();));
    }
    let optional = call.arguments().filter(|s| !s.parameter.required);
    setters.extend(optional.map(|slot| super::setters::parameter_setter(call.scope, slot)));
    setters
}

/// `.header(name, value)`, which every builder has: the runtime's `header_method!` (the checks
/// are its `ExtraHeaders`).
fn header_setter() -> TokenStream {
    quote!(crate::runtime::header_method!();)
}
