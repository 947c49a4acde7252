//! What the public check read of each document number, kept in this
//! process while it listens for announcements of changed documents (see
//! `ghiseu_storage::registry_watch`). Without a live watch (SQLite, or the
//! connection to PostgreSQL lost) nothing is kept and every check reads the
//! database.
//!
//! A number that no document has is kept too, as "none": an answer for an
//! unknown number then takes the same path as one for a wrong personal id.
//!
//! A read that began before a change may finish after the change was
//! announced; it must not put the older record in place. Every forgetting
//! moves the epoch on, and a read keeps its record only if the epoch did not
//! move while it ran.

use ghiseu_storage::registry::CheckRecord;
use ghiseu_storage::registry_watch::{Change, RegistryWatch};
use ghiseu_storage::{Database, StorageError};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// At most this many numbers are kept; when full, all are forgotten.
const MOST_KEPT: usize = 200_000;
/// How long the watch waits before trying again to connect.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

#[derive(Debug, Default)]
pub struct CheckCache {
    records: RwLock<HashMap<String, Option<Arc<CheckRecord>>>>,
    epoch: AtomicU64,
    live: AtomicBool,
}

/// Where a read started: give it back to [`CheckCache::keep`].
#[derive(Debug, Clone, Copy)]
pub struct ReadStart(u64);

impl CheckCache {
    /// What is kept for `number`: `Some(None)` for a number no document has,
    /// `None` when nothing is kept (and the database must be read).
    pub fn get(&self, number: &str) -> Option<Option<Arc<CheckRecord>>> {
        if !self.live.load(Ordering::SeqCst) {
            return None;
        }
        self.records.read().ok()?.get(number).cloned()
    }

    /// Call before reading the database for a number.
    pub fn read_start(&self) -> ReadStart {
        ReadStart(self.epoch.load(Ordering::SeqCst))
    }

    /// Keeps what a read found, unless anything was forgotten since it
    /// started or no watch is live.
    pub fn keep(&self, start: ReadStart, number: &str, record: Option<Arc<CheckRecord>>) {
        if !self.live.load(Ordering::SeqCst) {
            return;
        }
        let Ok(mut records) = self.records.write() else {
            return;
        };
        // Checked under the write lock, which `forget` takes after moving the epoch.
        if self.epoch.load(Ordering::SeqCst) != start.0 {
            return;
        }
        if records.len() >= MOST_KEPT {
            records.clear();
        }
        records.insert(number.to_string(), record);
    }

    /// Forgets `number`: this process changed it, or a change was announced.
    pub fn forget(&self, number: &str) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut records) = self.records.write() {
            records.remove(number);
        }
    }

    /// Forgets every number (after a change to several documents).
    pub fn forget_all(&self) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut records) = self.records.write() {
            records.clear();
        }
    }

    fn set_live(&self, live: bool) {
        self.forget_all();
        self.live.store(live, Ordering::SeqCst);
        self.forget_all();
    }

    /// Whether answers are kept: a watch is live.
    pub fn is_live(&self) -> bool {
        self.live.load(Ordering::SeqCst)
    }

    /// How many numbers are kept (for tests and metrics).
    pub fn len(&self) -> usize {
        self.records.read().map_or(0, |records| records.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Follows the announcements of changed documents for as long as the
    /// process runs, keeping answers only while listening. Returns at once
    /// on SQLite.
    pub async fn follow(&self, db: &Database) {
        loop {
            match RegistryWatch::start(db).await {
                Ok(None) => return,
                Ok(Some(watch)) => {
                    let error = self.follow_watch(watch).await;
                    tracing::warn!(error = %error, "the registry watch stopped; checks read the database");
                }
                Err(error) => {
                    tracing::warn!(error = %error, "cannot watch the registry; checks read the database");
                }
            }
            self.set_live(false);
            tokio::time::sleep(RECONNECT_AFTER).await;
        }
    }

    async fn follow_watch(&self, mut watch: RegistryWatch) -> StorageError {
        self.set_live(true);
        loop {
            match watch.next().await {
                Ok(Change::Document(number)) => self.forget(&number),
                Ok(Change::Gap) => self.forget_all(),
                Err(error) => return error,
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use ghiseu_domain::registry::Standing;

    fn record(standing: Standing) -> Arc<CheckRecord> {
        Arc::new(CheckRecord {
            authority_id: "ro.passport.alba".into(),
            holder_id_digest: None,
            issued_on: "2025-01-01".into(),
            expires_on: None,
            standing,
            standing_since: None,
        })
    }

    #[test]
    fn nothing_is_kept_without_a_live_watch() {
        let cache = CheckCache::default();
        let start = cache.read_start();
        cache.keep(start, "A1", Some(record(Standing::Valid)));
        assert_eq!(cache.get("A1"), None);
        assert!(cache.is_empty());
    }

    #[test]
    fn a_read_that_overlaps_a_change_is_not_kept() {
        let cache = CheckCache::default();
        cache.set_live(true);
        let start = cache.read_start();
        cache.forget("A1");
        cache.keep(start, "A1", Some(record(Standing::Valid)));
        assert_eq!(cache.get("A1"), None);
        let start = cache.read_start();
        cache.keep(start, "A1", Some(record(Standing::ReportedLost)));
        assert_eq!(cache.get("A1"), Some(Some(record(Standing::ReportedLost))));
        let start = cache.read_start();
        cache.keep(start, "B2", None);
        assert_eq!(cache.get("B2"), Some(None));
        cache.forget("A1");
        assert_eq!(cache.get("A1"), None);
        cache.set_live(false);
        assert_eq!(cache.get("B2"), None);
    }
}
