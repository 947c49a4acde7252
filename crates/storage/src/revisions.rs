//! Catalogue revisions: a record of every catalogue the servers started with.

use crate::{Database, StorageError};
use ghiseu_domain::catalogue::Sources;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// A stable fingerprint of the catalogue's files.
pub fn fingerprint(sources: &Sources) -> String {
    let mut hasher = Sha256::new();
    let mut files: Vec<_> = sources
        .calendars
        .iter()
        .chain(&sources.authorities)
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    for file in files {
        hasher.update(file.name.as_bytes());
        hasher.update([0]);
        hasher.update(file.text.as_bytes());
        hasher.update([0]);
    }
    hex::encode(hasher.finalize())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub content_sha256: String,
    pub services: i64,
    pub first_loaded_at: String,
    pub last_loaded_at: String,
}

/// Records that a server started with this catalogue, now.
pub async fn record(
    db: &Database,
    content_sha256: &str,
    services: i64,
    now: jiff::Timestamp,
) -> Result<(), StorageError> {
    let now = format!("{now:.6}");
    sqlx::query(
        "INSERT INTO catalogue_revisions (content_sha256, services, first_loaded_at, last_loaded_at) \
         VALUES ($1, $2, $3, $3) \
         ON CONFLICT (content_sha256) DO UPDATE SET last_loaded_at = excluded.last_loaded_at",
    )
    .bind(content_sha256)
    .bind(services)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Every recorded revision, most recently loaded first.
pub async fn list(db: &Database) -> Result<Vec<Revision>, StorageError> {
    let rows = sqlx::query(
        "SELECT content_sha256, services, first_loaded_at, last_loaded_at \
         FROM catalogue_revisions ORDER BY last_loaded_at DESC",
    )
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Revision {
                content_sha256: row.try_get("content_sha256")?,
                services: row.try_get("services")?,
                first_loaded_at: row.try_get("first_loaded_at")?,
                last_loaded_at: row.try_get("last_loaded_at")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StorageError::from)
}
