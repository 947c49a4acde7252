//! Per-authority, per-year sequences for human-readable numbers (case
//! references, issued document numbers), taken inside the caller's
//! transaction so a rolled-back number is never used.

use crate::{Connection, StorageError};
use sqlx::Row;

#[derive(Debug, Clone, Copy)]
pub(crate) enum Counter {
    Cases,
    Documents,
}

pub(crate) async fn next(
    conn: &mut Connection,
    counter: Counter,
    authority_id: &str,
    year: i16,
) -> Result<i64, StorageError> {
    let table = match counter {
        Counter::Cases => "case_counters",
        Counter::Documents => "document_counters",
    };
    let row = sqlx::query(&format!(
        "INSERT INTO {table} (authority_id, year, last_sequence) VALUES ($1, $2, 1) \
         ON CONFLICT (authority_id, year) DO UPDATE SET last_sequence = {table}.last_sequence + 1 \
         RETURNING last_sequence"
    ))
    .bind(authority_id)
    .bind(i64::from(year))
    .fetch_one(&mut *conn)
    .await?;
    Ok(row.try_get("last_sequence")?)
}
