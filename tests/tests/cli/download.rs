//! Binary answers: a gzip archive streamed to `--out-file` byte for byte, without the process
//! holding it in memory, and to stdout when it is not a terminal; errors leave no file behind.

use fixture_constructs::mock::MockAtlas;
use fixture_constructs::types::ApiError;

use crate::support::{run, CONSTRUCTS};

const GROUP: &str = "32b6e34b3d91647abb20e7b8";

/// `len` bytes that do not repeat in any short period (a linear congruential sequence), starting
/// with the gzip magic number.
fn archive(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x1234_5678;
    let mut bytes: Vec<u8> = (0..len)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect();
    bytes[..3].copy_from_slice(&[0x1f, 0x8b, 8]);
    bytes
}

async fn serving(body: &[u8]) -> MockAtlas {
    let atlas = MockAtlas::start().await;
    atlas
        .download_thing_archive()
        .thing_id("t1")
        .respond_bytes(body.to_vec())
        .mount()
        .await;
    atlas
}

fn download_args<'a>(uri: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "archives",
        "downloadThingArchive",
        "--groupId",
        GROUP,
        "--thingId",
        "t1",
        "--base-url",
        uri,
    ];
    args.extend_from_slice(extra);
    args
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_gzip_answer_is_streamed_to_the_out_file_byte_for_byte() {
    const SIZE: usize = 64 << 20;
    let body = archive(SIZE);
    let atlas = serving(&body).await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("archive.gz");
    let target_text = target.to_string_lossy().into_owned();
    let uri = atlas.uri();
    let mut child = std::process::Command::new(CONSTRUCTS)
        .args(download_args(&uri, &["--out-file", &target_text]))
        .env("XDG_CONFIG_HOME", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let peak = peak_rss_until_exit(&mut child);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(&format!("Wrote {SIZE} bytes")), "{stderr}");
    let written = std::fs::read(&target).unwrap();
    assert_eq!(written.len(), SIZE);
    assert!(written == body, "the file differs from the answer");
    eprintln!(
        "peak RSS of the command line: {} MiB for a {} MiB body",
        peak >> 20,
        SIZE >> 20
    );
    if cfg!(target_os = "linux") {
        assert!(peak > 0, "no reading of the peak RSS");
        // Half the body: the debug process alone (runtime, TLS, buffers) takes about 15 MiB, so
        // a quarter would leave little room; holding the body would exceed the whole 64 MiB.
        assert!(
            peak < SIZE as u64 / 2,
            "peak RSS {peak} bytes: the body was held in memory"
        );
    }
}

/// The child's peak resident set (`VmHWM`, which only grows), read from `/proc` until it exits:
/// measured from outside, as `getrusage` would count the test process's own memory (the child
/// shares it until `exec`).
fn peak_rss_until_exit(child: &mut std::process::Child) -> u64 {
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        let kib = std::fs::read_to_string(&status)
            .ok()
            .and_then(|text| {
                let line = text.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
                line.split_whitespace().nth(1)?.parse::<u64>().ok()
            })
            .unwrap_or(0);
        peak = peak.max(kib * 1024);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    peak
}

#[tokio::test(flavor = "multi_thread")]
async fn a_binary_answer_goes_to_stdout_when_it_is_not_a_terminal() {
    let body = archive(4096);
    let atlas = serving(&body).await;
    let uri = atlas.uri();
    let output = std::process::Command::new(CONSTRUCTS)
        .args(download_args(&uri, &[]))
        .env_remove("MONGODB_ATLAS_PROFILE")
        .env("XDG_CONFIG_HOME", tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout == body);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_error_answer_leaves_no_file() {
    let atlas = MockAtlas::start().await;
    atlas
        .download_thing_archive()
        .thing_id("t1")
        .respond_error(404, &{
            let mut error = ApiError::default();
            error.error = Some(404);
            error.error_code = Some("THING_NOT_FOUND".into());
            error
        })
        .mount()
        .await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("archive.gz");
    let target_text = target.to_string_lossy().into_owned();
    let uri = atlas.uri();
    let out = run(
        CONSTRUCTS,
        &download_args(&uri, &["--out-file", &target_text]),
        &[],
        None,
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("THING_NOT_FOUND"), "{}", out.stderr);
    assert!(!target.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no partial file is left"
    );
}
