//! A booking's JSON body, as `POST /api/v1/appointments` (hold) and
//! `/reschedule` take it: the start read as `ghiseu_web` reads it, the place
//! found in the repository's catalogue as `ghiseu_app`'s booking finds it,
//! then the slot checked and the day's slots listed by the domain's
//! `Schedule` (opening hours, grid, holidays, release and horizon, time
//! zones and their clock changes).
#![no_main]

use ghiseu_domain::appointment::{Closure, Schedule};
use ghiseu_fuzz::{catalogue, now};
use jiff::{SignedDuration, Timestamp};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

/// The fields of `ghiseu_web`'s `HoldBody` (whose `start` alone is a
/// `RescheduleBody`), read as it reads them; that crate brings the whole
/// server, which this package leaves out to build quickly.
#[derive(Deserialize)]
#[allow(
    dead_code,
    reason = "read as the API reads the body; not every field has a rule here"
)]
struct HoldBody {
    service: String,
    office: String,
    start: String,
    holders: Vec<String>,
    case: Option<String>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = serde_json::from_slice::<HoldBody>(data) else {
        return;
    };
    // As `parse_start` in the appointments API.
    let Ok(start) = body.start.parse::<Timestamp>() else {
        return;
    };
    // As `place` in ghiseu_app's booking.
    let catalogue = catalogue();
    let Some((authority, service)) = catalogue.service(&body.service) else {
        return;
    };
    let Some(appointment) = service.appointment.as_ref() else {
        return;
    };
    let Some(office) = authority.offices.iter().find(|o| o.id == body.office) else {
        return;
    };
    let Some(window) = office.window(appointment.window) else {
        return;
    };
    let date = start.to_zoned(office.time_zone.clone()).date();
    // The case id, when there is one, names a closure of the day, so the
    // target also sees the office closed.
    let closures: Vec<Closure> = body
        .case
        .iter()
        .map(|reason| Closure {
            date,
            window: None,
            reason: reason.clone(),
        })
        .collect();
    let schedule = Schedule {
        office,
        window,
        calendar: &authority.calendar,
        policy: &authority.booking,
        closures: &closures,
    };
    let minutes = appointment.minutes;
    let day_before = start
        .checked_sub(SignedDuration::from_hours(24))
        .unwrap_or(Timestamp::MIN);
    for now in [now(), day_before] {
        let checked = schedule.check(start, minutes, now);
        let listed = schedule.bookable_on(date, minutes, now);
        match &checked {
            Ok(slot) => {
                assert_eq!(slot.start, start);
                assert!(slot.start < slot.end);
                assert!(!slot.cells.is_empty());
                assert!(listed.contains(slot), "{slot:?} is bookable but not listed");
            }
            Err(refusal) => {
                let _ = refusal.to_string();
                assert!(
                    listed.iter().all(|s| s.start != start),
                    "{start} is listed but refused: {refusal}"
                );
            }
        }
        // Each listed slot, as the slot search shows it, is one `check` takes.
        for slot in &listed {
            let local = slot.start.to_zoned(office.time_zone.clone());
            assert_eq!(local.date(), date);
            let _ = local.strftime("%H:%M").to_string();
            assert_eq!(schedule.check(slot.start, minutes, now).as_ref(), Ok(slot));
        }
    }
});
