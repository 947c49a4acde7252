//! What sign-in throttling reads and keeps: failures counted in a window per
//! key, and the addresses a person has signed in from before.

use crate::{Connection, Database, StorageError};
use sqlx::Row;

/// The failures counted under `key` in the window that is open at `now`
/// (none once it has passed).
pub async fn failures(
    db: &Database,
    key: &str,
    window_micros: i64,
    now: i64,
) -> Result<i64, StorageError> {
    let row = sqlx::query(
        "SELECT CASE WHEN window_start <= $2 - $3 THEN 0 ELSE attempts END AS attempts \
         FROM throttle WHERE key = $1",
    )
    .bind(key)
    .bind(now)
    .bind(window_micros)
    .fetch_optional(db.pool())
    .await?;
    Ok(match row {
        Some(row) => row.try_get("attempts")?,
        None => 0,
    })
}

/// Forgets the failed sign-ins counted against a person's account from
/// unknown addresses: they proved they own it (a password reset).
pub async fn forget_account_failures(
    conn: &mut Connection,
    person_id: &str,
) -> Result<(), StorageError> {
    sqlx::query(
        "DELETE FROM throttle WHERE key = (SELECT 'login:account:' || email FROM persons WHERE id = $1)",
    )
    .bind(person_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether `person_id` has signed in from the address with this hash before.
/// Asked for every sign-in, known account or not, so both take the same time.
pub async fn known_address(
    db: &Database,
    person_id: &str,
    address_hash: &str,
) -> Result<bool, StorageError> {
    let row = sqlx::query(
        "SELECT 1 AS known FROM sign_in_addresses WHERE person_id = $1 AND address_hash = $2",
    )
    .bind(person_id)
    .bind(address_hash)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.is_some())
}

/// Remembers a successful sign-in from the address with this hash.
pub async fn remember_address(
    conn: &mut Connection,
    person_id: &str,
    address_hash: &str,
    now: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO sign_in_addresses (person_id, address_hash, last_seen) VALUES ($1, $2, $3) \
         ON CONFLICT (person_id, address_hash) DO UPDATE SET last_seen = $3",
    )
    .bind(person_id)
    .bind(address_hash)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
