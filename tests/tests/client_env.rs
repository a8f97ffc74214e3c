//! `Client::from_env` without its variables says which are missing, not that authentication
//! failed; a crate of another API reads its own variables, not Atlas's. Alone in its binary,
//! because the process environment is shared by all threads of a test binary; both tests touch
//! Atlas's variables (the second sets them to show they are not read), so each holds
//! [`ENVIRONMENT`] while it does. (The runtime's own `Credentials::from_env` is tested in
//! `generator/runtime/tests/integration/env.rs`.)

use std::sync::{Mutex, MutexGuard};

/// Held by a test while it changes and reads the process environment.
static ENVIRONMENT: Mutex<()> = Mutex::new(());

/// The environment to oneself; a test that failed while holding it does not poison the other.
fn environment() -> MutexGuard<'static, ()> {
    ENVIRONMENT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

const ALL: [&str; 4] = [
    "MONGODB_ATLAS_CLIENT_ID",
    "MONGODB_ATLAS_CLIENT_SECRET",
    "MONGODB_ATLAS_PUBLIC_API_KEY",
    "MONGODB_ATLAS_PRIVATE_API_KEY",
];

#[test]
fn client_from_environment_names_what_is_missing() {
    let _environment = environment();
    for name in ALL {
        std::env::remove_var(name);
    }
    match atlas_admin::Client::from_env() {
        Err(atlas_admin::Error::MissingEnv(missing)) => assert_eq!(missing.names, ALL.to_vec()),
        other => panic!("expected Error::MissingEnv, got {other:?}"),
    }
    assert_eq!(
        atlas_admin::Client::from_env().unwrap_err().to_string(),
        "environment variable(s) not set: MONGODB_ATLAS_CLIENT_ID, MONGODB_ATLAS_CLIENT_SECRET, \
         MONGODB_ATLAS_PUBLIC_API_KEY, MONGODB_ATLAS_PRIVATE_API_KEY"
    );
}

/// The forms fixture declares three `apiKey` schemes (cookie, header, query): its variables are
/// named after its crate and schemes, and Atlas's are not read.
const FORMS: [&str; 3] = [
    "FIXTURE_FORMS_COOKIE_KEY",
    "FIXTURE_FORMS_HEADER_KEY",
    "FIXTURE_FORMS_QUERY_KEY",
];

// The lock is held across the awaits: the test's runtime is its own, and the other test only
// waits for the whole of this one.
#[allow(clippy::await_holding_lock)]
#[tokio::test]
async fn another_apis_crate_reads_its_own_variables_and_sends_the_key_where_its_scheme_says() {
    use fixture_forms::{types, Client, Credentials, RetryPolicy};
    use wiremock::{matchers, Mock, MockServer, ResponseTemplate};

    let _environment = environment();
    for name in FORMS {
        std::env::remove_var(name);
    }
    std::env::set_var("MONGODB_ATLAS_CLIENT_ID", "atlas-id");
    std::env::set_var("MONGODB_ATLAS_CLIENT_SECRET", "atlas-secret");
    // What `Client::from_env` reads (this fixture shares the runtime crate, so the
    // `Credentials::from_env` of a vendored crate is spelled out).
    let from_env = || Credentials::from_env_with(Client::ENVIRONMENT.credentials);
    match from_env() {
        Err(missing) => assert_eq!(missing.names, FORMS.to_vec()),
        other => panic!("expected the fixture's own variables to be missing, got {other:?}"),
    }
    std::env::remove_var("MONGODB_ATLAS_CLIENT_ID");
    std::env::remove_var("MONGODB_ATLAS_CLIENT_SECRET");

    std::env::set_var("FIXTURE_FORMS_HEADER_KEY", "k3y-from-env");
    let server = MockServer::start().await;
    Mock::given(matchers::method("POST"))
        .and(matchers::header("x-api-key", "k3y-from-env"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
        .mount(&server)
        .await;
    let config = Client::default_config()
        .base_url(server.uri())
        .credentials(from_env().unwrap())
        .retry(RetryPolicy::none());
    let client = Client::with_config(config).unwrap();
    let request = types::TokenRequest::new(types::TokenRequestGrantType::Password);
    let sent = client.create_token(request).send().await;
    std::env::remove_var("FIXTURE_FORMS_HEADER_KEY");
    assert!(sent.is_ok(), "{sent:?}");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}
