//! Citizens' scanned documents: PDF, JPEG and PNG recognised by their
//! content, refused with a stable reason when they are not acceptable, and
//! streamed to an object store (a local directory, or S3-compatible with
//! the `s3` feature) with their SHA-256.
#![forbid(unsafe_code)]

pub mod name;
pub mod sniff;
pub mod store;

#[cfg(any(test, feature = "test-support"))]
pub mod fixtures;

pub use name::{claimed_kind, display_name};
pub use sniff::{Dimensions, Kind, PdfVersion, Refusal, Sniffed, sniff};
pub use store::{
    DEFAULT_MAX_BYTES, DocumentKey, DocumentStore, Download, KeyError, Listed, Parts, PutError,
    S3Config, StagingSweep, StoreConfig, StoreError, StoredFile,
};
