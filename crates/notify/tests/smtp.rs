#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! E-mail through a real SMTP server: Python's aiosmtpd, started by the test
//! on a free loopback port, writing what it receives to a Maildir.

mod common;

use common::{email, t0};
use ghiseu_notify::testing::{SmtpServer, parse_message, parse_parts, plain_smtp_config};
use ghiseu_notify::{
    Attachment, DeliveryReport, DeliveryWorker, DemoSmsGateway, Email, Mailer, Secret, SmtpConfig,
    SmtpMailer, SmtpSecurity,
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
    // The outbox's id: the same on every attempt, so a second delivery shows.
    assert_eq!(parsed["Message-ID"], format!("<{id}@ghiseu.example>"));
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

/// An appointment as a calendar file: CRLF lines, as RFC 5545 wants, and
/// diacritics in the place.
const APPOINTMENT_ICS: &str = "BEGIN:VCALENDAR\r\n\
    VERSION:2.0\r\n\
    PRODID:-//Ghiseu//Programari//RO\r\n\
    METHOD:PUBLISH\r\n\
    BEGIN:VEVENT\r\n\
    UID:apt-42@ghiseu.example\r\n\
    DTSTAMP:20261124T080000Z\r\n\
    DTSTART:20261203T073000Z\r\n\
    DTEND:20261203T074500Z\r\n\
    SUMMARY:Programare: carte de identitate\r\n\
    LOCATION:Ghișeul Alba\\, Str. Mărășești 5\r\n\
    END:VEVENT\r\n\
    END:VCALENDAR\r\n";

#[tokio::test]
async fn a_calendar_file_queued_with_an_e_mail_arrives_intact_beside_the_text() {
    let server = SmtpServer::start();
    let test = TestDatabase::new().await;
    let mut message = email("ana.popescu@example.ro", Some("p-1"));
    message.subject = "Programare confirmată".into();
    message.body = "Bună ziua,\n\nVă așteptăm pe 3 decembrie la 09:30.\n".into();
    let attachment = Attachment {
        name: "appointment.ics".into(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: APPOINTMENT_ICS.into(),
    };
    let mut tx = test.db.pool().begin().await.unwrap();
    let id = outbox::enqueue(&mut tx, &message, t0()).await.unwrap();
    outbox::attach(&mut tx, &id, &attachment).await.unwrap();
    tx.commit().await.unwrap();
    let worker = DeliveryWorker::new(
        test.db.clone(),
        Arc::new(SmtpMailer::new(&server.config()).unwrap()),
        Arc::new(DemoSmsGateway::new()),
    );

    let done = worker.run_once(t0()).await.unwrap();

    assert_eq!(done.sent, 1, "{done:?}");
    let received = server.received();
    assert_eq!(received.len(), 1, "messages in the Maildir");
    let parsed = parse_parts(&received[0]);
    assert_eq!(parsed["type"], "multipart/mixed");
    assert_eq!(parsed["Subject"], "Programare confirmată");
    let parts = parsed["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 2, "{parsed}");
    let (text, file) = (&parts[0], &parts[1]);
    assert_eq!(text["type"], "text/plain");
    assert_eq!(text["disposition"], json!(null));
    assert_eq!(
        text["body"].as_str().unwrap().replace("\r\n", "\n"),
        message.body
    );
    assert_eq!(file["type"], "text/calendar");
    assert_eq!(
        file["params"],
        json!({"charset": "utf-8", "method": "PUBLISH"})
    );
    assert_eq!(file["disposition"], "attachment");
    assert_eq!(file["filename"], "appointment.ics");
    // The Maildir keeps lines as the host does; the content is the same.
    assert_eq!(
        file["body"].as_str().unwrap().replace("\r\n", "\n"),
        APPOINTMENT_ICS.replace("\r\n", "\n")
    );
    let stored = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!(stored.status, Status::Sent);
    test.cleanup().await;
}

#[tokio::test]
async fn a_bad_content_type_for_the_file_is_a_permanent_failure() {
    let server = SmtpServer::start();
    let mailer = SmtpMailer::new(&server.config()).unwrap();
    let attachment = Attachment {
        name: "appointment.ics".into(),
        content_type: "not a type".into(),
        body: APPOINTMENT_ICS.into(),
    };

    let error = mailer
        .send(Email::plain("ana@example.ro", "Subiect", "Text").with_attachment(&attachment))
        .await
        .unwrap_err();

    assert!(error.is_permanent(), "{error}");
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn an_invalid_address_is_a_permanent_failure_and_nothing_is_sent() {
    let server = SmtpServer::start();
    let mailer = SmtpMailer::new(&server.config()).unwrap();

    let error = mailer
        .send(Email::plain("ana.popescu@", "Subiect", "Text"))
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
        .send(Email::plain("nobody@example.ro", "Subiect", "Text"))
        .await
        .unwrap_err();
    let busy = mailer
        .send(Email::plain("busy@example.ro", "Subiect", "Text"))
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
        .send(Email::plain("ana.popescu@example.ro", "Subiect", "Text"))
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
        .send(Email::plain("ana@example.ro", "Subiect", "Text"))
        .await
        .unwrap_err();
    let distrusted = untrusted
        .send(Email::plain("ana@example.ro", "Subiect", "Text"))
        .await
        .unwrap_err();
    assert!(server.received().is_empty());
    trusted
        .send(Email::plain("ana@example.ro", "Subiect", "Text în clar?"))
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
