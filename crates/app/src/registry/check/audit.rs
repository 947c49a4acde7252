//! The public checks in the audit log, many to an entry. A check changes
//! nothing, and anyone may ask thousands a second; if each waited for an
//! entry of its own to be committed, checks would go one commit at a time
//! through the audit log's single head, and the log would grow by a row per
//! check. Instead a check queues what it was asked and answered, and
//! answers; whoever queues while no writer runs starts one, which appends
//! everything queued, in order, as one `document.checked` entry per
//! [`BATCH`] checks (its detail has a row for each: when, from which
//! address, the number and the answer; see [`COLUMNS`]), until the queue is
//! empty.
//!
//! The trade: a check reaches the log a batch later than its answer, and
//! checks still queued when the process is killed (not stopped: `serve`
//! waits for the queue on shutdown) are lost. When the log cannot be written
//! the queue stops growing at [`MOST_QUEUED`]: checks are then refused as
//! unavailable rather than answered unaudited.

use crate::accounts::audit_event;
use crate::error::AppError;
use crate::state::App;
use ghiseu_storage::audit;
use jiff::Timestamp;
use std::sync::Mutex;
use std::time::Duration;

/// What each row of an entry's `checks` holds.
/// `ms_before` is how many milliseconds before the entry's own time the
/// check was answered.
pub const COLUMNS: [&str; 4] = ["ms_before", "from", "document", "answer"];
/// Checks per audit entry.
pub const BATCH: usize = 1000;
/// Checks waiting at most; a check beyond it is refused.
pub const MOST_QUEUED: usize = 50_000;
/// How long a writer lets checks gather before writing them.
const GATHER: Duration = Duration::from_millis(100);
/// How long the writer waits after a failed write before trying again.
const RETRY_AFTER: Duration = Duration::from_millis(500);

#[derive(Debug, Default)]
pub struct CheckAudit {
    state: Mutex<Queue>,
}

#[derive(Debug, Default)]
struct Queue {
    writing: bool,
    entries: Vec<Checked>,
}

/// One check as the log keeps it: never the personal id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub at: Timestamp,
    /// The client address as the web trusts it.
    pub from: String,
    pub number: String,
    /// The answer's code, or `too-many` for a refusal.
    pub answer: &'static str,
}

impl CheckAudit {
    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Queue>, AppError> {
        self.state
            .lock()
            .map_err(|_| AppError::Unavailable("the check audit failed".into()))
    }

    /// Checks queued and not yet written.
    pub fn queued(&self) -> usize {
        self.lock().map_or(0, |queue| queue.entries.len())
    }

    /// Whether nothing is queued or being written.
    fn idle(&self) -> bool {
        self.lock()
            .is_ok_and(|queue| queue.entries.is_empty() && !queue.writing)
    }
}

/// Queues `checked` for the log, starting a writer if none runs.
pub fn queue(state: &App, checked: Checked) -> Result<(), AppError> {
    let start = {
        let mut queue = state.check_audit.lock()?;
        if queue.entries.len() >= MOST_QUEUED {
            return Err(AppError::Unavailable(
                "the audit log is not being written".into(),
            ));
        }
        queue.entries.push(checked);
        !std::mem::replace(&mut queue.writing, true)
    };
    if start {
        let state = state.clone();
        tokio::spawn(async move { write_all(&state).await });
    }
    Ok(())
}

async fn write_all(state: &App) {
    loop {
        // Let a batch gather: a transaction per handful of checks would cost
        // more than the checks.
        if state.check_audit.queued() < BATCH {
            tokio::time::sleep(GATHER).await;
        }
        let batch: Vec<Checked> = match state.check_audit.lock() {
            Ok(mut queue) if queue.entries.is_empty() => {
                queue.writing = false;
                return;
            }
            Ok(mut queue) => {
                let take = queue.entries.len().min(BATCH);
                queue.entries.drain(..take).collect()
            }
            Err(_) => return,
        };
        let count = batch.len();
        let event = entry(state, batch);
        while let Err(error) = audit::record(&state.db, &event).await {
            tracing::error!(%error, checks = count, "cannot write the checks to the audit log; trying again");
            tokio::time::sleep(RETRY_AFTER).await;
        }
    }
}

/// The log's entry for `batch`: one row per check, its columns named once
/// (objects would repeat every name a thousand times).
fn entry(state: &App, batch: Vec<Checked>) -> ghiseu_domain::audit::AuditEvent {
    use serde_json::Value;
    let mut event = audit_event(state, "document.checked", None, None);
    let written = event.at;
    let checks: Vec<Value> = batch
        .into_iter()
        .map(|c| {
            let before =
                i64::try_from(written.duration_since(c.at).as_millis()).unwrap_or(i64::MAX);
            Value::Array(vec![
                before.into(),
                c.from.into(),
                c.number.into(),
                c.answer.into(),
            ])
        })
        .collect();
    event.detail = serde_json::json!({ "columns": COLUMNS, "checks": checks });
    event
}

/// Waits until every queued check is written (at shutdown, and in tests
/// that read the log after checking), or `most` has passed; true when done.
pub async fn written(state: &App, most: Duration) -> bool {
    let until = tokio::time::Instant::now() + most;
    while !state.check_audit.idle() {
        if tokio::time::Instant::now() >= until {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    true
}
