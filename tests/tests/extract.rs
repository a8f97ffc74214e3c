//! The committed fragment is exactly what `cargo xtask extract` makes of the full spec.

use integration_tests::{fragment_path, full_spec_path};

#[test]
fn committed_fragment_is_reproducible() {
    let Some(full) = full_spec_path("committed_fragment_is_reproducible") else {
        return;
    };
    let text = std::fs::read_to_string(&full).unwrap();
    let source_name = full.file_name().unwrap().to_string_lossy().into_owned();
    let fresh =
        generator::extract::extract_yaml(&text, &source_name, generator::targets::FRAGMENT_TAGS)
            .unwrap();
    let committed = std::fs::read_to_string(fragment_path()).unwrap();
    assert!(
        fresh == committed,
        "spec/snapshots.yaml differs from a fresh extraction; run the command in spec/README.md"
    );
}

#[test]
fn every_ref_in_the_fragment_resolves_inside_it() {
    let text = std::fs::read_to_string(fragment_path()).unwrap();
    let document = generator::load::parse_yaml(&text).unwrap();
    // Extracting the fragment from itself keeps everything: nothing is missing and nothing extra.
    let again = generator::extract::extract(&document, generator::targets::FRAGMENT_TAGS).unwrap();
    let components = |v: &serde_yaml::Value| serde_yaml::to_string(&v["components"]).unwrap();
    assert_eq!(components(&again), components(&document));
}

/// The full spec as a YAML document, when it is present.
fn full_document(test: &str) -> Option<serde_yaml::Value> {
    let full = full_spec_path(test)?;
    let text = std::fs::read_to_string(&full).unwrap();
    Some(generator::load::parse_yaml(&text).unwrap())
}

/// The operationIds of the fragment for `tags`, which must load and lower on its own: a fragment
/// whose refs all resolve needs nothing outside it.
fn lowered_operation_ids(document: &serde_yaml::Value, tags: &[&str]) -> Vec<String> {
    let fragment = generator::extract::extract(document, tags).unwrap();
    let yaml = serde_yaml::to_string(&fragment).unwrap();
    let spec = generator::load::load(&yaml).unwrap_or_else(|e| panic!("{tags:?}: {e}"));
    let lowered = generator::lower::lower(&spec).unwrap_or_else(|e| panic!("{tags:?}: {e}"));
    let mut ids: Vec<String> = lowered
        .api
        .operations
        .into_iter()
        .map(|o| o.operation_id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn extraction_of_the_full_spec_closes_over_every_ref() {
    let Some(document) = full_document("extraction_of_the_full_spec_closes_over_every_ref") else {
        return;
    };
    for tag in ["Clusters", "Shared-Tier Snapshots", "Flex Clusters"] {
        assert!(
            !lowered_operation_ids(&document, &[tag]).is_empty(),
            "{tag}"
        );
    }
}

#[test]
fn two_tags_give_both_tags_operations() {
    let Some(document) = full_document("two_tags_give_both_tags_operations") else {
        return;
    };
    let tags = ["Shared-Tier Snapshots", "Flex Snapshots"];
    // The fragment of both holds every operation of either, and nothing else.
    let mut expected: Vec<String> = tags
        .iter()
        .flat_map(|tag| lowered_operation_ids(&document, &[tag]))
        .collect();
    expected.sort();
    assert_eq!(lowered_operation_ids(&document, &tags), expected);
}
