//! Writing seats. When slots are released, the seats that get past this
//! process's count all want SQLite's single writer at once; one transaction
//! each would spend most of the writer's time beginning and committing. So
//! on SQLite whoever gets the writer's turn writes every seat asked for by
//! then in one transaction, and answers them all, each seat under a
//! savepoint of its own so that a refusal undoes only that seat and counts
//! it. On PostgreSQL each seat has a transaction of its own, which a refusal
//! rolls back whole before counting it: two round trips fewer a seat than a
//! savepoint's.

use super::gate;
use super::take::{Seat, Step, on_own_thread, steps};
use crate::error::AppError;
use crate::state::App;
use ghiseu_storage::appointments::Booking;
use ghiseu_storage::{Connection, Fault, Savepoint, StorageError, WriteTurn, WriteTx};
use std::sync::Mutex;
use tokio::sync::oneshot;

type Answer = oneshot::Sender<Result<Booking, AppError>>;

/// Seats waiting for the writer, in the order they were asked for.
#[derive(Default)]
pub struct SeatQueue {
    waiting: Mutex<Vec<(Seat, Answer)>>,
}

impl std::fmt::Debug for SeatQueue {
    // Only how many: a seat names a person and their network address.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let waiting = self.waiting.lock().map_or(0, |w| w.len());
        f.debug_struct("SeatQueue")
            .field("waiting", &waiting)
            .finish()
    }
}

/// Takes the seat. On PostgreSQL, which writes in parallel, in a transaction
/// of its own; on SQLite together with the seats asked for meanwhile.
pub async fn take(state: &App, seat: Seat) -> Result<Booking, AppError> {
    if state.db.writes_in_parallel() {
        return alone(state, seat).await;
    }
    let (answer, mut mine) = oneshot::channel();
    state
        .seat_queue
        .waiting
        .lock()
        .map_err(|_| AppError::Internal("seat queue poisoned".into()))?
        .push((seat, answer));
    let turn = state.db.write_turn().await;
    if let Ok(done) = mine.try_recv() {
        return done;
    }
    let batch = std::mem::take(
        &mut *state
            .seat_queue
            .waiting
            .lock()
            .map_err(|_| AppError::Internal("seat queue poisoned".into()))?,
    );
    if !batch.is_empty() {
        on_own_thread(state, move |state| async move {
            let (seats, answers): (Vec<Seat>, Vec<Answer>) = batch.into_iter().unzip();
            for (answer, result) in answers.into_iter().zip(write(&state, turn, seats).await) {
                let _ = answer.send(result);
            }
            Ok(())
        })
        .await?;
    }
    mine.await
        .map_err(|_| AppError::Internal("a seat's write gave no answer".into()))?
}

/// Writes the seats in one transaction, a result for each in order; an
/// error of the transaction itself is every seat's result.
async fn write(state: &App, turn: WriteTurn, seats: Vec<Seat>) -> Vec<Result<Booking, AppError>> {
    let mut tx = match state.db.begin_write_in(turn).await {
        Ok(tx) => tx,
        Err(e) => return failed(seats.len(), e),
    };
    let mut results = Vec::with_capacity(seats.len());
    for mut seat in seats {
        results.push(one(state, &mut tx, &mut seat).await);
    }
    if let Err(e) = tx.commit().await {
        for booking in results.iter().flatten() {
            super::book::forget_day(state, booking);
        }
        return failed(results.len(), e);
    }
    results
}

/// The transaction's own failure as every seat's result, told as what it is
/// (the database away is an outage to wait for, not a fault of ours): the
/// first seat gets the error itself, the others its kind.
fn failed(seats: usize, error: StorageError) -> Vec<Result<Booking, AppError>> {
    let (fault, message) = (error.fault(), error.to_string());
    let like = move || match fault {
        Fault::Broken => AppError::Internal(message.clone()),
        Fault::Unavailable | Fault::Full => AppError::Unavailable(message.clone()),
    };
    std::iter::once(AppError::Storage(error))
        .chain(std::iter::repeat_with(like))
        .take(seats)
        .map(Err)
        .collect()
}

/// The seat in a transaction of its own.
async fn alone(state: &App, mut seat: Seat) -> Result<Booking, AppError> {
    let turn = state.db.write_turn().await;
    if known_full(state, &seat) {
        return Err(super::book::slot_full(seat.holders.len()));
    }
    let mut tx = state.db.begin_write_in(turn).await?;
    // An error drops the transaction, which rolls it back.
    match steps(&mut tx, &seat).await? {
        Step::Placed(booking) => {
            tx.commit().await?;
            taken(state, &mut seat);
            Ok(*booking)
        }
        Step::Limited(refusal) => {
            tx.commit().await?;
            Err(refusal)
        }
        Step::Full(refusal) => {
            mark_full(state, &seat);
            refused_alone(state, tx, &seat, refusal).await
        }
        Step::Refused(refusal) => refused_alone(state, tx, &seat, refusal).await,
    }
}

/// Rolls a refused seat's transaction back and counts the refusal in one of
/// its own, as the request limits count every attempt.
async fn refused_alone(
    state: &App,
    tx: WriteTx,
    seat: &Seat,
    refusal: AppError,
) -> Result<Booking, AppError> {
    tx.rollback().await?;
    let mut tx = state.db.begin_write().await?;
    gate::count_refused_booking(&mut tx, &seat.person_id, &seat.address, seat.now).await?;
    tx.commit().await?;
    Err(refusal)
}

/// Counts the seat's cells as full in this process: the database refused a
/// seat in them, so the count here was behind.
fn mark_full(state: &App, seat: &Seat) {
    state
        .slot_cache
        .mark_full(&seat.day, &seat.cells, seat.capacity);
}

/// Whether this process's count says the slot is full: those queued behind
/// the slot's last taker learn it without a query.
fn known_full(state: &App, seat: &Seat) -> bool {
    state.slot_cache.fits(
        &seat.day,
        &seat.cells,
        seats_of(seat),
        seat.capacity,
        seat.now.as_millisecond(),
    ) == Some(false)
}

/// Moves the seat from this process's count of seats on their way to the
/// database to its count of seats taken.
fn taken(state: &App, seat: &mut Seat) {
    seat.reservation = None;
    state.slot_cache.add(&seat.day, &seat.cells, seats_of(seat));
}

fn seats_of(seat: &Seat) -> i64 {
    i64::try_from(seat.holders.len()).unwrap_or(i64::MAX)
}

/// One seat under its own savepoint, in a transaction shared with others.
async fn one(state: &App, conn: &mut Connection, seat: &mut Seat) -> Result<Booking, AppError> {
    if known_full(state, seat) {
        return Err(super::book::slot_full(seat.holders.len()));
    }
    let point = Savepoint::set(conn, "seat").await?;
    match steps(conn, seat).await {
        Ok(Step::Placed(booking)) => {
            let booking = *booking;
            point.keep(conn).await?;
            taken(state, seat);
            Ok(booking)
        }
        Ok(Step::Limited(refusal)) => {
            point.keep(conn).await?;
            Err(refusal)
        }
        Ok(Step::Full(refusal)) => {
            mark_full(state, seat);
            refused(conn, point, seat, refusal).await
        }
        Ok(Step::Refused(refusal)) => refused(conn, point, seat, refusal).await,
        Err(e) => {
            point.undo(conn).await?;
            Err(e)
        }
    }
}

/// Undoes a refused seat's writes and counts the refusal itself, as the
/// request limits count every attempt.
async fn refused(
    conn: &mut Connection,
    point: Savepoint,
    seat: &Seat,
    refusal: AppError,
) -> Result<Booking, AppError> {
    point.undo(conn).await?;
    gate::count_refused_booking(conn, &seat.person_id, &seat.address, seat.now).await?;
    Err(refusal)
}
