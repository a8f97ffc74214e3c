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
