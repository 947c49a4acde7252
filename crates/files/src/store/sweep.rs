//! What a sweep of the store needs from it: every document with its size
//! and age, and the removal of the partial files that uploads cut short
//! (a killed process, say) leave in a local directory.
//!
//! An S3-compatible store keeps the parts of an unfinished upload out of
//! sight of any listing; the bucket's lifecycle rule
//! `AbortIncompleteMultipartUpload` removes them.

use std::path::Path;
use std::time::SystemTime;

use futures_util::stream::{BoxStream, StreamExt};

use super::{DocumentKey, DocumentStore, StoreError};

/// The directory under a store's root that holds the documents.
const DOCUMENTS: &str = "documents";

/// A document found in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub key: DocumentKey,
    pub size: u64,
    /// When it was written.
    pub modified: SystemTime,
}

/// What a removal of stale partial files found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StagingSweep {
    /// Partial files removed.
    pub removed: u64,
    pub removed_bytes: u64,
    /// Partial files left because they are recent: uploads that may still
    /// be under way.
    pub recent: u64,
}

impl DocumentStore {
    /// Every document in the store, in no particular order. Objects that
    /// are not documents (whose names this store would not make) are
    /// passed over.
    pub fn list(&self) -> BoxStream<'static, Result<Listed, StoreError>> {
        let prefix = object_store::path::Path::from(DOCUMENTS);
        self.inner
            .list(Some(&prefix))
            .filter_map(|found| async move {
                match found {
                    Ok(meta) => DocumentKey::parse(meta.location.as_ref()).ok().map(|key| {
                        Ok(Listed {
                            key,
                            size: meta.size,
                            modified: SystemTime::from(meta.last_modified),
                        })
                    }),
                    Err(error) => Some(Err(StoreError::from(error))),
                }
            })
            .boxed()
    }

    /// Removes the partial files of unfinished uploads last written before
    /// `before`; those written since may belong to uploads under way and
    /// are left. Only a local directory has such files; for any other store
    /// this finds nothing. A file another process removed meanwhile is not
    /// an error.
    pub async fn remove_stale_staging(
        &self,
        before: SystemTime,
    ) -> Result<StagingSweep, StoreError> {
        let Some(root) = self.local_root.clone() else {
            return Ok(StagingSweep::default());
        };
        let directory = root.join(DOCUMENTS);
        tokio::task::spawn_blocking(move || remove_staging_in(&directory, before))
            .await
            .map_err(|error| StoreError::Sweep {
                path: root,
                source: std::io::Error::other(error),
            })?
    }
}

fn remove_staging_in(directory: &Path, before: SystemTime) -> Result<StagingSweep, StoreError> {
    let failed = |source: std::io::Error| StoreError::Sweep {
        path: directory.to_owned(),
        source,
    };
    let entries = match std::fs::read_dir(directory) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(StagingSweep::default());
        }
        Err(error) => return Err(failed(error)),
    };
    let mut swept = StagingSweep::default();
    for entry in entries {
        let entry = entry.map_err(failed)?;
        if !is_staging_name(&entry.file_name().to_string_lossy()) {
            continue;
        }
        // Gone meanwhile: another process removed it, or its upload ended.
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        if !metadata.is_file() {
            continue;
        }
        if metadata.modified().map_err(failed)? >= before {
            swept.recent += 1;
            continue;
        }
        match std::fs::remove_file(entry.path()) {
            Ok(()) => {
                swept.removed += 1;
                swept.removed_bytes += metadata.len();
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(failed(error)),
        }
    }
    Ok(swept)
}

/// A local store's partial file: a document's name, `#`, and a number.
fn is_staging_name(name: &str) -> bool {
    name.split_once('#').is_some_and(|(document, number)| {
        !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && DocumentKey::parse(&format!("{DOCUMENTS}/{document}")).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_document_name_and_a_number_are_a_partial_file() {
        let key = DocumentKey::generate();
        let name = key.as_str().trim_start_matches("documents/");
        assert!(is_staging_name(&format!("{name}#1")));
        assert!(is_staging_name(&format!("{name}#12")));
        for other in [
            name.to_string(),
            format!("{name}#"),
            format!("{name}#x"),
            "notes.txt#1".to_string(),
            "#1".to_string(),
        ] {
            assert!(!is_staging_name(&other), "{other}");
        }
    }
}
