//! Credentials and the authentication protocols (static bearer, OAuth service account, HTTP Digest).

mod digest;
mod env;
mod oauth;
mod registry;

pub use env::{EnvCredentials, EnvNames};

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, COOKIE};
use reqwest::StatusCode;
use reqwest::Url;

use super::error::TransportError;
use super::secret::Secret;
use super::stream::Answer;

/// How requests are authenticated. `Debug` never shows secrets.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// No authentication.
    None,
    /// A static access token, sent as `Authorization: Bearer ...`.
    Bearer(Secret),
    /// An Atlas service account: OAuth 2.0 client credentials, exchanged for
    /// short-lived access tokens that are cached and refreshed automatically.
    ServiceAccount {
        /// The client id.
        client_id: String,
        /// The client secret.
        client_secret: Secret,
    },
    /// A user name and password, sent as HTTP Basic authentication (`Authorization: Basic ...`),
    /// for APIs whose spec declares `scheme: basic`.
    Basic {
        /// The user name.
        username: String,
        /// The password.
        password: Secret,
    },
    /// A programmatic API key, used with HTTP Digest authentication.
    ApiKey {
        /// The public key (the Digest user name).
        public_key: String,
        /// The private key (the Digest password).
        private_key: Secret,
    },
    /// A key sent as it is in a header, query parameter or cookie: an OpenAPI `apiKey` security
    /// scheme. A generated crate whose spec declares such schemes has a function per scheme in
    /// its `auth` module that fills in where the key goes.
    ///
    /// The key goes only to the API's own host: a client holding a key in a query parameter or
    /// in a header other than `Authorization` follows redirects only within the base URL's
    /// origin (see [`ClientConfig::http_client`](super::ClientConfig::http_client)).
    KeyIn {
        /// Where the key is sent.
        location: KeyLocation,
        /// The header, query parameter or cookie name.
        name: String,
        /// The key.
        key: Secret,
    },
}

/// Where an API key of [`Credentials::KeyIn`] is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

impl Credentials {
    /// A static bearer token.
    pub fn bearer(token: impl Into<Secret>) -> Self {
        Self::Bearer(token.into())
    }

    /// A service account.
    pub fn service_account(client_id: impl Into<String>, client_secret: impl Into<Secret>) -> Self {
        Self::ServiceAccount {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
        }
    }

    /// A user name and password for HTTP Basic authentication.
    pub fn basic(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self::Basic {
            username: username.into(),
            password: password.into(),
        }
    }

    /// A programmatic API key.
    pub fn api_key(public_key: impl Into<String>, private_key: impl Into<Secret>) -> Self {
        Self::ApiKey {
            public_key: public_key.into(),
            private_key: private_key.into(),
        }
    }

    /// A key sent as it is, in the header, query parameter or cookie `name`.
    pub fn key_in(location: KeyLocation, name: impl Into<String>, key: impl Into<Secret>) -> Self {
        Self::KeyIn {
            location,
            name: name.into(),
            key: key.into(),
        }
    }

    /// Whether a redirect to another host would carry the secret, were it followed as reqwest
    /// follows redirects: it drops `Authorization` and `Cookie` on the way to another host, but
    /// keeps other headers, and sends the query along in `Referer`.
    pub(crate) fn leaks_on_redirect(&self) -> bool {
        match self {
            Self::KeyIn {
                location: KeyLocation::Query,
                ..
            } => true,
            Self::KeyIn {
                location: KeyLocation::Header,
                name,
                ..
            } => !name.eq_ignore_ascii_case("authorization"),
            _ => false,
        }
    }
}

/// What Digest authentication needs to know about the request being signed.
pub(crate) struct DigestTarget<'a> {
    pub(crate) method: &'a str,
    /// The request target exactly as sent: path plus `?query`.
    pub(crate) uri: &'a str,
    pub(crate) body: &'a [u8],
}

/// How a transport reaches the OAuth token endpoint: its own HTTP client (proxies, TLS roots),
/// user agent and timeout, used whenever it is the one to fetch a token for the cache it shares.
pub(crate) struct TokenClientSettings {
    pub(crate) http: reqwest::Client,
    pub(crate) user_agent: HeaderValue,
    pub(crate) timeout: Option<Duration>,
}

/// The credentials turned into a ready-to-use authentication protocol.
pub(crate) enum Authenticator {
    None,
    Bearer(HeaderValue),
    Basic(HeaderValue),
    OAuth {
        /// Shared with every transport using the same credentials and token URL.
        source: Arc<oauth::TokenSource>,
        client: TokenClientSettings,
    },
    Digest(digest::DigestAuth),
    /// A key the transport places itself (see [`ApiKey`]); no `Authorization` header.
    Key(ApiKey),
}

/// A key of [`Credentials::KeyIn`], checked and ready to be placed in each request.
pub(crate) enum ApiKey {
    /// The header and its value, marked sensitive.
    Header(HeaderName, HeaderValue),
    /// The query parameter's name and the key.
    Query(String, Secret),
    /// `name=key` with the key percent-encoded as cookies need, marked sensitive.
    Cookie(HeaderValue),
}

impl Authenticator {
    /// `token_url` and `token_client` serve only service accounts.
    pub(crate) fn new(
        credentials: Credentials,
        token_url: &str,
        token_client: TokenClientSettings,
    ) -> Result<Self, TransportError> {
        Ok(match credentials {
            Credentials::None => Self::None,
            Credentials::Bearer(token) => {
                Self::Bearer(bearer_header(token.expose()).ok_or_else(|| {
                    TransportError::Config("bearer token is not a valid header value".into())
                })?)
            }
            Credentials::ServiceAccount {
                client_id,
                client_secret,
            } => Self::OAuth {
                source: registry::token_source(token_url, client_id, client_secret),
                client: token_client,
            },
            Credentials::Basic { username, password } => {
                Self::Basic(basic_header(&username, password.expose()).ok_or_else(|| {
                    TransportError::Config("basic credentials are not a valid header value".into())
                })?)
            }
            Credentials::ApiKey {
                public_key,
                private_key,
            } => Self::Digest(digest::DigestAuth::new(public_key, private_key)),
            Credentials::KeyIn {
                location,
                name,
                key,
            } => Self::Key(api_key(location, &name, key)?),
        })
    }

    /// A short name for `Debug` output.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Bearer(_) => "bearer",
            Self::Basic(_) => "basic",
            Self::OAuth { .. } => "service_account",
            Self::Digest(_) => "api_key",
            Self::Key(ApiKey::Header(..)) => "key_in_header",
            Self::Key(ApiKey::Query(..)) => "key_in_query",
            Self::Key(ApiKey::Cookie(..)) => "key_in_cookie",
        }
    }

    /// Runs one authenticated exchange. `send` performs a single HTTP request
    /// with the given `Authorization` header. At most two requests are sent:
    /// the protocol's answer to a 401 is tried once, then the 401 is returned.
    pub(crate) async fn send<R, F, Fut>(
        &self,
        target: DigestTarget<'_>,
        send: F,
    ) -> Result<R, TransportError>
    where
        R: Answer,
        F: Fn(Option<HeaderValue>) -> Fut,
        Fut: Future<Output = Result<R, TransportError>>,
    {
        match self {
            Self::None | Self::Key(_) => send(None).await,
            Self::Bearer(header) | Self::Basic(header) => send(Some(header.clone())).await,
            Self::OAuth { source, client } => {
                let token = source.token(client).await?;
                let response = send(Some(token.header.clone())).await?;
                if response.status() != StatusCode::UNAUTHORIZED {
                    return Ok(response);
                }
                // The token may have been revoked or expired early: replace it
                // (once, even with many callers seeing the same 401) and retry once.
                source.invalidate(token.generation).await;
                let fresh = source.token(client).await?;
                send(Some(fresh.header)).await
            }
            Self::Digest(auth) => {
                let preemptive = auth.preemptive(&target)?;
                let used_nonce = preemptive.as_ref().map(|p| p.nonce.clone());
                let response = send(preemptive.map(|p| p.header)).await?;
                if response.status() != StatusCode::UNAUTHORIZED {
                    return Ok(response);
                }
                match auth.answer(response.headers(), used_nonce.as_deref(), &target)? {
                    Some(header) => send(Some(header)).await,
                    None => Ok(response),
                }
            }
        }
    }
}

impl fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind())
    }
}

impl ApiKey {
    /// The URL a request is sent to: `url` with the key appended when it goes in the query.
    pub(crate) fn url(&self, url: &Url) -> Url {
        let mut url = url.clone();
        if let Self::Query(name, key) = self {
            url.query_pairs_mut().append_pair(name, key.expose());
        }
        url
    }

    /// Puts a header or cookie key in the request's headers (a cookie joins the operation's own
    /// cookies in the one `Cookie` header a request may have).
    pub(crate) fn place(&self, headers: &mut HeaderMap) {
        match self {
            Self::Header(name, value) => {
                headers.insert(name, value.clone());
            }
            Self::Cookie(pair) => {
                let joined = headers.get(COOKIE).and_then(|existing| {
                    let mut bytes = existing.as_bytes().to_vec();
                    bytes.extend_from_slice(b"; ");
                    bytes.extend_from_slice(pair.as_bytes());
                    HeaderValue::from_bytes(&bytes).ok()
                });
                let mut value = joined.unwrap_or_else(|| pair.clone());
                value.set_sensitive(true);
                headers.insert(COOKIE, value);
            }
            Self::Query(..) => {}
        }
    }

    /// `error` without the key: reqwest's errors quote the URL they were sending to.
    pub(crate) fn redact(&self, mut error: reqwest::Error) -> reqwest::Error {
        if let (Self::Query(name, key), Some(url)) = (self, error.url_mut()) {
            let kept: Vec<(String, String)> = url
                .query_pairs()
                .filter(|(n, v)| !(n == name.as_str() && v == key.expose()))
                .map(|(n, v)| (n.into_owned(), v.into_owned()))
                .collect();
            url.set_query(None);
            if !kept.is_empty() {
                url.query_pairs_mut().extend_pairs(kept);
            }
        }
        error
    }
}

/// Checks a [`Credentials::KeyIn`] key and puts it in the form each request carries. The
/// errors name the place, never the key.
fn api_key(location: KeyLocation, name: &str, key: Secret) -> Result<ApiKey, TransportError> {
    let refuse = |what: &str| {
        TransportError::Config(format!("the API key for the {what} `{name}` is not usable"))
    };
    Ok(match location {
        KeyLocation::Header => {
            let header = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| refuse("header, whose name is not a header name,"))?;
            let mut value = HeaderValue::from_str(key.expose()).map_err(|_| refuse("header"))?;
            value.set_sensitive(true);
            ApiKey::Header(header, value)
        }
        KeyLocation::Query => {
            if name.is_empty() {
                return Err(refuse("query parameter, whose name is empty,"));
            }
            ApiKey::Query(name.to_owned(), key)
        }
        KeyLocation::Cookie => {
            let valid_name = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b));
            if !valid_name {
                return Err(refuse("cookie, whose name is not a cookie name,"));
            }
            let pair = super::encoding::cookie_header(&[(name, key.expose().to_owned())])
                .unwrap_or_default();
            let mut value = HeaderValue::from_str(&pair).map_err(|_| refuse("cookie"))?;
            value.set_sensitive(true);
            ApiKey::Cookie(value)
        }
    })
}

/// `Basic <base64 of user:password>` (RFC 7617) as a header value marked sensitive, like
/// [`bearer_header`]; `None` if it has characters that headers cannot carry.
pub(crate) fn basic_header(username: &str, password: &str) -> Option<HeaderValue> {
    use base64::Engine as _;
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
    let mut value = HeaderValue::from_str(&format!("Basic {encoded}")).ok()?;
    value.set_sensitive(true);
    Some(value)
}

/// `Bearer <token>` as a header value marked sensitive (so hyper's HPACK and
/// `HeaderValue`'s `Debug` never reveal it). `None` if the token has characters
/// that headers cannot carry.
pub(crate) fn bearer_header(token: &str) -> Option<HeaderValue> {
    let mut value = HeaderValue::from_str(&format!("Bearer {token}")).ok()?;
    value.set_sensitive(true);
    Some(value)
}
