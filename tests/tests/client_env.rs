//! `Client::from_env` without its variables says which are missing, not that authentication
//! failed. Alone in its binary, because the process environment is shared by all threads of a
//! test binary. (The runtime's own `Credentials::from_env` is tested in
//! `generator/runtime/tests/integration/env.rs`.)

const ALL: [&str; 4] = [
    "MONGODB_ATLAS_CLIENT_ID",
    "MONGODB_ATLAS_CLIENT_SECRET",
    "MONGODB_ATLAS_PUBLIC_API_KEY",
    "MONGODB_ATLAS_PRIVATE_API_KEY",
];

#[test]
fn client_from_environment_names_what_is_missing() {
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
