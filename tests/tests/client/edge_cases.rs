//! The client generated from `tests/fixtures/edge-cases.yaml`: names that are keywords or hold
//! symbols keep their exact JSON and wire names, colliding enum values stay distinct, recursive
//! types are boxed, and an operation without an operationId gets a method derived from its path.

use fixture_edge_cases::types::{File, Folder, Symbols, TreeNode, Type};
use fixture_edge_cases::Client;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    crate::support::mock_client!(fixture_edge_cases, server)
}

fn awkward_json() -> serde_json::Value {
    serde_json::json!({
        "type": "t", "ref": "r", "self": "s", "crate": "c", "match": true, "async": 7,
        "2fa": "code", "a-b": "dash", "a.c": "dot", "$count": 3, "with space": "sp",
        "größe": 1.5, "status": "a_b"
    })
}

#[test]
fn keyword_and_symbol_properties_keep_their_json_names() {
    let value: Type = serde_json::from_value(awkward_json()).unwrap();
    assert_eq!(value.r#type.as_deref(), Some("t"));
    assert_eq!(value.r#ref.as_deref(), Some("r"));
    assert_eq!(value.self_.as_deref(), Some("s"));
    assert_eq!(value.crate_.as_deref(), Some("c"));
    assert_eq!(value.r#match, Some(true));
    assert_eq!(value.r#async, Some(7));
    assert_eq!(value._2fa.as_deref(), Some("code"));
    assert_eq!(value.a_b.as_deref(), Some("dash"));
    assert_eq!(value.a_c.as_deref(), Some("dot"));
    assert_eq!(value.count, Some(3));
    assert_eq!(value.with_space.as_deref(), Some("sp"));
    assert_eq!(value.gr_u00f6_u00df_e, Some(1.5));
    assert_eq!(value.status, Some(Symbols::AB2));
    assert_eq!(serde_json::to_value(&value).unwrap(), awkward_json());

    let mut minimal = Type::default();
    minimal.r#type = Some("t".into());
    minimal.r#ref = Some("r".into());
    let minimal = serde_json::to_value(minimal).unwrap();
    assert_eq!(minimal, serde_json::json!({"type": "t", "ref": "r"}));
}

#[test]
fn enum_values_that_collide_get_distinct_names_in_order() {
    let expected = [
        (Symbols::AB, "a-b"),
        (Symbols::AB2, "a_b"),
        (Symbols::AB3, "A B"),
        (Symbols::FooBar, "fooBar"),
        (Symbols::FooBar2, "foo_bar"),
        (Symbols::Type, "type"),
        (Symbols::Self_, "self"),
        (Symbols::V1st, "1st"),
        (Symbols::Lt, "<"),
        (Symbols::GtEq, ">="),
        (Symbols::Empty, ""),
        (Symbols::Unknown, "Unknown"),
        (Symbols::StarSlash, "*/"),
    ];
    for (variant, wire) in &expected {
        assert_eq!(variant.as_str(), *wire);
        assert_eq!(&Symbols::from(*wire), variant);
    }
    assert_eq!(Symbols::KNOWN_VALUES.len(), expected.len());
    // `Unknown` is a value of the spec, so the catch-all variant is named differently.
    assert_eq!(
        Symbols::from("later"),
        Symbols::UnknownValue("later".into())
    );
}

/// A tree node named `name`, nothing else set.
fn node(name: &str) -> TreeNode {
    let mut node = TreeNode::default();
    node.name = Some(name.into());
    node
}

#[test]
fn recursive_schemas_are_boxed_and_round_trip() {
    let mut leaf = node("leaf");
    leaf.parent = Some(Box::new(node("root")));
    let mut root = node("root");
    root.children = Some(vec![leaf.clone()]);
    root.by_name = Some([("leaf".to_owned(), leaf)].into_iter().collect());
    let json = serde_json::to_value(&root).unwrap();
    assert_eq!(json["children"][0]["parent"]["name"], "root");
    assert_eq!(json["byName"]["leaf"]["name"], "leaf");
    assert_eq!(serde_json::from_value::<TreeNode>(json).unwrap(), root);

    // Two types holding each other: both sides are boxed.
    let mut inner = Folder::default();
    inner.file = Some(Box::default());
    let mut file = File::default();
    file.folder = Some(Box::new(inner));
    file.name = Some("a".into());
    let mut folder = Folder::default();
    folder.file = Some(Box::new(file));
    let json = serde_json::to_value(&folder).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"file": {"folder": {"file": {}}, "name": "a"}})
    );
    assert_eq!(serde_json::from_value::<Folder>(json).unwrap(), folder);
}

#[tokio::test]
async fn awkward_parameters_go_on_the_wire_under_their_own_names() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things/a%20b"))
        .and(query_param("type", "t"))
        .and(query_param("self", "true"))
        .and(query_param("match", "3"))
        .and(query_param("async", "x"))
        .and(query_param("2fa", "123"))
        .and(query_param("page-num", "2"))
        .and(query_param("a.b", "dot"))
        .and(query_param("$filter", "f"))
        .and(query_param("with space", "sp"))
        .and(query_param("body", "q"))
        .and(header("X-Request-Id", "req-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(awkward_json()))
        .expect(1)
        .mount(&server)
        .await;
    // No operationId in the spec: the method is named after `get /things/{thing-id}`.
    let thing = client(&server)
        .get_things_thing_id("a b")
        .r#type("t")
        .self_(true)
        .r#match(3)
        .r#async(vec!["x".into()])
        ._2fa("123")
        .page_num(2)
        .a_b("dot")
        .filter("f")
        .with_space("sp")
        .body_value("q")
        .x_request_id("req-1")
        .send()
        .await
        .unwrap()
        .into_body();
    assert_eq!(thing.r#type.as_deref(), Some("t"));
}

/// Cookie parameters go out together in one `Cookie` header, in spec order, each value
/// percent-encoded only where RFC 6265 requires it; unset ones are left out, and with none set
/// there is no header at all.
#[tokio::test]
async fn cookie_parameters_are_sent_in_one_encoded_header() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(awkward_json()))
        .mount(&server)
        .await;
    let client = client(&server);
    client
        .get_things_thing_id("t")
        .session_id("a b;c=d/e%")
        .theme("dark")
        .send()
        .await
        .unwrap();
    client
        .get_things_thing_id("t")
        .theme("light")
        .send()
        .await
        .unwrap();
    client.get_things_thing_id("t").send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let cookies: Vec<Option<&str>> = requests
        .iter()
        .map(|r| r.headers.get("cookie").map(|v| v.to_str().unwrap()))
        .collect();
    assert_eq!(
        cookies,
        [
            Some("session-id=a%20b%3Bc=d/e%25; theme=dark"),
            Some("theme=light"),
            None
        ]
    );
}

#[tokio::test]
async fn operations_named_after_keywords_are_callable() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/things/42"))
        .and(body_json(serde_json::json!({"name": "n"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"file": {}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/self/c"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let folder = client
        .r#match("42", node("n"))
        .send()
        .await
        .unwrap()
        .into_body();
    let mut expected = Folder::default();
    expected.file = Some(Box::default());
    assert_eq!(folder, expected);
    client.self_("c").send().await.unwrap();
}

#[tokio::test]
async fn names_of_the_client_and_builder_methods_stay_theirs() {
    use fixture_edge_cases::types::NewResponse200;
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/reserved/now"))
        .and(query_param("into_stream", "true"))
        .and(header("header", "declared"))
        .and(header("x-added", "by .header()"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"kind": "Unknown"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    // The operation `new` is `new2` (Client::new builds clients); the parameters `send`,
    // `into_stream` and `header` are `send_value`, `into_stream_value` and `header_value` (the
    // builder has `send`, `into_stream` and `header`).
    let answer = client(&server)
        .new2("now")
        .into_stream_value(true)
        .header_value("declared")
        .header("X-Added", "by .header()")
        .send()
        .await
        .unwrap()
        .into_body();
    // A variant schema called `Unknown` keeps its name; unknown tags go to `UnknownValue`.
    assert!(matches!(answer, NewResponse200::Unknown(_)), "{answer:?}");
    let other: NewResponse200 =
        serde_json::from_value(serde_json::json!({"kind": "Other"})).unwrap();
    assert!(
        matches!(other, NewResponse200::UnknownValue(_)),
        "{other:?}"
    );
}

/// Schemas named `Result`, `Option` and `String` shadow the prelude's names in the generated
/// crate, which must still reach the prelude's types where it means them.
#[test]
fn schemas_named_like_the_prelude_round_trip() {
    use fixture_edge_cases::types;

    let json = serde_json::json!({"choice": "none", "text": {"value": "v"}});
    let value: types::Result = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(value.choice, Some(types::Option::None));
    assert_eq!(value.text.as_ref().unwrap().value.as_deref(), Some("v"));
    assert_eq!(value.note, None);
    assert_eq!(serde_json::to_value(&value).unwrap(), json);

    let later: types::Option = serde_json::from_value(serde_json::json!("later")).unwrap();
    assert_eq!(later, types::Option::Unknown("later".into()));
    assert_eq!(serde_json::to_value(&later).unwrap(), "later");
}

#[test]
fn schemas_named_like_the_generated_impls_generic_parameters_decode() {
    // Also: an `allOf` of an enum and a description, and an integer whose bounds exceed 64 bits.
    use fixture_edge_cases::types::{File, Letters, Pick, S};

    let json = serde_json::json!({
        "letters": {"kind": "A", "s": "y", "big": 9007199254740993_i64, "described": "x"},
        "pick": {"a": "picked"},
        "name": "n"
    });
    let file: File = serde_json::from_value(json.clone()).unwrap();
    assert!(matches!(&file.letters, Some(Letters::A(a)) if a.s == Some(S::Y)));
    assert!(matches!(&file.letters, Some(Letters::A(a)) if a.described == Some(S::X)));
    assert!(matches!(&file.letters, Some(Letters::A(a)) if a.big == Some(9_007_199_254_740_993)));
    assert!(matches!(&file.pick, Some(Pick::Fields(f)) if f.a.as_deref() == Some("picked")));
    assert_eq!(serde_json::to_value(&file).unwrap(), json);

    // `$ref`s into components: the type the position has.
    let json = serde_json::json!({"firstChild": {"name": "c"}, "tag": {"k": "v"}});
    let file: File = serde_json::from_value(json.clone()).unwrap();
    let child: &fixture_edge_cases::types::TreeNode = file.first_child.as_ref().unwrap();
    assert_eq!(child.name.as_deref(), Some("c"));
    let tag: &fixture_edge_cases::types::FieldsTagsItem = file.tag.as_ref().unwrap();
    assert_eq!(tag.k.as_deref(), Some("v"));
    assert_eq!(serde_json::to_value(&file).unwrap(), json);

    let text: Pick = serde_json::from_value(serde_json::json!("plain")).unwrap();
    assert_eq!(serde_json::to_value(&text).unwrap(), "plain");
}
