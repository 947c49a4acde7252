use super::*;
use crate::catalogue::{InvitationRules, Inviter, LocalText, Reason};
use jiff::civil::date;
use proptest::prelude::*;

fn rules() -> InvitationRules {
    let reason = |id: &str| Reason {
        id: id.into(),
        name: LocalText::default(),
    };
    let inviter = |id: &str, organisation| Inviter {
        id: id.into(),
        name: LocalText::default(),
        organisation,
        documents: Vec::new(),
    };
    InvitationRules {
        max_stay_days: 90,
        passport_valid_after_stay_days: 90,
        inviters: vec![inviter("citizen", false), inviter("legal-entity", true)],
        purposes: vec![reason("family-visit")],
        refusals: vec![reason("entry-ban")],
    }
}

const PERSON: Inviting = Inviting {
    organisation: false,
    country: Country::Lt,
};
const TODAY: Date = date(2026, 12, 5);

fn form() -> InvitationForm {
    InvitationForm {
        inviter: "citizen".into(),
        given_name: "Olena".into(),
        family_name: "Kovalenko-Shevchuk".into(),
        birth_date: "1990-04-12".into(),
        citizenship: "ua".into(),
        passport_number: "fe 123456".into(),
        passport_expires_on: "2030-01-31".into(),
        purpose: "family-visit".into(),
        stay_from: "2027-01-10".into(),
        stay_until: "2027-04-09".into(),
        stay_address: "Gedimino pr. 1, Vilnius".into(),
    }
}

fn fields(form: &InvitationForm, inviting: Inviting) -> Vec<(&'static str, &'static str)> {
    read(form, &rules(), inviting, TODAY)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p.field, p.code))
        .collect()
}

#[test]
fn a_complete_request_is_read_with_its_values_normalised() {
    let read = read(&form(), &rules(), PERSON, TODAY).unwrap();
    assert_eq!(read.passport_number.as_str(), "FE123456");
    assert_eq!(read.citizenship, "UA");
    assert_eq!(stay_days(read.stay_from, read.stay_until), 90);
}

#[test]
fn a_stay_one_day_too_long_is_refused_on_its_last_day() {
    let mut long = form();
    long.stay_until = "2027-04-10".into();
    assert_eq!(fields(&long, PERSON), [("stay_until", "stay-too-long")]);
}

#[test]
fn each_mistake_names_its_field() {
    let mut bad = form();
    bad.passport_number = "12-34".into();
    bad.citizenship = "LT".into();
    bad.purpose = "tourism".into();
    bad.given_name = String::new();
    bad.stay_from = "2026-12-04".into();
    bad.birth_date = "1990-02-30".into();
    assert_eq!(
        fields(&bad, PERSON),
        [
            ("given_name", "required"),
            ("birth_date", "date-malformed"),
            ("citizenship", "not-a-foreigner"),
            ("passport_number", "passport-number-malformed"),
            ("purpose", "unknown-purpose"),
            ("stay_from", "stay-in-past"),
        ]
    );
}

#[test]
fn the_passport_must_outlast_the_stay_by_the_rules_margin() {
    let mut short = form();
    short.passport_expires_on = "2027-07-07".into();
    assert_eq!(
        fields(&short, PERSON),
        [("passport_expires_on", "passport-expires-too-soon")]
    );
    short.passport_expires_on = "2027-07-08".into();
    assert!(fields(&short, PERSON).is_empty());
}

#[test]
fn a_person_cannot_invite_as_a_legal_entity_nor_the_reverse() {
    let mut entity = form();
    entity.inviter = "legal-entity".into();
    assert_eq!(fields(&entity, PERSON), [("inviter", "inviter-mismatch")]);
    let organisation = Inviting {
        organisation: true,
        ..PERSON
    };
    assert_eq!(
        fields(&form(), organisation),
        [("inviter", "inviter-mismatch")]
    );
    assert!(fields(&entity, organisation).is_empty());
}

proptest! {
    #[test]
    fn passport_numbers_are_six_to_nine_capitals_and_digits(text in "\\PC{0,14}") {
        if let Ok(number) = PassportNumber::parse(&text) {
            let n = number.as_str();
            prop_assert!((6..=9).contains(&n.len()));
            prop_assert!(n.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
            prop_assert!(n.chars().any(|c| c.is_ascii_digit()));
            prop_assert_eq!(PassportNumber::parse(n).map(|p| p.digest()), Ok(number.digest()));
        }
    }

    #[test]
    fn a_stay_is_accepted_exactly_when_it_fits_the_longest(offset in 0i64..400, days in 1i64..200) {
        let from = TODAY.checked_add(offset.days()).unwrap();
        let until = from.checked_add((days - 1).days()).unwrap();
        let mut f = form();
        f.stay_from = from.to_string();
        f.stay_until = until.to_string();
        f.passport_expires_on = "2040-01-01".into();
        let refused = fields(&f, PERSON);
        prop_assert_eq!(refused.is_empty(), days <= 90);
        prop_assert_eq!(stay_days(from, until), days);
    }
}
