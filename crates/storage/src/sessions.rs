//! Server-side sessions: the browser holds a random token, the database its hash.

use crate::{Database, StorageError};
use sqlx::{AnyConnection, Row};

#[derive(Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub person_id: String,
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub second_factor_pending: bool,
}

impl std::fmt::Debug for SessionRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionRecord")
            .field("person_id", &self.person_id)
            .finish_non_exhaustive()
    }
}

pub async fn insert(
    conn: &mut AnyConnection,
    token_hash: &str,
    session: &SessionRecord,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, expires_at, second_factor_pending) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(token_hash)
    .bind(&session.person_id)
    .bind(&session.csrf_token)
    .bind(session.created_at)
    .bind(session.last_seen_at)
    .bind(session.expires_at)
    .bind(i64::from(session.second_factor_pending))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The live session for a token hash: not past its absolute expiry nor idle too long.
pub async fn live(
    db: &Database,
    token_hash: &str,
    now: i64,
    idle_micros: i64,
) -> Result<Option<SessionRecord>, StorageError> {
    let row = sqlx::query(
        "SELECT person_id, csrf_token, created_at, last_seen_at, expires_at, second_factor_pending \
         FROM sessions WHERE token_hash = $1 AND expires_at > $2 AND last_seen_at > $2 - $3",
    )
    .bind(token_hash)
    .bind(now)
    .bind(idle_micros)
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        Ok(SessionRecord {
            person_id: row.try_get("person_id")?,
            csrf_token: row.try_get("csrf_token")?,
            created_at: row.try_get("created_at")?,
            last_seen_at: row.try_get("last_seen_at")?,
            expires_at: row.try_get("expires_at")?,
            second_factor_pending: row.try_get::<i64, _>("second_factor_pending")? != 0,
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| StorageError::from(e))
}

/// The expiry of each of these sessions that still exists, in one query:
/// the cheapest answer cached sessions are checked against, so an ended
/// session ends at once in every process.
pub async fn expiries(
    db: &Database,
    token_hashes: &[&str],
) -> Result<std::collections::HashMap<String, i64>, StorageError> {
    if token_hashes.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let marks: Vec<String> = (1..=token_hashes.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT token_hash, expires_at FROM sessions WHERE token_hash IN ({})",
        marks.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for hash in token_hashes {
        query = query.bind(*hash);
    }
    let rows = query.fetch_all(db.pool()).await?;
    rows.iter()
        .map(|row| Ok((row.try_get("token_hash")?, row.try_get("expires_at")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StorageError::from)
}

/// A live session and its person, in one query.
pub async fn live_with_person(
    db: &Database,
    token_hash: &str,
    now: i64,
    idle_micros: i64,
) -> Result<Option<(SessionRecord, crate::accounts::PersonRecord)>, StorageError> {
    let person_columns: Vec<String> = crate::accounts::PERSON_COLUMNS
        .split(',')
        .map(|c| format!("p.{}", c.trim()))
        .collect();
    let row = sqlx::query(&format!(
        "SELECT s.person_id, s.csrf_token, s.created_at AS session_created_at, s.last_seen_at, \
         s.expires_at, s.second_factor_pending, {} FROM sessions s JOIN persons p \
         ON p.id = s.person_id WHERE s.token_hash = $1 AND s.expires_at > $2 \
         AND s.last_seen_at > $2 - $3",
        person_columns.join(", ")
    ))
    .bind(token_hash)
    .bind(now)
    .bind(idle_micros)
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        let session = SessionRecord {
            person_id: row.try_get("person_id")?,
            csrf_token: row.try_get("csrf_token")?,
            created_at: row.try_get("session_created_at")?,
            last_seen_at: row.try_get("last_seen_at")?,
            expires_at: row.try_get("expires_at")?,
            second_factor_pending: row.try_get::<i64, _>("second_factor_pending")? != 0,
        };
        Ok((session, crate::accounts::person(&row)?))
    })
    .transpose()
    .map_err(|e: sqlx::Error| StorageError::from(e))
}

/// Records activity, at most once a minute per session to spare the database.
pub async fn touch(db: &Database, token_hash: &str, now: i64) -> Result<(), StorageError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2 - 60000000")
        .bind(token_hash)
        .bind(now)
        .execute(db.pool())
        .await?;
    Ok(())
}

pub async fn delete(db: &Database, token_hash: &str) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Ends every session of a person ("log out everywhere", password change).
pub async fn delete_all_for(
    conn: &mut AnyConnection,
    person_id: &str,
) -> Result<u64, StorageError> {
    let done = sqlx::query("DELETE FROM sessions WHERE person_id = $1")
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}

/// A session waiting for its second factor, whatever its idle time.
pub async fn pending(
    db: &Database,
    token_hash: &str,
    now: i64,
) -> Result<Option<String>, StorageError> {
    let row = sqlx::query(
        "SELECT person_id FROM sessions WHERE token_hash = $1 AND expires_at > $2 AND second_factor_pending = 1",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| r.try_get("person_id")).transpose()?)
}

/// Ends one session inside the caller's transaction.
pub async fn delete_in(conn: &mut AnyConnection, token_hash: &str) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
