//! One pre-filled payment order for the fees of several applications to one
//! authority: made on its page or through the API, paid once through the
//! demonstration provider and the signed webhook, each case paid exactly
//! once; a second payment flagged to be given back; mixed authorities,
//! someone else's case and an empty choice refused with nothing written.

use crate::cases::{citizen_in_alba, start_bare};
use crate::support::{Browser, TestApp, TestResponse, hidden, payment_provider};
use axum::body::Body;
use axum::http::{Request, header};
use ghiseu_domain::money::{Currency, Money};
use ghiseu_payments::{DemoPayment, PaymentStatus, SIGNATURE_HEADER};
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::fee_orders::{self, FeeOrder};
use ghiseu_storage::payments::{self, Ledger};
use serde_json::json;

const WEBHOOK: &str = "/api/v1/payments/webhook";
const API: &str = "/api/v1/fee-orders";

/// A person with a draft to base cases on.
async fn person(app: &TestApp, email: &str) -> (Browser, CaseRecord) {
    let (mut citizen, _) = citizen_in_alba(app, email).await;
    let draft = start_bare(app, &mut citizen, "ro.passport.electronic", "self").await;
    let base = case(app, draft.rsplit('/').next().unwrap()).await;
    (citizen, base)
}

/// A case of `service` at `office` for `base`'s holder, waiting for a fee of
/// `fee`, its own order issued; returns its reference.
async fn fee_due(
    app: &TestApp,
    base: &CaseRecord,
    service: &str,
    office: &str,
    fee: i64,
    sequence: u32,
) -> String {
    use ghiseu_storage::cases::{Filing, Move};
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
        ghiseu_domain::case::CaseReference::new(&authority.reference_prefix, 2026, sequence)
            .to_string();
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
    for (version, from, to, action) in [
        (1, "draft", "submitted", "submit"),
        (2, "submitted", "fee-due", "request-fee"),
    ] {
        let m = Move {
            case_id: &id,
            version,
            from,
            to,
            action,
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
    reference
}

async fn case(app: &TestApp, id: &str) -> CaseRecord {
    cases::get(&app.state.db, id).await.unwrap().unwrap()
}

async fn by_reference(app: &TestApp, reference: &str) -> CaseRecord {
    cases::by_reference(&app.state.db, reference)
        .await
        .unwrap()
        .unwrap()
}

async fn state_of(app: &TestApp, reference: &str) -> String {
    by_reference(app, reference).await.state
}

/// How many times the case's history confirms a payment.
async fn confirmations(app: &TestApp, reference: &str) -> usize {
    let id = by_reference(app, reference).await.id;
    cases::events(&app.state.db, &id)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "confirm-payment")
        .count()
}

/// The "payment received" messages queued about the case.
async fn told_paid(app: &TestApp, reference: &str) -> usize {
    let applicant = by_reference(app, reference).await.applicant_id;
    ghiseu_storage::outbox::for_person(&app.state.db, &applicant)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "payment-received" && m.subject.contains(reference))
        .count()
}

async fn order_rows(app: &TestApp) -> i64 {
    fee_orders::count(&app.state.db).await.unwrap()
}

async fn fee_order(app: &TestApp, id: &str) -> FeeOrder {
    fee_orders::get(&app.state.db, id).await.unwrap().unwrap()
}

fn demo_payment(order: &FeeOrder) -> DemoPayment {
    DemoPayment {
        order_id: order.id.clone(),
        reference: order.reference.clone(),
        amount: Money::new(order.amount_minor, Currency::Mdl),
        description: "State fees".into(),
        return_url: "http://127.0.0.1:8080/en/payments/fee-order".into(),
    }
}

/// Posts the demonstration provider's signed event about `payment`, as if
/// its transaction `transaction` had reached `sequence`.
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
    let request = Request::post(WEBHOOK)
        .header(header::CONTENT_TYPE, "application/json")
        .header(SIGNATURE_HEADER, signature);
    app.request(request.body(Body::from(body)).unwrap()).await
}

fn answered(r: &TestResponse) -> (String, String) {
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    (
        body["status"].as_str().unwrap().to_string(),
        body["outcome"].as_str().unwrap().to_string(),
    )
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
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

/// Two MD services (450 and 300 MDL) and one LT application for one person.
async fn three_cases(app: &TestApp, email: &str) -> (Browser, [String; 3]) {
    let (citizen, base) = person(app, email).await;
    let ir = fee_due(app, &base, "md.igm.ir", "igm-chisinau", 45_000, 7).await;
    let cr = fee_due(app, &base, "md.igm.cr", "igm-chisinau", 30_000, 8).await;
    let lt = fee_due(app, &base, "lt.invitation.approval", "lt-vilnius", 2_000, 9).await;
    (citizen, [ir, cr, lt])
}

/// Pays the order on its page through the demonstration provider's page;
/// returns the provider page's fields, to send again.
async fn pay_on_the_page(
    app: &TestApp,
    citizen: &mut Browser,
    page: &str,
) -> Vec<(String, String)> {
    let html = citizen.get(app, page).await.text();
    let r = citizen
        .post_form(
            app,
            &format!("{page}/online"),
            &[("csrf", &hidden(&html, "csrf"))],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let location = r.headers["location"].to_str().unwrap();
    let path = location.strip_prefix("http://127.0.0.1:8080").unwrap();
    assert!(path.starts_with("/demo/payment-provider/pay?"), "{path}");
    let provider_page = citizen.get(app, path).await;
    assert_eq!(provider_page.status, 200, "{}", provider_page.text());
    let html = unescape(&provider_page.text());
    let mut fields: Vec<(String, String)> = [
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
    .map(|name| (name.to_string(), hidden(&html, name)))
    .collect();
    fields.push(("outcome".into(), "pay".into()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = citizen
        .post_form(app, "/demo/payment-provider/pay", &pairs)
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        r.headers["location"].to_str().unwrap(),
        format!("http://127.0.0.1:8080{page}")
    );
    fields
}

#[tokio::test]
async fn two_services_make_one_order_paid_once_through_the_demo_provider() {
    let app = TestApp::new().await;
    let (mut citizen, [ir, cr, lt]) = three_cases(&app, "two.fees@example.md").await;

    // The page lists the fees waiting, one form per authority.
    let page = citizen.get(&app, "/en/payments/fee-order").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    for expected in [ir.as_str(), cr.as_str(), lt.as_str(), "name=\"cases\""] {
        assert!(html.contains(expected), "the page lists {expected}: {html}");
    }
    assert_eq!(html.matches("name=\"authority\"").count(), 2, "{html}");

    let before = order_rows(&app).await;
    let r = citizen
        .post_form(
            &app,
            "/en/payments/fee-order",
            &[
                ("csrf", &hidden(&html, "csrf")),
                ("authority", "md.igm"),
                ("cases", &ir),
                ("cases", &cr),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(order_rows(&app).await, before + 1);
    let location = r.headers["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with("/en/payments/fee-order/"),
        "{location}"
    );
    let id = location.rsplit('/').next().unwrap().to_string();
    let order = fee_order(&app, &id).await;
    assert_eq!(
        (order.amount_minor, order.currency.as_str()),
        (75_000, "MDL")
    );
    assert_eq!(order.scheme, "mpay-style");
    let singles = [
        payments::for_case(&app.state.db, &by_reference(&app, &ir).await.id)
            .await
            .unwrap()
            .unwrap(),
        payments::for_case(&app.state.db, &by_reference(&app, &cr).await.id)
            .await
            .unwrap()
            .unwrap(),
    ];
    assert!(
        singles.iter().all(|s| s.reference != order.reference),
        "its reference is its own"
    );

    let html = citizen.get(&app, &location).await.text();
    let printed = ghiseu_web::payments::fee_orders::printed_reference(&order);
    for expected in [
        printed.as_str(),
        ir.as_str(),
        cr.as_str(),
        "750",
        "450",
        "300",
        "MDL",
        "Not paid yet",
        "pay-online",
    ] {
        assert!(
            html.contains(expected),
            "the order shows {expected}: {html}"
        );
    }

    let fields = pay_on_the_page(&app, &mut citizen, &location).await;
    for reference in [&ir, &cr] {
        assert_eq!(state_of(&app, reference).await, "paid");
        assert_eq!(confirmations(&app, reference).await, 1, "paid once");
        assert_eq!(told_paid(&app, reference).await, 1, "the applicant is told");
    }
    assert_eq!(state_of(&app, &lt).await, "fee-due", "not on the order");
    assert_eq!(fee_order(&app, &id).await.status, "paid");
    for single in &singles {
        let own = payments::for_case(&app.state.db, &single.case_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (own.status.as_str(), own.provider.as_deref()),
            ("paid", Some("demo"))
        );
    }
    let lines = fee_orders::lines(&app.state.db, &id).await.unwrap();
    assert!(
        lines.iter().all(|l| l.outcome.as_deref() == Some("paid")),
        "{lines:?}"
    );
    let html = citizen.get(&app, &location).await.text();
    assert!(html.contains("Paid online on 23 November 2026"), "{html}");
    assert!(!html.contains("pay-online"), "nothing more to pay");

    // Paying again from the same provider page is a resend: nothing twice.
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = citizen
        .post_form(&app, "/demo/payment-provider/pay", &pairs)
        .await;
    assert_eq!(r.status, 303);
    for reference in [&ir, &cr] {
        assert_eq!(confirmations(&app, reference).await, 1);
        assert_eq!(told_paid(&app, reference).await, 1);
    }
    // Each case's own order is paid: it cannot be paid online again.
    let own_page = format!("/en/applications/{}/payment", singles[0].case_id);
    let html = citizen.get(&app, &own_page).await.text();
    assert!(!html.contains("pay-online"), "{html}");
    app.cleanup().await;
}

#[tokio::test]
async fn a_second_payment_of_a_fee_order_is_flagged_and_changes_no_case() {
    let app = TestApp::new().await;
    let (mut citizen, [ir, cr, _]) = three_cases(&app, "paid.twice@example.md").await;
    let r = citizen
        .post_json(&app, API, &json!({ "cases": [ir, cr] }), &[])
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let order = fee_order(&app, r.json()["id"].as_str().unwrap()).await;
    let payment = demo_payment(&order);

    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "first-card", 1).await;
    assert_eq!(answered(&r), pair("applied", "applied"));
    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "first-card", 1).await;
    assert_eq!(
        answered(&r),
        pair("duplicate", "duplicate"),
        "a resent webhook"
    );

    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "other-tab", 1).await;
    assert_eq!(
        answered(&r),
        pair("flagged", "duplicate-flagged-for-refund")
    );
    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "other-tab", 1).await;
    assert_eq!(answered(&r), pair("duplicate", "duplicate"));

    for reference in [&ir, &cr] {
        assert_eq!(state_of(&app, reference).await, "paid");
        assert_eq!(confirmations(&app, reference).await, 1, "nothing twice");
        assert_eq!(told_paid(&app, reference).await, 1);
    }
    let paid = fee_order(&app, &order.id).await;
    assert_eq!(paid.provider_transaction_id.as_deref(), Some("first-card"));
    let kept = payments::transactions_in(&app.state.db, Ledger::Combined, &order.id)
        .await
        .unwrap();
    let roles: Vec<(&str, &str, i64)> = kept
        .iter()
        .map(|t| (t.transaction_id.as_str(), t.role.as_str(), t.amount_minor))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("first-card", "paid", 75_000),
            ("other-tab", "surplus", 75_000)
        ]
    );
    assert!(kept[1].to_refund());
    assert_eq!(
        payments::event_count_in(&app.state.db, Ledger::Combined, &order.id)
            .await
            .unwrap(),
        2
    );

    // A case's own order, paid by the fee order, paid again on its own is
    // flagged too: nothing is paid twice silently.
    let own = payments::for_case(&app.state.db, &by_reference(&app, &ir).await.id)
        .await
        .unwrap()
        .unwrap();
    let single = DemoPayment {
        order_id: own.id.clone(),
        reference: own.reference.clone(),
        amount: Money::new(own.amount_minor, Currency::Mdl),
        description: "Residence".into(),
        return_url: "http://127.0.0.1:8080/en/applications".into(),
    };
    let r = report_as(&app, &single, PaymentStatus::Succeeded, "own-order", 1).await;
    assert_eq!(
        answered(&r),
        pair("flagged", "duplicate-flagged-for-refund")
    );
    assert_eq!(confirmations(&app, &ir).await, 1);
    app.cleanup().await;
}

#[tokio::test]
async fn a_case_paid_meanwhile_on_its_own_order_has_its_share_flagged() {
    let app = TestApp::new().await;
    let (mut citizen, [ir, cr, _]) = three_cases(&app, "meanwhile@example.md").await;
    let r = citizen
        .post_json(&app, API, &json!({ "cases": [ir, cr] }), &[])
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let body = r.json();
    assert_eq!(body["amount_minor"], 75_000);
    assert_eq!(body["lines"].as_array().unwrap().len(), 2);
    assert_eq!(body["payable"], true);
    let order = fee_order(&app, body["id"].as_str().unwrap()).await;

    // The first case is paid on its own order while the fee order waits.
    let own = payments::for_case(&app.state.db, &by_reference(&app, &ir).await.id)
        .await
        .unwrap()
        .unwrap();
    let single = DemoPayment {
        order_id: own.id.clone(),
        reference: own.reference.clone(),
        amount: Money::new(own.amount_minor, Currency::Mdl),
        description: "Residence".into(),
        return_url: "http://127.0.0.1:8080/en/applications".into(),
    };
    let r = report_as(&app, &single, PaymentStatus::Succeeded, "own-order", 1).await;
    assert_eq!(answered(&r), pair("applied", "applied"));
    let r = citizen.get(&app, &format!("{API}/{}", order.id)).await;
    assert_eq!(r.json()["payable"], false, "{}", r.text());

    // The fee order is paid all the same (say, from a printed copy).
    let r = report_as(
        &app,
        &demo_payment(&order),
        PaymentStatus::Succeeded,
        "bank",
        1,
    )
    .await;
    assert_eq!(answered(&r), pair("applied", "applied"));
    for reference in [&ir, &cr] {
        assert_eq!(state_of(&app, reference).await, "paid");
        assert_eq!(confirmations(&app, reference).await, 1, "{reference} once");
    }
    let lines = fee_orders::lines(&app.state.db, &order.id).await.unwrap();
    let outcomes: Vec<Option<&str>> = lines.iter().map(|l| l.outcome.as_deref()).collect();
    assert_eq!(outcomes, vec![Some("surplus"), Some("paid")]);
    let r = citizen.get(&app, &format!("{API}/{}", order.id)).await;
    let statuses: Vec<String> = r.json()["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(statuses, vec!["surplus", "paid"]);

    // The office sees the share to give back, and what paid the other fee.
    let (mut operator, _) = crate::support::signed_in_at(
        &app,
        "op.meanwhile@example.md",
        "operator",
        Some("md.igm"),
        &["igm-chisinau"],
    )
    .await;
    let printed = ghiseu_web::payments::fee_orders::printed_reference(&order);
    let ir_id = by_reference(&app, &ir).await.id;
    let html = operator
        .get(&app, &format!("/en/office/cases/{ir_id}/payment"))
        .await
        .text();
    assert!(
        html.contains("Paid twice: give this payment back") && html.contains(&printed),
        "{html}"
    );
    let cr_id = by_reference(&app, &cr).await.id;
    let html = operator
        .get(&app, &format!("/en/office/cases/{cr_id}/payment"))
        .await
        .text();
    assert!(
        html.contains("Paid the fee") && html.contains(&printed) && !html.contains("Paid twice"),
        "{html}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn refused_orders_say_why_and_write_nothing() {
    let app = TestApp::new().await;
    let (mut citizen, [ir, cr, lt]) = three_cases(&app, "refused@example.md").await;
    let (mut other, other_base) = person(&app, "other@example.md").await;
    let theirs = fee_due(&app, &other_base, "md.igm.pc", "igm-chisinau", 10_000, 10).await;
    let before = order_rows(&app).await;

    // Two authorities.
    let r = citizen
        .post_json(&app, API, &json!({ "cases": [ir, lt] }), &[])
        .await;
    let problem = r.problem(422);
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .ends_with("/fee-order-two-authorities")
    );
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("`cases`")
            && detail.contains("one authority")
            && detail.contains("one order per authority"),
        "{detail}"
    );
    assert_eq!(problem["errors"][0]["field"], "cases");
    assert_eq!(order_rows(&app).await, before);

    // Someone else's case, alone or among one's own.
    for cases in [json!([theirs]), json!([ir, theirs])] {
        let r = citizen
            .post_json(&app, API, &json!({ "cases": cases }), &[])
            .await;
        let problem = r.problem(422);
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.contains(&theirs) && detail.contains("`cases`"),
            "{detail}"
        );
    }
    assert_eq!(order_rows(&app).await, before);

    // Nothing chosen, or a case twice.
    for body in [json!({ "cases": [] }), json!({})] {
        let r = citizen.post_json(&app, API, &body, &[]).await;
        let problem = r.problem(422);
        assert!(
            problem["type"]
                .as_str()
                .unwrap()
                .ends_with("/fee-order-empty")
        );
        assert!(problem["detail"].as_str().unwrap().contains("`cases`"));
    }
    let r = citizen
        .post_json(&app, API, &json!({ "cases": [ir, cr, ir] }), &[])
        .await;
    assert!(r.problem(422)["detail"].as_str().unwrap().contains(&ir));
    assert_eq!(order_rows(&app).await, before);

    // A case not waiting for its fee says which and where it stands.
    let paid = by_reference(&app, &cr).await;
    let own = payments::for_case(&app.state.db, &paid.id)
        .await
        .unwrap()
        .unwrap();
    let r = report_as(
        &app,
        &DemoPayment {
            order_id: own.id.clone(),
            reference: own.reference.clone(),
            amount: Money::new(own.amount_minor, Currency::Mdl),
            description: "Criminal record".into(),
            return_url: "http://127.0.0.1:8080/en/applications".into(),
        },
        PaymentStatus::Succeeded,
        "own",
        1,
    )
    .await;
    assert_eq!(answered(&r).0, "applied");
    let r = citizen
        .post_json(&app, API, &json!({ "cases": [ir, cr] }), &[])
        .await;
    let detail = r.problem(422)["detail"].as_str().unwrap().to_string();
    assert!(detail.contains(&cr) && detail.contains("paid"), "{detail}");
    assert_eq!(order_rows(&app).await, before);

    // Signed out: no order.
    let r = app.post_json(API, &json!({ "cases": [ir] })).await;
    r.problem(401);

    // An order is its maker's only.
    let r = citizen
        .post_json(
            &app,
            API,
            &json!({ "cases": [ir] }),
            &[("Idempotency-Key", "k-1")],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_str().unwrap().to_string();
    let again = citizen
        .post_json(
            &app,
            API,
            &json!({ "cases": [ir] }),
            &[("Idempotency-Key", "k-1")],
        )
        .await;
    assert_eq!(
        again.json()["id"],
        id.as_str(),
        "a retry gets the first answer"
    );
    assert_eq!(order_rows(&app).await, before + 1);

    // The server died after making the order, before keeping its answer: the
    // retry that takes the key over answers with that order.
    let forgotten = ghiseu_storage::testing::forget_idempotent_answer(&app.state.db, "k-1").await;
    assert_eq!(forgotten, 1);
    let later = app.at("2026-11-23T08:00:36Z");
    let taken_over = citizen
        .post_json(
            &later,
            API,
            &json!({ "cases": [ir] }),
            &[("Idempotency-Key", "k-1")],
        )
        .await;
    assert_eq!(taken_over.status, 201, "{}", taken_over.text());
    assert_eq!(taken_over.json()["id"], id.as_str());
    assert_eq!(order_rows(&app).await, before + 1, "no second order");
    assert_eq!(citizen.get(&app, &format!("{API}/{id}")).await.status, 200);
    other.get(&app, &format!("{API}/{id}")).await.problem(404);
    let page = other
        .get(&app, &format!("/en/payments/fee-order/{id}"))
        .await;
    assert_eq!(page.status, 404);
    app.cleanup().await;
}

#[tokio::test]
async fn a_tampered_form_mixing_authorities_shows_the_error_next_to_the_field() {
    let app = TestApp::new().await;
    let (mut citizen, [ir, _, lt]) = three_cases(&app, "tampered@example.md").await;
    let html = citizen.get(&app, "/en/payments/fee-order").await.text();
    let csrf = hidden(&html, "csrf");
    let before = order_rows(&app).await;

    let r = citizen
        .post_form(
            &app,
            "/en/payments/fee-order",
            &[
                ("csrf", &csrf),
                ("authority", "md.igm"),
                ("cases", &ir),
                ("cases", &lt),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.text());
    let html = r.text();
    let error_at = html
        .find("class=\"error-message\"")
        .expect("an error by the field");
    let fieldset = html[..error_at].rfind("<fieldset").unwrap();
    assert!(
        html[fieldset..error_at].contains("aria-describedby=\"cases-"),
        "{html}"
    );
    let message = &html[error_at..error_at + html[error_at..].find("</p>").unwrap()];
    assert!(
        message.contains("one authority") && message.contains("one order per authority"),
        "{message}"
    );
    assert!(html.contains("error-summary"), "{html}");
    assert_eq!(order_rows(&app).await, before);

    // Nothing ticked.
    let r = citizen
        .post_form(
            &app,
            "/en/payments/fee-order",
            &[("csrf", &csrf), ("authority", "md.igm")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("Choose at least one service"),
        "{}",
        r.text()
    );

    // A forged form without the session's token.
    let r = citizen
        .post_form(
            &app,
            "/en/payments/fee-order",
            &[("csrf", "forged"), ("authority", "md.igm"), ("cases", &ir)],
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(order_rows(&app).await, before);

    // The Romanian page says the same in Romanian.
    let r = citizen
        .post_form(
            &app,
            "/ro/payments/fee-order",
            &[
                ("csrf", &csrf),
                ("authority", "md.igm"),
                ("cases", &ir),
                ("cases", &lt),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("câte un ordin"), "{}", r.text());
    app.cleanup().await;
}

#[tokio::test]
async fn a_refund_of_a_fee_order_takes_its_cases_back_to_their_fee() {
    let app = TestApp::new().await;
    let (mut citizen, [ir, cr, _]) = three_cases(&app, "refund@example.md").await;
    let r = citizen
        .post_json(&app, API, &json!({ "cases": [ir, cr] }), &[])
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let order = fee_order(&app, r.json()["id"].as_str().unwrap()).await;
    let payment = demo_payment(&order);
    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "card", 1).await;
    assert_eq!(answered(&r), pair("applied", "applied"));

    let r = report_as(&app, &payment, PaymentStatus::Refunded, "card", 2).await;
    assert_eq!(answered(&r), pair("applied", "refunded"));
    assert_eq!(fee_order(&app, &order.id).await.status, "refunded");
    for reference in [&ir, &cr] {
        assert_eq!(state_of(&app, reference).await, "fee-due");
        let own = payments::for_case(&app.state.db, &by_reference(&app, reference).await.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(own.status, "refunded");
    }
    let lines = fee_orders::lines(&app.state.db, &order.id).await.unwrap();
    assert!(lines.iter().all(|l| l.outcome.is_none()), "{lines:?}");

    // Paid again by another card, each case is paid again, once.
    let r = report_as(&app, &payment, PaymentStatus::Succeeded, "card-2", 1).await;
    assert_eq!(answered(&r), pair("applied", "applied"));
    for reference in [&ir, &cr] {
        assert_eq!(state_of(&app, reference).await, "paid");
        assert_eq!(confirmations(&app, reference).await, 2);
    }
    app.cleanup().await;
}

#[tokio::test]
async fn a_guardian_pays_a_childs_fee_and_their_own_on_one_order() {
    let app = TestApp::new().await;
    let (mut parent, base) = person(&app, "parent@example.md").await;
    let page = parent.get(&app, "/en/account/household").await.text();
    let asked = parent
        .post_form(
            &app,
            "/en/account/household",
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("given_name", "Ioana"),
                ("family_name", "Pop"),
                ("birth_date", "2014-03-15"),
                ("relationship", "parent"),
                ("evidence", "birth-certificate"),
                ("office", "ab-alba-iulia"),
            ],
        )
        .await;
    assert_eq!(asked.status, 303, "{}", asked.text());
    let (mut operator, _) = crate::support::signed_in(&app, "op.ward@example.ro", "operator").await;
    let pending = operator.get(&app, "/en/office/guardianships").await.text();
    let decided = operator
        .post_form(
            &app,
            "/en/office/guardianships",
            &[
                ("csrf", &hidden(&pending, "csrf")),
                ("ward_id", &hidden(&pending, "ward_id")),
                ("guardian_id", &base.applicant_id),
                ("decision", "confirm"),
            ],
        )
        .await;
    assert_eq!(decided.status, 303);
    let ward = ghiseu_storage::households::of_guardian(&app.state.db, &base.applicant_id)
        .await
        .unwrap()
        .remove(0);
    let child = CaseRecord {
        holder_person_id: None,
        holder_ward_id: Some(ward.ward_id.clone()),
        holder_given_name: "Ioana".into(),
        holder_family_name: "Pop".into(),
        ..base.clone()
    };
    let own = fee_due(&app, &base, "md.igm.ir", "igm-chisinau", 45_000, 21).await;
    let childs = fee_due(&app, &child, "md.igm.cr", "igm-chisinau", 30_000, 22).await;

    let html = parent.get(&app, "/en/payments/fee-order").await.text();
    assert!(
        html.contains(&childs) && html.contains("Ioana Pop"),
        "{html}"
    );
    let r = parent
        .post_json(&app, API, &json!({ "cases": [own, childs] }), &[])
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let order = fee_order(&app, r.json()["id"].as_str().unwrap()).await;
    let r = report_as(
        &app,
        &demo_payment(&order),
        PaymentStatus::Succeeded,
        "card",
        1,
    )
    .await;
    assert_eq!(answered(&r), pair("applied", "applied"));
    for reference in [&own, &childs] {
        assert_eq!(state_of(&app, reference).await, "paid");
        assert_eq!(confirmations(&app, reference).await, 1);
    }

    // Someone else may not put the child's case on an order of theirs.
    let (mut stranger, _) = person(&app, "stranger@example.md").await;
    let before = order_rows(&app).await;
    let r = stranger
        .post_json(&app, API, &json!({ "cases": [childs] }), &[])
        .await;
    assert!(
        r.problem(422)["type"]
            .as_str()
            .unwrap()
            .ends_with("/fee-order-not-yours")
    );
    assert_eq!(order_rows(&app).await, before);
    app.cleanup().await;
}
