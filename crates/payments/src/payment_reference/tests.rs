#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";

fn case(prefix: &str, year: i16, sequence: u32) -> CaseReference {
    CaseReference::new(prefix, year, sequence)
}

fn references() -> impl Strategy<Value = PaymentReference> {
    prop_oneof![
        any::<u64>().prop_map(PaymentReference::rf),
        (0u64..100_000_000).prop_map(PaymentReference::rf),
        any::<u64>().prop_map(PaymentReference::mpay_style),
        (0u64..100_000_000).prop_map(PaymentReference::mpay_style),
        (
            "[A-Z]{1,4}(-[A-Z0-9]{1,4}){0,2}",
            2000i16..2100,
            1u32..50_000_000
        )
            .prop_map(|(p, y, s)| PaymentReference::treasury(&case(&p, y, s)).unwrap()),
    ]
}

#[test]
fn each_scheme_prints_as_documented() {
    let rf = PaymentReference::rf(123);
    assert_eq!(rf.to_string(), "RF78 0000 0012 3");
    assert_eq!(rf.as_str(), "RF78000000123");
    let md = PaymentReference::mpay_style(123);
    assert_eq!(md.to_string(), "0000 0012 34");
    let ro = PaymentReference::treasury(&case("RO-PAS-AB", 2026, 123)).unwrap();
    assert_eq!(ro.to_string(), "RO-PAS-AB-2026-000123-37");
    assert_eq!(ro.case_reference(), Some(case("RO-PAS-AB", 2026, 123)));
    assert_eq!(rf.case_reference(), None);
}

#[test]
fn the_standards_own_rf_example_reads() {
    let r = PaymentReference::parse(ReferenceScheme::Rf, "rf18 5390 0754 7034").unwrap();
    assert_eq!(r.as_str(), "RF18539007547034");
    assert_eq!(
        PaymentReference::parse(ReferenceScheme::Rf, "RF19 5390 0754 7034"),
        Err(ReferenceError::CheckMismatch)
    );
}

#[test]
fn generate_follows_the_services_way_of_paying() {
    let c = case("LT-MIG", 2026, 7);
    for (scheme, expected) in [
        (PaymentScheme::EurTransfer, ReferenceScheme::Rf),
        (PaymentScheme::Mpay, ReferenceScheme::MpayStyle),
        (
            PaymentScheme::TreasuryReceipt,
            ReferenceScheme::TreasuryCase,
        ),
    ] {
        let r = PaymentReference::generate(scheme, &c, 42).unwrap();
        assert_eq!(r.scheme(), expected);
        assert_eq!(ReferenceScheme::from_code(expected.code()), Some(expected));
    }
    let counter = PaymentReference::generate(PaymentScheme::None, &c, 42).unwrap();
    assert_eq!(counter.scheme(), ReferenceScheme::Counter);
    assert_eq!(counter.case_reference(), Some(c.clone()));
    assert!(!ReferenceScheme::Counter.paid_online());
    let typed = PaymentReference::parse(ReferenceScheme::Counter, counter.as_str()).unwrap();
    assert_eq!(typed, counter);
}

#[test]
fn malformed_references_say_so() {
    for (scheme, text) in [
        (ReferenceScheme::Rf, ""),
        (ReferenceScheme::Rf, "RF71"),
        (ReferenceScheme::Rf, "XX71 0000 0012 3"),
        (ReferenceScheme::Rf, "RF7A 0000 0012 3"),
        (ReferenceScheme::Rf, "RF18 5390 0754 703A"),
        (ReferenceScheme::Rf, "RF18 0000 0000 0000 0000 0000 00"),
        (ReferenceScheme::MpayStyle, "0000 0012 3"),
        (ReferenceScheme::MpayStyle, "0000-0012-34"),
        (ReferenceScheme::TreasuryCase, "RO-PAS-AB-2026-000123"),
        (ReferenceScheme::TreasuryCase, "RO-PAS-AB-2026-000123-4"),
        (ReferenceScheme::TreasuryCase, "RO-PAS-AB-26-000123-47"),
    ] {
        let error = PaymentReference::parse(scheme, text).unwrap_err();
        assert_eq!(error.code(), "reference-malformed", "{scheme:?} {text:?}");
    }
    let error = PaymentReference::parse(ReferenceScheme::MpayStyle, "0000 0012 35").unwrap_err();
    assert_eq!(error.code(), "reference-check-mismatch");
}

proptest! {
    #[test]
    fn every_generated_reference_parses_back(r in references()) {
        let scheme = r.scheme();
        prop_assert_eq!(PaymentReference::parse(scheme, r.as_str()), Ok(r.clone()));
        prop_assert_eq!(PaymentReference::parse(scheme, &r.to_string()), Ok(r.clone()));
        let typed = format!("  {} ", r.to_string().to_lowercase());
        prop_assert_eq!(PaymentReference::parse(scheme, &typed), Ok(r));
    }

    #[test]
    fn a_single_changed_character_is_refused(
        r in references(),
        at in any::<prop::sample::Index>(),
        with in any::<prop::sample::Index>(),
    ) {
        let mut bytes = r.as_str().as_bytes().to_vec();
        let at = at.index(bytes.len());
        let was = ALPHABET.iter().position(|&c| c == bytes[at]).unwrap();
        bytes[at] = ALPHABET[(was + 1 + with.index(ALPHABET.len() - 1)) % ALPHABET.len()];
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(PaymentReference::parse(r.scheme(), &changed).is_err(), "{}", changed);
    }

    #[test]
    fn swapping_two_neighbours_is_refused(
        r in references(),
        at in any::<prop::sample::Index>(),
    ) {
        let mut bytes = r.as_str().as_bytes().to_vec();
        let pairs = bytes.len() - 1;
        let start = at.index(pairs);
        // Zero-padded references repeat digits: take the next pair that differs.
        let at = (start..pairs).chain(0..start).find(|&i| bytes[i] != bytes[i + 1]);
        let Some(at) = at else { return Ok(()) };
        bytes.swap(at, at + 1);
        let swapped = String::from_utf8(bytes).unwrap();
        prop_assert!(PaymentReference::parse(r.scheme(), &swapped).is_err(), "{}", swapped);
    }

    #[test]
    fn parsing_never_panics(scheme in 0usize..3, text in "\\PC{0,40}") {
        let _ = PaymentReference::parse(ReferenceScheme::ALL[scheme], &text);
    }
}
