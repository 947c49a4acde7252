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
