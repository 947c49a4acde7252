#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The outbox in the database: queued with the caller's transaction, claimed
//! under a lease, listed per person.

mod common;

use common::{email, enqueue_committed, t0};
use ghiseu_storage::outbox::{self, Channel, Status};
use ghiseu_storage::testing::TestDatabase;
use jiff::SignedDuration;
use std::time::Duration;

const LEASE: Duration = Duration::from_secs(60);

#[tokio::test]
async fn a_message_is_queued_only_if_its_transaction_commits() {
    let test = TestDatabase::new().await;
    let db = &test.db;

    let mut tx = db.pool().begin().await.unwrap();
    let rolled_back = outbox::enqueue(&mut tx, &email("ana@example.ro", None), t0())
        .await
        .unwrap();
    tx.rollback().await.unwrap();

    let mut tx = db.pool().begin().await.unwrap();
    let committed = outbox::enqueue(&mut tx, &email("ion@example.ro", None), t0())
        .await
        .unwrap();
    tx.commit().await.unwrap();

    assert!(outbox::get(db, &rolled_back).await.unwrap().is_none());
    let claimed = outbox::claim(db, LEASE, 10, t0()).await.unwrap();
    let ids: Vec<&str> = claimed.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, [committed.as_str()]);
    test.cleanup().await;
}

#[tokio::test]
async fn a_queued_message_is_stored_as_given_and_pending() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let id = enqueue_committed(db, &email("ana@example.ro", Some("p-1")), t0()).await;

    let stored = outbox::get(db, &id).await.unwrap().unwrap();
    assert_eq!(stored.channel, Channel::Email);
    assert_eq!(stored.kind, "email-verification");
    assert_eq!(stored.recipient, "ana@example.ro");
    assert_eq!(stored.subject, "Confirmați adresa de e-mail");
    assert_eq!(stored.person_id.as_deref(), Some("p-1"));
    assert_eq!(stored.status, Status::Pending);
    assert_eq!(stored.attempts, 0);
    assert_eq!(stored.next_attempt_at, t0());
    assert_eq!(stored.created_at, t0());
    assert_eq!(
        (
            stored.claimed_until,
            stored.sent_at,
            stored.last_error.as_deref()
        ),
        (None, None, None)
    );
    assert!(
        !format!("{stored:?}").contains("ana@"),
        "Debug shows the recipient"
    );
    test.cleanup().await;
}

#[tokio::test]
async fn a_claim_takes_due_messages_once_until_the_lease_expires() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let due = enqueue_committed(db, &email("ana@example.ro", None), t0()).await;
    let later = t0() + SignedDuration::from_hours(1);
    let not_yet_due = enqueue_committed(db, &email("ion@example.ro", None), later).await;

    let first = outbox::claim(db, LEASE, 10, t0()).await.unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].id, due);
    assert_eq!(first[0].status, Status::Sending);
    assert_eq!(first[0].attempts, 1);
    assert_eq!(
        first[0].claimed_until,
        Some(t0() + SignedDuration::from_secs(60))
    );

    let within_lease = t0() + SignedDuration::from_secs(59);
    assert!(
        outbox::claim(db, LEASE, 10, within_lease)
            .await
            .unwrap()
            .is_empty()
    );

    let lease_expired = t0() + SignedDuration::from_secs(60);
    let reclaimed = outbox::claim(db, LEASE, 10, lease_expired).await.unwrap();
    assert_eq!(reclaimed.len(), 1);
    assert_eq!(reclaimed[0].id, due);
    assert_eq!(reclaimed[0].attempts, 2);

    let pending = outbox::get(db, &not_yet_due).await.unwrap().unwrap();
    assert_eq!((pending.status, pending.attempts), (Status::Pending, 0));
    test.cleanup().await;
}

#[tokio::test]
async fn a_claim_takes_at_most_the_limit_oldest_first() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let mut ids = Vec::new();
    for minute in 0..5 {
        let at = t0() + SignedDuration::from_mins(minute);
        ids.push(enqueue_committed(db, &email("ana@example.ro", None), at).await);
    }
    let now = t0() + SignedDuration::from_hours(1);

    let first: Vec<String> = outbox::claim(db, LEASE, 3, now)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();
    let rest: Vec<String> = outbox::claim(db, LEASE, 3, now)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();

    assert_eq!(first, ids[..3]);
    assert_eq!(rest, ids[3..]);
    test.cleanup().await;
}

#[tokio::test]
async fn settled_messages_record_their_outcome_and_are_not_claimed_again() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let sent = enqueue_committed(db, &email("ana@example.ro", None), t0()).await;
    let retried = enqueue_committed(db, &email("ion@example.ro", None), t0()).await;
    let given_up = enqueue_committed(db, &email("eva@example.ro", None), t0()).await;
    outbox::claim(db, LEASE, 10, t0()).await.unwrap();
    let done_at = t0() + SignedDuration::from_secs(5);
    let retry_at = t0() + SignedDuration::from_mins(1);

    assert!(outbox::mark_sent(db, &sent, done_at).await.unwrap());
    assert!(
        outbox::mark_failed_attempt(db, &retried, "busy", Some(retry_at), done_at)
            .await
            .unwrap()
    );
    assert!(
        outbox::mark_failed_attempt(db, &given_up, "no such user", None, done_at)
            .await
            .unwrap()
    );
    assert!(
        !outbox::mark_sent(db, &sent, done_at).await.unwrap(),
        "settled twice"
    );
    assert!(!outbox::mark_sent(db, "no-such-id", done_at).await.unwrap());

    let sent = outbox::get(db, &sent).await.unwrap().unwrap();
    assert_eq!(
        (sent.status, sent.sent_at, sent.claimed_until),
        (Status::Sent, Some(done_at), None)
    );
    let retried = outbox::get(db, &retried).await.unwrap().unwrap();
    assert_eq!(
        (retried.status, retried.next_attempt_at),
        (Status::Pending, retry_at)
    );
    assert_eq!(retried.last_error.as_deref(), Some("busy"));
    let given_up = outbox::get(db, &given_up).await.unwrap().unwrap();
    assert_eq!(given_up.status, Status::Failed);
    assert_eq!(given_up.last_error.as_deref(), Some("no such user"));

    let much_later = t0() + SignedDuration::from_hours(24);
    let claimed: Vec<String> = outbox::claim(db, LEASE, 10, much_later)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(claimed, [retried.id]);
    test.cleanup().await;
}

#[tokio::test]
async fn a_person_sees_their_own_messages_newest_first() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let older = enqueue_committed(db, &email("ana@example.ro", Some("ana")), t0()).await;
    enqueue_committed(db, &email("ion@example.ro", Some("ion")), t0()).await;
    let newer_at = t0() + SignedDuration::from_mins(3);
    let newer = enqueue_committed(db, &email("ana@example.ro", Some("ana")), newer_at).await;

    let listed: Vec<String> = outbox::for_person(db, "ana")
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();

    assert_eq!(listed, [newer, older]);
    assert!(outbox::for_person(db, "nobody").await.unwrap().is_empty());
    test.cleanup().await;
}
