#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::catalogue::{Authority, Catalogue, Office, WeeklyHours, Window, WindowKind};
use crate::test_support::catalogue;
use jiff::Timestamp;
use jiff::civil::{Date, Time, date};
use std::sync::OnceLock;

fn shared() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(catalogue)
}

fn alba() -> (&'static Authority, &'static Office) {
    let catalogue = shared();
    (
        catalogue.authority("ro.passport.alba").unwrap(),
        catalogue.office("ab-alba-iulia").unwrap(),
    )
}

fn schedule<'a>(window: &'a Window, closures: &'a [Closure]) -> Schedule<'a> {
    let (authority, office) = alba();
    Schedule {
        office,
        window,
        calendar: &authority.calendar,
        policy: &authority.booking,
        closures,
    }
}

fn intake() -> &'static Window {
    alba().1.window(WindowKind::Intake).unwrap()
}

/// A civil time in Alba Iulia.
fn local(date: Date, h: i8, m: i8) -> Timestamp {
    date.at(h, m, 0, 0)
        .to_zoned(jiff::tz::TimeZone::get("Europe/Bucharest").unwrap())
        .unwrap()
        .timestamp()
}

fn utc(text: &str) -> Timestamp {
    text.parse().unwrap()
}

const WEDNESDAY: Date = date(2026, 3, 4);
const MONDAY_BEFORE: Date = date(2026, 3, 2);

#[test]
fn a_wednesday_runs_to_the_last_cell_at_18_15() {
    let slots = schedule(intake(), &[]).slots_on(WEDNESDAY, 15);
    assert_eq!(slots.len(), 40, "08:30 to 18:30 in quarters");
    let first = slots.first().unwrap();
    assert_eq!(first.start, utc("2026-03-04T06:30:00Z"));
    assert_eq!(first.end, utc("2026-03-04T06:45:00Z"));
    assert_eq!(first.cells, [first.start]);
    let last = slots.last().unwrap();
    assert_eq!(last.start, local(WEDNESDAY, 18, 15));
    assert_eq!(last.end, local(WEDNESDAY, 18, 30));
    let thursday = schedule(intake(), &[]).slots_on(date(2026, 3, 5), 15);
    assert_eq!(
        thursday.last().unwrap().start,
        local(date(2026, 3, 5), 16, 15)
    );
}

#[test]
fn a_longer_appointment_takes_consecutive_cells_and_starts_on_every_cell() {
    let slots = schedule(intake(), &[]).slots_on(WEDNESDAY, 30);
    assert_eq!(slots.len(), 39);
    assert_eq!(slots[1].start, local(WEDNESDAY, 8, 45));
    assert_eq!(
        slots[1].cells,
        [local(WEDNESDAY, 8, 45), local(WEDNESDAY, 9, 0)]
    );
    assert_eq!(slots.last().unwrap().start, local(WEDNESDAY, 18, 0));
    // 20 minutes on a 15-minute grid needs two cells.
    let slots = schedule(intake(), &[]).slots_on(WEDNESDAY, 20);
    assert_eq!(slots[0].cells.len(), 2);
    assert_eq!(slots[0].end, local(WEDNESDAY, 8, 50));
}

#[test]
fn the_national_day_weekends_and_closures_have_no_slots() {
    let national_day = date(2026, 12, 1);
    assert_eq!(national_day.weekday(), jiff::civil::Weekday::Tuesday);
    assert!(
        schedule(intake(), &[])
            .slots_on(national_day, 15)
            .is_empty()
    );
    assert!(
        schedule(intake(), &[])
            .slots_on(date(2026, 3, 7), 15)
            .is_empty()
    );
    let closures = [
        Closure {
            date: WEDNESDAY,
            window: Some(WindowKind::Handover),
            reason: "inventory".into(),
        },
        Closure {
            date: date(2026, 3, 5),
            window: None,
            reason: "power cut".into(),
        },
    ];
    let with = schedule(intake(), &closures);
    assert_eq!(
        with.slots_on(WEDNESDAY, 15).len(),
        40,
        "another window's closure"
    );
    assert!(with.slots_on(date(2026, 3, 5), 15).is_empty());
    let handover = alba().1.window(WindowKind::Handover).unwrap();
    assert!(
        schedule(handover, &closures)
            .slots_on(WEDNESDAY, 10)
            .is_empty()
    );
}

#[test]
fn a_booked_start_is_checked_in_order() {
    let s = schedule(intake(), &[]);
    let now = local(MONDAY_BEFORE, 9, 0);
    let ok = s.check(local(WEDNESDAY, 18, 15), 15, now).unwrap();
    assert_eq!(ok.end, local(WEDNESDAY, 18, 30));
    assert_eq!(
        s.check(local(MONDAY_BEFORE, 8, 45), 15, now),
        Err(SlotRefusal::InPast)
    );
    assert_eq!(
        s.check(local(date(2026, 6, 2), 9, 0), 15, now),
        Err(SlotRefusal::BeyondHorizon {
            last_day: date(2026, 5, 31)
        })
    );
    assert_eq!(
        s.check(local(date(2026, 4, 2), 9, 0), 15, now),
        Err(SlotRefusal::NotReleased {
            opens_at: local(date(2026, 3, 3), 8, 0)
        })
    );
    let december = local(date(2026, 11, 20), 9, 0);
    assert_eq!(
        s.check(local(date(2026, 12, 1), 9, 0), 15, december),
        Err(SlotRefusal::Holiday {
            name: s
                .calendar
                .holidays(2026)
                .into_iter()
                .find(|(d, _)| *d == date(2026, 12, 1))
                .unwrap()
                .1
        })
    );
    let closures = [Closure {
        date: WEDNESDAY,
        window: None,
        reason: "training".into(),
    }];
    assert_eq!(
        schedule(intake(), &closures).check(local(WEDNESDAY, 9, 0), 15, now),
        Err(SlotRefusal::Closed {
            reason: "training".into()
        })
    );
    assert_eq!(
        s.check(local(WEDNESDAY, 7, 0), 15, now),
        Err(SlotRefusal::OutsideHours)
    );
    assert_eq!(
        s.check(local(WEDNESDAY, 18, 30), 15, now),
        Err(SlotRefusal::OutsideHours)
    );
    assert_eq!(
        s.check(local(date(2026, 3, 7), 9, 0), 15, now),
        Err(SlotRefusal::OutsideHours),
        "a Saturday"
    );
    assert_eq!(
        s.check(local(WEDNESDAY, 8, 35), 15, now),
        Err(SlotRefusal::NotOnGrid)
    );
    assert_eq!(
        s.check(local(WEDNESDAY, 18, 15), 30, now),
        Err(SlotRefusal::OutsideHours),
        "a grid start too late for the whole appointment"
    );
}

#[test]
fn days_open_thirty_days_ahead_at_eight() {
    let s = schedule(intake(), &[]);
    let april_10 = date(2026, 4, 10);
    let opens = local(date(2026, 3, 11), 8, 0);
    assert_eq!(s.release_of(april_10), opens);
    let start = local(april_10, 9, 0);
    let just_before = opens
        .checked_sub(jiff::SignedDuration::from_secs(1))
        .unwrap();
    assert!(matches!(
        s.check(start, 15, just_before),
        Err(SlotRefusal::NotReleased { .. })
    ));
    // Orthodox Good Friday 2026 falls on 10 April.
    assert!(matches!(
        s.check(start, 15, opens),
        Err(SlotRefusal::Holiday { .. })
    ));
    assert!(s.check(local(date(2026, 4, 9), 9, 0), 15, opens).is_ok());
}

#[test]
fn open_days_run_from_today_to_the_last_released_day() {
    let s = schedule(intake(), &[]);
    let days = s.open_days(local(MONDAY_BEFORE, 9, 0));
    assert_eq!(days.first(), Some(&MONDAY_BEFORE));
    assert_eq!(days.last(), Some(&date(2026, 4, 1)));
    assert_eq!(days.len(), 23, "the weekdays of 2 March to 1 April");
    assert!(days.iter().all(|d| d.weekday().to_monday_one_offset() <= 5));
    let evening = s.open_days(local(MONDAY_BEFORE, 17, 0));
    assert_eq!(
        evening.first(),
        Some(&date(2026, 3, 3)),
        "Monday closed at 16:30"
    );
    let december = s.open_days(local(date(2026, 11, 27), 12, 0));
    assert!(!december.contains(&date(2026, 11, 30)), "St Andrew's day");
    assert!(!december.contains(&date(2026, 12, 1)), "the national day");
    assert!(december.contains(&date(2026, 12, 2)));
}

fn night_window() -> Window {
    let mut days: [Vec<(Time, Time)>; 7] = Default::default();
    days[6] = vec![(Time::constant(2, 0, 0, 0), Time::constant(5, 0, 0, 0))];
    Window {
        kind: WindowKind::Intake,
        counters: 1,
        slot_minutes: 30,
        hours: WeeklyHours::new(days),
    }
}

#[test]
fn the_spring_gap_has_no_slots() {
    let window = night_window();
    let slots = schedule(&window, &[]).slots_on(date(2026, 3, 29), 30);
    let starts: Vec<Timestamp> = slots.iter().map(|s| s.start).collect();
    assert_eq!(
        starts,
        [
            utc("2026-03-29T00:00:00Z"),
            utc("2026-03-29T00:30:00Z"),
            utc("2026-03-29T01:00:00Z"),
            utc("2026-03-29T01:30:00Z"),
        ],
        "02:00, 02:30, then 04:00 and 04:30 summer time"
    );
    assert_eq!(slots[1].end, utc("2026-03-29T01:00:00Z"));
    // An hour-long appointment cannot straddle the missing hour.
    let long = schedule(&window, &[]).slots_on(date(2026, 3, 29), 60);
    assert_eq!(long.len(), 2);
}

#[test]
fn the_autumn_fold_uses_the_earlier_hour() {
    let window = night_window();
    let slots = schedule(&window, &[]).slots_on(date(2026, 10, 25), 30);
    let starts: Vec<Timestamp> = slots.iter().map(|s| s.start).collect();
    assert_eq!(
        starts,
        [
            utc("2026-10-24T23:00:00Z"),
            utc("2026-10-24T23:30:00Z"),
            utc("2026-10-25T00:00:00Z"),
            utc("2026-10-25T00:30:00Z"),
            utc("2026-10-25T02:00:00Z"),
            utc("2026-10-25T02:30:00Z"),
        ]
    );
}

#[test]
fn office_hours_keep_their_local_time_across_the_clock_change() {
    let s = schedule(intake(), &[]);
    let before = s.slots_on(date(2026, 3, 27), 15);
    let after = s.slots_on(date(2026, 3, 30), 15);
    assert_eq!(before[0].start, utc("2026-03-27T06:30:00Z"));
    assert_eq!(after[0].start, utc("2026-03-30T05:30:00Z"));
}

proptest::proptest! {
    /// Working out the bookable slots of a day at once agrees with checking
    /// each slot of the day, whatever the day and the moment of asking.
    #[test]
    fn the_bookable_slots_of_a_day_are_those_check_accepts(
        day in 0i64..130,
        minute in 0i64..(24 * 60),
        minutes in proptest::sample::select(vec![15u16, 30, 45]),
    ) {
        let now = local(date(2026, 11, 23), 0, 0) + jiff::SignedDuration::from_mins(minute);
        let asked = date(2026, 11, 20).checked_add(jiff::Span::new().days(day)).unwrap();
        let schedule = schedule(intake(), &[]);
        let at_once: Vec<Timestamp> = schedule
            .bookable_on(asked, minutes, now)
            .into_iter()
            .map(|s| s.start)
            .collect();
        let one_by_one: Vec<Timestamp> = schedule
            .slots_on(asked, minutes)
            .into_iter()
            .filter(|s| schedule.check(s.start, minutes, now).is_ok())
            .map(|s| s.start)
            .collect();
        proptest::prop_assert_eq!(at_once, one_by_one);
    }
}
