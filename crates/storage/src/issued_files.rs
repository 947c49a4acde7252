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

/// A sealed document that is no longer in force before its expiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawn {
    pub number: String,
    pub authority_id: String,
    pub standing: ghiseu_domain::registry::Standing,
    pub since: Option<String>,
    pub expires_on: Option<String>,
}

/// Every document issued with a seal that is no longer in force and has not
/// expired before `today` (ISO date): what an offline verifier must refuse.
pub async fn withdrawn(db: &Database, today: &str) -> Result<Vec<Withdrawn>, StorageError> {
    let mut conn = db.connection().await?;
    let rows = sqlx::query(
        "SELECT d.number, d.authority_id, d.standing, d.standing_since, d.expires_on \
         FROM issued_files f JOIN issued_documents d ON d.id = f.document_id \
         WHERE d.standing NOT IN ('valid', 'awaiting-collection') \
         AND (d.expires_on IS NULL OR d.expires_on >= $1) ORDER BY d.number",
    )
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Withdrawn {
                number: row.try_get("number")?,
                authority_id: row.try_get("authority_id")?,
                standing: crate::registry::standing_in(row, "standing")?,
                since: row.try_get("standing_since")?,
                expires_on: row.try_get("expires_on")?,
            })
        })
        .collect()
}

/// The number of the document whose issued file has this SHA-256 (hex).
pub async fn number_by_sha256(db: &Database, sha256: &str) -> Result<Option<String>, StorageError> {
    let mut conn = db.connection().await?;
    let row = sqlx::query(
        "SELECT d.number FROM issued_files f JOIN issued_documents d ON d.id = f.document_id \
         WHERE f.sha256 = $1",
    )
    .bind(sha256)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| r.try_get("number")).transpose()?)
}
