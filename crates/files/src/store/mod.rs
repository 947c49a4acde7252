//! The document store: a thin layer over an [`ObjectStore`] that refuses
//! what [`crate::sniff()`] refuses while the upload streams through it.

mod key;
mod put;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use futures_util::stream::{BoxStream, StreamExt};
use object_store::local::LocalFileSystem;
use object_store::{ObjectStore, ObjectStoreExt};

use crate::sniff::{Dimensions, Kind, Refusal};
pub use key::{DocumentKey, KeyError};

/// The size limit when an authority has not set its own: 5 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 5 * 1024 * 1024;
/// The size of the parts written to the store; S3 needs at least 5 MiB for
/// every part but the last.
pub const DEFAULT_PART_SIZE: usize = 5 * 1024 * 1024;
/// The part size for a local directory, which takes parts of any size: small
/// parts keep each upload's memory to a few hundred KiB, so many people can
/// upload at once.
pub const LOCAL_PART_SIZE: usize = 256 * 1024;
/// How many parts may be uploading at once. Memory held by an upload is
/// about `(1 + MAX_PARTS_IN_FLIGHT) × part size`, whatever the file's size.
pub const MAX_PARTS_IN_FLIGHT: usize = 2;

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
    part_size: usize,
}

impl DocumentStore {
    pub fn new(inner: Arc<dyn ObjectStore>) -> Self {
        DocumentStore {
            inner,
            part_size: DEFAULT_PART_SIZE,
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
        Ok(Self::new(Arc::new(store)).with_part_size(LOCAL_PART_SIZE))
    }

    #[cfg(feature = "s3")]
    pub fn s3(config: &S3Config) -> Result<Self, StoreError> {
        let mut builder = object_store::aws::AmazonS3Builder::from_env()
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

    /// Removes a document. Removing one that is not there is not an error.
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
