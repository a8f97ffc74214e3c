//! API versions, on the multi-version fixture: each version has its own method, media type and
//! types; the plain method is the newest version that is neither preview nor sunset.

use fixture_multi_version::params::GroupId;
use fixture_multi_version::types::{request, WidgetV1, WidgetV2};
use fixture_multi_version::Client;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::GROUP_ID;

fn client(server: &MockServer) -> Client {
    crate::support::mock_client!(fixture_multi_version, server)
}

async fn widget_server() -> MockServer {
    let server = MockServer::start().await;
    let widget_path = format!("/api/atlas/v2/groups/{GROUP_ID}/widgets/a%2Fb%20c");
    let versions = [
        (
            "application/vnd.atlas.2023-01-01+json",
            serde_json::json!({"name": "w", "size": 3}),
        ),
        (
            "application/vnd.atlas.2024-08-05+json",
            serde_json::json!({"name": "w", "dimensions": [1, 2], "id": "i"}),
        ),
        (
            "application/vnd.atlas.2025-01-01+json",
            serde_json::json!({"name": "w", "colour": "red"}),
        ),
        (
            "application/vnd.atlas.preview+json",
            serde_json::json!({"name": "w", "experimental": true}),
        ),
    ];
    for (accept, body) in versions {
        Mock::given(method("GET"))
            .and(path(widget_path.as_str()))
            .and(header("accept", accept))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
    }
    server
}

#[tokio::test]
async fn each_version_returns_its_own_type() {
    let server = widget_server().await;
    let client = client(&server);
    let group = || GroupId::new(GROUP_ID).unwrap();
    // The widget name is not a patterned parameter: it is percent-encoded so it stays one segment.
    let default: WidgetV2 = client
        .get_widget(group(), "a/b c")
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(default.dimensions, Some(vec![1, 2]));
    let old: WidgetV1 = client
        .get_widget_v2023_01_01(group(), "a/b c")
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(old.size, Some(3));
    let newest_but_sunset = client
        .get_widget_v2025_01_01(group(), "a/b c")
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(newest_but_sunset.colour.as_deref(), Some("red"));
    let preview = client
        .get_widget_preview(group(), "a/b c")
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(preview.experimental, Some(true));
}

#[tokio::test]
async fn request_bodies_follow_the_chosen_version() {
    let server = MockServer::start().await;
    let widgets = format!("/api/atlas/v2/groups/{GROUP_ID}/widgets");
    Mock::given(method("POST"))
        .and(path(widgets.as_str()))
        .and(header(
            "content-type",
            "application/vnd.atlas.2023-01-01+json",
        ))
        .and(header("accept", "application/vnd.atlas.2023-01-01+json"))
        .and(body_json(serde_json::json!({"name": "old", "size": 1})))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(serde_json::json!({"name": "old", "size": 1})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(widgets.as_str()))
        .and(header(
            "content-type",
            "application/vnd.atlas.2024-08-05+json",
        ))
        .and(body_json(
            serde_json::json!({"name": "new", "dimensions": [4]}),
        ))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(serde_json::json!({"name": "new", "id": "server-set"})),
        )
        .expect(1)
        .mount(&server)
        .await;

    let client = client(&server);
    let group = || GroupId::new(GROUP_ID).unwrap();
    let mut old = WidgetV1::default();
    old.name = Some("old".into());
    old.size = Some(1);
    let created = client
        .create_widget_v2023_01_01(group(), old)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    // `id` is read-only in WidgetV2, so the request type has no such field.
    let mut new = request::WidgetV2::new("new".into());
    new.dimensions = Some(vec![4]);
    let created = client
        .create_widget(group(), new)
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(created.id.as_deref(), Some("server-set"));
}

/// A setter any version has, applied through the one builder the versions share.
fn traced<V>(
    builder: fixture_multi_version::operations::widgets::GetWidget<'_, V>,
) -> fixture_multi_version::operations::widgets::GetWidget<'_, V> {
    builder.header("x-trace", "t-1")
}

#[tokio::test]
async fn the_versions_of_an_operation_share_one_builder() {
    use fixture_multi_version::operations::widgets::{GetWidget, GetWidgetV2023_01_01};
    use fixture_multi_version::versions::V2023_01_01;

    let server = widget_server().await;
    let client = client(&server);
    let group = || GroupId::new(GROUP_ID).unwrap();
    // The old builder name is the shared builder at the version's marker.
    let old: GetWidgetV2023_01_01<'_> = client.get_widget_v2023_01_01(group(), "a/b c");
    let old: GetWidget<'_, V2023_01_01> = traced(old);
    let new: GetWidget<'_> = traced(client.get_widget(group(), "a/b c"));
    assert_eq!(old.send().await.unwrap().into_body().size, Some(3));
    let new = new.send().await.unwrap().into_body();
    assert_eq!(new.dimensions, Some(vec![1, 2]));
    // Each version sent its own `Accept`, and the shared setter's header.
    let requests = server.received_requests().await.unwrap();
    let accepts: Vec<(&str, &str)> = (requests.iter())
        .map(|request| {
            let text = |name: &str| request.headers.get(name).unwrap().to_str().unwrap();
            (text("accept"), text("x-trace"))
        })
        .collect();
    assert_eq!(
        accepts,
        [
            ("application/vnd.atlas.2023-01-01+json", "t-1"),
            ("application/vnd.atlas.2024-08-05+json", "t-1"),
        ]
    );
}
