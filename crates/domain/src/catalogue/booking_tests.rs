#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::tests::{assert_refused, assert_refused_below, line_of, load_changed};
use super::*;
use crate::test_support::catalogue;
use jiff::civil::{Time, Weekday};

const INTAKE: &str = "kind = \"intake\"\ncounters = 3\nslot_minutes = 15\n";
const ALBA_HOURS: &str = "hours = { mon = [\"08:30-16:30\"], tue = [\"08:30-16:30\"], wed = [\"08:30-18:30\"], thu = [\"08:30-16:30\"], fri = [\"08:30-16:30\"] }";
const ELECTRONIC: &str = "appointment = { window = \"intake\", minutes = 15, mode = \"open\" }";

fn hm(h: i8, m: i8) -> Time {
    Time::constant(h, m, 0, 0)
}

#[test]
fn the_alba_office_has_its_three_windows_with_the_reference_hours() {
    let catalogue = catalogue();
    let office = catalogue.office("ab-alba-iulia").unwrap();
    let expected = [
        (WindowKind::Intake, 3, 15),
        (WindowKind::Handover, 2, 10),
        (WindowKind::Information, 1, 15),
    ];
    for (kind, counters, slot_minutes) in expected {
        let window = office.window(kind).unwrap();
        assert_eq!(
            (window.counters, window.slot_minutes),
            (counters, slot_minutes)
        );
        for day in [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Thursday,
            Weekday::Friday,
        ] {
            assert_eq!(window.hours.intervals(day), &[(hm(8, 30), hm(16, 30))]);
        }
        assert_eq!(
            window.hours.intervals(Weekday::Wednesday),
            &[(hm(8, 30), hm(18, 30))]
        );
        assert!(window.hours.intervals(Weekday::Saturday).is_empty());
        assert!(window.hours.intervals(Weekday::Sunday).is_empty());
    }
}

#[test]
fn services_say_which_window_they_are_booked_at_and_by_whom() {
    let catalogue = catalogue();
    let appointment = |id: &str| catalogue.service(id).unwrap().1.appointment;
    let passport = appointment("ro.passport.electronic").unwrap();
    assert_eq!(
        passport,
        ServiceAppointment {
            window: WindowKind::Intake,
            minutes: 15,
            mode: AppointmentMode::Open
        }
    );
    assert_eq!(
        appointment("ro.igi.residence-permit").unwrap().mode,
        AppointmentMode::Assigned
    );
    assert_eq!(
        appointment("md.igm.pc").unwrap().mode,
        AppointmentMode::AfterAcceptance
    );
    assert_eq!(
        appointment("ro.criminal-record.certificate").unwrap().mode,
        AppointmentMode::Open
    );
    assert!(appointment("ro.igi.fine-payment-proof").is_none());
    assert!(appointment("lt.invitation.approval").is_none());
    for mode in AppointmentMode::ALL {
        assert_eq!(AppointmentMode::parse(mode.as_str()), Some(mode));
    }
}

#[test]
fn every_office_with_a_booked_service_has_its_window() {
    let catalogue = catalogue();
    for (authority, service) in catalogue.services() {
        let Some(appointment) = service.appointment else {
            continue;
        };
        for office in &authority.offices {
            let window = office.window(appointment.window).unwrap();
            assert_eq!(
                appointment.minutes % window.slot_minutes,
                0,
                "{}",
                office.id
            );
        }
    }
}

#[test]
fn the_booking_policy_is_read_with_defaults() {
    let catalogue = catalogue();
    let alba = catalogue.authority("ro.passport.alba").unwrap();
    assert_eq!(alba.booking, BookingPolicy::default());
    let igi = catalogue.authority("ro.igi").unwrap();
    assert_eq!(igi.booking.horizon_days, 90);
    assert_eq!(igi.booking.release_at, hm(8, 0));
}

#[test]
fn booking_policy_mistakes_are_refused() {
    assert_refused(
        "horizon_days = 90",
        "horizon_days = 0",
        "horizon_days is 0; it must be between 1 and 730",
    );
    assert_refused(
        "release_days_ahead = 30",
        "release_days_ahead = 120",
        "days cannot open before they are within the horizon of 90 days",
    );
    assert_refused(
        "release_at = \"08:00\"",
        "release_at = \"8 am\"",
        "release_at \"8 am\" is not a time",
    );
    assert_refused("hold_minutes = 5", "hold_minutes = 0", "hold_minutes is 0");
    assert_refused(
        "waiting_room_admit_per_second = 100",
        "waiting_room_admit_per_second = 500",
        "cannot exceed the 200 per second",
    );
    assert_refused(
        "waiting_room_draw_seconds = 5",
        "waiting_room_draw_seconds = 3600",
        "waiting_room_draw_seconds is 3600",
    );
    assert_refused("no_show_limit = 3", "no_show_limits = 3", "no_show_limits");
}

#[test]
fn window_mistakes_are_refused() {
    assert_refused(
        "kind = \"intake\"\ncounters = 3",
        "kind = \"cashier\"\ncounters = 3",
        "unknown window kind \"cashier\"",
    );
    assert_refused(
        "kind = \"information\"",
        "kind = \"handover\"",
        "the handover window is defined twice",
    );
    assert_refused_below(
        INTAKE,
        "kind = \"intake\"\ncounters = 0\nslot_minutes = 15\n",
        "intake window: counters is 0; it must be between 1 and 50",
        1,
    );
    assert_refused_below(
        INTAKE,
        "kind = \"intake\"\ncounters = 3\nslot_minutes = 7200\n",
        "slot_minutes is 7200",
        2,
    );
    let intake_hours = format!("{INTAKE}{ALBA_HOURS}");
    let with_hours = |hours: &str| format!("{INTAKE}hours = {hours}");
    assert_refused_below(
        &intake_hours,
        &with_hours("{ mon = [\"8-16\"] }"),
        "mon: \"8-16\" is not an interval like \"08:30-16:30\"",
        3,
    );
    assert_refused_below(
        &intake_hours,
        &with_hours("{ tue = [\"16:30-08:30\"] }"),
        "tue: \"16:30-08:30\" closes before it opens",
        3,
    );
    assert_refused_below(
        &intake_hours,
        &with_hours("{ wed = [\"08:30-12:00\", \"11:00-16:00\"] }"),
        "\"11:00-16:00\" overlaps or comes before",
        3,
    );
    assert_refused_below(
        &intake_hours,
        &with_hours("{ thu = [\"08:30-08:40\"] }"),
        "is shorter than one 15-minute slot",
        3,
    );
    assert_refused_below(
        &intake_hours,
        &with_hours("{}"),
        "office ab-alba-iulia, intake window is never open",
        3,
    );
    assert_refused_below(
        &intake_hours,
        &with_hours("{ monday = [\"08:30-16:30\"] }"),
        "monday",
        3,
    );
}

#[test]
fn appointment_mistakes_are_refused() {
    assert_refused(
        ELECTRONIC,
        "appointment = { window = \"cashier\", minutes = 15, mode = \"open\" }",
        "unknown window \"cashier\"",
    );
    assert_refused(
        ELECTRONIC,
        "appointment = { window = \"intake\", minutes = 15, mode = \"walk-in\" }",
        "unknown appointment mode \"walk-in\"",
    );
    assert_refused(
        ELECTRONIC,
        "appointment = { window = \"intake\", minutes = 0, mode = \"open\" }",
        "appointment minutes is 0",
    );
    assert_refused(
        ELECTRONIC,
        "appointment = { window = \"intake\", minutes = 20, mode = \"open\" }",
        "20 minutes is not a whole number of the 15-minute slots of the intake window of office ab-alba-iulia",
    );
    let first_service = "[[service]]\nid = \"ro.passport.electronic\"";
    let errors = load_changed(
        first_service,
        &format!(
            "[[office]]\nid = \"ab-blaj\"\nname = {{ ro = \"x\", en = \"x\" }}\naddress = {{ ro = \"x\", en = \"x\" }}\ncovers = [\"RO-CJ\"]\n\n{first_service}"
        ),
    );
    let error = errors
        .iter()
        .find(|e| {
            e.message
                == "service ro.passport.electronic is booked at the intake window, which office ab-blaj does not have"
        })
        .unwrap_or_else(|| panic!("{errors:?}"));
    // The office was added above the services: they moved down by six lines.
    assert_eq!(error.line, line_of(ELECTRONIC) + 6, "{error}");
}
