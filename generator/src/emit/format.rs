//! Formatting emitted tokens into source files with prettyplease, in-process (never rustfmt,
//! whose versions differ). Parsing and printing are most of the generator's time on a large
//! spec, and files are independent, so they are formatted on all cores; the output order is the
//! input order whatever the threads do. Emitters wrote short names and imports already (see
//! `scope`); `layout` prints with blank lines between items.

use std::num::NonZeroUsize;
use std::thread;

use super::{layout, EmitError, GeneratedFile};

/// The stack of a formatting thread: 8 MiB, as a main thread has.
const WORKER_STACK: usize = 8 << 20;

/// Formats each (path, source text) into a file headed by `header`. Emitters hand over text,
/// not token streams: text can cross threads, and takes far less memory.
pub fn format_files(
    header: &str,
    texts: Vec<(String, String)>,
) -> Result<Vec<GeneratedFile>, EmitError> {
    let workers = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .clamp(1, texts.len().max(1));
    let mut results: Vec<Option<Result<GeneratedFile, EmitError>>> =
        (0..texts.len()).map(|_| None).collect();
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .filter_map(|worker| {
                let texts = &texts;
                // syn and prettyplease recurse once per level of nesting of the emitted code,
                // which follows the spec's (up to the YAML parser's limit): a debug build needs
                // more than a spawned thread's default 2 MiB for the deepest.
                let spawned = thread::Builder::new()
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, move || {
                        // Interleaved, so the few large files spread over the workers.
                        (worker..texts.len())
                            .step_by(workers)
                            .map(|index| {
                                let (path, text) = &texts[index];
                                (index, format_one(header, path, text))
                            })
                            .collect::<Vec<_>>()
                    });
                // A thread that could not start leaves its files unformatted, reported below.
                spawned.ok()
            })
            .collect();
        for handle in handles {
            // A worker only panics on a bug in syn or prettyplease; surface it as such.
            for (index, result) in handle.join().unwrap_or_default() {
                results[index] = Some(result);
            }
        }
    });
    results
        .into_iter()
        .zip(texts)
        .map(|(result, (path, text))| {
            result.unwrap_or_else(|| {
                Err(EmitError {
                    file: path,
                    message: "the formatting thread stopped".into(),
                    text,
                })
            })
        })
        .collect()
}

fn format_one(header: &str, path: &str, text: &str) -> Result<GeneratedFile, EmitError> {
    let file = syn::parse_file(text).map_err(|error| EmitError {
        file: path.to_owned(),
        message: error.to_string(),
        text: text.to_owned(),
    })?;
    Ok(GeneratedFile {
        path: path.to_owned(),
        contents: format!("{header}\n{}", layout::print(file)),
    })
}
