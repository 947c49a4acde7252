//! An authority's booking policy and the appointment each service needs.

use super::build::Report;
use super::def::{AppointmentDef, BookingDef};
use super::office::Office;
use super::window::{WindowKind, parse_clock};
use jiff::civil::Time;
use serde_spanned::Spanned;

/// How far ahead people book, when days open, and the limits that keep
/// appointments fair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingPolicy {
    /// The last bookable day is today plus this many days.
    pub horizon_days: u16,
    /// The slots of day D open on D minus this many days...
    pub release_days_ahead: u16,
    /// ...at this local time.
    pub release_at: Time,
    /// How long a slot is held while the person confirms.
    pub hold_minutes: u16,
    /// Changes a person may make themselves; later ones need an operator.
    pub max_reschedules: u8,
    /// No-shows within `no_show_window_days` after which booking is limited.
    pub no_show_limit: u8,
    pub no_show_window_days: u16,
    /// Slot searches and booking attempts per second, in one server process,
    /// above which the waiting room turns on.
    pub waiting_room_threshold_per_second: u32,
    /// People let through the waiting room per second: best the pace at
    /// which places are released, so that those let through find one and
    /// the quickest clicker has no edge over the others.
    pub waiting_room_admit_per_second: u32,
    /// How long after the room opens arrivals draw lots instead of taking
    /// numbers in arrival order.
    pub waiting_room_draw_seconds: u16,
}

impl Default for BookingPolicy {
    fn default() -> Self {
        BookingPolicy {
            horizon_days: 90,
            release_days_ahead: 30,
            release_at: Time::constant(8, 0, 0, 0),
            hold_minutes: 5,
            max_reschedules: 2,
            no_show_limit: 3,
            no_show_window_days: 180,
            waiting_room_threshold_per_second: 200,
            waiting_room_admit_per_second: 100,
            waiting_room_draw_seconds: 5,
        }
    }
}

/// Who chooses the slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppointmentMode {
    /// The person books directly, with or without a case.
    Open,
    /// The person books only from a case the office has accepted.
    AfterAcceptance,
    /// An operator assigns the slot to the applicant.
    Assigned,
}

impl AppointmentMode {
    pub const ALL: [AppointmentMode; 3] = [Self::Open, Self::AfterAcceptance, Self::Assigned];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::AfterAcceptance => "after-acceptance",
            Self::Assigned => "assigned",
        }
    }

    pub fn parse(s: &str) -> Option<AppointmentMode> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

impl std::fmt::Display for AppointmentMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The visit a service needs: at which window, for how long, booked by whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceAppointment {
    pub window: WindowKind,
    pub minutes: u16,
    pub mode: AppointmentMode,
}

pub(super) fn policy(report: &mut Report<'_>, def: Option<&Spanned<BookingDef>>) -> BookingPolicy {
    let defaults = BookingPolicy::default();
    let Some(spanned) = def else {
        return defaults;
    };
    let def = spanned.get_ref();
    fn setting<T: TryFrom<i64>>(
        report: &mut Report<'_>,
        value: Option<&Spanned<i64>>,
        what: &str,
        range: std::ops::RangeInclusive<i64>,
        default: T,
    ) -> T {
        value
            .and_then(|v| report.number(v.span(), what, *v.get_ref(), range))
            .unwrap_or(default)
    }
    let horizon_days = setting(
        report,
        def.horizon_days.as_ref(),
        "horizon_days",
        1..=730,
        defaults.horizon_days,
    );
    let release_days_ahead = setting(
        report,
        def.release_days_ahead.as_ref(),
        "release_days_ahead",
        0..=730,
        defaults.release_days_ahead,
    );
    if release_days_ahead > horizon_days {
        let at = setting_span(def.release_days_ahead.as_ref(), spanned);
        report.at(
            at,
            format!(
                "release_days_ahead is {release_days_ahead}: days cannot open before they are within the horizon of {horizon_days} days"
            ),
        );
    }
    let release_at = match &def.release_at {
        Some(text) => parse_clock(text.get_ref()).unwrap_or_else(|| {
            report.at(
                text.span(),
                format!(
                    "release_at \"{}\" is not a time like \"08:00\"",
                    text.get_ref()
                ),
            );
            defaults.release_at
        }),
        None => defaults.release_at,
    };
    let threshold = setting(
        report,
        def.waiting_room_threshold_per_second.as_ref(),
        "waiting_room_threshold_per_second",
        1..=1_000_000,
        defaults.waiting_room_threshold_per_second,
    );
    let admit = setting(
        report,
        def.waiting_room_admit_per_second.as_ref(),
        "waiting_room_admit_per_second",
        1..=1_000_000,
        defaults.waiting_room_admit_per_second,
    );
    if admit > threshold {
        let at = setting_span(def.waiting_room_admit_per_second.as_ref(), spanned);
        report.at(
            at,
            format!(
                "waiting_room_admit_per_second is {admit}: it cannot exceed the {threshold} per second at which the waiting room turns on"
            ),
        );
    }
    BookingPolicy {
        horizon_days,
        release_days_ahead,
        release_at,
        hold_minutes: setting(
            report,
            def.hold_minutes.as_ref(),
            "hold_minutes",
            1..=60,
            defaults.hold_minutes,
        ),
        max_reschedules: setting(
            report,
            def.max_reschedules.as_ref(),
            "max_reschedules",
            0..=10,
            defaults.max_reschedules,
        ),
        no_show_limit: setting(
            report,
            def.no_show_limit.as_ref(),
            "no_show_limit",
            1..=20,
            defaults.no_show_limit,
        ),
        no_show_window_days: setting(
            report,
            def.no_show_window_days.as_ref(),
            "no_show_window_days",
            1..=730,
            defaults.no_show_window_days,
        ),
        waiting_room_threshold_per_second: threshold,
        waiting_room_admit_per_second: admit,
        waiting_room_draw_seconds: setting(
            report,
            def.waiting_room_draw_seconds.as_ref(),
            "waiting_room_draw_seconds",
            0..=600,
            defaults.waiting_room_draw_seconds,
        ),
    }
}

/// Reads a service's `appointment`; whether the offices can take it is
/// checked by [`fits_offices`] once they are known.
pub(super) fn appointment(
    report: &mut Report<'_>,
    def: Option<&Spanned<AppointmentDef>>,
    service: &str,
) -> Option<ServiceAppointment> {
    let def = def?.get_ref();
    let window = WindowKind::parse(def.window.get_ref());
    if window.is_none() {
        report.at(
            def.window.span(),
            format!(
                "service {service}: unknown window \"{}\": use intake, handover or information",
                def.window.get_ref()
            ),
        );
    }
    let mode = AppointmentMode::parse(def.mode.get_ref());
    if mode.is_none() {
        report.at(
            def.mode.span(),
            format!(
                "service {service}: unknown appointment mode \"{}\": use open, after-acceptance or assigned",
                def.mode.get_ref()
            ),
        );
    }
    let minutes = report.number(
        def.minutes.span(),
        &format!("service {service}: appointment minutes"),
        *def.minutes.get_ref(),
        5..=480,
    );
    Some(ServiceAppointment {
        window: window?,
        minutes: minutes?,
        mode: mode?,
    })
}

/// Every office of the authority must have the service's window, on a grid
/// the appointment's length is a whole number of cells of.
pub(super) fn fits_offices(
    report: &mut Report<'_>,
    def: &Spanned<AppointmentDef>,
    appointment: &ServiceAppointment,
    service: &str,
    offices: &[Office],
) {
    let kind = appointment.window;
    for office in offices {
        match office.window(kind) {
            None => report.at(
                def.get_ref().window.span(),
                format!(
                    "service {service} is booked at the {kind} window, which office {} does not have",
                    office.id
                ),
            ),
            Some(window) if !appointment.minutes.is_multiple_of(window.slot_minutes) => report.at(
                def.get_ref().minutes.span(),
                format!(
                    "service {service}: {} minutes is not a whole number of the {}-minute slots of the {kind} window of office {}",
                    appointment.minutes, window.slot_minutes, office.id
                ),
            ),
            Some(_) => {}
        }
    }
}

/// Where a setting stands in the file, or its table when it is left out.
fn setting_span<T, U>(setting: Option<&Spanned<T>>, table: &Spanned<U>) -> std::ops::Range<usize> {
    setting.map_or(table.span(), Spanned::span)
}
