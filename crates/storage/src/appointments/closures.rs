//! One-off closures an administrator enters, as listed and removed from the
//! back office, and the bookings that fall on them (to be moved by hand:
//! nothing is cancelled by a closure).

use super::HOLDING_STATES;
use super::rows::{Booking, COLUMNS, booking_row};
use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosureRow {
    pub id: String,
    pub office_id: String,
    /// None when the whole office is closed.
    pub window_kind: Option<String>,
    /// ISO date.
    pub day: String,
    pub reason: String,
}

fn closure_row(row: &AnyRow) -> Result<ClosureRow, sqlx::Error> {
    Ok(ClosureRow {
        id: row.try_get("id")?,
        office_id: row.try_get("office_id")?,
        window_kind: row.try_get("window_kind")?,
        day: row.try_get("day")?,
        reason: row.try_get("reason")?,
    })
}

/// An office's closures from `first` (ISO date) on, soonest first.
pub async fn upcoming_closures(
    db: &Database,
    office_id: &str,
    first: &str,
) -> Result<Vec<ClosureRow>, StorageError> {
    let rows = sqlx::query(
        "SELECT id, office_id, window_kind, day, reason FROM office_closures \
         WHERE office_id = $1 AND day >= $2 ORDER BY day, window_kind",
    )
    .bind(office_id)
    .bind(first)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(closure_row).collect::<Result<_, _>>()?)
}

pub async fn closure(db: &Database, id: &str) -> Result<Option<ClosureRow>, StorageError> {
    let row = sqlx::query(
        "SELECT id, office_id, window_kind, day, reason FROM office_closures WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.as_ref().map(closure_row).transpose()?)
}

/// Removes one closure; false when it was already gone.
pub async fn remove_closure(conn: &mut Connection, id: &str) -> Result<bool, StorageError> {
    let done = sqlx::query("DELETE FROM office_closures WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Bookings of an office (or one of its windows) between two instants that
/// still hold a place, in time order.
pub async fn holding_between(
    db: &Database,
    office_id: &str,
    window_kind: Option<&str>,
    from: i64,
    until: i64,
) -> Result<Vec<Booking>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bookings WHERE office_id = $1 AND starts_at >= $2 \
         AND starts_at < $3 AND state IN {HOLDING_STATES} \
         AND ($4 IS NULL OR window_kind = $4) ORDER BY starts_at, reference"
    ))
    .bind(office_id)
    .bind(from)
    .bind(until)
    .bind(window_kind)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(booking_row).collect::<Result<_, _>>()?)
}
