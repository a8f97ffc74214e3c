//! The constructs fixture: pagination as a stream (with `results` optional and required),
//! discriminated and untagged unions, allOf merges, properties beside an undiscriminated oneOf,
//! maps, formats, several success bodies, an operation's own error body, CSV and gzip, and
//! undiscriminated oneOfs an untagged enum would decode wrongly (Notification, Endpoint).

use fixture_constructs::error::ErrorDocument;
use fixture_constructs::operations::things::CreateThingResponse;
use fixture_constructs::params::GroupId;
use fixture_constructs::types::{
    request, Animal, AwsHardwareSpecEbsVolumeType, Cluster, Endpoint, EndpointRegion,
    HardwareSpecInstanceSize, ListThingsKindItem, Notification, PaginatedThingView, Report, Shape,
    Thing, ThingOperator,
};
use fixture_constructs::{Client, Credentials, Error, RetryPolicy, Secret};
use futures_util::TryStreamExt;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::GROUP_ID;

fn client(server: &MockServer) -> Client {
    Client::with_config(
        Client::default_config()
            .base_url(server.uri())
            .credentials(Credentials::None)
            .retry(RetryPolicy::none()),
    )
    .unwrap()
}

fn group() -> GroupId {
    GroupId::new(GROUP_ID).unwrap()
}

fn things_path() -> String {
    format!("/api/atlas/v2/groups/{GROUP_ID}/things")
}

fn page(names: &[&str]) -> serde_json::Value {
    let results: Vec<_> = names
        .iter()
        .map(|n| serde_json::json!({"name": n}))
        .collect();
    serde_json::json!({"results": results, "totalCount": 5})
}

/// Pages of two items at `at`: `a, b`, then `c, d`, then `e`, each to be read exactly once.
async fn three_pages(server: &MockServer, at: &str) {
    for (number, names) in [
        ("1", &["a", "b"][..]),
        ("2", &["c", "d"][..]),
        ("3", &["e"][..]),
    ] {
        Mock::given(method("GET"))
            .and(path(at))
            .and(query_param("pageNum", number))
            .and(query_param("itemsPerPage", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(names)))
            .expect(1)
            .mount(server)
            .await;
    }
}

#[tokio::test]
async fn the_stream_reads_every_page_and_stops_at_a_short_one() {
    let server = MockServer::start().await;
    three_pages(&server, &things_path()).await;
    let client = client(&server);
    let names: Vec<String> = client
        .list_things(group())
        .items_per_page(2)
        .into_stream()
        .map_ok(|thing| thing.name.unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
}

#[tokio::test]
async fn the_stream_reads_every_page_when_results_are_required() {
    let server = MockServer::start().await;
    three_pages(&server, &format!("/api/atlas/v2/groups/{GROUP_ID}/parts")).await;
    let client = client(&server);
    let names: Vec<String> = client
        .list_parts(group())
        .items_per_page(2)
        .into_stream()
        .map_ok(|part| part.name.unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
}

#[tokio::test]
async fn the_stream_ends_at_the_first_error() {
    let server = MockServer::start().await;
    Mock::given(query_param("pageNum", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&["a", "b"])))
        .mount(&server)
        .await;
    Mock::given(query_param("pageNum", "2"))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(serde_json::json!({"error": 404, "errorCode": "GONE"})),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    let mut stream = Box::pin(client.list_things(group()).items_per_page(2).into_stream());
    assert_eq!(stream.try_next().await.unwrap().unwrap().name.unwrap(), "a");
    assert_eq!(stream.try_next().await.unwrap().unwrap().name.unwrap(), "b");
    let error = stream.try_next().await.unwrap_err();
    assert_eq!(error.error_code(), Some("GONE"));
}

#[tokio::test]
async fn query_arrays_repeat_and_dates_are_rfc3339() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&[])))
        .mount(&server)
        .await;
    let since = chrono::DateTime::parse_from_rfc3339("2025-05-04T09:42:00Z")
        .unwrap()
        .to_utc();
    client(&server)
        .list_things(group())
        .kind(vec![ListThingsKindItem::Cat, ListThingsKindItem::Dog])
        .since(since)
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].url.query(),
        Some("kind=cat&kind=dog&since=2025-05-04T09%3A42%3A00Z")
    );
}

#[test]
fn discriminated_unions_dispatch_on_the_tag_and_keep_unknown_ones() {
    let json = serde_json::json!({
        "results": [
            {"name": "t1", "animal": {"kind": "cat", "name": "Tom", "lives": 9}},
            {"name": "t2", "animal": {"kind": "dog", "goodBoy": true}},
            {"name": "t3", "animal": {"kind": "fish", "fins": 2}}
        ]
    });
    let page: PaginatedThingView = serde_json::from_value(json.clone()).unwrap();
    let animals: Vec<&Animal> = page
        .results
        .as_ref()
        .unwrap()
        .iter()
        .map(|t| t.animal.as_ref().unwrap())
        .collect();
    assert!(
        matches!(animals[0], Animal::Cat(cat) if cat.lives == Some(9) && cat.name.as_deref() == Some("Tom"))
    );
    assert!(matches!(animals[1], Animal::Dog(dog) if dog.good_boy == Some(true)));
    assert!(matches!(animals[2], Animal::Unknown(value) if value["fins"] == 2));
    // The tag is part of each child, so it survives a round trip.
    let back = serde_json::to_value(&page).unwrap();
    assert_eq!(back["results"][0]["animal"]["kind"], "cat");
    assert_eq!(back["results"][2]["animal"], json["results"][2]["animal"]);
}

#[test]
fn untagged_unions_maps_nullable_and_formats() {
    let thing: Thing = serde_json::from_value(serde_json::json!({
        "name": "n",
        "id": "6f1c7a52-8f0e-4c38-9d1b-1c1f0e7b3a11",
        "day": "2025-05-04",
        "labels": {"team": "db", "tier": "gold"},
        "note": null,
        "weight": 2.5,
        "count": 9007199254740993_i64,
        "shape": {"side": 3.0},
        "operator": "<",
        "parent": {"name": "p", "operator": "UP"},
        "tree": {"value": "root", "children": [{"value": "leaf"}], "next": {"value": "sibling"}}
    }))
    .unwrap();
    assert!(matches!(thing.shape, Some(Shape::Square(ref square)) if square.side == Some(3.0)));
    assert_eq!(thing.labels.as_ref().unwrap()["tier"], "gold");
    assert_eq!(thing.note, Some(None), "`null`, not absent");
    assert_eq!(thing.count, Some(9_007_199_254_740_993));
    assert_eq!(thing.day.unwrap().to_string(), "2025-05-04");
    assert_eq!(thing.operator, Some(ThingOperator::Lt));
    assert_eq!(
        thing.parent.as_ref().unwrap().operator,
        Some(ThingOperator::Up2),
        "`up` and `UP` stay apart"
    );
    assert_eq!(
        thing
            .tree
            .as_ref()
            .unwrap()
            .next
            .as_ref()
            .unwrap()
            .value
            .as_deref(),
        Some("sibling")
    );
    assert_eq!(ThingOperator::Empty.as_str(), "");
}

#[test]
fn write_only_secrets_are_sent_but_never_printed() {
    let mut thing = request::Thing::new("n".into());
    thing.secret = Some(Secret::new("hunter2"));
    assert!(!format!("{thing:?}").contains("hunter2"));
    assert_eq!(serde_json::to_value(&thing).unwrap()["secret"], "hunter2");
}

async fn create_answered_with(template: ResponseTemplate) -> Result<CreateThingResponse, Error> {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(things_path()))
        .respond_with(template)
        .mount(&server)
        .await;
    client(&server)
        .create_thing(group(), request::Thing::new("n".into()))
        .send()
        .await
        .map(|r| r.into_body())
}

#[tokio::test]
async fn success_statuses_with_different_bodies_are_an_enum() {
    let created = create_answered_with(
        ResponseTemplate::new(200).set_body_json(serde_json::json!({"name": "n"})),
    )
    .await;
    assert!(
        matches!(created, Ok(CreateThingResponse::Ok(thing)) if thing.name.as_deref() == Some("n"))
    );
    let accepted = create_answered_with(ResponseTemplate::new(202)).await;
    assert!(matches!(accepted, Ok(CreateThingResponse::Accepted)));
}

#[tokio::test]
async fn an_operation_specific_error_body_is_typed() {
    let error = create_answered_with(
        ResponseTemplate::new(400)
            .set_body_json(serde_json::json!({"problemType": "TOO_BIG", "fields": ["weight"]})),
    )
    .await
    .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    let Error::Document(failure) = &error else {
        panic!("{error:?}")
    };
    let ErrorDocument::ThingProblem(problem) = &failure.document else {
        panic!("{failure:?}")
    };
    assert_eq!(problem.fields.as_deref(), Some(&["weight".to_owned()][..]));
    // Other statuses still carry the shared error.
    let error = create_answered_with(
        ResponseTemplate::new(404)
            .set_body_json(serde_json::json!({"error": 404, "errorCode": "NOT_FOUND"})),
    )
    .await
    .unwrap_err();
    assert_eq!(error.error_code(), Some("NOT_FOUND"));
}

#[tokio::test]
async fn csv_and_gzip_come_back_as_bytes() {
    let server = MockServer::start().await;
    let report = format!("{}/t1/report", things_path());
    Mock::given(path(report.as_str()))
        .and(header("accept", "application/vnd.atlas.2023-01-01+csv"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw("lines\n3\n", "application/vnd.atlas.2023-01-01+csv"),
        )
        .mount(&server)
        .await;
    Mock::given(path(report.as_str()))
        .and(header("accept", "application/vnd.atlas.2023-01-01+json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"lines": 3})))
        .mount(&server)
        .await;
    let gzip_bytes = vec![0x1f_u8, 0x8b, 0x08, 0x00, 0xff];
    Mock::given(path(format!("{}/t1/archive", things_path())))
        .and(header("accept", "application/vnd.atlas.2023-02-01+gzip"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(gzip_bytes.clone(), "application/vnd.atlas.2023-02-01+gzip"),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    let csv = client
        .get_thing_report_csv(group(), "t1")
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(&csv[..], b"lines\n3\n");
    let json = client
        .get_thing_report(group(), "t1")
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(json.lines, Some(3));
    let archive = client
        .download_thing_archive(group(), "t1")
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(archive.to_vec(), gzip_bytes);
}

#[tokio::test]
async fn hardware_beside_a_oneof_is_sent_with_every_field_set() {
    let server = MockServer::start().await;
    let created = serde_json::json!({"name": "Cluster0"});
    Mock::given(method("POST"))
        .and(path(format!("/api/atlas/v2/groups/{GROUP_ID}/clusters")))
        .respond_with(ResponseTemplate::new(201).set_body_json(created))
        .mount(&server)
        .await;
    let mut cluster = request::Cluster::new("Cluster0".into());
    let mut specs = request::HardwareSpec::default();
    specs.instance_size = Some(HardwareSpecInstanceSize::M10);
    specs.node_count = Some(3);
    specs.disk_iops = Some(3000);
    specs.ebs_volume_type = Some(AwsHardwareSpecEbsVolumeType::Provisioned);
    cluster.electable_specs = Some(specs);
    client(&server)
        .create_cluster(group(), cluster)
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    let sent: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        sent,
        serde_json::json!({
            "name": "Cluster0",
            "electableSpecs": {
                "diskIOPS": 3000,
                "ebsVolumeType": "PROVISIONED",
                "instanceSize": "M10",
                "nodeCount": 3
            }
        })
    );
}

#[tokio::test]
async fn hardware_beside_a_oneof_decodes_and_encodes_back_with_every_field() {
    let server = MockServer::start().await;
    // Every property of every alternative at once: the struct keeps them all, whichever one a
    // value really is (nothing in it says).
    let atlas = serde_json::json!({
        "name": "Cluster0",
        "stateName": "IDLE",
        "electableSpecs": {
            "diskSizeGB": 10.5,
            "providerName": "AWS",
            "diskIOPS": 3000,
            "ebsVolumeType": "STANDARD",
            "instanceSize": "M10",
            "nodeCount": 3,
            "effectiveInstanceSize": "M0"
        }
    });
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(&atlas))
        .mount(&server)
        .await;
    let cluster: Cluster = client(&server)
        .create_cluster(group(), request::Cluster::new("Cluster0".into()))
        .send()
        .await
        .unwrap()
        .into_body();
    let specs = cluster.electable_specs.as_ref().unwrap();
    assert_eq!(specs.instance_size, Some(HardwareSpecInstanceSize::M10));
    assert_eq!((specs.node_count, specs.disk_iops), (Some(3), Some(3000)));
    assert_eq!(serde_json::to_value(&cluster).unwrap(), atlas);
    // Values of every alternative's enum are known to the one merged enum.
    for size in ["M10", "M90", "M0"] {
        assert!(
            HardwareSpecInstanceSize::KNOWN_VALUES.contains(&size),
            "{size}"
        );
    }
}

#[test]
fn float_numbers_keep_values_beyond_f32() {
    // -2^128 is below f32's range: as an f32 it became -inf, written back as `null`.
    let json = serde_json::json!({"lines": 1, "ratio": -3.402_823_669_209_385e38});
    let report: Report = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&report).unwrap(), json);
}

/// Sends `value` to `at` with `send`, with Atlas answering `value`: the body the client sent and
/// the one it decoded, encoded again.
async fn sent_and_received<T: serde::Serialize>(
    at: &str,
    value: &serde_json::Value,
    send: impl AsyncFnOnce(Client) -> T,
) -> (serde_json::Value, serde_json::Value) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/api/atlas/v2/groups/{GROUP_ID}/{at}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(value))
        .mount(&server)
        .await;
    let received = serde_json::to_value(send(client(&server)).await).unwrap();
    let requests = server.received_requests().await.unwrap();
    (serde_json::from_slice(&requests[0].body).unwrap(), received)
}

#[tokio::test]
async fn a_oneof_told_apart_by_an_inferred_tag_keeps_every_alternative() {
    // The first alternative requires only `typeName`: as an untagged enum every notification
    // decoded as an email one and lost its other fields.
    let alternatives = [
        serde_json::json!({"typeName": "EMAIL", "delayMin": 5, "emailAddress": "a@example.com"}),
        serde_json::json!({"typeName": "WEBHOOK_V2", "delayMin": 1, "webhookUrl": "https://h", "webhookSecret": "s"}),
        serde_json::json!({"typeName": "PIGEON", "delayMin": 60, "channel": "roof"}),
        // A tag this client does not know is kept as it came.
        serde_json::json!({"typeName": "CARRIER_OWL", "owl": {"name": "Hedwig"}}),
    ];
    let variants = [
        "EmailNotification",
        "WebhookNotification",
        "OtherNotification",
        "Unknown",
    ];
    for (json, expected) in alternatives.iter().zip(variants) {
        let decoded: Notification = serde_json::from_value(json.clone()).unwrap();
        let variant = format!("{decoded:?}");
        assert!(variant.starts_with(expected), "{json} decoded as {variant}");
        let (sent, received) = sent_and_received("notifications", json, async |client| {
            let request = client.create_notification(group(), decoded);
            request.send().await.unwrap().into_body()
        })
        .await;
        assert_eq!((&sent, &received), (json, json));
    }
}

#[tokio::test]
async fn a_oneof_nothing_tells_apart_is_one_struct_of_every_field() {
    let alternatives = [
        serde_json::json!({"id": "vpce-1", "region": "US_EAST_1"}),
        serde_json::json!({"id": "azure-1", "privateIp": "10.0.0.4", "region": "US_EAST_2"}),
        serde_json::json!({"groupName": "g", "projectId": "p-1"}),
    ];
    for json in &alternatives {
        let decoded: Endpoint = serde_json::from_value(json.clone()).unwrap();
        let (sent, received) = sent_and_received("endpoints", json, async |client| {
            let request = client.create_endpoint(group(), decoded);
            request.send().await.unwrap().into_body()
        })
        .await;
        assert_eq!((&sent, &received), (json, json));
    }
    // The alternatives' region enums, reached through `$ref`, merge into one.
    let mut azure = Endpoint::default();
    azure.id = Some("azure-1".into());
    azure.private_ip = Some("10.0.0.4".into());
    azure.region = Some(EndpointRegion::UsEast2);
    assert_eq!(serde_json::to_value(&azure).unwrap(), alternatives[1]);
}

#[test]
fn a_oneof_told_apart_by_required_properties_stays_an_untagged_enum() {
    for json in [
        serde_json::json!({"radius": 1.5}),
        serde_json::json!({"side": 2.0}),
    ] {
        let shape: Shape = serde_json::from_value(json.clone()).unwrap();
        let expected = if json.get("side").is_some() {
            "Square"
        } else {
            "Circle"
        };
        assert!(format!("{shape:?}").starts_with(expected), "{shape:?}");
        assert_eq!(serde_json::to_value(&shape).unwrap(), json);
    }
}
