//! At the counter: arrival, tickets, calling the next person, the end of a
//! visit, and the closures an administrator enters.

use super::bookings::event;
use super::bookings::from_states;
use super::rows::{Booking, COLUMNS, booking, booking_row};
use crate::{Connection, Database, StorageError};
use ghiseu_domain::appointment::{BookingAction, BookingActor, BookingState, sources};
use sqlx::Row;

/// Checks a confirmed booking in and gives it the next ticket number of its
/// window's day. None when it was not confirmed.
pub async fn check_in(
    conn: &mut Connection,
    id: &str,
    day: &str,
    operator_id: &str,
    now: i64,
) -> Result<Option<Booking>, StorageError> {
    let Some(found) = booking(conn, id).await? else {
        return Ok(None);
    };
    if BookingState::parse(&found.state)
        .is_none_or(|state| !sources(BookingAction::CheckIn, BookingActor::Office).contains(&state))
    {
        return Ok(None);
    }
    let row = sqlx::query(
        "INSERT INTO ticket_counters (office_id, window_kind, day, last_number) \
         VALUES ($1, $2, $3, 1) ON CONFLICT (office_id, window_kind, day) \
         DO UPDATE SET last_number = ticket_counters.last_number + 1 RETURNING last_number",
    )
    .bind(&found.office_id)
    .bind(&found.window_kind)
    .bind(day)
    .fetch_one(&mut *conn)
    .await?;
    let number: i64 = row.try_get("last_number")?;
    let row = sqlx::query(&format!(
        "UPDATE bookings SET state = $4, ticket_number = $2, updated_at = $3 \
         WHERE id = $1 AND state IN {} RETURNING {COLUMNS}",
        from_states(BookingAction::CheckIn, BookingActor::Office)
    ))
    .bind(id)
    .bind(number)
    .bind(now)
    .bind(BookingAction::CheckIn.target().as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    event(conn, id, "checked-in", Some(operator_id), None, now).await?;
    Ok(Some(booking_row(&row)?))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallOutcome {
    Called(Box<Booking>),
    /// Nobody who has arrived is waiting.
    NobodyWaiting,
}

#[allow(clippy::too_many_arguments)]
/// Calls the lowest ticket waiting at a window to `counter`. Two counters
/// calling at once never get the same person: the update only takes a
/// booking still checked in, and the loser looks again.
pub async fn call_next(
    conn: &mut Connection,
    office_id: &str,
    window_kind: &str,
    from: i64,
    until: i64,
    counter: i64,
    operator_id: &str,
    now: i64,
) -> Result<CallOutcome, StorageError> {
    for _ in 0..8 {
        let next = sqlx::query(
            "SELECT id FROM bookings WHERE office_id = $1 AND window_kind = $2 \
             AND starts_at >= $3 AND starts_at < $4 AND state = 'checked-in' \
             ORDER BY ticket_number LIMIT 1",
        )
        .bind(office_id)
        .bind(window_kind)
        .bind(from)
        .bind(until)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(next) = next else {
            return Ok(CallOutcome::NobodyWaiting);
        };
        let id: String = next.try_get("id")?;
        let row = sqlx::query(&format!(
            "UPDATE bookings SET state = 'called', counter_number = $2, called_at = $3, \
             updated_at = $3 WHERE id = $1 AND state = 'checked-in' RETURNING {COLUMNS}"
        ))
        .bind(&id)
        .bind(counter)
        .bind(now)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(row) = row {
            let detail = format!("counter {counter}");
            event(conn, &id, "called", Some(operator_id), Some(&detail), now).await?;
            return Ok(CallOutcome::Called(Box::new(booking_row(&row)?)));
        }
    }
    Ok(CallOutcome::NobodyWaiting)
}

/// Ends a visit: `served` (from called) or `no-show` (from confirmed, when
/// the person never came). None when the booking was in neither state.
pub async fn finish_visit(
    conn: &mut Connection,
    id: &str,
    to: &str,
    operator_id: &str,
    now: i64,
) -> Result<Option<Booking>, StorageError> {
    let action = match to {
        "served" => BookingAction::Serve,
        "no-show" => BookingAction::MarkNoShow,
        _ => return Ok(None),
    };
    let Some(ended) =
        super::bookings::change_state(conn, id, action, BookingActor::Office, now).await?
    else {
        return Ok(None);
    };
    sqlx::query("UPDATE booking_holders SET active = 0 WHERE booking_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    event(conn, id, to, Some(operator_id), None, now).await?;
    Ok(Some(ended))
}

/// Records that biometric data were captured during the visit.
pub async fn record_biometrics(
    conn: &mut Connection,
    id: &str,
    operator_id: &str,
    now: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE bookings SET biometrics_by = $2, biometrics_at = $3, updated_at = $3 \
         WHERE id = $1 AND state IN ('called', 'served')",
    )
    .bind(id)
    .bind(operator_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        event(conn, id, "biometrics", Some(operator_id), None, now).await?;
    }
    Ok(done.rows_affected() == 1)
}

/// The latest tickets called at an office since `since`, newest first, as
/// (window, ticket number, counter, called at).
pub async fn tickets_called(
    db: &Database,
    office_id: &str,
    since: i64,
    limit: i64,
) -> Result<Vec<(String, i64, i64, i64)>, StorageError> {
    let rows = sqlx::query(
        "SELECT window_kind, ticket_number, counter_number, called_at FROM bookings \
         WHERE office_id = $1 AND called_at >= $2 AND ticket_number IS NOT NULL \
         AND counter_number IS NOT NULL ORDER BY called_at DESC LIMIT $3",
    )
    .bind(office_id)
    .bind(since)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    let mut called = Vec::with_capacity(rows.len());
    for row in rows {
        called.push((
            row.try_get("window_kind")?,
            row.try_get("ticket_number")?,
            row.try_get("counter_number")?,
            row.try_get("called_at")?,
        ));
    }
    Ok(called)
}

#[allow(clippy::too_many_arguments)]
/// Enters a one-off closure of an office (or one of its windows) on a day.
pub async fn add_closure(
    conn: &mut Connection,
    id: &str,
    office_id: &str,
    window_kind: Option<&str>,
    day: &str,
    reason: &str,
    created_by: &str,
    now: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO office_closures (id, office_id, window_kind, day, reason, created_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(office_id)
    .bind(window_kind)
    .bind(day)
    .bind(reason)
    .bind(created_by)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An office's closures between two days (ISO dates, both included), as
/// (day, window or None for the whole office, reason).
pub async fn closures_between(
    db: &Database,
    office_id: &str,
    first: &str,
    last: &str,
) -> Result<Vec<(String, Option<String>, String)>, StorageError> {
    let rows = sqlx::query(
        "SELECT day, window_kind, reason FROM office_closures WHERE office_id = $1 \
         AND day >= $2 AND day <= $3 ORDER BY day",
    )
    .bind(office_id)
    .bind(first)
    .bind(last)
    .fetch_all(db.pool())
    .await?;
    let mut closures = Vec::with_capacity(rows.len());
    for row in rows {
        closures.push((
            row.try_get("day")?,
            row.try_get("window_kind")?,
            row.try_get("reason")?,
        ));
    }
    Ok(closures)
}
