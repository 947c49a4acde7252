//! The append-only, hash-chained audit log.
//!
//! There is deliberately no function here that changes or removes an entry,
//! and the migration adds triggers that refuse to.

use crate::{Backend, Database, StorageError};
use ghiseu_domain::audit::{
    AuditEvent, BreakReason, ChainBreak, ChainVerifier, chain_hash, detail_from_text,
    detail_to_text, mask_national_ids,
};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Connection, Row};

/// How many entries `verify` reads at a time.
const PAGE: i64 = 1000;

/// One entry of the log as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub sequence: i64,
    pub event: AuditEvent,
    pub hash: String,
}

/// Appends `event` (with any national id in its detail masked) and returns
/// its sequence number.
///
/// Runs inside the caller's transaction when `conn` is in one, so the entry
/// is written if and only if the change it records is; otherwise in a
/// transaction of its own. On PostgreSQL the caller's transaction must be
/// READ COMMITTED (the default). Appends from every connection take turns on
/// the one `audit_head` row until their transaction ends.
pub async fn append(conn: &mut AnyConnection, event: &AuditEvent) -> Result<i64, StorageError> {
    // SQLite's deferred BEGIN could fail at once, without waiting, when two
    // writers start together; IMMEDIATE takes the write lock up front.
    let mut tx = if !conn.is_in_transaction() && conn.backend_name() == "SQLite" {
        conn.begin_with("BEGIN IMMEDIATE").await?
    } else {
        conn.begin().await?
    };
    let head = sqlx::query(
        "UPDATE audit_head SET last_sequence = last_sequence + 1 WHERE id = 1 \
         RETURNING last_sequence, last_hash",
    )
    .fetch_one(&mut *tx)
    .await?;
    let sequence: i64 = head.try_get("last_sequence")?;
    let previous: String = head.try_get("last_hash")?;

    let event = AuditEvent {
        detail: mask_national_ids(&event.detail),
        ..event.clone()
    };
    let hash = chain_hash(&previous, sequence, &event);
    sqlx::query(
        "INSERT INTO audit_log \
         (sequence, at, actor, actor_role, action, subject, on_behalf_of, source_ip, detail, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(sequence)
    .bind(event.at.as_microsecond())
    .bind(event.actor.as_deref())
    .bind(event.actor_role.as_deref())
    .bind(event.action.as_str())
    .bind(event.subject.as_deref())
    .bind(event.on_behalf_of.as_deref())
    .bind(event.source_ip.as_deref())
    .bind(detail_to_text(&event.detail))
    .bind(hash.as_str())
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE audit_head SET last_hash = $1 WHERE id = 1")
        .bind(hash.as_str())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(sequence)
}

/// Appends `event` in a transaction of its own: for events that change
/// nothing else, such as a failed login.
pub async fn record(db: &Database, event: &AuditEvent) -> Result<i64, StorageError> {
    let mut conn = db.pool().acquire().await?;
    append(&mut conn, event).await
}

/// What a successful verification saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    pub entries: u64,
    /// The hash of the last entry (the genesis value for an empty log).
    pub last_hash: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AuditVerifyError {
    #[error("the audit log is broken at sequence {sequence}: {reason}")]
    Broken { sequence: i64, reason: BreakReason },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl From<sqlx::Error> for AuditVerifyError {
    fn from(e: sqlx::Error) -> Self {
        AuditVerifyError::Storage(StorageError::from(e))
    }
}

impl From<ChainBreak> for AuditVerifyError {
    fn from(b: ChainBreak) -> Self {
        AuditVerifyError::Broken {
            sequence: b.sequence,
            reason: b.reason,
        }
    }
}

/// Checks the whole chain, in sequence order, against the recorded head.
/// Reads one consistent snapshot, so appends made meanwhile are not seen.
pub async fn verify(db: &Database) -> Result<VerifyReport, AuditVerifyError> {
    let mut conn = db.pool().acquire().await?;
    let mut tx = match db.backend() {
        Backend::Postgres => {
            conn.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await?
        }
        Backend::Sqlite => conn.begin().await?,
    };
    let head = sqlx::query("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1")
        .fetch_one(&mut *tx)
        .await?;
    let head_sequence: i64 = head.try_get("last_sequence")?;
    let head_hash: String = head.try_get("last_hash")?;

    let mut verifier = ChainVerifier::new();
    let mut after = 0;
    loop {
        let rows = sqlx::query(
            "SELECT sequence, at, actor, actor_role, action, subject, on_behalf_of, source_ip, \
             detail, hash FROM audit_log WHERE sequence > $1 ORDER BY sequence LIMIT $2",
        )
        .bind(after)
        .bind(PAGE)
        .fetch_all(&mut *tx)
        .await?;
        for row in &rows {
            let sequence: i64 = row.try_get("sequence")?;
            let event = read_event(row)?.map_err(|why| AuditVerifyError::Broken {
                sequence,
                reason: BreakReason::Unreadable(why),
            })?;
            let hash: String = row.try_get("hash")?;
            verifier.check(sequence, &event, &hash)?;
            after = sequence;
        }
        if rows.len() < PAGE as usize {
            break;
        }
    }
    verifier.check_head(head_sequence, &head_hash)?;
    tx.commit().await?;
    Ok(VerifyReport {
        entries: verifier.entries(),
        last_hash: verifier.last_hash().to_owned(),
    })
}

/// The latest `limit` entries about `person_id`'s data, newest first: what a
/// person is shown about who looked at their data.
pub async fn for_subject(
    db: &Database,
    person_id: &str,
    limit: u32,
) -> Result<Vec<AuditEntry>, StorageError> {
    latest(db, Filter::Subject, person_id, limit).await
}

/// The latest `limit` entries of `action`, newest first.
pub async fn for_action(
    db: &Database,
    action: &str,
    limit: u32,
) -> Result<Vec<AuditEntry>, StorageError> {
    latest(db, Filter::Action, action, limit).await
}

/// The column the latest entries are chosen by.
#[derive(Clone, Copy)]
enum Filter {
    Subject,
    Action,
}

async fn latest(
    db: &Database,
    filter: Filter,
    value: &str,
    limit: u32,
) -> Result<Vec<AuditEntry>, StorageError> {
    let column = match filter {
        Filter::Subject => "subject",
        Filter::Action => "action",
    };
    let rows = sqlx::query(&format!(
        "SELECT sequence, at, actor, actor_role, action, subject, on_behalf_of, source_ip, \
         detail, hash FROM audit_log WHERE {column} = $1 ORDER BY sequence DESC LIMIT $2"
    ))
    .bind(value)
    .bind(i64::from(limit))
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(entry).collect()
}

fn entry(row: &AnyRow) -> Result<AuditEntry, StorageError> {
    let event =
        read_event(row)?.map_err(|why| StorageError::Database(sqlx::Error::Decode(why.into())))?;
    Ok(AuditEntry {
        sequence: row.try_get("sequence")?,
        event,
        hash: row.try_get("hash")?,
    })
}

/// The event in `row`; the inner error says why a stored entry cannot be
/// an event (which on a hash-chained log means it was tampered with).
fn read_event(row: &AnyRow) -> Result<Result<AuditEvent, String>, sqlx::Error> {
    let micros: i64 = row.try_get("at")?;
    let detail: String = row.try_get("detail")?;
    let at = match jiff::Timestamp::from_microsecond(micros) {
        Ok(at) => at,
        Err(e) => return Ok(Err(format!("time {micros}: {e}"))),
    };
    let detail = match detail_from_text(&detail) {
        Ok(detail) => detail,
        Err(why) => return Ok(Err(why)),
    };
    Ok(Ok(AuditEvent {
        at,
        actor: row.try_get("actor")?,
        actor_role: row.try_get("actor_role")?,
        action: row.try_get("action")?,
        subject: row.try_get("subject")?,
        on_behalf_of: row.try_get("on_behalf_of")?,
        source_ip: row.try_get("source_ip")?,
        detail,
    }))
}
