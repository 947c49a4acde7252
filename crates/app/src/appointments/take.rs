//! The write that takes a seat: counted against the request limits, checked
//! against the no-show limit, and the place taken, in one transaction. On
//! SQLite, where writes go one at a time, writes run on a thread of their own
//! once their turn comes: each statement waits for SQLite's connection
//! thread, and a request task would also wait behind the crowd's tasks to go
//! on after every one of them.

use super::gate;
use super::in_flight::Reservation;
use super::slots::Key;
use crate::error::AppError;
use crate::refusal::{BookingRefusal, Busy};
use crate::state::App;
use ghiseu_domain::appointment::limited_by_no_shows;
use ghiseu_domain::catalogue::BookingPolicy;
use ghiseu_storage::Connection;
use ghiseu_storage::appointments::{
    self, Booking, BookingHolder, HoldOutcome, HolderKind, NewHold,
};
use jiff::{SignedDuration, Timestamp};

/// Everything the write needs, owned, so that it can run on another thread.
pub struct Seat {
    pub person_id: String,
    pub address: String,
    pub now: Timestamp,
    pub policy: BookingPolicy,
    pub id: String,
    pub reference: String,
    pub authority_id: String,
    pub office_id: String,
    pub window_kind: String,
    pub service_id: String,
    pub case_id: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub expires_at: i64,
    pub cells: Vec<i64>,
    pub capacity: i64,
    pub holders: Vec<BookingHolder>,
    pub day: Key,
    /// The seats this process counts as on their way to the database; let
    /// go the moment they are counted as taken instead, never both.
    pub reservation: Option<Reservation>,
}

/// Runs a booking write; on SQLite on a thread of its own (see above). The
/// caller holds the writer's turn or takes it in `work`, so one such thread
/// at a time is busy writing and the others wait for their turn there.
pub async fn on_own_thread<T, F, Fut>(state: &App, work: F) -> Result<T, AppError>
where
    F: FnOnce(App) -> Fut + Send + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send,
    T: Send + 'static,
{
    if state.db.writes_in_parallel() {
        return work(state.clone()).await;
    }
    let handle = tokio::runtime::Handle::current();
    let state = state.clone();
    tokio::task::spawn_blocking(move || handle.block_on(work(state)))
        .await
        .map_err(|e| AppError::Internal(format!("the booking write stopped: {e}")))?
}

/// How a seat's writes ended, before the transaction does.
pub enum Step {
    Placed(Box<Booking>),
    /// Refused by a limit once the request was counted: the count stays.
    Limited(AppError),
    /// Refused by the database: the seat's writes are undone, and the
    /// refusal counted on its own.
    Refused(AppError),
    /// Refused by the database for want of room: as `Refused`, and this
    /// process counts the slot as full from now on.
    Full(AppError),
}

/// The seat's writes in the open transaction `conn`.
pub async fn steps(conn: &mut Connection, seat: &Seat) -> Result<Step, AppError> {
    let (person_id, now) = (seat.person_id.as_str(), seat.now);
    let policy = &seat.policy;
    let since = now - SignedDuration::from_hours(24 * i64::from(policy.no_show_window_days));
    let missed = match gate::count_hold(conn, person_id, &seat.address, now, since).await {
        Ok(missed) => missed,
        Err(limited) => return Ok(Step::Limited(limited)),
    };
    if limited_by_no_shows(u32::try_from(missed).unwrap_or(u32::MAX), policy) {
        return Ok(Step::Limited(
            BookingRefusal::NoShowLimit {
                missed: u64::try_from(missed).unwrap_or(0),
            }
            .into(),
        ));
    }
    let hold = NewHold {
        id: &seat.id,
        reference: &seat.reference,
        authority_id: &seat.authority_id,
        office_id: &seat.office_id,
        window_kind: &seat.window_kind,
        service_id: &seat.service_id,
        booked_by: person_id,
        case_id: seat.case_id.as_deref(),
        starts_at: seat.starts_at,
        ends_at: seat.ends_at,
        cells: &seat.cells,
        capacity: seat.capacity,
        holders: &seat.holders,
        state: "held",
        hold_expires_at: Some(seat.expires_at),
        assigned_by: None,
        now: now.as_second(),
    };
    Ok(match appointments::take_place(conn, &hold).await? {
        HoldOutcome::Placed(booking) => Step::Placed(booking),
        HoldOutcome::Full => Step::Full(super::book::slot_full(seat.holders.len())),
        HoldOutcome::HolderBusy(holder) => {
            let who = if holder.kind == HolderKind::Person && holder.id == person_id {
                Busy::Yourself
            } else {
                Busy::Other
            };
            Step::Refused(BookingRefusal::AlreadyBooked { who }.into())
        }
    })
}
