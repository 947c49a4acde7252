//! Appointments at the counter: free slots, holds, bookings for a household,
//! moves and cancellations, under the request limits and the waiting room.

pub(crate) mod api;
pub(crate) mod assign;
pub(crate) mod book;
pub(crate) mod changes;
pub(crate) mod gate;
pub(crate) mod in_flight;
pub(crate) mod notice;
pub(crate) mod pages;
pub(crate) mod person;
pub(crate) mod seat_batch;
pub(crate) mod session_check;
pub(crate) mod slots;
mod take;

use crate::error::ApiError;
use crate::state::AppState;

/// Tidies up after bookings: holds whose time ran out give their places back
/// (they already count as free everywhere; this makes the rows say so), and
/// request counts and waiting-room tickets older than a day are forgotten.
pub async fn tidy(state: &AppState) -> Result<u64, ApiError> {
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
