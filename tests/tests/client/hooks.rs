//! The runtime's hooks through a generated client, as the README shows them: a header added
//! before sending reaches Atlas, the answer is observed, and the API key's secret and Digest
//! exchange stay out of what the hooks see.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use atlas_admin::params::{ClusterName, GroupId};
use atlas_admin::{Client, Credentials, HeaderName, HeaderValue};
use wiremock::matchers::{header, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::support::{config, GROUP_ID};

#[tokio::test]
async fn hooks_add_a_header_and_observe_the_answer_without_seeing_credentials() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("x-request-id", "job-42"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"results": [], "totalCount": 0}))
                .set_delay(Duration::from_millis(20)),
        )
        .expect(1)
        .mount(&server)
        .await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (before, after) = (Arc::clone(&seen), Arc::clone(&seen));
    let client = Client::with_config(
        config(&server)
            .credentials(Credentials::api_key("public-key", "private-s3cret"))
            .before_send(move |request| {
                before.lock().unwrap().push(format!("{request:?}"));
                request
                    .insert_header(
                        HeaderName::from_static("x-request-id"),
                        HeaderValue::from_static("job-42"),
                    )
                    .unwrap();
            })
            .after_answer(move |answer| {
                assert!(answer.elapsed() >= Duration::from_millis(20));
                after.lock().unwrap().push(format!(
                    "{answer:?} {:?} {}",
                    answer.status(),
                    answer.attempt()
                ));
            }),
    )
    .unwrap();
    let group: GroupId = GROUP_ID.parse().unwrap();
    let cluster: ClusterName = "Cluster0".parse().unwrap();
    client
        .list_group_cluster_backup_tenant_snapshots(group, cluster)
        .send()
        .await
        .unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen[1].contains("Some(200) 1"), "{seen:?}");
    for line in seen.iter() {
        assert!(
            !line.contains("private-s3cret") && !line.contains("Digest"),
            "{line}"
        );
    }
}
