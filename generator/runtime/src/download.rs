//! Fetching a file from a pre-signed storage link (a snapshot's `snapshotUrl`) to disk.
//!
//! The link is another host than the API's: a cloud storage bucket that trusts the signature in
//! the URL and rejects anything else. So it is fetched by an HTTP client of its own that carries
//! **none of the API client's authentication** (no `Authorization`, no Digest exchange, no OAuth
//! token): sending Atlas credentials there would leak them and make storage refuse the request.
//! Redirects are followed only to `https`, or to plain `http` on a loopback address (a test
//! server). The body goes to disk chunk by chunk (memory stays flat whatever the size) through a
//! [`PartFile`] renamed into place at the end; a connection that drops is resumed with `Range`
//! from the last byte written, and the length is checked against what the server announced.
//! Errors name the storage host, never the URL: its query is the signature.

use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{CONTENT_LENGTH, CONTENT_RANGE, RANGE};
use reqwest::{redirect, StatusCode, Url};

use super::part_file::PartFile;
use super::poll::{PollOptions, WaitError};

/// How a download waits for its link and fetches the file.
#[derive(Clone)]
pub struct DownloadOptions {
    /// How to wait for the link (pauses, time limit).
    pub poll: PollOptions,
    /// The longest wait for the next bytes before the connection counts as dropped.
    pub read_timeout: Duration,
    /// How many times in a row a dropped connection is resumed without receiving a byte
    /// before the download gives up.
    pub max_resumes: u32,
    /// Called after each chunk written, with the bytes so far and the total when known.
    pub progress: Option<Arc<dyn Fn(Progress) + Send + Sync>>,
}

impl Default for DownloadOptions {
    /// [`PollOptions::default`], 60 s without bytes, 5 resumes without progress, no callback.
    fn default() -> Self {
        Self {
            poll: PollOptions::default(),
            read_timeout: Duration::from_secs(60),
            max_resumes: 5,
            progress: None,
        }
    }
}

impl DownloadOptions {
    /// Sets the callback told of progress.
    #[must_use]
    pub fn on_progress(mut self, progress: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }
}

impl fmt::Debug for DownloadOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DownloadOptions")
            .field("poll", &self.poll)
            .field("read_timeout", &self.read_timeout)
            .field("max_resumes", &self.max_resumes)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// How far a download is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes written so far.
    pub written: u64,
    /// The file's length, when the server announced it.
    pub total: Option<u64>,
}

/// A file written whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downloaded {
    /// Where it is.
    pub path: PathBuf,
    /// Its length in bytes.
    pub bytes: u64,
}

/// Why fetching a file from its storage link failed. No partial file is left behind.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The link is neither `https` nor on a loopback address, or redirected to such a place.
    #[error("refusing to fetch the file from {host}: only https links are followed")]
    Insecure {
        /// The host it pointed to.
        host: String,
    },
    /// Storage refused the link: it has expired (Atlas's links work for four hours).
    #[error(
        "the download link has expired (storage at {host} answered {status}): request a new download"
    )]
    Expired {
        /// The storage host.
        host: String,
        /// Its answer (403).
        status: u16,
    },
    /// Storage answered with another error status.
    #[error("storage at {host} answered {status}")]
    Status {
        /// The storage host.
        host: String,
        /// The status.
        status: u16,
    },
    /// The file did not arrive whole, after every resume allowed.
    #[error("the download from {host} failed after {written} bytes: {reason}")]
    Interrupted {
        /// The storage host.
        host: String,
        /// Bytes written before giving up.
        written: u64,
        /// What went wrong last.
        reason: String,
    },
    /// The file's length is not what the server announced.
    #[error("the file from {host} has {written} bytes where {expected} were announced")]
    Length {
        /// The storage host.
        host: String,
        /// The announced length.
        expected: u64,
        /// The bytes received.
        written: u64,
    },
    /// The file could not be written.
    #[error("cannot write {path}: {error}")]
    Io {
        /// The file's final path.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
}

/// Why a download (request, wait for the link, fetch) failed; `E` is the client's error type.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DownloadError<E> {
    /// The download request or a poll of its job failed.
    #[error("the API call failed: {0}")]
    Request(E),
    /// The job reached a failure state.
    #[error("the download job reached state {state}")]
    Failed {
        /// The state.
        state: String,
    },
    /// The job was not done before the time limit.
    #[error("gave up waiting for the download link after {:.1} s", waited.as_secs_f64())]
    TimedOut {
        /// How long it waited.
        waited: Duration,
        /// The state the job was in last.
        last_state: Option<String>,
    },
    /// An answer lacks a field the download needs (the job's id, the link).
    #[error("the answer has no usable `{field}`: {reason}")]
    Answer {
        /// The field (its name in the API).
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// Fetching the file failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
}

impl<E> DownloadError<E> {
    /// From a wait that did not end in success.
    pub fn from_wait<T>(error: WaitError<T, E>) -> Self {
        match error {
            WaitError::Request(error) => Self::Request(error),
            WaitError::Failed { state, .. } => Self::Failed { state },
            WaitError::TimedOut { waited, last_state } => Self::TimedOut { waited, last_state },
        }
    }

    /// A field of an answer that is missing or unusable.
    pub fn answer(field: &'static str, reason: impl fmt::Display) -> Self {
        Self::Answer {
            field,
            reason: reason.to_string(),
        }
    }
}

/// A field the download needs from an answer, present.
///
/// # Errors
///
/// [`DownloadError::Answer`] when the answer does not have it.
pub fn required<T, E>(value: Option<T>, field: &'static str) -> Result<T, DownloadError<E>> {
    value.ok_or_else(|| DownloadError::answer(field, "missing from the answer"))
}

/// Fetches `url` to `path` with no credentials, resuming dropped connections.
///
/// # Errors
///
/// See [`FetchError`]; the file at `path` is then left as it was.
pub async fn fetch_to_file(
    url: &str,
    path: &Path,
    options: &DownloadOptions,
) -> Result<Downloaded, FetchError> {
    let url = Url::parse(url).map_err(|_| FetchError::Insecure {
        host: "an unparsable link".to_owned(),
    })?;
    let host = url.host_str().unwrap_or_default().to_owned();
    if !allowed(&url) {
        return Err(FetchError::Insecure { host });
    }
    let http = storage_client(options.read_timeout).map_err(|e| FetchError::Interrupted {
        host: host.clone(),
        written: 0,
        reason: e.to_string(),
    })?;
    let io_error = |error| FetchError::Io {
        path: path.to_path_buf(),
        error,
    };
    let mut file = PartFile::create(path).map_err(io_error)?;
    let mut fetch = Fetch {
        http: &http,
        url: &url,
        host: &host,
        options,
        total: None,
    };
    let mut failures = 0;
    loop {
        let before = file.len();
        match fetch.attempt(&mut file).await {
            Ok(()) => break,
            Err(Attempt::Fatal(error)) => return Err(error),
            Err(Attempt::Dropped(reason)) => {
                failures = if file.len() > before { 1 } else { failures + 1 };
                if failures > options.max_resumes {
                    return Err(FetchError::Interrupted {
                        host,
                        written: file.len(),
                        reason,
                    });
                }
                tracing::debug!(written = file.len(), %reason, "download dropped; resuming");
                tokio::time::sleep(Duration::from_millis(200) * failures).await;
            }
        }
    }
    let bytes = file.len();
    if let Some(expected) = fetch.total.filter(|total| *total != bytes) {
        return Err(FetchError::Length {
            host,
            expected,
            written: bytes,
        });
    }
    file.commit().map_err(io_error)?;
    Ok(Downloaded {
        path: path.to_path_buf(),
        bytes,
    })
}

/// How one request for the file ended, when not with the whole file.
enum Attempt {
    /// Give up.
    Fatal(FetchError),
    /// The connection failed: resume.
    Dropped(String),
}

/// One file being fetched.
struct Fetch<'a> {
    http: &'a reqwest::Client,
    url: &'a Url,
    host: &'a str,
    options: &'a DownloadOptions,
    /// The file's length, once a server announced it.
    total: Option<u64>,
}

impl Fetch<'_> {
    /// Requests the bytes from what `file` holds on, and appends them.
    async fn attempt(&mut self, file: &mut PartFile) -> Result<(), Attempt> {
        let from = file.len();
        if self.total == Some(from) {
            return Ok(());
        }
        let mut request = self.http.get(self.url.clone());
        if from > 0 {
            request = request.header(RANGE, format!("bytes={from}-"));
        }
        let mut response = request.send().await.map_err(|e| self.failed(&e))?;
        let status = response.status();
        match status {
            StatusCode::OK if from > 0 => {
                // The server ignored the range and sends everything again: start over.
                file.restart().map_err(|e| self.io(file, e))?;
                self.total = length(response.headers().get(CONTENT_LENGTH));
            }
            StatusCode::OK => self.total = length(response.headers().get(CONTENT_LENGTH)),
            StatusCode::PARTIAL_CONTENT => {
                let range = response.headers().get(CONTENT_RANGE);
                match range.and_then(|v| content_range(v.to_str().ok()?)) {
                    Some((start, total)) if start == from => {
                        self.total = total.or(self.total);
                    }
                    _ => {
                        return Err(Attempt::Fatal(FetchError::Status {
                            host: self.host.to_owned(),
                            status: status.as_u16(),
                        }))
                    }
                }
            }
            StatusCode::FORBIDDEN => {
                return Err(Attempt::Fatal(FetchError::Expired {
                    host: self.host.to_owned(),
                    status: status.as_u16(),
                }))
            }
            _ if status.is_server_error() => {
                return Err(Attempt::Dropped(format!("storage answered {status}")))
            }
            _ => {
                return Err(Attempt::Fatal(FetchError::Status {
                    host: self.host.to_owned(),
                    status: status.as_u16(),
                }))
            }
        }
        while let Some(chunk) = response.chunk().await.map_err(|e| self.failed(&e))? {
            file.write(&chunk).map_err(|e| self.io(file, e))?;
            if let Some(progress) = &self.options.progress {
                progress(Progress {
                    written: file.len(),
                    total: self.total,
                });
            }
        }
        match self.total {
            Some(total) if file.len() < total => Err(Attempt::Dropped(format!(
                "the connection ended after {} of {total} bytes",
                file.len()
            ))),
            _ => Ok(()),
        }
    }

    fn failed(&self, error: &reqwest::Error) -> Attempt {
        if error.is_redirect() {
            // The redirect's target, which the policy put in its error.
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                if let Some(refused) = cause.downcast_ref::<RefusedRedirect>() {
                    return Attempt::Fatal(FetchError::Insecure {
                        host: refused.0.clone(),
                    });
                }
                source = cause.source();
            }
            return Attempt::Fatal(FetchError::Interrupted {
                host: self.host.to_owned(),
                written: 0,
                reason: super::error::Chain(error).to_string(),
            });
        }
        Attempt::Dropped(super::error::Chain(error).to_string())
    }

    fn io(&self, file: &PartFile, error: std::io::Error) -> Attempt {
        Attempt::Fatal(FetchError::Io {
            path: file.target().to_path_buf(),
            error,
        })
    }
}

/// An HTTP client of its own, with no credentials and no default headers, which follows
/// redirects only where [`allowed`] says.
fn storage_client(read_timeout: Duration) -> reqwest::Result<reqwest::Client> {
    let policy = redirect::Policy::custom(|attempt| {
        if attempt.previous().len() >= 10 {
            attempt.error("too many redirects")
        } else if allowed(attempt.url()) {
            attempt.follow()
        } else {
            let host = attempt.url().host_str().unwrap_or_default().to_owned();
            attempt.error(RefusedRedirect(host))
        }
    });
    reqwest::Client::builder()
        .redirect(policy)
        .connect_timeout(super::config::DEFAULT_CONNECT_TIMEOUT)
        .read_timeout(read_timeout)
        .build()
}

/// A redirect to a link [`allowed`] refuses: its host.
#[derive(Debug)]
struct RefusedRedirect(String);

impl fmt::Display for RefusedRedirect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a redirect to an insecure link on {}", self.0)
    }
}

impl std::error::Error for RefusedRedirect {}

/// `https` anywhere; plain `http` only on a loopback address (a local test server).
fn allowed(url: &Url) -> bool {
    match url.scheme() {
        "https" => true,
        "http" => {
            let host = url.host_str().unwrap_or_default();
            let host = host.trim_start_matches('[').trim_end_matches(']');
            host.eq_ignore_ascii_case("localhost")
                || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
        _ => false,
    }
}

fn length(value: Option<&reqwest::header::HeaderValue>) -> Option<u64> {
    value?.to_str().ok()?.trim().parse().ok()
}

/// `bytes <start>-<end>/<total or *>`: the start and the total.
fn content_range(value: &str) -> Option<(u64, Option<u64>)> {
    let range = value.trim().strip_prefix("bytes ")?;
    let (span, total) = range.split_once('/')?;
    let start = span.split_once('-')?.0.trim().parse().ok()?;
    Some((start, total.trim().parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_links_are_fetched() {
        let ok = |u: &str| allowed(&Url::parse(u).unwrap());
        assert!(ok("https://storage.example.com/snap.tgz?sig=x"));
        assert!(ok("http://127.0.0.1:8080/snap"));
        assert!(ok("http://[::1]:8080/snap"));
        assert!(ok("http://localhost/snap"));
        assert!(!ok("http://storage.example.com/snap"));
        assert!(!ok("ftp://127.0.0.1/snap"));
    }

    #[test]
    fn content_ranges_are_read() {
        assert_eq!(content_range("bytes 100-199/200"), Some((100, Some(200))));
        assert_eq!(content_range("bytes 5-9/*"), Some((5, None)));
        assert_eq!(content_range("items 1-2/3"), None);
    }
}
