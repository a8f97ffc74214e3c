//! `open_enum!` as generated crates use it: known values map to their variants both ways, any
//! other value is kept verbatim and encodes back unchanged, and the fallback may have another
//! name when a wire value takes `Unknown`.
#![deny(missing_docs)]

atlas_codegen_runtime::open_enum! {
    /// A role: the fallback is `Unknown` when not named.
    pub enum Role {
        Owner = "ORG_OWNER",
        /// Read only.
        #[deprecated(note = "a variant's own attributes are kept")]
        ReadOnly = "ORG_READ_ONLY",
        Empty = "",
    }
}

atlas_codegen_runtime::open_enum! {
    /// A value is named `Unknown`, so the fallback is not.
    pub enum Renamed {
        Other(_),
        Unknown = "Unknown",
    }
}

atlas_codegen_runtime::open_enum! {
    /// No values at all.
    pub enum Nothing {}
}

atlas_codegen_runtime::open_enum! {
    /// No values at all, the fallback named.
    pub enum Named {
        Unknown(_),
    }
}

#[test]
#[allow(deprecated)]
fn known_values_map_both_ways() {
    assert_eq!(Role::KNOWN_VALUES, ["ORG_OWNER", "ORG_READ_ONLY", ""]);
    for (value, variant) in [
        ("ORG_OWNER", Role::Owner),
        ("ORG_READ_ONLY", Role::ReadOnly),
        ("", Role::Empty),
    ] {
        assert_eq!(Role::from(value), variant);
        assert_eq!(variant.as_str(), value);
        assert_eq!(variant.to_string(), value);
        assert_eq!(value.parse::<Role>(), Ok(variant.clone()));
        let json = serde_json::to_string(&variant).unwrap();
        assert_eq!(serde_json::from_str::<Role>(&json).unwrap(), variant);
    }
}

#[test]
fn other_values_are_kept_verbatim() {
    let role: Role = serde_json::from_str("\"ORG_NEW\"").unwrap();
    assert_eq!(role, Role::Unknown("ORG_NEW".to_owned()));
    assert_eq!(serde_json::to_string(&role).unwrap(), "\"ORG_NEW\"");
    assert_eq!(Renamed::from("Unknown"), Renamed::Unknown);
    assert_eq!(Renamed::from("x"), Renamed::Other("x".to_owned()));
    assert_eq!(Nothing::from("x").as_str(), "x");
    assert!(Nothing::KNOWN_VALUES.is_empty());
    assert_eq!(Named::from("x"), Named::Unknown("x".to_owned()));
}

#[test]
fn the_fallback_orders_last() {
    assert!(Role::Owner < Role::Unknown(String::new()));
}
