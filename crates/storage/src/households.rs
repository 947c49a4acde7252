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
    /// Where the evidence is (or was) shown.
    pub office_id: &'a str,
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
    pub office_id: Option<String>,
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
     p.email AS guardian_email, g.relationship, g.evidence, g.status, g.office_id \
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
        office_id: row.try_get("office_id")?,
    })
}

/// Records a minor and a pending request to act for them.
pub async fn request(conn: &mut Connection, ward: &NewWard<'_>) -> Result<(), StorageError> {
    insert(conn, ward, None).await
}

/// Records a minor and a relationship an operator confirmed at once from the
/// evidence in front of them.
pub async fn record_confirmed(
    conn: &mut Connection,
    ward: &NewWard<'_>,
    operator_id: &str,
) -> Result<(), StorageError> {
    insert(conn, ward, Some(operator_id)).await
}

async fn insert(
    conn: &mut Connection,
    ward: &NewWard<'_>,
    decided_by: Option<&str>,
) -> Result<(), StorageError> {
    sqlx::query("INSERT INTO wards (id, given_name, family_name, birth_date, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(ward.id)
        .bind(ward.given_name)
        .bind(ward.family_name)
        .bind(ward.birth_date)
        .bind(ward.now)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO guardianships (ward_id, guardian_id, relationship, evidence, status, requested_at, \
         office_id, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(ward.id)
    .bind(ward.guardian_id)
    .bind(ward.relationship)
    .bind(ward.evidence)
    .bind(if decided_by.is_some() { "confirmed" } else { "pending" })
    .bind(ward.now)
    .bind(ward.office_id)
    .bind(decided_by)
    .bind(decided_by.map(|_| ward.now))
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

/// Every guardian's relationship to one minor, in any state, by guardian.
pub async fn of_ward(
    conn: &mut Connection,
    ward_id: &str,
) -> Result<Vec<WardRecord>, StorageError> {
    let sql = format!("{SELECT} WHERE g.ward_id = $1 ORDER BY g.guardian_id");
    let rows = sqlx::query(&sql)
        .bind(ward_id)
        .fetch_all(&mut *conn)
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

/// `$first, $first+1, …` for an `IN (…)` list of `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Requests waiting at these offices, oldest first.
pub async fn pending(
    db: &Database,
    office_ids: &[String],
    limit: i64,
) -> Result<Vec<WardRecord>, StorageError> {
    if office_ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{SELECT} WHERE g.status = 'pending' AND g.office_id IN ({}) ORDER BY g.requested_at LIMIT $1",
        placeholders(2, office_ids.len())
    );
    let mut query = sqlx::query(&sql).bind(limit);
    for office in office_ids {
        query = query.bind(office);
    }
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// An operator's decision on a request pending at one of `office_ids`; false
/// when there is no such pending request (decided already, or elsewhere).
pub async fn decide(
    conn: &mut Connection,
    ward_id: &str,
    guardian_id: &str,
    status: &str,
    operator_id: &str,
    office_ids: &[String],
    now: i64,
) -> Result<bool, StorageError> {
    if office_ids.is_empty() {
        return Ok(false);
    }
    let sql = format!(
        "UPDATE guardianships SET status = $3, decided_by = $4, decided_at = $5 \
         WHERE ward_id = $1 AND guardian_id = $2 AND status = 'pending' AND office_id IN ({})",
        placeholders(6, office_ids.len())
    );
    let mut query = sqlx::query(&sql)
        .bind(ward_id)
        .bind(guardian_id)
        .bind(status)
        .bind(operator_id)
        .bind(now);
    for office in office_ids {
        query = query.bind(office);
    }
    let done = query.execute(&mut *conn).await?;
    Ok(done.rows_affected() == 1)
}

/// How many minors a guardian has asked for or been given, in any state.
pub async fn of_guardian_in(conn: &mut Connection, guardian_id: &str) -> Result<i64, StorageError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM guardianships WHERE guardian_id = $1")
        .bind(guardian_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(row.try_get("n")?)
}
