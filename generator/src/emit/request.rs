//! The `send` method of a request builder: the path, query, headers, cookies and body of the
//! request, built from the builder's fields and handed to the runtime's transport.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::operations::{Call, ParamSlot};
use super::responses;
use super::scope::{Prelude, Scope};
use crate::plan::{Answer, Encoding, FormPlan, PathPiece};
use crate::wire::ParameterLocation;

/// `send`: checks the body, builds the request, executes it and decodes the answer.
pub(super) fn send_method(call: &Call<'_>, response_type: &TokenStream) -> TokenStream {
    let Call {
        model,
        plan,
        method,
        scope,
        ..
    } = *call;
    let endpoint = &plan.endpoint;
    let template = &endpoint.template;
    let accept = &method.accept;
    let error_documents = responses::error_documents(scope, model, plan);
    let send_doc = format!(
        " Sends the request: `{} {}` with `Accept: {}`.",
        endpoint.http_method.as_str(),
        template,
        accept
    );
    let streaming = matches!(method.answer, Answer::Bytes)
        .then(|| streaming_method(scope, error_documents.as_ref()));
    let into_request = into_request_method(call);
    // The common answers are decoded by the runtime's macro; the others here.
    let common = match (&error_documents, &method.answer) {
        (Some(_), _) | (None, Answer::ByStatus { .. }) => None,
        (None, Answer::Json(_)) => Some(quote!(json)),
        (None, Answer::Empty) => Some(quote!(empty)),
        (None, Answer::Bytes) => Some(quote!(bytes)),
        (None, Answer::Text) => Some(quote!(text)),
    };
    let send = match common {
        Some(kind) => quote! {
            crate::runtime::send_method! {
                #[doc = #send_doc]
                type Answer = #response_type;
                type Decode = #kind;
            }
        },
        None => {
            let decode = responses::decoding(scope, method);
            let result = scope.path("::std::result::Result");
            let (raw, api_response, error) = (
                scope.path("crate::runtime::RawResponse"),
                scope.path("crate::runtime::ApiResponse"),
                scope.path("crate::Error"),
            );
            quote! {
                crate::runtime::send_method! {
                    #[doc = #send_doc]
                    type Answer = #response_type;
                }

                /// What `send` makes of an answer (public to replay recorded answers).
                #[doc(hidden)]
                pub fn decode_answer(response: #raw) -> #result<#api_response<#response_type>, #error> {
                    #error_documents
                    #decode
                }
            }
        }
    };
    quote! {
        #send

        #streaming

        #into_request
    }
}

/// `into_request`: the request `send` makes, built from the builder's fields and checked. A
/// version of a shared builder builds it with the shared `request_` ([`shared_request_method`])
/// and adds its body.
fn into_request_method(call: &Call<'_>) -> TokenStream {
    let scope = call.scope;
    let Prelude { result, ok, .. } = scope.prelude();
    let (request_spec, error) = (
        scope.path("crate::runtime::RequestSpec"),
        scope.path("crate::Error"),
    );
    let validate_statement = validate_statement(call);
    let body_statement = body_statement(call);
    let accept = &call.method.accept;
    let doc = quote! {
        /// The request `send` makes, built and checked but not sent (the command line sends it
        /// too, and reads the answer its own way).
    };
    if call.plan.shared_builder.is_none() {
        let request =
            request_statements(call, quote!(self.headers_), quote!(#accept), body_statement);
        return quote! {
            #doc
            pub(crate) fn into_request(self) -> #result<#request_spec, #error> {
                #validate_statement
                #request
                #ok(request)
            }
        };
    }
    if validate_statement.is_empty() && body_statement.is_empty() {
        return quote! {
            #doc
            pub(crate) fn into_request(mut self) -> #result<#request_spec, #error> {
                self.request_(#accept)
            }
        };
    }
    quote! {
        #doc
        pub(crate) fn into_request(mut self) -> #result<#request_spec, #error> {
            #validate_statement
            let mut request = self.request_(#accept)?;
            #body_statement
            #ok(request)
        }
    }
}

/// `request_(accept)`, in the `impl` every version of a shared builder has: the request without
/// its body, sending `accept`.
pub(super) fn shared_request_method(call: &Call<'_>) -> TokenStream {
    let scope = call.scope;
    let Prelude { result, ok, .. } = scope.prelude();
    let (request_spec, error, take) = (
        scope.path("crate::runtime::RequestSpec"),
        scope.path("crate::Error"),
        scope.path("::std::mem::take"),
    );
    let headers = quote!(#take(&mut self.headers_));
    let request = request_statements(call, headers, quote!(accept), TokenStream::new());
    quote! {
        /// The request of every version, sending `accept`; each version's `into_request` adds
        /// its body.
        fn request_(&mut self, accept: &'static str) -> #result<#request_spec, #error> {
            #request
            #ok(request)
        }
    }
}

/// Statements making `request`: the path, the query, the headers (the extra ones taken from
/// `headers`), the cookies, `body_statement`, the retry opt-in and the server.
fn request_statements(
    call: &Call<'_>,
    headers: TokenStream,
    accept: TokenStream,
    body_statement: TokenStream,
) -> TokenStream {
    let (endpoint, scope) = (&call.plan.endpoint, call.scope);
    let slots = &call.slots;
    let path_pushes = path_pushes(call);
    let pushes = |location, list| value_pushes(scope, slots, location, list);
    let query_pushes = pushes(ParameterLocation::Query, quote!(request.query));
    let header_pushes = pushes(ParameterLocation::Header, quote!(request.headers));
    let cookie_statement =
        cookie_statement(scope, pushes(ParameterLocation::Cookie, quote!(cookies_)));
    let Prelude { some, string, .. } = scope.prelude();
    let (request_spec, http) = (
        scope.path("crate::runtime::RequestSpec"),
        scope.path("::reqwest::Method"),
    );
    let retry_statement = (!endpoint.is_idempotent())
        .then(|| quote!(request.retry_non_idempotent = self.retry_non_idempotent_;));
    let server_statement =
        (endpoint.server.as_ref()).map(|server| quote!(request.server = #some(#server);));
    let http_method = format_ident!("{}", endpoint.http_method.as_str());
    let operation_id = &call.plan.operation_id;
    let template = &endpoint.template;
    quote! {
        let extra_headers = #headers.into_checked()?;
        let mut path = #string::new();
        #(#path_pushes)*
        let mut request = #request_spec::new(
            #http::#http_method,
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
        #server_statement
    }
}

/// `send_streaming`, for answers kept as bytes: the body as it arrives, never whole in memory.
fn streaming_method(scope: &Scope<'_>, error_documents: Option<&TokenStream>) -> TokenStream {
    let Prelude { result, ok, .. } = scope.prelude();
    let (api_response, byte_stream, error) = (
        scope.path("crate::runtime::ApiResponse"),
        scope.path("crate::runtime::ByteStream"),
        scope.path("crate::Error"),
    );
    let (streamed, decode_bytes, error_type) = (
        scope.path("crate::runtime::Streamed"),
        scope.path("crate::runtime::decode_bytes"),
        scope.path("crate::Error"),
    );
    quote! {
        /// Sends the request and hands over the body as it arrives, chunk by chunk, instead of
        /// holding it whole: for downloads larger than memory. Errors are read and decoded as
        /// `send` decodes them.
        pub async fn send_streaming(self) -> #result<#api_response<#byte_stream>, #error> {
            let client_ = self.client_;
            let request = self.into_request()?;
            let response = match client_.transport().execute_streaming(request).await? {
                #streamed::Body(body) => return #ok(body),
                #streamed::Complete(response) => response,
            };
            #error_documents
            #ok(#decode_bytes::<#error_type>(response)?.map(#byte_stream::from_bytes))
        }
    }
}

/// Statements building the path, each parameter percent-encoded.
fn path_pushes(call: &Call<'_>) -> Vec<TokenStream> {
    let scope = call.scope;
    (call.plan.endpoint.path.iter())
        .map(|piece| match piece {
            PathPiece::Literal(text) => match text.chars().collect::<Vec<_>>().as_slice() {
                [one] => quote!(path.push(#one);),
                _ => quote!(path.push_str(#text);),
            },
            PathPiece::Parameter(index) => {
                let slot = &call.slots[*index];
                let field = &slot.field;
                let text = value_text(scope, slot, quote!(self.#field)).as_str_ref();
                let encode = scope.path("crate::runtime::encode_path_segment");
                quote!(path.push_str(&#encode(#text));)
            }
        })
        .collect()
}

/// The body's `validate` call, when its type has checks.
fn validate_statement(call: &Call<'_>) -> TokenStream {
    let validated = call.method.body.as_ref().is_some_and(|b| b.validated);
    match (validated, call.body_required()) {
        (false, _) => quote!(),
        (true, true) => quote!(self.body_.validate()?;),
        (true, false) => {
            let some = call.scope.path("::std::option::Option::Some");
            quote! {
            if let #some(body) = &self.body_ {
                body.validate()?;
            }
            }
        }
    }
}

/// The statement encoding the body, when the method sends one: as JSON, as form pairs, or as
/// the parts its form type lists.
fn body_statement(call: &Call<'_>) -> TokenStream {
    let Some(body) = call.method.body.as_ref().filter(|b| b.ty.is_some()) else {
        return quote!();
    };
    let content_type = &body.media_type;
    let scope = call.scope;
    let request_body = scope.path("crate::runtime::RequestBody");
    let some = scope.path("::std::option::Option::Some");
    let encode = |body: TokenStream| match &call.method.form {
        None => {
            let error = scope.path("crate::Error");
            quote!(#request_body::json(#content_type, #body).map_err(#error::Encode)?)
        }
        Some(FormPlan::UrlEncoded) => {
            let error = scope.path("crate::Error");
            quote!(#request_body::form(#content_type, #body).map_err(#error::Encode)?)
        }
        Some(FormPlan::Multipart(_)) => {
            let error = scope.path("crate::Error");
            quote!(#request_body::multipart(#body.to_multipart().map_err(#error::Encode)?))
        }
        Some(FormPlan::Raw { content_type }) => {
            let clone = scope.path("::std::clone::Clone");
            quote!(#request_body::file(#content_type, #clone::clone(#body)))
        }
    };
    if call.body_required() {
        let body = match &call.method.form {
            // `to_multipart` borrows the form itself.
            Some(FormPlan::Multipart(_)) => quote!(self.body_),
            _ => quote!(&self.body_),
        };
        let encoded = encode(body);
        quote!(request.body = #some(#encoded);)
    } else {
        let encoded = encode(quote!(body));
        quote! {
            if let #some(body) = &self.body_ {
                request.body = #some(#encoded);
            }
        }
    }
}

/// Statements pushing the parameters sent in `location` into `list` (query or headers),
/// optional ones only when set.
fn value_pushes(
    scope: &Scope<'_>,
    slots: &[ParamSlot<'_>],
    location: ParameterLocation,
    list: TokenStream,
) -> Vec<TokenStream> {
    slots
        .iter()
        .filter(|p| p.parameter.location == location)
        .map(|slot| {
            let field = &slot.field;
            let name = &slot.parameter.api_name;
            let push = push_value(scope, slot, list.clone(), name);
            // An optional single value sent as a query parameter or header: one call.
            let setter = match location {
                ParameterLocation::Query => Some(quote!(query_if_set)),
                ParameterLocation::Header => Some(quote!(header_if_set)),
                _ => None,
            };
            if let (false, false, Some(setter)) = (slot.parameter.required, slot.repeated(), setter)
            {
                let text =
                    encoded_text(scope, slot.parameter.encoding, quote!(v)).into_owned(scope);
                return quote!(request.#setter(#name, &self.#field, |v| #text););
            }
            if slot.parameter.required {
                quote! { { let value = &self.#field; #push } }
            } else {
                let some = scope.path("::std::option::Option::Some");
                quote! { if let #some(value) = &self.#field { #push } }
            }
        })
        .collect()
}

/// The statements sending the cookie parameters that are set, all in one `Cookie` header (a
/// request has one); nothing when the operation has none.
fn cookie_statement(scope: &Scope<'_>, pushes: Vec<TokenStream>) -> Option<TokenStream> {
    if pushes.is_empty() {
        return None;
    }
    let Prelude {
        vec, string, some, ..
    } = scope.prelude();
    let cookie_header = scope.path("crate::runtime::cookie_header");
    Some(quote! {
        let mut cookies_: #vec<(&'static str, #string)> = #vec::new();
        #(#pushes)*
        if let #some(cookie) = #cookie_header(&cookies_) {
            request.headers.push(("Cookie", cookie));
        }
    })
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
    fn into_owned(self, scope: &Scope<'_>) -> TokenStream {
        match self {
            Text::Borrowed(expr) => {
                let to_owned = scope.path("::std::borrow::ToOwned::to_owned");
                quote!(#to_owned(#expr))
            }
            Text::Owned(expr) => expr,
        }
    }
}

/// The text of a value held at `place` (a place expression), written as the plan's [`Encoding`]
/// says.
fn encoded_text(scope: &Scope<'_>, encoding: Encoding, place: TokenStream) -> Text {
    match encoding {
        Encoding::AsStr => Text::Borrowed(quote!(#place.as_str())),
        Encoding::Display => Text::Owned(quote!(#place.to_string())),
        Encoding::Rfc3339 => {
            let format = scope.path("::chrono::SecondsFormat");
            Text::Owned(quote!(#place.to_rfc3339_opts(#format::AutoSi, true)))
        }
        Encoding::Expose => Text::Borrowed(quote!(#place.expose())),
        Encoding::Json => {
            let to_string = scope.path("::serde_json::to_string");
            Text::Owned(quote!(#to_string(&#place).unwrap_or_default()))
        }
    }
}

/// The text of the single value held at `place` (a place expression).
fn value_text(scope: &Scope<'_>, slot: &ParamSlot<'_>, place: TokenStream) -> Text {
    encoded_text(scope, slot.parameter.encoding, place)
}

/// Statements pushing `value` (a reference) as `name` into `list`; arrays repeat the name
/// (`form` style with `explode`, the OpenAPI default for query parameters).
pub(super) fn push_value(
    scope: &Scope<'_>,
    slot: &ParamSlot<'_>,
    list: TokenStream,
    name: &str,
) -> TokenStream {
    if slot.repeated() {
        let text = encoded_text(scope, slot.parameter.encoding, quote!(item)).into_owned(scope);
        return quote! {
            for item in value.iter() {
                #list.push((#name, #text));
            }
        };
    }
    let text = value_text(scope, slot, quote!(value)).into_owned(scope);
    quote!(#list.push((#name, #text));)
}
