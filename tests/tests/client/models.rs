//! Models: unknown enum values and unknown fields survive, request shapes leave out what the
//! server sets.

use atlas_admin::types::{
    request, BackupTenantSnapshot, BackupTenantSnapshotStatus, TenantRestore,
};

#[test]
fn unknown_enum_values_and_fields_deserialise_and_round_trip() {
    let json = crate::support::snapshot_json("ARCHIVED_TO_THE_MOON");
    let snapshot: BackupTenantSnapshot = serde_json::from_value(json).unwrap();
    assert_eq!(
        snapshot.status,
        Some(BackupTenantSnapshotStatus::Unknown(
            "ARCHIVED_TO_THE_MOON".into()
        ))
    );
    let back = serde_json::to_value(&snapshot).unwrap();
    assert_eq!(back["status"], "ARCHIVED_TO_THE_MOON");
    assert_eq!(
        back["mongoDBVersion"], "8.0.4",
        "JSON names are kept exactly"
    );
    let json = crate::support::snapshot_json("ARCHIVED_TO_THE_MOON");
    assert_eq!(
        back["someFieldAtlasAddsLater"], json["someFieldAtlasAddsLater"],
        "unknown fields are kept and sent back"
    );
    assert_eq!(back, json, "the answer comes back whole");
    assert!(
        back.get("finishTime").is_none(),
        "absent optional fields are not sent as null"
    );
}

#[test]
fn known_enum_values_map_to_variants() {
    assert_eq!(
        "QUEUED".parse::<BackupTenantSnapshotStatus>().unwrap(),
        BackupTenantSnapshotStatus::Queued
    );
    assert_eq!(BackupTenantSnapshotStatus::Failed.to_string(), "FAILED");
    assert_eq!(BackupTenantSnapshotStatus::KNOWN_VALUES.len(), 5);
}

#[test]
fn the_request_shape_has_only_writable_fields() {
    let restore = request::TenantRestore::new("5f4007f327a3bd7b6f4103c5".into(), "Cluster0".into());
    let json = serde_json::to_value(&restore).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"snapshotId": "5f4007f327a3bd7b6f4103c5", "targetDeploymentItemName": "Cluster0"})
    );
    // `new` takes exactly the required fields.
    assert_eq!(
        request::TenantRestore::new("5f4007f327a3bd7b6f4103c5".into(), "Cluster0".into()),
        restore
    );
    // The response shape has the read-only fields too.
    let response: TenantRestore = serde_json::from_value(crate::support::restore_json()).unwrap();
    assert_eq!(response.cluster_name.as_deref(), Some("Cluster0"));
}
