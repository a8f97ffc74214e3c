//! Generated crates name their spec the same way however it was given: relative to the
//! workspace, or by file name when it lies outside, never by a machine's absolute path.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{contents, fixture, scratch, xtask_in};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .canonicalize()
        .unwrap()
}

/// Runs `codegen --spec <spec> --out <out>` from `cwd` and returns every file written.
fn generate_from(cwd: &Path, spec: &Path, out: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let args = [
        "codegen".as_ref(),
        "--spec".as_ref(),
        spec.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--crate-name".as_ref(),
        "fixture-legacy-v1".as_ref(),
    ];
    let output = xtask_in(cwd, &args);
    assert!(output.status.success(), "{output:?}");
    contents(out)
}

#[test]
fn a_relative_and_an_absolute_spec_path_give_the_same_bytes() {
    let root = workspace_root();
    let scratch = scratch("provenance-paths");
    let absolute = fixture("legacy-v1.yaml").canonicalize().unwrap();
    let relative = Path::new("tests/fixtures/legacy-v1.yaml");
    let by_absolute = generate_from(&root, &absolute, &scratch.join("absolute"));
    let by_relative = generate_from(&root, relative, &scratch.join("relative"));
    assert_eq!(by_absolute, by_relative);
    let root_text = root.to_string_lossy();
    for (path, bytes) in &by_absolute {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains(&*root_text),
            "{} names {root_text}",
            path.display()
        );
    }
    let manifest = String::from_utf8_lossy(&by_absolute[Path::new("Cargo.toml")]).into_owned();
    assert!(
        manifest.contains("spec = \"tests/fixtures/legacy-v1.yaml\""),
        "{manifest}"
    );
}

#[test]
fn a_spec_outside_the_workspace_is_named_by_its_file_name() {
    let outside =
        std::env::temp_dir().join(format!("atlas-codegen-provenance-{}", std::process::id()));
    fs::create_dir_all(&outside).unwrap();
    let spec = outside.join("legacy-v1.yaml");
    fs::copy(fixture("legacy-v1.yaml"), &spec).unwrap();
    let files = generate_from(&workspace_root(), &spec, &scratch("provenance-outside"));
    let manifest = String::from_utf8_lossy(&files[Path::new("Cargo.toml")]).into_owned();
    assert!(manifest.contains("spec = \"legacy-v1.yaml\""), "{manifest}");
    let outside_text = outside.to_string_lossy();
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains(&*outside_text),
            "{} names {outside_text}",
            path.display()
        );
    }
    fs::remove_dir_all(&outside).unwrap();
}
