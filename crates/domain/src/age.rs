//! Ages and date spans, with one rule for 29 February everywhere: a date
//! N years or months on that does not exist becomes the last day of its month.

use jiff::ToSpan;
use jiff::civil::Date;

/// `date` moved `years` years on; 29 February becomes 28 February in a common year.
pub fn add_years(date: Date, years: i16) -> Option<Date> {
    date.checked_add(i64::from(years).years()).ok()
}

/// `date` moved `months` months on; a missing day becomes the month's last day.
pub fn add_months(date: Date, months: i32) -> Option<Date> {
    date.checked_add(i64::from(months).months()).ok()
}

/// The holder's birthday of age `age` (29 February births have it on
/// 28 February in common years).
pub fn birthday(birth: Date, age: i16) -> Option<Date> {
    add_years(birth, age)
}

/// Completed years on `on`: the largest n whose birthday is on or before `on`.
/// `None` when `on` is before `birth`.
pub fn completed_years(birth: Date, on: Date) -> Option<i16> {
    if on < birth {
        return None;
    }
    let mut age = on.year() - birth.year();
    match birthday(birth, age) {
        Some(day) if day <= on => {}
        _ => age -= 1,
    }
    Some(age)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn age_turns_on_the_birthday() {
        let birth = date(2014, 11, 23);
        assert_eq!(completed_years(birth, date(2026, 11, 22)), Some(11));
        assert_eq!(completed_years(birth, date(2026, 11, 23)), Some(12));
        assert_eq!(completed_years(birth, birth), Some(0));
        assert_eq!(completed_years(birth, date(2014, 11, 22)), None);
    }

    #[test]
    fn leap_day_births_have_their_birthday_on_28_february_in_common_years() {
        let birth = date(2012, 2, 29);
        assert_eq!(completed_years(birth, date(2026, 2, 27)), Some(13));
        assert_eq!(completed_years(birth, date(2026, 2, 28)), Some(14));
        assert_eq!(completed_years(birth, date(2028, 2, 28)), Some(15));
        assert_eq!(completed_years(birth, date(2028, 2, 29)), Some(16));
        assert_eq!(birthday(birth, 14), Some(date(2026, 2, 28)));
        assert_eq!(add_years(date(2024, 2, 29), 5), Some(date(2029, 2, 28)));
        assert_eq!(add_months(date(2026, 1, 31), 1), Some(date(2026, 2, 28)));
        assert_eq!(add_months(date(2027, 2, 28), 12), Some(date(2028, 2, 28)));
    }

    proptest! {
        #[test]
        fn age_is_consistent_with_birthdays(
            b in 0i32..60_000, d in 0i32..60_000
        ) {
            let base = date(1900, 1, 1);
            let birth = base.checked_add(b.days()).unwrap();
            let on = birth.checked_add(d.days()).unwrap();
            let age = completed_years(birth, on).unwrap();
            prop_assert!(age >= 0);
            prop_assert!(birthday(birth, age).unwrap() <= on);
            prop_assert!(birthday(birth, age + 1).unwrap() > on);
        }
    }
}
