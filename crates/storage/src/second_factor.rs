//! Second factors: a TOTP secret per person and single-use recovery codes.

use crate::{Connection, Database, StorageError};
use sqlx::Row;

#[derive(Clone, PartialEq, Eq)]
pub struct SecondFactor {
    pub totp_secret: String,
    pub enabled_at: Option<i64>,
    pub last_used_step: i64,
}

impl std::fmt::Debug for SecondFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecondFactor")
            .field("enabled_at", &self.enabled_at)
            .finish_non_exhaustive()
    }
}

pub async fn get(db: &Database, person_id: &str) -> Result<Option<SecondFactor>, StorageError> {
    let row = sqlx::query(
        "SELECT totp_secret, enabled_at, last_used_step FROM second_factors WHERE person_id = $1",
    )
    .bind(person_id)
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        Ok(SecondFactor {
            totp_secret: row.try_get("totp_secret")?,
            enabled_at: row.try_get("enabled_at")?,
            last_used_step: row.try_get("last_used_step")?,
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| StorageError::from(e))
}

/// Starts (or restarts) enrolment with a new secret, not yet enabled.
pub async fn begin_enrolment(
    db: &Database,
    person_id: &str,
    secret: &str,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO second_factors (person_id, totp_secret) VALUES ($1, $2) \
         ON CONFLICT (person_id) DO UPDATE SET totp_secret = excluded.totp_secret, last_used_step = 0 \
         WHERE second_factors.enabled_at IS NULL",
    )
    .bind(person_id)
    .bind(secret)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Enables the factor and stores its recovery codes' hashes, replacing old ones.
pub async fn enable(
    conn: &mut Connection,
    person_id: &str,
    now: i64,
    step: i64,
    code_hashes: &[String],
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE second_factors SET enabled_at = $2, last_used_step = $3 WHERE person_id = $1 AND enabled_at IS NULL",
    )
    .bind(person_id)
    .bind(now)
    .bind(step)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM recovery_codes WHERE person_id = $1")
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
    for hash in code_hashes {
        sqlx::query("INSERT INTO recovery_codes (person_id, code_hash) VALUES ($1, $2)")
            .bind(person_id)
            .bind(hash)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}

/// Records a used time step; false when that step (or a later one) was used already.
pub async fn use_step(
    conn: &mut Connection,
    person_id: &str,
    step: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE second_factors SET last_used_step = $2 WHERE person_id = $1 AND enabled_at IS NOT NULL AND last_used_step < $2",
    )
    .bind(person_id)
    .bind(step)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Uses a recovery code once.
pub async fn use_recovery_code(
    conn: &mut Connection,
    person_id: &str,
    code_hash: &str,
    now: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $3 WHERE person_id = $1 AND code_hash = $2 AND used_at IS NULL",
    )
    .bind(person_id)
    .bind(code_hash)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
