//! `ghiseu audit verify` through the real binary, on a SQLite file database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use ghiseu_domain::audit::AuditEvent;
use ghiseu_storage::{Database, audit, default_sqlite_url};
use serde_json::Value;
use std::path::Path;

fn verify(args: &[&str]) -> (i32, Value) {
    let output = Command::cargo_bin("ghiseu")
        .unwrap()
        .env_remove("GHISEU_DATABASE_URL")
        .env_remove("GHISEU_DATA_DIR")
        .args(["audit", "verify"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let printed = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {stdout} / {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().unwrap(), printed)
}

/// Changes the database as someone with access to its file would.
fn tamper(database: &Path, sql: &str) {
    // The server's pool may hold the file a moment longer: wait for it as the
    // server would, rather than failing at once with "database is locked".
    let status = std::process::Command::new("sqlite3")
        .args(["-cmd", ".timeout 5000"])
        .arg(database)
        .arg(sql)
        .status()
        .expect("the sqlite3 command (Debian package sqlite3)");
    assert!(status.success(), "sqlite3 {sql}");
}

#[tokio::test]
async fn verify_accepts_an_intact_log_and_names_a_tampered_entry() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().to_str().unwrap();
    let url = default_sqlite_url(dir.path());
    let db = Database::connect(&url).await.unwrap();
    for (n, action) in ["login.succeeded", "case.viewed", "logout"]
        .into_iter()
        .enumerate()
    {
        let mut event = AuditEvent::new(jiff::Timestamp::now(), action);
        event.actor = Some("person-1".into());
        event.subject = Some("person-1".into());
        event.source_ip = Some(format!("192.0.2.{n}"));
        audit::record(&db, &event).await.unwrap();
    }
    let last = audit::for_subject(&db, "person-1", 1).await.unwrap();
    db.close().await;

    let (code, intact) = verify(&["--data-dir", data_dir]);
    assert_eq!(code, 0, "{intact}");
    assert_eq!(
        intact,
        serde_json::json!({"ok": true, "entries": 3, "last_hash": last[0].hash})
    );

    // The append-only trigger stops a plain UPDATE...
    let database = dir.path().join("ghiseu.db");
    let refused = std::process::Command::new("sqlite3")
        .args(["-cmd", ".timeout 5000"])
        .arg(&database)
        .arg("UPDATE audit_log SET actor = 'person-2' WHERE sequence = 2")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert_eq!(verify(&["--database-url", &url]).0, 0);

    // ...but not someone who drops it first.
    tamper(
        &database,
        "DROP TRIGGER audit_log_no_update; \
         UPDATE audit_log SET actor = 'person-2' WHERE sequence = 2;",
    );
    let (code, tampered) = verify(&["--database-url", &url]);
    assert_eq!(code, 1, "{tampered}");
    assert_eq!(tampered["ok"], false);
    assert_eq!(tampered["sequence"], 2);
    assert!(
        tampered["reason"].as_str().unwrap().contains("hash"),
        "{tampered}"
    );
}

#[tokio::test]
async fn verify_names_a_removed_entry_from_the_environments_database() {
    let dir = tempfile::tempdir().unwrap();
    let url = default_sqlite_url(dir.path());
    let db = Database::connect(&url).await.unwrap();
    for _ in 0..5 {
        audit::record(
            &db,
            &AuditEvent::new(jiff::Timestamp::now(), "login.failed"),
        )
        .await
        .unwrap();
    }
    db.close().await;
    tamper(
        &dir.path().join("ghiseu.db"),
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE sequence = 3;",
    );
    let output = Command::cargo_bin("ghiseu")
        .unwrap()
        .env("GHISEU_DATABASE_URL", &url)
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let printed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed["ok"], false);
    assert_eq!(printed["sequence"], 4);
    assert_eq!(printed["reason"], "entry 3 is missing");
}

#[test]
fn an_unusable_database_is_an_error_not_a_verdict() {
    let output = Command::cargo_bin("ghiseu")
        .unwrap()
        .args(["audit", "verify", "--database-url", "mysql://nowhere/db"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot open the database"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
