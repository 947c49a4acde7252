//! `ghiseu documents sweep` through the real binary: two at once, as two
//! servers or a server and a cron job would, on SQLite or (with
//! GHISEU_TEST_DATABASE_URL) PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_files::{DocumentKey, DocumentStore, StoreConfig, fixtures};
use ghiseu_storage::testing::TestDatabase;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Makes a file look as if it was last written two hours ago.
fn make_old(path: &Path) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(7200))
        .unwrap();
}

fn sweep(database_url: &str, data_dir: &Path) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_ghiseu"))
        .env_remove("GHISEU_DOCUMENT_STORE")
        .args(["documents", "sweep", "--database-url", database_url])
        .arg("--data-dir")
        .arg(data_dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

#[tokio::test]
async fn two_sweeps_at_once_remove_old_orphans_and_partial_files_and_nothing_recent() {
    let database = TestDatabase::new().await;
    let data = tempfile::tempdir().unwrap();
    let store = DocumentStore::open(&StoreConfig::local_under(data.path())).unwrap();
    let root = store.local_root().unwrap().to_path_buf();
    let file_of = |key: &DocumentKey| root.join(key.as_str());
    std::fs::create_dir_all(root.join("documents")).unwrap();
    // Stored files no scan refers to, and partial files of uploads cut short.
    let mut files: Vec<PathBuf> = Vec::new();
    for _ in 0..2 {
        let orphan = file_of(&DocumentKey::generate());
        std::fs::write(&orphan, fixtures::pdf()).unwrap();
        files.push(orphan);
        let partial = PathBuf::from(format!("{}#1", file_of(&DocumentKey::generate()).display()));
        std::fs::write(&partial, b"%PDF-1.7 cut short").unwrap();
        files.push(partial);
    }
    // The first orphan and partial file are old; the others are recent.
    make_old(&files[0]);
    make_old(&files[1]);

    let (first, second) = (
        sweep(&database.url, data.path()),
        sweep(&database.url, data.path()),
    );
    let mut removed = (0, 0);
    for child in [first, second] {
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        removed.0 += report["removed"].as_u64().unwrap();
        removed.1 += report["partial_removed"].as_u64().unwrap();
        assert!(report["objects"].as_u64().unwrap() >= 1, "{report}");
    }
    // Both may count the orphan (a store does not always say whether what it
    // was asked to remove was there); the partial file only one removes.
    assert!((1..=2).contains(&removed.0), "{removed:?}");
    assert_eq!(removed.1, 1);
    assert!(!files[0].exists() && !files[1].exists());
    assert!(
        files[2].exists() && files[3].exists(),
        "recent files are left"
    );
    database.cleanup().await;
}
