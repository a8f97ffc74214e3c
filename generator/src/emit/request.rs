//! The `send` method of a request builder: the path, query, headers, cookies and body of the
//! request, built from the builder's fields and handed to the runtime's transport.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::operations::{Call, ParamSlot};
use super::responses;
use crate::plan::{Answer, Encoding, FormPlan, PathPiece};
use crate::wire::ParameterLocation;

/// `send`: checks the body, builds the request, executes it and decodes the answer.
pub(super) fn send_method(
    call: &Call<'_>,
    response_type: &TokenStream,
    decode: &TokenStream,
) -> TokenStream {
    let Call {
        model,
        plan,
        method,
        ..
    } = *call;
    let endpoint = &plan.endpoint;
    let template = &endpoint.template;
    let accept = &method.accept;
    let error_documents = responses::error_documents(model, plan);
    let send_doc = format!(
        " Sends the request: `{} {}` with `Accept: {}`.",
        endpoint.http_method.as_str(),
        template,
        accept
    );
    let streaming =
        matches!(method.answer, Answer::Bytes).then(|| streaming_method(error_documents.as_ref()));
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
        None => quote! {
            crate::runtime::send_method! {
                #[doc = #send_doc]
                type Answer = #response_type;
            }

            /// What `send` makes of an answer (public to replay recorded answers).
            #[doc(hidden)]
            pub fn decode_answer(response: crate::runtime::RawResponse) -> ::std::result::Result<crate::runtime::ApiResponse<#response_type>, crate::Error> {
                #error_documents
                #decode
            }
        },
    };
    quote! {
        #send

        #streaming

        #into_request
    }
}

/// `into_request`: the request `send` makes, built from the builder's fields and checked.
fn into_request_method(call: &Call<'_>) -> TokenStream {
    let (endpoint, method) = (&call.plan.endpoint, call.method);
    let slots = &call.slots;
    let validate_statement = validate_statement(call);
    let path_pushes = path_pushes(call);
    let query_pushes = value_pushes(slots, ParameterLocation::Query, quote!(request.query));
    let header_pushes = value_pushes(slots, ParameterLocation::Header, quote!(request.headers));
    let cookie_statement = cookie_statement(value_pushes(
        slots,
        ParameterLocation::Cookie,
        quote!(cookies_),
    ));
    let body_statement = body_statement(call);
    let retry_statement = (!endpoint.is_idempotent())
        .then(|| quote!(request.retry_non_idempotent = self.retry_non_idempotent_;));
    let server_statement = (endpoint.server.as_ref())
        .map(|server| quote!(request.server = ::std::option::Option::Some(#server);));
    let http_method = format_ident!("{}", endpoint.http_method.as_str());
    let operation_id = &call.plan.operation_id;
    let template = &endpoint.template;
    let accept = &method.accept;
    quote! {
        /// The request `send` makes, built and checked but not sent (the command line sends it
        /// too, and reads the answer its own way).
        pub(crate) fn into_request(self) -> ::std::result::Result<crate::runtime::RequestSpec, crate::Error> {
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
            #server_statement
            ::std::result::Result::Ok(request)
        }
    }
}

/// `send_streaming`, for answers kept as bytes: the body as it arrives, never whole in memory.
fn streaming_method(error_documents: Option<&TokenStream>) -> TokenStream {
    quote! {
        /// Sends the request and hands over the body as it arrives, chunk by chunk, instead of
        /// holding it whole: for downloads larger than memory. Errors are read and decoded as
        /// `send` decodes them.
        pub async fn send_streaming(self) -> ::std::result::Result<crate::runtime::ApiResponse<crate::runtime::ByteStream>, crate::Error> {
            let client_ = self.client_;
            let request = self.into_request()?;
            let response = match client_.transport().execute_streaming(request).await? {
                crate::runtime::Streamed::Body(body) => return ::std::result::Result::Ok(body),
                crate::runtime::Streamed::Complete(response) => response,
            };
            #error_documents
            ::std::result::Result::Ok(
                crate::runtime::decode_bytes::<crate::error::Error>(response)?
                    .map(crate::runtime::ByteStream::from_bytes),
            )
        }
    }
}

/// Statements building the path, each parameter percent-encoded.
fn path_pushes(call: &Call<'_>) -> Vec<TokenStream> {
    (call.plan.endpoint.path.iter())
        .map(|piece| match piece {
            PathPiece::Literal(text) => match text.chars().collect::<Vec<_>>().as_slice() {
                [one] => quote!(path.push(#one);),
                _ => quote!(path.push_str(#text);),
            },
            PathPiece::Parameter(index) => {
                let slot = &call.slots[*index];
                let field = &slot.field;
                let text = value_text(slot, quote!(self.#field)).as_str_ref();
                quote!(path.push_str(&crate::runtime::encode_path_segment(#text));)
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
        (true, false) => quote! {
            if let ::std::option::Option::Some(body) = &self.body_ {
                body.validate()?;
            }
        },
    }
}

/// The statement encoding the body, when the method sends one: as JSON, as form pairs, or as
/// the parts its form type lists.
fn body_statement(call: &Call<'_>) -> TokenStream {
    let Some(body) = call.method.body.as_ref().filter(|b| b.ty.is_some()) else {
        return quote!();
    };
    let content_type = &body.media_type;
    let encode = |body: TokenStream| match &call.method.form {
        None => quote! {
            crate::runtime::RequestBody::json(#content_type, #body).map_err(crate::Error::Encode)?
        },
        Some(FormPlan::UrlEncoded) => quote! {
            crate::runtime::RequestBody::form(#content_type, #body).map_err(crate::Error::Encode)?
        },
        Some(FormPlan::Multipart(_)) => quote! {
            crate::runtime::RequestBody::multipart(#body.to_multipart().map_err(crate::Error::Encode)?)
        },
        Some(FormPlan::Raw { content_type }) => quote! {
            crate::runtime::RequestBody::file(#content_type, ::std::clone::Clone::clone(#body))
        },
    };
    if call.body_required() {
        let body = match &call.method.form {
            // `to_multipart` borrows the form itself.
            Some(FormPlan::Multipart(_)) => quote!(self.body_),
            _ => quote!(&self.body_),
        };
        let encoded = encode(body);
        quote!(request.body = ::std::option::Option::Some(#encoded);)
    } else {
        let encoded = encode(quote!(body));
        quote! {
            if let ::std::option::Option::Some(body) = &self.body_ {
                request.body = ::std::option::Option::Some(#encoded);
            }
        }
    }
}

/// Statements pushing the parameters sent in `location` into `list` (query or headers),
/// optional ones only when set.
fn value_pushes(
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
            let push = push_value(slot, list.clone(), name);
            // An optional single value sent as a query parameter or header: one call.
            let setter = match location {
                ParameterLocation::Query => Some(quote!(query_if_set)),
                ParameterLocation::Header => Some(quote!(header_if_set)),
                _ => None,
            };
            if let (false, false, Some(setter)) = (slot.parameter.required, slot.repeated(), setter)
            {
                let text = encoded_text(slot.parameter.encoding, quote!(v)).into_owned();
                return quote!(request.#setter(#name, &self.#field, |v| #text););
            }
            if slot.parameter.required {
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

/// The text of a value held at `place` (a place expression), written as the plan's [`Encoding`]
/// says.
fn encoded_text(encoding: Encoding, place: TokenStream) -> Text {
    match encoding {
        Encoding::AsStr => Text::Borrowed(quote!(#place.as_str())),
        Encoding::Display => Text::Owned(quote!(#place.to_string())),
        Encoding::Rfc3339 => {
            Text::Owned(quote!(#place.to_rfc3339_opts(::chrono::SecondsFormat::AutoSi, true)))
        }
        Encoding::Expose => Text::Borrowed(quote!(#place.expose())),
        Encoding::Json => Text::Owned(quote!(::serde_json::to_string(&#place).unwrap_or_default())),
    }
}

/// The text of the single value held at `place` (a place expression).
fn value_text(slot: &ParamSlot<'_>, place: TokenStream) -> Text {
    encoded_text(slot.parameter.encoding, place)
}

/// Statements pushing `value` (a reference) as `name` into `list`; arrays repeat the name
/// (`form` style with `explode`, the OpenAPI default for query parameters).
pub(super) fn push_value(slot: &ParamSlot<'_>, list: TokenStream, name: &str) -> TokenStream {
    if slot.repeated() {
        let text = encoded_text(slot.parameter.encoding, quote!(item)).into_owned();
        return quote! {
            for item in value.iter() {
                #list.push((#name, #text));
            }
        };
    }
    let text = value_text(slot, quote!(value)).into_owned();
    quote!(#list.push((#name, #text));)
}
