//! Public holidays and working days, for deadlines counted in working days.
//!
//! Each country's holidays are data (`catalogue/calendars/*.toml`) read into
//! [`HolidayRules`]; a [`WorkingCalendar`] built from them answers which days
//! are working days and counts them.

mod easter;
mod rules;
mod working;

pub use easter::{EASTER_YEARS, Reckoning, easter_sunday};
pub use rules::{FixedHoliday, HolidayRules, MAX_EASTER_OFFSET, MovableHoliday};
pub use working::{TimeLeft, WorkingCalendar};
