#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::payment::{Decision, next_state};
use jiff::SignedDuration;
use std::task::{Context, Poll, Waker};

const PORTAL: &str = "http://127.0.0.1:8080";
const NOW: i64 = 1_795_000_000;

fn provider(key: u8) -> DemoPaymentProvider {
    DemoPaymentProvider::new(Secret::new(&[key; 32]).unwrap(), PORTAL)
}

fn now() -> Timestamp {
    Timestamp::from_second(NOW).unwrap()
}

fn ready<T>(mut future: BoxFuture<'_, T>) -> T {
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("the demonstration provider never waits"),
    }
}

fn request(return_url: &str) -> PaymentRequest<'_> {
    PaymentRequest {
        order_id: "order-7",
        reference: "RF78000000123",
        amount: Money::new(25800, Currency::Eur),
        description: "Passport & urgency fee: 258 €",
        return_url,
    }
}

fn begin(p: &DemoPaymentProvider, return_url: &str) -> Result<String, BeginError> {
    ready(p.begin(&request(return_url)))
}

/// The query of a page address, decoded as the web framework would.
fn query(url: &str) -> Vec<(String, String)> {
    let (_, query) = url.split_once('?').unwrap();
    query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap();
            (name.to_string(), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let mut bytes = Vec::new();
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            bytes.push(u8::from_str_radix(std::str::from_utf8(&tail[..2]).unwrap(), 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).unwrap()
}

fn return_url() -> String {
    format!("{PORTAL}/en/cases/7/payment/return")
}

#[test]
fn the_page_reads_back_what_begin_asked_for() {
    let p = provider(1);
    let url = begin(&p, &return_url()).unwrap();
    assert!(url.starts_with(&format!("{PORTAL}{PAY_PAGE_PATH}?order=order-7&")));
    let payment = p.read_page(&query(&url)).unwrap();
    assert_eq!(
        payment,
        DemoPayment {
            order_id: "order-7".into(),
            reference: "RF78000000123".into(),
            amount: Money::new(25800, Currency::Eur),
            description: "Passport & urgency fee: 258 €".into(),
            return_url: return_url(),
        }
    );
}

#[test]
fn an_altered_page_address_or_another_key_is_refused() {
    let p = provider(1);
    let url = begin(&p, &return_url()).unwrap();
    for (name, value) in [
        ("amount", "1"),
        ("currency", "RON"),
        ("order", "order-8"),
        ("reference", "RF78000000124"),
        ("return", "https://evil.example/"),
        ("token", "00"),
    ] {
        let mut q = query(&url);
        for (n, v) in q.iter_mut() {
            if n == name {
                *v = value.to_string();
            }
        }
        assert_eq!(p.read_page(&q), Err(DemoPageError::BadToken), "{name}");
    }
    assert_eq!(
        provider(2).read_page(&query(&url)),
        Err(DemoPageError::BadToken)
    );
    let mut q = query(&url);
    q.retain(|(n, _)| n != "token");
    assert_eq!(
        p.read_page(&q),
        Err(DemoPageError::Query(AnswerError::Missing("token")))
    );
}

#[test]
fn begin_refuses_what_cannot_be_paid() {
    let p = provider(1);
    for bad in [
        "https://evil.example/return",
        "http://127.0.0.1:8080.evil.example/",
        "/en/cases/7/payment/return",
    ] {
        assert_eq!(
            begin(&p, bad).unwrap_err().code(),
            "payment-refused",
            "{bad}"
        );
    }
    let url = return_url();
    let mut free = request(&url);
    free.amount = Money::new(0, Currency::Eur);
    assert!(ready(p.begin(&free)).is_err());
    let mut anonymous = request(&url);
    anonymous.order_id = "";
    assert!(ready(p.begin(&anonymous)).is_err());
}

#[test]
fn the_pages_webhook_verifies_and_reads_back() {
    let p = provider(1);
    let url = begin(&p, &return_url()).unwrap();
    let payment = p.read_page(&query(&url)).unwrap();
    let event = p.event(&payment, PaymentStatus::Succeeded, now());
    assert_eq!(event.provider_transaction_id, p.transaction_id("order-7"));
    assert!(event.provider_transaction_id.starts_with("demo-"));
    assert_ne!(p.transaction_id("order-7"), p.transaction_id("order-8"));
    let (header, body) = p.sign_webhook(&event, now());
    assert_eq!(p.verify_webhook(Some(&header), &body, now()), Ok(event));
}

#[test]
fn the_webhook_refuses_forgeries_and_replays() {
    let p = provider(1);
    let payment = p
        .read_page(&query(&begin(&p, &return_url()).unwrap()))
        .unwrap();
    let event = p.event(&payment, PaymentStatus::Succeeded, now());
    let (header, body) = p.sign_webhook(&event, now());
    let code = |p: &DemoPaymentProvider, header: Option<&str>, body: &[u8], at: Timestamp| {
        p.verify_webhook(header, body, at).unwrap_err().code()
    };
    assert_eq!(
        code(&provider(2), Some(&header), &body, now()),
        "signature-mismatch"
    );
    let tampered = String::from_utf8(body.clone())
        .unwrap()
        .replace("25800", "100");
    assert_eq!(
        code(&p, Some(&header), tampered.as_bytes(), now()),
        "signature-mismatch"
    );
    let later = now() + SignedDuration::from_mins(6);
    assert_eq!(
        code(&p, Some(&header), &body, later),
        "timestamp-outside-tolerance"
    );
    assert_eq!(code(&p, None, &body, now()), "signature-missing");
    assert_eq!(
        code(&p, Some("v1=abc"), &body, now()),
        "signature-malformed"
    );
    let (header, junk) = (webhook::sign(&p.secret, b"[]", now()), b"[]");
    assert_eq!(code(&p, Some(&header), junk, now()), "body-malformed");
}

#[test]
fn the_pages_events_replay_and_arrive_late_as_storage_expects() {
    let p = provider(1);
    let payment = p
        .read_page(&query(&begin(&p, &return_url()).unwrap()))
        .unwrap();
    let failed = p.event(&payment, PaymentStatus::Failed, now()).mark();
    let paid = p.event(&payment, PaymentStatus::Succeeded, now()).mark();
    let refunded = p.event(&payment, PaymentStatus::Refunded, now()).mark();
    assert_eq!(next_state(Some(failed), paid), Decision::Apply);
    assert_eq!(next_state(Some(paid), paid), Decision::IgnoreDuplicate);
    assert_eq!(next_state(Some(paid), failed), Decision::IgnoreStale);
    assert_eq!(next_state(Some(paid), refunded), Decision::Apply);
}
