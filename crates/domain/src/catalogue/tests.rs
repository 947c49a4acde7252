#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::test_support::{catalogue, sources};

#[test]
fn the_repository_catalogue_holds_every_reference_service() {
    let catalogue = catalogue();
    for id in [
        "ro.passport.electronic",
        "ro.passport.temporary",
        "ro.passport.certificate",
        "ro.passport.registry-extract",
        "ro.igi.residence-permit",
        "ro.igi.fine-payment-proof",
        "ro.criminal-record.certificate",
        "md.igm.ir",
        "md.igm.cr",
        "md.igm.ic",
        "md.igm.cc",
        "md.igm.ri",
        "md.igm.ih",
        "md.igm.pc",
        "md.igm.pt",
        "md.igm.ph",
        "lt.invitation.approval",
    ] {
        assert!(catalogue.service(id).is_some(), "{id} is missing");
    }
    let (authority, passport) = catalogue.service("ro.passport.electronic").unwrap();
    assert_eq!(authority.time_zone_name, "Europe/Bucharest");
    assert_eq!(
        passport.category_for(13, false).unwrap().id,
        "minor-under-14"
    );
    assert_eq!(passport.category_for(14, false).unwrap().id, "minor-14-17");
    assert_eq!(passport.category_for(18, false).unwrap().id, "adult");
    assert_eq!(
        passport.category_for(40, true).unwrap().id,
        "domicile-abroad"
    );
    let (md, _) = catalogue.service("md.igm.pc").unwrap();
    assert_eq!(
        (md.currency, md.time_zone_name.as_str()),
        (crate::money::Currency::Mdl, "Europe/Chisinau")
    );
    let (lt, _) = catalogue.service("lt.invitation.approval").unwrap();
    assert_eq!(lt.time_zone_name, "Europe/Vilnius");
}

/// The passport file with one text replaced, loaded with the real calendars.
pub(super) fn load_changed(from: &str, to: &str) -> Vec<CatalogueError> {
    let mut sources = sources();
    let file = sources
        .authorities
        .iter_mut()
        .find(|f| f.name.ends_with("ro-passport-alba.toml"))
        .unwrap();
    assert!(
        file.text.contains(from),
        "the test's anchor \"{from}\" is not in the file"
    );
    file.text = file.text.replacen(from, to, 1);
    match Catalogue::load(&sources) {
        Ok(_) => panic!("the change {from:?} -> {to:?} was accepted"),
        Err(errors) => errors,
    }
}

pub(super) fn line_of(anchor: &str) -> usize {
    let text = sources()
        .authorities
        .into_iter()
        .find(|f| f.name.ends_with("ro-passport-alba.toml"))
        .unwrap()
        .text;
    let offset = text.find(anchor).unwrap();
    text[..offset].matches('\n').count() + 1
}

pub(super) fn assert_refused(from: &str, to: &str, message_part: &str) {
    assert_refused_below(from, to, message_part, 0);
}

/// As `assert_refused`, for an error `lines_below` lines under the anchor.
pub(super) fn assert_refused_below(from: &str, to: &str, message_part: &str, lines_below: usize) {
    let errors = load_changed(from, to);
    let error = errors
        .iter()
        .find(|e| e.message.contains(message_part))
        .unwrap_or_else(|| panic!("no error mentions {message_part:?}: {errors:?}"));
    assert!(error.file.ends_with("ro-passport-alba.toml"), "{error}");
    assert_eq!(error.line, line_of(from) + lines_below, "{error}");
}

#[test]
fn errors_name_the_file_line_and_problem() {
    assert_refused(
        "currency = \"RON\"",
        "currency = \"LEI\"",
        "unknown currency \"LEI\"",
    );
    assert_refused(
        "time_zone = \"Europe/Bucharest\"",
        "time_zone = \"Europe/Alba\"",
        "unknown time zone",
    );
    assert_refused(
        "calendar = \"ro\"",
        "calendar = \"xx\"",
        "no holiday calendar called \"xx\"",
    );
    assert_refused(
        "scheme = \"treasury-receipt\"",
        "scheme = \"cheque\"",
        "unknown payment scheme",
    );
    assert_refused(
        "reference_prefix = \"RO-PAS-AB\"",
        "reference_prefix = \"ro pas\"",
        "reference_prefix",
    );
}

#[test]
fn syntax_and_schema_errors_carry_positions() {
    let errors = load_changed("max_upload_bytes = 5242880", "max_upload_bytes = = 5");
    assert_eq!(errors[0].line, line_of("max_upload_bytes"));
    let errors = load_changed("max_upload_bytes = 5242880", "max_upload_bites = 5242880");
    assert!(errors[0].message.contains("max_upload_bites"), "{errors:?}");
    assert_eq!(errors[0].line, line_of("max_upload_bytes"));
}

#[test]
fn fee_mistakes_are_refused() {
    assert_refused(
        "amount = 96",
        "amount = \"96.005\"",
        "more than two decimals",
    );
    assert_refused("amount = 96", "amount = -96", "cannot be negative");
    assert_refused(
        "by_age = [ { under_age = 12, amount = 234 }, { amount = 258 } ]",
        "by_age = [ { amount = 234 }, { under_age = 12, amount = 258 } ]",
        "only the last band",
    );
}

#[test]
fn rule_mistakes_are_refused() {
    let errors = load_changed(
        "default = true\nprocessing = { kind = \"calendar-days\"",
        "default = false\nprocessing = { kind = \"calendar-days\"",
    );
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("exactly one urgency")),
        "{errors:?}"
    );
    let errors = load_changed(
        "{ under_age = 12, years = 3 }",
        "{ under_age = 12, years = 0 }",
    );
    assert!(
        errors.iter().any(|e| e.message.contains("cannot be zero")),
        "{errors:?}"
    );
    let errors = load_changed("from_age = 18", "from_age = 17");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("age 17 is covered by 2")),
        "{errors:?}"
    );
    let errors = load_changed("en = \"Simple electronic passport\"", "en = \" \"");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("needs a text in en")),
        "{errors:?}"
    );
    let errors = load_changed("en = \"Simple electronic passport\"", "fr = \"Passeport\"");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("unknown variant `fr`")),
        "{errors:?}"
    );
    let errors = load_changed(
        "processing = { kind = \"working-days\", days = 3 }",
        "processing = { kind = \"working-days\", days = 0 }",
    );
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("working days is 0")),
        "{errors:?}"
    );
}

#[test]
fn a_service_defined_twice_is_refused() {
    let errors = load_changed(
        "id = \"ro.passport.certificate\"",
        "id = \"ro.passport.temporary\"",
    );
    assert!(
        errors.iter().any(|e| e.message.contains("defined twice")),
        "{errors:?}"
    );
}

#[test]
fn an_empty_catalogue_is_refused() {
    let errors = Catalogue::load(&Sources::default()).unwrap_err();
    assert!(errors[0].message.contains("no authority file"));
}

#[test]
fn line_col_counts_from_one() {
    assert_eq!(line_col("ab\ncd", 0), (1, 1));
    assert_eq!(line_col("ab\ncd", 4), (2, 2));
    assert_eq!(line_col("ab", 99), (1, 3));
}

#[test]
fn cases_go_to_the_office_covering_the_domicile() {
    let catalogue = catalogue();
    let igi = catalogue.authority("ro.igi").unwrap();
    assert_eq!(office_for(&igi.offices, "RO-AB").unwrap().id, "igi-alba");
    assert_eq!(
        office_for(&igi.offices, "RO-IF").unwrap().id,
        "igi-bucuresti"
    );
    // No territorial office names Cluj: the central counter takes it.
    assert_eq!(office_for(&igi.offices, "RO-CJ").unwrap().id, "igi-central");
    let alba = catalogue.authority("ro.passport.alba").unwrap();
    assert!(office_for(&alba.offices, "RO-CJ").is_none());
    let office = catalogue.office("ab-alba-iulia").unwrap();
    assert_eq!(office.authority_id, "ro.passport.alba");
    assert_eq!(office.time_zone_name, "Europe/Bucharest");
    assert!(catalogue.office("nowhere").is_none());
}

#[test]
fn office_mistakes_are_refused() {
    assert_refused(
        "covers = [\"RO-AB\"]",
        "covers = [\"RO-XX\"]",
        "\"RO-XX\" is not an ISO 3166-2 division",
    );
    assert_refused(
        "covers = [\"RO-AB\"]",
        "covers = [\"MD-CU\"]",
        "MD-CU is in another country",
    );
    assert_refused("covers = [\"RO-AB\"]", "covers = []", "covers nothing");
    assert_refused_below(
        "covers = [\"RO-AB\"]",
        "covers = [\"RO-AB\"]\ntime_zone = \"Europe/Nowhere\"",
        "unknown time zone \"Europe/Nowhere\"",
        1,
    );
    assert_refused_below(
        "covers = [\"RO-AB\"]",
        "covers = [\"RO-AB\"]\n\n[[office]]\nid = \"ab-alba-iulia\"\nname = { ro = \"x\", en = \"x\" }\naddress = { ro = \"x\", en = \"x\" }\ncovers = [\"RO-AB\"]",
        "office \"ab-alba-iulia\" is defined twice",
        3,
    );
}

#[test]
fn services_name_the_identity_assurance_they_need() {
    use crate::account::AssuranceLevel;
    let catalogue = catalogue();
    let (_, record) = catalogue.service("ro.criminal-record.certificate").unwrap();
    assert!(!record.accepts(AssuranceLevel::Email));
    assert!(record.accepts(AssuranceLevel::InPerson));
    assert!(record.accepts(AssuranceLevel::Card));
    let (_, passport) = catalogue.service("ro.passport.electronic").unwrap();
    assert!(AssuranceLevel::ALL.into_iter().all(|l| passport.accepts(l)));
    assert_refused_below(
        "id = \"ro.passport.electronic\"\n",
        "id = \"ro.passport.electronic\"\nassurance = [\"passport\"]\n",
        "unknown assurance level \"passport\"",
        1,
    );
    assert_refused_below(
        "id = \"ro.passport.electronic\"\n",
        "id = \"ro.passport.electronic\"\nassurance = []\n",
        "list at least one assurance level",
        1,
    );
}

#[test]
fn authorities_list_rejection_reasons_and_services_say_whether_they_are_reviewed() {
    let catalogue = catalogue();
    for authority in catalogue.authorities() {
        assert!(
            authority
                .rejection_reasons
                .iter()
                .any(|r| r.id == "not-eligible"),
            "{}",
            authority.id
        );
    }
    let (_, record) = catalogue.service("ro.criminal-record.certificate").unwrap();
    assert!(!record.review, "issued automatically");
    let (_, passport) = catalogue.service("ro.passport.electronic").unwrap();
    assert!(passport.review);
    assert_refused(
        "id = \"not-eligible\"",
        "id = \"Not Eligible\"",
        "rejection reason id \"Not Eligible\"",
    );
}

#[test]
fn a_delivery_is_counter_electronic_or_refused_where_it_is_written() {
    let catalogue = catalogue();
    let (_, passport) = catalogue.service("ro.passport.electronic").unwrap();
    assert_eq!(passport.delivery, Delivery::Counter);
    let (_, certificate) = catalogue.service("ro.criminal-record.certificate").unwrap();
    assert_eq!(certificate.delivery, Delivery::Electronic);
    assert_refused(
        "document_type = \"temporary-passport\"",
        "delivery = \"by-post\"\ndocument_type = \"temporary-passport\"",
        "delivery \"by-post\" is unknown: use counter or electronic",
    );
    assert_refused(
        "document_type = \"temporary-passport\"",
        "delivery = \"electronic\"",
        "an electronic delivery needs a `document_type`",
    );
}

#[test]
fn a_fee_receipt_is_asked_with_the_application_only_where_the_portal_takes_no_fee() {
    let receipt = RequiredDocument {
        id: "fee-receipt".into(),
        name: LocalText::new([(Lang::En, "Receipt".to_string())]),
        when: None,
        original: true,
        copy: false,
        fee_receipt: true,
    };
    for scheme in [
        PaymentScheme::TreasuryReceipt,
        PaymentScheme::Mpay,
        PaymentScheme::EurTransfer,
    ] {
        assert!(receipt.paid_here(scheme));
        assert!(!receipt.needed_with_application(scheme));
    }
    assert!(!receipt.paid_here(PaymentScheme::None));
    assert!(receipt.needed_with_application(PaymentScheme::None));
    let other = RequiredDocument {
        fee_receipt: false,
        ..receipt.clone()
    };
    assert!(other.needed_with_application(PaymentScheme::Mpay));
    let sometimes = RequiredDocument {
        when: Some(LocalText::new([(Lang::En, "If any".to_string())])),
        ..other
    };
    assert!(!sometimes.needed_with_application(PaymentScheme::None));
    // The shipped receipts are marked as such.
    let catalogue = catalogue();
    let (alba, passport) = catalogue.service("ro.passport.electronic").unwrap();
    let adult = passport
        .categories
        .iter()
        .find(|c| c.id == "adult")
        .unwrap();
    let shipped = adult
        .documents
        .iter()
        .find(|d| d.id == "fee-receipt")
        .unwrap();
    assert!(shipped.paid_here(alba.payment.scheme));
}
