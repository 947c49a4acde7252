//! Organisations, their recorded representatives, and the cases opened for
//! them.

use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

/// An organisation by its registration code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: String,
    pub country: String,
    pub registration_code: String,
    pub name: String,
}

/// A representative as an operator recorded them.
pub struct NewRepresentative<'a> {
    pub organisation_id: &'a str,
    pub person_id: &'a str,
    pub evidence: &'a str,
    pub recorded_by: &'a str,
    pub office_id: &'a str,
    pub now: i64,
}

const COLUMNS: &str = "o.id, o.country, o.registration_code, o.name";

fn organisation(row: &AnyRow) -> Result<Organisation, sqlx::Error> {
    Ok(Organisation {
        id: row.try_get("id")?,
        country: row.try_get("country")?,
        registration_code: row.try_get("registration_code")?,
        name: row.try_get("name")?,
    })
}

/// The organisation with this code, made with `name` if it is new (a known
/// one keeps the name it was registered with).
pub async fn find_or_add(
    tx: &mut Connection,
    country: &str,
    code: &str,
    name: &str,
    now: i64,
) -> Result<Organisation, StorageError> {
    sqlx::query(
        "INSERT INTO organisations (id, country, registration_code, name, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (country, registration_code) DO NOTHING",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(country)
    .bind(code)
    .bind(name)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM organisations o WHERE o.country = $1 AND o.registration_code = $2"
    ))
    .bind(country)
    .bind(code)
    .fetch_one(&mut *tx)
    .await?;
    Ok(organisation(&row)?)
}

/// Records the representative; false when they were recorded already.
pub async fn add_representative(
    tx: &mut Connection,
    new: &NewRepresentative<'_>,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "INSERT INTO organisation_representatives (organisation_id, person_id, evidence, \
         recorded_by, office_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (organisation_id, person_id) DO NOTHING",
    )
    .bind(new.organisation_id)
    .bind(new.person_id)
    .bind(new.evidence)
    .bind(new.recorded_by)
    .bind(new.office_id)
    .bind(new.now)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The organisations `person_id` is a recorded representative of.
pub async fn represented_by(
    db: &Database,
    person_id: &str,
) -> Result<Vec<Organisation>, StorageError> {
    let mut conn = db.connection().await?;
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM organisations o JOIN organisation_representatives r \
         ON r.organisation_id = o.id WHERE r.person_id = $1 ORDER BY o.name"
    ))
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(organisation).collect::<Result<_, _>>()?)
}

/// Records that the case was opened for the organisation, in the draft's
/// transaction.
pub async fn link_case(
    tx: &mut Connection,
    case_id: &str,
    organisation_id: &str,
) -> Result<(), StorageError> {
    sqlx::query("INSERT INTO case_organisations (case_id, organisation_id) VALUES ($1, $2)")
        .bind(case_id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The organisation the case is for, if it is for one.
pub async fn of_case(
    conn: &mut Connection,
    case_id: &str,
) -> Result<Option<Organisation>, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM organisations o JOIN case_organisations c \
         ON c.organisation_id = o.id WHERE c.case_id = $1"
    ))
    .bind(case_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(organisation).transpose()?)
}

/// The name of the person `person_id` as their account holds it.
pub async fn person_name(conn: &mut Connection, person_id: &str) -> Result<String, StorageError> {
    let row = sqlx::query("SELECT given_name, family_name FROM persons WHERE id = $1")
        .bind(person_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else {
        return Ok(String::new());
    };
    let given: Option<String> = row.try_get("given_name")?;
    let family: Option<String> = row.try_get("family_name")?;
    Ok(format!(
        "{} {}",
        given.unwrap_or_default(),
        family.unwrap_or_default()
    )
    .trim()
    .to_string())
}
