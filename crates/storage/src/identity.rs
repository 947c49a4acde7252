//! Identity checks at a counter, and binding a national id to an account.

use crate::{Connection, StorageError};
use ghiseu_domain::account::AssuranceLevel;
use sqlx::{Connection as _, Row};

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
    let binding = Binding {
        person_id: check.person_id,
        national_id_country: check.national_id_country,
        national_id: check.national_id,
        level: AssuranceLevel::InPerson,
        now: check.now,
    };
    if let Err(refusal) = bind_national_id(conn, &binding).await? {
        return Ok(Err(refusal));
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

/// A national id proven to belong to a person, and how it was proven.
pub struct Binding<'a> {
    pub person_id: &'a str,
    pub national_id_country: &'a str,
    pub national_id: &'a str,
    pub level: AssuranceLevel,
    pub now: i64,
}

/// How strong a level is: a check never lowers the level an account has.
fn strength(level: AssuranceLevel) -> i64 {
    match level {
        AssuranceLevel::Email => 0,
        AssuranceLevel::Card => 1,
        AssuranceLevel::InPerson => 2,
    }
}

/// Binds the national id to the person and raises their assurance to
/// `level` unless it is already stronger, in the caller's transaction; answers
/// the level the account has afterwards. A national id belongs to one account
/// only, and an account keeps the one it was first bound to. A refusal
/// writes nothing and leaves the caller's transaction usable.
pub async fn bind_national_id(
    conn: &mut Connection,
    binding: &Binding<'_>,
) -> Result<Result<String, CheckRefusal>, StorageError> {
    // A savepoint: on PostgreSQL a unique violation would otherwise abort the
    // whole transaction.
    let mut savepoint = conn.begin().await?;
    let bound = bind_within(&mut savepoint, binding).await?;
    if bound.is_ok() {
        savepoint.commit().await?;
    } else {
        savepoint.rollback().await?;
    }
    Ok(bound)
}

async fn bind_within(
    conn: &mut Connection,
    binding: &Binding<'_>,
) -> Result<Result<String, CheckRefusal>, StorageError> {
    let holder =
        sqlx::query("SELECT id FROM persons WHERE national_id_country = $1 AND national_id = $2")
            .bind(binding.national_id_country)
            .bind(binding.national_id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(row) = holder
        && row.try_get::<String, _>("id")? != binding.person_id
    {
        return Ok(Err(CheckRefusal::NationalIdTaken));
    }
    let person = sqlx::query("SELECT national_id_country, national_id FROM persons WHERE id = $1")
        .bind(binding.person_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(person) = person else {
        return Ok(Err(CheckRefusal::UnknownPerson));
    };
    let bound_country: Option<String> = person.try_get("national_id_country")?;
    let bound: Option<String> = person.try_get("national_id")?;
    if bound.is_some_and(|b| {
        b != binding.national_id || bound_country.as_deref() != Some(binding.national_id_country)
    }) {
        return Ok(Err(CheckRefusal::DifferentNationalId));
    }
    let updated = sqlx::query(
        "UPDATE persons SET national_id_country = $2, national_id = $3, \
         assurance = CASE WHEN (CASE assurance WHEN 'in-person' THEN 2 WHEN 'card' THEN 1 ELSE 0 END) < $4 \
         THEN $5 ELSE assurance END, \
         updated_at = $6, version = version + 1 WHERE id = $1 RETURNING assurance",
    )
    .bind(binding.person_id)
    .bind(binding.national_id_country)
    .bind(binding.national_id)
    .bind(strength(binding.level))
    .bind(binding.level.code())
    .bind(binding.now)
    .fetch_one(&mut *conn)
    .await;
    match updated {
        Ok(row) => Ok(Ok(row.try_get("assurance")?)),
        // Another check bound the same number between our read and this write.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            Ok(Err(CheckRefusal::NationalIdTaken))
        }
        Err(e) => Err(e.into()),
    }
}
