//! Telling a person something: the channels follow their preferences, the
//! text their language, and the caller's transaction decides whether
//! anything is queued.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use NotificationChannel::{Email, Sms};
use ghiseu_domain::account::{
    MessageKind, NotificationChannel, NotificationKind, NotificationPreferences,
};
use ghiseu_domain::catalogue::Lang;
use ghiseu_storage::accounts::{NewPerson, insert_person};
use ghiseu_storage::notifications::{Queued, Text, notify_person};
use ghiseu_storage::outbox::{self, Channel, OutboxMessage};
use ghiseu_storage::profiles::{self, ProfileUpdate};
use ghiseu_storage::testing::TestDatabase;
use ghiseu_storage::{Database, StorageError};
use jiff::Timestamp;

fn t0() -> Timestamp {
    "2026-11-24T08:00:00Z".parse().unwrap()
}

/// A text that says which language and channel it was written for.
fn compose(lang: Lang, channel: NotificationChannel) -> Text {
    Text {
        subject: match channel {
            Email => format!("subject {lang}"),
            Sms => String::new(),
        },
        body: format!("body {lang} {}", channel.code()),
    }
}

/// A person with `lang`, `phone` and, for each (kind, channel) given, that
/// choice; everything else at its default.
async fn person(
    db: &Database,
    id: &str,
    lang: &str,
    phone: Option<&str>,
    choices: &[(NotificationKind, NotificationChannel, bool)],
) {
    let mut tx = db.pool().begin().await.unwrap();
    let email = format!("{id}@example.ro");
    let new = NewPerson {
        id,
        email: &email,
        password_hash: "x",
        role: "citizen",
        preferred_lang: lang,
        now: 0,
    };
    assert!(insert_person(&mut tx, &new).await.unwrap());
    let update = ProfileUpdate {
        person_id: id,
        given_name: "Ana",
        family_name: "Pop",
        preferred_lang: lang,
        birth_date: None,
        citizenship: None,
        phone,
        domicile_country: None,
        domicile_region: None,
        domicile_locality: None,
        domicile_address: None,
    };
    profiles::save(&mut tx, &update, 0, 0)
        .await
        .unwrap()
        .unwrap();
    let mut preferences = NotificationPreferences::default();
    for &(kind, channel, on) in choices {
        preferences.set(kind, channel, on);
    }
    profiles::save_preferences(&mut tx, id, &preferences)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// Tells the person `kind` in a transaction of its own, committed.
async fn tell(db: &Database, id: &str, kind: MessageKind) -> Vec<Queued> {
    let mut tx = db.pool().begin().await.unwrap();
    let queued = notify_person(&mut tx, id, kind, compose, t0())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    queued
}

/// What was queued for the person, e-mail before SMS.
async fn queued_for(db: &Database, id: &str) -> Vec<OutboxMessage> {
    let mut all = outbox::for_person(db, id).await.unwrap();
    all.sort_by_key(|m| m.channel.as_str());
    all
}

#[tokio::test]
async fn sms_only_gives_one_sms_and_no_email() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ready = NotificationKind::DocumentReady;
    person(
        db,
        "ana",
        "ro",
        Some("+40712345678"),
        &[(ready, Email, false), (ready, Sms, true)],
    )
    .await;
    let queued = tell(db, "ana", MessageKind::DocumentReady).await;
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].channel, Sms);
    let stored = queued_for(db, "ana").await;
    assert_eq!(stored.len(), 1);
    let sms = &stored[0];
    assert_eq!(sms.id, queued[0].id);
    assert_eq!(
        (sms.channel, sms.recipient.as_str(), sms.kind.as_str()),
        (Channel::Sms, "+40712345678", "document-ready")
    );
    assert_eq!(
        (sms.subject.as_str(), sms.body.as_str()),
        ("", "body ro sms")
    );
    assert_eq!(sms.person_id.as_deref(), Some("ana"));
    test.cleanup().await;
}

#[tokio::test]
async fn both_channels_give_two_messages() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let updates = NotificationKind::ApplicationUpdates;
    person(
        db,
        "ion",
        "ro",
        Some("+37369123456"),
        &[(updates, Sms, true)],
    )
    .await;
    let queued = tell(db, "ion", MessageKind::ApplicationReturned).await;
    let channels: Vec<_> = queued.iter().map(|q| q.channel).collect();
    assert_eq!(channels, [Email, Sms]);
    let stored = queued_for(db, "ion").await;
    let sent: Vec<(&str, &str, &str)> = stored
        .iter()
        .map(|m| (m.recipient.as_str(), m.subject.as_str(), m.body.as_str()))
        .collect();
    assert_eq!(
        sent,
        [
            ("ion@example.ro", "subject ro", "body ro email"),
            ("+37369123456", "", "body ro sms"),
        ]
    );
    assert!(stored.iter().all(|m| m.kind == "application-returned"));
    test.cleanup().await;
}

#[tokio::test]
async fn security_notices_go_by_email_even_when_it_was_switched_off() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let security = NotificationKind::AccountSecurity;
    person(
        db,
        "eva",
        "en",
        Some("+37061234567"),
        &[(security, Sms, true)],
    )
    .await;
    // As if the choice had been stored despite the form: it still does not count.
    sqlx::query(
        "UPDATE notification_preferences SET enabled = 0 \
         WHERE person_id = $1 AND kind = $2 AND channel = $3",
    )
    .bind("eva")
    .bind(security.code())
    .bind(Email.code())
    .execute(db.pool())
    .await
    .unwrap();
    let notice = tell(db, "eva", MessageKind::SecondFactorEnabled).await;
    assert_eq!(
        notice.iter().map(|q| q.channel).collect::<Vec<_>>(),
        [Email, Sms]
    );
    let reset = tell(db, "eva", MessageKind::PasswordReset).await;
    assert_eq!(
        reset.iter().map(|q| q.channel).collect::<Vec<_>>(),
        [Email],
        "a reset link never goes by SMS"
    );
    let stored = outbox::get(db, &reset[0].id).await.unwrap().unwrap();
    assert_eq!(stored.recipient, "eva@example.ro");
    assert_eq!(stored.kind, "password-reset");
    test.cleanup().await;
}

#[tokio::test]
async fn without_a_phone_sms_is_skipped_and_email_still_goes() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let expiry = NotificationKind::DocumentExpiry;
    person(db, "dan", "ro", None, &[(expiry, Sms, true)]).await;
    let queued = tell(db, "dan", MessageKind::DocumentExpiry).await;
    assert_eq!(
        queued.iter().map(|q| q.channel).collect::<Vec<_>>(),
        [Email]
    );
    assert_eq!(queued_for(db, "dan").await.len(), 1);

    person(
        db,
        "rux",
        "ro",
        None,
        &[(expiry, Email, false), (expiry, Sms, true)],
    )
    .await;
    assert!(
        tell(db, "rux", MessageKind::DocumentExpiry)
            .await
            .is_empty()
    );
    assert!(queued_for(db, "rux").await.is_empty());
    test.cleanup().await;
}

#[tokio::test]
async fn a_rollback_queues_nothing() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let reminders = NotificationKind::AppointmentReminders;
    person(
        db,
        "mia",
        "ro",
        Some("+40712345678"),
        &[(reminders, Sms, true)],
    )
    .await;
    let mut tx = db.pool().begin().await.unwrap();
    let queued = notify_person(
        &mut tx,
        "mia",
        MessageKind::AppointmentReminder,
        compose,
        t0(),
    )
    .await
    .unwrap();
    assert_eq!(queued.len(), 2);
    tx.rollback().await.unwrap();
    assert!(queued_for(db, "mia").await.is_empty());
    for q in queued {
        assert!(outbox::get(db, &q.id).await.unwrap().is_none());
    }
    test.cleanup().await;
}

#[tokio::test]
async fn the_text_is_in_the_persons_language() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ready = NotificationKind::DocumentReady;
    person(db, "tom", "en", Some("+40712345678"), &[(ready, Sms, true)]).await;
    person(db, "ilinca", "ro", None, &[]).await;
    tell(db, "tom", MessageKind::DocumentReady).await;
    tell(db, "ilinca", MessageKind::DocumentReady).await;
    let toms: Vec<String> = queued_for(db, "tom")
        .await
        .into_iter()
        .map(|m| m.body)
        .collect();
    assert_eq!(toms, ["body en email", "body en sms"]);
    let ilincas = queued_for(db, "ilinca").await;
    assert_eq!(ilincas[0].subject, "subject ro");

    let mut tx = db.pool().begin().await.unwrap();
    sqlx::query("UPDATE persons SET preferred_lang = 'xx' WHERE id = 'ilinca'")
        .execute(&mut *tx)
        .await
        .unwrap();
    let queued = notify_person(&mut tx, "ilinca", MessageKind::DocumentReady, compose, t0())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let stored = outbox::get(db, &queued[0].id).await.unwrap().unwrap();
    assert_eq!(
        stored.subject, "subject ro",
        "an unknown language falls back to Romanian"
    );
    test.cleanup().await;
}

#[tokio::test]
async fn the_person_is_read_in_the_callers_transaction() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let mut tx = db.pool().begin().await.unwrap();
    let new = NewPerson {
        id: "new",
        email: "new@example.ro",
        password_hash: "x",
        role: "citizen",
        preferred_lang: "en",
        now: 0,
    };
    insert_person(&mut tx, &new).await.unwrap();
    let queued = notify_person(
        &mut tx,
        "new",
        MessageKind::EmailVerification,
        compose,
        t0(),
    )
    .await
    .unwrap();
    assert_eq!(queued.len(), 1, "defaults: e-mail only");
    tx.commit().await.unwrap();
    let stored = outbox::get(db, &queued[0].id).await.unwrap().unwrap();
    assert_eq!(
        (stored.recipient.as_str(), stored.body.as_str()),
        ("new@example.ro", "body en email")
    );

    let mut tx = db.pool().begin().await.unwrap();
    let missing = notify_person(&mut tx, "nobody", MessageKind::DocumentReady, compose, t0()).await;
    assert!(
        matches!(missing, Err(StorageError::NoSuchPerson)),
        "{missing:?}"
    );
    tx.rollback().await.unwrap();
    test.cleanup().await;
}
