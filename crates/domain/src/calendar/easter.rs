//! The date of Easter Sunday in the Western and Orthodox reckonings.

use std::ops::RangeInclusive;

use jiff::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reckoning {
    /// Gregorian computus, followed by the Catholic and Protestant churches.
    Western,
    /// Julian computus, followed by the Orthodox churches.
    Orthodox,
}

/// The years for which [`easter_sunday`] answers: from the first full year of
/// the Gregorian calendar to the last year a civil date can hold.
pub const EASTER_YEARS: RangeInclusive<i16> = 1583..=9999;

/// Easter Sunday of `year`, always as a Gregorian calendar date. For the
/// Orthodox reckoning the Julian computus is worked out and its date moved to
/// the Gregorian calendar. `None` for a year outside [`EASTER_YEARS`].
pub fn easter_sunday(year: i16, reckoning: Reckoning) -> Option<Date> {
    if !EASTER_YEARS.contains(&year) {
        return None;
    }
    let day_of_march = match reckoning {
        Reckoning::Western => gregorian_day_of_march(i32::from(year)),
        Reckoning::Orthodox => julian_day_of_march_in_gregorian(i32::from(year)),
    };
    let last_of_february = Date::new(year, 3, 1).ok()?.yesterday().ok()?;
    last_of_february
        .checked_add(Span::new().try_days(i64::from(day_of_march)).ok()?)
        .ok()
}

/// Easter as a day of March (32 is 1 April) in the Gregorian computus,
/// following the steps Knuth gives in The Art of Computer Programming, 1.3.2.
fn gregorian_day_of_march(year: i32) -> i32 {
    let golden_number = year % 19 + 1;
    let century = year / 100 + 1;
    let dropped_leap_days = 3 * century / 4 - 12;
    let moon_orbit_correction = (8 * century + 5) / 25 - 5;
    let sunday_key = 5 * year / 4 - dropped_leap_days - 10;
    let mut epact =
        (11 * golden_number + 20 + moon_orbit_correction - dropped_leap_days).rem_euclid(30);
    if epact == 24 || (epact == 25 && golden_number > 11) {
        epact += 1;
    }
    let mut full_moon = 44 - epact;
    if full_moon < 21 {
        full_moon += 30;
    }
    full_moon + 7 - (sunday_key + full_moon).rem_euclid(7)
}

/// Easter as a Gregorian day of March, computed in the Julian calendar.
fn julian_day_of_march_in_gregorian(year: i32) -> i32 {
    let full_moon_after_equinox = (19 * (year % 19) + 15) % 30;
    let days_to_sunday =
        (2 * (year % 4) + 4 * (year % 7) - full_moon_after_equinox + 34).rem_euclid(7);
    let julian_day_of_march = 22 + full_moon_after_equinox + days_to_sunday;
    // How far the Julian calendar lags the Gregorian one after February.
    let calendar_gap = year / 100 - year / 400 - 2;
    julian_day_of_march + calendar_gap
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use jiff::civil::{Weekday, date};
    use proptest::prelude::*;

    fn western(year: i16) -> Date {
        easter_sunday(year, Reckoning::Western).unwrap()
    }

    fn orthodox(year: i16) -> Date {
        easter_sunday(year, Reckoning::Orthodox).unwrap()
    }

    #[test]
    fn western_easter_of_known_years() {
        let known = [
            (1900, 4, 15),
            (1954, 4, 18),
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ];
        for (year, month, day) in known {
            assert_eq!(western(year), date(year, month, day), "{year}");
        }
    }

    #[test]
    fn orthodox_easter_of_known_years() {
        let known = [
            (2000, 4, 30),
            (2008, 4, 27),
            (2010, 4, 4),
            (2011, 4, 24),
            (2019, 4, 28),
            (2020, 4, 19),
            (2021, 5, 2),
            (2023, 4, 16),
            (2024, 5, 5),
            (2025, 4, 20),
            (2026, 4, 12),
            (2027, 5, 2),
        ];
        for (year, month, day) in known {
            assert_eq!(orthodox(year), date(year, month, day), "{year}");
        }
    }

    #[test]
    fn both_reckonings_can_fall_on_the_same_day() {
        assert_eq!(western(2025), orthodox(2025));
        assert_eq!(western(2017), orthodox(2017));
    }

    #[test]
    fn years_outside_the_supported_range_have_no_answer() {
        assert_eq!(easter_sunday(1582, Reckoning::Western), None);
        assert_eq!(easter_sunday(-4, Reckoning::Orthodox), None);
        assert_eq!(easter_sunday(10000, Reckoning::Western), None);
        assert!(easter_sunday(9999, Reckoning::Orthodox).is_some());
        assert!(easter_sunday(1583, Reckoning::Western).is_some());
    }

    #[test]
    fn reckoning_reads_lower_case_names() {
        let parsed: Reckoning = toml::Value::String("orthodox".into()).try_into().unwrap();
        assert_eq!(parsed, Reckoning::Orthodox);
    }

    proptest! {
        #[test]
        fn easter_is_a_sunday_in_spring(year in 1900i16..=2099) {
            let western = western(year);
            prop_assert_eq!(western.weekday(), Weekday::Sunday);
            prop_assert!(matches!(western.month(), 3 | 4), "{}", western);
            prop_assert!(date(year, 3, 22) <= western && western <= date(year, 4, 25));
            let orthodox = orthodox(year);
            prop_assert_eq!(orthodox.weekday(), Weekday::Sunday);
            prop_assert!(matches!(orthodox.month(), 4 | 5), "{}", orthodox);
            prop_assert!(orthodox >= western);
        }

        #[test]
        fn easter_is_a_sunday_in_every_supported_year(year in EASTER_YEARS) {
            prop_assert_eq!(western(year).weekday(), Weekday::Sunday);
            prop_assert_eq!(orthodox(year).weekday(), Weekday::Sunday);
            prop_assert_eq!(western(year).year(), year);
            prop_assert_eq!(orthodox(year).year(), year);
        }
    }
}
