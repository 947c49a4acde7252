//! A fresh, empty, migrated database for each test: a SQLite file in a
//! temporary directory, or — when `GHISEU_TEST_DATABASE_URL` names a
//! PostgreSQL server — a new database on it, dropped afterwards.
#![allow(clippy::expect_used, clippy::panic)]

use crate::Database;
use sqlx::any::install_default_drivers;
use sqlx::{AnyConnection, Connection, Executor};

pub struct TestDatabase {
    pub db: Database,
    pub url: String,
    postgres: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

/// The PostgreSQL server to test against, if any.
pub fn postgres_url() -> Option<String> {
    std::env::var("GHISEU_TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

impl TestDatabase {
    pub async fn new() -> TestDatabase {
        install_default_drivers();
        match EmptyPostgres::new().await {
            Some(empty) => {
                let db = Database::connect(&empty.url)
                    .await
                    .expect("connect to the test database");
                TestDatabase {
                    db,
                    url: empty.url,
                    postgres: Some((empty.admin_url, empty.name)),
                    _dir: None,
                }
            }
            None => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
                let db = Database::connect(&url)
                    .await
                    .expect("open the test database");
                TestDatabase {
                    db,
                    url,
                    postgres: None,
                    _dir: Some(dir),
                }
            }
        }
    }

    /// Closes the pool and, on PostgreSQL, drops the database.
    ///
    /// Closing waits for connections a test still holds; after a few seconds
    /// the database is dropped anyway, so a forgotten connection cannot stall
    /// the suite.
    pub async fn cleanup(self) {
        let _ = tokio::time::timeout(std::time::Duration::from_secs(5), self.db.close()).await;
        if let Some((admin_url, name)) = self.postgres
            && let Ok(mut admin) = AnyConnection::connect(&admin_url).await
        {
            let _ = admin
                .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await;
            let _ = admin.close().await;
        }
    }
}

/// A new PostgreSQL database with nothing in it, not even the schema, on the
/// server `GHISEU_TEST_DATABASE_URL` names; `None` without one.
pub struct EmptyPostgres {
    pub url: String,
    admin_url: String,
    name: String,
}

impl EmptyPostgres {
    pub async fn new() -> Option<EmptyPostgres> {
        install_default_drivers();
        let admin_url = postgres_url()?;
        let name = format!("ghiseu_t_{}", uuid::Uuid::new_v4().simple());
        let mut admin = AnyConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| {
                panic!("PostgreSQL at GHISEU_TEST_DATABASE_URL is unreachable: {e}")
            });
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create test database");
        // A test database lives for one test: a commit need not wait for
        // the disk (a crash loses at most its last moments, never its
        // consistency), which makes the suite's many small commits cheap.
        admin
            .execute(format!("ALTER DATABASE {name} SET synchronous_commit = off").as_str())
            .await
            .expect("configure the test database");
        let _ = admin.close().await;
        Some(EmptyPostgres {
            url: replace_database(&admin_url, &name),
            admin_url,
            name,
        })
    }

    /// Drops the database, whoever is still connected to it.
    pub async fn drop_database(self) {
        if let Ok(mut admin) = AnyConnection::connect(&self.admin_url).await {
            let _ = admin
                .execute(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name).as_str())
                .await;
            let _ = admin.close().await;
        }
    }
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let base = match base[after_scheme..].find('/') {
        Some(slash) => &base[..after_scheme + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Leaves an idempotency key as a server that died after doing its work, but
/// before keeping the answer, leaves it: claimed and unanswered. Returns how
/// many keys it changed.
pub async fn forget_idempotent_answer(db: &Database, key: &str) -> u64 {
    sqlx::query(
        "UPDATE idempotency_keys SET response_status = NULL, response_body = NULL WHERE key = $1",
    )
    .bind(key)
    .execute(db.pool())
    .await
    .expect("the key's answer is forgotten")
    .rows_affected()
}

/// The last document number taken for `authority_id`, in any year.
pub async fn last_document_sequence(db: &Database, authority_id: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(
        "SELECT COALESCE(MAX(last_sequence), 0) FROM document_counters WHERE authority_id = $1",
    )
    .bind(authority_id)
    .fetch_one(db.pool())
    .await
    .expect("the document counter is read")
}

/// Takes `case_id` for issuing on behalf of another server, until `until`.
pub async fn take_for_issue_elsewhere(db: &Database, case_id: &str, now: i64, until: i64) -> bool {
    let mut tx = db.begin_write().await.expect("a write transaction");
    let taken = crate::issued_documents::take_for_issue(&mut tx, case_id, now, until)
        .await
        .expect("the case is taken");
    tx.commit().await.expect("committed");
    taken
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            super::replace_database("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            super::replace_database("postgres://h/test?sslmode=disable", "y"),
            "postgres://h/y?sslmode=disable"
        );
        assert_eq!(
            super::replace_database("postgres://h", "z"),
            "postgres://h/z"
        );
    }
}
