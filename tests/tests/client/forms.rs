//! The forms fixture (`tests/fixtures/forms.yaml`): a form-urlencoded body and a multipart
//! upload as they arrive on the wire, and API keys in a header, a query parameter and a cookie:
//! where they arrive, that they stay out of `Debug` and errors, and that they never follow a
//! redirect to another host.

use fixture_forms::operations::forms::UploadFileForm;
use fixture_forms::types::{Device, Metadata, TokenRequest, TokenRequestGrantType};
use fixture_forms::{auth, Client, Credentials, Error, FilePart, RetryPolicy, Secret};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "k3y-s3cret-7f2a";

fn client_with(server: &MockServer, credentials: Credentials) -> Client {
    Client::with_config(
        Client::default_config()
            .base_url(server.uri())
            .credentials(credentials)
            .retry(RetryPolicy::none()),
    )
    .unwrap()
}

fn token_request() -> TokenRequest {
    let mut request = TokenRequest::new(TokenRequestGrantType::Password);
    request.username = Some("ann lee".into());
    request.password = Some(Secret::new("p&ss=word"));
    request.scope = Some(vec!["read".into(), "write".into()]);
    request.retries = Some(2);
    request.remember = Some(true);
    let mut device = Device::default();
    device.name = Some("laptop".into());
    request.device = Some(device);
    request
}

/// Upload metadata with one owner and one tag.
fn metadata(owner: &str, tag: &str) -> Metadata {
    let mut metadata = Metadata::default();
    metadata.owner = Some(owner.into());
    metadata.tags = Some(vec![tag.into()]);
    metadata
}

async fn token_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/tokens"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"access_token": "t"})),
        )
        .mount(&server)
        .await;
    server
}

async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "exactly one request");
    requests.remove(0)
}

#[tokio::test]
async fn a_form_body_is_sent_as_form_pairs_in_style_form_explode() {
    let server = token_server().await;
    let client = client_with(&server, Credentials::None);
    let answer = client.create_token(token_request()).send().await.unwrap();
    assert_eq!(answer.body().access_token.as_deref(), Some("t"));
    let request = only_request(&server).await;
    assert_eq!(
        request.headers.get("content-type").unwrap(),
        "application/x-www-form-urlencoded"
    );
    assert_eq!(request.headers.get("accept").unwrap(), "application/json");
    // Arrays repeat their name; the object is spread into its own properties; `null`s are left out.
    assert_eq!(
        String::from_utf8(request.body).unwrap(),
        "grant_type=password&username=ann+lee&password=p%26ss%3Dword&scope=read&scope=write\
         &retries=2&remember=true&name=laptop"
    );
}

/// The parts of a multipart body: (headers, content), split at the boundary its content type names.
fn parts(request: &wiremock::Request) -> Vec<(String, Vec<u8>)> {
    let content_type = request
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("not a multipart content type: {content_type}"));
    let body = &request.body;
    let delimiter = format!("--{boundary}");
    let closing = format!("{delimiter}--\r\n");
    assert!(
        body.ends_with(closing.as_bytes()),
        "the body ends with the closing delimiter"
    );
    let mut parts = Vec::new();
    let mut rest = &body[..body.len() - closing.len()];
    let opening = format!("{delimiter}\r\n");
    while !rest.is_empty() {
        assert!(
            rest.starts_with(opening.as_bytes()),
            "each part opens with the delimiter"
        );
        rest = &rest[opening.len()..];
        let head_end = find(rest, b"\r\n\r\n").expect("a part's headers end");
        let head = String::from_utf8(rest[..head_end].to_vec()).unwrap();
        rest = &rest[head_end + 4..];
        let end = find(rest, format!("\r\n{delimiter}").as_bytes()).unwrap_or(rest.len() - 2);
        parts.push((head, rest[..end].to_vec()));
        rest = &rest[end + 2..];
    }
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[tokio::test]
async fn a_multipart_body_sends_each_part_with_its_name_file_name_and_content_type() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/files"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let directory = tempfile::tempdir().unwrap();
    let photo = directory.path().join("photo.png");
    // The part names the file; its content is read when the request is sent, not before.
    let form = UploadFileForm::new(FilePart::path(&photo))
        .attachments(vec![
            FilePart::bytes(&b"first\r\nattachment"[..])
                .file_name("notes.txt")
                .content_type("text/plain; charset=utf-8"),
            FilePart::bytes(&b"\x00\x01\x02"[..]),
        ])
        .description("A cat".into())
        .size(42)
        .labels(vec!["pets".into(), "cats".into()])
        .metadata(metadata("ann", "t1"));
    let content: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&photo, &content).unwrap();
    let client = client_with(&server, Credentials::None);
    client.upload_file(form).send().await.unwrap();

    let request = only_request(&server).await;
    let disposition = |name: &str, file: Option<&str>| {
        let file = file
            .map(|f| format!("; filename=\"{f}\""))
            .unwrap_or_default();
        format!("Content-Disposition: form-data; name=\"{name}\"{file}")
    };
    let expected: Vec<(String, Vec<u8>)> = vec![
        (
            format!(
                "{}\r\nContent-Type: image/png",
                disposition("file", Some("photo.png"))
            ),
            content,
        ),
        (
            format!(
                "{}\r\nContent-Type: text/plain; charset=utf-8",
                disposition("attachments", Some("notes.txt"))
            ),
            b"first\r\nattachment".to_vec(),
        ),
        (
            format!(
                "{}\r\nContent-Type: application/octet-stream",
                disposition("attachments", None)
            ),
            b"\x00\x01\x02".to_vec(),
        ),
        (
            format!(
                "{}\r\nContent-Type: text/plain",
                disposition("description", None)
            ),
            b"A cat".to_vec(),
        ),
        (
            format!("{}\r\nContent-Type: text/plain", disposition("size", None)),
            b"42".to_vec(),
        ),
        (
            format!(
                "{}\r\nContent-Type: text/plain",
                disposition("labels", None)
            ),
            b"pets".to_vec(),
        ),
        (
            format!(
                "{}\r\nContent-Type: text/plain",
                disposition("labels", None)
            ),
            b"cats".to_vec(),
        ),
        (
            format!(
                "{}\r\nContent-Type: application/json",
                disposition("metadata", None)
            ),
            br#"{"owner":"ann","tags":["t1"]}"#.to_vec(),
        ),
    ];
    assert_eq!(parts(&request), expected);
}

#[tokio::test]
async fn a_file_that_cannot_be_opened_fails_the_call_before_anything_is_sent() {
    let server = MockServer::start().await;
    let directory = tempfile::tempdir().unwrap();
    let missing = directory.path().join("missing.bin");
    let client = client_with(&server, Credentials::None);
    let error = client
        .upload_file(UploadFileForm::new(FilePart::path(&missing)))
        .send()
        .await
        .unwrap_err();
    let text = error.to_string();
    assert!(
        matches!(
            &error,
            Error::Transport(fixture_forms::runtime::TransportError::Body { .. })
        ),
        "{error:?}"
    );
    assert!(
        text.contains("missing.bin") && text.contains("`file` part"),
        "{text}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_api_key_goes_in_the_header_its_scheme_names() {
    let server = token_server().await;
    let client = client_with(&server, auth::header_key(KEY));
    client.create_token(token_request()).send().await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.headers.get("x-api-key").unwrap(), KEY);
    assert!(request.headers.get("authorization").is_none());
    assert!(!request.url.as_str().contains(KEY));
}

#[tokio::test]
async fn an_api_key_goes_in_the_query_parameter_its_scheme_names() {
    let server = token_server().await;
    let client = client_with(&server, auth::query_key(KEY));
    client.create_token(token_request()).send().await.unwrap();
    let request = only_request(&server).await;
    let pairs: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
    assert_eq!(pairs, [("api_key".to_owned(), KEY.to_owned())]);
    assert!(request.headers.get("x-api-key").is_none());
}

#[tokio::test]
async fn an_api_key_cookie_joins_the_operations_own_cookies() {
    let server = token_server().await;
    let client = client_with(&server, auth::cookie_key(KEY));
    client
        .create_token(token_request())
        .session("abc")
        .send()
        .await
        .unwrap();
    let request = only_request(&server).await;
    let cookies: Vec<_> = request.headers.get_all("cookie").iter().collect();
    assert_eq!(cookies, [&format!("session=abc; key={KEY}")]);
}

#[tokio::test]
async fn an_api_key_is_never_in_debug_output() {
    let server = MockServer::start().await;
    for credentials in [
        auth::header_key(KEY),
        auth::query_key(KEY),
        auth::cookie_key(KEY),
    ] {
        let shown = format!("{credentials:?}");
        assert!(
            !shown.contains(KEY) && shown.contains("[redacted]"),
            "{shown}"
        );
        let config = Client::default_config()
            .base_url(server.uri())
            .credentials(credentials);
        let shown = format!("{config:?}");
        assert!(!shown.contains(KEY), "{shown}");
        let client = Client::with_config(config).unwrap();
        let shown = format!("{client:?}");
        assert!(!shown.contains(KEY), "{shown}");
    }
}

#[tokio::test]
async fn a_query_key_is_not_in_the_error_of_a_failed_connection() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // Nothing listens there any more: the connection is refused, and the error quotes the URL.
    let client = Client::with_config(
        Client::default_config()
            .base_url(format!("http://127.0.0.1:{port}"))
            .credentials(auth::query_key(KEY))
            .retry(RetryPolicy::none()),
    )
    .unwrap();
    let error = client
        .create_token(token_request())
        .send()
        .await
        .unwrap_err();
    let text = format!("{error} {error:?}");
    assert!(text.contains(&format!("127.0.0.1:{port}/tokens")), "{text}");
    assert!(!text.contains(KEY), "{text}");
}

#[tokio::test]
async fn an_api_key_never_follows_a_redirect_to_another_host() {
    let elsewhere = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
        .mount(&elsewhere)
        .await;
    for credentials in [auth::header_key(KEY), auth::query_key(KEY)] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/tokens"))
            .respond_with(
                ResponseTemplate::new(307)
                    .insert_header("location", format!("{}/stolen", elsewhere.uri())),
            )
            .mount(&server)
            .await;
        let client = client_with(&server, credentials);
        let error = client
            .create_token(token_request())
            .send()
            .await
            .unwrap_err();
        // The redirect comes back as the answer it is, unfollowed.
        assert_eq!(error.response().unwrap().status().as_u16(), 307, "{error}");
    }
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_api_key_follows_a_redirect_within_the_api_host() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/tokens"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", "/tokens/v2"))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/tokens/v2"))
        .and(header("x-api-key", KEY))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
        .mount(&server)
        .await;
    let client = client_with(&server, auth::header_key(KEY));
    client.create_token(token_request()).send().await.unwrap();
}

#[tokio::test]
async fn a_key_that_could_leave_the_host_refuses_an_http_client_of_your_own() {
    let config = |credentials| {
        Client::default_config()
            .credentials(credentials)
            .http_client(fixture_forms::reqwest::Client::new())
    };
    for credentials in [auth::header_key(KEY), auth::query_key(KEY)] {
        let error = Client::with_config(config(credentials)).unwrap_err();
        assert!(
            error.to_string().contains("follows redirects only"),
            "{error}"
        );
    }
    // reqwest drops a cookie on the way to another host itself.
    Client::with_config(config(auth::cookie_key(KEY))).unwrap();
}

/// A server that takes any `PUT` or `POST` and answers 204.
async fn storing_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn an_octet_stream_body_is_sent_as_it_is_from_bytes_or_streamed_from_a_file() {
    let server = storing_server().await;
    let client = client_with(&server, auth::header_key(KEY));
    let bytes: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
    client
        .put_blob("a b", FilePart::bytes(bytes.clone()))
        .send()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blob.bin");
    std::fs::write(&path, &bytes[..123_457]).unwrap();
    client
        .put_blob("from-disk", FilePart::path(&path))
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    for (request, expected) in requests.iter().zip([&bytes[..], &bytes[..123_457]]) {
        assert_eq!(request.method.as_str(), "PUT");
        assert_eq!(
            request.headers.get("content-type").unwrap(),
            "application/octet-stream"
        );
        let length = expected.len().to_string();
        assert_eq!(
            request.headers.get("content-length").unwrap(),
            length.as_str()
        );
        assert!(request.body == expected, "the body arrives byte for byte");
    }
    assert_eq!(requests[0].url.path(), "/blobs/a%20b");
}

#[tokio::test]
async fn a_range_media_type_sends_octet_stream_unless_the_part_names_its_type() {
    let server = storing_server().await;
    let client = client_with(&server, auth::header_key(KEY));
    client
        .add_image()
        .body(FilePart::bytes(&b"\x89PNG"[..]))
        .send()
        .await
        .unwrap();
    let png = FilePart::bytes(&b"\x89PNG"[..]).content_type("image/png");
    client.add_image().body(png).send().await.unwrap();
    client.add_image().send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let types: Vec<Option<&str>> = requests
        .iter()
        .map(|r| r.headers.get("content-type").and_then(|v| v.to_str().ok()))
        .collect();
    assert_eq!(
        types,
        [Some("application/octet-stream"), Some("image/png"), None]
    );
    assert_eq!(requests[1].body, b"\x89PNG");
}

#[tokio::test]
async fn a_missing_file_fails_the_raw_body_call_before_anything_is_sent() {
    let server = storing_server().await;
    let client = client_with(&server, auth::header_key(KEY));
    let error = client
        .put_blob("x", FilePart::path("/nonexistent/blob.bin"))
        .send()
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("/nonexistent/blob.bin"),
        "{error}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}
