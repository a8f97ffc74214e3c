//! A stand-in for the cloud storage host a snapshot link points to: a small HTTP/1.1 server on
//! 127.0.0.1, written by hand rather than with a mock crate because the tests need what mocks do
//! not do: drop a connection half-way through a body, honour `Range`, and record every header
//! each request carried (to prove that no Atlas credential ever reaches it).

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// How the server answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Behaviour {
    /// The file, whole or from the requested range.
    Serve,
    /// The first request that starts at byte 0 gets the full length announced but the
    /// connection closes after this many bytes; later requests are served.
    DropOnceAt(usize),
    /// 403, as storage answers a link whose signature has expired.
    Expired,
    /// 302 to this URL, as a storage front end may answer.
    RedirectTo(String),
}

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// `GET /path?query HTTP/1.1`.
    pub request_line: String,
    /// Its headers, names in lower case.
    pub headers: Vec<(String, String)>,
}

impl Recorded {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The running server.
pub struct StorageServer {
    /// `http://127.0.0.1:<port>`.
    pub uri: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl StorageServer {
    /// Starts serving `content` on a free port of 127.0.0.1, on the current tokio runtime.
    pub async fn start(content: Arc<Vec<u8>>, behaviour: Behaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let uri = format!("http://{}", listener.local_addr().expect("local address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&requests);
        tokio::spawn(async move {
            let mut dropped = false;
            while let Ok((stream, _)) = listener.accept().await {
                let Some(request) = read_request(stream).await else {
                    continue;
                };
                let (recorded_request, stream) = request;
                let from = range_start(&recorded_request);
                let drop_at = match &behaviour {
                    Behaviour::DropOnceAt(at) if !dropped && from == 0 => {
                        dropped = true;
                        Some(*at)
                    }
                    _ => None,
                };
                recorded
                    .lock()
                    .expect("not poisoned")
                    .push(recorded_request);
                let content = Arc::clone(&content);
                tokio::spawn(answer(stream, content, behaviour.clone(), from, drop_at));
            }
        });
        Self { uri, requests }
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().expect("not poisoned").clone()
    }
}

async fn read_request(stream: TcpStream) -> Option<(Recorded, TcpStream)> {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).await.ok()?;
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).await.ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let recorded = Recorded {
        request_line: request_line.trim_end().to_owned(),
        headers,
    };
    Some((recorded, reader.into_inner()))
}

/// `Range: bytes=<n>-` as `n`; 0 without one.
fn range_start(request: &Recorded) -> usize {
    request
        .header("range")
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.strip_suffix('-'))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

async fn answer(
    mut stream: TcpStream,
    content: Arc<Vec<u8>>,
    behaviour: Behaviour,
    from: usize,
    drop_at: Option<usize>,
) {
    if let Behaviour::RedirectTo(location) = &behaviour {
        let head = format!(
            "HTTP/1.1 302 Found\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
        );
        let _ = stream.write_all(head.as_bytes()).await;
        return;
    }
    if behaviour == Behaviour::Expired {
        let body = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
        let head = format!(
            "HTTP/1.1 403 Forbidden\r\ncontent-type: application/xml\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(format!("{head}{body}").as_bytes()).await;
        return;
    }
    let total = content.len();
    let from = from.min(total);
    let head = if from == 0 {
        format!("HTTP/1.1 200 OK\r\ncontent-type: application/gzip\r\ncontent-length: {total}\r\nconnection: close\r\n\r\n")
    } else {
        format!(
            "HTTP/1.1 206 Partial Content\r\ncontent-type: application/gzip\r\ncontent-length: {}\r\ncontent-range: bytes {from}-{}/{total}\r\nconnection: close\r\n\r\n",
            total - from,
            total - 1
        )
    };
    if stream.write_all(head.as_bytes()).await.is_err() {
        return;
    }
    let end = drop_at.map_or(total, |at| at.min(total));
    for chunk in content[from..end].chunks(64 * 1024) {
        if stream.write_all(chunk).await.is_err() {
            return;
        }
    }
    let _ = stream.flush().await;
    let _ = stream.shutdown().await;
}
