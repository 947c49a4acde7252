#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_storage::testing::TestDatabase;
use ghiseu_storage::{Backend, Database, StorageError, catalogue_files, revisions};

#[tokio::test]
async fn migrations_apply_and_the_database_answers() {
    let t = TestDatabase::new().await;
    t.db.ping().await.unwrap();
    let expected = if ghiseu_storage::testing::postgres_url().is_some() {
        Backend::Postgres
    } else {
        Backend::Sqlite
    };
    assert_eq!(t.db.backend(), expected);
    // Connecting again runs the migrations again: nothing to do, no error.
    let again = Database::connect(&t.url).await.unwrap();
    again.close().await;
    t.cleanup().await;
}

#[tokio::test]
async fn catalogue_revisions_are_recorded_once_per_content() {
    let t = TestDatabase::new().await;
    let sources = catalogue_files::bundled();
    let hash = revisions::fingerprint(&sources);
    assert_eq!(hash.len(), 64);
    let first: jiff::Timestamp = "2026-11-23T08:00:00Z".parse().unwrap();
    let later: jiff::Timestamp = "2026-11-24T08:00:00Z".parse().unwrap();
    revisions::record(&t.db, &hash, 17, first).await.unwrap();
    revisions::record(&t.db, &hash, 17, later).await.unwrap();
    revisions::record(&t.db, "other", 3, first).await.unwrap();
    let all = revisions::list(&t.db).await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].content_sha256, hash);
    assert!(all[0].first_loaded_at.starts_with("2026-11-23T08:00:00"));
    assert!(all[0].last_loaded_at.starts_with("2026-11-24T08:00:00"));
    t.cleanup().await;
}

#[tokio::test]
async fn a_changed_catalogue_has_another_fingerprint() {
    let mut sources = catalogue_files::bundled();
    let before = revisions::fingerprint(&sources);
    sources.authorities[0].text.push_str("\n# changed\n");
    assert_ne!(before, revisions::fingerprint(&sources));
}

#[tokio::test]
async fn an_unusable_url_is_refused_with_a_reason() {
    let err = Database::connect("mysql://localhost/x").await.unwrap_err();
    assert!(matches!(err, StorageError::BadUrl(_)), "{err}");
}

#[tokio::test]
async fn the_sqlite_directory_is_created_on_first_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/data/ghiseu.db");
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let db = Database::connect(&url).await.unwrap();
    db.ping().await.unwrap();
    db.close().await;
    assert!(path.exists());
}

#[tokio::test]
async fn the_bundled_catalogue_reads_like_the_directory() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogue");
    let read = catalogue_files::read_dir(&dir).unwrap();
    let bundled = catalogue_files::bundled();
    assert_eq!(
        read.authorities.len(),
        bundled.authorities.len(),
        "a catalogue file is not bundled"
    );
    assert_eq!(
        read.calendars.len(),
        bundled.calendars.len(),
        "a calendar is not bundled"
    );
    let missing = catalogue_files::read_dir(&dir.join("no-such-dir")).unwrap_err();
    assert!(missing.to_string().contains("no-such-dir"));
}

/// Servers started together on a new PostgreSQL database all start: they
/// take turns to bring the schema up to date. (Waiting on the migrations'
/// lock inside a statement deadlocked with `CREATE INDEX CONCURRENTLY` in
/// the migration under way, and PostgreSQL failed one of the two.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn servers_starting_together_on_a_new_postgres_database_all_start() {
    let Some(empty) = ghiseu_storage::testing::EmptyPostgres::new().await else {
        eprintln!("PostgreSQL only: set GHISEU_TEST_DATABASE_URL");
        return;
    };
    let starts: Vec<_> = (0..3)
        .map(|_| {
            let url = empty.url.clone();
            tokio::spawn(async move { Database::connect(&url).await })
        })
        .collect();
    let mut started = Vec::new();
    for start in starts {
        started.push(start.await.unwrap().expect("every server starts"));
    }
    let db = &started[0];
    let mut conn = db.connection().await.unwrap();
    let invalid: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pg_index WHERE NOT indisvalid")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(invalid, 0, "no index build was cut short");
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres"))
        .unwrap()
        .count();
    assert_eq!(
        usize::try_from(applied).unwrap(),
        files,
        "each migration once"
    );
    drop(conn);
    for db in started {
        db.close().await;
    }
    empty.drop_database().await;
}

/// Work done `exclusively` is done by one holder at a time, whichever
/// connection pool (or process) asks.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_exclusive_turn_has_one_holder_at_a_time() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let t = TestDatabase::new().await;
    // A second pool on the same database stands for another process
    // (on SQLite, one process serves a file, so the same pool is shared).
    let other = if t.db.backend() == Backend::Postgres {
        Database::connect(&t.url).await.unwrap()
    } else {
        t.db.clone()
    };
    let inside = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let mut holders = Vec::new();
    for n in 0..4 {
        let db = if n % 2 == 0 {
            t.db.clone()
        } else {
            other.clone()
        };
        let (inside, most) = (inside.clone(), most.clone());
        holders.push(tokio::spawn(async move {
            let turn = db
                .exclusively(ghiseu_storage::Turn::DemoData)
                .await
                .unwrap();
            let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(std::time::Duration::from_millis(150)).await;
            inside.fetch_sub(1, Ordering::SeqCst);
            turn.release().await;
        }));
    }
    for holder in holders {
        holder.await.unwrap();
    }
    assert_eq!(most.load(Ordering::SeqCst), 1);
    // A turn dropped without being released is free again too.
    drop(
        t.db.exclusively(ghiseu_storage::Turn::DemoData)
            .await
            .unwrap(),
    );
    let again = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        other.exclusively(ghiseu_storage::Turn::DemoData),
    )
    .await
    .expect("a dropped turn is given back")
    .unwrap();
    again.release().await;
    if t.db.backend() == Backend::Postgres {
        other.close().await;
    }
    t.cleanup().await;
}
