//! At the counter: what an operator does to one booking (check in, no-show,
//! served, biometrics) and calling the next ticket, each with its audit
//! event in one transaction.

use super::Staff;
use crate::error::AppError;
use crate::state::App;
use ghiseu_storage::appointments::{self, Booking, CallOutcome};
use ghiseu_storage::audit;
use jiff::civil::Date;

/// What an operator does to one booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitAct {
    CheckIn,
    NoShow,
    Served,
    Biometrics,
}

impl VisitAct {
    pub fn parse(action: &str) -> Option<VisitAct> {
        match action {
            "check-in" => Some(VisitAct::CheckIn),
            "no-show" => Some(VisitAct::NoShow),
            "served" => Some(VisitAct::Served),
            "biometrics" => Some(VisitAct::Biometrics),
            _ => None,
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            VisitAct::CheckIn => "appointment.checked-in",
            VisitAct::NoShow => "appointment.no-show",
            VisitAct::Served => "appointment.served",
            VisitAct::Biometrics => "appointment.biometrics",
        }
    }
}

/// Does `act` to `booking` (`today` where its office is); false when the
/// booking is not in a state that allows it, and nothing is written.
pub async fn act_on_visit(
    state: &App,
    staff: &Staff,
    booking: &Booking,
    act: VisitAct,
    today: Date,
) -> Result<bool, AppError> {
    let now = state.clock.now();
    let operator = &staff.current.person.id;
    let mut tx = state.db.begin_write().await?;
    let second = now.as_second();
    let done = match act {
        VisitAct::CheckIn => {
            appointments::check_in(&mut tx, &booking.id, &today.to_string(), operator, second)
                .await?
                .is_some()
        }
        VisitAct::NoShow => {
            appointments::finish_visit(&mut tx, &booking.id, "no-show", operator, second)
                .await?
                .is_some()
        }
        VisitAct::Served => {
            appointments::finish_visit(&mut tx, &booking.id, "served", operator, second)
                .await?
                .is_some()
        }
        VisitAct::Biometrics => {
            appointments::record_biometrics(&mut tx, &booking.id, operator, second).await?
                && note_biometrics(&mut tx, staff, booking, now).await?
        }
    };
    if !done {
        tx.rollback().await?;
        return Ok(false);
    }
    let mut event = staff.audit_event(state, act.audit_action(), Some(&booking.booked_by));
    event.detail = serde_json::json!({ "booking": booking.id, "reference": booking.reference });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(true)
}

/// Writes the capture into the history of the booking's case, if it has
/// one the capture fits; the citizen's timeline then names the office.
async fn note_biometrics(
    conn: &mut ghiseu_storage::Connection,
    staff: &Staff,
    booking: &Booking,
    now: jiff::Timestamp,
) -> Result<bool, AppError> {
    let Some(case_id) = &booking.case_id else {
        return Ok(true);
    };
    let Some(case) = ghiseu_storage::cases::get_in(conn, case_id).await? else {
        return Ok(true);
    };
    let note = ghiseu_domain::case::CaseNote::BiometricsCaptured;
    if note.fits(crate::cases::moves::state_of(&case)?) {
        ghiseu_storage::cases::note(
            conn,
            &case.id,
            &case.state,
            note.code(),
            Some(&staff.current.person.id),
            staff.role.code(),
            Some(&booking.office_id),
            now.as_microsecond(),
        )
        .await?;
    }
    Ok(true)
}

/// Where the next ticket is called from: an office's window, its counter,
/// and the day's bounds in seconds.
pub struct CallPlace<'a> {
    pub office_id: &'a str,
    pub window_kind: &'a str,
    pub counter: u16,
    pub from: i64,
    pub until: i64,
}

/// Calls the next checked-in ticket of the day to the counter; None when
/// nobody is waiting.
pub async fn call_next(
    state: &App,
    staff: &Staff,
    place: &CallPlace<'_>,
) -> Result<Option<Booking>, AppError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let outcome = appointments::call_next(
        &mut tx,
        place.office_id,
        place.window_kind,
        place.from,
        place.until,
        i64::from(place.counter),
        &staff.current.person.id,
        now.as_second(),
    )
    .await?;
    let CallOutcome::Called(called) = outcome else {
        tx.rollback().await?;
        return Ok(None);
    };
    let mut event = staff.audit_event(state, "appointment.called", Some(&called.booked_by));
    event.detail = serde_json::json!({
        "booking": called.id,
        "reference": called.reference,
        "counter": place.counter,
    });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Some(*called))
}
