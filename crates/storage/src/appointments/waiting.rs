//! The waiting room and request counts, kept in the database so that every
//! `ghiseu serve` process sees the same line and the same limits.

use crate::{Connection, Database, StorageError};
use ghiseu_domain::appointment::waiting::Ticket;
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
    /// How many lots were drawn in the room's draw (its first seconds), once counted.
    pub lots_drawn: Option<i64>,
}

/// A ticket as stored: a lot (with its place once the lots are ranked) when
/// it was drawn in the room's draw, else its number counted from the room's
/// opening.
fn ticket_of(row: &sqlx::any::AnyRow, state: &RoomState) -> Result<Ticket, sqlx::Error> {
    let id: i64 = row.try_get("id")?;
    let lot: Option<i64> = row.try_get("lot")?;
    let place: Option<i64> = row.try_get("place")?;
    Ok(match lot {
        Some(_) => Ticket::Lot(place.and_then(|p| u64::try_from(p).ok())),
        None => Ticket::Number(u64::try_from(id - state.base_ticket).unwrap_or(0)),
    })
}

/// The room, when it is open at `now_ms`.
pub async fn open_room_at(
    db: &Database,
    room: &str,
    now_ms: i64,
) -> Result<Option<RoomState>, StorageError> {
    let row = sqlx::query(
        "SELECT opened_at, base_ticket, admit_per_second, open_until, lots_drawn FROM waiting_rooms \
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
            lots_drawn: row.try_get("lots_drawn")?,
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
         lots_drawn = NULL, base_ticket = (SELECT COALESCE(MAX(id), 0) FROM waiting_tickets) \
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
/// they are listed is their order in the line, and each draws the lot given
/// beside it when it is drawing lots (a person who already has a ticket
/// keeps it). Answers each person's ticket.
pub async fn tickets(
    conn: &mut Connection,
    room: &str,
    state: &RoomState,
    people: &[(String, Option<u32>)],
    now_ms: i64,
) -> Result<HashMap<String, Ticket>, StorageError> {
    let mut found = HashMap::with_capacity(people.len());
    for chunk in people.chunks(100) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| format!("($1, $2, ${}, $3, ${})", 2 * i + 4, 2 * i + 5))
            .collect();
        let statement = format!(
            "INSERT INTO waiting_tickets (room, opened_at, person_id, issued_at, lot) VALUES {} \
             ON CONFLICT (room, opened_at, person_id) DO NOTHING",
            rows.join(", ")
        );
        let mut query = sqlx::query(&statement)
            .bind(room)
            .bind(state.opened_at)
            .bind(now_ms);
        for (person, lot) in chunk {
            query = query.bind(person).bind(lot.map(i64::from));
        }
        query.execute(&mut *conn).await?;
        let list: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
        let select = format!(
            "SELECT person_id, id, lot, place FROM waiting_tickets WHERE room = $1 AND opened_at = $2 \
             AND person_id IN ({})",
            list.join(", ")
        );
        let mut query = sqlx::query(&select).bind(room).bind(state.opened_at);
        for (person, _) in chunk {
            query = query.bind(person);
        }
        for row in query.fetch_all(&mut *conn).await? {
            let person: String = row.try_get("person_id")?;
            found.insert(person, ticket_of(&row, state)?);
        }
    }
    Ok(found)
}

/// The ticket a person already has in the room's current opening.
pub async fn existing_ticket(
    db: &Database,
    room: &str,
    state: &RoomState,
    person_id: &str,
) -> Result<Option<Ticket>, StorageError> {
    let row = sqlx::query(
        "SELECT id, lot, place FROM waiting_tickets WHERE room = $1 AND opened_at = $2 AND person_id = $3",
    )
    .bind(room)
    .bind(state.opened_at)
    .bind(person_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|row| ticket_of(&row, state)).transpose()?)
}

/// Ends the draw of the room's current opening, once: the first server to
/// see it over ranks the lots (each ticket's place, by its lot) and writes
/// how many there are, which every server then reads.
pub async fn rank_lots(
    conn: &mut Connection,
    room: &str,
    opened_at: i64,
) -> Result<(), StorageError> {
    let claimed = sqlx::query(
        "UPDATE waiting_rooms SET lots_drawn = (SELECT COUNT(*) FROM waiting_tickets \
         WHERE room = $1 AND opened_at = $2 AND lot IS NOT NULL) \
         WHERE room = $1 AND opened_at = $2 AND lots_drawn IS NULL",
    )
    .bind(room)
    .bind(opened_at)
    .execute(&mut *conn)
    .await?;
    if claimed.rows_affected() == 0 {
        return Ok(());
    }
    sqlx::query(
        "UPDATE waiting_tickets SET place = ranked.place FROM (SELECT id, \
         ROW_NUMBER() OVER (ORDER BY lot, id) AS place FROM waiting_tickets \
         WHERE room = $1 AND opened_at = $2 AND lot IS NOT NULL) AS ranked \
         WHERE waiting_tickets.id = ranked.id",
    )
    .bind(room)
    .bind(opened_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The number of the room's last ticket in its current opening (0 when
/// none was drawn).
pub async fn last_number(
    db: &Database,
    room: &str,
    state: &RoomState,
) -> Result<u64, StorageError> {
    let last: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(id) FROM waiting_tickets WHERE room = $1 AND opened_at = $2",
    )
    .bind(room)
    .bind(state.opened_at)
    .fetch_one(db.pool())
    .await?;
    Ok(last.map_or(0, |id| u64::try_from(id - state.base_ticket).unwrap_or(0)))
}

/// Every ranked lot of the room's current opening, by person.
pub async fn ranked_lots(
    db: &Database,
    room: &str,
    state: &RoomState,
) -> Result<Vec<(String, Ticket)>, StorageError> {
    let rows = sqlx::query(
        "SELECT person_id, id, lot, place FROM waiting_tickets \
         WHERE room = $1 AND opened_at = $2 AND place IS NOT NULL",
    )
    .bind(room)
    .bind(state.opened_at)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("person_id")?, ticket_of(row, state)?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Counts one more request under each of two keys in the minute starting at
/// `window_start`, in one statement; returns the two counts in key order and,
/// when `no_shows_of` names a person and a time, the bookings they missed
/// since then, read by the same statement.
pub async fn count_requests(
    conn: &mut Connection,
    keys: [&str; 2],
    window_start: i64,
    no_shows_of: Option<(&str, i64)>,
) -> Result<Counted, StorageError> {
    let sql = match no_shows_of {
        None => COUNT_REQUESTS,
        Some(_) => COUNT_REQUESTS_AND_NO_SHOWS,
    };
    let mut query = sqlx::query(sql)
        .bind(keys[0])
        .bind(keys[1])
        .bind(window_start);
    if let Some((person_id, since)) = no_shows_of {
        query = query.bind(person_id).bind(since);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let mut counted = Counted::default();
    for row in rows {
        let key: String = row.try_get("key")?;
        let count: i64 = row.try_get("count")?;
        for (slot, wanted) in counted.by_key.iter_mut().zip(keys) {
            if key == wanted {
                *slot = count;
            }
        }
        if no_shows_of.is_some() {
            counted.no_shows = row.try_get("no_shows")?;
        }
    }
    Ok(counted)
}

/// What [`count_requests`] counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// The requests under each key this minute, in key order.
    pub by_key: [i64; 2],
    /// The bookings the person missed, when asked (0 otherwise).
    pub no_shows: i64,
}

/// The statement that counts a request under two keys, returning each key's
/// count and whatever `$returning` adds.
macro_rules! count_requests_returning {
    ($returning:literal) => {
        concat!(
            "INSERT INTO rate_counts (key, window_start, count) ",
            "VALUES ($1, $3, 1), ($2, $3, 1) ",
            "ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counts.count + 1 ",
            "RETURNING key, count",
            $returning
        )
    };
}

const COUNT_REQUESTS: &str = count_requests_returning!("");

/// With the person's no-shows in every row returned: one round trip for what
/// a hold checks before it takes a place.
const COUNT_REQUESTS_AND_NO_SHOWS: &str = count_requests_returning!(
    ", (SELECT COUNT(*) FROM bookings WHERE booked_by = $4 \
     AND state = 'no-show' AND starts_at >= $5) AS no_shows"
);

/// Adds `counts` (key, requests) to the minute starting at `window_start`,
/// in key order so that two servers adding the same keys never wait on each
/// other in a cycle; returns every key's total across all servers.
pub async fn add_request_counts(
    conn: &mut Connection,
    window_start: i64,
    counts: &[(String, i64)],
) -> Result<Vec<(String, i64)>, StorageError> {
    let mut sorted: Vec<&(String, i64)> = counts.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut totals = Vec::with_capacity(sorted.len());
    // Three parameters a row; SQLite takes at most 32,766 in one statement.
    for chunk in sorted.chunks(1_000) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, $1, ${})", 2 * i + 2, 2 * i + 3))
            .collect();
        let sql = format!(
            "INSERT INTO rate_counts (key, window_start, count) VALUES {} \
             ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counts.count + excluded.count \
             RETURNING key, count",
            rows.join(", ")
        );
        let mut query = sqlx::query(&sql).bind(window_start);
        for (key, count) in chunk {
            query = query.bind(key).bind(*count);
        }
        for row in query.fetch_all(&mut *conn).await? {
            totals.push((row.try_get("key")?, row.try_get("count")?));
        }
    }
    Ok(totals)
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
