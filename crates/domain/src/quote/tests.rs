//! Every fee row and validity rule of REFERENCE.md, against the real catalogue.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::test_support::catalogue;
use jiff::civil::{Date, date};
use std::sync::LazyLock;

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(catalogue);

/// Monday 23 November 2026.
const MONDAY: Date = date(2026, 11, 23);

fn request(service: &str, birth: Option<Date>, filed: Date, urgency: Option<&str>) -> QuoteRequest {
    QuoteRequest {
        service: service.into(),
        birth_date: birth,
        filed_on: Some(filed),
        urgency: urgency.map(String::from),
        ..QuoteRequest::default()
    }
}

fn ask(r: &QuoteRequest) -> Result<Quote, QuoteError> {
    quote(&CATALOGUE, r, |_| panic!("no filing date given"))
}

fn ok(r: &QuoteRequest) -> Quote {
    ask(r).unwrap_or_else(|e| panic!("{}: {e}", r.service))
}

fn amounts(q: &Quote) -> Vec<(&str, i64)> {
    q.lines
        .iter()
        .map(|l| (l.code.as_str(), l.amount_minor))
        .collect()
}

#[test]
fn romanian_electronic_passport_fee_and_validity_turn_at_twelve() {
    let eleven = ok(&request(
        "ro.passport.electronic",
        Some(date(2014, 11, 24)),
        MONDAY,
        None,
    ));
    assert_eq!(
        (eleven.total_minor, eleven.currency),
        (23400, Currency::Ron)
    );
    assert_eq!(eleven.processing_deadline, Some(date(2026, 12, 7)));
    assert_eq!(eleven.validity, Validity::Until(date(2029, 12, 7)));
    let twelve = ok(&request(
        "ro.passport.electronic",
        Some(date(2014, 11, 23)),
        MONDAY,
        None,
    ));
    assert_eq!(twelve.total_minor, 25800);
    assert_eq!(twelve.validity, Validity::Until(date(2031, 12, 7)));
    let adult = ok(&request(
        "ro.passport.electronic",
        Some(date(1960, 5, 23)),
        MONDAY,
        Some("standard"),
    ));
    assert_eq!(adult.total_minor, 25800);
    assert_eq!(adult.urgency, "standard");
}

#[test]
fn leap_day_birth_turns_twelve_on_28_february_in_a_common_year() {
    let birth = date(2016, 2, 29);
    let before = ok(&request(
        "ro.passport.electronic",
        Some(birth),
        date(2028, 2, 28),
        None,
    ));
    assert_eq!(
        before.total_minor, 23400,
        "on 28 Feb 2028 (leap year) the holder is still 11"
    );
    let on = ok(&request(
        "ro.passport.electronic",
        Some(birth),
        date(2028, 2, 29),
        None,
    ));
    assert_eq!(on.total_minor, 25800);
    let common = ok(&request(
        "ro.passport.electronic",
        Some(date(2012, 2, 29)),
        date(2025, 2, 28),
        None,
    ));
    assert_eq!(
        common.total_minor, 25800,
        "born 29 Feb 2012: 13 on 28 Feb 2025"
    );
    let eleven = ok(&request(
        "ro.passport.electronic",
        Some(date(2013, 2, 28)),
        date(2025, 2, 27),
        None,
    ));
    assert_eq!(eleven.total_minor, 23400);
}

#[test]
fn romanian_temporary_passport_counts_working_days_around_holidays() {
    let monday = ok(&request("ro.passport.temporary", None, MONDAY, None));
    assert_eq!(monday.total_minor, 9600);
    assert_eq!(monday.processing_deadline, Some(date(2026, 11, 26)));
    assert_eq!(monday.validity, Validity::Until(date(2027, 11, 26)));
    // Friday before St Andrew (Mon 30 Nov) and National Day (Tue 1 Dec).
    let friday = ok(&request(
        "ro.passport.temporary",
        None,
        date(2026, 11, 27),
        None,
    ));
    assert_eq!(friday.processing_deadline, Some(date(2026, 12, 4)));
    // Saturday filing: the count starts after Saturday.
    let saturday = ok(&request(
        "ro.passport.temporary",
        None,
        date(2026, 11, 21),
        None,
    ));
    assert_eq!(saturday.processing_deadline, Some(date(2026, 11, 25)));
    // Eve of Christmas: 24 Dec 2026 is a Thursday; 25-26 Dec are holidays.
    let eve = ok(&request(
        "ro.passport.temporary",
        None,
        date(2026, 12, 24),
        None,
    ));
    assert_eq!(eve.processing_deadline, Some(date(2026, 12, 30)));
}

#[test]
fn romanian_free_services_cost_nothing_and_issue_nothing_that_expires() {
    for id in ["ro.passport.certificate", "ro.passport.registry-extract"] {
        let q = ok(&request(id, None, MONDAY, None));
        assert_eq!(q.total_minor, 0, "{id}");
        assert_eq!(q.processing_deadline, None, "{id}");
        assert_eq!(q.validity, Validity::NotApplicable, "{id}");
    }
}

#[test]
fn criminal_record_certificate_is_valid_six_months_from_issue() {
    let q = ok(&QuoteRequest {
        issued_on: Some(date(2026, 8, 31)),
        ..request(
            "ro.criminal-record.certificate",
            None,
            date(2026, 8, 31),
            None,
        )
    });
    assert_eq!(q.validity, Validity::Until(date(2027, 2, 28)));
    assert_eq!(q.total_minor, 0);
}

/// (service, urgency, IGM tariff in lei, state fee in lei)
const MOLDOVAN_FEES: &[(&str, &str, i64, Option<i64>)] = &[
    ("md.igm.ir", "20wd", 350, Some(150)),
    ("md.igm.ir", "10wd", 700, Some(150)),
    ("md.igm.ir", "5wd", 1050, Some(150)),
    ("md.igm.ir", "1wd", 1400, Some(150)),
    ("md.igm.ir", "same-day", 1750, Some(150)),
    ("md.igm.cr", "20wd", 350, Some(150)),
    ("md.igm.cr", "10wd", 700, Some(150)),
    ("md.igm.cr", "5wd", 1050, Some(150)),
    ("md.igm.cr", "1wd", 1400, Some(150)),
    ("md.igm.cr", "same-day", 1750, Some(150)),
    ("md.igm.ic", "20wd", 130, Some(150)),
    ("md.igm.ic", "10wd", 260, Some(150)),
    ("md.igm.ic", "5wd", 390, Some(150)),
    ("md.igm.ic", "1wd", 520, Some(150)),
    ("md.igm.ic", "same-day", 650, Some(150)),
    ("md.igm.ri", "20wd", 130, None),
    ("md.igm.ri", "10wd", 260, None),
    ("md.igm.ri", "5wd", 390, None),
    ("md.igm.ri", "1wd", 520, None),
    ("md.igm.ih", "20wd", 130, None),
    ("md.igm.ih", "10wd", 260, None),
    ("md.igm.ih", "5wd", 390, None),
    ("md.igm.ih", "1wd", 520, None),
    ("md.igm.cc", "20wd", 130, Some(150)),
    ("md.igm.cc", "10wd", 260, Some(150)),
    ("md.igm.cc", "5wd", 390, Some(150)),
    ("md.igm.cc", "1wd", 520, Some(150)),
    ("md.igm.cc", "same-day", 650, Some(150)),
    ("md.igm.pc", "20wd", 650, Some(150)),
    ("md.igm.pc", "10wd", 1240, Some(150)),
    ("md.igm.pc", "5wd", 1430, Some(150)),
    ("md.igm.pc", "1wd", 1690, Some(150)),
    ("md.igm.pc", "same-day", 2080, Some(150)),
];

/// Facts every Moldovan rule may need, far enough ahead for any issue date.
fn md_request(service: &str, urgency: &str) -> QuoteRequest {
    QuoteRequest {
        facts: HolderFacts {
            passport_expires: Some(date(2030, 1, 1)),
            stay_until: Some(date(2029, 1, 1)),
            id_document_expires: Some(date(2031, 1, 1)),
        },
        ..request(service, Some(date(1985, 4, 2)), MONDAY, Some(urgency))
    }
}

#[test]
fn every_moldovan_fee_row() {
    for &(service, urgency, tariff, state) in MOLDOVAN_FEES {
        let q = ok(&md_request(service, urgency));
        let mut expected = vec![("igm-tariff", tariff * 100)];
        expected.extend(state.map(|s| ("state-fee", s * 100)));
        assert_eq!(amounts(&q), expected, "{service} {urgency}");
        assert_eq!(q.currency, Currency::Mdl);
        assert_eq!(q.urgency, urgency);
    }
}

#[test]
fn moldovan_deadlines_by_urgency() {
    for (urgency, deadline) in [
        ("20wd", date(2026, 12, 21)),
        ("10wd", date(2026, 12, 7)),
        ("5wd", date(2026, 11, 30)),
        ("1wd", date(2026, 11, 24)),
        ("same-day", MONDAY),
    ] {
        let q = ok(&md_request("md.igm.ic", urgency));
        assert_eq!(q.processing_deadline, Some(deadline), "{urgency}");
    }
    // Same day on a Saturday is the next working day.
    let saturday = ok(&QuoteRequest {
        filed_on: Some(date(2026, 11, 21)),
        ..md_request("md.igm.ic", "same-day")
    });
    assert_eq!(saturday.processing_deadline, Some(MONDAY));
    assert_eq!(ok(&md_request("md.igm.ic", "standard")).urgency, "20wd");
}

#[test]
fn refugee_and_humanitarian_cards_have_no_same_day() {
    for service in ["md.igm.ri", "md.igm.ih", "md.igm.pt", "md.igm.ph"] {
        let err = ask(&md_request(service, "same-day")).unwrap_err();
        let QuoteError::UrgencyNotOffered { offered, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(
            offered.first().map(String::as_str),
            Some("20wd"),
            "{service}"
        );
        assert!(err.to_string().contains("20wd"));
    }
}

#[test]
fn refugee_travel_documents_cost_less_under_twelve() {
    for service in ["md.igm.pt", "md.igm.ph"] {
        let child = ok(&request(service, Some(date(2015, 1, 1)), MONDAY, None));
        assert_eq!(child.total_minor, 65000, "{service}");
        let twelve = ok(&request(service, Some(date(2014, 11, 23)), MONDAY, None));
        assert_eq!(twelve.total_minor, 100_000, "{service}");
    }
    assert_eq!(
        ok(&request("md.igm.pt", Some(date(1990, 1, 1)), MONDAY, None)).validity,
        Validity::Until(date(2031, 12, 21))
    );
    assert_eq!(
        ok(&request("md.igm.ph", Some(date(1990, 1, 1)), MONDAY, None)).validity,
        Validity::Until(date(2029, 12, 21))
    );
}

#[test]
fn moldovan_reductions_replace_the_tariff_where_they_apply() {
    for service in ["md.igm.ir", "md.igm.cr"] {
        let q = ok(&QuoteRequest {
            reductions: vec!["hg966-p18".into()],
            ..md_request(service, "5wd")
        });
        assert_eq!(q.total_minor, 50000, "{service}: 350 + 150");
        assert!(
            q.lines
                .iter()
                .any(|l| l.code == "reduction.hg966-p18" && l.amount_minor == -70000)
        );
        let q = ok(&QuoteRequest {
            reductions: vec!["hg966-p19".into()],
            ..md_request(service, "1wd")
        });
        assert_eq!(q.total_minor, 50000, "{service}: 350 + 150");
        let err = ask(&QuoteRequest {
            reductions: vec!["hg966-p18".into()],
            ..md_request(service, "1wd")
        });
        assert!(matches!(
            err,
            Err(QuoteError::ReductionNotForUrgency { .. })
        ));
    }
    for service in ["md.igm.ri", "md.igm.ih"] {
        let q = ok(&QuoteRequest {
            reductions: vec!["reduced-1wd".into()],
            ..md_request(service, "1wd")
        });
        assert_eq!(q.total_minor, 13000, "{service}");
    }
    let err = ask(&QuoteRequest {
        reductions: vec!["students".into()],
        ..md_request("md.igm.pc", "20wd")
    })
    .unwrap_err();
    assert!(matches!(err, QuoteError::UnknownReduction { .. }), "{err}");
}

#[test]
fn stateless_identity_card_runs_to_the_birthday_closing_the_band() {
    let born = |y, m, d| Some(date(y, m, d));
    let cases = [
        (born(2020, 6, 1), Validity::Until(date(2030, 6, 1))), // 6 at issue: until 10
        (born(2016, 11, 30), Validity::Until(date(2032, 11, 30))), // turns 10 on the issue day: until 16
        (born(2016, 12, 1), Validity::Until(date(2026, 12, 1))),   // 9 on issue day, 10 tomorrow
        (born(2005, 1, 1), Validity::Until(date(2030, 1, 1))),     // 21: until 25
        (born(1990, 2, 10), Validity::Until(date(2035, 2, 10))),   // 36: until 45
        (born(1981, 11, 30), Validity::Lifetime),                  // 45 on the issue day
        (born(1970, 1, 1), Validity::Lifetime),
        (born(2008, 2, 29), Validity::Until(date(2033, 2, 28))), // 18: until 25, a common year
    ];
    for (birth, expected) in cases {
        let q = ok(&request("md.igm.cc", birth, MONDAY, Some("5wd")));
        assert_eq!(q.issued_on, date(2026, 11, 30));
        assert_eq!(q.validity, expected, "born {birth:?}");
    }
}

#[test]
fn stateless_travel_document_term_by_age_at_filing() {
    let cases = [
        (date(2020, 11, 24), 4),  // 5
        (date(2019, 11, 23), 7),  // 7 exactly
        (date(2010, 11, 23), 7),  // 16 exactly [interp]
        (date(2009, 11, 24), 7),  // 16, 17 tomorrow
        (date(2009, 11, 23), 10), // 17
    ];
    for (birth, years) in cases {
        let q = ok(&request("md.igm.pc", Some(birth), MONDAY, Some("20wd")));
        let expected = crate::age::add_years(date(2026, 12, 21), years).unwrap();
        assert_eq!(q.validity, Validity::Until(expected), "born {birth}");
    }
}

#[test]
fn refugee_and_humanitarian_identity_cards() {
    let ri = ok(&md_request("md.igm.ri", "20wd"));
    assert_eq!(ri.validity, Validity::Until(date(2031, 12, 21)));
    let ih = ok(&md_request("md.igm.ih", "20wd"));
    assert_eq!(ih.validity, Validity::Until(date(2029, 12, 21)));
}

#[test]
fn temporary_residence_permit_is_capped_by_the_passport() {
    let mut r = md_request("md.igm.ir", "10wd");
    r.facts.stay_until = Some(date(2028, 6, 30));
    r.facts.passport_expires = Some(date(2027, 12, 31));
    assert_eq!(ok(&r).validity, Validity::Until(date(2027, 12, 31)));
    r.facts.passport_expires = Some(date(2029, 1, 1));
    assert_eq!(ok(&r).validity, Validity::Until(date(2028, 6, 30)));
    r.facts.stay_until = None;
    let err = ask(&r).unwrap_err();
    assert_eq!(
        err,
        QuoteError::MissingFact {
            fact: HolderFact::StayUntil
        }
    );
    assert_eq!(err.field(), "stay_until");
    r.facts.stay_until = Some(date(2026, 12, 1));
    assert!(matches!(ask(&r), Err(QuoteError::FactNotAfterIssue { .. })));
}

#[test]
fn stateless_residence_permit_follows_the_granted_stay() {
    let mut r = md_request("md.igm.ic", "20wd");
    r.facts.stay_until = Some(date(2027, 6, 1));
    assert_eq!(ok(&r).validity, Validity::Until(date(2027, 6, 1)));
}

#[test]
fn permanent_residence_permit_equals_the_national_identity_document() {
    let mut r = md_request("md.igm.cr", "20wd");
    r.facts.id_document_expires = Some(date(2033, 3, 3));
    assert_eq!(ok(&r).validity, Validity::Until(date(2033, 3, 3)));
    r.facts.id_document_expires = None;
    assert_eq!(
        ask(&r).unwrap_err(),
        QuoteError::MissingFact {
            fact: HolderFact::IdDocumentExpires
        }
    );
}

#[test]
fn lithuanian_invitation_is_priced_in_euro() {
    let q = ok(&request("lt.invitation.approval", None, MONDAY, None));
    assert_eq!(q.currency, Currency::Eur);
    assert_eq!(q.validity, Validity::NotApplicable);
}

#[test]
fn bad_requests_are_refused_with_the_reason() {
    let unknown = ask(&request("no.such.service", None, MONDAY, None)).unwrap_err();
    assert!(unknown.is_not_found());
    let future = ask(&request(
        "ro.passport.electronic",
        Some(date(2030, 1, 1)),
        MONDAY,
        None,
    ))
    .unwrap_err();
    assert_eq!(future.code(), "birth-date-after-filing");
    let missing = ask(&request("ro.passport.electronic", None, MONDAY, None)).unwrap_err();
    assert_eq!(missing.code(), "birth-date-required");
    let ancient = ask(&request(
        "ro.passport.electronic",
        Some(date(1800, 1, 1)),
        MONDAY,
        None,
    ))
    .unwrap_err();
    assert_eq!(ancient.code(), "implausible-birth-date");
    let early_issue = ask(&QuoteRequest {
        issued_on: Some(date(2026, 11, 1)),
        ..request("ro.passport.temporary", None, MONDAY, None)
    })
    .unwrap_err();
    assert_eq!(early_issue.code(), "issue-before-filing");
    let no_urgency = ask(&request("ro.passport.temporary", None, MONDAY, Some("5wd"))).unwrap_err();
    assert_eq!(
        no_urgency.to_string(),
        "The service ro.passport.temporary does not offer the urgency \"5wd\". It offers: standard."
    );
}

#[test]
fn today_is_used_only_when_no_filing_date_is_given() {
    let r = QuoteRequest {
        filed_on: None,
        ..request("ro.passport.temporary", None, MONDAY, None)
    };
    let q = quote(&CATALOGUE, &r, |authority| {
        assert_eq!(authority.time_zone_name, "Europe/Bucharest");
        date(2026, 11, 27)
    })
    .unwrap();
    assert_eq!(q.filed_on, date(2026, 11, 27));
}

#[test]
fn lines_always_add_up_to_the_total() {
    for (_, service) in CATALOGUE.services() {
        for urgency in &service.urgencies {
            let mut r = md_request(&service.id, &urgency.id);
            r.reductions = service
                .reductions
                .iter()
                .filter(|red| red.applies.iter().any(|a| a.urgency == urgency.id))
                .map(|red| red.id.clone())
                .take(1)
                .collect();
            let q = ok(&r);
            assert_eq!(
                q.lines.iter().map(|l| l.amount_minor).sum::<i64>(),
                q.total_minor
            );
            assert!(q.total_minor >= 0);
        }
    }
}
