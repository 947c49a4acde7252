//! Taking, confirming, moving and giving back a place. Each call runs inside
//! the caller's write transaction (`Database::begin_write`); on any outcome
//! but success the caller rolls back, so a half-taken place never stays.

use super::lapse::{lapse_of_holder, lapse_on_cell};
use super::rows::{Booking, BookingHolder, booking, booking_row};
use crate::{Connection, StorageError};
use ghiseu_domain::appointment::{BookingAction, BookingActor, BookingState, sources};

/// The states `actor` may take `action` from, as an SQL list: the domain's
/// state machine decides, the query only checks the row is still in one.
pub(super) fn from_states(action: BookingAction, actor: BookingActor) -> String {
    let quoted: Vec<String> = sources(action, actor)
        .into_iter()
        .map(|state| format!("'{}'", state.as_str()))
        .collect();
    format!("({})", quoted.join(", "))
}

/// A place to take: a hold while the person confirms, or a confirmed
/// booking an operator assigns.
#[derive(Debug, Clone)]
pub struct NewHold<'a> {
    pub id: &'a str,
    pub reference: &'a str,
    pub authority_id: &'a str,
    pub office_id: &'a str,
    pub window_kind: &'a str,
    pub service_id: &'a str,
    pub booked_by: &'a str,
    pub case_id: Option<&'a str>,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The grid cells the slot occupies.
    pub cells: &'a [i64],
    /// Counters of the window: the most people one cell takes.
    pub capacity: i64,
    pub holders: &'a [BookingHolder],
    /// `held` (with `hold_expires_at`) or `confirmed`.
    pub state: &'a str,
    pub hold_expires_at: Option<i64>,
    pub assigned_by: Option<&'a str>,
    pub now: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoldOutcome {
    Placed(Box<Booking>),
    /// A cell of the slot has no room for that many people.
    Full,
    /// This holder already has a place for the service.
    HolderBusy(BookingHolder),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmOutcome {
    Confirmed(Box<Booking>),
    /// The hold ran out; its place went back.
    Expired,
    /// The booking is not a hold (the state it is in).
    NotHeld(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cancelled {
    Done(Box<Booking>),
    NotActive(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveOutcome {
    Moved(Box<Booking>),
    Full,
    /// The person changed it as often as allowed; an operator can still.
    LimitReached,
    NotActive(String),
}

/// Takes the place described by `hold`. A holder who already has a place
/// for the service is caught by the database's unique index. No write fails
/// in the database, so a refusal leaves the transaction usable: the caller
/// rolls back what was written (or its savepoint).
pub async fn take_place(
    conn: &mut Connection,
    hold: &NewHold<'_>,
) -> Result<HoldOutcome, StorageError> {
    let seats = i64::try_from(hold.holders.len()).unwrap_or(i64::MAX);
    let cells = Cells {
        office_id: hold.office_id,
        window_kind: hold.window_kind,
        starts: hold.cells,
        capacity: hold.capacity,
    };
    if !take_cells(conn, &cells, seats, hold.now).await? {
        return Ok(HoldOutcome::Full);
    }
    let row = sqlx::query(&format!(
        "INSERT INTO bookings (id, reference, authority_id, office_id, window_kind, service_id, \
         booked_by, case_id, starts_at, ends_at, seats, state, hold_expires_at, assigned_by, \
         created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) \
         RETURNING {}",
        super::rows::COLUMNS
    ))
    .bind(hold.id)
    .bind(hold.reference)
    .bind(hold.authority_id)
    .bind(hold.office_id)
    .bind(hold.window_kind)
    .bind(hold.service_id)
    .bind(hold.booked_by)
    .bind(hold.case_id)
    .bind(hold.starts_at)
    .bind(hold.ends_at)
    .bind(seats)
    .bind(hold.state)
    .bind(hold.hold_expires_at)
    .bind(hold.assigned_by)
    .bind(hold.now)
    .fetch_one(&mut *conn)
    .await?;
    let placed = booking_row(&row)?;
    link_cells(conn, hold.id, hold.office_id, hold.window_kind, hold.cells).await?;
    for holder in hold.holders {
        if !add_holder(conn, hold, holder).await?
            && (lapse_of_holder(conn, hold.service_id, holder.kind, &holder.id, hold.now).await?
                == 0
                || !add_holder(conn, hold, holder).await?)
        {
            return Ok(HoldOutcome::HolderBusy(holder.clone()));
        }
    }
    let action = if hold.state == "held" {
        "held"
    } else {
        "assigned"
    };
    event(conn, hold.id, action, Some(hold.booked_by), None, hold.now).await?;
    Ok(HoldOutcome::Placed(Box::new(placed)))
}

/// Names `holder` on the booking; false when they hold another place for
/// the service (the unique index's conflict, without an error that would
/// end a PostgreSQL transaction).
async fn add_holder(
    conn: &mut Connection,
    hold: &NewHold<'_>,
    holder: &BookingHolder,
) -> Result<bool, StorageError> {
    let added = sqlx::query(
        "INSERT INTO booking_holders (booking_id, holder_kind, holder_id, service_id, active) \
         VALUES ($1, $2, $3, $4, 1) \
         ON CONFLICT (service_id, holder_kind, holder_id) WHERE active = 1 DO NOTHING",
    )
    .bind(hold.id)
    .bind(holder.kind.code())
    .bind(&holder.id)
    .bind(hold.service_id)
    .execute(&mut *conn)
    .await?;
    Ok(added.rows_affected() == 1)
}

/// The cells of one slot in a window, and how many people each takes.
struct Cells<'a> {
    office_id: &'a str,
    window_kind: &'a str,
    starts: &'a [i64],
    capacity: i64,
}

/// Adds `seats` people to every cell, creating cells on first use; false
/// when one of them has no room even once holds run out on it have lapsed
/// (the caller rolls back).
async fn take_cells(
    conn: &mut Connection,
    cells: &Cells<'_>,
    seats: i64,
    now: i64,
) -> Result<bool, StorageError> {
    if seats > cells.capacity {
        return Ok(false);
    }
    for &start in cells.starts {
        if !take_cell(conn, cells, start, seats).await?
            && (lapse_on_cell(conn, cells.office_id, cells.window_kind, start, now).await? == 0
                || !take_cell(conn, cells, start, seats).await?)
        {
            return Ok(false);
        }
    }
    Ok(true)
}

/// One statement: a new cell starts with these seats taken; an existing one
/// takes them only if they fit.
async fn take_cell(
    conn: &mut Connection,
    cells: &Cells<'_>,
    start: i64,
    seats: i64,
) -> Result<bool, StorageError> {
    let taken = sqlx::query(
        "INSERT INTO appointment_cells (office_id, window_kind, starts_at, capacity, taken) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office_id, window_kind, starts_at) \
         DO UPDATE SET taken = appointment_cells.taken + excluded.taken \
         WHERE appointment_cells.taken + excluded.taken <= appointment_cells.capacity",
    )
    .bind(cells.office_id)
    .bind(cells.window_kind)
    .bind(start)
    .bind(cells.capacity)
    .bind(seats)
    .execute(&mut *conn)
    .await?;
    Ok(taken.rows_affected() == 1)
}

async fn link_cells(
    conn: &mut Connection,
    booking_id: &str,
    office_id: &str,
    window_kind: &str,
    cells: &[i64],
) -> Result<(), StorageError> {
    for start in cells {
        sqlx::query(
            "INSERT INTO booking_cells (booking_id, office_id, window_kind, starts_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(booking_id)
        .bind(office_id)
        .bind(window_kind)
        .bind(start)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Gives the booking's cells back and frees its holders.
async fn give_back(conn: &mut Connection, found: &Booking) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE appointment_cells SET taken = taken - $2 WHERE office_id = $3 \
         AND window_kind = $4 AND starts_at IN \
         (SELECT starts_at FROM booking_cells WHERE booking_id = $1)",
    )
    .bind(&found.id)
    .bind(found.seats)
    .bind(&found.office_id)
    .bind(&found.window_kind)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE booking_holders SET active = 0 WHERE booking_id = $1")
        .bind(&found.id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Takes `action` on a booking that ends its hold on a place, giving the
/// place back; None when the booking was not in a state `actor` may take it
/// from (someone else moved it first).
pub(super) async fn end(
    conn: &mut Connection,
    id: &str,
    action: BookingAction,
    actor: BookingActor,
    now: i64,
) -> Result<Option<Booking>, StorageError> {
    let Some(ended) = change_state(conn, id, action, actor, now).await? else {
        return Ok(None);
    };
    give_back(conn, &ended).await?;
    Ok(Some(ended))
}

/// Takes `action` on a booking, by the domain's state machine; None when the
/// booking was in no state `actor` may take it from.
pub(super) async fn change_state(
    conn: &mut Connection,
    id: &str,
    action: BookingAction,
    actor: BookingActor,
    now: i64,
) -> Result<Option<Booking>, StorageError> {
    let row = sqlx::query(&format!(
        "UPDATE bookings SET state = $2, hold_expires_at = NULL, updated_at = $3 \
         WHERE id = $1 AND state IN {} RETURNING {}",
        from_states(action, actor),
        super::rows::COLUMNS
    ))
    .bind(id)
    .bind(action.target().as_str())
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(booking_row).transpose()?)
}

pub async fn confirm(
    conn: &mut Connection,
    id: &str,
    now: i64,
) -> Result<ConfirmOutcome, StorageError> {
    let row = sqlx::query(&format!(
        "UPDATE bookings SET state = $3, hold_expires_at = NULL, updated_at = $2 \
         WHERE id = $1 AND state IN {} AND hold_expires_at > $2 RETURNING {}",
        from_states(BookingAction::Confirm, BookingActor::Holder),
        super::rows::COLUMNS
    ))
    .bind(id)
    .bind(now)
    .bind(BookingAction::Confirm.target().as_str())
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(row) = row {
        event(conn, id, "confirmed", None, None, now).await?;
        return Ok(ConfirmOutcome::Confirmed(Box::new(booking_row(&row)?)));
    }
    let Some(found) = booking(conn, id).await? else {
        return Ok(ConfirmOutcome::NotHeld("missing".into()));
    };
    if found.state == BookingState::Held.as_str() {
        if end(conn, id, BookingAction::Lapse, BookingActor::System, now)
            .await?
            .is_some()
        {
            event(conn, id, "lapsed", None, None, now).await?;
        }
        return Ok(ConfirmOutcome::Expired);
    }
    Ok(ConfirmOutcome::NotHeld(found.state))
}

pub async fn cancel(
    conn: &mut Connection,
    id: &str,
    actor_id: &str,
    now: i64,
) -> Result<Cancelled, StorageError> {
    match end(conn, id, BookingAction::Cancel, BookingActor::Holder, now).await? {
        Some(done) => {
            event(conn, id, "cancelled", Some(actor_id), None, now).await?;
            Ok(Cancelled::Done(Box::new(done)))
        }
        None => Ok(Cancelled::NotActive(
            booking(conn, id)
                .await?
                .map_or_else(|| "missing".into(), |b| b.state),
        )),
    }
}

/// Moves a confirmed booking to another slot of the same window. The old
/// cells are given back first, so a move by one cell within a long service
/// does not count itself as full.
#[allow(clippy::too_many_arguments)]
pub async fn reschedule(
    conn: &mut Connection,
    id: &str,
    starts_at: i64,
    ends_at: i64,
    cells: &[i64],
    capacity: i64,
    max_by_person: Option<i64>,
    actor_id: &str,
    now: i64,
) -> Result<MoveOutcome, StorageError> {
    let Some(found) = booking(conn, id).await? else {
        return Ok(MoveOutcome::NotActive("missing".into()));
    };
    if found.state != "confirmed" {
        return Ok(MoveOutcome::NotActive(found.state));
    }
    if max_by_person.is_some_and(|max| found.reschedules >= max) {
        return Ok(MoveOutcome::LimitReached);
    }
    let guarded = sqlx::query(
        "UPDATE bookings SET reschedules = reschedules + 1, starts_at = $3, ends_at = $4, \
         updated_at = $5 WHERE id = $1 AND state = 'confirmed' AND reschedules = $2",
    )
    .bind(id)
    .bind(found.reschedules)
    .bind(starts_at)
    .bind(ends_at)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if guarded.rows_affected() != 1 {
        return Ok(MoveOutcome::NotActive(found.state));
    }
    give_back(conn, &found).await?;
    sqlx::query("UPDATE booking_holders SET active = 1 WHERE booking_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM booking_cells WHERE booking_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let wanted = Cells {
        office_id: &found.office_id,
        window_kind: &found.window_kind,
        starts: cells,
        capacity,
    };
    if !take_cells(conn, &wanted, found.seats, now).await? {
        return Ok(MoveOutcome::Full);
    }
    link_cells(conn, id, &found.office_id, &found.window_kind, cells).await?;
    let detail = format!("{} -> {}", found.starts_at, starts_at);
    event(conn, id, "rescheduled", Some(actor_id), Some(&detail), now).await?;
    let moved = booking(conn, id)
        .await?
        .ok_or_else(|| sqlx::Error::RowNotFound)?;
    Ok(MoveOutcome::Moved(Box::new(moved)))
}

pub(super) async fn event(
    conn: &mut Connection,
    booking_id: &str,
    action: &str,
    actor_id: Option<&str>,
    detail: Option<&str>,
    now: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO booking_events (booking_id, at, action, actor_id, detail) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(booking_id)
    .bind(now)
    .bind(action)
    .bind(actor_id)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
