#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The delivery worker against a real database, with recording test doubles
//! for the mailer and the SMS gateway.

mod common;

use common::{RecordingMailer, email, enqueue_committed, sms, t0};
use ghiseu_notify::{
    Attachment, DeliveryError, DeliveryReport, DeliveryWorker, DemoMailer, DemoSmsGateway,
};
use ghiseu_storage::Database;
use ghiseu_storage::outbox::{self, Status};
use ghiseu_storage::testing::TestDatabase;
use jiff::{SignedDuration, Timestamp};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

fn worker(db: &Database, mailer: &Arc<RecordingMailer>, sms: &DemoSmsGateway) -> DeliveryWorker {
    DeliveryWorker::new(db.clone(), mailer.clone(), Arc::new(sms.clone()))
}

fn report(sent: u64, retried: u64, failed: u64) -> DeliveryReport {
    DeliveryReport {
        sent,
        retried,
        failed,
    }
}

#[tokio::test]
async fn e_mails_go_to_the_mailer_and_texts_to_the_sms_gateway() {
    let test = TestDatabase::new().await;
    let mailer = Arc::new(RecordingMailer::default());
    let gateway = DemoSmsGateway::new();
    let mail = enqueue_committed(&test.db, &email("ana@example.ro", None), t0()).await;
    let text = enqueue_committed(&test.db, &sms("+40722123456"), t0()).await;

    let done = worker(&test.db, &mailer, &gateway)
        .run_once(t0())
        .await
        .unwrap();

    assert_eq!(done, report(2, 0, 0));
    let delivered = mailer.delivered();
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0].0, "ana@example.ro");
    assert_eq!(delivered[0].1, "Confirmați adresa de e-mail");
    let texts = gateway.sent();
    assert_eq!(texts.len(), 1);
    assert_eq!(
        (texts[0].to.as_str(), texts[0].text.as_str()),
        ("+40722123456", "Programarea dvs. este mâine la 09:30.")
    );
    for id in [mail, text] {
        let stored = outbox::get(&test.db, &id).await.unwrap().unwrap();
        assert_eq!((stored.status, stored.sent_at), (Status::Sent, Some(t0())));
    }
    test.cleanup().await;
}

#[tokio::test]
async fn a_transient_failure_is_retried_after_a_doubling_delay() {
    let test = TestDatabase::new().await;
    let mailer = Arc::new(RecordingMailer::failing_with([
        DeliveryError::transient("421 try later"),
        DeliveryError::transient("connection refused"),
    ]));
    let worker = worker(&test.db, &mailer, &DemoSmsGateway::new());
    let id = enqueue_committed(&test.db, &email("ana@example.ro", None), t0()).await;

    assert_eq!(worker.run_once(t0()).await.unwrap(), report(0, 1, 0));
    let after_first = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!(after_first.status, Status::Pending);
    assert_eq!(after_first.attempts, 1);
    assert_eq!(
        after_first.next_attempt_at,
        t0() + SignedDuration::from_mins(1)
    );
    assert_eq!(
        after_first.last_error.as_deref(),
        Some("transient failure: 421 try later")
    );

    let too_early = t0() + SignedDuration::from_secs(59);
    assert_eq!(worker.run_once(too_early).await.unwrap(), report(0, 0, 0));

    let second_try = t0() + SignedDuration::from_mins(1);
    assert_eq!(worker.run_once(second_try).await.unwrap(), report(0, 1, 0));
    let after_second = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!(
        after_second.next_attempt_at,
        second_try + SignedDuration::from_mins(2)
    );

    let third_try = second_try + SignedDuration::from_mins(2);
    assert_eq!(worker.run_once(third_try).await.unwrap(), report(1, 0, 0));
    let sent = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!(
        (sent.status, sent.attempts, sent.sent_at),
        (Status::Sent, 3, Some(third_try))
    );
    assert_eq!(mailer.delivered().len(), 1);
    test.cleanup().await;
}

#[tokio::test]
async fn a_permanent_failure_gives_up_at_once() {
    let test = TestDatabase::new().await;
    let mailer = Arc::new(RecordingMailer::failing_with([DeliveryError::permanent(
        "550 5.1.1 <ana@example.ro>: no such user",
    )]));
    let worker = worker(&test.db, &mailer, &DemoSmsGateway::new());
    let id = enqueue_committed(&test.db, &email("ana@example.ro", None), t0()).await;

    assert_eq!(worker.run_once(t0()).await.unwrap(), report(0, 0, 1));

    let failed = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!((failed.status, failed.attempts), (Status::Failed, 1));
    let error = failed.last_error.unwrap();
    assert!(
        error.contains("550 5.1.1") && !error.contains("ana@"),
        "{error}"
    );
    let a_day_later = t0() + SignedDuration::from_hours(24);
    assert_eq!(worker.run_once(a_day_later).await.unwrap(), report(0, 0, 0));
    assert!(mailer.delivered().is_empty());
    test.cleanup().await;
}

#[tokio::test]
async fn a_message_that_keeps_failing_is_given_up_after_the_last_attempt() {
    let test = TestDatabase::new().await;
    let failures = (0..3).map(|_| DeliveryError::transient("timed out"));
    let mailer = Arc::new(RecordingMailer::failing_with(failures));
    let mut worker = worker(&test.db, &mailer, &DemoSmsGateway::new());
    worker.max_attempts = 3;
    let id = enqueue_committed(&test.db, &email("ana@example.ro", None), t0()).await;

    let mut reports = Vec::new();
    for hour in 0..4 {
        reports.push(
            worker
                .run_once(t0() + SignedDuration::from_hours(hour))
                .await
                .unwrap(),
        );
    }

    assert_eq!(
        reports,
        [
            report(0, 1, 0),
            report(0, 1, 0),
            report(0, 0, 1),
            report(0, 0, 0)
        ]
    );
    let failed = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!((failed.status, failed.attempts), (Status::Failed, 3));
    test.cleanup().await;
}

#[tokio::test]
async fn a_message_whose_worker_died_is_sent_by_another_after_the_lease() {
    let test = TestDatabase::new().await;
    let mailer = Arc::new(RecordingMailer::default());
    let worker = worker(&test.db, &mailer, &DemoSmsGateway::new());
    let id = enqueue_committed(&test.db, &email("ana@example.ro", None), t0()).await;
    // A worker that claimed the message and stopped before recording anything.
    outbox::claim(&test.db, worker.lease, 10, t0())
        .await
        .unwrap();

    assert_eq!(worker.run_once(t0()).await.unwrap(), report(0, 0, 0));
    let lease_over = t0() + SignedDuration::try_from(worker.lease).unwrap();
    assert_eq!(worker.run_once(lease_over).await.unwrap(), report(1, 0, 0));

    let sent = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!((sent.status, sent.attempts), (Status::Sent, 2));
    assert_eq!(mailer.delivered().len(), 1);
    test.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_on_one_database_send_each_message_exactly_once() {
    let test = TestDatabase::new().await;
    let mut ids = HashSet::new();
    for n in 0..50 {
        let mut message = email(&format!("person{n}@example.ro"), None);
        message.body = format!("message {n}");
        ids.insert(enqueue_committed(&test.db, &message, t0()).await);
    }
    // Each worker has its own pool, as a worker in another process would.
    let other_db = Database::connect(&test.url).await.unwrap();
    let mailer = Arc::new(RecordingMailer::slow(Duration::from_millis(2)));
    let gateway = DemoSmsGateway::new();
    let mut first = worker(&test.db, &mailer, &gateway);
    let mut second = worker(&other_db, &mailer, &gateway);
    first.batch = 4;
    second.batch = 4;

    let drain = |worker: DeliveryWorker| async move {
        let mut total = DeliveryReport::default();
        loop {
            let done = worker.run_once(t0()).await.unwrap();
            if done.handled() == 0 {
                return total;
            }
            total.sent += done.sent;
        }
    };
    let (by_first, by_second) =
        tokio::join!(tokio::spawn(drain(first)), tokio::spawn(drain(second)));
    let (by_first, by_second) = (by_first.unwrap(), by_second.unwrap());

    let delivered = mailer.delivered();
    let bodies: HashSet<&str> = delivered.iter().map(|(_, _, body)| body.as_str()).collect();
    assert_eq!(delivered.len(), 50, "deliveries");
    assert_eq!(bodies.len(), 50, "distinct messages");
    assert_eq!(by_first.sent + by_second.sent, 50);
    assert!(
        by_first.sent > 0 && by_second.sent > 0,
        "one worker did all: {by_first:?} {by_second:?}"
    );
    for id in &ids {
        assert_eq!(
            outbox::get(&test.db, id).await.unwrap().unwrap().status,
            Status::Sent
        );
    }
    other_db.close().await;
    test.cleanup().await;
}

/// A slow relay: a worker whose batch takes more than half its lease begins
/// nothing more and gives the rest back, so that a worker that claims the
/// messages once the lease is over is the only one to send them. (Before, both
/// sent the messages the first had not reached when its lease ran out.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_batch_that_outlasts_half_its_lease_gives_the_rest_back_and_nothing_goes_twice() {
    let test = TestDatabase::new().await;
    let mut ids = Vec::new();
    for n in 0..6 {
        let mut message = email(&format!("person{n}@example.ro"), None);
        message.body = format!("message {n}");
        ids.push(enqueue_committed(&test.db, &message, t0()).await);
    }
    // Each worker has its own pool, as a worker in another process would.
    let other_db = Database::connect(&test.url).await.unwrap();
    let mailer = Arc::new(RecordingMailer::slow(Duration::from_millis(100)));
    let gateway = DemoSmsGateway::new();
    let lease = Duration::from_millis(600);
    let mut first = worker(&test.db, &mailer, &gateway);
    let mut second = worker(&other_db, &mailer, &gateway);
    (first.lease, first.batch) = (lease, 6);
    (second.lease, second.batch) = (lease, 6);

    // The first claims all six and works through them at 100 ms each.
    let by_first = tokio::spawn(async move { first.run_once(t0()).await.unwrap() });
    // Once its lease is over, the second claims whatever is due.
    tokio::time::sleep(Duration::from_millis(700)).await;
    let later = t0() + SignedDuration::from_millis(700);
    let mut by_second = second.run_once(later).await.unwrap();
    let by_first = by_first.await.unwrap();
    loop {
        let done = second.run_once(later).await.unwrap();
        if done.handled() == 0 {
            break;
        }
        by_second.sent += done.sent;
    }

    let delivered = mailer.delivered();
    let bodies: HashSet<&str> = delivered.iter().map(|(_, _, body)| body.as_str()).collect();
    assert_eq!(bodies.len(), 6, "every message: {delivered:?}");
    assert_eq!(delivered.len(), 6, "none twice: {delivered:?}");
    assert!(
        by_first.sent < 6 && by_second.sent > 0,
        "the first gave some back: {by_first:?} {by_second:?}"
    );
    for id in &ids {
        let stored = outbox::get(&test.db, id).await.unwrap().unwrap();
        assert_eq!(
            (stored.status, stored.attempts),
            (Status::Sent, 1),
            "a message given back does not count the claim as an attempt"
        );
    }
    other_db.close().await;
    test.cleanup().await;
}

#[tokio::test]
async fn the_running_worker_delivers_and_stops_on_shutdown() {
    let test = TestDatabase::new().await;
    let mailer = Arc::new(RecordingMailer::default());
    let mut worker = worker(&test.db, &mailer, &DemoSmsGateway::new());
    worker.poll_interval = Duration::from_millis(20);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(worker.run(async move {
        let _ = stopped.await;
    }));

    enqueue_committed(&test.db, &email("ana@example.ro", None), Timestamp::now()).await;
    let waited = tokio::time::timeout(Duration::from_secs(10), async {
        while mailer.delivered().is_empty() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(
        waited.is_ok(),
        "the worker did not deliver the queued message"
    );

    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), running)
        .await
        .unwrap()
        .unwrap();
    test.cleanup().await;
}

#[tokio::test]
async fn the_worker_hands_the_stored_file_to_the_mailer_and_skips_withdrawn_reminders() {
    let test = TestDatabase::new().await;
    let mailer = DemoMailer::new();
    let gateway = DemoSmsGateway::new();
    let file = Attachment {
        name: "appointment.ics".into(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".into(),
    };
    let tomorrow = t0() + SignedDuration::from_hours(24);
    let mut tx = test.db.pool().begin().await.unwrap();
    let confirmation = outbox::enqueue(&mut tx, &email("ana@example.ro", None), t0())
        .await
        .unwrap();
    outbox::attach(&mut tx, &confirmation, &file).await.unwrap();
    let reminder = outbox::enqueue(&mut tx, &sms("+40722123456"), t0())
        .await
        .unwrap();
    outbox::schedule(&mut tx, &reminder, "appointment:a-1", tomorrow)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let worker = DeliveryWorker::new(
        test.db.clone(),
        Arc::new(mailer.clone()),
        Arc::new(gateway.clone()),
    );

    assert_eq!(worker.run_once(t0()).await.unwrap(), report(1, 0, 0));
    let mut tx = test.db.pool().begin().await.unwrap();
    let withdrawn = outbox::withdraw(&mut tx, "appointment:a-1", t0())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(worker.run_once(tomorrow).await.unwrap(), report(0, 0, 0));

    let sent = mailer.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].attachment.as_ref(), Some(&file));
    assert_eq!(withdrawn, 1);
    assert!(gateway.sent().is_empty());
    let stored = outbox::get(&test.db, &reminder).await.unwrap().unwrap();
    assert_eq!(stored.status, Status::Withdrawn);
    test.cleanup().await;
}
