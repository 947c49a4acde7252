//! An invitation for a foreigner in a real browser: the demo citizen
//! confirms her identity by card, chooses text messages for documents,
//! fills in an invitation for Olena Kovalenko (first with a mistyped
//! passport number, shown next to its field), attaches the copies and pays
//! through the demonstration provider; an officer of the Vilnius office
//! approves it with no visit; the e-mail reaches a real SMTP server and the
//! SMS a stand-in gateway; she finds it among her approved invitations and
//! downloads the signed PDF; an anonymous visitor checks it by number and
//! passport and by its QR text. She also puts her fees waiting to be paid
//! on one fee order. axe-core runs on every new page at 320 and 1280 pixels.

use super::accounts::{click, set_value, sign_in, type_into, wait_for_text};
use super::applications::{demo_password, mails, text_of, upload, wait_for_state};
use super::certificate::{check, click_on_new_page, confirm_by_card, download, verify};
use super::registry::accessible_at_both_widths;
use super::{Stack, wait_for, wait_for_path};
use axum::Json;
use axum::extract::State;
use axum::routing::post;
use fantoccini::Client;
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_notify::testing::SmtpServer;
use jiff::ToSpan;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CITIZEN: &str = "ana.popescu@demo.ghiseu.example";
const OFFICER: &str = "operator.lt-vilnius@demo.ghiseu.example";
const SERVICE: &str = "lt.invitation.approval";
const PASSPORT_NUMBER: &str = "FE123456";
const SCENARIO_LIMIT: Duration = Duration::from_secs(300);

type Texts = Arc<Mutex<Vec<Value>>>;

/// A stand-in for the SMS provider: keeps each `{"to", "text"}` it is sent.
async fn sms_gateway() -> (String, Texts) {
    async fn accept(State(texts): State<Texts>, Json(body): Json<Value>) -> &'static str {
        texts.lock().expect("the texts").push(body);
        "accepted"
    }
    let texts = Texts::default();
    let app = axum::Router::new()
        .route("/sms", post(accept))
        .with_state(texts.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the SMS stand-in");
    let address = listener.local_addr().expect("its address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{address}/sms"), texts)
}

fn ana_cnp() -> String {
    (0..10)
        .map(|check| format!("286021401123{check}"))
        .find(|text| NationalId::parse(Country::Ro, text).is_ok())
        .expect("a valid CNP")
}

/// Waits until `found` holds for what arrived, within a minute.
async fn arrives<T>(what: &str, mut found: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(it) = found() {
            return it;
        }
        assert!(
            Instant::now() < deadline,
            "{what} did not arrive within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Chooses e-mail and SMS for documents, with a phone number to text.
async fn texts_wanted(stack: &Stack, citizen: &Client) {
    citizen
        .goto(&stack.url("/en/account/profile"))
        .await
        .expect("open the profile");
    type_into(citizen, "phone", "+40 712 345 678").await;
    for box_id in ["notify-document-ready-email", "notify-document-ready-sms"] {
        let field = wait_for(citizen, &format!("#{box_id}")).await;
        if field.prop("checked").await.ok().flatten().as_deref() != Some("true") {
            field.click().await.expect("tick a box");
        }
    }
    click(citizen, "#save-profile").await;
    wait_for(citizen, "#profile-saved").await;
}

/// The invitation form, filled in with `passport` as the travel document's number.
async fn fill_in(citizen: &Client, passport: &str) {
    let today = jiff::Zoned::now().date();
    let day = |days: i64| today.checked_add(days.days()).expect("a date").to_string();
    click(citizen, "#inviter-citizen").await;
    type_into(citizen, "given_name", "Olena").await;
    type_into(citizen, "family_name", "Kovalenko").await;
    set_value(citizen, "birth_date", "1992-03-14").await;
    wait_for(citizen, "#citizenship")
        .await
        .select_by_value("UA")
        .await
        .expect("Ukraine is among the citizenships");
    type_into(citizen, "passport_number", passport).await;
    set_value(citizen, "passport_expires_on", &day(5 * 365)).await;
    wait_for(citizen, "#purpose")
        .await
        .select_by_value("family-visit")
        .await
        .expect("choose the purpose");
    set_value(citizen, "stay_from", &day(30)).await;
    set_value(citizen, "stay_until", &day(59)).await;
    type_into(citizen, "stay_address", "Gedimino pr. 1, Vilnius").await;
    click(citizen, "#invitation-save").await;
}

/// The citizen's request, filled in, its copies attached, sent and paid:
/// the case page's path.
async fn requested(stack: &Stack, citizen: &Client, copies: &std::path::Path) -> String {
    citizen
        .goto(&stack.url(&format!("/en/applications/new?service={SERVICE}")))
        .await
        .expect("open the new application");
    click(citizen, "#start-application").await;
    wait_for(citizen, "#invitation-empty").await;
    accessible_at_both_widths(citizen).await;
    let case_path = citizen.current_url().await.expect("url").path().to_string();
    click(citizen, "#invitation-edit").await;
    wait_for(citizen, "#invitation-save").await;
    accessible_at_both_widths(citizen).await;
    fill_in(citizen, "FE-12").await;
    let error = text_of(citizen, "#passport_number-error").await;
    assert!(error.contains("6 to 9 letters and digits"), "{error}");
    accessible_at_both_widths(citizen).await;
    fill_in(citizen, PASSPORT_NUMBER).await;
    wait_for(citizen, "#invitation-summary").await;
    for requirement in ["foreigner-travel-document", "means-and-accommodation"] {
        upload(citizen, requirement, copies).await;
    }
    accessible_at_both_widths(citizen).await;
    click_on_new_page(citizen, "#submit-application").await;
    click_on_new_page(citizen, "#payment-order-link").await;
    click_on_new_page(citizen, "#pay-online").await;
    click_on_new_page(citizen, "#demo-pay").await;
    wait_for_path(citizen, &case_path).await;
    wait_for_state(citizen, "#case-state", "With an officer").await;
    case_path
}

/// The fee order for several services: the demo citizen's fees waiting to
/// be paid, all chosen, one order with its total.
async fn fee_order(stack: &Stack, citizen: &Client) {
    citizen
        .goto(&stack.url("/en/payments/fee-order"))
        .await
        .expect("open the fee order");
    wait_for(citizen, "input[name='cases']").await;
    accessible_at_both_widths(citizen).await;
    let boxes = citizen
        .find_all(fantoccini::Locator::Css(
            "form:first-of-type input[name='cases']",
        ))
        .await
        .expect("the fees to choose");
    assert!(!boxes.is_empty(), "the demo citizen has a fee waiting");
    for choice in &boxes {
        choice.click().await.expect("choose a fee");
    }
    click_on_new_page(citizen, "form:first-of-type button[type='submit']").await;
    let total = text_of(citizen, "#fee-order-total").await;
    assert!(!total.is_empty(), "the order shows its total");
    accessible_at_both_widths(citizen).await;
}

/// The officer of the Vilnius office approves the request with no visit.
async fn approved(stack: &Stack, officer: &Client, case_path: &str) {
    let id = case_path.rsplit('/').next().expect("the case id");
    let password = demo_password(stack, OFFICER).await;
    sign_in(stack, officer, OFFICER, &password).await;
    wait_for_path(officer, "/en/account").await;
    officer
        .goto(&stack.url("/en/office/cases"))
        .await
        .expect("open the queue");
    wait_for(officer, "#queue").await;
    accessible_at_both_widths(officer).await;
    click_on_new_page(officer, &format!("#queue a[href$='/office/cases/{id}']")).await;
    click(officer, "#claim").await;
    wait_for(officer, "#do-issue-after-review").await;
    wait_for_text(officer, "Olena Kovalenko").await;
    accessible_at_both_widths(officer).await;
    let pressed = std::time::Instant::now();
    click(officer, "#do-issue-after-review").await;
    wait_for_text(officer, "Issued").await;
    println!(
        "invitation approved and signed {} ms after the officer pressed approve",
        pressed.elapsed().as_millis()
    );
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn an_invitation_is_filled_in_paid_approved_without_a_visit_and_verified() {
    let smtp = SmtpServer::start();
    let (sms_url, texts) = sms_gateway().await;
    let env = [
        ("GHISEU_SMTP_HOST", "127.0.0.1".to_string()),
        ("GHISEU_SMTP_PORT", smtp.port.to_string()),
        ("GHISEU_SMTP_SECURITY", "none".to_string()),
        ("GHISEU_SMS_URL", sms_url),
    ];
    let stack = Stack::start_with(&["--demo"], &env);
    let files = tempfile::tempdir().expect("a directory for the copies");
    let copies = files.path().join("copies.pdf");
    std::fs::write(&copies, ghiseu_files::fixtures::pdf()).expect("write the copies");
    let citizen = stack.browser().await;
    let officer = stack.browser().await;
    let visitor = stack.browser().await;
    let scenario = async {
        let password = demo_password(&stack, CITIZEN).await;
        sign_in(&stack, &citizen, CITIZEN, &password).await;
        wait_for_path(&citizen, "/en/account").await;
        confirm_by_card(&stack, &citizen, &ana_cnp()).await;
        texts_wanted(&stack, &citizen).await;

        let case_path = requested(&stack, &citizen, &copies).await;
        approved(&stack, &officer, &case_path).await;

        citizen
            .goto(&stack.url(&case_path))
            .await
            .expect("open the request");
        let number = text_of(&citizen, "#case-issued-number").await;
        assert!(number.starts_with("LT-MIG-D-"), "{number}");
        wait_for(&citizen, "#invitation-withdraw").await;
        accessible_at_both_widths(&citizen).await;
        let seal = citizen
            .execute(
                "return document.getElementById('case-issued-seal').textContent.trim();",
                vec![],
            )
            .await
            .expect("read the QR text");
        let seal = seal.as_str().expect("the QR text").to_string();
        let mail = arrives("the e-mail", || {
            mails(&smtp).into_iter().find(|m| {
                m["To"].as_str().is_some_and(|t| t.contains(CITIZEN))
                    && m["body"].as_str().is_some_and(|b| b.contains(&number))
            })
        })
        .await;
        println!("e-mail: {}", mail["Subject"]);
        let sms = arrives("the SMS", || {
            texts.lock().ok().and_then(|t| {
                t.iter()
                    .find(|m| m["text"].as_str().is_some_and(|x| x.contains(&number)))
                    .cloned()
            })
        })
        .await;
        assert_eq!(sms["to"], "+40712345678", "{sms}");

        citizen
            .goto(&stack.url("/en/invitations?show=approved"))
            .await
            .expect("open the approved invitations");
        wait_for(&citizen, "#invitations").await;
        wait_for_text(&citizen, &number).await;
        accessible_at_both_widths(&citizen).await;
        let file = download(&citizen, "#invitations a[download]").await;
        assert_eq!(file["status"], 200, "{file}");
        assert_eq!(file["type"], "application/pdf", "{file}");
        assert_eq!(file["head"], "%PDF-", "{file}");

        fee_order(&stack, &citizen).await;

        let valid = check(&stack, &visitor, &number, PASSPORT_NUMBER).await;
        assert!(valid.contains("The document is valid"), "{valid}");
        let genuine = verify(&stack, &visitor, &seal).await;
        assert!(
            genuine.contains("The QR code is genuine") && genuine.contains("Olena Kovalenko"),
            "{genuine}"
        );
    };
    if tokio::time::timeout(SCENARIO_LIMIT, scenario)
        .await
        .is_err()
    {
        panic!("the scenario did not finish within {SCENARIO_LIMIT:?}");
    }
    for client in [citizen, officer, visitor] {
        client.close().await.expect("close a browser");
    }
}
