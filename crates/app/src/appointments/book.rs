//! Holding, confirming, moving and cancelling a place: the rules from the
//! catalogue (`ghiseu_domain::appointment`), the count kept by the database.
//! Pages and the API both come through here.

use super::gate::{self, Admission};
use super::take::Seat;
use crate::accounts::CurrentPerson;
use crate::accounts::household::acting_guardian_of;
use crate::cases::access::citizen_case;
use crate::error::AppError;
use crate::refusal::{BookingRefusal, Nearby, Refusal};
use crate::state::App;
use ghiseu_domain::appointment::{BookingReference, Closure, Schedule, Slot, SlotRefusal};
use ghiseu_domain::catalogue::{AppointmentMode, ServiceAppointment, Window, WindowKind};
use ghiseu_domain::catalogue::{Authority, Office, Service};
use ghiseu_storage::appointments::{self, Booking, BookingHolder, HolderKind};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use std::sync::Arc;

/// The most people one booking names.
const MOST_HOLDERS: usize = 8;

/// Where and for what a booking is made, read from the catalogue.
pub struct Place<'a> {
    pub authority: &'a Authority,
    pub service: &'a Service,
    pub appointment: &'a ServiceAppointment,
    pub office: &'a Office,
    pub window: &'a Window,
}

pub fn place<'a>(state: &'a App, service_id: &str, office_id: &str) -> Result<Place<'a>, AppError> {
    let (authority, service) =
        state
            .catalogue
            .service(service_id)
            .ok_or_else(|| BookingRefusal::UnknownService {
                service: service_id.to_string(),
            })?;
    let appointment = service.appointment.as_ref().ok_or_else(|| {
        AppError::from(BookingRefusal::NoAppointments {
            service: service_id.to_string(),
        })
    })?;
    let office = authority
        .offices
        .iter()
        .find(|o| o.id == office_id)
        .ok_or_else(|| BookingRefusal::UnknownOffice {
            office: office_id.to_string(),
            offered: authority.offices.iter().map(|o| o.id.clone()).collect(),
        })?;
    let window = office
        .window(appointment.window)
        .ok_or_else(|| BookingRefusal::NoWindow {
            office: office_id.to_string(),
            window: appointment.window.as_str().to_string(),
        })?;
    Ok(Place {
        authority,
        service,
        appointment,
        office,
        window,
    })
}

/// The office's one-off closures on `date`, as the domain reads them. An
/// administrator's new closure reaches other server processes within
/// `CLOSURES_FRESH_MS`; slots already booked on that day stay booked.
pub async fn closures_on(
    state: &App,
    office_id: &str,
    date: Date,
) -> Result<Arc<Vec<Closure>>, AppError> {
    let now_ms = state.clock.now().as_millisecond();
    if let Some(found) = state.slot_cache.closures(office_id, date, now_ms) {
        return Ok(found);
    }
    let day = date.to_string();
    let rows = appointments::closures_between(&state.db, office_id, &day, &day).await?;
    let mut closures = Vec::with_capacity(rows.len());
    for (day, window, reason) in rows {
        let date: Date = day
            .parse()
            .map_err(|e| AppError::Internal(format!("closure day {day}: {e}")))?;
        closures.push(Closure {
            date,
            window: window.as_deref().and_then(WindowKind::parse),
            reason,
        });
    }
    let closures = Arc::new(closures);
    state
        .slot_cache
        .keep_closures(office_id, date, now_ms, closures.clone());
    Ok(closures)
}

/// The slot starting at `start`, if the catalogue lets it be booked now.
pub async fn slot(
    state: &App,
    place: &Place<'_>,
    start: Timestamp,
    now: Timestamp,
) -> Result<Slot, AppError> {
    let date = start.to_zoned(place.office.time_zone.clone()).date();
    let closures = closures_on(state, &place.office.id, date).await?;
    let schedule = Schedule {
        office: place.office,
        window: place.window,
        calendar: &place.authority.calendar,
        policy: &place.authority.booking,
        closures: closures.as_slice(),
    };
    let minutes = place.appointment.minutes;
    if start > now && schedule.takes_bookings_on(date, now) {
        let grid = super::slots::grid_of(state, place, &schedule, date, &closures);
        if let Some(found) = grid.iter().find(|s| s.start == start) {
            return Ok(found.clone());
        }
    }
    schedule
        .check(start, minutes, now)
        .map_err(|refusal| refused_slot(&refusal, place))
}

fn refused_slot(refusal: &SlotRefusal, place: &Place<'_>) -> AppError {
    let zone = place.office.time_zone.clone();
    let refusal = match refusal {
        SlotRefusal::InPast => BookingRefusal::SlotInPast,
        SlotRefusal::OutsideHours => BookingRefusal::OutsideOpeningHours,
        SlotRefusal::Holiday { name } => BookingRefusal::PublicHoliday { name: name.clone() },
        SlotRefusal::Closed { reason } => BookingRefusal::OfficeClosed {
            reason: reason.clone(),
        },
        SlotRefusal::BeyondHorizon { last_day } => BookingRefusal::BeyondHorizon {
            last_day: *last_day,
        },
        SlotRefusal::NotReleased { opens_at } => BookingRefusal::NotReleased {
            opens_at: opens_at.to_zoned(zone),
        },
        SlotRefusal::NotOnGrid => BookingRefusal::NotASlotStart {
            slot_minutes: place.window.slot_minutes,
        },
    };
    refusal.into()
}

/// A booking request as people make it.
#[derive(Debug, Clone)]
pub struct HoldRequest {
    pub service: String,
    pub office: String,
    pub start: Timestamp,
    /// `self` or the id of a child in the person's household.
    pub holders: Vec<String>,
    pub case: Option<String>,
}

/// What the refusal of a full slot comes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenFull {
    /// The refusal alone: the caller shows the day's slots itself (a page).
    Refuse,
    /// The same day's closest slots with room (see `offer_nearby`).
    OfferNearby,
}

/// Holds a place for a few minutes while the person confirms.
pub async fn hold(
    state: &App,
    current: &CurrentPerson,
    address: &str,
    request: &HoldRequest,
    when_full: WhenFull,
) -> Result<Booking, AppError> {
    let now = state.clock.now();
    let place = place(state, &request.service, &request.office)?;
    let slot = slot(state, &place, request.start, now).await?;
    match hold_slot(state, current, address, request, &place, &slot, now).await {
        Err(AppError::Refused(Refusal::Booking(BookingRefusal::SlotFull { people, .. })))
            if when_full == WhenFull::OfferNearby =>
        {
            let nearby = offer_nearby(state, address, &place, &slot, people, now).await;
            Err(BookingRefusal::SlotFull { people, nearby }.into())
        }
        outcome => outcome,
    }
}

/// What a full slot's refusal offers instead: the same day's slots closest
/// to it that still have room, read from what this process already holds of
/// the day, so a crowd refused together need not search again. The offer
/// counts as a search from the address, so that refusals are no way around
/// the search limit; past it, or when the day cannot be read, the refusal
/// offers nothing (`None`), which is not the same as a full day (empty).
async fn offer_nearby(
    state: &App,
    address: &str,
    place: &Place<'_>,
    slot: &Slot,
    people: u64,
    now: Timestamp,
) -> Option<Vec<Nearby>> {
    state.gate.search(state, address, now).await.ok()?;
    let wanted = i64::try_from(people).unwrap_or(i64::MAX);
    match super::slots::nearby(state, place, slot.start, wanted, now).await {
        Ok(nearby) => Some(nearby),
        Err(e) => {
            tracing::warn!(error = %e, "the slots near a full one could not be read");
            None
        }
    }
}

/// A seat in `slot` for the people the request names, if there is room.
async fn hold_slot(
    state: &App,
    current: &CurrentPerson,
    address: &str,
    request: &HoldRequest,
    place: &Place<'_>,
    slot: &Slot,
    now: Timestamp,
) -> Result<Booking, AppError> {
    let person = &current.person;
    let holders = holders(state, current, &request.holders).await?;
    let case_id = case_for(state, current, place, request.case.as_deref()).await?;
    let id = uuid::Uuid::now_v7().to_string();
    let reference = new_reference().to_string();
    let cells: Vec<i64> = slot.cells.iter().map(|c| c.as_second()).collect();
    let expires = now + SignedDuration::from_mins(i64::from(place.authority.booking.hold_minutes));
    let date = slot.start.to_zoned(place.office.time_zone.clone()).date();
    let day = super::slots::key_of(place, date);
    let seats = i64::try_from(holders.len()).unwrap_or(i64::MAX);
    let capacity = i64::from(place.window.counters);
    // A slot full by what this process read moments ago, or with its last
    // seats already on their way to the database, is refused here without a
    // query; one that looks free is decided by the write.
    let taken = super::slots::taken_on(state, place, date, now).await?;
    let Some(reservation) = state
        .slot_cache
        .in_flight
        .reserve(&day, &cells, seats, capacity, &taken)
    else {
        return Err(slot_full(holders.len()));
    };
    // Only attempts that will write count as demand for the waiting room.
    if let Admission::Waiting { ahead, retry_after } = state
        .gate
        .admit(state, place.authority, &person.id, now)
        .await?
    {
        return Err(gate::waiting_problem(ahead, retry_after));
    }
    // Those behind the slot's last taker in another process learn it is full
    // here, from this process's count, without a query.
    if state
        .slot_cache
        .fits(&day, &cells, seats, capacity, now.as_millisecond())
        == Some(false)
    {
        return Err(slot_full(holders.len()));
    }
    let seat = Seat {
        person_id: person.id.clone(),
        address: address.to_string(),
        now,
        policy: place.authority.booking.clone(),
        id,
        reference,
        authority_id: place.authority.id.clone(),
        office_id: place.office.id.clone(),
        window_kind: place.window.kind.as_str().to_string(),
        service_id: place.service.id.clone(),
        case_id,
        starts_at: slot.start.as_second(),
        ends_at: slot.end.as_second(),
        expires_at: expires.as_second(),
        cells,
        capacity,
        holders,
        day,
        reservation: Some(reservation),
    };
    super::seat_batch::take(state, seat).await
}

/// The person's booking that already is what `request` asks for (same
/// service, office, start, case and number of people), held or confirmed:
/// what a retried request finds when its first attempt was done but its
/// answer lost.
pub async fn already_held(
    state: &App,
    current: &CurrentPerson,
    request: &HoldRequest,
) -> Result<Option<Booking>, AppError> {
    let seats = i64::try_from(request.holders.len()).unwrap_or(i64::MAX);
    let found = ghiseu_storage::appointments::active_for_person(&state.db, &current.person.id)
        .await?
        .into_iter()
        .find(|b| {
            b.booked_by == current.person.id
                && b.service_id == request.service
                && b.office_id == request.office
                && b.starts_at == request.start.as_second()
                && b.case_id == request.case
                && b.seats == seats
        });
    Ok(found)
}

pub fn slot_full(people: usize) -> AppError {
    BookingRefusal::SlotFull {
        people: u64::try_from(people).unwrap_or(u64::MAX),
        nearby: None,
    }
    .into()
}

/// Lets this process's next search of the booking's day read the database.
pub fn forget_day(state: &App, booking: &Booking) {
    if let (Some(office), Ok(start)) = (
        state.catalogue.office(&booking.office_id),
        Timestamp::from_second(booking.starts_at),
    ) {
        let date = start.to_zoned(office.time_zone.clone()).date();
        state
            .slot_cache
            .forget(&booking.office_id, &booking.window_kind, date);
    }
}

pub fn new_reference() -> BookingReference {
    let random = *uuid::Uuid::new_v4().as_bytes();
    BookingReference::from_random([random[0], random[1], random[2], random[3], random[4]])
}

/// The people named in a request: the person themself and children whose
/// guardianship an office confirmed. Anyone else is refused.
async fn holders(
    state: &App,
    current: &CurrentPerson,
    named: &[String],
) -> Result<Vec<BookingHolder>, AppError> {
    if named.is_empty() || named.len() > MOST_HOLDERS {
        return Err(BookingRefusal::HolderCount {
            most: MOST_HOLDERS as u32,
        }
        .into());
    }
    let mut holders: Vec<BookingHolder> = Vec::with_capacity(named.len());
    for name in named {
        let holder = if name == "self" {
            BookingHolder {
                kind: HolderKind::Person,
                id: current.person.id.clone(),
            }
        } else {
            match acting_guardian_of(state, name, &current.person.id).await? {
                Some(ward) => BookingHolder {
                    kind: HolderKind::Ward,
                    id: ward.ward_id,
                },
                _ => {
                    return Err(BookingRefusal::NotInHousehold { name: name.clone() }.into());
                }
            }
        };
        if holders.contains(&holder) {
            return Err(BookingRefusal::HolderTwice.into());
        }
        holders.push(holder);
    }
    Ok(holders)
}

/// The case a booking belongs to, where the service asks for one.
async fn case_for(
    state: &App,
    current: &CurrentPerson,
    place: &Place<'_>,
    case_id: Option<&str>,
) -> Result<Option<String>, AppError> {
    match place.appointment.mode {
        AppointmentMode::Assigned => Err(BookingRefusal::AssignedByOffice.into()),
        AppointmentMode::Open if case_id.is_none() => Ok(None),
        mode => {
            let Some(case_id) = case_id else {
                return Err(BookingRefusal::CaseRequired.into());
            };
            let Some((case, _)) = citizen_case(state, current, case_id).await? else {
                return Err(BookingRefusal::NoSuchApplication.into());
            };
            let accepted = crate::cases::moves::state_of(&case)?.takes_appointment();
            if case.service_id != place.service.id
                || (mode == AppointmentMode::AfterAcceptance && !accepted)
            {
                return Err(BookingRefusal::CaseNotAccepted.into());
            }
            if let Some(office) = case.office_id.as_deref()
                && office != place.office.id
            {
                return Err(BookingRefusal::CaseOffice {
                    office: office.to_string(),
                }
                .into());
            }
            Ok(Some(case.id))
        }
    }
}
