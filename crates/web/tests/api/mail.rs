//! The verification e-mail through a real SMTP server, read back and followed.

use crate::support::{Browser, TEST_PASSWORD, TestApp, hidden, log_in};
use ghiseu_notify::testing::{SmtpServer, parse_message};
use ghiseu_notify::{DeliveryWorker, DemoSmsGateway, SmtpMailer};
use std::sync::Arc;

#[tokio::test]
async fn the_verification_link_arrives_by_smtp_and_confirms_the_address() {
    let app = TestApp::new().await;
    let smtp = SmtpServer::start();
    let mut browser = Browser::default();
    let form = browser.get(&app, "/ro/account/register").await;
    let token = hidden(&form.text(), "form_token");
    let email = "elena.mail@example.ro";
    let fields = [
        ("email", email),
        ("password", TEST_PASSWORD),
        ("confirm", TEST_PASSWORD),
        ("form_token", &token),
    ];
    assert_eq!(
        browser
            .post_form(&app, "/ro/account/register", &fields)
            .await
            .status,
        200
    );

    let worker = DeliveryWorker::new(
        app.state.db.clone(),
        Arc::new(SmtpMailer::new(&smtp.config()).unwrap()),
        Arc::new(DemoSmsGateway::new()),
    );
    let report = worker.run_once(app.state.clock.now()).await.unwrap();
    assert_eq!(report.sent, 1, "{report:?}");

    let received = smtp.received();
    assert_eq!(received.len(), 1);
    let message = parse_message(&received[0]);
    assert_eq!(message["To"], email);
    assert_eq!(
        message["Subject"], "Confirmați adresa de e-mail pentru Ghiseu",
        "in the language the person registered in"
    );
    let body = message["body"].as_str().unwrap();
    let at = body
        .find("/ro/account/verify?token=")
        .expect("the link is in the message");
    let link: String = body[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();

    let page = browser.get(&app, &link).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    let fields = [
        ("token", hidden(&html, "token")),
        ("form_token", hidden(&html, "form_token")),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let verified = browser.post_form(&app, "/ro/account/verify", &fields).await;
    assert_eq!(verified.status, 200, "{}", verified.text());
    let mut signed_in = log_in(&app, email).await;
    assert_eq!(
        signed_in.get(&app, "/en/account/messages").await.status,
        200
    );
    assert!(
        signed_in
            .get(&app, "/en/account/messages")
            .await
            .text()
            .contains("Sent")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_delivered_link_is_not_kept_in_the_stored_message() {
    let app = TestApp::new().await;
    let smtp = SmtpServer::start();
    let mut browser = Browser::default();
    let form = browser.get(&app, "/en/account/register").await;
    let token = hidden(&form.text(), "form_token");
    let email = "kept.secret@example.ro";
    let fields = [
        ("email", email),
        ("password", TEST_PASSWORD),
        ("confirm", TEST_PASSWORD),
        ("form_token", &token),
    ];
    browser
        .post_form(&app, "/en/account/register", &fields)
        .await;
    let worker = DeliveryWorker::new(
        app.state.db.clone(),
        Arc::new(SmtpMailer::new(&smtp.config()).unwrap()),
        Arc::new(DemoSmsGateway::new()),
    );
    assert_eq!(
        worker.run_once(app.state.clock.now()).await.unwrap().sent,
        1
    );
    let body = parse_message(&smtp.received()[0])["body"]
        .as_str()
        .unwrap()
        .to_string();
    let at = body.find("verify?token=").unwrap() + "verify?token=".len();
    let secret: String = body[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    assert_eq!(secret.len(), 64, "the e-mail carries the live link");

    let person = ghiseu_storage::accounts::person_by_email(&app.state.db, email)
        .await
        .unwrap()
        .unwrap();
    let stored = ghiseu_storage::outbox::for_person(&app.state.db, &person.id)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert!(
        !stored[0].body.contains(&secret),
        "the stored body keeps the link"
    );
    assert!(stored[0].body.contains("verify?token=[used]"));
    app.cleanup().await;
}
