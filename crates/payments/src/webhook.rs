//! Webhooks a payment provider posts to the portal. The body is JSON; the
//! `Ghiseu-Signature` header holds `t=<unix seconds>,v1=<hex HMAC-SHA256 of
//! "t.body">`. Signing the time with the body lets an old message be
//! refused even when its signature is good.

use crate::payment::{PaymentEvent, PaymentStatus};
use crate::signature::Secret;
use ghiseu_domain::money::{Currency, Money};
use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;

pub const SIGNATURE_HEADER: &str = "Ghiseu-Signature";

/// How far a message's time may be from ours, either way.
pub const DEFAULT_TOLERANCE: SignedDuration = SignedDuration::from_secs(5 * 60);

/// Why a webhook is refused. Each has a stable [`code`](WebhookError::code).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("the webhook has no signature")]
    SignatureMissing,
    #[error("the webhook's signature header is not t=<seconds>,v1=<hex>")]
    SignatureMalformed,
    #[error("the webhook's signature does not match its body")]
    SignatureMismatch,
    #[error("the webhook was signed too long ago or in the future")]
    TimestampOutsideTolerance,
    #[error("the webhook's body is not a payment event: {0}")]
    BodyMalformed(String),
}

impl WebhookError {
    pub fn code(&self) -> &'static str {
        match self {
            WebhookError::SignatureMissing => "signature-missing",
            WebhookError::SignatureMalformed => "signature-malformed",
            WebhookError::SignatureMismatch => "signature-mismatch",
            WebhookError::TimestampOutsideTolerance => "timestamp-outside-tolerance",
            WebhookError::BodyMalformed(_) => "body-malformed",
        }
    }
}

/// The signature header's value for `body` sent at `at`.
pub fn sign(secret: &Secret, body: &[u8], at: Timestamp) -> String {
    let t = at.as_second().to_string();
    let v1 = secret.sign_raw(&[t.as_bytes(), b".", body]);
    format!("t={t},v1={v1}")
}

/// Checks `header` (the signature header's value) against `body`. Several
/// `v1` values may be given, as while a provider rolls its key; one must
/// match. Parts other than `t` and `v1` are ignored.
pub fn verify(
    secret: &Secret,
    header: Option<&str>,
    body: &[u8],
    now: Timestamp,
    tolerance: SignedDuration,
) -> Result<(), WebhookError> {
    let header = header.ok_or(WebhookError::SignatureMissing)?;
    let mut t = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        let (name, value) = part
            .trim()
            .split_once('=')
            .ok_or(WebhookError::SignatureMalformed)?;
        match name {
            "t" if t.is_none() => t = Some(value),
            "t" => return Err(WebhookError::SignatureMalformed),
            "v1" if value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()) => {
                signatures.push(value);
            }
            "v1" => return Err(WebhookError::SignatureMalformed),
            _ => {}
        }
    }
    let t = t
        .filter(|t| (1..=12).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
        .ok_or(WebhookError::SignatureMalformed)?;
    if signatures.is_empty() {
        return Err(WebhookError::SignatureMalformed);
    }
    let signed: [&[u8]; 3] = [t.as_bytes(), b".", body];
    if !signatures.iter().any(|s| secret.verify_raw(&signed, s)) {
        return Err(WebhookError::SignatureMismatch);
    }
    let seconds: i64 = t.parse().map_err(|_| WebhookError::SignatureMalformed)?;
    if (now.as_second() - seconds).abs() > tolerance.as_secs() {
        return Err(WebhookError::TimestampOutsideTolerance);
    }
    Ok(())
}

/// The JSON body of `event`.
pub fn encode(event: &PaymentEvent) -> Vec<u8> {
    serde_json::json!({
        "transaction_id": event.provider_transaction_id,
        "order_id": event.order_id,
        "reference": event.reference,
        "amount_minor": event.amount.minor,
        "currency": event.amount.currency.code(),
        "status": event.status.code(),
        "occurred_at": event.occurred_at.to_string(),
        "sequence": event.sequence,
    })
    .to_string()
    .into_bytes()
}

#[derive(Deserialize)]
struct Body {
    transaction_id: String,
    order_id: String,
    reference: String,
    #[serde(deserialize_with = "whole")]
    amount_minor: i64,
    currency: Currency,
    status: PaymentStatus,
    occurred_at: Timestamp,
    #[serde(deserialize_with = "whole")]
    sequence: u64,
}

/// A whole number of type `N`. JSON has one kind of number, and JSON Schema's
/// `integer` is any number whose fraction is zero: `5.0` is read as `5`, as
/// `5` is; `5.5`, or a number `N` does not hold, is refused.
fn whole<'de, D, N>(deserializer: D) -> Result<N, D::Error>
where
    D: serde::Deserializer<'de>,
    N: TryFrom<i64> + TryFrom<u64>,
{
    use serde::de::Error;
    let number = serde_json::Number::deserialize(deserializer)?;
    let exact = || {
        if let Some(n) = number.as_u64() {
            return N::try_from(n).ok();
        }
        if let Some(n) = number.as_i64() {
            return N::try_from(n).ok();
        }
        let float = number.as_f64()?;
        // 2^63 (-i64::MIN, exact as an f64) is beyond i64; any whole f64 below it fits.
        let fits = float.fract() == 0.0 && float.abs() < -(i64::MIN as f64);
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a whole number within i64's range, checked above"
        )]
        fits.then(|| N::try_from(float as i64).ok()).flatten()
    };
    exact().ok_or_else(|| D::Error::custom(format!("{number} is not a whole number in range")))
}

/// Reads an event from a body whose signature was verified.
pub fn decode(body: &[u8]) -> Result<PaymentEvent, WebhookError> {
    let body: Body =
        serde_json::from_slice(body).map_err(|e| WebhookError::BodyMalformed(e.to_string()))?;
    let malformed = |what: &str| Err(WebhookError::BodyMalformed(what.to_string()));
    if body.transaction_id.is_empty() || body.order_id.is_empty() {
        return malformed("the transaction or order id is empty");
    }
    if body.amount_minor <= 0 {
        return malformed("the amount is not positive");
    }
    Ok(PaymentEvent {
        provider_transaction_id: body.transaction_id,
        order_id: body.order_id,
        reference: body.reference,
        amount: Money::new(body.amount_minor, body.currency),
        status: body.status,
        occurred_at: body.occurred_at,
        sequence: body.sequence,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn key(byte: u8) -> Secret {
        Secret::new(&[byte; 32]).unwrap()
    }

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(seconds).unwrap()
    }

    const NOW: i64 = 1_795_000_000;
    const BODY: &[u8] = br#"{"any":"bytes"}"#;

    fn check(key_byte: u8, header: Option<&str>, body: &[u8]) -> Result<(), WebhookError> {
        verify(&key(key_byte), header, body, at(NOW), DEFAULT_TOLERANCE)
    }

    fn event() -> PaymentEvent {
        PaymentEvent {
            provider_transaction_id: "tx-1".into(),
            order_id: "order-1".into(),
            reference: "RF78000000123".into(),
            amount: Money::new(25800, Currency::Eur),
            status: PaymentStatus::Succeeded,
            occurred_at: at(NOW - 3),
            sequence: 2,
        }
    }

    #[test]
    fn a_signed_body_verifies() {
        let header = sign(&key(1), BODY, at(NOW));
        assert!(header.starts_with(&format!("t={NOW},v1=")));
        assert_eq!(check(1, Some(&header), BODY), Ok(()));
        let spaced = header.replace(',', ", ");
        assert_eq!(check(1, Some(&spaced), BODY), Ok(()));
    }

    #[test]
    fn another_key_or_a_tampered_body_is_a_mismatch() {
        let header = sign(&key(1), BODY, at(NOW));
        assert_eq!(
            check(2, Some(&header), BODY),
            Err(WebhookError::SignatureMismatch)
        );
        assert_eq!(
            check(1, Some(&header), br#"{"any":"byte5"}"#),
            Err(WebhookError::SignatureMismatch)
        );
        let moved = header.replace(&format!("t={NOW}"), &format!("t={}", NOW + 1));
        assert_eq!(
            check(1, Some(&moved), BODY),
            Err(WebhookError::SignatureMismatch)
        );
    }

    #[test]
    fn only_times_within_the_tolerance_pass() {
        for (offset, ok) in [
            (-301, false),
            (-300, true),
            (-60, true),
            (300, true),
            (301, false),
        ] {
            let header = sign(&key(1), BODY, at(NOW + offset));
            let expected = if ok {
                Ok(())
            } else {
                Err(WebhookError::TimestampOutsideTolerance)
            };
            assert_eq!(check(1, Some(&header), BODY), expected, "{offset}");
        }
    }

    #[test]
    fn one_matching_signature_among_several_is_enough() {
        let good = sign(&key(1), BODY, at(NOW));
        let other = sign(&key(2), BODY, at(NOW));
        let (_, other_v1) = other.split_once(",v1=").unwrap();
        let header = format!("t={NOW},v1={other_v1},{}", &good[good.len() - 67..]);
        assert_eq!(check(1, Some(&header), BODY), Ok(()));
        let header = format!("{good},v0=old");
        assert_eq!(check(1, Some(&header), BODY), Ok(()));
    }

    #[test]
    fn missing_and_malformed_headers_are_told_apart() {
        assert_eq!(check(1, None, BODY), Err(WebhookError::SignatureMissing));
        let v1 = "ab".repeat(32);
        for bad in [
            String::new(),
            "garbage".into(),
            format!("v1={v1}"),
            format!("t={NOW}"),
            format!("t=,v1={v1}"),
            format!("t=-5,v1={v1}"),
            format!("t=+{NOW},v1={v1}"),
            format!("t=1795000000000,v1={v1}"),
            format!("t={NOW},t={NOW},v1={v1}"),
            format!("t={NOW},v1=zz"),
            format!("t={NOW},v1={}", &v1[..62]),
        ] {
            let error = check(1, Some(&bad), BODY).unwrap_err();
            assert_eq!(error.code(), "signature-malformed", "{bad:?}");
        }
    }

    #[test]
    fn an_event_reads_back_from_its_body() {
        let event = event();
        assert_eq!(decode(&encode(&event)), Ok(event));
    }

    #[test]
    fn bodies_that_are_not_events_are_malformed() {
        let good: serde_json::Value = serde_json::from_slice(&encode(&event())).unwrap();
        let with = |name: &str, value: serde_json::Value| {
            let mut body = good.clone();
            body[name] = value;
            body.to_string().into_bytes()
        };
        for bad in [
            b"not json".to_vec(),
            b"{}".to_vec(),
            with("status", "paid".into()),
            with("currency", "USD".into()),
            with("amount_minor", 0.into()),
            with("amount_minor", (-100).into()),
            with("sequence", (-1).into()),
            with("sequence", 1.5.into()),
            with("amount_minor", 2500.5.into()),
            with("amount_minor", 1e19.into()),
            with("amount_minor", "2500".into()),
            with("occurred_at", "yesterday".into()),
            with("transaction_id", "".into()),
        ] {
            let error = decode(&bad).unwrap_err();
            assert_eq!(error.code(), "body-malformed");
        }
    }

    #[test]
    fn whole_numbers_written_with_a_fraction_of_zero_are_read() {
        let event = event();
        let mut body: serde_json::Value = serde_json::from_slice(&encode(&event)).unwrap();
        body["amount_minor"] = (event.amount.minor as f64).into();
        body["sequence"] = 1.0.into();
        let read = decode(body.to_string().as_bytes()).unwrap();
        assert_eq!(read.amount, event.amount);
        assert_eq!(read.sequence, 1);
    }

    #[test]
    fn error_codes_are_stable() {
        let codes: Vec<_> = [
            WebhookError::SignatureMissing,
            WebhookError::SignatureMalformed,
            WebhookError::SignatureMismatch,
            WebhookError::TimestampOutsideTolerance,
            WebhookError::BodyMalformed(String::new()),
        ]
        .iter()
        .map(WebhookError::code)
        .collect();
        assert_eq!(
            codes,
            [
                "signature-missing",
                "signature-malformed",
                "signature-mismatch",
                "timestamp-outside-tolerance",
                "body-malformed"
            ]
        );
    }
}
