//! The document store's sweep. It removes the stored files no current scan
//! refers to — replaced scans whose removal did not happen (a crash, a
//! store that failed), scans of deleted cases, uploads whose record was
//! never saved — and the partial files of uploads cut short, and counts
//! what is left.
//!
//! Only files older than a grace period are touched, and the grace period
//! is longer than any upload may take (see [`crate::cases::pace::UploadLimits::total`]),
//! so an upload under way in this or another process is never swept away;
//! removing a file that another sweep removed first is not an error. Any
//! number of processes may therefore sweep at the same time.

use crate::state::App;
use futures_util::StreamExt;
use ghiseu_files::{DocumentStore, Listed, StoreError};
use ghiseu_storage::{Database, StorageError, case_documents};
use std::time::{Duration, SystemTime};

/// How old an unreferenced or partial file must be before a sweep removes
/// it: well over the longest an upload may take.
pub const SWEEP_GRACE: Duration = Duration::from_secs(60 * 60);

/// How often `ghiseu serve` sweeps.
pub const SWEEP_EVERY: Duration = Duration::from_secs(15 * 60);

/// How many stored files are looked up in the database at once.
const BATCH: usize = 500;

/// What a sweep found and did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SweepReport {
    /// Scans left in the store, and their bytes.
    pub objects: u64,
    pub bytes: u64,
    /// Stored files removed because no current scan refers to them.
    pub removed: u64,
    pub removed_bytes: u64,
    /// Partial files of unfinished uploads removed.
    pub partial_removed: u64,
    /// Files left because they are too recent to judge.
    pub recent_kept: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    #[error("the document store failed: {0}")]
    Store(#[from] StoreError),
    #[error("the database failed: {0}")]
    Database(#[from] StorageError),
}

/// Sweeps the store of this process and records what it holds for
/// `/metrics`.
pub async fn sweep_documents(state: &App, grace: Duration) -> Result<SweepReport, SweepError> {
    let Some(store) = &state.documents else {
        return Ok(SweepReport::default());
    };
    // Never shorter than an upload may take, with room to record it.
    let grace = grace.max(state.uploads.total.saturating_mul(2));
    let report = sweep(&state.db, store, grace).await?;
    state.metrics.store_usage(report.objects, report.bytes);
    state.metrics.store_removed("unreferenced", report.removed);
    state
        .metrics
        .store_removed("partial", report.partial_removed);
    Ok(report)
}

/// Removes from `store` what is older than `grace` and that no current scan
/// in `db` refers to, and the partial files of uploads older than `grace`.
pub async fn sweep(
    db: &Database,
    store: &DocumentStore,
    grace: Duration,
) -> Result<SweepReport, SweepError> {
    let before = SystemTime::now()
        .checked_sub(grace)
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let mut report = SweepReport::default();
    let mut listed = store.list();
    let mut old = Vec::with_capacity(BATCH);
    while let Some(found) = listed.next().await {
        let found = found?;
        report.objects += 1;
        report.bytes += found.size;
        if found.modified < before {
            old.push(found);
        } else {
            report.recent_kept += 1;
        }
        if old.len() >= BATCH {
            remove_unreferenced(db, store, &mut old, &mut report).await?;
        }
    }
    remove_unreferenced(db, store, &mut old, &mut report).await?;
    let partial = store.remove_stale_staging(before).await?;
    report.partial_removed = partial.removed;
    report.recent_kept += partial.recent;
    Ok(report)
}

/// Removes those of `old` that no current scan refers to; empties `old`.
async fn remove_unreferenced(
    db: &Database,
    store: &DocumentStore,
    old: &mut Vec<Listed>,
    report: &mut SweepReport,
) -> Result<(), SweepError> {
    let keys: Vec<String> = old.iter().map(|l| l.key.as_str().to_string()).collect();
    let current = case_documents::current_keys(db, &keys).await?;
    for found in old.drain(..) {
        if current.contains(found.key.as_str()) {
            continue;
        }
        store.delete(&found.key).await?;
        report.objects = report.objects.saturating_sub(1);
        report.bytes = report.bytes.saturating_sub(found.size);
        report.removed += 1;
        report.removed_bytes += found.size;
    }
    Ok(())
}
