//! The waiting room and request counts, kept in the database so that every
//! `ghiseu serve` process sees the same line and the same limits.

use crate::{Connection, Database, StorageError};
use sqlx::Row;
use std::collections::HashMap;

/// A waiting room as stored. Times are in milliseconds since the epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomState {
    pub opened_at: i64,
    /// Tickets up to this id were issued before the room opened.
    pub base_ticket: i64,
    pub admit_per_second: i64,
    pub open_until: i64,
}

/// The room, when it is open at `now_ms`.
pub async fn open_room_at(
    db: &Database,
    room: &str,
    now_ms: i64,
) -> Result<Option<RoomState>, StorageError> {
    let row = sqlx::query(
        "SELECT opened_at, base_ticket, admit_per_second, open_until FROM waiting_rooms \
         WHERE room = $1 AND opened_at IS NOT NULL AND open_until > $2",
    )
    .bind(room)
    .bind(now_ms)
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        Ok(RoomState {
            opened_at: row.try_get("opened_at")?,
            base_ticket: row.try_get("base_ticket")?,
            admit_per_second: row.try_get("admit_per_second")?,
            open_until: row.try_get("open_until")?,
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| e.into())
}

/// Opens the room (or keeps it open until `open_until`). A room that is
/// already open keeps its line: only its closing time moves.
pub async fn open_room(
    conn: &mut Connection,
    room: &str,
    now_ms: i64,
    admit_per_second: i64,
    open_until: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO waiting_rooms (room, opened_at, base_ticket, admit_per_second, open_until) \
         VALUES ($1, NULL, 0, $2, NULL) ON CONFLICT (room) DO NOTHING",
    )
    .bind(room)
    .bind(admit_per_second)
    .execute(&mut *conn)
    .await?;
    let reopened = sqlx::query(
        "UPDATE waiting_rooms SET opened_at = $2, admit_per_second = $3, open_until = $4, \
         base_ticket = (SELECT COALESCE(MAX(id), 0) FROM waiting_tickets) \
         WHERE room = $1 AND (opened_at IS NULL OR open_until <= $2)",
    )
    .bind(room)
    .bind(now_ms)
    .bind(admit_per_second)
    .bind(open_until)
    .execute(&mut *conn)
    .await?;
    if reopened.rows_affected() == 0 {
        sqlx::query("UPDATE waiting_rooms SET open_until = $2 WHERE room = $1 AND open_until < $2")
            .bind(room)
            .bind(open_until)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Tickets for many people at once, in one transaction: the order in which
/// they are listed is their order in the line (a person who already has a
/// ticket keeps it). Answers each person's place.
pub async fn tickets(
    conn: &mut Connection,
    room: &str,
    state: &RoomState,
    person_ids: &[String],
    now_ms: i64,
) -> Result<HashMap<String, u64>, StorageError> {
    let mut places = HashMap::with_capacity(person_ids.len());
    for chunk in person_ids.chunks(100) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| format!("($1, $2, ${}, $3)", i + 4))
            .collect();
        let statement = format!(
            "INSERT INTO waiting_tickets (room, opened_at, person_id, issued_at) VALUES {} \
             ON CONFLICT (room, opened_at, person_id) DO NOTHING",
            rows.join(", ")
        );
        let mut query = sqlx::query(&statement)
            .bind(room)
            .bind(state.opened_at)
            .bind(now_ms);
        for person in chunk {
            query = query.bind(person);
        }
        query.execute(&mut *conn).await?;
        let list: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
        let select = format!(
            "SELECT person_id, id FROM waiting_tickets WHERE room = $1 AND opened_at = $2 \
             AND person_id IN ({})",
            list.join(", ")
        );
        let mut query = sqlx::query(&select).bind(room).bind(state.opened_at);
        for person in chunk {
            query = query.bind(person);
        }
        for row in query.fetch_all(&mut *conn).await? {
            let person: String = row.try_get("person_id")?;
            let id: i64 = row.try_get("id")?;
            places.insert(person, u64::try_from(id - state.base_ticket).unwrap_or(0));
        }
    }
    Ok(places)
}

/// The ticket a person already has in the room's current opening.
pub async fn existing_ticket(
    db: &Database,
    room: &str,
    state: &RoomState,
    person_id: &str,
) -> Result<Option<u64>, StorageError> {
    let row = sqlx::query(
        "SELECT id FROM waiting_tickets WHERE room = $1 AND opened_at = $2 AND person_id = $3",
    )
    .bind(room)
    .bind(state.opened_at)
    .bind(person_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let id: i64 = row.try_get("id")?;
    Ok(Some(u64::try_from(id - state.base_ticket).unwrap_or(0)))
}

/// Counts one more request under each of two keys in the minute starting at
/// `window_start`, in one statement; returns the two counts in key order.
pub async fn count_requests(
    conn: &mut Connection,
    keys: [&str; 2],
    window_start: i64,
) -> Result<[i64; 2], StorageError> {
    let rows = sqlx::query(
        "INSERT INTO rate_counts (key, window_start, count) VALUES ($1, $3, 1), ($2, $3, 1) \
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counts.count + 1 \
         RETURNING key, count",
    )
    .bind(keys[0])
    .bind(keys[1])
    .bind(window_start)
    .fetch_all(&mut *conn)
    .await?;
    let mut counts = [0; 2];
    for row in rows {
        let key: String = row.try_get("key")?;
        let count: i64 = row.try_get("count")?;
        for (slot, wanted) in counts.iter_mut().zip(keys) {
            if key == wanted {
                *slot = count;
            }
        }
    }
    Ok(counts)
}

/// Forgets request counts and tickets older than `before_ms`.
pub async fn forget_before(db: &Database, before_ms: i64) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM rate_counts WHERE window_start < $1")
        .bind(before_ms)
        .execute(db.pool())
        .await?;
    sqlx::query("DELETE FROM waiting_tickets WHERE issued_at < $1")
        .bind(before_ms)
        .execute(db.pool())
        .await?;
    Ok(())
}
