//! Business refusals: what a use case declined to do and why, typed per area.
//! Each carries the data its message needs, a stable machine `code()` (the
//! last part of the problem `type` URI), a `kind()` saying what sort of
//! refusal it is, and `args()` for its message. The words themselves live in
//! the Fluent messages (`problems.ftl`); the web crate renders them, in
//! English for the API and in the page's language for pages.

mod case;
mod document;
mod fee_order;

pub use case::CaseRefusal;
pub use document::DocumentRefusal;
pub use fee_order::{FeeOrderRefusal, MAX_FEE_ORDER_CASES};
use ghiseu_i18n::{Arg, number_arg, text_arg};
use jiff::Zoned;
use jiff::civil::Date;

/// What sort of refusal this is; the web answers each with its own status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalKind {
    /// Well formed, but it cannot apply to what it names.
    Unprocessable,
    /// Not allowed for this person, for a reason they can act on.
    Forbidden,
    /// What the request asks for is taken or no longer possible.
    Taken,
    /// Too many requests, or a place in the waiting room: ask again later.
    TooMany,
    /// What the request names is not there (or not the person's to see).
    NotFound,
}

/// Every business refusal, by area.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("{}", .0.code())]
    Booking(#[from] BookingRefusal),
    #[error("{}", .0.code())]
    Office(#[from] OfficeRefusal),
    #[error("{}", .0.code())]
    Payment(#[from] PaymentRefusal),
    #[error("{}", .0.code())]
    Case(#[from] CaseRefusal),
    #[error("{}", .0.code())]
    Document(#[from] DocumentRefusal),
    #[error("{}", .0.code())]
    FeeOrder(#[from] FeeOrderRefusal),
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Booking(r) => r.code(),
            Refusal::Office(r) => r.code(),
            Refusal::Payment(r) => r.code(),
            Refusal::Case(r) => r.code(),
            Refusal::Document(r) => r.code(),
            Refusal::FeeOrder(r) => r.code(),
        }
    }

    pub fn kind(&self) -> RefusalKind {
        match self {
            Refusal::Booking(r) => r.kind(),
            Refusal::Office(r) => r.kind(),
            Refusal::Payment(r) => r.kind(),
            Refusal::Case(r) => r.kind(),
            Refusal::Document(r) => r.kind(),
            Refusal::FeeOrder(r) => r.kind(),
        }
    }

    /// The named values its message uses.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Refusal::Booking(r) => r.args(),
            Refusal::Office(r) => r.args(),
            Refusal::Payment(r) => r.args(),
            Refusal::Case(r) => r.args(),
            Refusal::Document(r) => r.args(),
            Refusal::FeeOrder(r) => r.args(),
        }
    }

    /// Seconds to wait before asking again, for `TooMany` refusals.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Refusal::Booking(BookingRefusal::TooManyRequests { retry_after })
            | Refusal::Booking(BookingRefusal::WaitingRoom { retry_after, .. }) => {
                Some(*retry_after)
            }
            Refusal::Document(DocumentRefusal::TooManyChecks { retry_after }) => Some(*retry_after),
            _ => None,
        }
    }

    /// For a full slot: the slots nearby that still have room (perhaps
    /// none), when the refusal offers them.
    pub fn nearby(&self) -> Option<&[Nearby]> {
        match self {
            Refusal::Booking(BookingRefusal::SlotFull {
                nearby: Some(nearby),
                ..
            }) => Some(nearby),
            _ => None,
        }
    }

    /// How many people are ahead in the waiting room.
    pub fn place(&self) -> Option<u64> {
        match self {
            Refusal::Booking(BookingRefusal::WaitingRoom { ahead, .. }) => Some(*ahead),
            _ => None,
        }
    }

    /// One refusal of every variant of every area, for checks that each has
    /// its messages. Each area's walk (`after`) is an exhaustive match, so a
    /// new variant does not compile until it has its place in the walk; a
    /// new area is a new arm in `code()` and then a walk here.
    pub fn examples() -> Vec<Refusal> {
        let mut all: Vec<Refusal> = walk(BookingRefusal::FIRST, BookingRefusal::after)
            .into_iter()
            .map(Refusal::Booking)
            .collect();
        all.extend(
            walk(OfficeRefusal::FIRST, OfficeRefusal::after)
                .into_iter()
                .map(Refusal::Office),
        );
        all.extend(
            walk(PaymentRefusal::first(), PaymentRefusal::after)
                .into_iter()
                .map(Refusal::Payment),
        );
        all.extend(
            walk(CaseRefusal::FIRST, CaseRefusal::after)
                .into_iter()
                .map(Refusal::Case),
        );
        all.extend(
            walk(DocumentRefusal::FIRST, DocumentRefusal::after)
                .into_iter()
                .map(Refusal::Document),
        );
        all.extend(
            walk(FeeOrderRefusal::FIRST, FeeOrderRefusal::after)
                .into_iter()
                .map(Refusal::FeeOrder),
        );
        all
    }
}

/// Follows `after` from `first` to the end of an area's variants.
fn walk<T>(first: T, after: fn(&T) -> Option<T>) -> Vec<T> {
    let mut all = Vec::new();
    let mut next = Some(first);
    // Bounded, so a walk that loops back fails the checks instead of hanging.
    while let Some(current) = next.take() {
        if all.len() > 1000 {
            break;
        }
        next = after(&current);
        all.push(current);
    }
    all
}

/// Who already has an appointment for the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// The person booking.
    Yourself,
    /// Someone else named in the booking.
    Other,
    /// The applicant of a case the office gives an appointment for.
    Applicant,
}

impl Busy {
    fn as_str(self) -> &'static str {
        match self {
            Busy::Yourself => "yourself",
            Busy::Other => "other",
            Busy::Applicant => "applicant",
        }
    }
}

/// A slot offered in place of a full one.
#[derive(Debug, Clone, PartialEq)]
pub struct Nearby {
    /// The start, in the office's time zone.
    pub start: Zoned,
    pub end: jiff::Timestamp,
    /// How many more people it takes.
    pub free: i64,
}

/// Refusals of bookings: holding, confirming, moving, cancelling and
/// assigning appointments.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.code())]
pub enum BookingRefusal {
    /// No service has this id.
    UnknownService {
        service: String,
    },
    /// No appointment of the person's has this id.
    NoSuchAppointment,
    /// No application of the person's has this id.
    NoSuchApplication,
    /// The service needs no visit to the counter.
    NoAppointments {
        service: String,
    },
    /// The office does not offer the service; `offered` are the ones that do.
    UnknownOffice {
        office: String,
        offered: Vec<String>,
    },
    /// The office has no window of the kind the service is served at.
    NoWindow {
        office: String,
        window: String,
    },
    SlotInPast,
    OutsideOpeningHours,
    PublicHoliday {
        name: String,
    },
    OfficeClosed {
        reason: String,
    },
    BeyondHorizon {
        last_day: Date,
    },
    /// Slots for the day open for booking at `opens_at` (office time).
    NotReleased {
        opens_at: Zoned,
    },
    NotASlotStart {
        slot_minutes: u16,
    },
    /// Too few or too many people named.
    HolderCount {
        most: u32,
    },
    /// Someone named twice.
    HolderTwice,
    /// `name` is not a child in the person's household.
    NotInHousehold {
        name: String,
    },
    /// The office gives this service's appointments itself.
    AssignedByOffice,
    /// The service's appointments are booked from an application.
    CaseRequired,
    /// The application is not accepted yet (or is for another service).
    CaseNotAccepted,
    /// The case is not between acceptance and its document being made.
    CaseNotReadyToAssign,
    /// The case has no office yet.
    CaseWithoutOffice,
    /// The application is handled at another office.
    CaseOffice {
        office: String,
    },
    /// For this service the applicant books; the office gives none.
    NotAssignedByOffice,
    /// Only operators and supervisors give appointments.
    NotCaseStaff,
    CaseHasAppointment,
    /// No room for `people` people; `nearby` are the same day's slots that
    /// still have room for them, the closest in time first (`None` when
    /// none are offered).
    SlotFull {
        people: u64,
        nearby: Option<Vec<Nearby>>,
    },
    /// No room at the new time of a booking being moved; it stays.
    SlotFullToMove,
    /// No room at the slot an operator chose.
    SlotFullToAssign,
    AlreadyBooked {
        who: Busy,
    },
    HoldExpired,
    /// Only a held booking can be confirmed; this one is `state`.
    NotHeld {
        state: String,
    },
    /// Only an active booking can be cancelled; this one is `state`.
    NotActive {
        state: String,
    },
    /// Only a confirmed booking can be moved; this one is `state`.
    NotMovable {
        state: String,
    },
    RescheduleLimit {
        max: u32,
    },
    NoShowLimit {
        missed: u64,
    },
    TooManyRequests {
        retry_after: u64,
    },
    WaitingRoom {
        ahead: u64,
        retry_after: u64,
    },
}

impl BookingRefusal {
    pub fn code(&self) -> &'static str {
        use BookingRefusal as B;
        match self {
            B::UnknownService { .. } | B::NoSuchAppointment | B::NoSuchApplication => "not-found",
            B::NoAppointments { .. } => "no-appointments",
            B::UnknownOffice { .. } | B::NoWindow { .. } => "unknown-office",
            B::SlotInPast => "slot-in-past",
            B::OutsideOpeningHours => "outside-opening-hours",
            B::PublicHoliday { .. } => "public-holiday",
            B::OfficeClosed { .. } => "office-closed",
            B::BeyondHorizon { .. } => "beyond-horizon",
            B::NotReleased { .. } => "not-released",
            B::NotASlotStart { .. } => "not-a-slot-start",
            B::HolderCount { .. } | B::HolderTwice => "holders",
            B::NotInHousehold { .. } => "not-in-household",
            B::AssignedByOffice => "assigned-by-office",
            B::CaseRequired => "case-required",
            B::CaseNotAccepted | B::CaseNotReadyToAssign | B::CaseWithoutOffice => "case-not-ready",
            B::CaseOffice { .. } => "case-office",
            B::NotAssignedByOffice => "not-assigned-by-office",
            B::NotCaseStaff => "not-case-staff",
            B::CaseHasAppointment => "case-has-appointment",
            B::SlotFull { .. } | B::SlotFullToMove | B::SlotFullToAssign => "slot-full",
            B::AlreadyBooked { .. } => "already-booked",
            B::HoldExpired => "hold-expired",
            B::NotHeld { .. } => "not-held",
            B::NotActive { .. } | B::NotMovable { .. } => "not-active",
            B::RescheduleLimit { .. } => "reschedule-limit",
            B::NoShowLimit { .. } => "no-show-limit",
            B::TooManyRequests { .. } => "too-many-requests",
            B::WaitingRoom { .. } => "waiting-room",
        }
    }

    pub fn kind(&self) -> RefusalKind {
        use BookingRefusal as B;
        match self {
            B::NotCaseStaff | B::NoShowLimit { .. } => RefusalKind::Forbidden,
            B::CaseHasAppointment
            | B::SlotFull { .. }
            | B::SlotFullToMove
            | B::SlotFullToAssign
            | B::AlreadyBooked { .. }
            | B::HoldExpired
            | B::NotHeld { .. }
            | B::NotActive { .. }
            | B::NotMovable { .. }
            | B::RescheduleLimit { .. } => RefusalKind::Taken,
            B::TooManyRequests { .. } | B::WaitingRoom { .. } => RefusalKind::TooMany,
            B::UnknownService { .. } | B::NoSuchAppointment | B::NoSuchApplication => {
                RefusalKind::NotFound
            }
            B::NoAppointments { .. }
            | B::UnknownOffice { .. }
            | B::NoWindow { .. }
            | B::SlotInPast
            | B::OutsideOpeningHours
            | B::PublicHoliday { .. }
            | B::OfficeClosed { .. }
            | B::BeyondHorizon { .. }
            | B::NotReleased { .. }
            | B::NotASlotStart { .. }
            | B::HolderCount { .. }
            | B::HolderTwice
            | B::NotInHousehold { .. }
            | B::AssignedByOffice
            | B::CaseRequired
            | B::CaseNotAccepted
            | B::CaseNotReadyToAssign
            | B::CaseWithoutOffice
            | B::CaseOffice { .. }
            | B::NotAssignedByOffice => RefusalKind::Unprocessable,
        }
    }

    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        use BookingRefusal as B;
        let number = |n: u64| number_arg(i64::try_from(n).unwrap_or(i64::MAX));
        match self {
            B::NoAppointments { service } | B::UnknownService { service } => {
                vec![("service", text_arg(service.as_str()))]
            }
            B::UnknownOffice { office, offered } => vec![
                ("office", text_arg(office.as_str())),
                ("offered", text_arg(offered.join(", "))),
            ],
            B::NoWindow { office, window } => vec![
                ("office", text_arg(office.as_str())),
                ("window", text_arg(window.as_str())),
            ],
            B::PublicHoliday { name } => vec![("name", text_arg(name.as_str()))],
            B::OfficeClosed { reason } => vec![("reason", text_arg(reason.as_str()))],
            B::BeyondHorizon { last_day } => vec![("last_day", text_arg(last_day.to_string()))],
            B::NotReleased { opens_at } => vec![(
                "opens_at",
                text_arg(opens_at.strftime("%Y-%m-%d %H:%M %Z").to_string()),
            )],
            B::NotASlotStart { slot_minutes } => {
                vec![("minutes", number(u64::from(*slot_minutes)))]
            }
            B::HolderCount { most } => vec![("most", number(u64::from(*most)))],
            B::NotInHousehold { name } => vec![("name", text_arg(name.as_str()))],
            B::CaseOffice { office } => vec![("office", text_arg(office.as_str()))],
            B::SlotFull { people, .. } => vec![("people", number(*people))],
            B::AlreadyBooked { who } => vec![("who", text_arg(who.as_str()))],
            B::NotHeld { state } | B::NotActive { state } | B::NotMovable { state } => {
                vec![("state", text_arg(state.as_str()))]
            }
            B::RescheduleLimit { max } => vec![("max", number(u64::from(*max)))],
            B::NoShowLimit { missed } => vec![("missed", number(*missed))],
            B::TooManyRequests { retry_after } => vec![("seconds", number(*retry_after))],
            B::WaitingRoom { ahead, retry_after } => {
                vec![("place", number(*ahead)), ("seconds", number(*retry_after))]
            }
            B::SlotInPast
            | B::NoSuchAppointment
            | B::NoSuchApplication
            | B::OutsideOpeningHours
            | B::HolderTwice
            | B::AssignedByOffice
            | B::CaseRequired
            | B::CaseNotAccepted
            | B::CaseNotReadyToAssign
            | B::CaseWithoutOffice
            | B::NotAssignedByOffice
            | B::NotCaseStaff
            | B::CaseHasAppointment
            | B::SlotFullToMove
            | B::SlotFullToAssign
            | B::HoldExpired => Vec::new(),
        }
    }

    /// Whether the refusal is about the day or time chosen (shown on the
    /// booking form next to the day's slots).
    pub fn is_about_the_day(&self) -> bool {
        use BookingRefusal as B;
        matches!(
            self,
            B::PublicHoliday { .. }
                | B::OfficeClosed { .. }
                | B::BeyondHorizon { .. }
                | B::NotReleased { .. }
                | B::SlotInPast
        )
    }

    const FIRST: BookingRefusal = BookingRefusal::SlotInPast;

    /// The next variant's example after `self`'s, in a fixed walk over all
    /// of them (see `Refusal::examples`).
    fn after(&self) -> Option<BookingRefusal> {
        use BookingRefusal as B;
        let text = |s: &str| s.to_string();
        Some(match self {
            B::SlotInPast => B::NoAppointments {
                service: text("ro.criminal-record.certificate"),
            },
            B::NoAppointments { .. } => B::UnknownOffice {
                office: text("ro.b.s1"),
                offered: vec![text("ro.b.s2"), text("ro.b.s3")],
            },
            B::UnknownOffice { .. } => B::NoWindow {
                office: text("ro.b.s1"),
                window: text("passport"),
            },
            B::NoWindow { .. } => B::OutsideOpeningHours,
            B::OutsideOpeningHours => B::PublicHoliday {
                name: text("Ziua Națională"),
            },
            B::PublicHoliday { .. } => B::OfficeClosed {
                reason: text("inventory"),
            },
            B::OfficeClosed { .. } => B::BeyondHorizon {
                last_day: jiff::civil::date(2026, 12, 31),
            },
            B::BeyondHorizon { .. } => B::NotReleased {
                opens_at: jiff::civil::date(2026, 12, 1)
                    .at(8, 0, 0, 0)
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .unwrap_or_default(),
            },
            B::NotReleased { .. } => B::NotASlotStart { slot_minutes: 15 },
            B::NotASlotStart { .. } => B::HolderCount { most: 8 },
            B::HolderCount { .. } => B::HolderTwice,
            B::HolderTwice => B::NotInHousehold { name: text("w-1") },
            B::NotInHousehold { .. } => B::AssignedByOffice,
            B::AssignedByOffice => B::CaseRequired,
            B::CaseRequired => B::CaseNotAccepted,
            B::CaseNotAccepted => B::CaseNotReadyToAssign,
            B::CaseNotReadyToAssign => B::CaseWithoutOffice,
            B::CaseWithoutOffice => B::CaseOffice {
                office: text("ro.b.s1"),
            },
            B::CaseOffice { .. } => B::NotAssignedByOffice,
            B::NotAssignedByOffice => B::NotCaseStaff,
            B::NotCaseStaff => B::CaseHasAppointment,
            B::CaseHasAppointment => B::SlotFull {
                people: 2,
                nearby: None,
            },
            B::SlotFull { .. } => B::SlotFullToMove,
            B::SlotFullToMove => B::SlotFullToAssign,
            B::SlotFullToAssign => B::AlreadyBooked {
                who: Busy::Yourself,
            },
            B::AlreadyBooked {
                who: Busy::Yourself,
            } => B::AlreadyBooked { who: Busy::Other },
            B::AlreadyBooked { who: Busy::Other } => B::AlreadyBooked {
                who: Busy::Applicant,
            },
            B::AlreadyBooked {
                who: Busy::Applicant,
            } => B::HoldExpired,
            B::HoldExpired => B::NotHeld {
                state: text("confirmed"),
            },
            B::NotHeld { .. } => B::NotActive {
                state: text("cancelled"),
            },
            B::NotActive { .. } => B::NotMovable {
                state: text("held"),
            },
            B::NotMovable { .. } => B::RescheduleLimit { max: 2 },
            B::RescheduleLimit { .. } => B::NoShowLimit { missed: 3 },
            B::NoShowLimit { .. } => B::TooManyRequests { retry_after: 42 },
            B::TooManyRequests { .. } => B::WaitingRoom {
                ahead: 120,
                retry_after: 5,
            },
            B::WaitingRoom { .. } => B::UnknownService {
                service: text("no.such.service"),
            },
            B::UnknownService { .. } => B::NoSuchAppointment,
            B::NoSuchAppointment => B::NoSuchApplication,
            B::NoSuchApplication => return None,
        })
    }
}

/// Refusals about who may use the office's side of the portal.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.code())]
pub enum OfficeRefusal {
    /// Only the staff of an office may do this.
    StaffOnly,
}

impl OfficeRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            OfficeRefusal::StaffOnly => "staff-only",
        }
    }

    pub fn kind(&self) -> RefusalKind {
        match self {
            OfficeRefusal::StaffOnly => RefusalKind::Forbidden,
        }
    }

    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            OfficeRefusal::StaffOnly => Vec::new(),
        }
    }

    const FIRST: OfficeRefusal = OfficeRefusal::StaffOnly;

    fn after(&self) -> Option<OfficeRefusal> {
        match self {
            OfficeRefusal::StaffOnly => None,
        }
    }
}

/// Refusals of payment events.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.code())]
pub enum PaymentRefusal {
    /// The provider's event names another amount than the order's.
    AmountMismatch {
        event_minor: i64,
        event_currency: String,
        order_minor: i64,
        order_currency: String,
    },
}

impl PaymentRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            PaymentRefusal::AmountMismatch { .. } => "amount-mismatch",
        }
    }

    pub fn kind(&self) -> RefusalKind {
        match self {
            PaymentRefusal::AmountMismatch { .. } => RefusalKind::Unprocessable,
        }
    }

    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            PaymentRefusal::AmountMismatch {
                event_minor,
                event_currency,
                order_minor,
                order_currency,
            } => vec![
                // As digits: a number argument could be grouped.
                ("event_minor", text_arg(event_minor.to_string())),
                ("event_currency", text_arg(event_currency.as_str())),
                ("order_minor", text_arg(order_minor.to_string())),
                ("order_currency", text_arg(order_currency.as_str())),
            ],
        }
    }

    fn first() -> PaymentRefusal {
        PaymentRefusal::AmountMismatch {
            event_minor: 10000,
            event_currency: "RON".to_string(),
            order_minor: 23400,
            order_currency: "RON".to_string(),
        }
    }

    fn after(&self) -> Option<PaymentRefusal> {
        match self {
            PaymentRefusal::AmountMismatch { .. } => None,
        }
    }
}
