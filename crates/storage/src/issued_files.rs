//! The files of documents issued electronically.

use crate::{Connection, Database, StorageError};
use sqlx::Row;

/// A document's file as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedFile {
    pub document_id: String,
    pub media_type: String,
    pub content: Vec<u8>,
    /// SHA-256 of `content`, in hex.
    pub sha256: String,
    /// The text its QR code carries.
    pub seal: String,
    pub created_at: i64,
}

/// Writes the file, in the caller's transaction (the one writing the record).
pub async fn insert(conn: &mut Connection, file: &IssuedFile) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO issued_files (document_id, media_type, content, sha256, seal, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(file.document_id.as_str())
    .bind(file.media_type.as_str())
    .bind(file.content.clone())
    .bind(file.sha256.as_str())
    .bind(file.seal.as_str())
    .bind(file.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The file of the document `document_id`, if it was issued with one.
pub async fn get(db: &Database, document_id: &str) -> Result<Option<IssuedFile>, StorageError> {
    let mut conn = db.connection().await?;
    let row = sqlx::query(
        "SELECT document_id, media_type, content, sha256, seal, created_at FROM issued_files \
         WHERE document_id = $1",
    )
    .bind(document_id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        Ok(IssuedFile {
            document_id: row.try_get("document_id")?,
            media_type: row.try_get("media_type")?,
            content: row.try_get("content")?,
            sha256: row.try_get("sha256")?,
            seal: row.try_get("seal")?,
            created_at: row.try_get("created_at")?,
        })
    })
    .transpose()
}
