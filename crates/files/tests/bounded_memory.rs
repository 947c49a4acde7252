//! A large upload goes through in bounded parts, never whole in memory.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use futures_util::stream::{self, BoxStream, StreamExt};
use ghiseu_files::fixtures;
use ghiseu_files::sniff::SNIFF_WINDOW;
use ghiseu_files::store::{DEFAULT_PART_SIZE, LOCAL_PART_SIZE, MAX_PARTS_IN_FLIGHT};
use ghiseu_files::{DocumentKey, DocumentStore, Parts};
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{
    CopyOptions, GetOptions, GetResult, ListResult, MultipartUpload, ObjectMeta, ObjectStore,
    PutMultipartOptions, PutOptions, PutPayload, PutResult, UploadPart,
};
use sha2::{Digest, Sha256};

/// Wraps a store to watch the parts written to it.
#[derive(Debug)]
struct WatchedStore {
    inner: LocalFileSystem,
    pulled: Arc<AtomicU64>,
    watch: Arc<Watch>,
}

#[derive(Debug, Default)]
struct Watch {
    parts: Mutex<Vec<usize>>,
    in_flight: AtomicUsize,
    most_in_flight: AtomicUsize,
    handed_over: AtomicU64,
    /// Bytes read from the upload but not yet in a part, at each part.
    most_held: AtomicU64,
}

#[derive(Debug)]
struct WatchedUpload {
    inner: Box<dyn MultipartUpload>,
    pulled: Arc<AtomicU64>,
    watch: Arc<Watch>,
}

impl std::fmt::Display for WatchedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Watched({})", self.inner)
    }
}

#[async_trait::async_trait]
impl MultipartUpload for WatchedUpload {
    fn put_part(&mut self, data: PutPayload) -> UploadPart {
        let watch = self.watch.clone();
        let size = data.content_length();
        watch.parts.lock().unwrap().push(size);
        let handed_over = watch.handed_over.fetch_add(size as u64, Ordering::SeqCst);
        let held = self.pulled.load(Ordering::SeqCst) - handed_over;
        watch.most_held.fetch_max(held, Ordering::SeqCst);
        let now = watch.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        watch.most_in_flight.fetch_max(now, Ordering::SeqCst);
        let part = self.inner.put_part(data);
        Box::pin(async move {
            let result = part.await;
            watch.in_flight.fetch_sub(1, Ordering::SeqCst);
            result
        })
    }

    async fn complete(&mut self) -> object_store::Result<PutResult> {
        self.inner.complete().await
    }

    async fn abort(&mut self) -> object_store::Result<()> {
        self.inner.abort().await
    }
}

#[async_trait::async_trait]
impl ObjectStore for WatchedStore {
    async fn put_opts(
        &self,
        location: &ObjectPath,
        payload: PutPayload,
        opts: PutOptions,
    ) -> object_store::Result<PutResult> {
        self.inner.put_opts(location, payload, opts).await
    }

    async fn put_multipart_opts(
        &self,
        location: &ObjectPath,
        opts: PutMultipartOptions,
    ) -> object_store::Result<Box<dyn MultipartUpload>> {
        let inner = self.inner.put_multipart_opts(location, opts).await?;
        let (pulled, watch) = (self.pulled.clone(), self.watch.clone());
        Ok(Box::new(WatchedUpload {
            inner,
            pulled,
            watch,
        }))
    }

    async fn get_opts(
        &self,
        location: &ObjectPath,
        options: GetOptions,
    ) -> object_store::Result<GetResult> {
        self.inner.get_opts(location, options).await
    }

    fn delete_stream(
        &self,
        locations: BoxStream<'static, object_store::Result<ObjectPath>>,
    ) -> BoxStream<'static, object_store::Result<ObjectPath>> {
        self.inner.delete_stream(locations)
    }

    fn list(
        &self,
        prefix: Option<&ObjectPath>,
    ) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        self.inner.list(prefix)
    }

    async fn list_with_delimiter(
        &self,
        prefix: Option<&ObjectPath>,
    ) -> object_store::Result<ListResult> {
        self.inner.list_with_delimiter(prefix).await
    }

    async fn copy_opts(
        &self,
        from: &ObjectPath,
        to: &ObjectPath,
        options: CopyOptions,
    ) -> object_store::Result<()> {
        self.inner.copy_opts(from, to, options).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_upload_streams_through_in_bounded_parts() {
    const SIZE: u64 = 20 * 1024 * 1024;
    const CHUNK: usize = 64 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let pulled = Arc::new(AtomicU64::new(0));
    let watch = Arc::new(Watch::default());
    let inner = LocalFileSystem::new_with_prefix(dir.path()).unwrap();
    let watched = WatchedStore {
        inner,
        pulled: pulled.clone(),
        watch: watch.clone(),
    };
    let store = DocumentStore::new(Arc::new(watched));

    let mut first = fixtures::png(4000, 3000);
    first.resize(CHUNK, 0);
    let zeros = Bytes::from(vec![0; CHUNK]);
    let chunks = std::iter::once(Bytes::from(first))
        .chain(std::iter::repeat_n(zeros, SIZE as usize / CHUNK - 1));
    let expected = chunks.clone().fold(Sha256::new(), |mut hasher, chunk| {
        hasher.update(&chunk);
        hasher
    });
    let counter = pulled.clone();
    let body = stream::iter(chunks)
        .inspect(move |chunk| {
            counter.fetch_add(chunk.len() as u64, Ordering::SeqCst);
        })
        .map(Ok::<_, std::io::Error>);
    let stored = store
        .put(&DocumentKey::generate(), body, 25 * 1024 * 1024)
        .await
        .unwrap();
    assert_eq!(stored.size, SIZE);
    let expected: String = expected
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(stored.sha256_hex, expected);
    assert_eq!(
        std::fs::metadata(dir.path().join(stored.key.as_str()))
            .unwrap()
            .len(),
        SIZE
    );

    let parts = watch.parts.lock().unwrap().clone();
    assert_eq!(parts.iter().sum::<usize>() as u64, SIZE);
    assert!(parts.len() >= 4, "{parts:?}");
    assert!(
        parts.iter().all(|part| *part <= DEFAULT_PART_SIZE),
        "{parts:?}"
    );
    let most_in_flight = watch.most_in_flight.load(Ordering::SeqCst);
    eprintln!(
        "parts {parts:?}, at most {most_in_flight} in flight, {} bytes held",
        watch.most_held.load(Ordering::SeqCst)
    );
    assert!(
        most_in_flight <= MAX_PARTS_IN_FLIGHT,
        "{most_in_flight} parts in flight"
    );
    let most_held = watch.most_held.load(Ordering::SeqCst);
    let bound = (DEFAULT_PART_SIZE + CHUNK + SNIFF_WINDOW) as u64;
    assert!(
        most_held <= bound,
        "held {most_held} bytes unwritten, bound {bound}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_taking_parts_of_any_size_gets_small_parts_in_order() {
    const SIZE: usize = 5 * 1024 * 1024 - 1234;
    // Frames that are not a multiple of the part size, and larger than it.
    const CHUNK: usize = 100_003;
    let dir = tempfile::tempdir().unwrap();
    let pulled = Arc::new(AtomicU64::new(0));
    let watch = Arc::new(Watch::default());
    let inner = LocalFileSystem::new_with_prefix(dir.path()).unwrap();
    let watched = WatchedStore {
        inner,
        pulled: pulled.clone(),
        watch: watch.clone(),
    };
    let store = DocumentStore::with_parts(Arc::new(watched), Parts::AnySize);

    let mut content = fixtures::png(4000, 3000);
    content.extend((0..SIZE as u32).map(|n| (n % 251) as u8));
    content.truncate(SIZE);
    let expected: String = Sha256::digest(&content)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let frames: Vec<Bytes> = content.chunks(CHUNK).map(Bytes::copy_from_slice).collect();
    let counter = pulled.clone();
    let body = stream::iter(frames)
        .inspect(move |chunk| {
            counter.fetch_add(chunk.len() as u64, Ordering::SeqCst);
        })
        .map(Ok::<_, std::io::Error>);
    let stored = store
        .put(&DocumentKey::generate(), body, SIZE as u64)
        .await
        .unwrap();
    assert_eq!(stored.sha256_hex, expected);
    let written = std::fs::read(dir.path().join(stored.key.as_str())).unwrap();
    assert!(written == content, "the file differs from the upload");

    let parts = watch.parts.lock().unwrap().clone();
    let (last, full) = parts.split_last().unwrap();
    assert!(
        full.iter().all(|part| *part == LOCAL_PART_SIZE) && *last <= LOCAL_PART_SIZE,
        "{parts:?}"
    );
    let most_in_flight = watch.most_in_flight.load(Ordering::SeqCst);
    assert!(
        most_in_flight <= MAX_PARTS_IN_FLIGHT,
        "{most_in_flight} parts in flight"
    );
    let most_held = watch.most_held.load(Ordering::SeqCst);
    let bound = (LOCAL_PART_SIZE + CHUNK + SNIFF_WINDOW) as u64;
    assert!(
        most_held <= bound,
        "held {most_held} bytes unwritten, bound {bound}"
    );
}
