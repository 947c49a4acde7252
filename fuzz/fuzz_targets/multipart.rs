//! An upload's body as the case page's form sends it: `multipart/form-data`
//! read by axum's `Multipart` (as `ghiseu_web`'s upload handler reads it),
//! the `csrf` and `requirement` fields as text, and the `file` field streamed
//! through `DocumentStore::put` (sniffing, size limit, hashing, the part
//! writer, the PDF tail check) into an in-memory object store.
//!
//! Input: byte 0 picks how the body is cut into chunks, byte 1 the size
//! limit; the rest is the body, whose boundary is [`BOUNDARY`].
#![no_main]

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::extract::{FromRequest, Multipart};
use axum::http::{Request, header};
use bytes::Bytes;
use futures_util::StreamExt;
use ghiseu_files::{
    DEFAULT_MAX_BYTES, DocumentKey, DocumentStore, Parts, PutError, display_name, sniff,
};
use libfuzzer_sys::fuzz_target;
use object_store::memory::InMemory;

const BOUNDARY: &str = "ghiseu-fuzz-boundary";

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
    })
}

fuzz_target!(|data: &[u8]| {
    let [cut, limit, body @ ..] = data else {
        return;
    };
    // 1 to 255 bytes a chunk, or the whole body at once.
    let chunk = if *cut == 0 {
        body.len().max(1)
    } else {
        usize::from(*cut)
    };
    let limit = if *limit == 0 {
        DEFAULT_MAX_BYTES
    } else {
        u64::from(*limit) * 16
    };
    let chunks: Vec<Result<Bytes, std::io::Error>> = body
        .chunks(chunk)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let request = Request::post("/en/applications/case/documents")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from_stream(futures_util::stream::iter(chunks)))
        .expect("a request");
    runtime().block_on(receive(request, limit));
});

async fn receive(request: Request<Body>, limit: u64) {
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return;
    };
    // Small parts, so that a body of a few kilobytes is cut into several.
    let store =
        DocumentStore::with_parts(Arc::new(InMemory::new()), Parts::AnySize).with_part_size(1024);
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) | Err(_) => return,
        };
        match field.name() {
            Some("csrf") | Some("requirement") => {
                let _ = field.text().await;
            }
            Some("file") => {
                if let Some(name) = field.file_name().and_then(display_name) {
                    check_display_name(&name);
                }
                let key = DocumentKey::generate();
                let put = store.put(&key, field, limit).await;
                check_stored(&store, &key, put, limit).await;
                return;
            }
            _ => {}
        }
    }
}

fn check_display_name(name: &str) {
    assert!(!name.is_empty());
    assert!(name.chars().count() <= ghiseu_files::name::MAX_DISPLAY_NAME_CHARS);
    assert!(!name.contains(['/', '\\']), "{name:?}");
    assert!(!name.chars().any(char::is_control), "{name:?}");
    assert_eq!(name.trim(), name);
}

/// A stored file is exactly what was accepted; a refused one left nothing.
async fn check_stored(
    store: &DocumentStore,
    key: &DocumentKey,
    put: Result<ghiseu_files::StoredFile, PutError>,
    limit: u64,
) {
    let found = store.get(key).await;
    match put {
        Ok(stored) => {
            let mut download = found.expect("a stored file can be read");
            let mut content = Vec::new();
            while let Some(chunk) = download.body.next().await {
                content.extend_from_slice(&chunk.expect("a chunk"));
            }
            assert_eq!(download.size, stored.size);
            assert_eq!(content.len() as u64, stored.size);
            assert!(stored.size <= limit);
            let sniffed = sniff(&content).expect("what was stored sniffs as accepted");
            assert_eq!(sniffed.kind, stored.kind);
            assert_eq!(sniffed.dimensions, stored.dimensions);
            use sha2::Digest as _;
            assert_eq!(
                hex::encode(sha2::Sha256::digest(&content)),
                stored.sha256_hex
            );
        }
        Err(_) => assert!(found.is_err(), "a refused upload left a file"),
    }
}
