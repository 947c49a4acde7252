//! The outbox's later deliveries and files: a message held back until its
//! time, withdrawn when what it is about changes, and an e-mail carrying a
//! calendar file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_storage::outbox::{self, Attachment, Channel, NewMessage, Status};
use ghiseu_storage::testing::TestDatabase;
use ghiseu_storage::{Database, StorageError};
use jiff::{SignedDuration, Timestamp};
use std::time::Duration;

const LEASE: Duration = Duration::from_secs(60);

fn t0() -> Timestamp {
    "2026-11-24T08:00:00Z".parse().unwrap()
}

fn message(channel: Channel, recipient: &str) -> NewMessage {
    NewMessage {
        kind: "appointment-reminder".into(),
        channel,
        recipient: recipient.into(),
        subject: match channel {
            Channel::Email => "Programarea dvs. de mâine".into(),
            Channel::Sms => String::new(),
        },
        body: "Vă așteptăm mâine la 09:30.".into(),
        person_id: Some("p-1".into()),
    }
}

fn calendar_file() -> Attachment {
    Attachment {
        name: "appointment.ics".into(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nLOCATION:Ghișeul Alba\r\nEND:VCALENDAR\r\n".into(),
    }
}

/// Queues `message` and files it under `topic` for `deliver_at`, in one
/// committed transaction.
async fn schedule_committed(
    db: &Database,
    message: &NewMessage,
    topic: &str,
    deliver_at: Timestamp,
) -> String {
    let mut tx = db.pool().begin().await.unwrap();
    let id = outbox::enqueue(&mut tx, message, t0()).await.unwrap();
    outbox::schedule(&mut tx, &id, topic, deliver_at)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn withdraw_committed(db: &Database, topic: &str, now: Timestamp) -> u64 {
    let mut tx = db.pool().begin().await.unwrap();
    let withdrawn = outbox::withdraw(&mut tx, topic, now).await.unwrap();
    tx.commit().await.unwrap();
    withdrawn
}

#[tokio::test]
async fn a_scheduled_message_is_not_claimed_before_its_time_and_is_after() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let the_day_before = t0() + SignedDuration::from_hours(8 * 24);
    let id = schedule_committed(
        db,
        &message(Channel::Sms, "+40722123456"),
        "appointment:a-1",
        the_day_before,
    )
    .await;

    let stored = outbox::get(db, &id).await.unwrap().unwrap();
    assert_eq!(
        (
            stored.status,
            stored.topic.as_deref(),
            stored.next_attempt_at
        ),
        (Status::Pending, Some("appointment:a-1"), the_day_before)
    );
    assert!(outbox::claim(db, LEASE, 10, t0()).await.unwrap().is_empty());
    let a_second_early = the_day_before - SignedDuration::from_secs(1);
    assert!(
        outbox::claim(db, LEASE, 10, a_second_early)
            .await
            .unwrap()
            .is_empty()
    );
    let claimed = outbox::claim(db, LEASE, 10, the_day_before).await.unwrap();
    let ids: Vec<&str> = claimed.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, [id.as_str()]);
    assert_eq!(claimed[0].topic.as_deref(), Some("appointment:a-1"));
    test.cleanup().await;
}

#[tokio::test]
async fn a_message_scheduled_in_a_rolled_back_transaction_is_not_queued() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let mut tx = db.pool().begin().await.unwrap();
    let id = outbox::enqueue(&mut tx, &message(Channel::Sms, "+40722123456"), t0())
        .await
        .unwrap();
    outbox::schedule(&mut tx, &id, "appointment:a-1", t0())
        .await
        .unwrap();
    tx.rollback().await.unwrap();

    assert!(outbox::get(db, &id).await.unwrap().is_none());
    test.cleanup().await;
}

#[tokio::test]
async fn withdrawing_a_topic_takes_back_what_has_not_gone_out_and_leaves_the_rest() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let later = t0() + SignedDuration::from_hours(24);
    let topic = "appointment:a-1";
    let sent =
        schedule_committed(db, &message(Channel::Email, "ana@example.ro"), topic, t0()).await;
    let claimed = outbox::claim(db, LEASE, 10, t0()).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert!(outbox::mark_sent(db, &sent, t0()).await.unwrap());
    let email =
        schedule_committed(db, &message(Channel::Email, "ana@example.ro"), topic, later).await;
    let text = schedule_committed(db, &message(Channel::Sms, "+40722123456"), topic, later).await;
    let other = schedule_committed(
        db,
        &message(Channel::Sms, "+40722123456"),
        "appointment:a-2",
        later,
    )
    .await;

    let now = t0() + SignedDuration::from_mins(5);
    assert_eq!(withdraw_committed(db, topic, now).await, 2);

    for id in [&email, &text] {
        let stored = outbox::get(db, id).await.unwrap().unwrap();
        assert_eq!((stored.status, stored.sent_at), (Status::Withdrawn, None));
    }
    let stored = outbox::get(db, &sent).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.sent_at), (Status::Sent, Some(t0())));
    let stored = outbox::get(db, &other).await.unwrap().unwrap();
    assert_eq!(stored.status, Status::Pending);
    // The worker never takes a withdrawn message, however late it looks.
    let much_later = later + SignedDuration::from_hours(24 * 30);
    let claimed = outbox::claim(db, LEASE, 10, much_later).await.unwrap();
    let ids: Vec<&str> = claimed.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, [other.as_str()]);
    // Nothing left to withdraw the second time.
    assert_eq!(withdraw_committed(db, topic, much_later).await, 0);
    test.cleanup().await;
}

#[tokio::test]
async fn a_message_in_flight_is_withdrawn_only_once_its_workers_lease_ran_out() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let topic = "appointment:a-1";
    let id = schedule_committed(db, &message(Channel::Sms, "+40722123456"), topic, t0()).await;
    assert_eq!(outbox::claim(db, LEASE, 10, t0()).await.unwrap().len(), 1);

    assert_eq!(withdraw_committed(db, topic, t0()).await, 0);
    let in_flight = outbox::get(db, &id).await.unwrap().unwrap();
    assert_eq!(in_flight.status, Status::Sending);

    let lease_over = t0() + SignedDuration::try_from(LEASE).unwrap();
    assert_eq!(withdraw_committed(db, topic, lease_over).await, 1);
    let stored = outbox::get(db, &id).await.unwrap().unwrap();
    assert_eq!(
        (stored.status, stored.claimed_until),
        (Status::Withdrawn, None)
    );
    // The worker that lost its lease cannot record a delivery any more.
    assert!(!outbox::mark_sent(db, &id, lease_over).await.unwrap());
    assert!(
        outbox::claim(db, LEASE, 10, lease_over)
            .await
            .unwrap()
            .is_empty()
    );
    test.cleanup().await;
}

#[tokio::test]
async fn an_attachment_is_stored_with_its_e_mail_and_read_back_whole() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let file = calendar_file();
    let mut tx = db.pool().begin().await.unwrap();
    let with_file = outbox::enqueue(&mut tx, &message(Channel::Email, "ana@example.ro"), t0())
        .await
        .unwrap();
    outbox::attach(&mut tx, &with_file, &file).await.unwrap();
    let without = outbox::enqueue(&mut tx, &message(Channel::Email, "ion@example.ro"), t0())
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let stored = outbox::get(db, &with_file).await.unwrap().unwrap();
    assert_eq!(stored.attachment.as_ref(), Some(&file));
    assert_eq!(stored.topic, None);
    assert!(
        !format!("{stored:?}").contains("Ghișeul"),
        "Debug shows the file's body"
    );
    let plain = outbox::get(db, &without).await.unwrap().unwrap();
    assert_eq!(plain.attachment, None);
    let claimed = outbox::claim(db, LEASE, 10, t0()).await.unwrap();
    let files: Vec<Option<&Attachment>> = claimed.iter().map(|m| m.attachment.as_ref()).collect();
    assert_eq!(claimed.len(), 2);
    assert!(files.contains(&Some(&file)) && files.contains(&None));
    test.cleanup().await;
}

#[tokio::test]
async fn only_a_pending_message_takes_a_file_or_a_time_and_only_an_e_mail_a_file() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let mut tx = db.pool().begin().await.unwrap();
    let text = outbox::enqueue(&mut tx, &message(Channel::Sms, "+40722123456"), t0())
        .await
        .unwrap();
    let refused = outbox::attach(&mut tx, &text, &calendar_file()).await;
    assert!(
        matches!(refused, Err(StorageError::NoPendingMessage)),
        "{refused:?}"
    );
    let unknown = outbox::schedule(&mut tx, "no-such-id", "appointment:a-1", t0()).await;
    assert!(
        matches!(unknown, Err(StorageError::NoPendingMessage)),
        "{unknown:?}"
    );
    tx.commit().await.unwrap();
    assert_eq!(
        outbox::get(db, &text).await.unwrap().unwrap().attachment,
        None
    );

    let sent = outbox::claim(db, LEASE, 10, t0()).await.unwrap();
    assert!(outbox::mark_sent(db, &sent[0].id, t0()).await.unwrap());
    let mut conn = db.pool().acquire().await.unwrap();
    let late = outbox::schedule(&mut conn, &text, "appointment:a-1", t0()).await;
    assert!(
        matches!(late, Err(StorageError::NoPendingMessage)),
        "{late:?}"
    );
    drop(conn);
    let stored = outbox::get(db, &text).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.topic), (Status::Sent, None));
    test.cleanup().await;
}

#[tokio::test]
async fn a_message_queued_with_its_file_and_time_is_stored_as_if_added_after() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let later = t0() + SignedDuration::from_hours(24);
    let extras = outbox::Extras {
        attachment: Some(calendar_file()),
        scheduled: Some(("appointment:a-1".into(), later)),
    };
    let mut tx = db.pool().begin().await.unwrap();
    let email = message(Channel::Email, "ana@example.ro");
    let together = outbox::enqueue_with(&mut tx, &email, &extras, t0())
        .await
        .unwrap();
    let apart = outbox::enqueue(&mut tx, &email, t0()).await.unwrap();
    outbox::attach(&mut tx, &apart, &calendar_file())
        .await
        .unwrap();
    outbox::schedule(&mut tx, &apart, "appointment:a-1", later)
        .await
        .unwrap();
    let text = message(Channel::Sms, "+40722123456");
    let refused = outbox::enqueue_with(&mut tx, &text, &extras, t0()).await;
    assert!(
        matches!(refused, Err(StorageError::FileOnSms)),
        "{refused:?}"
    );
    tx.commit().await.unwrap();

    let mut one = outbox::get(db, &together).await.unwrap().unwrap();
    let other = outbox::get(db, &apart).await.unwrap().unwrap();
    assert_eq!(one.attachment.as_ref(), Some(&calendar_file()));
    assert_eq!(
        (one.topic.as_deref(), one.next_attempt_at, one.created_at),
        (Some("appointment:a-1"), later, t0())
    );
    one.id.clone_from(&other.id);
    assert_eq!(one, other);
    assert!(outbox::claim(db, LEASE, 10, t0()).await.unwrap().is_empty());
    test.cleanup().await;
}
