//! Identity checks through a bank card's 3-D Secure check: each is started
//! by a person, used once, by that person only, within its time.

use crate::{Connection, Database, StorageError};
use sqlx::Row;

pub struct NewCardCheck<'a> {
    pub id: &'a str,
    pub person_id: &'a str,
    pub provider: &'a str,
    pub now: i64,
    pub expires_at: i64,
}

pub async fn start(db: &Database, check: &NewCardCheck<'_>) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO card_checks (id, person_id, provider, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(check.id)
    .bind(check.person_id)
    .bind(check.provider)
    .bind(check.now)
    .bind(check.expires_at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Why an answer cannot complete a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimRefusal {
    Unknown,
    /// Someone else started it.
    OtherPerson,
    /// An answer already completed it.
    Used,
    Expired,
}

/// Marks the check used by `person_id`, in the caller's transaction, when it
/// is theirs, still pending and not expired.
pub async fn claim(
    conn: &mut Connection,
    id: &str,
    person_id: &str,
    now: i64,
) -> Result<Result<(), ClaimRefusal>, StorageError> {
    let row =
        sqlx::query("SELECT person_id, expires_at, completed_at FROM card_checks WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(row) = row else {
        return Ok(Err(ClaimRefusal::Unknown));
    };
    if row.try_get::<String, _>("person_id")? != person_id {
        return Ok(Err(ClaimRefusal::OtherPerson));
    }
    if row.try_get::<Option<i64>, _>("completed_at")?.is_some() {
        return Ok(Err(ClaimRefusal::Used));
    }
    if row.try_get::<i64, _>("expires_at")? <= now {
        return Ok(Err(ClaimRefusal::Expired));
    }
    let claimed = sqlx::query(
        "UPDATE card_checks SET completed_at = $2 WHERE id = $1 AND completed_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    // A second answer for the same check arrived at the same time.
    if claimed.rows_affected() == 0 {
        return Ok(Err(ClaimRefusal::Used));
    }
    Ok(Ok(()))
}

/// How a claimed check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending<'a> {
    /// The bank vouched for the national id; whether the account's level rose.
    Verified {
        national_id_country: &'a str,
        national_id_masked: &'a str,
        assurance_raised: bool,
    },
    Declined,
    /// The bank vouched, but the portal could not bind what it sent.
    Refused,
}

/// Records how the check ended, in the caller's transaction.
pub async fn close(
    conn: &mut Connection,
    id: &str,
    ending: Ending<'_>,
) -> Result<(), StorageError> {
    let (outcome, country, masked, raised) = match ending {
        Ending::Verified {
            national_id_country,
            national_id_masked,
            assurance_raised,
        } => (
            "verified",
            Some(national_id_country),
            Some(national_id_masked),
            assurance_raised,
        ),
        Ending::Declined => ("declined", None, None, false),
        Ending::Refused => ("refused", None, None, false),
    };
    sqlx::query(
        "UPDATE card_checks SET outcome = $2, national_id_country = $3, national_id_masked = $4, \
         assurance_raised = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(outcome)
    .bind(country)
    .bind(masked)
    .bind(i64::from(raised))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A check as stored, for tests and support.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardCheckRecord {
    pub id: String,
    pub person_id: String,
    pub provider: String,
    pub completed_at: Option<i64>,
    pub outcome: Option<String>,
    pub national_id_masked: Option<String>,
    pub assurance_raised: bool,
}

/// A person's checks, the latest first.
pub async fn for_person(
    db: &Database,
    person_id: &str,
) -> Result<Vec<CardCheckRecord>, StorageError> {
    let rows = sqlx::query(
        "SELECT id, person_id, provider, completed_at, outcome, national_id_masked, assurance_raised \
         FROM card_checks WHERE person_id = $1 ORDER BY id DESC",
    )
    .bind(person_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(CardCheckRecord {
                id: row.try_get("id")?,
                person_id: row.try_get("person_id")?,
                provider: row.try_get("provider")?,
                completed_at: row.try_get("completed_at")?,
                outcome: row.try_get("outcome")?,
                national_id_masked: row.try_get("national_id_masked")?,
                assurance_raised: row.try_get::<i64, _>("assurance_raised")? != 0,
            })
        })
        .collect()
}
