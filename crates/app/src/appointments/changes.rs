//! Changes to a booking already made: confirming a hold, cancelling, and
//! moving it to another slot (at most as often as the catalogue allows).

use super::book::{forget_day, place, slot};
use super::gate::{self, Admission};
use crate::accounts::CurrentPerson;
use crate::error::AppError;
use crate::refusal::BookingRefusal;
use crate::state::App;
use ghiseu_domain::appointment::{BookingState, may_reschedule};
use ghiseu_domain::case::CaseNote;
use ghiseu_storage::appointments::{self, Booking, Cancelled, ConfirmOutcome, MoveOutcome};
use ghiseu_storage::cases;
use jiff::Timestamp;

/// A booking the signed-in person made; anyone else's looks like none.
pub async fn own(state: &App, current: &CurrentPerson, id: &str) -> Result<Booking, AppError> {
    let mut conn = state.db.connection().await?;
    match appointments::booking(&mut conn, id).await? {
        Some(b) if b.booked_by == current.person.id => Ok(b),
        _ => Err(BookingRefusal::NoSuchAppointment.into()),
    }
}

/// Confirms a held slot. Confirming it again (a retry whose first answer was
/// lost, a second click) answers with the booking as it is, and sends no
/// second message.
pub async fn confirm(state: &App, current: &CurrentPerson, id: &str) -> Result<Booking, AppError> {
    let held = own(state, current, id).await?;
    if held.state == BookingState::Confirmed.as_str() {
        return Ok(held);
    }
    let now = state.clock.now();
    let confirmation = super::notice::prepare_confirmation(state, &held, now).await?;
    let note = case_note(state, &held).await?;
    let id = id.to_string();
    let turn = state.db.write_turn().await;
    super::take::on_own_thread(state, move |state| async move {
        let mut tx = state.db.begin_write_in(turn).await?;
        let booking = match appointments::confirm(&mut tx, &id, now.as_second()).await? {
            ConfirmOutcome::Confirmed(booking) => *booking,
            ConfirmOutcome::Expired => {
                tx.commit().await?;
                return Err(BookingRefusal::HoldExpired.into());
            }
            ConfirmOutcome::NotHeld(state_now) => {
                tx.rollback().await?;
                return Err(BookingRefusal::NotHeld {
                    state: state_now.to_string(),
                }
                .into());
            }
        };
        super::notice::queue_confirmation(&mut tx, confirmation).await?;
        if let Some(note) = note {
            cases::note(
                &mut tx,
                &note.case_id,
                &note.case_state,
                CaseNote::AppointmentBooked.code(),
                Some(&booking.booked_by),
                "citizen",
                Some(&note.reason),
                now.as_microsecond(),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(booking)
    })
    .await
}

/// The line a confirmed booking writes into its case's history.
struct BookedNote {
    case_id: String,
    case_state: String,
    reason: String,
}

/// The history line for a booking made for a case, when the case is in a
/// state that takes an appointment.
async fn case_note(state: &App, held: &Booking) -> Result<Option<BookedNote>, AppError> {
    let Some(case_id) = held.case_id.as_deref() else {
        return Ok(None);
    };
    let Some(case) = cases::get(&state.db, case_id).await? else {
        return Ok(None);
    };
    if !CaseNote::AppointmentBooked.fits(crate::cases::moves::state_of(&case)?) {
        return Ok(None);
    }
    let local = state
        .catalogue
        .office(&held.office_id)
        .and_then(|office| {
            let start = Timestamp::from_second(held.starts_at).ok()?;
            Some(
                start
                    .to_zoned(office.time_zone.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string(),
            )
        })
        .unwrap_or_default();
    Ok(Some(BookedNote {
        case_id: case.id,
        case_state: case.state,
        reason: format!("{local}, {}", held.reference),
    }))
}

pub async fn cancel(
    state: &App,
    current: &CurrentPerson,
    address: &str,
    id: &str,
) -> Result<Booking, AppError> {
    let before = own(state, current, id).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    if let Err(limited) = gate::count_booking(&mut tx, &current.person.id, address, now).await {
        tx.commit().await?;
        return Err(limited);
    }
    match appointments::cancel(&mut tx, id, &current.person.id, now.as_second()).await? {
        Cancelled::Done(booking) => {
            super::notice::withdraw_reminder(&mut tx, &booking, now).await?;
            // A hold that was never confirmed was never announced.
            if before.state == "confirmed" {
                super::notice::cancelled(&mut tx, state, &booking, now).await?;
            }
            tx.commit().await?;
            forget_day(state, &booking);
            Ok(*booking)
        }
        Cancelled::NotActive(state_now) => {
            tx.rollback().await?;
            Err(BookingRefusal::NotActive {
                state: state_now.to_string(),
            }
            .into())
        }
    }
}

/// Moves a confirmed booking; the person may do so `max_reschedules` times.
pub async fn reschedule(
    state: &App,
    current: &CurrentPerson,
    address: &str,
    id: &str,
    start: Timestamp,
) -> Result<Booking, AppError> {
    let booking = own(state, current, id).await?;
    let now = state.clock.now();
    let place = place(state, &booking.service_id, &booking.office_id)?;
    let policy = &place.authority.booking;
    let done = u8::try_from(booking.reschedules).unwrap_or(u8::MAX);
    if may_reschedule(done, policy).is_err() {
        return Err(reschedule_limit(policy.max_reschedules));
    }
    if let Admission::Waiting { ahead, retry_after } = state
        .gate
        .admit(state, place.authority, &current.person.id, now)
        .await?
    {
        return Err(gate::waiting_problem(ahead, retry_after));
    }
    let slot = slot(state, &place, start, now).await?;
    let cells: Vec<i64> = slot.cells.iter().map(|c| c.as_second()).collect();
    let mut tx = state.db.begin_write().await?;
    if let Err(limited) = gate::count_booking(&mut tx, &current.person.id, address, now).await {
        tx.commit().await?;
        return Err(limited);
    }
    let outcome = appointments::reschedule(
        &mut tx,
        id,
        slot.start.as_second(),
        slot.end.as_second(),
        &cells,
        i64::from(place.window.counters),
        Some(i64::from(policy.max_reschedules)),
        &current.person.id,
        now.as_second(),
    )
    .await?;
    match outcome {
        MoveOutcome::Moved(moved) => {
            super::notice::withdraw_reminder(&mut tx, &moved, now).await?;
            super::notice::confirmed(&mut tx, state, &moved, now).await?;
            tx.commit().await?;
            forget_day(state, &booking);
            forget_day(state, &moved);
            Ok(*moved)
        }
        MoveOutcome::Full => {
            tx.rollback().await?;
            Err(BookingRefusal::SlotFullToMove.into())
        }
        MoveOutcome::LimitReached => {
            tx.rollback().await?;
            Err(reschedule_limit(policy.max_reschedules))
        }
        MoveOutcome::NotActive(state_now) => {
            tx.rollback().await?;
            Err(BookingRefusal::NotMovable {
                state: state_now.to_string(),
            }
            .into())
        }
    }
}

fn reschedule_limit(max: u8) -> AppError {
    BookingRefusal::RescheduleLimit {
        max: u32::from(max),
    }
    .into()
}
