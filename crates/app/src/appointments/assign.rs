//! An operator gives an applicant an appointment (services whose office
//! schedules its applicants once it checked the documents): a confirmed
//! booking at the case's office, owned by the person who filed the case,
//! taken through the same capacity-checked write as any booking, announced
//! with its calendar file and written into the case's history.

use super::book::{forget_day, place, slot};
use crate::error::AppError;
use crate::office::Staff;
use crate::refusal::{BookingRefusal, Busy};
use crate::state::App;
use ghiseu_domain::account::Role;
use ghiseu_domain::case::CaseNote;
use ghiseu_domain::catalogue::AppointmentMode;
use ghiseu_storage::appointments::{
    self, Booking, BookingHolder, HoldOutcome, HolderKind, NewHold,
};
use ghiseu_storage::audit;
use ghiseu_storage::cases::{self, CaseRecord};
use jiff::Timestamp;

/// Whether the case's service is one whose office gives the appointment.
pub fn assigned_by_office(state: &App, case: &CaseRecord) -> bool {
    state
        .catalogue
        .service(&case.service_id)
        .and_then(|(_, s)| s.appointment.as_ref())
        .is_some_and(|a| a.mode == AppointmentMode::Assigned)
}

/// Gives the case's holder the slot starting at `start`. The caller found
/// the case through `staff_case`, so the member of staff serves its office.
pub async fn assign(
    state: &App,
    staff: &Staff,
    case: &CaseRecord,
    start: Timestamp,
) -> Result<Booking, AppError> {
    if !matches!(staff.role, Role::Operator | Role::Supervisor) {
        return Err(BookingRefusal::NotCaseStaff.into());
    }
    if !assigned_by_office(state, case) {
        return Err(BookingRefusal::NotAssignedByOffice.into());
    }
    let case_state = crate::cases::moves::state_of(case)?;
    if !CaseNote::AppointmentAssigned.fits(case_state) {
        return Err(BookingRefusal::CaseNotReadyToAssign.into());
    }
    let office_id = case
        .office_id
        .as_deref()
        .ok_or(AppError::from(BookingRefusal::CaseWithoutOffice))?;
    if appointments::active_for_case(&state.db, &case.id)
        .await?
        .is_some()
    {
        return Err(BookingRefusal::CaseHasAppointment.into());
    }
    let place = place(state, &case.service_id, office_id)?;
    let now = state.clock.now();
    let slot = slot(state, &place, start, now).await?;
    let holder = match (&case.holder_person_id, &case.holder_ward_id) {
        (Some(person), _) => BookingHolder {
            kind: HolderKind::Person,
            id: person.clone(),
        },
        (None, Some(ward)) => BookingHolder {
            kind: HolderKind::Ward,
            id: ward.clone(),
        },
        (None, None) => {
            return Err(AppError::Internal(format!(
                "case {} has no holder",
                case.id
            )));
        }
    };
    let holders = [holder];
    let id = uuid::Uuid::now_v7().to_string();
    let reference = super::book::new_reference().to_string();
    let cells: Vec<i64> = slot.cells.iter().map(|c| c.as_second()).collect();
    let new = NewHold {
        id: &id,
        reference: &reference,
        authority_id: &place.authority.id,
        office_id: &place.office.id,
        window_kind: place.window.kind.as_str(),
        service_id: &place.service.id,
        booked_by: &case.applicant_id,
        case_id: Some(&case.id),
        starts_at: slot.start.as_second(),
        ends_at: slot.end.as_second(),
        cells: &cells,
        capacity: i64::from(place.window.counters),
        holders: &holders,
        state: "confirmed",
        hold_expires_at: None,
        assigned_by: Some(&staff.current.person.id),
        now: now.as_second(),
    };
    let mut tx = state.db.begin_write().await?;
    let booking = match appointments::take_place(&mut tx, &new).await? {
        HoldOutcome::Placed(booking) => *booking,
        HoldOutcome::Full => {
            tx.rollback().await?;
            return Err(BookingRefusal::SlotFullToAssign.into());
        }
        HoldOutcome::HolderBusy(_) => {
            tx.rollback().await?;
            return Err(BookingRefusal::AlreadyBooked {
                who: Busy::Applicant,
            }
            .into());
        }
    };
    super::notice::confirmed(&mut tx, state, &booking, now).await?;
    let local = slot
        .start
        .to_zoned(place.office.time_zone.clone())
        .strftime("%Y-%m-%d %H:%M");
    let reason = format!("{local}, {}", booking.reference);
    cases::note(
        &mut tx,
        &case.id,
        &case.state,
        CaseNote::AppointmentAssigned.code(),
        Some(&staff.current.person.id),
        staff.role.code(),
        Some(&reason),
        now.as_microsecond(),
    )
    .await?;
    tx.commit().await?;
    forget_day(state, &booking);
    let mut event = staff.audit_event(
        state,
        "appointment.assigned",
        case.holder_person_id.as_deref(),
    );
    event.on_behalf_of = case.holder_ward_id.clone();
    event.detail = serde_json::json!({ "case": case.id, "booking": booking.id });
    audit::record(&state.db, &event).await?;
    Ok(booking)
}
