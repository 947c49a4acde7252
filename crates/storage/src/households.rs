//! Guardians and the minors they act for.

use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

pub struct NewWard<'a> {
    pub id: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub birth_date: &'a str,
    pub guardian_id: &'a str,
    pub relationship: &'a str,
    pub evidence: &'a str,
    pub now: i64,
}

/// A minor and one guardian's relationship to them.
#[derive(Clone, PartialEq, Eq)]
pub struct WardRecord {
    pub ward_id: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub guardian_id: String,
    pub guardian_email: String,
    pub relationship: String,
    pub evidence: String,
    pub status: String,
}

impl std::fmt::Debug for WardRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WardRecord")
            .field("ward_id", &self.ward_id)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

const SELECT: &str = "SELECT w.id AS ward_id, w.given_name, w.family_name, w.birth_date, g.guardian_id, \
     p.email AS guardian_email, g.relationship, g.evidence, g.status \
     FROM guardianships g JOIN wards w ON w.id = g.ward_id JOIN persons p ON p.id = g.guardian_id";

fn record(row: &AnyRow) -> Result<WardRecord, sqlx::Error> {
    Ok(WardRecord {
        ward_id: row.try_get("ward_id")?,
        given_name: row.try_get("given_name")?,
        family_name: row.try_get("family_name")?,
        birth_date: row.try_get("birth_date")?,
        guardian_id: row.try_get("guardian_id")?,
        guardian_email: row.try_get("guardian_email")?,
        relationship: row.try_get("relationship")?,
        evidence: row.try_get("evidence")?,
        status: row.try_get("status")?,
    })
}

/// Records a minor and a pending request to act for them.
pub async fn request(conn: &mut Connection, ward: &NewWard<'_>) -> Result<(), StorageError> {
    sqlx::query("INSERT INTO wards (id, given_name, family_name, birth_date, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(ward.id)
        .bind(ward.given_name)
        .bind(ward.family_name)
        .bind(ward.birth_date)
        .bind(ward.now)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO guardianships (ward_id, guardian_id, relationship, evidence, status, requested_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5)",
    )
    .bind(ward.id)
    .bind(ward.guardian_id)
    .bind(ward.relationship)
    .bind(ward.evidence)
    .bind(ward.now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every minor a guardian has asked to act for, in any state.
pub async fn of_guardian(
    db: &Database,
    guardian_id: &str,
) -> Result<Vec<WardRecord>, StorageError> {
    let sql = format!("{SELECT} WHERE g.guardian_id = $1 ORDER BY w.birth_date");
    let rows = sqlx::query(&sql)
        .bind(guardian_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// One minor as seen by one guardian, whatever the state.
pub async fn one(
    db: &Database,
    ward_id: &str,
    guardian_id: &str,
) -> Result<Option<WardRecord>, StorageError> {
    let sql = format!("{SELECT} WHERE g.ward_id = $1 AND g.guardian_id = $2");
    let row = sqlx::query(&sql)
        .bind(ward_id)
        .bind(guardian_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.as_ref().map(record).transpose()?)
}

/// Requests waiting for an operator, oldest first.
pub async fn pending(db: &Database, limit: i64) -> Result<Vec<WardRecord>, StorageError> {
    let sql = format!("{SELECT} WHERE g.status = 'pending' ORDER BY g.requested_at LIMIT $1");
    let rows = sqlx::query(&sql).bind(limit).fetch_all(db.pool()).await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// An operator's decision on a pending request; false when it was not pending.
pub async fn decide(
    conn: &mut Connection,
    ward_id: &str,
    guardian_id: &str,
    status: &str,
    operator_id: &str,
    now: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE guardianships SET status = $3, decided_by = $4, decided_at = $5 \
         WHERE ward_id = $1 AND guardian_id = $2 AND status = 'pending'",
    )
    .bind(ward_id)
    .bind(guardian_id)
    .bind(status)
    .bind(operator_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
