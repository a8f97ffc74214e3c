//! Comparing generated files with what is on disk: the one code path behind both
//! `cargo xtask codegen --check` and the test that keeps `generated/` in sync.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::GeneratedFile;

/// How a file on disk differs from what the generator produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// The file should exist but does not.
    Missing(String),
    /// The file exists with other contents.
    Differs(String),
    /// The file exists but the generator no longer produces it.
    Extra(String),
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stale::Missing(path) => write!(f, "{path}: missing"),
            Stale::Differs(path) => write!(f, "{path}: differs from what the spec produces"),
            Stale::Extra(path) => write!(f, "{path}: no longer generated"),
        }
    }
}

/// Every difference between `files` and the directory `root`, in path order. Only the folders
/// the generator writes (`src/`, `examples/`) and `Cargo.toml` are compared; `target/` is not.
pub fn stale_files(files: &[GeneratedFile], root: &Path) -> Vec<Stale> {
    let mut stale = Vec::new();
    let expected: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for file in files {
        match fs::read_to_string(root.join(&file.path)) {
            Ok(on_disk) if on_disk == file.contents => {}
            Ok(_) => stale.push(Stale::Differs(file.path.clone())),
            Err(_) => stale.push(Stale::Missing(file.path.clone())),
        }
    }
    for path in files_under(root, &["src", "examples"]) {
        if !expected.contains(path.as_str()) {
            stale.push(Stale::Extra(path));
        }
    }
    stale.sort_by(|a, b| path_of(a).cmp(path_of(b)));
    stale
}

fn path_of(stale: &Stale) -> &str {
    match stale {
        Stale::Missing(p) | Stale::Differs(p) | Stale::Extra(p) => p,
    }
}

/// Relative paths (with `/`) of the files under the given top-level folders of `root`.
fn files_under(root: &Path, folders: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending: Vec<_> = folders.iter().map(|f| root.join(f)).collect();
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(root) {
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}
