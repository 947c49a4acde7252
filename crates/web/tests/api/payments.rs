//! Fees: the payment order issued when the fee falls due, paying it through
//! the demonstration provider, the webhook's refusals and its replays, an
//! operator confirming a payment from a proof, refunds and payments made twice.

use crate::cases::{citizen_in_alba, press, start};
use crate::support::{
    Browser, TestApp, TestResponse, hidden, payment_provider, signed_in, signed_in_at,
};
use axum::body::Body;
use axum::http::{Request, header};
use ghiseu_domain::money::{Currency, Money};
use ghiseu_payments::{DemoPayment, PaymentStatus, SIGNATURE_HEADER};
use ghiseu_storage::payments::{self, PaymentOrder};

const WEBHOOK: &str = "/api/v1/payments/webhook";

async fn staff_csrf(app: &TestApp, staff: &mut Browser) -> String {
    crate::support::staff_csrf(app, staff).await
}

/// An adult in Alba whose passport application was accepted, its order
/// issued; returns their browser, the case page and the case id.
async fn fee_due(app: &TestApp, email: &str) -> (Browser, String, String) {
    let (mut citizen, _) = citizen_in_alba(app, email).await;
    let case = start(app, &mut citizen, "ro.passport.electronic", "self").await;
    assert_eq!(press(app, &mut citizen, &case, "submit").await.status, 303);
    let id = case.rsplit('/').next().unwrap().to_string();
    let (mut operator, _) = signed_in(app, &format!("op.{email}"), "operator").await;
    let csrf = staff_csrf(app, &mut operator).await;
    let path = format!("/en/office/cases/{id}");
    let r = operator
        .post_form(app, &format!("{path}/claim"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let version = case_record(app, &id).await.version.to_string();
    let r = operator
        .post_form(
            app,
            &format!("{path}/decide"),
            &[("csrf", &csrf), ("version", &version), ("action", "accept")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    ghiseu_web::payments::issue_order(&app.state, &id)
        .await
        .unwrap();
    assert_eq!(case_record(app, &id).await.state, "fee-due");
    (citizen, case, id)
}

async fn case_record(app: &TestApp, id: &str) -> ghiseu_storage::cases::CaseRecord {
    ghiseu_storage::cases::get(&app.state.db, id)
        .await
        .unwrap()
        .unwrap()
}

async fn order(app: &TestApp, case_id: &str) -> PaymentOrder {
    payments::for_case(&app.state.db, case_id)
        .await
        .unwrap()
        .unwrap()
}

async fn confirmations(app: &TestApp, case_id: &str) -> usize {
    ghiseu_storage::cases::events(&app.state.db, case_id)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "confirm-payment")
        .count()
}

fn demo_payment(order: &PaymentOrder) -> DemoPayment {
    DemoPayment {
        order_id: order.id.clone(),
        reference: order.reference.clone(),
        amount: Money::new(order.amount_minor, Currency::Ron),
        description: "Passport".into(),
        return_url: "http://127.0.0.1:8080/en/applications".into(),
    }
}

async fn post_webhook(app: &TestApp, signature: Option<&str>, body: Vec<u8>) -> TestResponse {
    let mut request = Request::post(WEBHOOK).header(header::CONTENT_TYPE, "application/json");
    if let Some(signature) = signature {
        request = request.header(SIGNATURE_HEADER, signature);
    }
    app.request(request.body(Body::from(body)).unwrap()).await
}

/// Posts the demonstration provider's signed event about `payment`.
async fn report(app: &TestApp, payment: &DemoPayment, status: PaymentStatus) -> TestResponse {
    let provider = payment_provider();
    let now = app.state.clock.now();
    let (signature, body) = provider.sign_webhook(&provider.event(payment, status, now), now);
    post_webhook(app, Some(&signature), body).await
}

fn unescape(html: &str) -> String {
    html.replace("&#x2f;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn the_citizen_prints_the_order_and_pays_it_through_the_demo_provider() {
    let app = TestApp::new().await;
    let (mut citizen, case, id) = fee_due(&app, "payer@example.ro").await;
    let order = order(&app, &id).await;
    assert!(order.reference.starts_with("RO-PAS-AB-2026-000001-"));
    assert_eq!(order.status, "due");

    let page = citizen.get(&app, &format!("{case}/payment")).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    for expected in [
        "RO49TREZ002502602X007826",
        order.reference.as_str(),
        "Elena Pop",
        "RON",
        "CNP",
        "Not paid yet",
    ] {
        assert!(
            html.contains(expected),
            "the order shows {expected}: {html}"
        );
    }

    let r = citizen
        .post_form(
            &app,
            &format!("{case}/payment/online"),
            &[("csrf", &hidden(&html, "csrf"))],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let location = r.headers["location"].to_str().unwrap();
    let path = location.strip_prefix("http://127.0.0.1:8080").unwrap();
    assert!(path.starts_with("/demo/payment-provider/pay?"), "{path}");

    let provider_page = citizen.get(&app, path).await;
    assert_eq!(provider_page.status, 200, "{}", provider_page.text());
    let html = unescape(&provider_page.text());
    let mut fields: Vec<(&str, String)> = [
        "order",
        "reference",
        "amount",
        "currency",
        "description",
        "return",
        "token",
        "form_token",
    ]
    .into_iter()
    .map(|name| (name, hidden(&html, name)))
    .collect();
    // A forged form token is refused and nothing is paid.
    let forged: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (*k, if *k == "form_token" { "0" } else { v.as_str() }))
        .chain([("outcome", "pay")])
        .collect();
    let r = citizen
        .post_form(&app, "/demo/payment-provider/pay", &forged)
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(case_record(&app, &id).await.state, "fee-due");

    fields.push(("outcome", "pay".to_string()));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = citizen
        .post_form(&app, "/demo/payment-provider/pay", &pairs)
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        r.headers["location"].to_str().unwrap(),
        format!("http://127.0.0.1:8080{case}")
    );

    assert_eq!(case_record(&app, &id).await.state, "paid");
    let paid = self::order(&app, &id).await;
    assert_eq!(paid.status, "paid");
    assert_eq!(paid.paid_by.as_deref(), Some("provider"));
    assert_eq!(paid.provider.as_deref(), Some("demo"));
    let page = citizen.get(&app, &case).await.text();
    assert!(
        page.contains("Payment confirmed") && page.contains(">Paid<"),
        "{page}"
    );
    let page = citizen.get(&app, &format!("{case}/payment")).await.text();
    assert!(page.contains("Paid online on 23 November 2026"), "{page}");
    assert!(!page.contains("pay-online"), "nothing more to pay");

    // Paying again from the same page is a resend: nothing twice.
    let r = citizen
        .post_form(&app, "/demo/payment-provider/pay", &pairs)
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(confirmations(&app, &id).await, 1);
    app.cleanup().await;
}

#[tokio::test]
async fn a_replayed_webhook_is_a_duplicate_and_an_older_one_is_stale() {
    let app = TestApp::new().await;
    let (_, _, id) = fee_due(&app, "replay@example.ro").await;
    let order = order(&app, &id).await;
    let payment = demo_payment(&order);

    let r = report(&app, &payment, PaymentStatus::Succeeded).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["status"], "applied");
    assert_eq!(case_record(&app, &id).await.state, "paid");

    let r = report(&app, &payment, PaymentStatus::Succeeded).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "duplicate");

    // The failed attempt came before the success but arrives after it.
    let r = report(&app, &payment, PaymentStatus::Failed).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "stale");
    let r = report(&app, &payment, PaymentStatus::Failed).await;
    assert_eq!(r.json()["status"], "duplicate");

    assert_eq!(self::order(&app, &id).await.status, "paid");
    assert_eq!(confirmations(&app, &id).await, 1, "nothing twice");
    let told = told_paid(&app, &id).await;
    assert_eq!(told.len(), 1, "the applicant is told once: {told:?}");
    let reference = case_record(&app, &id).await.reference.unwrap();
    assert!(
        told[0].subject.contains(&reference),
        "{:?}",
        told[0].subject
    );
    assert_eq!(
        payments::event_count(&app.state.db, &order.id)
            .await
            .unwrap(),
        2
    );
    app.cleanup().await;
}

#[tokio::test]
async fn bad_webhooks_are_refused_and_change_nothing() {
    let app = TestApp::new().await;
    let (_, _, id) = fee_due(&app, "forged@example.ro").await;
    let order = order(&app, &id).await;
    let payment = demo_payment(&order);
    let now = app.state.clock.now();
    let provider = payment_provider();
    let (signature, body) = provider.sign_webhook(
        &provider.event(&payment, PaymentStatus::Succeeded, now),
        now,
    );

    let other = ghiseu_payments::Secret::new(&[9; 32]).unwrap();
    let forged = ghiseu_payments::webhook::sign(&other, &body, now);
    let problem = post_webhook(&app, Some(&forged), body.clone())
        .await
        .problem(401);
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .ends_with("signature-mismatch")
    );
    post_webhook(&app, None, body.clone()).await.problem(401);
    post_webhook(&app, Some("t=1,v1=zz"), body.clone())
        .await
        .problem(401);
    let tampered = String::from_utf8(body.clone())
        .unwrap()
        .replace(&order.amount_minor.to_string(), "100")
        .into_bytes();
    post_webhook(&app, Some(&signature), tampered)
        .await
        .problem(401);

    let secret =
        ghiseu_payments::Secret::new(b"the tests' payment provider secret, 32+ bytes").unwrap();
    let junk = br#"{"status":"succeeded"}"#.to_vec();
    let junk_signature = ghiseu_payments::webhook::sign(&secret, &junk, now);
    post_webhook(&app, Some(&junk_signature), junk)
        .await
        .problem(400);

    let huge = vec![b' '; 20 * 1024];
    let huge_signature = ghiseu_payments::webhook::sign(&secret, &huge, now);
    let too_large = post_webhook(&app, Some(&huge_signature), huge)
        .await
        .problem(413);
    assert!(
        too_large["detail"]
            .as_str()
            .unwrap()
            .contains("at most 16 KiB"),
        "the webhook's own limit: {too_large}"
    );

    let mut unknown = payment.clone();
    unknown.reference = "RO-PAS-AB-2026-999999-00".into();
    report(&app, &unknown, PaymentStatus::Succeeded)
        .await
        .problem(404);
    let mut unknown = payment.clone();
    unknown.order_id = uuid::Uuid::now_v7().to_string();
    report(&app, &unknown, PaymentStatus::Succeeded)
        .await
        .problem(404);

    let mut short = payment.clone();
    short.amount = Money::new(order.amount_minor - 100, Currency::Ron);
    let problem = report(&app, &short, PaymentStatus::Succeeded)
        .await
        .problem(422);
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .ends_with("amount-mismatch")
    );
    let mut euros = payment.clone();
    euros.amount = Money::new(order.amount_minor, Currency::Eur);
    report(&app, &euros, PaymentStatus::Succeeded)
        .await
        .problem(422);

    assert_eq!(case_record(&app, &id).await.state, "fee-due");
    assert_eq!(self::order(&app, &id).await.status, "due");
    assert_eq!(
        payments::event_count(&app.state.db, &order.id)
            .await
            .unwrap(),
        0
    );
    // The genuine event still applies afterwards.
    let r = post_webhook(&app, Some(&signature), body).await;
    assert_eq!(r.json()["status"], "applied");
    app.cleanup().await;
}

#[tokio::test]
async fn an_operator_confirms_a_payment_from_its_proof() {
    let app = TestApp::new().await;
    let (mut citizen, case, id) = fee_due(&app, "proof@example.ro").await;
    let (mut operator, _) = signed_in(&app, "cashier@example.ro", "operator").await;
    let path = format!("/en/office/cases/{id}/payment");
    let page = operator.get(&app, &path).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let csrf = hidden(&page.text(), "csrf");

    let r = operator
        .post_form(&app, &path, &[("csrf", &csrf), ("note", "   ")])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Write what you checked"));
    assert_eq!(case_record(&app, &id).await.state, "fee-due");

    let note = "Treasury receipt 4471 of 23 November 2026, 258 lei";
    let r = operator
        .post_form(&app, &path, &[("csrf", &csrf), ("note", note)])
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(case_record(&app, &id).await.state, "paid");
    let paid = self::order(&app, &id).await;
    assert_eq!(paid.paid_by.as_deref(), Some("operator"));
    let audit = ghiseu_storage::audit::verify(&app.state.db).await;
    assert!(audit.is_ok(), "{audit:?}");

    let page = citizen.get(&app, &case).await.text();
    assert!(
        page.contains("Payment confirmed") && page.contains(note),
        "{page}"
    );
    let page = citizen.get(&app, &format!("{case}/payment")).await.text();
    assert!(page.contains("Payment confirmed at the office"), "{page}");
    let told = told_paid(&app, &id).await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(
        told[0].body.contains(&format!(
            "{}.{:02} RON",
            paid.amount_minor / 100,
            paid.amount_minor % 100
        )),
        "the amount in the message: {}",
        told[0].body
    );

    // Confirmed once; a provider's payment afterwards is a second payment:
    // it changes nothing more and is flagged for refund.
    let r = operator
        .post_form(&app, &path, &[("csrf", &csrf), ("note", note)])
        .await;
    assert_eq!(r.status, 409);
    let r = report(&app, &demo_payment(&paid), PaymentStatus::Succeeded).await;
    assert_eq!(r.json()["status"], "flagged");
    assert_eq!(r.json()["outcome"], "duplicate-flagged-for-refund");
    assert_eq!(confirmations(&app, &id).await, 1);
    assert_eq!(told_paid(&app, &id).await.len(), 1, "told once");
    assert_eq!(
        self::order(&app, &id).await.paid_by.as_deref(),
        Some("operator")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn only_the_people_of_the_case_and_its_office_reach_its_payment() {
    let app = TestApp::new().await;
    let (_, case, id) = fee_due(&app, "owner@example.ro").await;
    let (mut stranger, _) = citizen_in_alba(&app, "stranger@example.ro").await;
    assert_eq!(
        stranger.get(&app, &format!("{case}/payment")).await.status,
        404
    );
    let csrf = hidden(&stranger.get(&app, "/en/account").await.text(), "csrf");
    let r = stranger
        .post_form(&app, &format!("{case}/payment/online"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, 404);

    let (mut elsewhere, _) = signed_in_at(
        &app,
        "igi.cashier@example.ro",
        "operator",
        Some("ro.igi"),
        &["igi-alba"],
    )
    .await;
    let path = format!("/en/office/cases/{id}/payment");
    assert_eq!(elsewhere.get(&app, &path).await.status, 404);
    let csrf = staff_csrf(&app, &mut elsewhere).await;
    let r = elsewhere
        .post_form(&app, &path, &[("csrf", &csrf), ("note", "receipt 1")])
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(case_record(&app, &id).await.state, "fee-due");
    assert_eq!(
        stranger.get(&app, &path).await.status,
        403,
        "citizens are not staff"
    );
    app.cleanup().await;
}

/// A case of `service` at `office`, filed with `fee` and moved to fee-due
/// directly in storage, for `base`'s holder; returns its id.
async fn filed_directly(
    app: &TestApp,
    base: &ghiseu_storage::cases::CaseRecord,
    service: &str,
    office: &str,
    fee: i64,
) -> String {
    use ghiseu_storage::cases::{self, CaseRecord, Filing, Move};
    let (authority, _) = app.state.catalogue.service(service).unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let record = CaseRecord {
        id: id.clone(),
        authority_id: authority.id.clone(),
        service_id: service.to_string(),
        office_id: Some(office.to_string()),
        currency: authority.currency.code().to_string(),
        ..base.clone()
    };
    let reference =
        ghiseu_domain::case::CaseReference::new(&authority.reference_prefix, 2026, 7).to_string();
    let now = app.state.clock.now().as_microsecond();
    let mut tx = app.state.db.pool().begin().await.unwrap();
    cases::insert_draft(&mut tx, &record).await.unwrap();
    let filing = Filing {
        reference: &reference,
        office_id: office,
        filed_on: "2026-11-23",
        deadline: None,
        fee_minor: fee,
        category_id: None,
    };
    cases::record_filing(&mut tx, &id, &filing).await.unwrap();
    for (version, from, to) in [(1, "draft", "submitted"), (2, "submitted", "fee-due")] {
        let m = Move {
            case_id: &id,
            version,
            from,
            to,
            action: if to == "fee-due" {
                "request-fee"
            } else {
                "submit"
            },
            actor_id: None,
            actor_role: "system",
            reason: None,
            now,
        };
        cases::apply_move(&mut tx, &m).await.unwrap().unwrap();
    }
    tx.commit().await.unwrap();
    ghiseu_web::payments::issue_order(&app.state, &id)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn each_authority_has_its_own_reference_and_a_free_service_needs_no_order() {
    let app = TestApp::new().await;
    let (mut citizen, _) = citizen_in_alba(&app, "schemes@example.ro").await;
    let draft = start(&app, &mut citizen, "ro.passport.electronic", "self").await;
    let base = case_record(&app, draft.rsplit('/').next().unwrap()).await;

    let md = filed_directly(&app, &base, "md.igm.ir", "igm-chisinau", 45_000).await;
    let lt = filed_directly(&app, &base, "lt.invitation.approval", "lt-vilnius", 2_000).await;
    let (md_order, lt_order) = (order(&app, &md).await, order(&app, &lt).await);
    assert_eq!(md_order.scheme, "mpay-style");
    assert_eq!(md_order.currency, "MDL");
    assert_eq!(
        md_order.reference, "0000000013",
        "sequence 1 and its Damm digit"
    );
    assert_eq!(lt_order.scheme, "rf");
    assert_eq!(lt_order.currency, "EUR");
    assert!(lt_order.reference.starts_with("RF") && lt_order.reference.ends_with("000000001"));

    let page = citizen
        .get(&app, &format!("/en/applications/{md}/payment"))
        .await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains("0000 0000 13") && html.contains("MPay"),
        "{html}"
    );
    let html = citizen
        .get(&app, &format!("/en/applications/{lt}/payment"))
        .await
        .text();
    assert!(
        html.contains("20.00 EUR") && html.contains("in euro"),
        "{html}"
    );

    let free = filed_directly(
        &app,
        &base,
        "ro.criminal-record.certificate",
        "mai-bucuresti",
        0,
    )
    .await;
    assert!(
        payments::for_case(&app.state.db, &free)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(case_record(&app, &free).await.state, "paid");
    let page = citizen
        .get(&app, &format!("/en/applications/{free}/payment"))
        .await;
    assert_eq!(page.status, 404);
    assert!(page.text().contains("nothing to pay"));
    app.cleanup().await;
}

/// The "payment received" messages queued for the case's applicant.
async fn told_paid(app: &TestApp, id: &str) -> Vec<ghiseu_storage::outbox::OutboxMessage> {
    let applicant = case_record(app, id).await.applicant_id;
    ghiseu_storage::outbox::for_person(&app.state.db, &applicant)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "payment-received")
        .collect()
}

/// Posts the demonstration provider's signed event about `payment`, as if
/// the provider's transaction `transaction` had reached `sequence`.
async fn report_as(
    app: &TestApp,
    payment: &DemoPayment,
    status: PaymentStatus,
    transaction: &str,
    sequence: u64,
) -> TestResponse {
    let provider = payment_provider();
    let now = app.state.clock.now();
    let mut event = provider.event(payment, status, now);
    event.provider_transaction_id = transaction.to_string();
    event.sequence = sequence;
    let (signature, body) = provider.sign_webhook(&event, now);
    post_webhook(app, Some(&signature), body).await
}

/// The webhook's answer: its status and its outcome.
fn answered(r: &TestResponse) -> (String, String) {
    assert_eq!(r.status, 200, "{}", r.text());
    let json = r.json();
    let field = |name: &str| json[name].as_str().unwrap_or_default().to_string();
    (field("status"), field("outcome"))
}

/// The demonstration provider reports `payment` succeeded, and the fee is paid.
async fn paid_online(app: &TestApp, payment: &DemoPayment, case_id: &str) {
    let r = report(app, payment, PaymentStatus::Succeeded).await;
    assert_eq!(r.json()["status"], "applied", "{}", r.text());
    assert_eq!(case_record(app, case_id).await.state, "paid");
}

fn pair(status: &str, outcome: &str) -> (String, String) {
    (status.to_string(), outcome.to_string())
}

/// The actions of the case's history, oldest first.
async fn history(app: &TestApp, id: &str) -> Vec<(String, String, String)> {
    ghiseu_storage::cases::events(&app.state.db, id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.from_state, e.to_state))
        .collect()
}

async fn received(app: &TestApp, order: &PaymentOrder) -> Vec<payments::PaymentTransaction> {
    payments::transactions(&app.state.db, &order.id)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_refund_takes_the_case_back_to_its_fee_and_it_can_be_paid_again() {
    let app = TestApp::new().await;
    let (mut citizen, case, id) = fee_due(&app, "refund@example.ro").await;
    let order = order(&app, &id).await;
    let payment = demo_payment(&order);
    paid_online(&app, &payment, &id).await;

    let r = report(&app, &payment, PaymentStatus::Refunded).await;
    assert_eq!(case_record(&app, &id).await.state, "fee-due");
    assert_eq!(self::order(&app, &id).await.status, "refunded");
    assert_eq!(answered(&r), pair("applied", "refunded"));
    let moves = history(&app, &id).await;
    assert_eq!(
        moves.last().unwrap(),
        &pair3("refund-payment", "paid", "fee-due"),
        "{moves:?}"
    );
    let r = report(&app, &payment, PaymentStatus::Refunded).await;
    assert_eq!(answered(&r), pair("duplicate", "duplicate"));
    assert_eq!(history(&app, &id).await.len(), moves.len(), "moved once");

    // The citizen sees the refund and may pay again.
    let page = citizen.get(&app, &case).await.text();
    assert!(
        page.contains("Payment given back: the fee is to pay again"),
        "{page}"
    );
    let page = citizen.get(&app, &format!("{case}/payment")).await.text();
    assert!(
        page.contains("payment-refunded") && page.contains("pay-online"),
        "{page}"
    );
    let r = citizen
        .post_form(
            &app,
            &format!("{case}/payment/online"),
            &[("csrf", &hidden(&page, "csrf"))],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());

    // A new payment pays the fee again.
    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "second-card", 1).await;
    assert_eq!(case_record(&app, &id).await.state, "paid");
    assert_eq!(answered(&r), pair("applied", "applied"));
    let paid = self::order(&app, &id).await;
    assert_eq!(paid.status, "paid");
    assert_eq!(paid.provider_transaction_id.as_deref(), Some("second-card"));
    assert_eq!(confirmations(&app, &id).await, 2);
    let kept = received(&app, &order).await;
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.iter().all(|t| t.role == "paid" && !t.to_refund()));
    app.cleanup().await;
}

fn pair3(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.to_string(), b.to_string(), c.to_string())
}

#[tokio::test]
async fn a_success_after_its_refund_does_not_pay_again() {
    let app = TestApp::new().await;
    let (_, _, id) = fee_due(&app, "late.success@example.ro").await;
    let order = order(&app, &id).await;
    let payment = demo_payment(&order);
    let transaction = payment_provider().transaction_id(&order.id);
    paid_online(&app, &payment, &id).await;
    let r = report(&app, &payment, PaymentStatus::Refunded).await;
    assert_eq!(r.json()["status"], "applied");

    // The provider reports the refunded transaction succeeded, later in
    // its own order: it does not pay the order again, and says so.
    let r = report_as(&app, &payment, PaymentStatus::Succeeded, &transaction, 4).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_ne!(r.json()["status"], "applied");
    assert_eq!(answered(&r), pair("ignored", "ignored-refunded"));
    assert_eq!(self::order(&app, &id).await.status, "refunded");
    assert_eq!(confirmations(&app, &id).await, 1);
    // The first success sent again is a duplicate, as before.
    let r = report(&app, &payment, PaymentStatus::Succeeded).await;
    assert_eq!(answered(&r), pair("duplicate", "duplicate"));
    let r = report_as(&app, &payment, PaymentStatus::Refunded, &transaction, 5).await;
    assert_eq!(answered(&r), pair("ignored", "ignored-refund"));
    let r = report_as(&app, &payment, PaymentStatus::Refunded, "never-paid", 1).await;
    assert_eq!(answered(&r), pair("ignored", "ignored-refund"));
    let r = report_as(&app, &payment, PaymentStatus::Failed, "declined", 1).await;
    assert_eq!(answered(&r), pair("ignored", "ignored-failed"));
    assert_eq!(case_record(&app, &id).await.state, "fee-due");
    assert_eq!(self::order(&app, &id).await.status, "refunded");
    app.cleanup().await;
}

#[tokio::test]
async fn a_second_payment_of_a_paid_order_is_flagged_for_refund() {
    let app = TestApp::new().await;
    let (_, _, id) = fee_due(&app, "twice@example.ro").await;
    let order = order(&app, &id).await;
    let payment = demo_payment(&order);
    let first = payment_provider().transaction_id(&order.id);
    paid_online(&app, &payment, &id).await;

    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "other-tab", 2).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_ne!(r.json()["status"], "applied");
    assert_eq!(
        answered(&r),
        pair("flagged", "duplicate-flagged-for-refund")
    );
    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "other-tab", 2).await;
    assert_eq!(answered(&r), pair("duplicate", "duplicate"));
    let r = report_as(&app, &payment, PaymentStatus::Succeeded, &first, 3).await;
    assert_eq!(answered(&r), pair("ignored", "already-applied"));
    let paid = self::order(&app, &id).await;
    assert_eq!(
        paid.provider_transaction_id.as_deref(),
        Some(first.as_str())
    );
    assert_eq!(case_record(&app, &id).await.state, "paid");
    assert_eq!(confirmations(&app, &id).await, 1);
    assert_eq!(told_paid(&app, &id).await.len(), 1, "told once");
    let surplus: Vec<_> = received(&app, &order)
        .await
        .into_iter()
        .filter(payments::PaymentTransaction::to_refund)
        .collect();
    assert_eq!(surplus.len(), 1);
    assert_eq!(surplus[0].transaction_id, "other-tab");

    // The operator sees the payment to give back.
    let (mut operator, _) = signed_in(&app, "refunds.desk@example.ro", "operator").await;
    let path = format!("/en/office/cases/{id}/payment");
    let page = operator.get(&app, &path).await.text();
    assert!(
        page.contains("This fee was paid twice")
            && page.contains("demo other-tab")
            && page.contains("Paid twice: give this payment back"),
        "{page}"
    );

    // Refunding the second payment settles it and leaves the fee paid.
    let r = report_as(&app, &payment, PaymentStatus::Refunded, "other-tab", 3).await;
    assert_eq!(answered(&r), pair("applied", "duplicate-refunded"));
    assert_eq!(case_record(&app, &id).await.state, "paid");
    assert_eq!(self::order(&app, &id).await.status, "paid");
    assert!(received(&app, &order).await.iter().all(|t| !t.to_refund()));
    let page = operator.get(&app, &path).await.text();
    assert!(
        !page.contains("This fee was paid twice") && page.contains("Given back on"),
        "{page}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_refund_after_production_started_keeps_the_case_and_tells_the_operator() {
    let app = TestApp::new().await;
    let (mut citizen, case, id) = fee_due(&app, "produced@example.ro").await;
    let order = order(&app, &id).await;
    let payment = demo_payment(&order);
    paid_online(&app, &payment, &id).await;
    let paid = case_record(&app, &id).await;
    let mut tx = app.state.db.pool().begin().await.unwrap();
    let start = ghiseu_storage::cases::Move {
        case_id: &id,
        version: paid.version,
        from: "paid",
        to: "in-production",
        action: "start-production",
        actor_id: None,
        actor_role: "operator",
        reason: None,
        now: app.state.clock.now().as_microsecond(),
    };
    ghiseu_storage::cases::apply_move(&mut tx, &start)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();

    let r = report(&app, &payment, PaymentStatus::Refunded).await;
    assert_eq!(case_record(&app, &id).await.state, "in-production");
    assert_eq!(self::order(&app, &id).await.status, "refunded");
    let moves = history(&app, &id).await;
    assert_eq!(
        moves.last().unwrap(),
        &pair3("fee-refunded", "in-production", "in-production")
    );
    assert_eq!(answered(&r), pair("applied", "refunded"));
    let (mut operator, _) = signed_in(&app, "production.desk@example.ro", "operator").await;
    let page = operator
        .get(&app, &format!("/en/office/cases/{id}/payment"))
        .await
        .text();
    assert!(
        page.contains("gave this fee back after the application moved on")
            && page.contains("Refunded"),
        "{page}"
    );
    let page = citizen.get(&app, &case).await.text();
    assert!(page.contains("Payment given back"), "{page}");
    app.cleanup().await;
}

/// A residence permit application at the IGI, whose portal takes no payment,
/// with its fee due; returns the case id and an IGI operator at its office.
async fn igi_fee_due(app: &TestApp, email: &str) -> (Browser, String, Browser) {
    let (mut citizen, _) = citizen_in_alba(app, email).await;
    let draft = start(app, &mut citizen, "ro.passport.electronic", "self").await;
    let base = case_record(app, draft.rsplit('/').next().unwrap()).await;
    let id = filed_directly(
        app,
        &base,
        "ro.igi.residence-permit",
        "igi-bucuresti",
        25_900,
    )
    .await;
    let (operator, _) = signed_in_at(
        app,
        &format!("igi.{email}"),
        "operator",
        Some("ro.igi"),
        &["igi-bucuresti"],
    )
    .await;
    (citizen, id, operator)
}

async fn waivers(app: &TestApp, case_id: &str) -> Vec<ghiseu_storage::cases::CaseEvent> {
    ghiseu_storage::cases::events(&app.state.db, case_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "waive-fee")
        .collect()
}

#[tokio::test]
async fn a_fee_the_portal_takes_no_payment_for_waits_for_its_proof_at_the_counter() {
    let app = TestApp::new().await;
    let (mut citizen, id, mut operator) = igi_fee_due(&app, "permit@example.ro").await;
    assert_eq!(case_record(&app, &id).await.state, "fee-due", "not paid");
    let order = order(&app, &id).await;
    assert_eq!(order.scheme, "counter");
    assert_eq!(order.amount_minor, 25_900);
    let reference = case_record(&app, &id).await.reference.unwrap();
    assert_eq!(order.reference, reference);

    let case = format!("/en/applications/{id}");
    let page = unescape(&citizen.get(&app, &case).await.text());
    assert!(
        page.contains("id=\"payment-at-counter\"")
            && page.contains("bring the proof of payment to the counter")
            && page.contains("as the IGI operator tells you"),
        "{page}"
    );
    let page = unescape(&citizen.get(&app, &format!("{case}/payment")).await.text());
    assert!(page.contains("cannot be paid on this site"), "{page}");
    assert!(!page.contains("id=\"pay-online\""), "{page}");
    let csrf = hidden(&citizen.get(&app, "/en/account").await.text(), "csrf");
    let r = citizen
        .post_form(&app, &format!("{case}/payment/online"), &[("csrf", &csrf)])
        .await;
    assert_ne!(r.status, 303, "no online payment for a counter fee");
    assert_eq!(case_record(&app, &id).await.state, "fee-due");

    let office_case = operator.get(&app, &format!("/en/office/cases/{id}")).await;
    assert!(
        office_case.text().contains("id=\"confirm-payment-link\""),
        "{}",
        office_case.text()
    );
    let path = format!("/en/office/cases/{id}/payment");
    let page = operator.get(&app, &path).await;
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("id=\"waive-fee\""));
    let csrf = hidden(&page.text(), "csrf");
    let note = "Bank transfer receipt 8812 of 2 December 2026, 259 lei";
    let r = operator
        .post_form(&app, &path, &[("csrf", &csrf), ("note", note)])
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(case_record(&app, &id).await.state, "paid");
    assert_eq!(
        self::order(&app, &id).await.paid_by.as_deref(),
        Some("operator")
    );
    let r = operator
        .post_form(&app, &path, &[("csrf", &csrf), ("note", note)])
        .await;
    assert_eq!(r.status, 409, "confirmed once");
    assert_eq!(confirmations(&app, &id).await, 1);
    app.cleanup().await;
}

#[tokio::test]
async fn an_operator_waives_a_fee_only_with_a_reason() {
    let app = TestApp::new().await;
    let (mut citizen, id, mut operator) = igi_fee_due(&app, "exempt@example.ro").await;
    let path = format!("/en/office/cases/{id}/payment");
    let waiver = format!("{path}/waiver");
    let csrf = hidden(&operator.get(&app, &path).await.text(), "csrf");

    let r = operator
        .post_form(&app, &waiver, &[("csrf", &csrf), ("reason", "  ")])
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("Write why the fee is waived"),
        "{}",
        r.text()
    );
    assert_eq!(case_record(&app, &id).await.state, "fee-due");
    assert!(waivers(&app, &id).await.is_empty());
    assert!(self::order(&app, &id).await.waived_at.is_none());

    let citizen_csrf = hidden(&citizen.get(&app, "/en/account").await.text(), "csrf");
    let r = citizen
        .post_form(
            &app,
            &waiver,
            &[("csrf", &citizen_csrf), ("reason", "I should not pay")],
        )
        .await;
    assert!(r.status == 403 || r.status == 404, "{}", r.status);
    assert_eq!(case_record(&app, &id).await.state, "fee-due");

    let reason = "Exempt: refugee status, decision 114 of 3 March 2026";
    let r = operator
        .post_form(&app, &waiver, &[("csrf", &csrf), ("reason", reason)])
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(case_record(&app, &id).await.state, "paid");
    let waived = waivers(&app, &id).await;
    assert_eq!(waived.len(), 1);
    assert_eq!(waived[0].reason.as_deref(), Some(reason));
    let order = self::order(&app, &id).await;
    assert!(order.waived_at.is_some() && order.paid_by.is_none());
    assert_eq!(order.status, "due", "nothing was paid");
    assert_eq!(confirmations(&app, &id).await, 0);
    assert!(
        audit_has(&app, "payment.waived", reason).await,
        "the reason is in the audit log"
    );
    let audit = ghiseu_storage::audit::verify(&app.state.db).await;
    assert!(audit.is_ok(), "{audit:?}");

    let page = citizen
        .get(&app, &format!("/en/applications/{id}"))
        .await
        .text();
    assert!(
        page.contains("Fee waived") && page.contains(reason),
        "{page}"
    );
    let r = operator
        .post_form(&app, &waiver, &[("csrf", &csrf), ("reason", reason)])
        .await;
    assert_eq!(r.status, 409, "waived once");
    // Money arriving afterwards does not pay a waived fee: it is to be given back.
    let r = report(&app, &demo_payment(&order), PaymentStatus::Succeeded).await;
    assert_eq!(r.json()["status"], "flagged", "{}", r.text());
    assert_eq!(self::order(&app, &id).await.status, "due");
    assert_eq!(confirmations(&app, &id).await, 0);
    app.cleanup().await;
}

async fn audit_has(app: &TestApp, action: &str, text: &str) -> bool {
    ghiseu_storage::audit::for_action(&app.state.db, action, 50)
        .await
        .unwrap()
        .iter()
        .any(|entry| entry.event.detail.to_string().contains(text))
}
