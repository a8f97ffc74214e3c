//! A 64 MiB file goes up as a multipart part with flat memory: it is streamed from disk as it is
//! sent, never read whole. Its own test binary, because it counts every allocation of the
//! process through a global allocator (as `download_memory.rs` does), and the server reading the
//! upload is a plain socket loop with one fixed buffer, so that it holds nothing either.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use fixture_forms::operations::forms::UploadFileForm;
use fixture_forms::{Client, Credentials, FilePart, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The system allocator, counting the bytes live now and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
            PEAK.fetch_max(live, Ordering::SeqCst);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const FILE_SIZE: usize = 64 * 1024 * 1024;
/// What the upload may add to the most memory live at once: buffers, not the file.
const ALLOWED_GROWTH: usize = 8 * 1024 * 1024;

/// Answers one request with 204 after reading its whole body; gives back the `Content-Length`
/// it announced, the bytes that came, and how many of them matched the file's pattern in place.
async fn serve_one(listener: TcpListener, pattern_at: usize) -> (usize, usize, usize) {
    let (mut socket, _) = listener.accept().await.unwrap();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut head = Vec::new();
    let body_start = loop {
        let read = socket.read(&mut buffer).await.unwrap();
        assert!(read > 0, "the request ended inside its head");
        head.extend_from_slice(&buffer[..read]);
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
    };
    let text = String::from_utf8_lossy(&head[..body_start]).to_ascii_lowercase();
    let length: usize = text
        .lines()
        .find_map(|line| line.strip_prefix("content-length: "))
        .expect("a Content-Length: every part's length is known")
        .trim()
        .parse()
        .unwrap();
    // Bytes of the body seen so far, and those equal to the file's byte at their position.
    let mut received = 0;
    let mut matching = 0;
    let mut check = |bytes: &[u8], received: usize| {
        for (offset, byte) in bytes.iter().enumerate() {
            let at = received + offset;
            if at >= pattern_at && at < pattern_at + FILE_SIZE && *byte == pattern(at - pattern_at)
            {
                matching += 1;
            }
        }
    };
    let early = &head[body_start..];
    check(early, received);
    received += early.len();
    while received < length {
        let read = socket.read(&mut buffer).await.unwrap();
        assert!(read > 0, "the body ended early");
        check(&buffer[..read], received);
        received += read;
    }
    socket
        .write_all(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n")
        .await
        .unwrap();
    (length, received, matching)
}

fn pattern(i: usize) -> u8 {
    (i % 251) as u8
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_64_mib_file_is_uploaded_with_flat_memory() {
    let directory = tempfile::tempdir().unwrap();
    let file = directory.path().join("big.bin");
    {
        use std::io::Write as _;
        let mut out = std::fs::File::create(&file).unwrap();
        let chunk = FILE_SIZE / 64;
        for offset in (0..FILE_SIZE).step_by(chunk) {
            let part: Vec<u8> = (offset..offset + chunk).map(pattern).collect();
            out.write_all(&part).unwrap();
        }
    }
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let uri = format!("http://{}", listener.local_addr().unwrap());
    let client = Client::with_config(
        Client::default_config()
            .base_url(uri)
            .credentials(Credentials::None)
            .retry(RetryPolicy::none()),
    )
    .unwrap();
    let baseline = LIVE.load(Ordering::SeqCst);
    PEAK.store(baseline, Ordering::SeqCst);
    let form = UploadFileForm::new(FilePart::path(&file));
    let request = client.upload_file(form).send();
    // Where the file begins in the body: `--` boundary CRLF, the disposition and type CRLF CRLF.
    // The boundary is 4 groups of 16 hex digits joined by `-` in reqwest: 67 characters.
    let head = "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\
                Content-Type: image/png\r\n\r\n";
    let pattern_at = 2 + 67 + head.len();
    let (served, answer) = tokio::join!(serve_one(listener, pattern_at), request);
    let growth = PEAK.load(Ordering::SeqCst) - baseline;
    answer.unwrap();
    let (length, received, matching) = served;
    assert_eq!(received, length);
    assert!(
        length > FILE_SIZE,
        "the body holds the file: {length} bytes"
    );
    assert_eq!(
        matching, FILE_SIZE,
        "every byte of the file arrived in place"
    );
    assert!(
        growth < ALLOWED_GROWTH,
        "memory grew by {growth} bytes while uploading {FILE_SIZE}"
    );
}
