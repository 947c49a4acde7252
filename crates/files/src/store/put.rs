//! The streaming put: sniff the head, then pass the body through to a
//! multipart upload, counting and hashing it; abort on any refusal.

use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use object_store::ObjectStoreExt;
use object_store::WriteMultipart;
use sha2::{Digest, Sha256};

use super::{DocumentKey, DocumentStore, MAX_PARTS_IN_FLIGHT, PutError, StoredFile};
use crate::sniff::{self, Kind, PDF_TAIL_WINDOW, Refusal, SNIFF_WINDOW, Sniffed};

impl DocumentStore {
    /// Stores the upload `body` at `key` if it is an acceptable document of
    /// at most `max_bytes`, refusing as soon as it is known not to be: an
    /// unacceptable head before anything is written, an oversized body at
    /// the chunk that crosses the limit. Memory stays bounded by the part
    /// size (see [`MAX_PARTS_IN_FLIGHT`]) plus the sniff window, whatever
    /// the upload's size. A document already at `key` is replaced.
    pub async fn put<S, E>(
        &self,
        key: &DocumentKey,
        body: S,
        max_bytes: u64,
    ) -> Result<StoredFile, PutError>
    where
        S: Stream<Item = Result<Bytes, E>> + Send,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let mut body = std::pin::pin!(body);
        let mut intake = Intake::new(max_bytes);
        let mut head = Vec::new();
        let mut pending = Vec::new();
        while head.len() < SNIFF_WINDOW {
            let Some(chunk) = next_chunk(&mut body).await? else {
                break;
            };
            intake.take(&chunk)?;
            let wanted = chunk.len().min(SNIFF_WINDOW - head.len());
            head.extend_from_slice(&chunk[..wanted]);
            pending.push(chunk);
        }
        let sniffed = sniff::sniff(&head)?;
        drop(head);

        let upload = self.inner.put_multipart(&key.path()).await?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, self.part_size);
        let written = async {
            for chunk in pending {
                writer.wait_for_capacity(MAX_PARTS_IN_FLIGHT).await?;
                writer.put(chunk);
            }
            while let Some(chunk) = next_chunk(&mut body).await? {
                intake.take(&chunk)?;
                writer.wait_for_capacity(MAX_PARTS_IN_FLIGHT).await?;
                writer.put(chunk);
            }
            if sniffed.kind == Kind::Pdf {
                sniff::check_pdf_tail(&intake.tail)?;
            }
            Ok::<_, PutError>(())
        }
        .await;
        if let Err(error) = written {
            if let Err(abort) = writer.abort().await {
                tracing::warn!(%key, %abort, "could not abort a refused upload");
            }
            return Err(error);
        }
        writer.finish().await?;
        Ok(intake.stored(key.clone(), sniffed))
    }
}

async fn next_chunk<S, E>(body: &mut std::pin::Pin<&mut S>) -> Result<Option<Bytes>, PutError>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    match body.next().await {
        None => Ok(None),
        Some(Ok(chunk)) => Ok(Some(chunk)),
        Some(Err(error)) => Err(PutError::Body(error.into())),
    }
}

/// What is learnt from the bytes as they pass: their count, their hash,
/// and the last few (for a PDF's `%%EOF`).
struct Intake {
    max_bytes: u64,
    size: u64,
    hasher: Sha256,
    tail: Vec<u8>,
}

impl Intake {
    fn new(max_bytes: u64) -> Self {
        Intake {
            max_bytes,
            size: 0,
            hasher: Sha256::new(),
            tail: Vec::with_capacity(2 * PDF_TAIL_WINDOW),
        }
    }

    fn take(&mut self, chunk: &[u8]) -> Result<(), Refusal> {
        let size = u64::try_from(chunk.len())
            .ok()
            .and_then(|length| self.size.checked_add(length))
            .filter(|size| *size <= self.max_bytes)
            .ok_or(Refusal::TooLarge {
                limit: self.max_bytes,
            })?;
        self.size = size;
        self.hasher.update(chunk);
        let recent = &chunk[chunk.len().saturating_sub(PDF_TAIL_WINDOW)..];
        self.tail.extend_from_slice(recent);
        let excess = self.tail.len().saturating_sub(PDF_TAIL_WINDOW);
        self.tail.drain(..excess);
        Ok(())
    }

    fn stored(self, key: DocumentKey, sniffed: Sniffed) -> StoredFile {
        let digest = self.hasher.finalize();
        StoredFile {
            key,
            kind: sniffed.kind,
            size: self.size,
            sha256_hex: digest.iter().map(|byte| format!("{byte:02x}")).collect(),
            dimensions: sniffed.dimensions,
        }
    }
}
