//! The registry's records: an issued document's standing, since when, and
//! the history of its changes. Which change is allowed is the domain's
//! decision (`ghiseu_domain::registry::change`); a change here only checks
//! that the standing is still the one the decision was made on.

use crate::{Connection, StorageError};
use ghiseu_domain::registry::{RegistryAction, Standing};
use sqlx::Row;
use sqlx::any::AnyRow;

/// One change of a document's standing, as it is written.
#[derive(Debug, Clone)]
pub struct StandingChange<'a> {
    pub document_id: &'a str,
    pub action: RegistryAction,
    pub from: Standing,
    pub to: Standing,
    /// The day the change takes effect, in the authority's zone.
    pub on: &'a str,
    pub actor_id: Option<&'a str>,
    pub actor_role: &'a str,
    /// The authority's reason, for an invalidation.
    pub reason: Option<&'a str>,
    /// Where the loss or theft happened, as reported.
    pub place: Option<&'a str>,
    pub circumstances: Option<&'a str>,
    pub police_report: Option<&'a str>,
    pub at: i64,
}

/// A change as recorded in the document's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandingEvent {
    pub action: RegistryAction,
    pub from: Standing,
    pub to: Standing,
    pub actor_id: Option<String>,
    pub actor_role: String,
    pub reason: Option<String>,
    pub place: Option<String>,
    pub circumstances: Option<String>,
    pub police_report: Option<String>,
    pub at: i64,
}

fn unknown(column: &str, value: &str) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.into(),
        source: format!("unknown value {value:?}").into(),
    }
}

pub(crate) fn standing_in(row: &AnyRow, column: &str) -> Result<Standing, sqlx::Error> {
    let code: String = row.try_get(column)?;
    Standing::parse(&code).ok_or_else(|| unknown(column, &code))
}

/// The document's standing and the day it took it (None: since it was issued).
pub async fn standing(
    conn: &mut Connection,
    document_id: &str,
) -> Result<Option<(Standing, Option<String>)>, StorageError> {
    let row = sqlx::query("SELECT standing, standing_since FROM issued_documents WHERE id = $1")
        .bind(document_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some((
        standing_in(&row, "standing")?,
        row.try_get("standing_since")?,
    )))
}

/// Writes `change` and its history line, in the caller's transaction; false
/// (and nothing written) when the document is no longer in `change.from`.
pub async fn change_standing(
    conn: &mut Connection,
    change: &StandingChange<'_>,
) -> Result<bool, StorageError> {
    let moved = sqlx::query(
        "UPDATE issued_documents SET standing = $3, standing_since = $4 \
         WHERE id = $1 AND standing = $2",
    )
    .bind(change.document_id)
    .bind(change.from.code())
    .bind(change.to.code())
    .bind(change.on)
    .execute(&mut *conn)
    .await?;
    if moved.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO document_events (id, document_id, action, from_standing, to_standing, \
         actor_id, actor_role, reason, place, circumstances, police_report, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(change.document_id)
    .bind(change.action.code())
    .bind(change.from.code())
    .bind(change.to.code())
    .bind(change.actor_id)
    .bind(change.actor_role)
    .bind(change.reason)
    .bind(change.place)
    .bind(change.circumstances)
    .bind(change.police_report)
    .bind(change.at)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// The document's history, oldest first.
pub async fn history(
    conn: &mut Connection,
    document_id: &str,
) -> Result<Vec<StandingEvent>, StorageError> {
    let rows = sqlx::query(
        "SELECT action, from_standing, to_standing, actor_id, actor_role, reason, place, \
         circumstances, police_report, at FROM document_events WHERE document_id = $1 \
         ORDER BY at, id",
    )
    .bind(document_id)
    .fetch_all(&mut *conn)
    .await?;
    let event = |row: &AnyRow| -> Result<StandingEvent, sqlx::Error> {
        let action: String = row.try_get("action")?;
        Ok(StandingEvent {
            action: RegistryAction::parse(&action).ok_or_else(|| unknown("action", &action))?,
            from: standing_in(row, "from_standing")?,
            to: standing_in(row, "to_standing")?,
            actor_id: row.try_get("actor_id")?,
            actor_role: row.try_get("actor_role")?,
            reason: row.try_get("reason")?,
            place: row.try_get("place")?,
            circumstances: row.try_get("circumstances")?,
            police_report: row.try_get("police_report")?,
            at: row.try_get("at")?,
        })
    };
    Ok(rows.iter().map(event).collect::<Result<_, _>>()?)
}

/// An issued document with its standing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub document: crate::issued_documents::IssuedDocument,
    pub standing: Standing,
    /// The day it took its standing; None for one in force since it was issued.
    pub standing_since: Option<String>,
}

pub(crate) fn registered(row: &AnyRow) -> Result<Registered, sqlx::Error> {
    Ok(Registered {
        document: crate::issued_documents::record(row)?,
        standing: standing_in(row, "standing")?,
        standing_since: row.try_get("standing_since")?,
    })
}

/// The document with this number.
pub async fn by_number(
    conn: &mut Connection,
    number: &str,
) -> Result<Option<Registered>, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {}, standing, standing_since FROM issued_documents WHERE number = $1",
        crate::issued_documents::COLUMNS
    ))
    .bind(number)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(registered).transpose()?)
}

/// The documents held by the person and by the children `ward_ids`, newest
/// first.
pub async fn for_holders(
    conn: &mut Connection,
    person_id: &str,
    ward_ids: &[String],
) -> Result<Vec<Registered>, StorageError> {
    let select = |column: &str| {
        format!(
            "SELECT {}, standing, standing_since FROM issued_documents WHERE {column} = $1 \
             ORDER BY issued_on DESC, number",
            crate::issued_documents::COLUMNS
        )
    };
    let mut found = Vec::new();
    let rows = sqlx::query(&select("holder_person_id"))
        .bind(person_id)
        .fetch_all(&mut *conn)
        .await?;
    for row in &rows {
        found.push(registered(row)?);
    }
    for ward_id in ward_ids {
        let rows = sqlx::query(&select("holder_ward_id"))
            .bind(ward_id)
            .fetch_all(&mut *conn)
            .await?;
        for row in &rows {
            found.push(registered(row)?);
        }
    }
    Ok(found)
}

/// Who holds a document: a person with an account, or a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder<'a> {
    Person(&'a str),
    Ward(&'a str),
}

impl<'a> Holder<'a> {
    /// The holder of a case or document with these columns.
    pub fn of(person_id: Option<&'a str>, ward_id: Option<&'a str>) -> Option<Holder<'a>> {
        match (person_id, ward_id) {
            (Some(p), _) => Some(Holder::Person(p)),
            (None, Some(w)) => Some(Holder::Ward(w)),
            (None, None) => None,
        }
    }

    fn table_and_column(self) -> (&'static str, &'static str, &'a str) {
        match self {
            Holder::Person(id) => ("persons", "holder_person_id", id),
            Holder::Ward(id) => ("wards", "holder_ward_id", id),
        }
    }
}

/// The holder's personal id as recorded (country code and number), if any.
/// Meant for the registry's digest only: never log or show it.
pub async fn holder_national_id(
    conn: &mut Connection,
    holder: Holder<'_>,
) -> Result<Option<(String, String)>, StorageError> {
    let (table, _, id) = holder.table_and_column();
    let row = sqlx::query(&format!(
        "SELECT national_id_country, national_id FROM {table} WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let country: Option<String> = row.try_get("national_id_country")?;
    let number: Option<String> = row.try_get("national_id")?;
    Ok(country.zip(number))
}

/// The holder's documents of `document_type` from `authority_id` still in
/// force (valid or waiting), other than `except`: those a new one replaces.
pub async fn in_force_of_type(
    conn: &mut Connection,
    holder: Holder<'_>,
    authority_id: &str,
    document_type: &str,
    except: &str,
) -> Result<Vec<Registered>, StorageError> {
    let (_, column, id) = holder.table_and_column();
    let rows = sqlx::query(&format!(
        "SELECT {}, standing, standing_since FROM issued_documents WHERE {column} = $1 \
         AND authority_id = $2 AND document_type = $3 AND id <> $4 \
         AND standing IN ('valid', 'awaiting-collection')",
        crate::issued_documents::COLUMNS
    ))
    .bind(id)
    .bind(authority_id)
    .bind(document_type)
    .bind(except)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(registered).collect::<Result<_, _>>()?)
}

/// Records which newer document replaced `document_id`.
pub async fn mark_replaced_by(
    conn: &mut Connection,
    document_id: &str,
    newer_id: &str,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE issued_documents SET replaced_by = $2 WHERE id = $1")
        .bind(document_id)
        .bind(newer_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What the public check reads of a document: who it is for (a digest) and
/// what it is worth, nothing about the holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRecord {
    pub authority_id: String,
    pub holder_id_digest: Option<String>,
    pub issued_on: String,
    pub expires_on: Option<String>,
    pub standing: Standing,
    pub standing_since: Option<String>,
}

/// The check's record of the document `number`. The query gives one row of
/// the same columns whether or not the number exists (empty ones when it
/// does not), so reading an unknown number costs what reading a known one
/// does.
pub async fn for_check(
    conn: &mut Connection,
    number: &str,
) -> Result<Option<CheckRecord>, StorageError> {
    let row = sqlx::query(
        "SELECT d.authority_id, d.holder_id_digest, d.issued_on, d.expires_on, d.standing, \
         d.standing_since FROM (SELECT $1 AS number) AS asked \
         LEFT JOIN issued_documents d ON d.number = asked.number",
    )
    .bind(number)
    .fetch_one(&mut *conn)
    .await?;
    let authority_id: Option<String> = row.try_get("authority_id")?;
    let holder_id_digest: Option<String> = row.try_get("holder_id_digest")?;
    let issued_on: Option<String> = row.try_get("issued_on")?;
    let expires_on: Option<String> = row.try_get("expires_on")?;
    let standing: Option<String> = row.try_get("standing")?;
    let standing_since: Option<String> = row.try_get("standing_since")?;
    let (Some(authority_id), Some(issued_on), Some(standing)) = (authority_id, issued_on, standing)
    else {
        return Ok(None);
    };
    Ok(Some(CheckRecord {
        authority_id,
        holder_id_digest,
        issued_on,
        expires_on,
        standing: Standing::parse(&standing).ok_or_else(|| unknown("standing", &standing))?,
        standing_since,
    }))
}
