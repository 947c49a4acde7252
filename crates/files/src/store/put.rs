//! The streaming put: sniff the head, then pass the body through to a
//! multipart upload, counting and hashing it; abort on any refusal.

use std::sync::Arc;

use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use object_store::{MultipartUpload, ObjectStoreExt, WriteMultipart};
use sha2::{Digest, Sha256};

use super::pool::{PartBuffer, PartPool};
use super::{DocumentKey, DocumentStore, MAX_PARTS_IN_FLIGHT, Parts, PutError, StoredFile};
use crate::sniff::{self, Kind, PDF_TAIL_WINDOW, Refusal, SNIFF_WINDOW, Sniffed};

impl DocumentStore {
    /// Stores the upload `body` at `key` if it is an acceptable document of
    /// at most `max_bytes`, refusing as soon as it is known not to be: an
    /// unacceptable head before anything is written, an oversized body at
    /// the chunk that crosses the limit. Memory stays bounded by the part
    /// size (see [`MAX_PARTS_IN_FLIGHT`]) plus the sniff window, whatever
    /// the upload's size; how the body becomes parts is the store's
    /// [`Parts`]. A document already at `key` is replaced.
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
        let mut writer = PartWriter::new(self, upload);
        let written = async {
            for chunk in pending {
                writer.put(chunk).await?;
            }
            while let Some(chunk) = next_chunk(&mut body).await? {
                intake.take(&chunk)?;
                writer.put(chunk).await?;
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

/// Cuts the body into parts as the store's [`Parts`] wants them, with at
/// most [`MAX_PARTS_IN_FLIGHT`] being written at once.
struct PartWriter {
    writer: WriteMultipart,
    /// For [`Parts::AnySize`]: where the body is copied to.
    copying: Option<Copying>,
}

struct Copying {
    pool: Arc<PartPool>,
    /// The part being filled; every part handed over before it is full.
    filling: Option<PartBuffer>,
}

impl PartWriter {
    fn new(store: &DocumentStore, upload: Box<dyn MultipartUpload>) -> Self {
        let copying = match store.parts {
            Parts::AtLeast5MiB => None,
            Parts::AnySize => Some(Copying {
                pool: Arc::clone(&store.buffers),
                filling: None,
            }),
        };
        PartWriter {
            // Full buffers of the same size are handed over whole, as parts.
            writer: WriteMultipart::new_with_chunk_size(upload, store.part_size),
            copying,
        }
    }

    async fn put(&mut self, chunk: Bytes) -> Result<(), object_store::Error> {
        let Some(copying) = &mut self.copying else {
            self.writer.wait_for_capacity(MAX_PARTS_IN_FLIGHT).await?;
            self.writer.put(chunk);
            return Ok(());
        };
        let mut rest = &chunk[..];
        while !rest.is_empty() {
            let filling = copying.filling.get_or_insert_with(|| copying.pool.take());
            let taken = rest.len().min(filling.room());
            filling.extend_from_slice(&rest[..taken]);
            rest = &rest[taken..];
            if filling.room() == 0
                && let Some(full) = copying.filling.take()
            {
                self.writer.wait_for_capacity(MAX_PARTS_IN_FLIGHT).await?;
                self.writer.put(full.freeze());
            }
        }
        Ok(())
    }

    async fn finish(mut self) -> Result<(), object_store::Error> {
        // `WriteMultipart::finish` sends what it still holds as one more
        // part without waiting for room, so the room is made here.
        self.writer.wait_for_capacity(MAX_PARTS_IN_FLIGHT).await?;
        if let Some(last) = self.copying.and_then(|copying| copying.filling)
            && !last.is_empty()
        {
            self.writer.put(last.freeze());
        }
        self.writer.finish().await?;
        Ok(())
    }

    async fn abort(self) -> Result<(), object_store::Error> {
        self.writer.abort().await
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
            sha256_hex: hex::encode(digest),
            dimensions: sniffed.dimensions,
        }
    }
}
