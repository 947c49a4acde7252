//! A payment provider's webhook (`POST /api/v1/payments/webhook`): the
//! `Ghiseu-Signature` header checked against the body
//! (`ghiseu_payments::webhook::verify`), the JSON body read as a payment
//! event (`decode`), and the payment reference it carries read under each
//! scheme (`PaymentReference::parse`), as the portal matches it to an order.
//!
//! Input: the header's value up to the first line feed (none without one),
//! then the body.
#![no_main]

use std::sync::OnceLock;

use ghiseu_fuzz::now;
use ghiseu_payments::webhook::{DEFAULT_TOLERANCE, decode, encode, sign, verify};
use ghiseu_payments::{PaymentReference, ReferenceScheme, Secret};
use libfuzzer_sys::fuzz_target;

fn secret() -> &'static Secret {
    static SECRET: OnceLock<Secret> = OnceLock::new();
    SECRET.get_or_init(|| Secret::new(&[7; 32]).expect("a 32-byte secret"))
}

fuzz_target!(|data: &[u8]| {
    let (header, body) = match data.iter().position(|&b| b == b'\n') {
        Some(at) => (std::str::from_utf8(&data[..at]).ok(), &data[at + 1..]),
        None => (None, data),
    };
    let secret = secret();
    if let Err(error) = verify(secret, header, body, now(), DEFAULT_TOLERANCE) {
        assert!(!error.code().is_empty());
    }
    // The provider's own signature of the body always passes.
    let signed = sign(secret, body, now());
    assert_eq!(
        verify(secret, Some(&signed), body, now(), DEFAULT_TOLERANCE),
        Ok(())
    );

    match decode(body) {
        Ok(event) => {
            assert!(event.amount.minor > 0);
            assert!(!event.provider_transaction_id.is_empty());
            assert!(!event.order_id.is_empty());
            assert_eq!(decode(&encode(&event)), Ok(event.clone()));
            reference(&event.reference);
        }
        Err(error) => assert_eq!(error.code(), "body-malformed"),
    }
    if let Ok(text) = std::str::from_utf8(body) {
        reference(text);
    }
});

/// A reference that reads reads again, from its compact and printed forms.
fn reference(text: &str) {
    for scheme in ReferenceScheme::ALL {
        if let Ok(found) = PaymentReference::parse(scheme, text) {
            assert_eq!(found.scheme(), scheme);
            let again = PaymentReference::parse(scheme, found.as_str());
            assert_eq!(again.as_ref(), Ok(&found));
            let printed = PaymentReference::parse(scheme, &found.to_string());
            assert_eq!(printed.as_ref(), Ok(&found));
        }
    }
}
