//! Appointments at the counter: free slots, holds, bookings for a household,
//! moves and cancellations, under the request limits and the waiting room.

pub mod assign;
pub mod book;
pub mod changes;
mod dispenser;
pub mod gate;
pub mod in_flight;
pub mod notice;
pub mod search_limit;
pub mod seat_batch;
pub mod session_check;
pub mod slots;
mod take;

use crate::error::AppError;
use crate::state::App;

/// Tidies up after bookings: holds whose time ran out give their places back
/// (they already count as free everywhere; this makes the rows say so), and
/// request counts and waiting-room tickets older than a day are forgotten.
pub async fn tidy(state: &App) -> Result<u64, AppError> {
    let now = state.clock.now();
    let mut lapsed = 0;
    loop {
        let mut tx = state.db.begin_write().await?;
        let batch =
            ghiseu_storage::appointments::lapse_expired(&mut tx, now.as_second(), 200).await?;
        tx.commit().await?;
        lapsed += batch;
        if batch < 200 {
            break;
        }
    }
    let day_ago = now.as_millisecond() - 86_400_000;
    ghiseu_storage::appointments::waiting::forget_before(&state.db, day_ago).await?;
    Ok(lapsed)
}

/// The lock of one of the gate's or the dispenser's maps; a poisoned one is
/// an internal error.
fn held<'a, T>(
    lock: &'a std::sync::Mutex<T>,
    what: &str,
) -> Result<std::sync::MutexGuard<'a, T>, AppError> {
    lock.lock()
        .map_err(|_| AppError::Internal(format!("{what} poisoned")))
}
