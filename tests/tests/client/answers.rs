//! What Atlas really sends, through `send()` against a local server: answers that break the
//! spec's promises (undeclared properties, a required property missing, `null` where the spec
//! allows none, a value of another type, a `writeOnly` property sent back) decode without loss
//! and encode back to what came; a GET then a PATCH of the same object sends back every field as
//! it came; a search index definition (a MongoDB document, where key order matters) goes out
//! and comes back exactly; a base type with a subtype that adds nothing decodes (it used to
//! recurse until the stack overflowed).

use fixture_constructs::params::GroupId;
use fixture_constructs::types::{request, Schedule, SearchIndex, Thing};
use fixture_constructs::{Client, Credentials, RetryPolicy};
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::support::GROUP_ID;

const THING_ID: &str = "6f4007f327a3bd7b6f4103c6";

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

fn thing_path() -> String {
    format!("/api/atlas/v2/groups/{GROUP_ID}/things/{THING_ID}")
}

/// A search index definition as Atlas stores it: `fields` and the `$sort`-like document inside
/// are in an order that is not alphabetical, and must stay so.
fn search_index() -> Value {
    json!({
        "name": "default",
        "type": "search",
        "analyzer": "lucene.standard",
        "mappings": {
            "dynamic": false,
            "fields": {"title": {"type": "string"}, "sort": {"year": -1, "month": 1}, "author": {"type": "token"}}
        },
        "synonyms": [{"analyzer": "lucene.english", "name": "cars", "source": {"collection": "synonyms"}}],
        "numPartitions": 2
    })
}

/// An answer as Atlas sends them: `name` (required) is missing, `owner` is `null` though the
/// spec does not allow it, `count` is a string, `secret` (`writeOnly`) came back, and
/// `predictiveEnabled` is not in the spec at all.
fn broken_promises() -> Value {
    json!({
        "id": "3f2a5c1e-8b4d-4e6f-9a0b-1c2d3e4f5a6b",
        "created": "2024-05-01T10:00:00Z",
        "owner": null,
        "note": null,
        "count": "12",
        "secret": "returned anyway",
        "labels": {"zone": "b", "app": "a"},
        "predictiveEnabled": true,
        "schedule": {"type": "DEFAULT"},
        "index": search_index(),
        "tree": {"value": "v", "weightKg": 3.5, "children": [{"value": "c", "tag": null}]}
    })
}

async fn answering(value: &Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(thing_path()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/vnd.atlas.2023-01-01+json")
                .set_body_string(value.to_string()),
        )
        .mount(&server)
        .await;
    server
}

/// PATCHes of the thing are answered with the body they sent, as Atlas answers an update.
async fn echoing_patches(server: &MockServer) {
    Mock::given(method("PATCH"))
        .and(path(thing_path()))
        .respond_with(|request: &Request| {
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/vnd.atlas.2023-01-01+json")
                .set_body_bytes(request.body.clone())
        })
        .mount(server)
        .await;
}

#[tokio::test]
async fn an_answer_that_breaks_the_specs_promises_decodes_and_encodes_back_whole() {
    let sent = broken_promises();
    let server = answering(&sent).await;
    let thing: Thing = client(&server)
        .get_thing(group(), THING_ID)
        .send()
        .await
        .unwrap()
        .into_body();

    assert_eq!(thing.name, None, "missing, not invented");
    assert_eq!(
        thing.note,
        Some(None),
        "nullable: `null` is kept apart from absent"
    );
    assert_eq!(thing.owner, None);
    assert_eq!(thing.other.get("owner"), Some(&Value::Null));
    assert_eq!(thing.count, None);
    assert_eq!(thing.other.get("count"), Some(&json!("12")));
    assert_eq!(
        thing.secret.as_ref().map(|s| s.expose()),
        Some("returned anyway")
    );
    assert_eq!(thing.other.get("predictiveEnabled"), Some(&json!(true)));
    assert!(matches!(thing.schedule, Some(Schedule::DefaultSchedule(_))));
    assert!(matches!(thing.index, Some(SearchIndex::TextSearchIndex(_))));
    // `Debug` names kept properties but never shows their values (one could be a secret).
    let debug = format!("{:?}", thing.other);
    assert!(
        debug.contains("predictiveEnabled") && !debug.contains("12"),
        "{debug}"
    );

    let back: Value = serde_json::to_value(&thing).unwrap();
    assert_eq!(
        back, sent,
        "every property, typed or not, comes back as it came"
    );
}

#[tokio::test]
async fn free_form_documents_keep_their_key_order() {
    let sent = broken_promises();
    let server = answering(&sent).await;
    let thing = client(&server)
        .get_thing(group(), THING_ID)
        .send()
        .await
        .unwrap()
        .into_body();
    let Some(SearchIndex::TextSearchIndex(index)) = &thing.index else {
        panic!("a text search index: {:?}", thing.index)
    };
    let fields = serde_json::to_string(&index.mappings.as_ref().unwrap().fields).unwrap();
    assert_eq!(
        fields,
        r#"{"title":{"type":"string"},"sort":{"year":-1,"month":1},"author":{"type":"token"}}"#
    );
    let labels: Vec<&String> = thing.labels.as_ref().unwrap().keys().collect();
    assert_eq!(labels, ["zone", "app"]);
}

#[tokio::test]
async fn get_then_patch_sends_back_every_field_as_it_came() {
    let mut answer = broken_promises();
    answer["name"] = json!("thing-1");
    answer["count"] = json!(12);
    answer["owner"] = json!("owner@example.com");
    let server = answering(&answer).await;
    echoing_patches(&server).await;
    let client = client(&server);

    let thing = client
        .get_thing(group(), THING_ID)
        .send()
        .await
        .unwrap()
        .into_body();
    let mut body: request::Thing = thing.to_request().unwrap();
    body.weight = Some(2.5);
    client
        .update_thing(group(), THING_ID, body)
        .send()
        .await
        .unwrap();

    let requests = server.received_requests().await.unwrap();
    let patch = requests
        .iter()
        .find(|r| r.method.as_str() == "PATCH")
        .unwrap();
    let sent: Value = serde_json::from_slice(&patch.body).unwrap();
    let sent = sent.as_object().unwrap();
    for (name, value) in answer.as_object().unwrap() {
        match name.as_str() {
            // What the server sets (`readOnly`) is not sent back.
            "id" | "created" => assert!(!sent.contains_key(name), "{name} sent back"),
            _ => assert_eq!(sent.get(name), Some(value), "{name}"),
        }
    }
    assert_eq!(sent.get("weight"), Some(&json!(2.5)));
    assert_eq!(sent.len(), answer.as_object().unwrap().len() - 2 + 1);
}

#[tokio::test]
async fn a_search_index_definition_is_sent_and_received_exactly() {
    let server = MockServer::start().await;
    echoing_patches(&server).await;
    let body: request::Thing =
        serde_json::from_value(json!({"name": "thing-1", "index": search_index()})).unwrap();
    let answer = client(&server)
        .update_thing(group(), THING_ID, body)
        .send()
        .await
        .unwrap()
        .into_body();

    let requests = server.received_requests().await.unwrap();
    let wire = String::from_utf8(requests[0].body.clone()).unwrap();
    let expected = json!({"name": "thing-1", "index": search_index()}).to_string();
    assert_eq!(wire, expected, "sent exactly, keys in their order");
    assert_eq!(serde_json::to_string(&answer).unwrap(), expected);
}

#[test]
fn a_subtype_that_adds_nothing_to_its_base_decodes() {
    for value in [
        json!({"type": "DEFAULT"}),
        json!({"type": "DAILY", "hour": 3}),
        json!({"type": "HOURLY", "minute": 5}),
    ] {
        let schedule: Schedule = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(serde_json::to_value(&schedule).unwrap(), value);
    }
    let default: Schedule = serde_json::from_value(json!({"type": "DEFAULT"})).unwrap();
    assert!(matches!(default, Schedule::DefaultSchedule(_)));
}
