//! What requests to approve an invitation state, by case, and the inviter's
//! lists of requests filed and invitations approved.

use crate::{Connection, Database, StorageError};
use ghiseu_domain::invitation::{Invitation, PassportNumber};
use ghiseu_domain::registry::Standing;
use sqlx::Row;
use sqlx::any::AnyRow;

const COLUMNS: &str = "i.inviter, i.given_name, i.family_name, i.birth_date, i.citizenship, \
     i.passport_number, i.passport_expires_on, i.purpose, i.stay_from, i.stay_until, i.stay_address";

fn decoded<T, E: std::error::Error + Send + Sync + 'static>(
    value: Result<T, E>,
) -> Result<T, sqlx::Error> {
    value.map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn date(row: &AnyRow, column: &str) -> Result<jiff::civil::Date, sqlx::Error> {
    let text: String = row.try_get(column)?;
    decoded(text.parse())
}

fn invitation(row: &AnyRow) -> Result<Invitation, sqlx::Error> {
    let passport: String = row.try_get("passport_number")?;
    Ok(Invitation {
        inviter: row.try_get("inviter")?,
        given_name: row.try_get("given_name")?,
        family_name: row.try_get("family_name")?,
        birth_date: date(row, "birth_date")?,
        citizenship: row.try_get("citizenship")?,
        passport_number: PassportNumber::parse(&passport).map_err(|code| {
            sqlx::Error::Decode(format!("stored passport number: {code}").into())
        })?,
        passport_expires_on: date(row, "passport_expires_on")?,
        purpose: row.try_get("purpose")?,
        stay_from: date(row, "stay_from")?,
        stay_until: date(row, "stay_until")?,
        stay_address: row.try_get("stay_address")?,
    })
}

/// Writes what the request of `case_id` states, replacing what it stated.
pub async fn save(
    tx: &mut Connection,
    case_id: &str,
    invitation: &Invitation,
    now: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO invitations (case_id, inviter, given_name, family_name, birth_date, \
         citizenship, passport_number, passport_expires_on, purpose, stay_from, stay_until, \
         stay_address, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (case_id) DO UPDATE SET inviter = excluded.inviter, \
         given_name = excluded.given_name, family_name = excluded.family_name, \
         birth_date = excluded.birth_date, citizenship = excluded.citizenship, \
         passport_number = excluded.passport_number, \
         passport_expires_on = excluded.passport_expires_on, purpose = excluded.purpose, \
         stay_from = excluded.stay_from, stay_until = excluded.stay_until, \
         stay_address = excluded.stay_address, updated_at = excluded.updated_at",
    )
    .bind(case_id)
    .bind(&invitation.inviter)
    .bind(&invitation.given_name)
    .bind(&invitation.family_name)
    .bind(invitation.birth_date.to_string())
    .bind(&invitation.citizenship)
    .bind(invitation.passport_number.as_str())
    .bind(invitation.passport_expires_on.to_string())
    .bind(&invitation.purpose)
    .bind(invitation.stay_from.to_string())
    .bind(invitation.stay_until.to_string())
    .bind(&invitation.stay_address)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// What the request of `case_id` states, if it was filled in.
pub async fn of_case(
    conn: &mut Connection,
    case_id: &str,
) -> Result<Option<Invitation>, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM invitations i WHERE i.case_id = $1"
    ))
    .bind(case_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(invitation).transpose()?)
}

/// The number and standing of the document a row joined, if any.
fn approved(row: &AnyRow) -> Result<Option<(String, Standing)>, sqlx::Error> {
    let number: Option<String> = row.try_get("number")?;
    let standing: Option<String> = row.try_get("standing")?;
    let Some((number, standing)) = number.zip(standing) else {
        return Ok(None);
    };
    let standing = Standing::parse(&standing)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown standing {standing:?}").into()))?;
    Ok(Some((number, standing)))
}

/// The number and standing of the invitation approved for `case_id`.
pub async fn approved_for(
    conn: &mut Connection,
    case_id: &str,
) -> Result<Option<(String, Standing)>, StorageError> {
    let row = sqlx::query("SELECT number, standing FROM issued_documents WHERE case_id = $1")
        .bind(case_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(approved).transpose()?.flatten())
}

/// One of an inviter's requests, with the invitation it led to.
#[derive(Debug, Clone)]
pub struct Filed {
    pub case_id: String,
    pub reference: Option<String>,
    /// The case's state code.
    pub state: String,
    pub invitation: Invitation,
    /// The approved invitation's number and standing, once approved.
    pub approved: Option<(String, Standing)>,
}

/// The requests `applicant_id` filled in, newest first.
pub async fn filed_by(db: &Database, applicant_id: &str) -> Result<Vec<Filed>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT c.id, c.reference, c.state, d.number, d.standing, {COLUMNS} \
         FROM invitations i JOIN cases c ON c.id = i.case_id \
         LEFT JOIN issued_documents d ON d.case_id = c.id \
         WHERE c.applicant_id = $1 ORDER BY c.created_at DESC, c.id DESC"
    ))
    .bind(applicant_id)
    .fetch_all(db.pool())
    .await?;
    let filed = |row: &AnyRow| -> Result<Filed, sqlx::Error> {
        Ok(Filed {
            case_id: row.try_get("id")?,
            reference: row.try_get("reference")?,
            state: row.try_get("state")?,
            invitation: invitation(row)?,
            approved: approved(row)?,
        })
    };
    Ok(rows.iter().map(filed).collect::<Result<_, _>>()?)
}
