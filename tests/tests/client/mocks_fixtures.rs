//! The generated `mock` module of each fixture client: a success, a typed error, a retry after
//! 429 and an unmatched request for each, pagination over three pages, versions told apart by
//! `Accept`, raw bytes, and the odd parameter names of the edge cases.

use std::time::Duration;

use futures_util::TryStreamExt;

const GROUP: &str = "32b6e34b3d91647abb20e7b8";

mod constructs {
    use super::*;
    use fixture_constructs::mock::MockAtlas;
    use fixture_constructs::types::{ApiError, Named};

    #[tokio::test]
    async fn pages_are_walked_by_into_stream() {
        let atlas = MockAtlas::start().await;
        let named = |n: &str| {
            let mut named = Named::default();
            named.name = Some(n.into());
            named
        };
        let pages = vec![
            vec![named("a"), named("b")],
            vec![named("c"), named("d")],
            vec![named("e")],
        ];
        atlas
            .list_parts()
            .respond_pages(pages)
            .expect(3)
            .mount()
            .await;
        let client = atlas.client();
        let stream = client
            .list_parts(GROUP.parse().unwrap())
            .items_per_page(2)
            .into_stream();
        let names: Vec<String> = stream
            .map_ok(|n| n.name.unwrap_or_default())
            .try_collect()
            .await
            .unwrap();
        assert_eq!(names, ["a", "b", "c", "d", "e"]);
        atlas.verify().await;
    }

    #[tokio::test]
    async fn raw_bytes_are_answered_in_the_accepted_media_type() {
        let atlas = MockAtlas::start().await;
        let gzip = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
        atlas
            .download_thing_archive()
            .thing_id("t1")
            .respond_bytes(gzip.clone())
            .mount()
            .await;
        let client = atlas.client();
        let call = client.download_thing_archive(GROUP.parse().unwrap(), "t1");
        assert_eq!(
            call.send().await.unwrap().into_body().as_ref(),
            gzip.as_slice()
        );
    }

    #[tokio::test]
    async fn error_and_retry_of_a_json_method() {
        let atlas = MockAtlas::start().await;
        atlas
            .get_thing_report()
            .thing_id("missing")
            .respond_error(404, &{
                let mut error = ApiError::default();
                error.error = Some(404);
                error.error_code = Some("THING_NOT_FOUND".into());
                error
            })
            .mount()
            .await;
        atlas
            .get_thing_report()
            .thing_id("busy")
            .respond_rate_limited(Duration::ZERO)
            .respond_with_status(200, &serde_json::json!({"title": "ok"}))
            .expect(2)
            .mount()
            .await;
        let client = atlas.client();
        let missing = client
            .get_thing_report(GROUP.parse().unwrap(), "missing")
            .send()
            .await;
        assert_eq!(missing.unwrap_err().error_code(), Some("THING_NOT_FOUND"));
        let busy = client
            .get_thing_report(GROUP.parse().unwrap(), "busy")
            .send()
            .await;
        assert!(busy.is_ok(), "{busy:?}");
        atlas.verify().await;
    }

    #[tokio::test]
    #[should_panic(expected = "no stub of `getThingReport` is mounted")]
    async fn a_call_of_a_method_with_no_stub_fails_the_test_naming_it() {
        let atlas = MockAtlas::start().await;
        atlas.list_parts().respond_pages(vec![]).mount().await;
        let client = atlas.client();
        let report = client
            .get_thing_report(GROUP.parse().unwrap(), "t1")
            .send()
            .await;
        let detail = report.unwrap_err().detail().unwrap_or_default().to_owned();
        assert!(
            detail.contains("`get_thing_report` (getThingReport)"),
            "{detail}"
        );
        drop(atlas); // fails the test: the request matched no stub
    }

    #[tokio::test]
    async fn a_query_array_is_matched_as_the_client_sends_it() {
        use fixture_constructs::types::ListThingsKindItem;
        let atlas = MockAtlas::start().await;
        let kinds = vec![
            ListThingsKindItem::from("cat"),
            ListThingsKindItem::from("dog"),
        ];
        atlas
            .list_things()
            .kind(kinds.clone())
            .respond_pages(vec![vec![]])
            .expect(1)
            .mount()
            .await;
        let client = atlas.client();
        let things = client
            .list_things(GROUP.parse().unwrap())
            .kind(kinds)
            .send()
            .await;
        assert!(things.is_ok(), "{things:?}");
        atlas.verify().await;
    }
}

mod multi_version {
    use super::*;
    use fixture_multi_version::mock::MockAtlas;
    use fixture_multi_version::types::{ApiError, WidgetV1, WidgetV2};

    /// Answers of either version, named `name`, nothing else set.
    fn named_v1(name: &str) -> WidgetV1 {
        let mut widget = WidgetV1::default();
        widget.name = Some(name.into());
        widget
    }

    fn named_v2(name: &str) -> WidgetV2 {
        let mut widget = WidgetV2::default();
        widget.name = Some(name.into());
        widget
    }

    #[tokio::test]
    async fn each_version_has_its_own_stub_told_apart_by_accept() {
        let atlas = MockAtlas::start().await;
        atlas.get_widget().respond(&named_v2("new")).mount().await;
        atlas
            .get_widget_v2023_01_01()
            .respond(&named_v1("old"))
            .mount()
            .await;
        let client = atlas.client();
        let group = || GROUP.parse().unwrap();
        let new = client
            .get_widget(group(), "w")
            .send()
            .await
            .unwrap()
            .into_body();
        let old = client
            .get_widget_v2023_01_01(group(), "w")
            .send()
            .await
            .unwrap()
            .into_body();
        assert_eq!(
            (new.name.as_deref(), old.name.as_deref()),
            (Some("new"), Some("old"))
        );
        atlas.verify().await;
    }

    #[tokio::test]
    async fn error_retry_and_a_miss_on_the_version() {
        let atlas = MockAtlas::start().await;
        let widget = named_v2("w");
        atlas
            .get_widget()
            .widget_name("w")
            .respond_rate_limited(Duration::ZERO)
            .respond(&widget)
            .expect(2)
            .mount()
            .await;
        atlas
            .get_widget()
            .widget_name("gone")
            .respond_error(404, &{
                let mut error = ApiError::default();
                error.error = Some(404);
                error.error_code = Some("WIDGET_NOT_FOUND".into());
                error
            })
            .mount()
            .await;
        let client = atlas.client();
        let group = || GROUP.parse().unwrap();
        assert_eq!(
            client
                .get_widget(group(), "w")
                .send()
                .await
                .unwrap()
                .into_body(),
            widget
        );
        let gone = client.get_widget(group(), "gone").send().await.unwrap_err();
        assert_eq!(gone.error_code(), Some("WIDGET_NOT_FOUND"));
        // The 2025 version's Accept is not the one the stubs of the default version require.
        let other = client
            .get_widget_v2025_01_01(group(), "w")
            .send()
            .await
            .unwrap_err();
        assert_eq!(other.status().map(|s| s.as_u16()), Some(501));
        let misses = atlas.server().take_misses();
        assert!(
            misses[0].contains("`get_widget_v2025_01_01` (getWidget)"),
            "{misses:?}"
        );
        assert!(
            misses[0].contains("wanted `accept: application/vnd.atlas.2024-08-05+json`"),
            "{misses:?}"
        );
        atlas.verify().await;
    }
}

mod legacy_v1 {
    use super::*;
    use fixture_legacy_v1::mock::MockAtlas;
    use fixture_legacy_v1::types::{request, ApiError};

    fn body() -> request::TenantRestore {
        let mut body = request::TenantRestore::default();
        body.snapshot_id = Some("5f4007f327a3bd7b6f4103c5".into());
        body.target_deployment_item_name = Some("Cluster0".into());
        body
    }

    #[tokio::test]
    async fn success_error_and_retry_of_an_unversioned_post() {
        let atlas = MockAtlas::start().await;
        atlas
            .download_shared_cluster_backup()
            .cluster_name("Cluster0".parse().unwrap())
            .body_matching(|b: &request::TenantRestore| {
                b.target_deployment_item_name.as_deref() == Some("Cluster0")
            })
            .respond_rate_limited(Duration::ZERO)
            .respond_with_status(200, &serde_json::json!({"status": "PENDING"}))
            .expect(2)
            .mount()
            .await;
        atlas
            .download_shared_cluster_backup()
            .cluster_name("Gone".parse().unwrap())
            .respond_error(404, &{
                let mut error = ApiError::default();
                error.error = Some(404);
                error.error_code = Some("CLUSTER_NOT_FOUND".into());
                error
            })
            .mount()
            .await;
        let client = atlas.client();
        let group = || GROUP.parse().unwrap();
        let call =
            client.download_shared_cluster_backup(group(), "Cluster0".parse().unwrap(), body());
        assert!(call.retry_non_idempotent(true).send().await.is_ok());
        let gone = client.download_shared_cluster_backup(group(), "Gone".parse().unwrap(), body());
        assert_eq!(
            gone.send().await.unwrap_err().error_code(),
            Some("CLUSTER_NOT_FOUND")
        );
        atlas.verify().await;
    }

    #[tokio::test]
    #[should_panic(
        expected = "wanted a body satisfying the predicate, got a body the predicate refused"
    )]
    async fn a_body_the_predicate_refuses_fails_the_test() {
        let atlas = MockAtlas::start().await;
        atlas
            .download_shared_cluster_backup()
            .body_matching(|b: &request::TenantRestore| {
                b.target_deployment_item_name.as_deref() == Some("Other")
            })
            .mount()
            .await;
        let client = atlas.client();
        let call = client.download_shared_cluster_backup(
            GROUP.parse().unwrap(),
            "Cluster0".parse().unwrap(),
            body(),
        );
        let _ = call.send().await;
    }
}

mod edge_cases {
    use super::*;
    // Not an Atlas spec: its mock has the neutral name.
    use fixture_edge_cases::mock::MockApi;

    #[tokio::test]
    async fn odd_parameter_names_match_as_sent() {
        let atlas = MockApi::start().await;
        let answer = serde_json::json!({"type": "t", "ref": "r"});
        atlas
            .get_things_thing_id()
            .thing_id("a b/c")
            .r#async(vec!["x".into(), "y z".into()])
            .x_request_id("rid")
            .respond_rate_limited(Duration::ZERO)
            .respond_with_status(200, &answer)
            .expect(2)
            .mount()
            .await;
        atlas
            .get_things_thing_id()
            .thing_id("gone")
            .respond_error(
                404,
                &serde_json::json!({"error": 404, "errorCode": "NOT_FOUND"}),
            )
            .mount()
            .await;
        let client = atlas.client();
        let call = client
            .get_things_thing_id("a b/c")
            .r#async(vec!["x".into(), "y z".into()]);
        let got = call.x_request_id("rid").send().await.unwrap().into_body();
        assert_eq!(
            (got.r#type.as_deref(), got.r#ref.as_deref()),
            (Some("t"), Some("r"))
        );
        let gone = client.get_things_thing_id("gone").send().await.unwrap_err();
        assert_eq!(gone.error_code(), Some("NOT_FOUND"));
        let missed = client
            .get_things_thing_id("a b/c")
            .send()
            .await
            .unwrap_err();
        assert_eq!(missed.status().map(|s| s.as_u16()), Some(501));
        let misses = atlas.server().take_misses();
        assert!(
            misses[0].contains("wanted query `async` = `x`, `y z`, got query `async` = (none)"),
            "{misses:?}"
        );
        atlas.verify().await;
    }
}
