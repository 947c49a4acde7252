//! An office's windows: the counters of one kind (applications intake,
//! document handover, information), how many there are, the booking grid and
//! the weekly opening hours.

use super::build::Report;
use super::def::{HoursDef, WindowDef};
use jiff::civil::{Time, Weekday};
use serde_spanned::Spanned;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowKind {
    /// Applications are filed and biometrics taken.
    Intake,
    /// Finished documents are handed over.
    Handover,
    /// Questions and public relations.
    Information,
}

impl WindowKind {
    pub const ALL: [WindowKind; 3] = [Self::Intake, Self::Handover, Self::Information];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Intake => "intake",
            Self::Handover => "handover",
            Self::Information => "information",
        }
    }

    pub fn parse(s: &str) -> Option<WindowKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for WindowKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub kind: WindowKind,
    /// Counters of this kind open at once: how many people one grid cell takes.
    pub counters: u16,
    /// The booking grid's step: cells start at each opening and last this long.
    pub slot_minutes: u16,
    pub hours: WeeklyHours,
}

/// Opening intervals for each weekday, sorted and not overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    /// Indexed by days from Monday.
    days: [Vec<(Time, Time)>; 7],
}

impl WeeklyHours {
    /// Hours from intervals already known to be sorted and disjoint.
    pub fn new(days: [Vec<(Time, Time)>; 7]) -> WeeklyHours {
        WeeklyHours { days }
    }

    pub fn intervals(&self, weekday: Weekday) -> &[(Time, Time)] {
        self.days
            .get(usize::try_from(weekday.to_monday_zero_offset()).unwrap_or(0))
            .map_or(&[], Vec::as_slice)
    }
}

/// "HH:MM" on a 24-hour clock.
pub fn parse_clock(text: &str) -> Option<Time> {
    let (h, m) = text.split_once(':')?;
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(h) || !two_digits(m) {
        return None;
    }
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
}

pub(super) fn windows(
    report: &mut Report<'_>,
    defs: &[Spanned<WindowDef>],
    office: &str,
) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::new();
    for def in defs {
        let def = def.get_ref();
        let Some(kind) = WindowKind::parse(def.kind.get_ref()) else {
            report.at(
                def.kind.span(),
                format!(
                    "office {office}: unknown window kind \"{}\": use intake, handover or information",
                    def.kind.get_ref()
                ),
            );
            continue;
        };
        if out.iter().any(|w| w.kind == kind) {
            report.at(
                def.kind.span(),
                format!("office {office}: the {kind} window is defined twice"),
            );
        }
        let what = format!("office {office}, {kind} window");
        let counters = report.number::<u16>(
            def.counters.span(),
            &format!("{what}: counters"),
            *def.counters.get_ref(),
            1..=50,
        );
        let slot_minutes = report.number::<u16>(
            def.slot_minutes.span(),
            &format!("{what}: slot_minutes"),
            *def.slot_minutes.get_ref(),
            5..=120,
        );
        let hours = hours(report, def.hours.get_ref(), &what, slot_minutes);
        if hours.days.iter().all(Vec::is_empty) {
            report.at(def.hours.span(), format!("{what} is never open"));
        }
        if let (Some(counters), Some(slot_minutes)) = (counters, slot_minutes) {
            out.push(Window {
                kind,
                counters,
                slot_minutes,
                hours,
            });
        }
    }
    out
}

fn hours(report: &mut Report<'_>, def: &HoursDef, what: &str, step: Option<u16>) -> WeeklyHours {
    let days = [
        ("mon", &def.mon),
        ("tue", &def.tue),
        ("wed", &def.wed),
        ("thu", &def.thu),
        ("fri", &def.fri),
        ("sat", &def.sat),
        ("sun", &def.sun),
    ];
    WeeklyHours {
        days: days.map(|(day, texts)| intervals(report, texts, &format!("{what}, {day}"), step)),
    }
}

fn intervals(
    report: &mut Report<'_>,
    texts: &[Spanned<String>],
    what: &str,
    step: Option<u16>,
) -> Vec<(Time, Time)> {
    let mut out: Vec<(Time, Time)> = Vec::new();
    for text in texts {
        let parsed = text
            .get_ref()
            .split_once('-')
            .and_then(|(a, b)| Some((parse_clock(a.trim())?, parse_clock(b.trim())?)));
        let Some((open, close)) = parsed else {
            report.at(
                text.span(),
                format!(
                    "{what}: \"{}\" is not an interval like \"08:30-16:30\"",
                    text.get_ref()
                ),
            );
            continue;
        };
        if open >= close {
            report.at(
                text.span(),
                format!("{what}: \"{}\" closes before it opens", text.get_ref()),
            );
            continue;
        }
        if let Some(&(_, previous_close)) = out.last()
            && open < previous_close
        {
            report.at(
                text.span(),
                format!(
                    "{what}: \"{}\" overlaps or comes before the interval listed before it",
                    text.get_ref()
                ),
            );
            continue;
        }
        if let Some(step) = step
            && close.duration_since(open) < jiff::SignedDuration::from_mins(i64::from(step))
        {
            report.at(
                text.span(),
                format!(
                    "{what}: \"{}\" is shorter than one {step}-minute slot",
                    text.get_ref()
                ),
            );
        }
        out.push((open, close));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_are_two_digit_hours_and_minutes() {
        assert_eq!(parse_clock("08:30"), Some(Time::constant(8, 30, 0, 0)));
        assert_eq!(parse_clock("23:59"), Some(Time::constant(23, 59, 0, 0)));
        for bad in ["8:30", "24:00", "08:60", "0830", "08:3a", ""] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }

    #[test]
    fn window_kinds_round_trip() {
        for kind in WindowKind::ALL {
            assert_eq!(WindowKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(WindowKind::parse("cashier"), None);
    }

    #[test]
    fn a_day_without_hours_has_no_intervals() {
        let nine_to_five = (Time::constant(9, 0, 0, 0), Time::constant(17, 0, 0, 0));
        let mut days: [Vec<(Time, Time)>; 7] = Default::default();
        days[2] = vec![nine_to_five];
        let hours = WeeklyHours::new(days);
        assert_eq!(hours.intervals(Weekday::Wednesday), &[nine_to_five]);
        assert!(hours.intervals(Weekday::Sunday).is_empty());
    }
}
