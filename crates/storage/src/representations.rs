//! Powers of attorney recorded at a counter.

use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

pub struct NewRepresentation<'a> {
    pub id: &'a str,
    pub principal_id: &'a str,
    pub representative_id: &'a str,
    pub case_reference: &'a str,
    pub attorney_number: &'a str,
    pub issued_on: &'a str,
    pub expires_on: &'a str,
    pub scope: &'a str,
    pub office_id: &'a str,
    pub recorded_by: &'a str,
    pub now: i64,
}

/// A recorded power of attorney, with both people's addresses for display.
#[derive(Clone, PartialEq, Eq)]
pub struct RepresentationRecord {
    pub id: String,
    pub principal_id: String,
    pub principal_email: String,
    pub representative_id: String,
    pub representative_email: String,
    pub case_reference: String,
    pub attorney_number: String,
    pub issued_on: String,
    pub expires_on: String,
    pub scope: String,
    pub office_id: String,
    pub revoked: bool,
}

impl std::fmt::Debug for RepresentationRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RepresentationRecord")
            .field("id", &self.id)
            .field("case_reference", &self.case_reference)
            .finish_non_exhaustive()
    }
}

const SELECT: &str = "SELECT r.id, r.principal_id, p.email AS principal_email, r.representative_id, \
     q.email AS representative_email, r.case_reference, r.attorney_number, r.issued_on, \
     r.expires_on, r.scope, r.office_id, r.revoked_at \
     FROM representations r JOIN persons p ON p.id = r.principal_id \
     JOIN persons q ON q.id = r.representative_id";

fn record(row: &AnyRow) -> Result<RepresentationRecord, sqlx::Error> {
    let revoked_at: Option<i64> = row.try_get("revoked_at")?;
    Ok(RepresentationRecord {
        id: row.try_get("id")?,
        principal_id: row.try_get("principal_id")?,
        principal_email: row.try_get("principal_email")?,
        representative_id: row.try_get("representative_id")?,
        representative_email: row.try_get("representative_email")?,
        case_reference: row.try_get("case_reference")?,
        attorney_number: row.try_get("attorney_number")?,
        issued_on: row.try_get("issued_on")?,
        expires_on: row.try_get("expires_on")?,
        scope: row.try_get("scope")?,
        office_id: row.try_get("office_id")?,
        revoked: revoked_at.is_some(),
    })
}

pub async fn insert(conn: &mut Connection, r: &NewRepresentation<'_>) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO representations (id, principal_id, representative_id, case_reference, \
         attorney_number, issued_on, expires_on, scope, office_id, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(r.id)
    .bind(r.principal_id)
    .bind(r.representative_id)
    .bind(r.case_reference)
    .bind(r.attorney_number)
    .bind(r.issued_on)
    .bind(r.expires_on)
    .bind(r.scope)
    .bind(r.office_id)
    .bind(r.recorded_by)
    .bind(r.now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every power of attorney a person gave or holds, newest first.
pub async fn involving(
    db: &Database,
    person_id: &str,
) -> Result<Vec<RepresentationRecord>, StorageError> {
    let sql = format!(
        "{SELECT} WHERE r.principal_id = $1 OR r.representative_id = $1 ORDER BY r.recorded_at DESC"
    );
    let rows = sqlx::query(&sql)
        .bind(person_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// The powers of attorney recorded for one case.
pub async fn for_case(
    db: &Database,
    case_reference: &str,
) -> Result<Vec<RepresentationRecord>, StorageError> {
    let sql = format!("{SELECT} WHERE r.case_reference = $1 ORDER BY r.recorded_at DESC");
    let rows = sqlx::query(&sql)
        .bind(case_reference)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// The principal withdraws a power of attorney; false when it is not theirs
/// or already withdrawn.
pub async fn revoke(
    conn: &mut Connection,
    id: &str,
    principal_id: &str,
    now: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE representations SET revoked_at = $3 \
         WHERE id = $1 AND principal_id = $2 AND revoked_at IS NULL",
    )
    .bind(id)
    .bind(principal_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
