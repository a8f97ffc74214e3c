//! A crate of another API speaks for itself on the command line: its variables carry its own
//! prefix (`FIXTURE_FORMS_`), its keys are read from them and sent where its schemes say, and
//! the Atlas CLI's profiles and variables are neither offered nor read.

use fixture_forms::runtime::cli::{command, run_in, Environment};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn help_names_the_crates_own_variables_and_no_atlas_profile() {
    let mut tree = command(&fixture_forms::cli::API);
    let forms = tree.find_subcommand_mut("forms").unwrap();
    let help = (forms.find_subcommand_mut("createToken").unwrap())
        .render_long_help()
        .to_string();
    assert!(help.contains("[env: FIXTURE_FORMS_OUTPUT]"), "{help}");
    assert!(help.contains("[env: FIXTURE_FORMS_BASE_URL]"), "{help}");
    assert!(!help.contains("MONGODB_ATLAS"), "{help}");
    assert!(!help.contains("--profile"), "{help}");
    let top = command(&fixture_forms::cli::API)
        .render_long_help()
        .to_string();
    assert!(!top.contains("Atlas CLI"), "{top}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_key_comes_from_the_crates_variable_and_atlas_settings_are_ignored() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/tokens"))
        .and(query_param("api_key", "k3y-from-env"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let body = dir.path().join("body.json");
    std::fs::write(&body, r#"{"grant_type": "password"}"#).unwrap();
    // An Atlas CLI profile that would send Digest credentials elsewhere, were it read.
    let profiles = dir.path().join("config.toml");
    std::fs::write(
        &profiles,
        "[default]\npublic_api_key = \"pub\"\nprivate_api_key = \"priv\"\nops_manager_url = \"http://127.0.0.1:9/\"\n",
    )
    .unwrap();
    let uri = server.uri();
    let args: Vec<String> = ["fixture-forms", "forms", "createToken", "--file"]
        .map(str::to_owned)
        .into_iter()
        .chain([body.to_str().unwrap().to_owned()])
        .collect();
    let code = tokio::task::spawn_blocking(move || {
        let vars = move |name: &str| match name {
            "FIXTURE_FORMS_BASE_URL" => Some(uri.clone()),
            "FIXTURE_FORMS_QUERY_KEY" => Some("k3y-from-env".to_owned()),
            "MONGODB_ATLAS_BASE_URL" => Some("http://127.0.0.1:9/".to_owned()),
            "MONGODB_ATLAS_PUBLIC_API_KEY" | "MONGODB_ATLAS_PRIVATE_API_KEY" => {
                Some("atlas".to_owned())
            }
            _ => None,
        };
        let environment = Environment {
            vars: &vars,
            config_file: Some(profiles),
        };
        let args = args.into_iter().map(Into::into).collect();
        run_in(&fixture_forms::cli::API, args, &environment)
    })
    .await
    .unwrap();
    assert_eq!(code, 0);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].headers.get("authorization").is_none());
}
