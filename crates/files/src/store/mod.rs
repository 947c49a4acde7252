//! The document store: a thin layer over an [`ObjectStore`] that refuses
//! what [`crate::sniff()`] refuses while the upload streams through it.

mod key;
mod pool;
mod put;
mod sweep;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use futures_util::stream::{BoxStream, StreamExt};
use object_store::local::LocalFileSystem;
use object_store::{ObjectStore, ObjectStoreExt};

use crate::sniff::{Dimensions, Kind, Refusal};
pub use key::{DocumentKey, KeyError};
pub use sweep::{Listed, StagingSweep};

/// The size limit when an authority has not set its own: 5 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 5 * 1024 * 1024;
/// The size of the parts written to the store; S3 needs at least 5 MiB for
/// every part but the last.
pub const DEFAULT_PART_SIZE: usize = 5 * 1024 * 1024;
/// The part size for a local directory, which takes parts of any size. The
/// body is copied into reused buffers of this size (see [`Parts::AnySize`]):
/// small enough that the allocator keeps them in its heap rather than mapping
/// each one afresh, and an upload holds only a few of them.
pub const LOCAL_PART_SIZE: usize = 64 * 1024;
/// How many parts may be uploading at once. Memory held by an upload is
/// about `(1 + MAX_PARTS_IN_FLIGHT) × part size`, whatever the file's size.
pub const MAX_PARTS_IN_FLIGHT: usize = 2;

/// What the store underneath accepts as the parts of an upload, which
/// decides how the body is cut into them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parts {
    /// Every part but the last must be at least 5 MiB, as S3 requires. The
    /// body's own chunks are gathered into parts of the part size without
    /// being copied.
    AtLeast5MiB,
    /// Parts of any size, written in the order they are given, as a local
    /// directory takes them. The body is copied into a few buffers of the
    /// part size, reused from one part and one upload to the next, so the
    /// body's chunks are let go as soon as they are read.
    AnySize,
}

/// Where documents are kept, as read from configuration.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(tag = "backend", rename_all = "kebab-case", deny_unknown_fields)]
pub enum StoreConfig {
    /// A directory on this machine, created if missing.
    Local { root: PathBuf },
    /// An S3-compatible bucket; needs the crate's `s3` feature.
    S3(S3Config),
}

impl StoreConfig {
    /// A `documents` directory under the application's data directory.
    pub fn local_under(data_dir: &Path) -> Self {
        StoreConfig::Local {
            root: data_dir.join("documents"),
        }
    }
}

/// An S3-compatible bucket. Credentials are not configuration: they come
/// from the usual `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` variables
/// (or the machine's role), as the AWS tools read them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Config {
    pub bucket: String,
    #[serde(default)]
    pub region: Option<String>,
    /// For stores other than AWS, e.g. `https://s3.example.ro`.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Only for a store on a private network or in tests.
    #[serde(default)]
    pub allow_http: bool,
}

/// A document that was accepted and stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub key: DocumentKey,
    /// What the content is, whatever name or type the sender claimed.
    pub kind: Kind,
    pub size: u64,
    /// Lowercase hexadecimal.
    pub sha256_hex: String,
    /// Set for images.
    pub dimensions: Option<Dimensions>,
}

/// Why an upload was not stored. In every case nothing is left at its key.
#[derive(Debug, thiserror::Error)]
pub enum PutError {
    /// The content is not acceptable; see [`Refusal::code`].
    #[error("refused: {0}")]
    Refused(#[from] Refusal),
    /// The upload's own stream failed, e.g. the sender went away.
    #[error("the upload was interrupted: {0}")]
    Body(Box<dyn std::error::Error + Send + Sync>),
    #[error(transparent)]
    Store(#[from] object_store::Error),
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no document at {0}")]
    NotFound(DocumentKey),
    #[error("the document store was built without the `{0}` feature")]
    BackendNotBuilt(&'static str),
    #[error("cannot create the document directory {}: {source}", path.display())]
    CreateDirectory {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot clear out partial uploads in {}: {source}", path.display())]
    Sweep {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] object_store::Error),
}

/// A stored document being read.
pub struct Download {
    pub size: u64,
    pub body: BoxStream<'static, Result<Bytes, StoreError>>,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone)]
pub struct DocumentStore {
    inner: Arc<dyn ObjectStore>,
    parts: Parts,
    part_size: usize,
    /// The reused part buffers, for [`Parts::AnySize`].
    buffers: Arc<pool::PartPool>,
    /// For a local directory: where it is, to find the partial files of
    /// uploads that never finished.
    local_root: Option<PathBuf>,
}

impl DocumentStore {
    /// A store that takes parts as S3 does: see [`Parts::AtLeast5MiB`].
    pub fn new(inner: Arc<dyn ObjectStore>) -> Self {
        Self::with_parts(inner, Parts::AtLeast5MiB)
    }

    /// A store whose parts are cut as `parts` says, of the default size for
    /// it: 5 MiB, or [`LOCAL_PART_SIZE`] for [`Parts::AnySize`].
    pub fn with_parts(inner: Arc<dyn ObjectStore>, parts: Parts) -> Self {
        let part_size = match parts {
            Parts::AtLeast5MiB => DEFAULT_PART_SIZE,
            Parts::AnySize => LOCAL_PART_SIZE,
        };
        DocumentStore {
            inner,
            parts,
            part_size,
            buffers: Arc::new(pool::PartPool::new(part_size)),
            local_root: None,
        }
    }

    pub fn open(config: &StoreConfig) -> Result<Self, StoreError> {
        match config {
            StoreConfig::Local { root } => Self::local(root),
            StoreConfig::S3(s3) => Self::s3(s3),
        }
    }

    /// Documents as files under `root`, synced to disk before a put returns.
    pub fn local(root: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(root).map_err(|source| StoreError::CreateDirectory {
            path: root.to_owned(),
            source,
        })?;
        let store = LocalFileSystem::new_with_prefix(root)?
            .with_automatic_cleanup(true)
            .with_fsync(true);
        let mut documents = Self::with_parts(Arc::new(store), Parts::AnySize);
        documents.local_root = Some(root.to_owned());
        Ok(documents)
    }

    /// The directory of a local store; `None` for any other.
    pub fn local_root(&self) -> Option<&Path> {
        self.local_root.as_deref()
    }

    #[cfg(feature = "s3")]
    pub fn s3(config: &S3Config) -> Result<Self, StoreError> {
        // The HTTP client is built without a TLS provider of its own (see
        // the `s3` feature) and takes the process's; an error here means
        // one is installed already, which serves as well.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = object_store::aws::AmazonS3Builder::from_env()
            .with_client_options(s3_client_options())
            .with_retry(s3_retries())
            .with_bucket_name(&config.bucket)
            .with_allow_http(config.allow_http);
        if let Some(region) = &config.region {
            builder = builder.with_region(region);
        }
        if let Some(endpoint) = &config.endpoint {
            builder = builder.with_endpoint(endpoint);
        }
        Ok(Self::new(Arc::new(builder.build()?)))
    }

    #[cfg(not(feature = "s3"))]
    pub fn s3(_config: &S3Config) -> Result<Self, StoreError> {
        Err(StoreError::BackendNotBuilt("s3"))
    }

    /// Sets the size of the parts written. Smaller parts hold less memory,
    /// but S3 refuses parts under 5 MiB (except the last).
    pub fn with_part_size(mut self, bytes: usize) -> Self {
        self.part_size = bytes.max(1);
        self.buffers = Arc::new(pool::PartPool::new(self.part_size));
        self
    }

    /// Streams a download.
    pub async fn get(&self, key: &DocumentKey) -> Result<Download, StoreError> {
        let found = self
            .inner
            .get(&key.path())
            .await
            .map_err(|error| not_found_as(key, error))?;
        let size = found.meta.size;
        let body = found
            .into_stream()
            .map(|chunk| chunk.map_err(StoreError::from));
        Ok(Download {
            size,
            body: body.boxed(),
        })
    }

    /// Removes a document. Removing one that is not there is not an error,
    /// so several processes may remove the same document at once.
    pub async fn delete(&self, key: &DocumentKey) -> Result<(), StoreError> {
        match self.inner.delete(&key.path()).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }
}

fn not_found_as(key: &DocumentKey, error: object_store::Error) -> StoreError {
    match error {
        object_store::Error::NotFound { .. } => StoreError::NotFound(key.clone()),
        other => other.into(),
    }
}

/// How long one request to the bucket may take. The client's defaults (30 s
/// a request, retried for up to three minutes) held a person's upload for
/// minutes while the store hung; now a store that does not answer is told
/// as unavailable within about 20 s. One part is at most 5 MiB to a store
/// on the authority's own network, which takes well under these times.
#[cfg(feature = "s3")]
fn s3_client_options() -> object_store::ClientOptions {
    object_store::ClientOptions::new()
        .with_connect_timeout(std::time::Duration::from_secs(2))
        .with_timeout(std::time::Duration::from_secs(8))
}

#[cfg(feature = "s3")]
fn s3_retries() -> object_store::RetryConfig {
    object_store::RetryConfig {
        max_retries: 2,
        retry_timeout: std::time::Duration::from_secs(15),
        ..object_store::RetryConfig::default()
    }
}
