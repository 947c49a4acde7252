//! The document store on a temporary directory.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use futures_util::stream::{self, Stream, StreamExt, TryStreamExt};
use ghiseu_files::fixtures;
use ghiseu_files::sniff::{Dimensions, Kind, Refusal};
use ghiseu_files::{DocumentKey, DocumentStore, PutError, StoreConfig, StoreError, StoredFile};
use sha2::{Digest, Sha256};

type Chunk = Result<Bytes, std::io::Error>;

fn chunked(bytes: &[u8], size: usize) -> impl Stream<Item = Chunk> + Send + use<> {
    let chunks: Vec<Chunk> = bytes
        .chunks(size)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    stream::iter(chunks)
}

async fn put_bytes(
    store: &DocumentStore,
    bytes: &[u8],
    chunk: usize,
    limit: u64,
) -> Result<StoredFile, PutError> {
    let key = DocumentKey::generate();
    store.put(&key, chunked(bytes, chunk), limit).await
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn files_under(root: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

fn local() -> (tempfile::TempDir, DocumentStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = DocumentStore::open(&StoreConfig::local_under(dir.path())).unwrap();
    (dir, store)
}

fn refusal(result: Result<impl std::fmt::Debug, PutError>) -> Refusal {
    match result {
        Err(PutError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// A PDF of exactly `size` bytes.
fn pdf_of_size(size: usize) -> Vec<u8> {
    let bare = fixtures::pdf_with_body(b"").len();
    let mut filler_length = size - bare;
    let mut pdf = fixtures::pdf_with_body(&vec![b'0'; filler_length]);
    // The stream's /Length grows by digits as the filler does.
    while pdf.len() > size {
        filler_length -= pdf.len() - size;
        pdf = fixtures::pdf_with_body(&vec![b'0'; filler_length]);
    }
    assert_eq!(pdf.len(), size);
    pdf
}

#[tokio::test]
async fn stores_reads_back_and_deletes_a_document() {
    let (dir, store) = local();
    let png = fixtures::png(1240, 1754);
    let key = DocumentKey::generate();
    let stored = store.put(&key, chunked(&png, 7), 1024).await.unwrap();
    assert_eq!(stored.key, key);
    assert_eq!(stored.kind, Kind::Png);
    assert_eq!(stored.size, png.len() as u64);
    assert_eq!(stored.sha256_hex, sha256_hex(&png));
    assert_eq!(
        stored.dimensions,
        Some(Dimensions {
            width: 1240,
            height: 1754
        })
    );

    let download = store.get(&key).await.unwrap();
    assert_eq!(download.size, png.len() as u64);
    let body: Vec<Bytes> = download.body.try_collect().await.unwrap();
    assert_eq!(body.concat(), png);

    store.delete(&key).await.unwrap();
    assert!(matches!(
        store.get(&key).await,
        Err(StoreError::NotFound(_))
    ));
    store.delete(&key).await.unwrap();
    assert_eq!(files_under(dir.path()), Vec::<std::path::PathBuf>::new());
}

#[tokio::test]
async fn the_kind_comes_from_the_content_whatever_the_file_was_called() {
    // A PNG sent as "act.pdf" and a PDF sent as "photo.jpg": the store is
    // never told the names, and reports what the bytes are.
    let (_dir, store) = local();
    let png = put_bytes(&store, &fixtures::png(5, 5), 100, 1 << 20).await;
    assert_eq!(png.unwrap().kind, Kind::Png);
    let pdf = put_bytes(&store, &fixtures::pdf(), 100, 1 << 20)
        .await
        .unwrap();
    assert_eq!(
        (pdf.kind, pdf.kind.media_type()),
        (Kind::Pdf, "application/pdf")
    );
}

#[tokio::test]
async fn a_file_of_exactly_the_limit_is_accepted_and_one_byte_more_is_not() {
    let limit = 200_000;
    let (dir, store) = local();
    let exact = pdf_of_size(limit);
    let stored = put_bytes(&store, &exact, 8192, limit as u64).await.unwrap();
    assert_eq!(stored.sha256_hex, sha256_hex(&exact));
    assert_eq!(files_under(dir.path()).len(), 1);

    let (dir, store) = local();
    let over = pdf_of_size(limit + 1);
    let refused = put_bytes(&store, &over, 8192, limit as u64).await;
    assert_eq!(
        refusal(refused),
        Refusal::TooLarge {
            limit: limit as u64
        }
    );
    assert!(files_under(dir.path()).is_empty());
}

#[tokio::test]
async fn an_oversized_upload_is_refused_while_streaming() {
    let (dir, store) = local();
    // Small parts, so that some are written before the limit is crossed.
    let store = store.with_part_size(64 * 1024);
    let pulled = Arc::new(AtomicU64::new(0));
    let counter = pulled.clone();
    let mut first = fixtures::png(100, 100);
    first.resize(8192, 0);
    let body = stream::iter(
        std::iter::once(Bytes::from(first))
            .chain(std::iter::repeat_n(Bytes::from_static(&[0; 8192]), 10_000)),
    )
    .inspect(move |chunk| {
        counter.fetch_add(chunk.len() as u64, Ordering::Relaxed);
    })
    .map(Ok::<_, std::io::Error>);
    let limit = 1_000_000;
    let refused = store.put(&DocumentKey::generate(), body, limit).await;
    assert_eq!(refusal(refused), Refusal::TooLarge { limit });
    assert!(
        pulled.load(Ordering::Relaxed) <= limit + 8192,
        "stopped reading at the limit"
    );
    assert!(files_under(dir.path()).is_empty());
}

#[tokio::test]
async fn bad_content_is_refused_and_nothing_is_stored() {
    let (dir, store) = local();
    let mut polyglot = fixtures::png(10, 10);
    polyglot.extend_from_slice(b"%PDF-1.7\n");
    let mut garbage_then_pdf = b"\0\0garbage\n".to_vec();
    garbage_then_pdf.extend_from_slice(&fixtures::pdf());
    let mut jpeg_with_script = fixtures::jpeg(10, 10);
    jpeg_with_script.extend_from_slice(b"<script src=//x></script>");
    let mut cut_pdf = pdf_of_size(300_000);
    cut_pdf.truncate(250_000);
    let cases: [(&[u8], &str); 7] = [
        (b"", "empty"),
        (&polyglot, "polyglot"),
        (&garbage_then_pdf, "polyglot"),
        (&jpeg_with_script, "polyglot"),
        (&fixtures::png(10, 10)[..20], "truncated-header"),
        (&fixtures::png(50_000, 50_000), "absurd-dimensions"),
        (&cut_pdf, "missing-eof"),
    ];
    for (bytes, code) in cases {
        let result = put_bytes(&store, bytes, 4096, 1 << 20).await;
        assert_eq!(refusal(result).code(), code);
    }
    let empty_chunks = stream::iter((0..3).map(|_| Ok::<_, std::io::Error>(Bytes::new())));
    let result = store
        .put(&DocumentKey::generate(), empty_chunks, 1 << 20)
        .await;
    assert_eq!(refusal(result), Refusal::Empty);
    assert!(files_under(dir.path()).is_empty());
}

#[tokio::test]
async fn an_interrupted_upload_leaves_nothing() {
    let (dir, store) = local();
    let pdf = pdf_of_size(500_000);
    let body = chunked(&pdf, 65_536).take(5).chain(stream::once(async {
        Err(std::io::Error::other("connection reset"))
    }));
    let result = store.put(&DocumentKey::generate(), body, 1 << 20).await;
    assert!(matches!(result, Err(PutError::Body(_))), "{result:?}");
    assert!(files_under(dir.path()).is_empty());
}

#[test]
fn a_put_can_run_on_a_multi_threaded_server() {
    fn assert_send<T: Send>(_: &T) {}
    let (_dir, store) = local();
    let key = DocumentKey::generate();
    let put = store.put(&key, chunked(b"", 1), 1);
    assert_send(&put);
}

/// A PDF of about `size` bytes whose every line is different, so that a
/// part written at the wrong offset would show.
fn numbered_pdf(size: usize) -> Vec<u8> {
    let lines: String = (0..size / 16).map(|n| format!("line {n:010}\n")).collect();
    fixtures::pdf_with_body(lines.as_bytes())
}

/// `bytes` in frames of uneven sizes: single bytes, sizes that divide no
/// part size, and frames longer than a part.
fn odd_frames(bytes: &[u8]) -> impl Stream<Item = Chunk> + Send + use<> {
    const SIZES: [usize; 8] = [1, 4_093, 65_537, 7, 131_071, 333, 200_003, 65_535];
    let mut frames = Vec::new();
    let mut rest = bytes;
    for size in SIZES.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (frame, after) = rest.split_at((*size).min(rest.len()));
        frames.push(Ok(Bytes::copy_from_slice(frame)));
        rest = after;
    }
    stream::iter(frames)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_multi_frame_upload_to_the_local_store_is_stored_byte_for_byte() {
    let (dir, store) = local();
    for size in [70_000, 1_000_000, 3_000_017] {
        let pdf = numbered_pdf(size);
        let key = DocumentKey::generate();
        let stored = store.put(&key, odd_frames(&pdf), 5 << 20).await.unwrap();
        assert_eq!(stored.size, pdf.len() as u64);
        assert_eq!(stored.sha256_hex, sha256_hex(&pdf));

        let on_disk = std::fs::read(dir.path().join("documents").join(key.as_str())).unwrap();
        assert_eq!(sha256_hex(&on_disk), sha256_hex(&pdf), "{size} bytes");
        let download = store.get(&key).await.unwrap();
        let body: Vec<Bytes> = download.body.try_collect().await.unwrap();
        assert_eq!(sha256_hex(&body.concat()), stored.sha256_hex);
    }
    assert_eq!(files_under(dir.path()).len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_multi_frame_upload_to_the_local_store_leaves_nothing() {
    let (dir, store) = local();
    // Too large, found out after many parts were written.
    let pdf = numbered_pdf(2_000_000);
    let limit = 1_500_000;
    let refused = store
        .put(&DocumentKey::generate(), odd_frames(&pdf), limit)
        .await;
    assert_eq!(refusal(refused), Refusal::TooLarge { limit });
    // Cut short: no `%%EOF`, found out only at the end.
    let cut = &pdf[..pdf.len() - 100];
    let refused = store
        .put(&DocumentKey::generate(), odd_frames(cut), 5 << 20)
        .await;
    assert_eq!(refusal(refused).code(), "missing-eof");
    assert!(files_under(dir.path()).is_empty());
}

/// Makes a file look as if it was last written `ago`.
fn age(path: &Path, ago: std::time::Duration) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(std::time::SystemTime::now() - ago)
        .unwrap();
}

#[tokio::test]
async fn lists_documents_and_removes_only_old_partial_files() {
    let (dir, store) = local();
    assert_eq!(
        store.local_root(),
        Some(dir.path().join("documents").as_path())
    );
    assert!(
        store
            .list()
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .is_empty()
    );
    let (png, pdf) = (fixtures::png(8, 8), fixtures::pdf());
    let a = put_bytes(&store, &png, 100, 1 << 20).await.unwrap();
    let b = put_bytes(&store, &pdf, 100, 1 << 20).await.unwrap();
    let mut listed: Vec<_> = store
        .list()
        .map_ok(|l| (l.key, l.size))
        .try_collect()
        .await
        .unwrap();
    listed.sort();
    let mut expected = vec![(a.key.clone(), png.len() as u64), (b.key, pdf.len() as u64)];
    expected.sort();
    assert_eq!(listed, expected);

    // Partial files as a killed upload leaves them, one old and one recent,
    // and a file that only looks like one.
    let documents = dir.path().join("documents").join("documents");
    let partial = |key: &DocumentKey| {
        documents.join(format!(
            "{}#1",
            key.as_str().trim_start_matches("documents/")
        ))
    };
    let (old, recent) = (DocumentKey::generate(), DocumentKey::generate());
    for key in [&old, &recent] {
        std::fs::write(partial(key), b"%PDF-1.7 cut short").unwrap();
    }
    std::fs::write(documents.join("notes.txt#1"), b"not ours").unwrap();
    let hour = std::time::Duration::from_secs(3600);
    age(&partial(&old), 2 * hour);
    age(&documents.join("notes.txt#1"), 2 * hour);
    let before = std::time::SystemTime::now() - hour;
    let swept = store.remove_stale_staging(before).await.unwrap();
    assert_eq!((swept.removed, swept.recent), (1, 1), "{swept:?}");
    assert!(!partial(&old).exists());
    assert!(partial(&recent).exists());
    assert!(documents.join("notes.txt#1").exists());
    assert_eq!(store.list().try_collect::<Vec<_>>().await.unwrap().len(), 2);
    // Again, as another process might: nothing more to do.
    let again = store.remove_stale_staging(before).await.unwrap();
    assert_eq!(again.removed, 0);
    store.delete(&a.key).await.unwrap();
    assert_eq!(store.list().try_collect::<Vec<_>>().await.unwrap().len(), 1);
}
