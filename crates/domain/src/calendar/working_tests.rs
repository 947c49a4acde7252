#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::calendar::{FixedHoliday, MovableHoliday};
use jiff::civil::date;
use proptest::prelude::*;

const RO: &str = include_str!("../../../../catalogue/calendars/ro.toml");
const MD: &str = include_str!("../../../../catalogue/calendars/md.toml");
const LT: &str = include_str!("../../../../catalogue/calendars/lt.toml");

fn calendar(text: &str) -> WorkingCalendar {
    let rules: HolidayRules = toml::from_str(text).unwrap();
    WorkingCalendar::new(rules).unwrap()
}

fn romania() -> WorkingCalendar {
    calendar(RO)
}

fn moldova() -> WorkingCalendar {
    calendar(MD)
}

fn lithuania() -> WorkingCalendar {
    calendar(LT)
}

#[test]
fn the_calendar_files_are_valid_and_name_their_country() {
    assert_eq!(romania().country(), "RO");
    assert_eq!(moldova().country(), "MD");
    assert_eq!(lithuania().country(), "LT");
}

#[test]
fn invalid_rules_build_no_calendar() {
    let mut rules: HolidayRules = toml::from_str(RO).unwrap();
    rules.fixed.push(FixedHoliday {
        date: "02-30".into(),
        name: "Nowhere".into(),
        since: None,
        until: None,
    });
    let problems = WorkingCalendar::new(rules).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("\"Nowhere\""));
}

#[test]
fn romanian_holidays_of_2026() {
    let holidays = romania().holidays(2026);
    let expected = [
        (date(2026, 1, 1), "New Year's Day"),
        (date(2026, 1, 2), "Day after New Year's Day"),
        (date(2026, 1, 6), "Epiphany"),
        (date(2026, 1, 7), "Synaxis of Saint John the Baptist"),
        (date(2026, 1, 24), "Union Day"),
        (date(2026, 4, 10), "Orthodox Good Friday"),
        (date(2026, 4, 12), "Orthodox Easter Sunday"),
        (date(2026, 4, 13), "Orthodox Easter Monday"),
        (date(2026, 5, 1), "Labour Day"),
        (date(2026, 5, 31), "Orthodox Pentecost"),
        (date(2026, 6, 1), "Children's Day / Orthodox Whit Monday"),
        (date(2026, 8, 15), "Assumption of Mary"),
        (date(2026, 11, 30), "Saint Andrew's Day"),
        (date(2026, 12, 1), "National Day"),
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 26), "Second Day of Christmas"),
    ];
    let holidays: Vec<(Date, &str)> = holidays
        .iter()
        .map(|(day, name)| (*day, name.as_str()))
        .collect();
    assert_eq!(holidays, expected);
}

#[test]
fn holidays_apply_only_from_their_first_year() {
    let romania = romania();
    assert!(!romania.is_holiday(date(2016, 1, 24)));
    assert!(romania.is_holiday(date(2017, 1, 24)));
    assert!(!romania.is_holiday(date(2017, 4, 14)), "Good Friday 2017");
    assert!(romania.is_holiday(date(2018, 4, 6)), "Good Friday 2018");
    assert!(!romania.is_holiday(date(2023, 1, 6)));
    assert!(romania.is_holiday(date(2025, 1, 6)));
    let lithuania = lithuania();
    assert!(!lithuania.is_holiday(date(2019, 11, 2)));
    assert!(lithuania.is_holiday(date(2020, 11, 2)));
    assert!(!moldova().is_holiday(date(2023, 6, 1)));
    assert!(moldova().is_holiday(date(2026, 6, 1)));
}

#[test]
fn moldovan_and_lithuanian_movable_holidays() {
    let moldova = moldova();
    for day in [date(2026, 4, 12), date(2026, 4, 13), date(2026, 4, 20)] {
        assert!(moldova.is_holiday(day), "{day}");
    }
    assert!(
        !moldova.is_holiday(date(2026, 4, 10)),
        "no Good Friday in Moldova"
    );
    let lithuania = lithuania();
    assert!(lithuania.is_holiday(date(2026, 4, 6)));
    assert!(!lithuania.is_holiday(date(2026, 4, 13)));
    assert!(lithuania.is_working_day(date(2026, 4, 7)));
}

#[test]
fn counting_over_romanian_holidays_at_the_end_of_november() {
    let romania = romania();
    assert_eq!(
        romania.nth_working_day_after(date(2026, 11, 27), 3),
        date(2026, 12, 4)
    );
    assert_eq!(
        romania.nth_working_day_after(date(2026, 11, 23), 3),
        date(2026, 11, 26)
    );
    assert_eq!(
        romania.nth_working_day_after(date(2026, 11, 27), 1),
        date(2026, 12, 2)
    );
    assert!(!romania.is_working_day(date(2026, 11, 30)));
    assert!(!romania.is_working_day(date(2026, 12, 1)));
}

#[test]
fn counting_in_moldova_before_christmas() {
    let moldova = moldova();
    let start = date(2026, 11, 23);
    assert_eq!(moldova.nth_working_day_after(start, 5), date(2026, 11, 30));
    assert_eq!(moldova.nth_working_day_after(start, 10), date(2026, 12, 7));
    assert_eq!(moldova.nth_working_day_after(start, 20), date(2026, 12, 21));
    assert_eq!(moldova.nth_working_day_after(start, 24), date(2026, 12, 28));
}

#[test]
fn zero_working_days_leaves_the_date_alone() {
    let saturday = date(2026, 11, 28);
    assert_eq!(romania().nth_working_day_after(saturday, 0), saturday);
}

#[test]
fn same_day_moves_off_weekends_and_holidays() {
    let romania = romania();
    assert_eq!(romania.same_day(date(2026, 11, 25)), date(2026, 11, 25));
    assert_eq!(romania.same_day(date(2026, 3, 7)), date(2026, 3, 9));
    assert_eq!(
        romania.same_day(date(2026, 4, 11)),
        date(2026, 4, 14),
        "Easter Monday"
    );
    assert_eq!(romania.same_day(date(2026, 11, 28)), date(2026, 12, 2));
    assert_eq!(lithuania().same_day(date(2026, 12, 24)), date(2026, 12, 28));
}

#[test]
fn filing_on_the_eve_of_a_holiday() {
    let lithuania = lithuania();
    let eve = date(2026, 12, 23);
    assert!(lithuania.is_working_day(eve));
    assert_eq!(lithuania.same_day(eve), eve);
    assert_eq!(lithuania.nth_working_day_after(eve, 1), date(2026, 12, 28));
    assert_eq!(lithuania.working_days_between(eve, date(2026, 12, 28)), 1);
    let moldova = moldova();
    assert_eq!(
        moldova.nth_working_day_after(date(2026, 12, 31), 1),
        date(2027, 1, 4)
    );
    assert_eq!(
        moldova.nth_working_day_after(date(2027, 1, 6), 1),
        date(2027, 1, 11)
    );
}

#[test]
fn working_days_between_counts_after_start_through_end() {
    let romania = romania();
    let monday = date(2026, 11, 23);
    assert_eq!(romania.working_days_between(monday, monday), 0);
    assert_eq!(romania.working_days_between(monday, date(2026, 11, 27)), 4);
    assert_eq!(romania.working_days_between(monday, date(2026, 12, 4)), 7);
    assert_eq!(romania.working_days_between(date(2026, 12, 4), monday), -7);
}

#[test]
fn calendar_days_are_plain_additions() {
    let romania = romania();
    assert_eq!(
        romania.nth_calendar_day_after(date(2026, 11, 27), 3),
        date(2026, 11, 30)
    );
    assert_eq!(
        romania.nth_calendar_day_after(date(2024, 2, 28), 1),
        date(2024, 2, 29)
    );
    assert_eq!(
        romania.nth_calendar_day_after(date(9999, 12, 1), u32::MAX),
        Date::MAX
    );
}

#[test]
fn counting_near_the_last_date_stops_there() {
    let romania = romania();
    let late = date(9999, 12, 20);
    assert_eq!(romania.nth_working_day_after(late, 100), Date::MAX);
    assert_eq!(romania.same_day(Date::MAX), Date::MAX);
    assert!(romania.working_days_between(late, Date::MAX) > 0);
    assert!(romania.holidays(9999).len() > 10);
    assert!(
        romania
            .holidays(1000)
            .iter()
            .all(|(day, _)| day.year() == 1000)
    );
}

fn western_rules(movable: Vec<MovableHoliday>) -> WorkingCalendar {
    WorkingCalendar::new(HolidayRules {
        country: "XX".into(),
        easter: Reckoning::Western,
        fixed: vec![],
        movable,
    })
    .unwrap()
}

#[test]
fn a_long_offset_before_an_early_easter_lands_in_the_year_before() {
    // Western Easter 2008 fell on 23 March; a hundred days earlier is 14 December 2007.
    let calendar = western_rules(vec![MovableHoliday {
        easter_offset: -100,
        name: "Far before Easter".into(),
        since: Some(2008),
        until: Some(2008),
    }]);
    assert!(calendar.is_holiday(date(2007, 12, 14)));
    assert!(!calendar.is_holiday(date(2008, 12, 14)));
    assert_eq!(
        calendar.holidays(2007),
        [(date(2007, 12, 14), "Far before Easter".to_owned())]
    );
    assert!(calendar.holidays(2008).is_empty());
}

/// Any date from 1950 to the end of 2098.
fn any_date() -> impl Strategy<Value = Date> {
    (0i64..54_000).prop_map(|days| {
        date(1950, 1, 1)
            .checked_add(Span::new().days(days))
            .unwrap()
    })
}

fn any_calendar() -> impl Strategy<Value = WorkingCalendar> {
    prop::sample::select(vec![RO, MD, LT]).prop_map(calendar)
}

proptest! {
    #[test]
    fn nth_working_day_lands_on_a_working_day_n_working_days_later(
        calendar in any_calendar(),
        start in any_date(),
        n in 0u32..400,
    ) {
        let result = calendar.nth_working_day_after(start, n);
        if n == 0 {
            prop_assert_eq!(result, start);
        } else {
            prop_assert!(calendar.is_working_day(result), "{} is not a working day", result);
            prop_assert!(result > start);
        }
        prop_assert_eq!(calendar.working_days_between(start, result), i32::try_from(n).unwrap());
        prop_assert_eq!(calendar.working_days_between(result, start), -i32::try_from(n).unwrap());
    }

    #[test]
    fn same_day_is_the_first_working_day_from_the_date_on(
        calendar in any_calendar(),
        day in any_date(),
    ) {
        let result = calendar.same_day(day);
        prop_assert!(calendar.is_working_day(result));
        prop_assert!(result >= day);
        let mut skipped = day;
        while skipped < result {
            prop_assert!(!calendar.is_working_day(skipped), "{} was skipped", skipped);
            skipped = skipped.tomorrow().unwrap();
        }
    }

    #[test]
    fn holidays_of_a_year_are_sorted_and_agree_with_is_holiday(
        calendar in any_calendar(),
        year in 1950i16..2099,
    ) {
        let holidays = calendar.holidays(year);
        prop_assert!(holidays.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (day, name) in &holidays {
            prop_assert_eq!(day.year(), year);
            prop_assert!(calendar.is_holiday(*day), "{} {}", day, name);
        }
        let mut day = date(year, 1, 1);
        let mut count = 0;
        while day.year() == year {
            count += usize::from(calendar.is_holiday(day));
            day = day.tomorrow().unwrap();
        }
        prop_assert_eq!(count, holidays.len());
    }
}

#[test]
fn time_left_counts_in_the_terms_own_days() {
    let romania = romania();
    // Friday 18 December 2026 to Monday 28 December: 21 to 24 and the 28th
    // are working days; Christmas (25, 26) and the weekends are not.
    let (friday, monday) = (date(2026, 12, 18), date(2026, 12, 28));
    assert_eq!(
        romania.time_left(true, friday, monday),
        TimeLeft {
            days: 5,
            working: true
        }
    );
    assert_eq!(
        romania.time_left(false, friday, monday),
        TimeLeft {
            days: 10,
            working: false
        }
    );
    // Past the deadline, both count backwards.
    assert_eq!(romania.time_left(true, monday, friday).days, -5);
    assert_eq!(romania.time_left(false, monday, friday).days, -10);
}
