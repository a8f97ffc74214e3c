//! A user's crate across a regeneration: code written against the old generated API (calling
//! methods, naming builder and model types, matching enums with a wildcard arm, building answers
//! for its tests, reading fields) is compiled against the crate regenerated from the new spec of
//! each change fixture (`tests/fixtures/changes/<case>/`), the way `cargo xtask codegen` does it
//! (the old `API.md` given, so renames keep their old names as deprecated shims). It must
//! compile, with deprecation warnings at most, exactly when the change report has no breaking
//! change, and fail when the report predicts a break.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::Command;

use generator::surface::{changes_since, API_FILE};
use generator::{EmitConfig, GeneratedFile, RuntimeSource};
use integration_tests::{repo_root, write_standalone_crate};

/// The caller for each case: what a user wrote against the old side.
const CASES: &[(&str, &str)] = &[
    (
        "operation-renamed",
        r#"
pub fn calls(client: &Client) -> (operations::widgets::GetWidget<'_>, usize) {
    let versioned = client.get_widget_v2023_01_01("32b6e34b3d91647abb20e7b8", "w");
    (client.get_widget("32b6e34b3d91647abb20e7b8", "w"), std::mem::size_of_val(&versioned))
}
"#,
    ),
    (
        "type-renamed",
        r#"
pub fn answer() -> types::Widget {
    let mut widget = types::Widget::default();
    widget.name = Some("w".to_owned());
    widget.size = Some(3);
    widget
}
pub fn name(widget: &types::Widget) -> Option<&str> { widget.name.as_deref() }
"#,
    ),
    (
        "enum-value-added",
        r#"
pub fn label(state: &types::WidgetState) -> &'static str {
    match state {
        types::WidgetState::Active => "active",
        types::WidgetState::Paused => "paused",
        _ => "other",
    }
}
"#,
    ),
    (
        "alternative-inserted",
        r#"
pub fn billing(event: &types::WidgetEventType) -> bool {
    match event {
        types::WidgetEventType::WidgetEventTypeBillingEventTypes(_) => true,
        types::WidgetEventType::WidgetEventTypeUserEventTypes(_) => false,
        _ => false,
    }
}
"#,
    ),
    (
        "answer-field-added",
        r#"
pub fn answer() -> types::Widget {
    let mut widget = types::Widget::default();
    widget.name = Some("w".to_owned());
    widget.size = Some(3);
    widget
}
pub fn size(widget: &types::Widget) -> i32 { widget.size.unwrap_or_default() }
"#,
    ),
    (
        "answer-field-required",
        r#"
pub fn answer() -> types::Widget {
    let mut widget = types::Widget::default();
    widget.name = Some("w".to_owned());
    widget
}
pub fn size(widget: &types::Widget) -> Option<i32> { widget.size }
"#,
    ),
    (
        "version-added",
        r#"
pub async fn name(client: &Client) -> Option<String> {
    let widget: types::Widget = client
        .get_widget("32b6e34b3d91647abb20e7b8", "w")
        .send()
        .await
        .ok()?
        .into_body();
    widget.name
}
"#,
    ),
    (
        "field-renamed",
        r#"
pub fn size(widget: &types::Widget) -> Option<i32> { widget.size }
"#,
    ),
    (
        "operation-removed",
        r#"
pub fn calls(client: &Client) { let _ = client.delete_widget("32b6e34b3d91647abb20e7b8", "w"); }
"#,
    ),
    (
        "required-parameter-added",
        r#"
pub fn calls(client: &Client) { let _ = client.list_widgets("32b6e34b3d91647abb20e7b8"); }
"#,
    ),
    (
        "version-sunset-passed",
        r#"
#[allow(deprecated)]
pub fn calls(client: &Client) { let _ = client.get_widget_v2023_01_01("32b6e34b3d91647abb20e7b8", "w"); }
"#,
    ),
    (
        "version-removed",
        r#"
pub fn calls(client: &Client) { let _ = client.get_widget_v2023_01_01("32b6e34b3d91647abb20e7b8", "w"); }
"#,
    ),
];

fn generate(spec: &Path, previous: Option<&str>) -> Vec<GeneratedFile> {
    let text = std::fs::read_to_string(spec).unwrap();
    let runtime = repo_root().join("generator/runtime");
    let config = EmitConfig {
        crate_name: "fixture-changes".into(),
        crate_version: "0.1.0".into(),
        spec_label: "changes".into(),
        spec_sha256: generator::sha256_hex(text.as_bytes()),
        // One build of the runtime serves every case.
        runtime: RuntimeSource::Path(Cow::Owned(runtime.to_string_lossy().into_owned())),
        previous_api: previous.map(str::to_owned),
        as_of: None,
    };
    generator::generate(&text, &config)
        .unwrap_or_else(|e| panic!("{}: {e}", spec.display()))
        .files
}

fn api_md(files: &[GeneratedFile]) -> &str {
    &files.iter().find(|f| f.path == API_FILE).unwrap().contents
}

/// The user's crate: `caller` over the generated crate in `client_dir`.
fn write_caller(dir: &Path, client_dir: &Path, caller: &str) {
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"caller\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n\
         [dependencies]\nfixture-changes = {{ path = {:?} }}\n\n[workspace]\n",
        client_dir.to_string_lossy()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    let source = format!("#![allow(dead_code)]\nuse fixture_changes::*;\n{caller}");
    std::fs::write(dir.join("src/lib.rs"), source).unwrap();
    std::fs::copy(repo_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

/// `cargo check` of the caller: whether it compiled, and its warnings.
fn check(caller: &Path, target: &Path) -> (bool, Vec<String>) {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(caller)
        .env("CARGO_TARGET_DIR", target)
        .args(["check", "--offline", "--quiet", "--message-format", "short"])
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let warnings = stderr
        .lines()
        .filter(|l| l.contains("warning:") && l.contains("src/lib.rs"))
        .map(str::to_owned)
        .collect();
    (output.status.success(), warnings)
}

#[test]
fn a_callers_crate_compiles_across_a_regeneration_exactly_when_the_report_says_so() {
    // Outside the workspace's own target folder: the outer `cargo test` holds its lock.
    let root: PathBuf = repo_root().join("target/regeneration-compile");
    let target = root.join("target");
    let fixtures = repo_root().join("tests/fixtures/changes");
    let mut outcomes = Vec::new();
    for (case, caller) in CASES {
        let old = generate(&fixtures.join(case).join("old.yaml"), None);
        let new = generate(&fixtures.join(case).join("new.yaml"), Some(api_md(&old)));
        let (client_dir, caller_dir) = (
            root.join(case).join("client"),
            root.join(case).join("caller"),
        );
        // The caller compiles against the old side first: it is a fair caller.
        write_standalone_crate(&client_dir, &old);
        write_caller(&caller_dir, &client_dir, caller);
        let (compiled_old, warnings_old) = check(&caller_dir, &target);
        assert!(
            compiled_old && warnings_old.is_empty(),
            "{case}: the caller must compile cleanly against the old side: {warnings_old:?}"
        );
        write_standalone_crate(&client_dir, &new);
        let (compiled, warnings) = check(&caller_dir, &target);
        let changes = changes_since(
            api_md(&old),
            &generator::surface::parse(api_md(&new)).unwrap(),
        )
        .unwrap();
        let predicted_breaking = changes.has_breaking();
        assert_eq!(
            compiled, !predicted_breaking,
            "{case}: the report says breaking = {predicted_breaking}, the caller compiled = {compiled}"
        );
        if compiled {
            assert!(
                warnings.iter().all(|w| w.contains("deprecated")),
                "{case}: only deprecation warnings: {warnings:?}"
            );
        }
        outcomes.push((case, compiled, warnings.len()));
    }
    eprintln!("case, compiled after regeneration, warnings: {outcomes:?}");
    // The renames compile through their shims, which warn.
    let renamed = outcomes
        .iter()
        .find(|(c, ..)| **c == "operation-renamed")
        .unwrap();
    assert!(renamed.1 && renamed.2 > 0, "{renamed:?}");
}
