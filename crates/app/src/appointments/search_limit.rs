//! Slot searches per address and minute, counted across every server.
//!
//! A search is counted here at once and refused when this server's count and
//! the others' (as last read from the database) pass the limit. Once a second
//! a search also takes this server's new counts to the database, in one
//! statement, and reads back every server's totals. A key this server saw
//! only a few times this minute is not taken: almost every person searches
//! less than that, and sharing their counts would write a row for each of
//! them in a rush. So behind N servers an address may make at most
//! `(N - 1) * (KEPT_LOCAL - 1)` more searches than the limit, and the others'
//! counts arrive up to a second late.

use super::held;
use crate::error::AppError;
use ghiseu_storage::Database;
use ghiseu_storage::appointments::waiting;
use jiff::Timestamp;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

/// Slot searches one address may make per minute, on all servers together.
pub const SEARCHES_PER_MINUTE: i64 = 120;
/// Below this many searches in a minute on one server, a key stays local.
const KEPT_LOCAL: i64 = 10;
/// How often this server's counts are taken to the database.
const SHARE_EVERY_MS: i64 = 1_000;
/// Most keys remembered before those of past minutes are dropped.
const MOST_KEYS: usize = 100_000;

/// A search as counted: refused or not, and whether this server's counts
/// are due to be shared (refused searches count, and are shared, too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub refused: bool,
    pub share_due: bool,
}

#[derive(Debug, Default)]
pub struct SearchLimit {
    counts: Mutex<HashMap<String, Count>>,
    /// When the counts were last taken to the database (ms).
    shared_at: AtomicI64,
    sharing: AtomicBool,
}

/// One key's searches in one minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Count {
    minute: i64,
    /// Every server's total when this server last shared.
    total: i64,
    /// Searches seen here since then.
    unshared: i64,
    /// Whether this key was taken to the database this minute.
    shared: bool,
}

impl SearchLimit {
    /// Counts one search under each key: refused once a key's searches this
    /// minute, here and on the other servers, pass the limit.
    pub fn count(&self, keys: &[String], now: Timestamp) -> Result<Counted, AppError> {
        let minute = minute_of(now);
        let mut counts = held(&self.counts, "search counts")?;
        if counts.len() > MOST_KEYS {
            counts.retain(|_, count| count.minute == minute);
        }
        let mut refused = false;
        for key in keys {
            let count = counts.entry(key.clone()).or_insert(Count {
                minute,
                total: 0,
                unshared: 0,
                shared: false,
            });
            if count.minute != minute {
                *count = Count {
                    minute,
                    total: 0,
                    unshared: 0,
                    shared: false,
                };
            }
            count.unshared += 1;
            refused |= count.total + count.unshared > SEARCHES_PER_MINUTE;
        }
        let due = now.as_millisecond() - self.shared_at.load(Ordering::Acquire) >= SHARE_EVERY_MS;
        Ok(Counted {
            refused,
            share_due: due,
        })
    }

    /// Takes this server's new counts to the database and reads back every
    /// server's totals; one caller at a time, the others go on without.
    pub async fn share(&self, db: &Database, now: Timestamp) -> Result<(), AppError> {
        if self.sharing.swap(true, Ordering::AcqRel) {
            return Ok(());
        }
        // Let go even when the request that shares is dropped on the way.
        let _sharing = Sharing(&self.sharing);
        self.shared_at
            .store(now.as_millisecond(), Ordering::Release);
        self.share_now(db, now).await
    }

    async fn share_now(&self, db: &Database, now: Timestamp) -> Result<(), AppError> {
        let minute = minute_of(now);
        let sent: Vec<(String, i64)> = held(&self.counts, "search counts")?
            .iter()
            .filter(|(_, c)| c.minute == minute && c.unshared > 0)
            .filter(|(_, c)| c.shared || c.unshared >= KEPT_LOCAL)
            .map(|(key, c)| (key.clone(), c.unshared))
            .collect();
        if sent.is_empty() {
            return Ok(());
        }
        let window_start = minute * 60_000;
        let mut tx = db.begin_write().await?;
        let totals = waiting::add_request_counts(&mut tx, window_start, &sent).await?;
        tx.commit().await?;
        let sent: HashMap<String, i64> = sent.into_iter().collect();
        let mut counts = held(&self.counts, "search counts")?;
        for (key, total) in totals {
            let (Some(count), Some(added)) = (counts.get_mut(&key), sent.get(&key)) else {
                continue;
            };
            if count.minute == minute {
                count.unshared -= added;
                count.total = total;
                count.shared = true;
            }
        }
        Ok(())
    }
}

/// This server's sharing under way, until dropped.
struct Sharing<'a>(&'a AtomicBool);

impl Drop for Sharing<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

fn minute_of(now: Timestamp) -> i64 {
    now.as_second().div_euclid(60)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(1_795_420_800 + second).unwrap()
    }

    #[test]
    fn the_limit_counts_every_key_and_a_new_minute_starts_afresh() {
        let limit = SearchLimit::default();
        let keys = ["address:a".to_string()];
        let refused = |keys: &[String], second| limit.count(keys, at(second)).unwrap().refused;
        for _ in 0..SEARCHES_PER_MINUTE {
            assert!(!refused(&keys, 1));
        }
        assert!(refused(&keys, 2));
        assert!(!refused(&["address:b".into()], 2));
        assert!(!refused(&keys, 61));
    }

    #[test]
    fn sharing_is_due_once_a_second() {
        let limit = SearchLimit::default();
        let keys = ["address:a".to_string()];
        let due = |second| limit.count(&keys, at(second)).unwrap().share_due;
        assert!(due(0));
        limit
            .shared_at
            .store(at(0).as_millisecond(), Ordering::Release);
        assert!(!due(0));
        assert!(due(1));
    }

    #[test]
    fn a_share_dropped_on_the_way_lets_the_next_one_run() {
        let limit = SearchLimit::default();
        assert!(!limit.sharing.swap(true, Ordering::AcqRel));
        drop(Sharing(&limit.sharing));
        assert!(!limit.sharing.load(Ordering::Acquire));
    }
}
