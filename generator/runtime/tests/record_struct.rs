//! `record!`: the struct it declares has the fields, derives and methods the generator relies
//! on, and encodes and decodes as `record_impls!` makes it.

// The macro names the runtime as `crate::runtime`, where generated crates have it.
mod runtime {
    pub use atlas_codegen_runtime::*;
}

mod types {
    pub mod request {
        atlas_codegen_runtime::record! {
            /// The request shape.
            pub struct Snapshot {
                /// The name.
                name: String = "name" required,
            } carry other skip ["id"]
        }
    }
}

atlas_codegen_runtime::record! {
    /// An answer.
    pub struct Snapshot {
        /// The id.
        id: Option<String> = "id" optional,
        r#type: Option<Option<String>> = "type" tristate,
        name: Option<String> = "name" optional,
    } Default keep other to_request crate::types::request::Snapshot
}

atlas_codegen_runtime::record! {
    /// A request with a required field.
    pub struct Part {
        size: u64 = "size" required,
        label: Option<String> = "label" nullable,
    }
}

atlas_codegen_runtime::record! {
    /// No fields.
    pub struct Empty {} Default
}

#[test]
fn an_answer_keeps_what_it_does_not_type_and_turns_into_its_request_shape() {
    let text = r#"{"id":"1","type":null,"name":"n","extra":[1]}"#;
    let snapshot: Snapshot = serde_json::from_str(text).unwrap();
    assert_eq!(snapshot.id.as_deref(), Some("1"));
    assert_eq!(snapshot.r#type, Some(None));
    assert_eq!(snapshot.other.get("extra"), Some(&serde_json::json!([1])));
    assert_eq!(serde_json::to_string(&snapshot).unwrap(), text);
    let request = snapshot.to_request().unwrap();
    assert_eq!(request.name, "n");
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"name":"n","type":null,"extra":[1]}"#
    );
    assert_eq!(Snapshot::default().id, None);
    assert!(format!("{:?}", Empty::default()).contains("Empty"));
}

#[test]
fn a_request_refuses_a_missing_required_field() {
    let error = serde_json::from_str::<Part>("{}").unwrap_err();
    assert!(
        error.to_string().contains("missing field `size`"),
        "{error}"
    );
    let part: Part = serde_json::from_str(r#"{"size":3}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&part).unwrap(),
        r#"{"size":3,"label":null}"#
    );
}

atlas_codegen_runtime::models! {
    /// A struct of a run.
    pub struct Job {
        status: Option<Status> = "status" optional,
    } (Default keep other)

    /// An enum of a run.
    pub enum Status {
        Done = "DONE",
    }

    /// A request of a run.
    pub struct Start {
        name: String = "name" required,
    }

    /// An enum of a run whose fallback is named.
    pub enum Named {
        Other(_),
        Unknown = "Unknown",
    }
}

#[test]
fn a_run_of_models_declares_each() {
    let job: Job = serde_json::from_str(r#"{"status":"DONE","x":1}"#).unwrap();
    assert_eq!(job.status, Some(Status::Done));
    assert_eq!(job.other.get("x"), Some(&serde_json::json!(1)));
    assert_eq!(Job::default().status, None);
    let start: Start = serde_json::from_str(r#"{"name":"n"}"#).unwrap();
    assert_eq!(start.name, "n");
    assert_eq!(Named::from("x"), Named::Other("x".to_owned()));
}
