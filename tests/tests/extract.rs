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
        generator::extract::extract_yaml(&text, &source_name, "Shared-Tier Snapshots").unwrap();
    let committed = std::fs::read_to_string(fragment_path()).unwrap();
    assert!(
        fresh == committed,
        "spec/shared-tier-snapshots.yaml differs from a fresh extraction; run the command in spec/README.md"
    );
}

#[test]
fn every_ref_in_the_fragment_resolves_inside_it() {
    let text = std::fs::read_to_string(fragment_path()).unwrap();
    let document = generator::load::parse_yaml(&text).unwrap();
    // Extracting the fragment from itself keeps everything: nothing is missing and nothing extra.
    let again = generator::extract::extract(&document, "Shared-Tier Snapshots").unwrap();
    let components = |v: &serde_yaml::Value| serde_yaml::to_string(&v["components"]).unwrap();
    assert_eq!(components(&again), components(&document));
}

#[test]
fn extraction_of_the_full_spec_closes_over_every_ref() {
    let Some(full) = full_spec_path("extraction_of_the_full_spec_closes_over_every_ref") else {
        return;
    };
    let text = std::fs::read_to_string(&full).unwrap();
    let document = generator::load::parse_yaml(&text).unwrap();
    for tag in ["Clusters", "Shared-Tier Snapshots", "Flex Clusters"] {
        let fragment = generator::extract::extract(&document, tag).unwrap();
        let yaml = serde_yaml::to_string(&fragment).unwrap();
        // A fragment whose refs all resolve loads and lowers on its own.
        let spec = generator::load::load(&yaml).unwrap_or_else(|e| panic!("{tag}: {e}"));
        generator::ir::lower(&spec).unwrap_or_else(|e| panic!("{tag}: {e}"));
    }
}
