//! Credentials from environment variables. One test function, because the
//! process environment is shared by all threads of a test binary.

use atlas_codegen_runtime::{Credentials, EnvCredentials, MissingEnv};

const ALL: [&str; 4] = [
    "MONGODB_ATLAS_CLIENT_ID",
    "MONGODB_ATLAS_CLIENT_SECRET",
    "MONGODB_ATLAS_PUBLIC_API_KEY",
    "MONGODB_ATLAS_PRIVATE_API_KEY",
];

/// What a generated Atlas crate reads: a service account, then an API key.
const SERVICE_ACCOUNT: EnvCredentials = EnvCredentials::ServiceAccount {
    client_id: "MONGODB_ATLAS_CLIENT_ID",
    client_secret: "MONGODB_ATLAS_CLIENT_SECRET",
};
const API_KEY: EnvCredentials = EnvCredentials::ApiKey {
    public_key: "MONGODB_ATLAS_PUBLIC_API_KEY",
    private_key: "MONGODB_ATLAS_PRIVATE_API_KEY",
};

fn from_env() -> Result<Credentials, MissingEnv> {
    Credentials::from_env_with(&[SERVICE_ACCOUNT, API_KEY])
}

fn set(vars: &[(&str, &str)]) {
    for name in ALL {
        std::env::remove_var(name);
    }
    for (name, value) in vars {
        std::env::set_var(name, value);
    }
}

fn missing(result: Result<Credentials, MissingEnv>) -> Vec<&'static str> {
    match result {
        Err(MissingEnv { names }) => names,
        other => panic!("expected MissingEnv, got {other:?}"),
    }
}

#[test]
fn credentials_from_environment() {
    set(&[]);
    assert_eq!(missing(from_env()), ALL.to_vec());
    assert_eq!(
        missing(Credentials::from_env_with(&[SERVICE_ACCOUNT])),
        ALL[..2].to_vec()
    );
    assert_eq!(
        missing(Credentials::from_env_with(&[API_KEY])),
        ALL[2..].to_vec()
    );
    let message = from_env().expect_err("nothing set").to_string();
    assert!(
        message.contains("MONGODB_ATLAS_CLIENT_ID")
            && message.contains("MONGODB_ATLAS_PRIVATE_API_KEY")
    );
    // What the generated `Client::from_env` says of the same is tested with a generated client:
    // tests/tests/client_env.rs.

    // A half-configured pair names only its missing half; empty counts as unset.
    set(&[
        ("MONGODB_ATLAS_CLIENT_ID", "id"),
        ("MONGODB_ATLAS_CLIENT_SECRET", ""),
    ]);
    assert_eq!(missing(from_env()), vec!["MONGODB_ATLAS_CLIENT_SECRET"]);
    set(&[("MONGODB_ATLAS_PRIVATE_API_KEY", "private-s3cret")]);
    assert_eq!(missing(from_env()), vec!["MONGODB_ATLAS_PUBLIC_API_KEY"]);

    set(&[
        ("MONGODB_ATLAS_PUBLIC_API_KEY", "pub"),
        ("MONGODB_ATLAS_PRIVATE_API_KEY", "private-s3cret"),
    ]);
    match from_env().expect("api key") {
        Credentials::ApiKey {
            public_key,
            private_key,
        } => {
            assert_eq!(
                (public_key.as_str(), private_key.expose()),
                ("pub", "private-s3cret")
            );
        }
        other => panic!("expected an API key, got {other:?}"),
    }

    // Service account wins when both pairs are complete.
    set(&[
        ("MONGODB_ATLAS_CLIENT_ID", "id"),
        ("MONGODB_ATLAS_CLIENT_SECRET", "client-s3cret"),
        ("MONGODB_ATLAS_PUBLIC_API_KEY", "pub"),
        ("MONGODB_ATLAS_PRIVATE_API_KEY", "private-s3cret"),
    ]);
    match from_env().expect("service account") {
        Credentials::ServiceAccount {
            client_id,
            client_secret,
        } => {
            assert_eq!(
                (client_id.as_str(), client_secret.expose()),
                ("id", "client-s3cret")
            );
        }
        other => panic!("expected a service account, got {other:?}"),
    }
    assert!(matches!(
        Credentials::from_env_with(&[API_KEY]),
        Ok(Credentials::ApiKey { .. })
    ));
    set(&[]);
}
