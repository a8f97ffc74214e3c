// @generated: a copy of generator/runtime/src/cli/download.rs; do not edit by hand.
//! Writing answers out: to standard output, or to `--out-file` through a temporary file renamed
//! into place at the end, so that a failed run never leaves a partial file where a complete one
//! is expected. Binary answers are written chunk by chunk as they arrive, never held whole
//! (Atlas logs and exports can be larger than memory).

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::super::part_file::PartFile;
use super::super::stream::{ByteStream, Streamed};
use super::invocation::CliError;
use super::session::Session;
use super::spec::CliClient;

/// The progress bar of a download whose length is known.
const BAR_TEMPLATE: &str = "{bytes}/{total_bytes} [{wide_bar}] {binary_bytes_per_sec} {eta}";
/// The progress line of a download whose length is not.
const SPINNER_TEMPLATE: &str = "{spinner} {bytes} {binary_bytes_per_sec}";

/// `--out-file`, opened before the request is sent: a usage error when it cannot be.
fn create_out_file(target: &Path) -> Result<PartFile, CliError> {
    PartFile::create(target)
        .map_err(|e| CliError::Usage(format!("cannot write --out-file {}: {e}", target.display())))
}

/// A write or rename to `--out-file` that failed.
fn write_failed(file: &PartFile, error: &std::io::Error) -> CliError {
    CliError::Transport(format!("cannot write {}: {error}", file.target().display()))
}

/// Where an answer goes: `--out-file`, opened before the request is sent, or standard output.
pub(super) enum Destination {
    /// `--out-file`.
    File(PartFile),
    /// Standard output.
    Stdout,
    /// The file a download's job links to, fetched once the job is done (not the answer).
    Fetched(PathBuf),
}

impl Destination {
    /// Opens `out_file`, or checks that standard output can take a `binary` answer: not when it
    /// is a terminal, where gzip or CSV bytes would only garble the screen.
    ///
    /// # Errors
    ///
    /// [`CliError::Usage`] as [`PartFile::create`], or for a binary answer to a terminal.
    pub(super) fn open(
        out_file: Option<&Path>,
        binary_accept: Option<&str>,
    ) -> Result<Self, CliError> {
        match (out_file, binary_accept) {
            (Some(path), _) => create_out_file(path).map(Self::File),
            (None, Some(accept)) if std::io::stdout().is_terminal() => Err(CliError::Usage(
                format!("the answer is binary ({accept}): use --out-file PATH"),
            )),
            (None, _) => Ok(Self::Stdout),
        }
    }

    /// Writes a whole text (a rendered JSON answer) and finishes.
    ///
    /// # Errors
    ///
    /// [`CliError::Transport`] when it cannot be written.
    pub(super) fn write_text(self, text: &str) -> Result<(), CliError> {
        match self {
            Self::Stdout | Self::Fetched(_) => write_stdout(text.as_bytes()).map(drop),
            Self::File(mut file) => {
                file.write(text.as_bytes())
                    .map_err(|e| write_failed(&file, &e))?;
                commit(file)
            }
        }
    }
}

/// Sends a request whose success is binary and writes its body as it arrives.
///
/// # Errors
///
/// [`CliError::Api`] for an error status, [`CliError::Transport`] when the answer does not
/// arrive whole or cannot be written.
pub(super) async fn download<C: CliClient>(
    session: &Session<'_, C>,
    spec: super::super::request::RequestSpec,
    destination: Destination,
) -> Result<(), CliError> {
    let stream = match session.send_streaming(spec).await? {
        Streamed::Body(response) => response.into_body(),
        Streamed::Complete(raw) => ByteStream::from_bytes(session.successful(raw)?.body),
    };
    match destination {
        Destination::Stdout | Destination::Fetched(_) => copy_to_stdout(stream).await,
        Destination::File(file) => copy_to_file(stream, file).await,
    }
}

async fn copy_to_stdout(mut stream: ByteStream) -> Result<(), CliError> {
    while let Some(chunk) = stream
        .chunk()
        .await
        .map_err(|e| CliError::Transport(e.to_string()))?
    {
        if !write_stdout(&chunk)? {
            break;
        }
    }
    Ok(())
}

async fn copy_to_file(mut stream: ByteStream, mut file: PartFile) -> Result<(), CliError> {
    let progress = progress_bar(stream.content_length());
    let mut written: u64 = 0;
    while let Some(chunk) = stream
        .chunk()
        .await
        .map_err(|e| CliError::Transport(e.to_string()))?
    {
        file.write(&chunk).map_err(|e| write_failed(&file, &e))?;
        written += chunk.len() as u64;
        progress.inc(chunk.len() as u64);
    }
    progress.finish_and_clear();
    let target = file.target().to_path_buf();
    commit(file)?;
    eprintln!("Wrote {written} bytes to {}", target.display());
    Ok(())
}

/// Renames `--out-file` into place.
fn commit(file: PartFile) -> Result<(), CliError> {
    let target = file.target().display().to_string();
    file.commit()
        .map_err(|e| CliError::Transport(format!("cannot write {target}: {e}")))
}

/// A bar on standard error when someone is watching it; nothing otherwise (logs and pipes get
/// the one `Wrote N bytes` line).
fn progress_bar(length: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match length {
        Some(length) => (ProgressBar::new(length), BAR_TEMPLATE),
        None => (ProgressBar::new_spinner(), SPINNER_TEMPLATE),
    };
    match ProgressStyle::with_template(template) {
        Ok(style) => bar.with_style(style),
        Err(_) => bar,
    }
}

/// Writes to standard output; `false` when its reader has gone (`| head`), which ends the
/// output quietly rather than as an error.
fn write_stdout(bytes: &[u8]) -> Result<bool, CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(CliError::Transport(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let directory =
            std::env::temp_dir().join(format!("atlas-cli-download-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&directory).unwrap();
        directory
    }

    fn entries(directory: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(directory)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[tokio::test]
    async fn a_download_lands_whole_under_its_name() {
        let directory = scratch("whole");
        let target = directory.join("logs.gz");
        let file = create_out_file(&target).unwrap();
        copy_to_file(ByteStream::from_bytes(vec![7u8; 1000]), file)
            .await
            .unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), vec![7u8; 1000]);
        assert_eq!(entries(&directory), ["logs.gz"]);
        std::fs::remove_dir_all(&directory).unwrap();
    }

    #[test]
    fn an_unfinished_download_leaves_no_file() {
        let directory = scratch("partial");
        let target = directory.join("logs.gz");
        let mut file = create_out_file(&target).unwrap();
        file.write(b"half").unwrap();
        assert_eq!(entries(&directory).len(), 1);
        drop(file);
        assert!(entries(&directory).is_empty());
        std::fs::remove_dir_all(&directory).unwrap();
    }

    #[test]
    fn an_unwritable_out_file_is_refused_before_sending() {
        let error = create_out_file(Path::new("/nonexistent-directory/x.gz"))
            .err()
            .unwrap();
        assert!(matches!(error, CliError::Usage(_)), "{error:?}");
    }
}
