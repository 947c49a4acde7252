//! Which slots a window offers on a day, and whether a chosen start can be
//! booked now. Hours are civil times in the office's zone; slots are instants.

use crate::calendar::WorkingCalendar;
use crate::catalogue::{BookingPolicy, Office, Window, WindowKind};
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};
use std::fmt;

/// A one-off closure entered by an administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub date: Date,
    /// The closed window; `None` closes the whole office.
    pub window: Option<WindowKind>,
    pub reason: String,
}

/// A bookable stretch of time and the grid cells it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub start: Timestamp,
    pub end: Timestamp,
    /// The starts of the consecutive grid cells the appointment occupies.
    pub cells: Vec<Timestamp>,
}

/// Why a start cannot be booked, in the order they are checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlotRefusal {
    InPast,
    BeyondHorizon {
        last_day: Date,
    },
    NotReleased {
        opens_at: Timestamp,
    },
    Holiday {
        name: String,
    },
    Closed {
        reason: String,
    },
    OutsideHours,
    /// Within opening hours, but not at the start of a grid cell.
    NotOnGrid,
}

impl fmt::Display for SlotRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InPast => f.write_str("the slot has already started"),
            Self::BeyondHorizon { last_day } => {
                write!(f, "appointments can be booked up to {last_day}")
            }
            Self::NotReleased { opens_at } => {
                write!(f, "the slots of that day open for booking at {opens_at}")
            }
            Self::Holiday { name } => write!(f, "the office is closed on that day: {name}"),
            Self::Closed { reason } => write!(f, "the office is closed on that day: {reason}"),
            Self::OutsideHours => f.write_str("the window is not open at that time"),
            Self::NotOnGrid => f.write_str("appointments do not start at that time"),
        }
    }
}

impl std::error::Error for SlotRefusal {}

/// One window of one office, with what decides its open days.
#[derive(Debug, Clone, Copy)]
pub struct Schedule<'a> {
    pub office: &'a Office,
    pub window: &'a Window,
    pub calendar: &'a WorkingCalendar,
    pub policy: &'a BookingPolicy,
    pub closures: &'a [Closure],
}

impl Schedule<'_> {
    fn zone(&self) -> &TimeZone {
        &self.office.time_zone
    }

    fn step(&self) -> SignedDuration {
        SignedDuration::from_mins(i64::from(self.window.slot_minutes.max(1)))
    }

    fn today(&self, now: Timestamp) -> Date {
        now.to_zoned(self.zone().clone()).date()
    }

    fn closure(&self, date: Date) -> Option<&Closure> {
        self.closures
            .iter()
            .find(|c| c.date == date && c.window.is_none_or(|kind| kind == self.window.kind))
    }

    fn holiday(&self, date: Date) -> Option<String> {
        if !self.calendar.is_holiday(date) {
            return None;
        }
        let name = self
            .calendar
            .holidays(date.year())
            .into_iter()
            .find(|(d, _)| *d == date)
            .map_or_else(|| "public holiday".to_string(), |(_, name)| name);
        Some(name)
    }

    /// The grid cells of one day in civil time, one list per opening interval.
    fn civil_cells(&self, date: Date) -> Vec<Vec<DateTime>> {
        let step = self.step();
        self.window
            .hours
            .intervals(date.weekday())
            .iter()
            .map(|&(open, close)| {
                let mut cells = Vec::new();
                let mut start = open;
                while let Ok(end) = start.checked_add(step) {
                    // A cell that would run past midnight wraps to a smaller time.
                    if end > close || end <= start {
                        break;
                    }
                    cells.push(date.to_datetime(start));
                    start = end;
                }
                cells
            })
            .collect()
    }

    /// Every slot of `minutes` on `date`, earliest first.
    pub fn slots_on(&self, date: Date, minutes: u16) -> Vec<Slot> {
        if self.holiday(date).is_some() || self.closure(date).is_some() {
            return Vec::new();
        }
        let needed = usize::from(minutes.max(1).div_ceil(self.window.slot_minutes.max(1)));
        let length = SignedDuration::from_mins(i64::from(minutes));
        let mut slots = Vec::new();
        for cells in self.civil_cells(date) {
            for run in cells.windows(needed) {
                if let Some(slot) = self.slot(run, length) {
                    slots.push(slot);
                }
            }
        }
        slots
    }

    /// A slot over consecutive civil cells, unless a clock change removes one.
    fn slot(&self, run: &[DateTime], length: SignedDuration) -> Option<Slot> {
        let first = *run.first()?;
        let cells = run
            .iter()
            .map(|&cell| instant(self.zone(), cell))
            .collect::<Option<Vec<_>>>()?;
        let start = *cells.first()?;
        // An end that falls in a gap is as far from the start as the length.
        let end = first
            .checked_add(length)
            .ok()
            .and_then(|end| instant(self.zone(), end))
            .or_else(|| start.checked_add(length).ok())?;
        let rising = cells.windows(2).all(|pair| pair[0] < pair[1]);
        (rising && start < end).then_some(Slot { start, end, cells })
    }

    /// Checks that a slot of `minutes` starting at `start` may be booked at `now`.
    pub fn check(
        &self,
        start: Timestamp,
        minutes: u16,
        now: Timestamp,
    ) -> Result<Slot, SlotRefusal> {
        if start <= now {
            return Err(SlotRefusal::InPast);
        }
        let local = start.to_zoned(self.zone().clone());
        let date = local.date();
        let last_day = self.last_day(now);
        if date > last_day {
            return Err(SlotRefusal::BeyondHorizon { last_day });
        }
        let opens_at = self.release_of(date);
        if now < opens_at {
            return Err(SlotRefusal::NotReleased { opens_at });
        }
        if let Some(name) = self.holiday(date) {
            return Err(SlotRefusal::Holiday { name });
        }
        if let Some(closure) = self.closure(date) {
            return Err(SlotRefusal::Closed {
                reason: closure.reason.clone(),
            });
        }
        if let Some(slot) = self
            .slots_on(date, minutes)
            .into_iter()
            .find(|s| s.start == start)
        {
            return Ok(slot);
        }
        let time = local.time();
        let on_grid = self
            .civil_cells(date)
            .iter()
            .flatten()
            .any(|cell| instant(self.zone(), *cell) == Some(start));
        let open = self
            .window
            .hours
            .intervals(date.weekday())
            .iter()
            .any(|&(from, to)| from <= time && time < to);
        // A grid start too late for the whole appointment is outside hours.
        Err(if open && !on_grid {
            SlotRefusal::NotOnGrid
        } else {
            SlotRefusal::OutsideHours
        })
    }

    /// The last local date that can be booked at `now`.
    pub fn last_day(&self, now: Timestamp) -> Date {
        let today = self.today(now);
        today
            .checked_add(jiff::Span::new().days(i64::from(self.policy.horizon_days)))
            .unwrap_or(Date::MAX)
    }

    /// The slots of `date` that `check` would accept at `now`, worked out
    /// once for the day rather than slot by slot.
    pub fn bookable_on(&self, date: Date, minutes: u16, now: Timestamp) -> Vec<Slot> {
        if !self.takes_bookings_on(date, now) {
            return Vec::new();
        }
        let mut slots = self.slots_on(date, minutes);
        slots.retain(|slot| slot.start > now);
        slots
    }

    /// Whether `date` is released and within the horizon at `now`; its
    /// slots still ahead of `now` may then be booked.
    pub fn takes_bookings_on(&self, date: Date, now: Timestamp) -> bool {
        date <= self.last_day(now) && self.release_of(date) <= now
    }

    /// When the slots of `date` open for booking.
    pub fn release_of(&self, date: Date) -> Timestamp {
        let days = jiff::Span::new().days(i64::from(self.policy.release_days_ahead));
        date.checked_sub(days)
            .ok()
            .and_then(|day| release_instant(self.zone(), day, self.policy.release_at))
            .unwrap_or(Timestamp::MIN)
    }

    /// The days from today to the horizon that are released and have slots
    /// left to book: today counts only while a cell is still ahead.
    pub fn open_days(&self, now: Timestamp) -> Vec<Date> {
        let last_day = self.last_day(now);
        let mut days = Vec::new();
        let mut date = self.today(now);
        while date <= last_day {
            if self.release_of(date) <= now
                && self
                    .slots_on(date, self.window.slot_minutes)
                    .iter()
                    .any(|s| s.start > now)
            {
                days.push(date);
            }
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        days
    }
}

/// The instant of a civil time: none in a gap, the earlier one in a fold.
fn instant(zone: &TimeZone, civil: DateTime) -> Option<Timestamp> {
    let ambiguous = zone.to_ambiguous_timestamp(civil);
    match ambiguous.offset() {
        AmbiguousOffset::Gap { .. } => None,
        _ => ambiguous.earlier().ok(),
    }
}

/// A release time that falls in a gap opens at the end of the gap.
fn release_instant(zone: &TimeZone, day: Date, at: Time) -> Option<Timestamp> {
    zone.to_ambiguous_timestamp(day.to_datetime(at))
        .compatible()
        .ok()
}
