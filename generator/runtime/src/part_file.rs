//! A file written next to its final path and renamed there only once it is whole, so that a
//! failed or interrupted download never leaves a partial file where a complete one is expected.
//! Shared by the library's downloads and the command line's `--out-file`.

use std::fs::File;
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

/// A file being written beside `target`, renamed there by [`PartFile::commit`] and removed if
/// dropped before.
#[derive(Debug)]
pub struct PartFile {
    part: PathBuf,
    target: PathBuf,
    file: File,
    written: u64,
    committed: bool,
}

impl PartFile {
    /// Creates the temporary file in `target`'s directory (a rename within one file system
    /// cannot fail half-way), named after `target` and this process, starting with a dot.
    ///
    /// # Errors
    ///
    /// `target` has no file name (an [`io::ErrorKind::InvalidInput`] error), or its directory
    /// cannot be written.
    pub fn create(target: &Path) -> io::Result<Self> {
        let name = target.file_name().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is not a file path", target.display()),
            )
        })?;
        let directory = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let part = directory.join(format!(
            ".{}.{}.part",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = File::create(&part)?;
        Ok(Self {
            part,
            target: target.to_path_buf(),
            file,
            written: 0,
            committed: false,
        })
    }

    /// The path it will have once committed.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// How many bytes it holds.
    pub fn len(&self) -> u64 {
        self.written
    }

    /// Whether it holds nothing yet.
    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    /// Appends bytes.
    ///
    /// # Errors
    ///
    /// The disk refuses them.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Empties it, to start again from the first byte (a server that ignored a `Range`).
    ///
    /// # Errors
    ///
    /// The disk refuses.
    pub fn restart(&mut self) -> io::Result<()> {
        self.file.set_len(0)?;
        self.file.rewind()?;
        self.written = 0;
        Ok(())
    }

    /// Moves the file to its final path.
    ///
    /// # Errors
    ///
    /// It cannot be flushed or renamed (it is then removed).
    pub fn commit(mut self) -> io::Result<()> {
        self.file.sync_all()?;
        std::fs::rename(&self.part, &self.target)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for PartFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.part);
        }
    }
}
