//! Idempotency keys: a retried request with the same key gets the first
//! answer instead of doing the work twice.

use crate::{Connection, Database, StorageError};
use sqlx::Row;

/// What a key already stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is new: do the work, then `finish`.
    New,
    /// The key's first request was abandoned without an answer: do the work
    /// (which may be done already: `made` names what it made, when the use
    /// case recorded it), then `finish`.
    TakenOver { made: Option<String> },
    /// The same request was answered before.
    Answered { status: u16, body: String },
    /// The key was used for a different request.
    Mismatch,
    /// The first request with this key has not finished.
    InFlight,
}

/// Claims `key` for a request whose content hashes to `request_hash`.
///
/// A claim made before `abandoned_before` that never got its answer was
/// abandoned: its server died, or its request was cut off, or its answer
/// could not be kept while the database was away. It is taken over, so the
/// retry does the work, which the use cases make safe to repeat (confirming
/// a confirmed appointment, holding the slot already held).
pub async fn claim(
    db: &Database,
    person_id: &str,
    key: &str,
    request_hash: &str,
    now: i64,
    abandoned_before: i64,
) -> Result<Claim, StorageError> {
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (person_id, key, request_hash, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, key) DO NOTHING",
    )
    .bind(person_id)
    .bind(key)
    .bind(request_hash)
    .bind(now)
    .execute(db.pool())
    .await?;
    if inserted.rows_affected() == 1 {
        return Ok(Claim::New);
    }
    let row = sqlx::query(
        "SELECT request_hash, response_status, response_body, created_at, made \
         FROM idempotency_keys \
         WHERE person_id = $1 AND key = $2",
    )
    .bind(person_id)
    .bind(key)
    .fetch_one(db.pool())
    .await?;
    let stored: String = row.try_get("request_hash")?;
    if stored != request_hash {
        return Ok(Claim::Mismatch);
    }
    let status: Option<i64> = row.try_get("response_status")?;
    let body: Option<String> = row.try_get("response_body")?;
    let claimed_at: i64 = row.try_get("created_at")?;
    let made: Option<String> = row.try_get("made")?;
    Ok(match (status, body) {
        (Some(status), Some(body)) => Claim::Answered {
            status: u16::try_from(status).unwrap_or(500),
            body,
        },
        _ if claimed_at < abandoned_before => {
            if take_over(db, person_id, key, claimed_at, now).await? {
                Claim::TakenOver { made }
            } else {
                Claim::InFlight
            }
        }
        _ => Claim::InFlight,
    })
}

/// Takes over an abandoned claim; of several retries at once, one wins.
async fn take_over(
    db: &Database,
    person_id: &str,
    key: &str,
    claimed_at: i64,
    now: i64,
) -> Result<bool, StorageError> {
    let taken = sqlx::query(
        "UPDATE idempotency_keys SET created_at = $4 \
         WHERE person_id = $1 AND key = $2 AND created_at = $3 AND response_status IS NULL",
    )
    .bind(person_id)
    .bind(key)
    .bind(claimed_at)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(taken.rows_affected() == 1)
}

/// Records, in the transaction that makes it, what the request under `key`
/// made, so a retry that takes the key over can answer with it.
pub async fn record_made(
    conn: &mut Connection,
    person_id: &str,
    key: &str,
    made: &str,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE idempotency_keys SET made = $3 WHERE person_id = $1 AND key = $2")
        .bind(person_id)
        .bind(key)
        .bind(made)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Keeps the answer for retries.
pub async fn finish(
    db: &Database,
    person_id: &str,
    key: &str,
    status: u16,
    body: &str,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE idempotency_keys SET response_status = $3, response_body = $4 \
         WHERE person_id = $1 AND key = $2",
    )
    .bind(person_id)
    .bind(key)
    .bind(i64::from(status))
    .bind(body)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Frees a key whose request failed before anything was done, so a retry may use it.
pub async fn release(db: &Database, person_id: &str, key: &str) -> Result<(), StorageError> {
    sqlx::query(
        "DELETE FROM idempotency_keys WHERE person_id = $1 AND key = $2 AND response_status IS NULL",
    )
    .bind(person_id)
    .bind(key)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Frees the claim made at `claimed_at` if it is still there without an
/// answer: one whose claiming request failed, so nothing was done under it.
pub async fn release_claim_made_at(
    db: &Database,
    person_id: &str,
    key: &str,
    claimed_at: i64,
) -> Result<u64, StorageError> {
    let freed = sqlx::query(
        "DELETE FROM idempotency_keys \
         WHERE person_id = $1 AND key = $2 AND created_at = $3 AND response_status IS NULL",
    )
    .bind(person_id)
    .bind(key)
    .bind(claimed_at)
    .execute(db.pool())
    .await?;
    Ok(freed.rows_affected())
}
