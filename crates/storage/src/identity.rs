//! Identity checks at a counter, and binding a national id to an account.

use crate::{Connection, StorageError};
use sqlx::Row;

pub struct InPersonCheck<'a> {
    pub id: &'a str,
    pub person_id: &'a str,
    pub operator_id: &'a str,
    pub document_type: &'a str,
    pub document_number_masked: &'a str,
    pub national_id_country: &'a str,
    pub national_id: &'a str,
    pub now: i64,
}

/// Why a check could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckRefusal {
    /// Another account already holds this national id.
    NationalIdTaken,
    /// This account already holds a different national id.
    DifferentNationalId,
    UnknownPerson,
}

/// Records the check, binds the national id and raises the assurance level,
/// all in the caller's transaction.
pub async fn record_in_person(
    conn: &mut Connection,
    check: &InPersonCheck<'_>,
) -> Result<Result<(), CheckRefusal>, StorageError> {
    let holder =
        sqlx::query("SELECT id FROM persons WHERE national_id_country = $1 AND national_id = $2")
            .bind(check.national_id_country)
            .bind(check.national_id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(row) = holder
        && row.try_get::<String, _>("id")? != check.person_id
    {
        return Ok(Err(CheckRefusal::NationalIdTaken));
    }
    let person = sqlx::query("SELECT national_id_country, national_id FROM persons WHERE id = $1")
        .bind(check.person_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(person) = person else {
        return Ok(Err(CheckRefusal::UnknownPerson));
    };
    let bound: Option<String> = person.try_get("national_id")?;
    if bound.as_deref().is_some_and(|b| b != check.national_id) {
        return Ok(Err(CheckRefusal::DifferentNationalId));
    }
    let bound = sqlx::query(
        "UPDATE persons SET national_id_country = $2, national_id = $3, \
         assurance = CASE WHEN assurance = 'email' THEN 'in-person' ELSE assurance END, \
         updated_at = $4, version = version + 1 WHERE id = $1",
    )
    .bind(check.person_id)
    .bind(check.national_id_country)
    .bind(check.national_id)
    .bind(check.now)
    .execute(&mut *conn)
    .await;
    match bound {
        Ok(_) => {}
        // Another check bound the same number between our read and this write.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Ok(Err(CheckRefusal::NationalIdTaken));
        }
        Err(e) => return Err(e.into()),
    }
    sqlx::query(
        "INSERT INTO identity_checks (id, person_id, operator_id, document_type, document_number_masked, checked_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(check.id)
    .bind(check.person_id)
    .bind(check.operator_id)
    .bind(check.document_type)
    .bind(check.document_number_masked)
    .bind(check.now)
    .execute(&mut *conn)
    .await?;
    Ok(Ok(()))
}
