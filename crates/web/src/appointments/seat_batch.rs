//! Seats written together on SQLite. When slots are released, the seats
//! that get past this process's count all want the single writer at once;
//! one transaction each would spend most of the writer's time beginning and
//! committing. Whoever gets the writer's turn writes every seat asked for
//! by then in one transaction, each seat under a savepoint of its own so a
//! refusal undoes only that seat, and answers them all.

use super::gate;
use super::take::{Seat, Step, on_own_thread, steps};
use crate::error::ApiError;
use crate::state::AppState;
use ghiseu_storage::appointments::Booking;
use ghiseu_storage::{Connection, Savepoint, WriteTurn};
use std::sync::Mutex;
use tokio::sync::oneshot;

type Answer = oneshot::Sender<Result<Booking, ApiError>>;

/// Seats waiting for the writer, in the order they were asked for.
#[derive(Default)]
pub(crate) struct SeatQueue {
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

pub(super) async fn take(state: &AppState, seat: Seat) -> Result<Booking, ApiError> {
    let (answer, mut mine) = oneshot::channel();
    state
        .seat_queue
        .waiting
        .lock()
        .map_err(|_| ApiError::Internal("seat queue poisoned".into()))?
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
            .map_err(|_| ApiError::Internal("seat queue poisoned".into()))?,
    );
    if !batch.is_empty() {
        on_own_thread(state, move |state| async move {
            write(&state, turn, batch).await;
            Ok(())
        })
        .await?;
    }
    mine.await
        .map_err(|_| ApiError::Internal("a seat's write gave no answer".into()))?
}

/// Writes the batch and answers each seat; an error of the transaction
/// itself answers every seat with it.
async fn write(state: &AppState, turn: WriteTurn, batch: Vec<(Seat, Answer)>) {
    let mut tx = match state.db.begin_write_in(turn).await {
        Ok(tx) => tx,
        Err(e) => return fail_all(batch, &e.to_string()),
    };
    let mut done = Vec::with_capacity(batch.len());
    for (mut seat, answer) in batch {
        let result = one(state, &mut tx, &mut seat).await;
        done.push((seat, answer, result));
    }
    if let Err(e) = tx.commit().await {
        let message = e.to_string();
        for (_, answer, result) in done {
            if let Ok(booking) = &result {
                super::book::forget_day(state, booking);
            }
            let _ = answer.send(Err(ApiError::Internal(message.clone())));
        }
        return;
    }
    for (_, answer, result) in done {
        let _ = answer.send(result);
    }
}

/// One seat under its own savepoint.
async fn one(
    state: &AppState,
    conn: &mut Connection,
    seat: &mut Seat,
) -> Result<Booking, ApiError> {
    let seats = i64::try_from(seat.holders.len()).unwrap_or(i64::MAX);
    // Those queued behind the slot's last taker learn it is full from this
    // process's count, without a query.
    if state.slot_cache.fits(
        &seat.day,
        &seat.cells,
        seats,
        seat.capacity,
        seat.now.as_millisecond(),
    ) == Some(false)
    {
        return Err(super::book::slot_full(seat.holders.len()));
    }
    let point = Savepoint::set(conn, "seat").await?;
    match steps(conn, seat).await {
        Ok(Step::Placed(booking)) => {
            let booking = *booking;
            point.keep(conn).await?;
            seat.reservation = None;
            state.slot_cache.add(&seat.day, &seat.cells, seats);
            Ok(booking)
        }
        Ok(Step::Limited(refusal)) => {
            point.keep(conn).await?;
            Err(refusal)
        }
        Ok(Step::Full(refusal)) => {
            state
                .slot_cache
                .mark_full(&seat.day, &seat.cells, seat.capacity);
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
    refusal: ApiError,
) -> Result<Booking, ApiError> {
    point.undo(conn).await?;
    match gate::count_booking(conn, &seat.person_id, &seat.address, seat.now).await {
        Ok(()) | Err(ApiError::TooMany { .. }) => Err(refusal),
        Err(other) => Err(other),
    }
}

fn fail_all(batch: Vec<(Seat, Answer)>, message: &str) {
    for (_, answer) in batch {
        let _ = answer.send(Err(ApiError::Internal(message.to_string())));
    }
}
