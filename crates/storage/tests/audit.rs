#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_domain::audit::{AuditEvent, BreakReason, GENESIS_HASH, detail_from_text};
use ghiseu_storage::audit::{self, AuditVerifyError, VerifyReport};
use ghiseu_storage::testing::TestDatabase;
use ghiseu_storage::{Backend, Database};
use sqlx::{Connection, Executor};

fn event(n: i64, subject: &str) -> AuditEvent {
    let mut e = AuditEvent::new(
        jiff::Timestamp::from_microsecond(1_795_000_000_000_000 + n).unwrap(),
        "case.viewed",
    );
    e.actor = Some("operator-1".into());
    e.actor_role = Some("operator".into());
    e.subject = Some(subject.into());
    e.source_ip = Some("192.0.2.7".into());
    e.detail = detail_from_text(&format!(r#"{{"case": "c-{n}", "share": 0.1}}"#)).unwrap();
    e
}

async fn with_entries(count: i64) -> TestDatabase {
    let t = TestDatabase::new().await;
    for n in 1..=count {
        audit::record(&t.db, &event(n, "person-a")).await.unwrap();
    }
    t
}

fn broken(result: Result<VerifyReport, AuditVerifyError>) -> (i64, BreakReason) {
    match result {
        Err(AuditVerifyError::Broken { sequence, reason }) => (sequence, reason),
        other => panic!("expected a broken chain, got {other:?}"),
    }
}

/// What an attacker with database access does first.
async fn drop_triggers(db: &Database) {
    let sql = match db.backend() {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;",
        Backend::Postgres => {
            "DROP TRIGGER audit_log_append_only ON audit_log; \
             DROP TRIGGER audit_log_no_truncate ON audit_log;"
        }
    };
    db.pool().execute(sql).await.unwrap();
}

#[tokio::test]
async fn appended_events_verify_and_read_back() {
    let t = TestDatabase::new().await;
    let empty = audit::verify(&t.db).await.unwrap();
    assert_eq!(empty.entries, 0);
    assert_eq!(empty.last_hash, GENESIS_HASH);

    let mut viewed = event(1, "person-a");
    viewed.on_behalf_of = Some("person-child".into());
    viewed.detail = detail_from_text(r#"{"national_id": "1960523123457"}"#).unwrap();
    assert_eq!(audit::record(&t.db, &viewed).await.unwrap(), 1);
    assert_eq!(
        audit::record(&t.db, &event(2, "person-b")).await.unwrap(),
        2
    );
    let mut login = AuditEvent::new(jiff::Timestamp::now(), "login.failed");
    login.source_ip = Some("198.51.100.1".into());
    assert_eq!(audit::record(&t.db, &login).await.unwrap(), 3);
    assert_eq!(
        audit::record(&t.db, &event(4, "person-a")).await.unwrap(),
        4
    );

    let report = audit::verify(&t.db).await.unwrap();
    assert_eq!(report.entries, 4);
    let about_a = audit::for_subject(&t.db, "person-a", 10).await.unwrap();
    assert_eq!(
        about_a.iter().map(|e| e.sequence).collect::<Vec<_>>(),
        [4, 1]
    );
    assert_eq!(report.last_hash, about_a[0].hash);
    assert_eq!(about_a[0].event, event(4, "person-a"));
    let masked = AuditEvent {
        detail: detail_from_text(r#"{"national_id": "**********457"}"#).unwrap(),
        ..viewed
    };
    assert_eq!(about_a[1].event, masked);
    assert_eq!(
        audit::for_subject(&t.db, "person-a", 1)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        audit::for_subject(&t.db, "nobody", 10)
            .await
            .unwrap()
            .is_empty()
    );
    t.cleanup().await;
}

#[tokio::test]
async fn an_entry_is_written_only_with_the_change_it_records() {
    let t = TestDatabase::new().await;
    let mut conn = t.db.pool().acquire().await.unwrap();
    let mut tx = conn.begin().await.unwrap();
    assert_eq!(
        audit::append(&mut tx, &event(1, "person-a")).await.unwrap(),
        1
    );
    tx.rollback().await.unwrap();
    let mut tx = conn.begin().await.unwrap();
    assert_eq!(
        audit::append(&mut tx, &event(2, "person-a")).await.unwrap(),
        1
    );
    assert_eq!(
        audit::append(&mut tx, &event(3, "person-a")).await.unwrap(),
        2
    );
    tx.commit().await.unwrap();
    drop(conn);
    assert_eq!(audit::verify(&t.db).await.unwrap().entries, 2);
    let kept = audit::for_subject(&t.db, "person-a", 10).await.unwrap();
    assert_eq!(kept[1].event, event(2, "person-a"));
    t.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_appenders_make_one_unbroken_chain() {
    let t = TestDatabase::new().await;
    let started = std::time::Instant::now();
    let tasks: Vec<_> = (0..20)
        .map(|task| {
            let db = t.db.clone();
            tokio::spawn(async move {
                let mut sequences = Vec::new();
                for n in 0..10 {
                    let mut conn = db.pool().acquire().await.unwrap();
                    let e = event(task * 100 + n, &format!("person-{task}"));
                    sequences.push(audit::append(&mut conn, &e).await.unwrap());
                }
                sequences
            })
        })
        .collect();
    let mut sequences = Vec::new();
    for task in tasks {
        sequences.extend(task.await.unwrap());
    }
    sequences.sort_unstable();
    assert_eq!(sequences, (1..=200).collect::<Vec<i64>>());
    let report = audit::verify(&t.db).await.unwrap();
    assert_eq!(report.entries, 200);
    eprintln!(
        "200 concurrent appends and a verify: {:?}",
        started.elapsed()
    );
    t.cleanup().await;
}

#[tokio::test]
async fn the_database_refuses_to_change_or_remove_entries() {
    let t = with_entries(3).await;
    for sql in [
        "UPDATE audit_log SET action = 'nothing.happened' WHERE sequence = 2",
        "DELETE FROM audit_log WHERE sequence = 3",
        "DELETE FROM audit_head",
    ] {
        let refused = t.db.pool().execute(sql).await.unwrap_err();
        assert!(
            refused.to_string().contains("append-only"),
            "{sql}: {refused}"
        );
    }
    assert_eq!(audit::verify(&t.db).await.unwrap().entries, 3);
    t.cleanup().await;
}

#[tokio::test]
async fn a_changed_entry_is_named() {
    let t = with_entries(4).await;
    drop_triggers(&t.db).await;
    t.db.pool()
        .execute("UPDATE audit_log SET source_ip = '203.0.113.9' WHERE sequence = 2")
        .await
        .unwrap();
    assert_eq!(
        broken(audit::verify(&t.db).await),
        (2, BreakReason::HashMismatch)
    );
    t.cleanup().await;
}

#[tokio::test]
async fn a_removed_entry_is_named() {
    let t = with_entries(4).await;
    drop_triggers(&t.db).await;
    t.db.pool()
        .execute("DELETE FROM audit_log WHERE sequence = 2")
        .await
        .unwrap();
    assert_eq!(
        broken(audit::verify(&t.db).await),
        (3, BreakReason::Gap { expected: 2 })
    );
    t.cleanup().await;
}

#[tokio::test]
async fn removing_the_last_entries_is_detected() {
    let t = with_entries(4).await;
    drop_triggers(&t.db).await;
    t.db.pool()
        .execute("DELETE FROM audit_log WHERE sequence >= 3")
        .await
        .unwrap();
    assert_eq!(
        broken(audit::verify(&t.db).await),
        (
            3,
            BreakReason::HeadMismatch {
                head_sequence: 4,
                last_sequence: 2
            }
        )
    );
    t.cleanup().await;
}

#[tokio::test]
async fn an_unreadable_detail_is_named() {
    let t = with_entries(2).await;
    drop_triggers(&t.db).await;
    t.db.pool()
        .execute("UPDATE audit_log SET detail = 'not json' WHERE sequence = 1")
        .await
        .unwrap();
    let (sequence, reason) = broken(audit::verify(&t.db).await);
    assert_eq!(sequence, 1);
    assert!(
        matches!(reason, BreakReason::Unreadable(ref why) if why.contains("not JSON")),
        "{reason:?}"
    );
    t.cleanup().await;
}
