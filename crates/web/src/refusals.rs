//! Where a refusal becomes words: the API's problem document (its `detail`
//! in English) and the text a page shows (in the page's language). The
//! messages are `problem-*` in `problems.ftl`; a page shows its own message
//! for a code where it has one (`appt-problem-{code}`,
//! `fee-order-page-{code}`), else the problem's.

use crate::appointments::api::SlotBody;
use crate::error::ProblemField;
use crate::error::{Problem, problem_type};
use axum::http::StatusCode;
use ghiseu_app::{
    BookingRefusal, CaseRefusal, DocumentRefusal, FeeOrderRefusal, OfficeRefusal, PaymentRefusal,
    Refusal, RefusalKind,
};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::{I18n, Tr};
use std::sync::LazyLock;

/// The messages problem documents are written from (built into the binary;
/// the i18n tests check that they parse).
static MESSAGES: LazyLock<Option<I18n>> = LazyLock::new(|| I18n::new().ok());

/// The prefix of a booking page's own message for a refusal code.
const PAGE_PREFIX: &str = "appt-problem-";

/// The prefix of the fee order page's own message for a refusal code.
const FEE_ORDER_PAGE_PREFIX: &str = "fee-order-page-";

/// Whether a booking page answers with its one message for anything not
/// found (a slot, an office, a service gone from the lists).
fn booking_not_found(refusal: &Refusal) -> bool {
    matches!(refusal, Refusal::Booking(_)) && refusal.kind() == RefusalKind::NotFound
}

/// What a booking page says for anything not found.
const PAGE_NOT_FOUND: &str = "appt-error-unknown";

/// The Fluent message telling `refusal`.
pub fn message_id(refusal: &Refusal) -> &'static str {
    use BookingRefusal as B;
    match refusal {
        Refusal::Booking(booking) => match booking {
            B::UnknownService { .. } => "problem-unknown-service",
            B::NoSuchAppointment => "problem-no-such-appointment",
            B::NoSuchApplication => "problem-no-such-application",
            B::NoAppointments { .. } => "problem-no-appointments",
            B::UnknownOffice { .. } => "problem-unknown-office",
            B::NoWindow { .. } => "problem-unknown-office-window",
            B::SlotInPast => "problem-slot-in-past",
            B::OutsideOpeningHours => "problem-outside-opening-hours",
            B::PublicHoliday { .. } => "problem-public-holiday",
            B::OfficeClosed { .. } => "problem-office-closed",
            B::BeyondHorizon { .. } => "problem-beyond-horizon",
            B::NotReleased { .. } => "problem-not-released",
            B::NotASlotStart { .. } => "problem-not-a-slot-start",
            B::HolderCount { .. } => "problem-holders",
            B::HolderTwice => "problem-holders-twice",
            B::NotInHousehold { .. } => "problem-not-in-household",
            B::AssignedByOffice => "problem-assigned-by-office",
            B::CaseRequired => "problem-case-required",
            B::CaseNotAccepted => "problem-case-not-ready",
            B::CaseNotReadyToAssign => "problem-case-not-ready-to-assign",
            B::CaseWithoutOffice => "problem-case-not-ready-no-office",
            B::CaseOffice { .. } => "problem-case-office",
            B::NotAssignedByOffice => "problem-not-assigned-by-office",
            B::NotCaseStaff => "problem-not-case-staff",
            B::CaseHasAppointment => "problem-case-has-appointment",
            B::SlotFull { .. } => "problem-slot-full",
            B::SlotFullToMove => "problem-slot-full-move",
            B::SlotFullToAssign => "problem-slot-full-assign",
            B::AlreadyBooked { .. } => "problem-already-booked",
            B::HoldExpired => "problem-hold-expired",
            B::NotHeld { .. } => "problem-not-held",
            B::NotActive { .. } => "problem-not-active",
            B::NotMovable { .. } => "problem-not-active-move",
            B::RescheduleLimit { .. } => "problem-reschedule-limit",
            B::NoShowLimit { .. } => "problem-no-show-limit",
            B::TooManyRequests { .. } => "problem-too-many-requests",
            B::WaitingRoom { .. } => "problem-waiting-room",
        },
        Refusal::Office(OfficeRefusal::StaffOnly) => "problem-staff-only",
        Refusal::Payment(PaymentRefusal::AmountMismatch { .. }) => "problem-amount-mismatch",
        Refusal::Case(c) => match c {
            CaseRefusal::UnknownService => "problem-draft-unknown-service",
            CaseRefusal::AssuranceTooLow => "problem-assurance-too-low",
            CaseRefusal::UnknownHolder => "problem-unknown-holder",
            CaseRefusal::NotForCitizenship => "problem-not-for-citizenship",
            CaseRefusal::Incomplete { .. } => "problem-application-incomplete",
        },
        Refusal::Document(d) => match d {
            DocumentRefusal::NotFound => "problem-document-not-found",
            DocumentRefusal::NotInForce { .. } => "problem-document-not-in-force",
            DocumentRefusal::Expired { .. } => "problem-document-expired",
            DocumentRefusal::NotInRegistry => "problem-document-not-in-registry",
            DocumentRefusal::UnknownReason => "problem-document-unknown-reason",
            DocumentRefusal::TooManyChecks { .. } => "problem-too-many-checks",
        },
        Refusal::FeeOrder(f) => match f {
            FeeOrderRefusal::NoneChosen => "problem-fee-order-empty",
            FeeOrderRefusal::TooMany { .. } => "problem-fee-order-too-many",
            FeeOrderRefusal::Duplicate { .. } => "problem-fee-order-duplicate",
            FeeOrderRefusal::NotYours { .. } => "problem-fee-order-not-yours",
            FeeOrderRefusal::NotDue { .. } => "problem-fee-order-not-due",
            FeeOrderRefusal::TwoAuthorities { .. } => "problem-fee-order-two-authorities",
            FeeOrderRefusal::PaidAtCounter { .. } => "problem-fee-order-paid-at-counter",
        },
    }
}

/// The request field a refusal is about, where it names one.
fn field(refusal: &Refusal) -> Option<&'static str> {
    match refusal {
        Refusal::FeeOrder(_) => Some(FeeOrderRefusal::FIELD),
        _ => None,
    }
}

/// The status a refusal of this kind is answered with.
pub fn status(kind: RefusalKind) -> StatusCode {
    match kind {
        RefusalKind::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
        RefusalKind::Forbidden => StatusCode::FORBIDDEN,
        RefusalKind::Taken => StatusCode::CONFLICT,
        RefusalKind::TooMany => StatusCode::TOO_MANY_REQUESTS,
        RefusalKind::NotFound => StatusCode::NOT_FOUND,
    }
}

fn title(kind: RefusalKind) -> &'static str {
    match kind {
        RefusalKind::Unprocessable => "The request cannot be answered as it stands",
        RefusalKind::Forbidden => "Not allowed",
        RefusalKind::Taken => "Not available",
        RefusalKind::TooMany => "Please wait",
        RefusalKind::NotFound => "Not found",
    }
}

/// The refusal's problem message in `lang` (English where `lang` lacks it).
/// The refusal in words, for a page: states and standings named as the
/// pages name them, never as codes.
pub fn text(i18n: &I18n, lang: Lang, refusal: &Refusal) -> String {
    let t = Tr { i18n, lang };
    i18n.text_with(lang, message_id(refusal), &args(t, refusal, Words::Named))
}

/// How a refusal's states read: named for people, or as the codes an API
/// client compares (the problem's English `detail` keeps them).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Words {
    Named,
    Codes,
}

/// The refusal's facts for its message; a closure's reason in the reader's
/// language.
fn args(t: Tr<'_>, refusal: &Refusal, words: Words) -> Vec<(&'static str, ghiseu_i18n::Arg)> {
    let mut args = refusal.args();
    let named = |name: &str, code: &str| -> Option<String> {
        if words == Words::Codes {
            return None;
        }
        let key = match (refusal, name) {
            // English sentences are written around the state's own word.
            (Refusal::Booking(_), "state") if t.lang == Lang::En => return None,
            (Refusal::Booking(_), "state") => format!("appt-state-{code}"),
            (Refusal::FeeOrder(_), "state") => format!("case-state-{code}"),
            (Refusal::Document(_), "standing") => format!("check-why-{code}"),
            (Refusal::Document(_), "since") => {
                return code.parse::<jiff::civil::Date>().ok().map(|d| t.date(d));
            }
            _ => return None,
        };
        t.i18n.has(t.lang, &key).then(|| t.m(&key))
    };
    for (name, value) in &mut args {
        if let (Refusal::Booking(BookingRefusal::OfficeClosed { reason }), "reason") =
            (refusal, *name)
        {
            *value = ghiseu_i18n::text_arg(t.closure_reason(reason));
        } else if let ghiseu_i18n::Arg::String(code) = value
            && let Some(words) = named(name, code)
        {
            *value = ghiseu_i18n::text_arg(words);
        }
    }
    args
}

/// The refusal as an RFC 9457 problem document, its `detail` in English.
pub fn problem(refusal: &Refusal) -> Problem {
    let kind = refusal.kind();
    let detail = MESSAGES.as_ref().map_or_else(
        || refusal.code().to_string(),
        |messages| {
            let t = Tr {
                i18n: messages,
                lang: Lang::En,
            };
            let args = args(t, refusal, Words::Codes);
            messages.text_with(Lang::En, message_id(refusal), &args)
        },
    );
    let errors = field(refusal)
        .map(|field| ProblemField {
            field: field.to_string(),
            code: refusal.code().to_string(),
            detail: detail.clone(),
        })
        .into_iter()
        .collect();
    Problem {
        kind: problem_type(refusal.code()),
        title: title(kind).to_string(),
        status: status(kind).as_u16(),
        detail,
        errors,
        offered: None,
        current_state: None,
        allowed_actions: None,
        place: refusal.place(),
        retry_after: refusal.retry_after(),
        nearby: refusal
            .nearby()
            .map(|nearby| nearby.iter().map(SlotBody::offered).collect()),
    }
}

/// The key of the message a booking page shows for `refusal` in `lang`: its
/// own for the code where it has one, else the problem message.
pub fn page_message_id(i18n: &I18n, lang: Lang, refusal: &Refusal) -> String {
    if booking_not_found(refusal) {
        return PAGE_NOT_FOUND.to_string();
    }
    let prefix = match refusal {
        Refusal::FeeOrder(_) => FEE_ORDER_PAGE_PREFIX,
        _ => PAGE_PREFIX,
    };
    let own = format!("{prefix}{}", refusal.code());
    if i18n.has(lang, &own) {
        own
    } else {
        message_id(refusal).to_string()
    }
}

/// The refusal as a page shows it, with the page's status. Something not
/// found is a choice the form offered no longer there: the page asks to
/// choose again.
pub fn on_page(t: Tr<'_>, refusal: &Refusal) -> (StatusCode, String) {
    if booking_not_found(refusal) {
        return (StatusCode::UNPROCESSABLE_ENTITY, t.m(PAGE_NOT_FOUND));
    }
    let key = page_message_id(t.i18n, t.lang, refusal);
    (
        status(refusal.kind()),
        t.with(&key, &args(t, refusal, Words::Named)),
    )
}
