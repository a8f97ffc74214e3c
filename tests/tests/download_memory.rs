//! A 64 MiB snapshot goes to disk with flat memory: the bytes are written as they arrive, never
//! held whole. Its own test binary, because it counts every allocation of the process through
//! a global allocator, and other tests running beside it would blur the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use atlas_admin::runtime::download::fetch_to_file;
use atlas_admin::runtime::DownloadOptions;
use integration_tests::storage::{Behaviour, StorageServer};

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
/// What the download may add to the most memory live at once: buffers, not the file.
const ALLOWED_GROWTH: usize = 8 * 1024 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_64_mib_snapshot_is_written_with_flat_memory() {
    let content: Arc<Vec<u8>> = Arc::new((0..FILE_SIZE).map(|i| (i % 253) as u8).collect());
    // One drop half-way: the resumed request must not buffer either.
    let storage =
        StorageServer::start(Arc::clone(&content), Behaviour::DropOnceAt(FILE_SIZE / 2)).await;
    let directory = tempfile::tempdir().unwrap();
    let target = directory.path().join("snapshot.tgz");
    let url = format!("{}/snapshot.tgz?sig=1", storage.uri);
    let baseline = LIVE.load(Ordering::SeqCst);
    PEAK.store(baseline, Ordering::SeqCst);
    let downloaded = fetch_to_file(&url, &target, &DownloadOptions::default())
        .await
        .unwrap();
    let growth = PEAK.load(Ordering::SeqCst) - baseline;
    assert_eq!(downloaded.bytes, FILE_SIZE as u64);
    assert_eq!(storage.requests().len(), 2, "dropped once, resumed once");
    assert!(
        growth < ALLOWED_GROWTH,
        "the download raised peak memory by {growth} bytes for a {FILE_SIZE}-byte file"
    );
    let written = std::fs::read(&target).unwrap();
    assert!(written == *content, "byte-exact");
}
