//! Operations: for each operation and API version, a method on `Client` that takes the required
//! values and returns a request builder, whose setters take the optional ones and whose `send`
//! performs the call. One module per tag, so a tag's operations can later sit behind a feature.
//!
//! Builder fields for parameters use the parameters' Rust names; the builder's own fields end in
//! `_` (`client_`, `body_`), which no name from the names module does, so they cannot clash.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_paragraphs;
use super::model::{EmitModel, View};
use super::operation_docs::{cli_alias, deprecation, method_docs, query_encoding_note};
use super::pagination;
use super::responses;
use super::rust_types::{ident, rust_type};
use super::versions::{exchanges, Exchange};
use crate::ir::{Format, Operation, Parameter, ParameterLocation, PathSegment, TypeKind, TypeRef};

/// The operation modules, as (path, tokens): `src/operations/mod.rs` and one file per feature
/// (tag), each compiled only when its feature is on.
pub fn operations(model: &EmitModel<'_>) -> Vec<(String, String)> {
    let mut declarations = Vec::new();
    let mut files = Vec::new();
    for feature in &model.features {
        let operations = model
            .api
            .operations
            .iter()
            .filter(|o| model.feature_of(o).name == feature.name);
        // As text, like the types: a large spec's token trees are heavy.
        let items: Vec<String> = operations
            .map(|o| operation(model, o).to_string())
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
        files.push((
            format!("src/operations/{}.rs", feature.module),
            format!("{head}\n{}", items.join("\n")),
        ));
    }
    files.insert(
        0,
        (
            "src/operations/mod.rs".to_owned(),
            quote! {
                //! Request builders, one module per tag, each behind the tag's cargo feature. The
                //! methods that create them are on [`Client`](crate::Client).
                #(#declarations)*
            }
            .to_string(),
        ),
    );
    files
}

fn operation(model: &EmitModel<'_>, operation: &Operation) -> TokenStream {
    let items = exchanges(operation)
        .into_iter()
        .map(|exchange| version(model, operation, &exchange));
    quote!(#(#items)*)
}

/// How a parameter value is held and accepted.
pub(super) struct ParamPlan<'a> {
    pub(super) parameter: &'a Parameter,
    field: proc_macro2::Ident,
    /// The type stored in the builder.
    stored: TokenStream,
    /// The type a method accepts (may be `impl Into<...>`).
    accepted: TokenStream,
    /// Whether the accepted value needs `.into()` to become the stored one.
    into: bool,
    pub(super) newtype: bool,
}

fn plan_param<'a>(model: &EmitModel<'_>, parameter: &'a Parameter) -> ParamPlan<'a> {
    let field = ident(&parameter.rust_name);
    if let Some(newtype) = model.param_type(parameter) {
        let name = ident(&newtype.rust_name);
        return ParamPlan {
            parameter,
            field,
            stored: quote!(crate::params::#name),
            accepted: quote!(crate::params::#name),
            into: false,
            newtype: true,
        };
    }
    let stored = rust_type(model, &parameter.ty, View::Request);
    let (accepted, into) = match parameter.ty {
        TypeRef::String { format: None } => (
            quote!(impl ::std::convert::Into<::std::string::String>),
            true,
        ),
        _ => (stored.clone(), false),
    };
    ParamPlan {
        parameter,
        field,
        stored,
        accepted,
        into,
        newtype: false,
    }
}

fn version(model: &EmitModel<'_>, operation: &Operation, exchange: &Exchange<'_>) -> TokenStream {
    let (method_name, builder_name) = model.exchange_names(operation, exchange.suffix.as_deref());
    let method_ident = ident(&method_name);
    let builder = ident(&builder_name);
    let camel_allow = builder_name
        .contains('_')
        .then(|| quote!(#[allow(non_camel_case_types)]));

    let plans: Vec<ParamPlan<'_>> = operation
        .parameters
        .iter()
        .map(|p| plan_param(model, p))
        .collect();
    let (mut required, optional): (Vec<&ParamPlan<'_>>, Vec<&ParamPlan<'_>>) =
        plans.iter().partition(|p| p.parameter.required);
    // Path parameters come first, in the order the path has them, so arguments read like the URL.
    required.sort_by_key(|plan| path_position(operation, plan.parameter));

    // The body, if this version has one.
    let body_type = exchange
        .request
        .and_then(|c| c.schema.as_ref())
        .filter(|_| exchange.request.is_some_and(|c| c.media_type.is_json()))
        .map(|schema| rust_type(model, schema, View::Request));
    let body_required = operation.request_body.as_ref().is_some_and(|b| b.required);
    let body_arg_name = if plans.iter().any(|p| p.parameter.rust_name == "body") {
        format_ident!("request_body")
    } else {
        format_ident!("body")
    };

    // Response decoding.
    let (response_type, decode, response_enum) =
        responses::decoding(model, exchange, &builder_name);
    let error_documents = responses::error_documents(model, operation);

    // Builder fields and constructor.
    let mut fields = vec![
        quote!(client_: &'a crate::Client),
        quote!(headers_: crate::runtime::ExtraHeaders),
    ];
    let mut initialisers = vec![
        quote!(client_: self),
        quote!(headers_: ::std::default::Default::default()),
    ];
    let mut args = Vec::new();
    for plan in &required {
        let (field, stored, accepted) = (&plan.field, &plan.stored, &plan.accepted);
        fields.push(quote!(#field: #stored));
        args.push(quote!(#field: #accepted));
        initialisers.push(if plan.into {
            quote!(#field: #field.into())
        } else {
            quote!(#field)
        });
    }
    for plan in &optional {
        let (field, stored) = (&plan.field, &plan.stored);
        fields.push(quote!(#field: ::std::option::Option<#stored>));
        initialisers.push(quote!(#field: ::std::option::Option::None));
    }
    let mut setters = vec![header_setter()];
    if let Some(body_type) = &body_type {
        if body_required {
            fields.push(quote!(body_: #body_type));
            args.push(quote!(#body_arg_name: #body_type));
            initialisers.push(quote!(body_: #body_arg_name));
        } else {
            fields.push(quote!(body_: ::std::option::Option<#body_type>));
            initialisers.push(quote!(body_: ::std::option::Option::None));
            setters.push(quote! {
                /// Sets the request body.
                pub fn body(mut self, value: #body_type) -> Self {
                    self.body_ = ::std::option::Option::Some(value);
                    self
                }
            });
        }
    }
    let retry_opt_in = !operation.method.is_idempotent();
    if retry_opt_in {
        fields.push(quote!(retry_non_idempotent_: bool));
        initialisers.push(quote!(retry_non_idempotent_: false));
        setters.push(quote! {
            /// Lets the client retry this request after a 429, a 503 or a connection failure.
            /// Off by default because the method is not idempotent: only turn it on when sending
            /// the request twice cannot do harm.
            pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
                self.retry_non_idempotent_ = allow;
                self
            }
        });
    }
    for plan in &optional {
        let (field, accepted) = (&plan.field, &plan.accepted);
        let value = if plan.into {
            quote!(value.into())
        } else {
            quote!(value)
        };
        let default_note = plan.parameter.constraints.default.as_ref().map(|d| {
            format!("When not set, nothing is sent and the server's default (`{d}`) applies.")
        });
        let flag_note = (plan.parameter.transport_flag == Some(crate::ir::TransportFlag::Envelope)).then_some(
            "The client unwraps the envelope, so the result and errors are the same either way.",
        );
        let encoding_note = query_encoding_note(plan);
        // The crate denies missing docs, so a setter with nothing else to say still gets a line.
        let fallback =
            (plan.parameter.description.is_none() && default_note.is_none() && flag_note.is_none())
                .then(|| format!("Sets `{}`.", plan.parameter.name));
        let docs = doc_paragraphs([
            plan.parameter.description.as_deref(),
            default_note.as_deref(),
            flag_note,
            encoding_note,
            fallback.as_deref(),
        ]);
        setters.push(quote! {
            #docs
            pub fn #field(mut self, value: #accepted) -> Self {
                self.#field = ::std::option::Option::Some(#value);
                self
            }
        });
    }

    // The request itself.
    let path_pushes = operation.path.segments.iter().map(|segment| match segment {
        PathSegment::Literal(text) => match text.chars().collect::<Vec<_>>().as_slice() {
            [one] => quote!(path.push(#one);),
            _ => quote!(path.push_str(#text);),
        },
        PathSegment::Parameter(name) => {
            let plan = plans.iter().find(|p| &p.parameter.name == name);
            match plan {
                Some(plan) => {
                    let field = &plan.field;
                    let text = value_text(model, plan, quote!(self.#field)).as_str_ref();
                    quote!(path.push_str(&crate::runtime::encode_path_segment(#text));)
                }
                None => quote!(path.push_str(#name);),
            }
        }
    });
    let query_pushes = value_pushes(
        model,
        &plans,
        ParameterLocation::Query,
        quote!(request.query),
    );
    let header_pushes = value_pushes(
        model,
        &plans,
        ParameterLocation::Header,
        quote!(request.headers),
    );
    let cookie_statement = cookie_statement(value_pushes(
        model,
        &plans,
        ParameterLocation::Cookie,
        quote!(cookies_),
    ));
    let content_type = exchange.request.map(|c| c.media_type.raw.clone());
    let body_is_validated = exchange
        .request
        .and_then(|c| c.schema.as_ref())
        .is_some_and(
            |schema| matches!(schema, TypeRef::Named { name } if model.has_validate(name)),
        );
    let validate_statement = match (body_is_validated, body_required) {
        (false, _) => quote!(),
        (true, true) => quote!(self.body_.validate()?;),
        (true, false) => quote! {
            if let ::std::option::Option::Some(body) = &self.body_ {
                body.validate()?;
            }
        },
    };
    let body_statement = match (&body_type, content_type) {
        (Some(_), Some(content_type)) if body_required => quote! {
            request.body = ::std::option::Option::Some(
                crate::runtime::RequestBody::json(#content_type, &self.body_).map_err(crate::Error::Encode)?,
            );
        },
        (Some(_), Some(content_type)) => quote! {
            if let ::std::option::Option::Some(body) = &self.body_ {
                request.body = ::std::option::Option::Some(
                    crate::runtime::RequestBody::json(#content_type, body).map_err(crate::Error::Encode)?,
                );
            }
        },
        _ => quote!(),
    };
    let retry_statement =
        retry_opt_in.then(|| quote!(request.retry_non_idempotent = self.retry_non_idempotent_;));
    let http_method = format_ident!("{}", operation.method.as_str());
    let operation_id = &operation.operation_id;
    let template = &operation.path.template;
    let accept = &exchange.accept;

    let stream = pagination::stream_method(model, operation, exchange, &builder);
    let deprecated = deprecation(operation, exchange);
    let method_docs = method_docs(operation, exchange);
    let alias = cli_alias(operation);
    let method_text = unraw_str(&method_name);
    let builder_doc =
        format!(" The request built by [`Client::{method_text}`](crate::Client::{method_text}).");
    let send_doc = format!(
        " Sends the request: `{} {}` with `Accept: {}`.",
        operation.method.as_str(),
        template,
        accept
    );

    quote! {
        impl crate::Client {
            #method_docs
            #alias
            #deprecated
            pub fn #method_ident(&self, #(#args),*) -> #builder<'_> {
                #builder { #(#initialisers),* }
            }
        }

        #[doc = #builder_doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until `send` is awaited"]
        #camel_allow
        pub struct #builder<'a> {
            #(#fields,)*
        }

        impl #builder<'_> {
            #(#setters)*

            #[doc = #send_doc]
            pub async fn send(self) -> ::std::result::Result<crate::runtime::ApiResponse<#response_type>, crate::Error> {
                #validate_statement
                let extra_headers = self.headers_.into_checked()?;
                let mut path = ::std::string::String::new();
                #(#path_pushes)*
                let mut request = crate::runtime::RequestSpec::new(
                    ::reqwest::Method::#http_method,
                    #operation_id,
                    #template,
                    path,
                    #accept,
                );
                #(#query_pushes)*
                #(#header_pushes)*
                request.extra_headers = extra_headers;
                #cookie_statement
                #body_statement
                #retry_statement
                let response = self.client_.transport().execute(request).await?;
                #error_documents
                #decode
            }
        }

        #response_enum
        #stream
    }
}

/// `.header(name, value)`, which every builder has; the checks are the runtime's `ExtraHeaders`.
fn header_setter() -> TokenStream {
    quote! {
        /// Adds a header to this call only, such as `Prefer` or a correlation id; call it again
        /// for more. Headers the client sets itself (`Authorization`, `Accept`, `Content-Type`,
        /// `User-Agent`, `Host`, `Content-Length`, `Transfer-Encoding`, `Connection`) are refused,
        /// as are invalid names and values: `send` then fails with
        /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) before anything is sent.
        pub fn header<V>(mut self, name: impl ::std::convert::AsRef<str>, value: V) -> Self
        where
            ::reqwest::header::HeaderValue: ::std::convert::TryFrom<V>,
        {
            self.headers_.add(name.as_ref(), value);
            self
        }
    }
}

/// Statements pushing the parameters sent in `location` into `list` (query or headers),
/// optional ones only when set.
fn value_pushes(
    model: &EmitModel<'_>,
    plans: &[ParamPlan<'_>],
    location: ParameterLocation,
    list: TokenStream,
) -> Vec<TokenStream> {
    plans
        .iter()
        .filter(|p| p.parameter.location == location)
        .map(|plan| {
            let field = &plan.field;
            let push = push_value(model, plan, list.clone(), &plan.parameter.name);
            if plan.parameter.required {
                quote! { { let value = &self.#field; #push } }
            } else {
                quote! { if let ::std::option::Option::Some(value) = &self.#field { #push } }
            }
        })
        .collect()
}

/// The statements sending the cookie parameters that are set, all in one `Cookie` header (a
/// request has one); nothing when the operation has none.
fn cookie_statement(pushes: Vec<TokenStream>) -> Option<TokenStream> {
    if pushes.is_empty() {
        return None;
    }
    Some(quote! {
        let mut cookies_: ::std::vec::Vec<(&'static str, ::std::string::String)> = ::std::vec::Vec::new();
        #(#pushes)*
        if let ::std::option::Option::Some(cookie) = crate::runtime::cookie_header(&cookies_) {
            request.headers.push(("Cookie", cookie));
        }
    })
}

/// Where a parameter is in the path template; parameters not in the path sort after all that are.
fn path_position(operation: &Operation, parameter: &Parameter) -> usize {
    operation
        .path
        .segments
        .iter()
        .position(|s| matches!(s, PathSegment::Parameter(name) if name == &parameter.name))
        .unwrap_or(usize::MAX)
}

fn unraw_str(name: &str) -> &str {
    name.trim_start_matches("r#")
}

/// An expression giving the text of a value: borrowed (`&str`) or owned (`String`).
enum Text {
    Borrowed(TokenStream),
    Owned(TokenStream),
}

impl Text {
    /// The text as a `&str` expression.
    fn as_str_ref(&self) -> TokenStream {
        match self {
            Text::Borrowed(expr) => expr.clone(),
            Text::Owned(expr) => quote!(&#expr),
        }
    }

    /// The text as a `String` expression.
    fn into_owned(self) -> TokenStream {
        match self {
            Text::Borrowed(expr) => quote!(::std::borrow::ToOwned::to_owned(#expr)),
            Text::Owned(expr) => expr,
        }
    }
}

/// The text of the single value held at `place` (a place expression).
fn value_text(model: &EmitModel<'_>, plan: &ParamPlan<'_>, place: TokenStream) -> Text {
    if plan.newtype {
        return Text::Borrowed(quote!(#place.as_str()));
    }
    scalar_text(model, &plan.parameter.ty, place)
}

fn scalar_text(model: &EmitModel<'_>, ty: &TypeRef, place: TokenStream) -> Text {
    match ty {
        TypeRef::String {
            format: Some(Format::DateTime),
        } => Text::Owned(quote!(#place.to_rfc3339_opts(::chrono::SecondsFormat::AutoSi, true))),
        TypeRef::String {
            format: Some(Format::Date),
        } => Text::Owned(quote!(#place.to_string())),
        TypeRef::String {
            format: Some(Format::Password),
        } => Text::Borrowed(quote!(#place.expose())),
        TypeRef::String { .. } => Text::Borrowed(quote!(#place.as_str())),
        TypeRef::Named { name } => match model.type_def(name).map(|d| &d.kind) {
            Some(TypeKind::Enum { .. }) => Text::Borrowed(quote!(#place.as_str())),
            Some(TypeKind::Alias { target, .. }) if !matches!(target, TypeRef::Array { .. }) => {
                scalar_text(model, target, place)
            }
            _ => Text::Owned(quote!(::serde_json::to_string(&#place).unwrap_or_default())),
        },
        TypeRef::Boolean | TypeRef::Integer { .. } | TypeRef::Number { .. } => {
            Text::Owned(quote!(#place.to_string()))
        }
        _ => Text::Owned(quote!(::serde_json::to_string(&#place).unwrap_or_default())),
    }
}

/// Statements pushing `value` (a reference) as `name` into `list`; arrays repeat the name
/// (`form` style with `explode`, the OpenAPI default for query parameters).
fn push_value(
    model: &EmitModel<'_>,
    plan: &ParamPlan<'_>,
    list: TokenStream,
    name: &str,
) -> TokenStream {
    if let (false, TypeRef::Array { items }) = (plan.newtype, &plan.parameter.ty) {
        let text = scalar_text(model, items, quote!(item)).into_owned();
        return quote! {
            for item in value.iter() {
                #list.push((#name, #text));
            }
        };
    }
    let text = value_text(model, plan, quote!(value)).into_owned();
    quote!(#list.push((#name, #text));)
}
