#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! E-mail through a real SMTP server: Python's aiosmtpd, started by the test
//! on a free loopback port, writing what it receives to a Maildir.

mod common;

use common::{email, t0};
use ghiseu_notify::testing::{SmtpServer, parse_message, plain_smtp_config};
use ghiseu_notify::{
    DeliveryReport, DeliveryWorker, DemoSmsGateway, Mailer, Secret, SmtpConfig, SmtpMailer,
    SmtpSecurity,
};
use ghiseu_storage::outbox::{self, Status};
use ghiseu_storage::testing::TestDatabase;
use serde_json::json;
use std::net::TcpListener;
use std::sync::Arc;

#[tokio::test]
async fn a_queued_e_mail_is_delivered_to_a_real_smtp_server() {
    let server = SmtpServer::start();
    let test = TestDatabase::new().await;
    let mut message = email("ana.popescu@example.ro", Some("p-1"));
    message.subject = "Confirmați adresa — ă î ș ț".into();
    message.body = "Bună ziua, Ana!\n\nDiacritice: ă î ș ț â Ă Î Ș Ț Â.\n".into();
    let mut tx = test.db.pool().begin().await.unwrap();
    let id = outbox::enqueue(&mut tx, &message, t0()).await.unwrap();
    tx.commit().await.unwrap();
    let mailer = SmtpMailer::new(&server.config()).unwrap();
    let worker = DeliveryWorker::new(
        test.db.clone(),
        Arc::new(mailer),
        Arc::new(DemoSmsGateway::new()),
    );

    let done = worker.run_once(t0()).await.unwrap();

    assert_eq!(
        done,
        DeliveryReport {
            sent: 1,
            retried: 0,
            failed: 0
        }
    );
    let received = server.received();
    assert_eq!(received.len(), 1, "messages in the Maildir");
    let parsed = parse_message(&received[0]);
    assert_eq!(parsed["X-RcptTo"], "ana.popescu@example.ro");
    assert_eq!(parsed["To"], "ana.popescu@example.ro");
    assert_eq!(parsed["From"], "Ghișeul Alba <no-reply@ghiseu.example>");
    assert_eq!(parsed["Subject"], "Confirmați adresa — ă î ș ț");
    assert_eq!(
        (&parsed["type"], &parsed["charset"]),
        (&json!("text/plain"), &json!("utf-8"))
    );
    assert_eq!(
        parsed["body"].as_str().unwrap().replace("\r\n", "\n"),
        message.body
    );
    let stored = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!(stored.status, Status::Sent);
    test.cleanup().await;
}

#[tokio::test]
async fn an_invalid_address_is_a_permanent_failure_and_nothing_is_sent() {
    let server = SmtpServer::start();
    let mailer = SmtpMailer::new(&server.config()).unwrap();

    let error = mailer
        .send("ana.popescu@", "Subiect", "Text")
        .await
        .unwrap_err();

    assert!(error.is_permanent(), "{error}");
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn a_refused_recipient_is_permanent_and_a_busy_one_transient() {
    let server = SmtpServer::start();
    let mailer = SmtpMailer::new(&server.config()).unwrap();

    let refused = mailer
        .send("nobody@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();
    let busy = mailer
        .send("busy@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();

    assert!(
        refused.is_permanent() && refused.to_string().contains("550"),
        "{refused}"
    );
    assert!(
        !refused.to_string().contains("nobody@"),
        "unmasked address in {refused}"
    );
    assert!(
        !busy.is_permanent() && busy.to_string().contains("450"),
        "{busy}"
    );
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn an_unreachable_server_is_a_transient_failure() {
    let closed_port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mailer = SmtpMailer::new(&plain_smtp_config(closed_port)).unwrap();

    let error = mailer
        .send("ana.popescu@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();

    assert!(!error.is_permanent(), "{error}");
}

#[tokio::test]
async fn e_mail_goes_over_starttls_to_a_relay_with_a_trusted_certificate() {
    let (server, certificate) = SmtpServer::start_requiring_starttls();
    let plain = SmtpMailer::new(&server.config()).unwrap();
    let untrusted = SmtpMailer::new(&SmtpConfig {
        security: SmtpSecurity::StartTls,
        ..server.config()
    })
    .unwrap();
    let trusted = SmtpMailer::new(&SmtpConfig {
        security: SmtpSecurity::StartTls,
        extra_root_certificate: Some(certificate),
        ..server.config()
    })
    .unwrap();

    let refused = plain
        .send("ana@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();
    let distrusted = untrusted
        .send("ana@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();
    assert!(server.received().is_empty());
    trusted
        .send("ana@example.ro", "Subiect", "Text în clar?")
        .await
        .unwrap();

    assert!(refused.to_string().contains("530"), "{refused}");
    assert!(!distrusted.is_permanent(), "{distrusted}");
    let received = server.received();
    assert_eq!(received.len(), 1);
    assert_eq!(
        parse_message(&received[0])["body"]
            .as_str()
            .unwrap()
            .trim_end(),
        "Text în clar?"
    );
}

#[test]
fn the_smtp_password_never_shows_in_the_configuration() {
    let mut config = SmtpConfig {
        host: "smtp.example.ro".into(),
        port: 587,
        username: Some("ghiseu".into()),
        password: Some(Secret::new("s3cret-relay-password")),
        security: SmtpSecurity::StartTls,
        ..plain_smtp_config(587)
    };
    assert!(!format!("{config:?}").contains("s3cret"));
    assert!(SmtpMailer::new(&config).is_ok());
    config.from.address = "not an address".into();
    assert!(SmtpMailer::new(&config).is_err());
}
