//! Every refusal the use cases can give has its words: a problem message in
//! every language of the pages, a page message, and the API's English
//! `detail` as clients have read it so far.

use ghiseu_app::Refusal;
use ghiseu_domain::catalogue::Lang;
use ghiseu_web::i18n::{I18n, UI_LANGUAGES};
use ghiseu_web::refusals::{message_id, page_message_id, problem};
use std::collections::BTreeSet;

#[test]
fn every_refusal_has_a_message_in_every_language() {
    let i18n = I18n::new().unwrap();
    let examples = Refusal::examples();
    assert!(examples.len() > 30, "{examples:?}");
    let mut failures = Vec::new();
    for refusal in &examples {
        let args = refusal.args();
        for lang in UI_LANGUAGES {
            let keys = [
                message_id(refusal).to_string(),
                page_message_id(&i18n, lang, refusal),
            ];
            for key in keys {
                match i18n.strict(lang, &key, &args) {
                    Ok(text) if text.trim().is_empty() || text.contains("{") => {
                        failures.push(format!("{} in {lang}: {text:?}", refusal.code()));
                    }
                    Ok(_) => {}
                    Err(e) => failures.push(format!("{}: {e}", refusal.code())),
                }
            }
        }
    }
    assert!(failures.is_empty(), "refusals without words: {failures:#?}");
}

/// A booking page's own messages (`appt-problem-{code}`) are all for codes
/// a refusal has, so none is left over when a refusal goes.
#[test]
fn every_page_message_is_for_a_refusal() {
    let i18n = I18n::new().unwrap();
    let codes: BTreeSet<&str> = Refusal::examples().iter().map(Refusal::code).collect();
    for lang in UI_LANGUAGES {
        let stale: Vec<String> = i18n
            .keys(lang)
            .into_iter()
            .filter(|k| {
                k.strip_prefix("appt-problem-")
                    .is_some_and(|code| !codes.contains(code))
            })
            .collect();
        assert!(stale.is_empty(), "page messages for no refusal: {stale:?}");
    }
}

/// The problem documents' `type`, `status`, `title` and `detail` are those
/// the API gave before refusals were typed.
#[test]
fn problem_documents_read_as_before() {
    let expected: Vec<(&str, u16, &str, &str)> = vec![
        (
            "slot-in-past",
            422,
            "The request cannot be answered as it stands",
            "That time has already passed. Choose a later slot.",
        ),
        (
            "no-appointments",
            422,
            "The request cannot be answered as it stands",
            "The service \"ro.criminal-record.certificate\" needs no visit to the counter, so it takes no appointments.",
        ),
        (
            "unknown-office",
            422,
            "The request cannot be answered as it stands",
            "The office \"ro.b.s1\" does not offer this service. Offices that do: ro.b.s2, ro.b.s3.",
        ),
        (
            "unknown-office",
            422,
            "The request cannot be answered as it stands",
            "The office \"ro.b.s1\" has no passport window.",
        ),
        (
            "outside-opening-hours",
            422,
            "The request cannot be answered as it stands",
            "The office is not open for this service at that time. Choose a slot from the list of free slots.",
        ),
        (
            "public-holiday",
            422,
            "The request cannot be answered as it stands",
            "The office is closed that day for a public holiday (Ziua Națională). Choose another day.",
        ),
        (
            "office-closed",
            422,
            "The request cannot be answered as it stands",
            "The office is closed that day: inventory. Choose another day.",
        ),
        (
            "beyond-horizon",
            422,
            "The request cannot be answered as it stands",
            "Appointments can be booked up to 2026-12-31. Choose an earlier day.",
        ),
        (
            "not-released",
            422,
            "The request cannot be answered as it stands",
            "Slots for that day are not open yet; they open at 2026-12-01 08:00 UTC. Come back then.",
        ),
        (
            "not-a-slot-start",
            422,
            "The request cannot be answered as it stands",
            "Slots at this window start every 15 minutes from opening. Choose a start from the list of free slots.",
        ),
        (
            "holders",
            422,
            "The request cannot be answered as it stands",
            "Name between 1 and 8 people: `self` and the ids of children in your household.",
        ),
        (
            "holders",
            422,
            "The request cannot be answered as it stands",
            "Each person can be named once.",
        ),
        (
            "not-in-household",
            422,
            "The request cannot be answered as it stands",
            "\"w-1\" is not a child in your household. You can book for yourself and for children an office confirmed you are guardian of.",
        ),
        (
            "assigned-by-office",
            422,
            "The request cannot be answered as it stands",
            "For this service the office gives you an appointment after it reviews your application; you will see it on your application's page.",
        ),
        (
            "case-required",
            422,
            "The request cannot be answered as it stands",
            "Book this appointment from your application's page, once the office has accepted it.",
        ),
        (
            "case-not-ready",
            422,
            "The request cannot be answered as it stands",
            "This application cannot take an appointment yet: the office must accept it first.",
        ),
        (
            "case-not-ready",
            422,
            "The request cannot be answered as it stands",
            "An appointment is given once the case is accepted, and before its document is made.",
        ),
        (
            "case-not-ready",
            422,
            "The request cannot be answered as it stands",
            "The case has no office yet.",
        ),
        (
            "case-office",
            422,
            "The request cannot be answered as it stands",
            "Your application is handled at the office \"ro.b.s1\"; book the appointment there.",
        ),
        (
            "not-assigned-by-office",
            422,
            "The request cannot be answered as it stands",
            "For this service the applicant books the appointment; the office does not give one.",
        ),
        (
            "not-case-staff",
            403,
            "Not allowed",
            "Appointments are given by the operators of the case's office or a supervisor of its authority.",
        ),
        (
            "case-has-appointment",
            409,
            "Not available",
            "This case already has an appointment. Move or cancel that one instead.",
        ),
        (
            "slot-full",
            409,
            "Not available",
            "That slot has no room left for 2 people. Choose another slot; the list of free slots is up to date.",
        ),
        (
            "slot-full",
            409,
            "Not available",
            "That slot has no room left. Your appointment stays as it was; choose another slot.",
        ),
        (
            "slot-full",
            409,
            "Not available",
            "That slot has no room left. Choose another slot from the list of free slots.",
        ),
        (
            "already-booked",
            409,
            "Not available",
            "You already have an appointment for this service. Cancel or move that one instead.",
        ),
        (
            "already-booked",
            409,
            "Not available",
            "A person in this booking already has an appointment for this service. Cancel or move that one instead.",
        ),
        (
            "already-booked",
            409,
            "Not available",
            "The applicant already has an appointment for this service. Move or cancel that one instead.",
        ),
        (
            "hold-expired",
            409,
            "Not available",
            "The few minutes to confirm this slot ran out and it went back to the list. Choose a slot again.",
        ),
        (
            "not-held",
            409,
            "Not available",
            "This appointment is confirmed, so there is nothing to confirm.",
        ),
        (
            "not-active",
            409,
            "Not available",
            "This appointment is cancelled and can no longer be cancelled.",
        ),
        (
            "not-active",
            409,
            "Not available",
            "Only a confirmed appointment can be moved; this one is held.",
        ),
        (
            "reschedule-limit",
            409,
            "Not available",
            "An appointment can be moved 2 times online. To change it again, call or visit the office: an operator can move it.",
        ),
        (
            "no-show-limit",
            403,
            "Not allowed",
            "You did not come to 3 appointments recently, so online booking is paused for your account. Please call or visit the office to book.",
        ),
        (
            "too-many-requests",
            429,
            "Please wait",
            "Too many booking requests from this account or network in one minute. Wait until the next minute and try again.",
        ),
        (
            "waiting-room",
            429,
            "Please wait",
            "Many people are booking right now, so you are in a waiting room. 120 people are ahead of you; keep this page open and try again in 5 seconds. Your place is kept.",
        ),
        (
            "not-found",
            404,
            "Not found",
            "There is no service \"no.such.service\"; see /api/v1/services.",
        ),
        (
            "not-found",
            404,
            "Not found",
            "There is no such appointment.",
        ),
        (
            "not-found",
            404,
            "Not found",
            "There is no such application.",
        ),
        (
            "staff-only",
            403,
            "Not allowed",
            "Only the staff of an office may do this.",
        ),
        (
            "amount-mismatch",
            422,
            "The request cannot be answered as it stands",
            "The event is for 10000 RON but the order is for 23400 RON; nothing was recorded.",
        ),
        (
            "unknown-service",
            422,
            "The request cannot be answered as it stands",
            "No service has this id; see /api/v1/services.",
        ),
        (
            "assurance-too-low",
            422,
            "The request cannot be answered as it stands",
            "This service needs your identity confirmed with a bank card check or once at a counter; see the service's page.",
        ),
        (
            "unknown-holder",
            422,
            "The request cannot be answered as it stands",
            "`holder` must be `self` or a child you act for.",
        ),
        (
            "not-for-citizenship",
            422,
            "The request cannot be answered as it stands",
            "This service does not issue documents to the holder's citizenship, as their profile states it. The service page says who may apply.",
        ),
        (
            "application-incomplete",
            422,
            "The request cannot be answered as it stands",
            "The application cannot be sent yet: no-name, document-missing.",
        ),
        (
            "document-not-found",
            404,
            "Not found",
            "You hold no document with this number. Check the number as printed on the document; a child's document is listed under your documents while you are their guardian.",
        ),
        (
            "document-not-in-force",
            409,
            "Not available",
            "This document is already no longer valid (reported-lost on 2026-12-05); nothing more needs reporting. Apply for a new one.",
        ),
        (
            "document-expired",
            422,
            "The request cannot be answered as it stands",
            "This document expired on 2026-12-04, so it needs no report. Apply for a new one.",
        ),
        (
            "document-not-in-registry",
            404,
            "Not found",
            "No document with this number is in your authority's registry. Check the number as printed on the document.",
        ),
        (
            "document-unknown-reason",
            422,
            "The request cannot be answered as it stands",
            "Choose a reason from the authority's list.",
        ),
        (
            "too-many-checks",
            429,
            "Please wait",
            "Too many document checks from this network, or too many unsuccessful checks of this document number. Try again in 15 minutes.",
        ),
        (
            "fee-order-empty",
            422,
            "The request cannot be answered as it stands",
            "`cases`: choose at least one application whose fee you are paying.",
        ),
        (
            "fee-order-too-many",
            422,
            "The request cannot be answered as it stands",
            "`cases`: one order covers at most 20 applications; make several orders.",
        ),
        (
            "fee-order-duplicate",
            422,
            "The request cannot be answered as it stands",
            "`cases`: the application MD-IGM-2026-000007 is named twice; name each application once.",
        ),
        (
            "fee-order-not-yours",
            422,
            "The request cannot be answered as it stands",
            "`cases`: no application MD-IGM-2026-000008 is yours or one you act for. Check the reference as your application shows it.",
        ),
        (
            "fee-order-not-due",
            422,
            "The request cannot be answered as it stands",
            "`cases`: the application MD-IGM-2026-000009 is not waiting for its fee (it is paid); leave it out of the order.",
        ),
        (
            "fee-order-two-authorities",
            422,
            "The request cannot be answered as it stands",
            "`cases`: an order covers the services of one authority, and these applications are for Agenția Servicii Publice; Migration Department. Make one order per authority.",
        ),
        (
            "fee-order-paid-at-counter",
            422,
            "The request cannot be answered as it stands",
            "`cases`: General Inspectorate for Immigration takes its fees outside this site and confirms them at the counter, so they cannot go on one order here. Pay each fee as its own payment order says.",
        ),
    ];
    let examples = Refusal::examples();
    assert_eq!(examples.len(), expected.len(), "{examples:?}");
    for (refusal, (code, status, title, detail)) in examples.iter().zip(expected) {
        let p = problem(refusal);
        assert_eq!(refusal.code(), code);
        assert_eq!(p.kind, format!("https://ghiseu.example/problems/{code}"));
        assert_eq!((p.status, p.title.as_str()), (status, title), "{code}");
        assert_eq!(p.detail, detail, "{code}");
    }
    let waits = |code: &str| {
        let p = problem(examples.iter().find(|r| r.code() == code).unwrap());
        (p.place, p.retry_after)
    };
    assert_eq!(waits("waiting-room"), (Some(120), Some(5)));
    assert_eq!(waits("too-many-requests"), (None, Some(42)));
    assert_eq!(waits("too-many-checks"), (None, Some(900)));
    assert_eq!(waits("slot-full"), (None, None));
}

/// A page names a state or a document's standing in the reader's words,
/// never by its code; the API's English `detail` keeps the codes.
#[test]
fn pages_name_states_in_the_readers_language() {
    let i18n = I18n::new().unwrap();
    let examples = Refusal::examples();
    let by_code = |code: &str| examples.iter().find(|r| r.code() == code).unwrap();
    let held = ghiseu_web::refusals::text(&i18n, Lang::Uk, by_code("not-held"));
    assert!(
        held.contains("Підтверджено") || held.contains("підтверджено"),
        "{held}"
    );
    assert!(!held.contains("confirmed"), "{held}");
    let lost = ghiseu_web::refusals::text(&i18n, Lang::Uk, by_code("document-not-in-force"));
    assert!(
        !lost.contains("reported-lost") && !lost.contains("2026-12-05"),
        "{lost}"
    );
    assert!(lost.contains("5 грудня 2026"), "{lost}");
    let api = problem(by_code("not-held")).detail;
    assert!(api.contains("confirmed"), "{api}");
}
