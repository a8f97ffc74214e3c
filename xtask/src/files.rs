//! File input and output: reads with the path in every error, writes that never leave a file
//! half written.

use std::fs;
use std::path::Path;

pub fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes `contents` to a temporary file beside `path`, then renames it into place, so a reader
/// (or a crash) never sees a partial file.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), String> {
    let directory = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(directory)
        .map_err(|e| format!("cannot create {}: {e}", directory.display()))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = directory.join(format!(".{file_name}.tmp"));
    fs::write(&temporary, contents)
        .map_err(|e| format!("cannot write {}: {e}", temporary.display()))?;
    fs::rename(&temporary, path)
        .map_err(|e| format!("cannot move {} into place: {e}", path.display()))
}

/// Replaces `directory` with exactly `files`: they are written to a sibling folder first, which
/// then takes the directory's place, so a failure part-way leaves the old directory as it was.
/// A `target/` folder inside (from building the crate on its own) is carried over.
pub fn replace_directory(
    directory: &Path,
    files: &[generator::GeneratedFile],
) -> Result<(), String> {
    let name = directory
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "generated".into());
    let parent = directory
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let staging = parent.join(format!(".{name}.new"));
    let previous = parent.join(format!(".{name}.old"));
    for leftover in [&staging, &previous] {
        if leftover.exists() {
            fs::remove_dir_all(leftover)
                .map_err(|e| format!("cannot remove {}: {e}", leftover.display()))?;
        }
    }
    for file in files {
        let path = staging.join(&file.path);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        fs::write(&path, &file.contents)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    if directory.exists() {
        let target = directory.join("target");
        if target.is_dir() {
            fs::rename(&target, staging.join("target"))
                .map_err(|e| format!("cannot move {}: {e}", target.display()))?;
        }
        fs::rename(directory, &previous)
            .map_err(|e| format!("cannot move {} aside: {e}", directory.display()))?;
    }
    fs::rename(&staging, directory)
        .map_err(|e| format!("cannot move {} into place: {e}", directory.display()))?;
    if previous.exists() {
        fs::remove_dir_all(&previous)
            .map_err(|e| format!("cannot remove {}: {e}", previous.display()))?;
    }
    Ok(())
}
