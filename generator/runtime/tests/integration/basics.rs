//! Runtime pieces that need no server: redaction, encoding, response helpers, errors, configuration.

use crate::common;

use std::time::{Duration, SystemTime};

use atlas_codegen_runtime::{
    cookie_header, encode_path_segment, ApiResponse, AuthError, CallInfo, ClientConfig,
    Credentials, DecodeError, ExtraHeaders, InvalidArgument, MissingEnv, RateLimit, RawResponse,
    RequestBody, RequestSpec, RetryPolicy, Secret, Transport, TransportError,
};
use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::StatusCode;

const SECRETS: [&str; 4] = [
    "bearer-s3cret",
    "client-s3cret",
    "private-s3cret",
    "basic-s3cret",
];

fn assert_no_secret(text: &str) {
    for secret in SECRETS {
        assert!(
            !text.contains(secret),
            "secret {secret:?} leaked in {text:?}"
        );
    }
}

fn raw(status: u16, headers: &[(&'static str, &str)], body: impl Into<Bytes>) -> RawResponse {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        map.append(*name, HeaderValue::from_str(value).expect("test header"));
    }
    RawResponse::new(
        call(),
        StatusCode::from_u16(status).expect("test status"),
        map,
        body.into(),
    )
}

fn call() -> CallInfo {
    CallInfo {
        operation_id: "createThing",
        method: reqwest::Method::POST,
        path_template: "/api/atlas/v2/things",
    }
}

#[test]
fn secret_prints_redacted_but_exposes_value() {
    let secret = Secret::from("bearer-s3cret");
    assert_eq!(format!("{secret}"), "[redacted]");
    assert_eq!(format!("{secret:?}"), "[redacted]");
    assert_eq!(secret.expose(), "bearer-s3cret");
    assert_eq!(Secret::from(String::from("x")).expose(), "x");
}

#[test]
fn no_runtime_type_prints_a_secret() {
    let credentials = [
        Credentials::bearer("bearer-s3cret"),
        Credentials::service_account("client-id", "client-s3cret"),
        Credentials::api_key("public-key", "private-s3cret"),
        Credentials::basic("user", "basic-s3cret"),
    ];
    for c in &credentials {
        assert_no_secret(&format!("{c:?}"));
        let config = ClientConfig::new("https://cloud.mongodb.com").credentials(c.clone());
        assert_no_secret(&format!("{config:?}"));
        assert_no_secret(&format!("{config:#?}"));
        let transport = Transport::new(config).expect("valid config");
        assert_no_secret(&format!("{transport:?}"));
    }
    // Public parts stay visible, so the Debug output is still useful.
    assert!(format!("{:?}", credentials[1]).contains("client-id"));
    let body = RequestBody::new("application/json", r#"{"password":"private-s3cret"}"#);
    assert_no_secret(&format!("{body:?}"));
    let response = raw(201, &[], r#"{"privateKey":"private-s3cret"}"#);
    assert_no_secret(&format!("{response:?}"));
    assert_no_secret(&format!("{:?}", response.clone().into_error_response()));
    // Headers added to one call may be secrets of the caller's: Debug shows their names only,
    // and the values are marked sensitive once they are in a request.
    let mut extra = ExtraHeaders::default();
    extra.add("X-Api-Key", "private-s3cret");
    assert_eq!(format!("{extra:?}"), r#"["x-api-key"]"#);
    let mut request = RequestSpec::new(
        reqwest::Method::GET,
        "getThing",
        "/things",
        "/things",
        "application/json",
    );
    request.extra_headers = extra.into_checked().expect("a valid header");
    assert_no_secret(&format!("{request:?}"));
    assert!(format!("{response:?}").contains("body_len: 31"));
}

#[test]
fn error_messages_are_precise() {
    let missing = MissingEnv {
        names: vec!["MONGODB_ATLAS_CLIENT_ID", "MONGODB_ATLAS_CLIENT_SECRET"],
    };
    assert_eq!(
        missing.to_string(),
        "environment variable(s) not set: MONGODB_ATLAS_CLIENT_ID, MONGODB_ATLAS_CLIENT_SECRET"
    );
    let invalid = InvalidArgument::new("groupId", "abc", "must be 24 hexadecimal digits");
    assert_eq!(
        invalid.to_string(),
        r#"invalid value for `groupId`: "abc" must be 24 hexadecimal digits"#
    );
    let wrapped = TransportError::from(AuthError::TokenEndpoint {
        status: 401,
        snippet: "invalid_client".into(),
    });
    assert_eq!(
        wrapped.to_string(),
        "authentication failed: OAuth token endpoint returned HTTP 401: invalid_client"
    );
}

#[test]
fn path_segments_cannot_escape() {
    assert_eq!(encode_path_segment("../x"), "..%2Fx");
    assert_eq!(encode_path_segment("."), "%2E");
    assert_eq!(encode_path_segment(".."), "%2E%2E");
    assert_eq!(encode_path_segment("..."), "...");
    assert_eq!(encode_path_segment("a b/c?d#e%f"), "a%20b%2Fc%3Fd%23e%25f");
    assert_eq!(encode_path_segment("Az09-._~"), "Az09-._~");
    assert_eq!(encode_path_segment("é+&="), "%C3%A9%2B%26%3D");
    assert_eq!(encode_path_segment(""), "");
}

#[test]
fn cookie_values_are_encoded_where_rfc_6265_requires() {
    assert_eq!(cookie_header(&[]), None);
    let cookies = [
        ("a", "x y;z,\"q\"\\%".to_owned()),
        ("b", "=/?:é".to_owned()),
    ];
    assert_eq!(
        cookie_header(&cookies).as_deref(),
        Some("a=x%20y%3Bz%2C%22q%22%5C%25; b==/?:%C3%A9")
    );
}

#[test]
fn snippet_is_bounded_on_a_char_boundary() {
    assert_eq!(raw(500, &[], "short body").snippet(), "short body");

    let ascii = raw(500, &[], "a".repeat(600)).snippet();
    assert_eq!(ascii, format!("{}…", "a".repeat(512)));

    // 'é' is two bytes; with one leading ASCII byte the 512-byte limit splits an 'é'.
    let split = raw(500, &[], format!("a{}", "é".repeat(300))).snippet();
    assert_eq!(split, format!("a{}…", "é".repeat(255)));
    assert!(!split.contains('\u{FFFD}'));

    // Four-byte characters split at every possible offset are dropped whole.
    for prefix in 0..4 {
        let body = format!("{}{}", "a".repeat(prefix), "😀".repeat(200));
        let s = raw(500, &[], body).snippet();
        let text = s.strip_suffix('…').expect("cut body ends with an ellipsis");
        assert!(
            text.len() <= 512 && text.len() > 508,
            "{prefix}: {}",
            text.len()
        );
        assert!(!text.contains('\u{FFFD}'));
    }

    // Invalid UTF-8 expands to replacement characters but stays within the bound.
    let invalid = raw(500, &[], vec![0xFFu8; 600]).snippet();
    let text = invalid.strip_suffix('…').expect("ellipsis");
    assert!(text.len() <= 512);
    assert!(text.chars().all(|c| c == '\u{FFFD}'));
}

#[test]
fn rate_limit_headers() {
    let r = raw(
        200,
        &[("RateLimit-Limit", "100"), ("ratelimit-remaining", "7")],
        "",
    );
    assert_eq!(
        r.rate_limit(),
        RateLimit {
            limit: Some(100),
            remaining: Some(7)
        }
    );

    let structured = raw(
        200,
        &[
            ("RateLimit-Limit", "100, 100;w=60"),
            ("RateLimit-Remaining", "oops"),
        ],
        "",
    );
    assert_eq!(
        structured.rate_limit(),
        RateLimit {
            limit: Some(100),
            remaining: None
        }
    );
    assert_eq!(raw(200, &[], "").rate_limit(), RateLimit::default());
}

#[test]
fn retry_after_seconds_and_http_dates() {
    assert_eq!(
        raw(429, &[("Retry-After", "120")], "").retry_after(),
        Some(Duration::from_secs(120))
    );

    let future = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
    let wait = raw(503, &[("Retry-After", &future)], "")
        .retry_after()
        .expect("date parsed");
    assert!(
        wait > Duration::from_secs(28) && wait <= Duration::from_secs(30),
        "{wait:?}"
    );

    let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(30));
    assert_eq!(
        raw(503, &[("Retry-After", &past)], "").retry_after(),
        Some(Duration::ZERO)
    );

    assert_eq!(raw(503, &[("Retry-After", "soon")], "").retry_after(), None);
    assert_eq!(raw(503, &[], "").retry_after(), None);
}

#[test]
fn json_content_types() {
    let ct = |v: &str| raw(200, &[("Content-Type", v)], "").is_json();
    assert!(ct("application/json"));
    assert!(ct("application/json; charset=utf-8"));
    assert!(ct("application/vnd.atlas.2023-01-01+json"));
    assert!(ct("Application/JSON"));
    assert!(!ct("application/jsonx"));
    assert!(!ct("text/plain"));
    assert!(!ct("application/gzip"));
    assert!(!raw(200, &[], "").is_json());
}

#[derive(Debug, serde::Deserialize, PartialEq)]
struct Thing {
    id: String,
}

#[test]
fn decode_json_success_and_failure() {
    let ok = raw(200, &[("RateLimit-Remaining", "3")], r#"{"id":"abc"}"#)
        .decode_json::<Thing>()
        .expect("valid body");
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.rate_limit().remaining, Some(3));
    assert_eq!(ok.body(), &Thing { id: "abc".into() });
    let mapped: ApiResponse<usize> = ok.map(|t| t.id.len());
    let (status, headers, len) = mapped.into_parts();
    assert_eq!((status, len), (StatusCode::OK, 3));
    assert!(headers.contains_key("ratelimit-remaining"));

    let err: DecodeError = raw(201, &[], r#"{"id":42,"privateKey":"private-s3cret"}"#)
        .decode_json::<Thing>()
        .expect_err("wrong type");
    assert_eq!(err.status(), StatusCode::CREATED);
    assert_eq!(
        err.body(),
        br#"{"id":42,"privateKey":"private-s3cret"}"#.as_slice()
    );
    let message = err.to_string();
    assert_eq!(
        message,
        "createThing (POST /api/atlas/v2/things): cannot decode the HTTP 201 Created response: \
         invalid type: integer `42`, expected a string at line 1 column 8 \
         (39 bytes without Content-Type, all kept in the error)"
    );
    assert_no_secret(&message);
    assert_no_secret(&format!("{err:?}"));

    // Empty bodies decode like `null`, so operations without content can use `()`.
    raw(204, &[], "")
        .decode_json::<()>()
        .expect("empty body is unit");
    let none = raw(200, &[], "")
        .decode_json::<Option<Thing>>()
        .expect("empty body is None");
    assert_eq!(none.into_body(), None);

    let bytes = raw(200, &[], "raw").into_bytes_response();
    assert_eq!(bytes.body().as_ref(), b"raw");
}

#[test]
fn retry_policy_defaults() {
    let p = RetryPolicy::default();
    assert_eq!(p.max_attempts, 4);
    assert_eq!(p.initial_backoff, Duration::from_millis(500));
    assert_eq!(p.max_delay, Duration::from_secs(30));
    assert!(!p.retry_non_idempotent);
    assert_eq!(RetryPolicy::none().max_attempts, 1);
    let custom = RetryPolicy::none()
        .max_attempts(2)
        .retry_non_idempotent(true);
    assert_eq!(
        (custom.max_attempts, custom.retry_non_idempotent),
        (2, true)
    );
}

#[test]
fn transport_validates_configuration() {
    let t = Transport::new(ClientConfig::new("https://cloud.mongodb.com/")).expect("valid");
    assert_eq!(t.base_url(), "https://cloud.mongodb.com");

    for bad in [
        "not a url",
        "ftp://example.com",
        "https://cloud.mongodb.com/?x=1",
    ] {
        let err = Transport::new(ClientConfig::new(bad)).expect_err(bad);
        assert!(matches!(err, TransportError::Config(_)), "{bad}: {err:?}");
    }
    // A client of a spec that names no server has no default host: it says what to do.
    let err = Transport::new(ClientConfig::new("")).expect_err("no base URL");
    assert!(err.to_string().contains("ClientConfig::base_url"), "{err}");
    let err =
        Transport::new(ClientConfig::new("https://cloud.mongodb.com").user_agent("bad\nagent"))
            .expect_err("newline in user agent");
    assert!(matches!(err, TransportError::Config(_)));
    let err = Transport::new(
        ClientConfig::new("https://cloud.mongodb.com")
            .credentials(Credentials::bearer("bad\ntoken")),
    )
    .expect_err("newline in token");
    assert!(matches!(err, TransportError::Config(m) if !m.contains("bad\ntoken")));
}

#[test]
fn execute_future_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let t = Transport::new(ClientConfig::new("https://cloud.mongodb.com")).expect("valid");
    let future = t.execute(common::get("/api/atlas/v2/things/1"));
    assert_send(&future);
}
