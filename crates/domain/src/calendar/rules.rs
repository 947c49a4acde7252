//! A country's public holidays as written in its calendar file, and the
//! checks that file must pass before a working calendar is built from it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Reckoning;

/// How far from Easter Sunday a movable holiday may fall.
pub const MAX_EASTER_OFFSET: i16 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayRules {
    pub country: String,
    pub easter: Reckoning,
    #[serde(default)]
    pub fixed: Vec<FixedHoliday>,
    #[serde(default)]
    pub movable: Vec<MovableHoliday>,
}

/// A holiday on the same day every year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedHoliday {
    /// "MM-DD".
    pub date: String,
    pub name: String,
    /// First year the holiday applies.
    #[serde(default)]
    pub since: Option<i16>,
    /// Last year the holiday applies.
    #[serde(default)]
    pub until: Option<i16>,
}

/// A holiday a fixed number of days from Easter Sunday; `since` and `until`
/// are years of that Easter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovableHoliday {
    pub easter_offset: i16,
    pub name: String,
    #[serde(default)]
    pub since: Option<i16>,
    #[serde(default)]
    pub until: Option<i16>,
}

/// The years in which a holiday applies, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Years {
    since: Option<i16>,
    until: Option<i16>,
}

impl Years {
    pub(super) fn new(since: Option<i16>, until: Option<i16>) -> Years {
        Years { since, until }
    }

    pub(super) fn include(self, year: i16) -> bool {
        self.since.is_none_or(|since| since <= year) && self.until.is_none_or(|until| year <= until)
    }

    fn overlap(self, other: Years) -> bool {
        let first = self.since.max(other.since).unwrap_or(i16::MIN);
        let last = match (self.until, other.until) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => i16::MAX,
        };
        first <= last
    }
}

/// Month and day of a fixed holiday's "MM-DD", when it is written that way
/// and names a day that exists (29 February included).
pub(super) fn month_and_day(text: &str) -> Option<(i8, i8)> {
    if !is_written_as_month_day(text) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i8>().ok();
    let (month, day) = (number(0..2)?, number(3..5)?);
    // 2000 is a leap year, so 29 February passes.
    Date::new(2000, month, day).ok().map(|_| (month, day))
}

impl FixedHoliday {
    fn label(&self, entry: usize) -> String {
        format!(
            "fixed holiday {:?} ({}, entry {})",
            self.name,
            self.date,
            entry + 1
        )
    }

    pub(super) fn years(&self) -> Years {
        Years::new(self.since, self.until)
    }
}

impl MovableHoliday {
    fn label(&self, entry: usize) -> String {
        format!(
            "movable holiday {:?} (Easter {:+}, entry {})",
            self.name,
            self.easter_offset,
            entry + 1
        )
    }

    pub(super) fn years(&self) -> Years {
        Years::new(self.since, self.until)
    }
}

impl HolidayRules {
    /// Every problem found, each message naming the entry at fault.
    pub fn validate(&self) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        if self.country.trim().is_empty() {
            problems.push("the calendar names no country".to_owned());
        }
        for (entry, holiday) in self.fixed.iter().enumerate() {
            let label = holiday.label(entry);
            check_name_and_years(&label, &holiday.name, holiday.years(), &mut problems);
            if !is_written_as_month_day(&holiday.date) {
                problems.push(format!(
                    "{label}: the date must be written MM-DD, like \"05-01\""
                ));
            } else if month_and_day(&holiday.date).is_none() {
                problems.push(format!("{label}: no year has a day {:?}", holiday.date));
            }
            let earlier = self.fixed[..entry].iter().enumerate().find(|(_, other)| {
                other.date == holiday.date && other.years().overlap(holiday.years())
            });
            if let Some((other_entry, other)) = earlier {
                problems.push(format!("{label}: repeats {}", other.label(other_entry)));
            }
        }
        for (entry, holiday) in self.movable.iter().enumerate() {
            let label = holiday.label(entry);
            check_name_and_years(&label, &holiday.name, holiday.years(), &mut problems);
            if holiday.easter_offset.unsigned_abs() > MAX_EASTER_OFFSET.unsigned_abs() {
                problems.push(format!(
                    "{label}: the offset is beyond {MAX_EASTER_OFFSET} days from Easter"
                ));
            }
            let earlier = self.movable[..entry].iter().enumerate().find(|(_, other)| {
                other.easter_offset == holiday.easter_offset
                    && other.years().overlap(holiday.years())
            });
            if let Some((other_entry, other)) = earlier {
                problems.push(format!("{label}: repeats {}", other.label(other_entry)));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

fn is_written_as_month_day(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 5
        && bytes[2] == b'-'
        && [0, 1, 3, 4]
            .iter()
            .all(|&index| bytes[index].is_ascii_digit())
}

fn check_name_and_years(label: &str, name: &str, years: Years, problems: &mut Vec<String>) {
    if name.trim().is_empty() {
        problems.push(format!("{label}: the holiday has no name"));
    }
    if let (Some(since), Some(until)) = (years.since, years.until)
        && since > until
    {
        problems.push(format!("{label}: since {since} is after until {until}"));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn fixed(date: &str, name: &str, since: Option<i16>, until: Option<i16>) -> FixedHoliday {
        FixedHoliday {
            date: date.into(),
            name: name.into(),
            since,
            until,
        }
    }

    fn movable(offset: i16, name: &str) -> MovableHoliday {
        MovableHoliday {
            easter_offset: offset,
            name: name.into(),
            since: None,
            until: None,
        }
    }

    fn rules(fixed: Vec<FixedHoliday>, movable: Vec<MovableHoliday>) -> HolidayRules {
        HolidayRules {
            country: "RO".into(),
            easter: Reckoning::Orthodox,
            fixed,
            movable,
        }
    }

    fn problems(rules: &HolidayRules) -> Vec<String> {
        rules.validate().unwrap_err()
    }

    #[test]
    fn sound_rules_pass() {
        let sound = rules(
            vec![
                fixed("01-01", "New Year's Day", None, None),
                fixed("02-29", "Leap Day", None, None),
            ],
            vec![
                movable(-2, "Good Friday"),
                movable(0, "Easter Sunday"),
                movable(100, "Far"),
            ],
        );
        assert_eq!(sound.validate(), Ok(()));
    }

    #[test]
    fn badly_written_dates_are_named() {
        for bad in [
            "1-01",
            "01/01",
            "0101",
            "01-1",
            "aa-bb",
            "01-01 ",
            "１２-01",
        ] {
            let found = problems(&rules(vec![fixed(bad, "Odd", None, None)], vec![]));
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert!(found[0].contains("must be written MM-DD"), "{}", found[0]);
            assert!(found[0].contains("\"Odd\""), "{}", found[0]);
        }
    }

    #[test]
    fn impossible_dates_are_named() {
        for impossible in ["02-30", "04-31", "13-01", "00-10", "01-00", "12-32"] {
            let found = problems(&rules(
                vec![fixed(impossible, "Nowhere", None, None)],
                vec![],
            ));
            assert_eq!(
                found,
                [format!(
                    "fixed holiday \"Nowhere\" ({impossible}, entry 1): no year has a day \"{impossible}\""
                )]
            );
        }
    }

    #[test]
    fn duplicates_are_named_unless_their_years_do_not_meet() {
        let found = problems(&rules(
            vec![
                fixed("05-01", "Labour Day", None, None),
                fixed("05-01", "May Day", Some(2000), None),
            ],
            vec![movable(1, "Easter Monday"), movable(1, "Second Easter Day")],
        ));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("\"May Day\" (05-01, entry 2): repeats fixed holiday \"Labour Day\"")
        );
        assert!(found[1].contains("\"Second Easter Day\" (Easter +1, entry 2): repeats"));
        let successive = rules(
            vec![
                fixed("05-01", "Labour Day", None, Some(1999)),
                fixed("05-01", "Labour Day", Some(2000), None),
            ],
            vec![],
        );
        assert_eq!(successive.validate(), Ok(()));
    }

    #[test]
    fn since_after_until_is_named() {
        let found = problems(&rules(
            vec![fixed("12-24", "Christmas Eve", Some(2020), Some(2010))],
            vec![],
        ));
        assert_eq!(
            found,
            ["fixed holiday \"Christmas Eve\" (12-24, entry 1): since 2020 is after until 2010"]
        );
        let mut late = movable(-2, "Good Friday");
        late.since = Some(2018);
        late.until = Some(2017);
        assert_eq!(problems(&rules(vec![], vec![late])).len(), 1);
    }

    #[test]
    fn offsets_beyond_a_hundred_days_are_named() {
        let found = problems(&rules(
            vec![],
            vec![movable(101, "Too late"), movable(-150, "Too early")],
        ));
        assert_eq!(found.len(), 2);
        assert!(found[0].starts_with("movable holiday \"Too late\" (Easter +101, entry 1)"));
        assert!(found[1].contains("beyond 100 days"));
        assert_eq!(
            rules(vec![], vec![movable(-100, "Edge")]).validate(),
            Ok(())
        );
    }

    #[test]
    fn nameless_holidays_and_countryless_calendars_are_refused() {
        let mut nameless = rules(vec![fixed("01-01", " ", None, None)], vec![]);
        nameless.country = String::new();
        let found = problems(&nameless);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn unknown_fields_are_refused_when_reading() {
        let text = "country = \"RO\"\neaster = \"orthodox\"\n[[fixed]]\ndate = \"01-01\"\nname = \"x\"\nsince_year = 1990\n";
        assert!(toml::from_str::<HolidayRules>(text).is_err());
        let text = "country = \"RO\"\neaster = \"julian\"\n";
        assert!(toml::from_str::<HolidayRules>(text).is_err());
    }

    #[test]
    fn years_include_and_overlap() {
        let always = Years::new(None, None);
        let from_2010 = Years::new(Some(2010), None);
        let until_2009 = Years::new(None, Some(2009));
        assert!(always.include(1900) && from_2010.include(2010) && !from_2010.include(2009));
        assert!(until_2009.include(2009) && !until_2009.include(2010));
        assert!(!from_2010.overlap(until_2009));
        assert!(always.overlap(from_2010) && always.overlap(until_2009));
        assert!(Years::new(Some(2000), Some(2010)).overlap(Years::new(Some(2010), Some(2020))));
    }
}
