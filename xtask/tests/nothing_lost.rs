//! The real `xtask` binary on broken specs over populated output: it exits non-zero, says where
//! each problem is, and leaves every byte of the output exactly as it was. A good spec then
//! replaces the output completely, keeping only the crate's `target/` folder.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{contents, fixture, scratch, xtask};

/// An output folder as a previous run (and a build) left it.
fn populated(parent: &Path) -> PathBuf {
    let out = parent.join("client");
    for (path, text) in [
        ("Cargo.toml", "[package]\nname = \"previous\"\n"),
        ("src/lib.rs", "//! The previous client.\npub mod types;\n"),
        ("src/types.rs", "pub struct Previous;\n"),
        ("src/operations/things.rs", "// previous operations\n"),
        ("target/debug/marker", "build output\n"),
    ] {
        let path = out.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    out
}

fn path_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_broken_spec_changes_nothing_and_says_where() {
    let dir = scratch("broken_spec");
    let out = populated(&dir);
    let before = contents(&dir);
    let spec = fixture("bad/collected.yaml");
    for extra in [&[][..], &["--check"][..]] {
        let mut args = vec![
            "codegen",
            "--spec",
            path_arg(&spec),
            "--out",
            path_arg(&out),
        ];
        args.extend(extra);
        let output = xtask(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        for expected in [
            "collected.yaml:13:15",
            "#/paths/~1things/get/responses/200/content/application~1json/schema",
            "collected.yaml:15:7",
            "duplicate operationId `listThings`",
            "collected.yaml:20:28",
            "`enum` has no values",
            "collected.yaml:21:5",
            "is not supported: expected a local reference",
            "error: 4 problems in",
            "no files were written",
        ] {
            assert!(stderr.contains(expected), "no `{expected}` in:\n{stderr}");
        }
        assert_eq!(contents(&dir), before, "{args:?} touched the output");
    }
}

#[test]
fn malformed_yaml_changes_nothing_for_codegen_or_extract() {
    let dir = scratch("malformed_yaml");
    let out = populated(&dir);
    let fragment = dir.join("fragment.yaml");
    fs::write(&fragment, "previous fragment\n").unwrap();
    let before = contents(&dir);
    let spec = fixture("bad/malformed-yaml.yaml");
    let runs = [
        vec![
            "codegen",
            "--spec",
            path_arg(&spec),
            "--out",
            path_arg(&out),
        ],
        vec![
            "extract",
            "--spec",
            path_arg(&spec),
            "--tag",
            "Any",
            "--out",
            path_arg(&fragment),
        ],
    ];
    for args in runs {
        let output = xtask(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("invalid YAML"), "{stderr}");
        assert!(stderr.contains("malformed-yaml.yaml:4:1"), "{stderr}");
        assert_eq!(contents(&dir), before, "{args:?} touched the output");
    }
}

#[test]
fn a_good_spec_replaces_the_output_and_keeps_target() {
    let dir = scratch("good_spec");
    let out = populated(&dir);
    let spec = fixture("legacy-v1.yaml");
    let output = xtask(&[
        "codegen",
        "--spec",
        path_arg(&spec),
        "--out",
        path_arg(&out),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let after = contents(&out);
    assert!(
        !after.contains_key(Path::new("src/operations/things.rs")),
        "stale file kept"
    );
    assert!(
        !after.contains_key(Path::new("src/types.rs")),
        "stale file kept"
    );
    let types = String::from_utf8_lossy(&after[Path::new("src/types/api.rs")]).into_owned();
    assert!(
        types.contains("@generated") && !types.contains("Previous"),
        "{types}"
    );
    assert_eq!(after[Path::new("target/debug/marker")], b"build output\n");
    // Nothing is left beside the output: the staging and previous copies are gone.
    let siblings: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(siblings, ["client"]);
}

#[test]
fn warnings_are_printed_and_deny_warnings_makes_them_errors() {
    let dir = scratch("warnings");
    let out = populated(&dir);
    let before = contents(&dir);
    let spec = fixture("warn/unchecked-pattern.yaml");
    let args = [
        "codegen",
        "--spec",
        path_arg(&spec),
        "--out",
        path_arg(&out),
    ];

    let denied = xtask(&[&args[..], &["--deny-warnings"]].concat());
    let stderr = String::from_utf8_lossy(&denied.stderr);
    assert_eq!(denied.status.code(), Some(1), "{stderr}");
    for expected in [
        "error: pattern not checked: the `regex` crate cannot compile `^(?!localhost$)[a-z.]+$`",
        "unchecked-pattern.yaml:13:11",
        "error: 2 problems in",
        "no files were written",
    ] {
        assert!(stderr.contains(expected), "no `{expected}` in:\n{stderr}");
    }
    assert_eq!(contents(&dir), before, "--deny-warnings touched the output");

    let warned = xtask(&args);
    let stderr = String::from_utf8_lossy(&warned.stderr);
    assert!(warned.status.success(), "{stderr}");
    for expected in [
        "warning: pattern not checked: the `regex` crate cannot compile `^(?!localhost$)[a-z.]+$`",
        "unchecked-pattern.yaml:13:11",
        "warning: 2 warnings in",
    ] {
        assert!(stderr.contains(expected), "no `{expected}` in:\n{stderr}");
    }
    assert_ne!(contents(&dir), before, "a warned spec still generates");
}
