//! Working days of one country: weekdays that are not public holidays.

use jiff::Span;
use jiff::civil::{Date, Weekday};

use super::rules::{Years, month_and_day};
use super::{HolidayRules, Reckoning, easter_sunday};

/// Days left until a deadline; negative once it has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeLeft {
    pub days: i64,
    /// Whether the days are working days (else calendar days).
    pub working: bool,
}

/// A country's working days, built from rules that passed validation.
///
/// Day counting stops at the last date a civil date can hold (31 December
/// 9999): a count that would go past it answers that date.
#[derive(Debug, Clone)]
pub struct WorkingCalendar {
    country: String,
    easter: Reckoning,
    fixed: Vec<FixedDay>,
    movable: Vec<MovableDay>,
}

#[derive(Debug, Clone)]
struct FixedDay {
    month: i8,
    day: i8,
    years: Years,
    name: String,
}

#[derive(Debug, Clone)]
struct MovableDay {
    easter_offset: i16,
    years: Years,
    name: String,
}

/// Easter of one year and of the next, as days of that year, so that each day
/// checked against the movable holidays costs no date arithmetic.
#[derive(Debug, Clone, Copy)]
struct EasterDays {
    year: i16,
    this_easter: Option<i16>,
    next_easter: Option<i16>,
}

impl EasterDays {
    fn of(year: i16, reckoning: Reckoning) -> EasterDays {
        let day_of_year =
            |year: i16| easter_sunday(year, reckoning).map(|easter| easter.day_of_year());
        EasterDays {
            year,
            this_easter: day_of_year(year),
            next_easter: year.checked_add(1).and_then(day_of_year),
        }
    }

    /// The days from each Easter to `date`, with the year of that Easter.
    /// The next year's Easter counts because an offset far before an early
    /// Easter reaches back into December.
    fn offsets(&self, date: Date) -> [Option<(i16, i16)>; 2] {
        let day = date.day_of_year();
        [
            self.this_easter.map(|easter| (self.year, day - easter)),
            self.next_easter
                .map(|easter| (self.year + 1, day - date.days_in_year() - easter)),
        ]
    }
}

impl WorkingCalendar {
    pub fn new(rules: HolidayRules) -> Result<WorkingCalendar, Vec<String>> {
        rules.validate()?;
        let fixed = rules
            .fixed
            .iter()
            .filter_map(|holiday| {
                let (month, day) = month_and_day(&holiday.date)?;
                Some(FixedDay {
                    month,
                    day,
                    years: holiday.years(),
                    name: holiday.name.clone(),
                })
            })
            .collect();
        let movable = rules
            .movable
            .iter()
            .map(|holiday| MovableDay {
                easter_offset: holiday.easter_offset,
                years: holiday.years(),
                name: holiday.name.clone(),
            })
            .collect();
        Ok(WorkingCalendar {
            country: rules.country,
            easter: rules.easter,
            fixed,
            movable,
        })
    }

    pub fn country(&self) -> &str {
        &self.country
    }

    /// The holidays of `year` in date order; a date with several holidays
    /// appears once, with their names joined by " / ".
    pub fn holidays(&self, year: i16) -> Vec<(Date, String)> {
        let mut found: Vec<(Date, &str)> = self
            .fixed
            .iter()
            .filter(|holiday| holiday.years.include(year))
            .filter_map(|holiday| {
                let date = Date::new(year, holiday.month, holiday.day).ok()?;
                Some((date, holiday.name.as_str()))
            })
            .collect();
        let easter_years = [year.checked_sub(1), Some(year), year.checked_add(1)];
        for easter_year in easter_years.into_iter().flatten() {
            let Some(easter) = easter_sunday(easter_year, self.easter) else {
                continue;
            };
            for holiday in self.movable.iter().filter(|h| h.years.include(easter_year)) {
                if let Some(date) = days_after(easter, i64::from(holiday.easter_offset))
                    && date.year() == year
                {
                    found.push((date, holiday.name.as_str()));
                }
            }
        }
        found.sort_by_key(|(date, _)| *date);
        let mut merged: Vec<(Date, String)> = Vec::with_capacity(found.len());
        for (date, name) in found {
            match merged.last_mut() {
                Some((last, names)) if *last == date => {
                    if !names.split(" / ").any(|known| known == name) {
                        names.push_str(" / ");
                        names.push_str(name);
                    }
                }
                _ => merged.push((date, name.to_owned())),
            }
        }
        merged
    }

    pub fn is_holiday(&self, date: Date) -> bool {
        self.is_holiday_with(date, &mut EasterDays::of(date.year(), self.easter))
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        self.is_working_day_with(date, &mut EasterDays::of(date.year(), self.easter))
    }

    /// The `n`th working day strictly after `date`; `date` itself when `n` is 0.
    pub fn nth_working_day_after(&self, date: Date, n: u32) -> Date {
        let mut easter = EasterDays::of(date.year(), self.easter);
        let mut current = date;
        let mut remaining = n;
        while remaining > 0 {
            let Ok(next) = current.tomorrow() else {
                return current;
            };
            current = next;
            if self.is_working_day_with(current, &mut easter) {
                remaining -= 1;
            }
        }
        current
    }

    pub fn nth_calendar_day_after(&self, date: Date, n: u32) -> Date {
        days_after(date, i64::from(n)).unwrap_or(Date::MAX)
    }

    /// `date` when it is a working day, otherwise the next working day.
    pub fn same_day(&self, date: Date) -> Date {
        if self.is_working_day(date) {
            date
        } else {
            self.nth_working_day_after(date, 1)
        }
    }

    /// How many working days `d` have `from < d <= to`; negative, counting
    /// the other way, when `to` is before `from`.
    pub fn working_days_between(&self, from: Date, to: Date) -> i32 {
        if to < from {
            -self.count_working_days(to, from)
        } else {
            self.count_working_days(from, to)
        }
    }

    /// The time from `today` to `deadline`, counted in the days the term
    /// that set the deadline counts: working days for a working-day term,
    /// calendar days for any other.
    pub fn time_left(&self, working: bool, today: Date, deadline: Date) -> TimeLeft {
        let days = if working {
            i64::from(self.working_days_between(today, deadline))
        } else {
            today
                .until(deadline)
                .map_or(0, |span| i64::from(span.get_days()))
        };
        TimeLeft { days, working }
    }

    fn count_working_days(&self, after: Date, through: Date) -> i32 {
        let mut easter = EasterDays::of(after.year(), self.easter);
        let mut current = after;
        let mut count = 0;
        while current < through {
            let Ok(next) = current.tomorrow() else {
                break;
            };
            current = next;
            if self.is_working_day_with(current, &mut easter) {
                count += 1;
            }
        }
        count
    }

    fn is_working_day_with(&self, date: Date, easter: &mut EasterDays) -> bool {
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.is_holiday_with(date, easter)
    }

    fn is_holiday_with(&self, date: Date, easter: &mut EasterDays) -> bool {
        let year = date.year();
        let fixed = self.fixed.iter().any(|holiday| {
            holiday.month == date.month()
                && holiday.day == date.day()
                && holiday.years.include(year)
        });
        if fixed || self.movable.is_empty() {
            return fixed;
        }
        if easter.year != year {
            *easter = EasterDays::of(year, self.easter);
        }
        easter
            .offsets(date)
            .into_iter()
            .flatten()
            .any(|(easter_year, offset)| {
                self.movable.iter().any(|holiday| {
                    holiday.easter_offset == offset && holiday.years.include(easter_year)
                })
            })
    }
}

fn days_after(date: Date, days: i64) -> Option<Date> {
    date.checked_add(Span::new().try_days(days).ok()?).ok()
}

#[cfg(test)]
#[path = "working_tests.rs"]
mod tests;
