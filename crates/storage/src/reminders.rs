//! Expiry reminders: each person's choices, the documents a scan walks (by
//! partial indexes, in bounded keyset pages), and the reminders already
//! queued. A reminder is queued only when its row here was inserted, in the
//! same transaction, so it goes out once however many scans run at once.

use crate::{Connection, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

/// What a person chose to be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderChoice {
    /// Days before an expiry, largest first.
    pub thresholds: Vec<u16>,
    /// Whether to be told when a chip certificate expires.
    pub certificates: bool,
    /// Whether to be told when a ready document waits too long.
    pub not_collected: bool,
}

/// The kinds of reminder, as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReminderKind {
    Expiry,
    Identification,
    Signature,
    NotCollected,
}

impl ReminderKind {
    pub fn code(self) -> &'static str {
        match self {
            ReminderKind::Expiry => "expiry",
            ReminderKind::Identification => "eid",
            ReminderKind::Signature => "signature",
            ReminderKind::NotCollected => "not-collected",
        }
    }

    /// The date column a dated kind walks; None for not-collected.
    fn column(self) -> Option<&'static str> {
        match self {
            ReminderKind::Expiry => Some("expires_on"),
            ReminderKind::Identification => Some("eid_expires_on"),
            ReminderKind::Signature => Some("signature_expires_on"),
            ReminderKind::NotCollected => None,
        }
    }
}

fn thresholds_from(text: &str) -> Vec<u16> {
    let mut out: Vec<u16> = text
        .split(',')
        .filter_map(|t| t.trim().parse().ok())
        .collect();
    out.sort_unstable_by(|a, b| b.cmp(a));
    out.dedup();
    out
}

/// The person's choice, or None where they kept the authority's defaults.
pub async fn choice(
    conn: &mut Connection,
    person_id: &str,
) -> Result<Option<ReminderChoice>, StorageError> {
    let row = sqlx::query(
        "SELECT thresholds, certificates, not_collected FROM reminder_preferences \
         WHERE person_id = $1",
    )
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let thresholds: String = row.try_get("thresholds")?;
    let certificates: i64 = row.try_get("certificates")?;
    let not_collected: i64 = row.try_get("not_collected")?;
    Ok(Some(ReminderChoice {
        thresholds: thresholds_from(&thresholds),
        certificates: certificates != 0,
        not_collected: not_collected != 0,
    }))
}

/// Saves the person's choice, replacing any earlier one.
pub async fn save_choice(
    conn: &mut Connection,
    person_id: &str,
    choice: &ReminderChoice,
    now: i64,
) -> Result<(), StorageError> {
    let thresholds = choice
        .thresholds
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let largest = choice.thresholds.iter().copied().max().unwrap_or(0);
    sqlx::query(
        "INSERT INTO reminder_preferences (person_id, thresholds, largest_threshold, \
         certificates, not_collected, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (person_id) DO UPDATE SET thresholds = excluded.thresholds, \
         largest_threshold = excluded.largest_threshold, certificates = excluded.certificates, \
         not_collected = excluded.not_collected, updated_at = excluded.updated_at",
    )
    .bind(person_id)
    .bind(thresholds)
    .bind(i64::from(largest))
    .bind(i64::from(choice.certificates))
    .bind(i64::from(choice.not_collected))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The largest threshold anyone chose (0 when nobody chose).
pub async fn largest_chosen(conn: &mut Connection) -> Result<i64, StorageError> {
    let row = sqlx::query(
        "SELECT COALESCE(MAX(largest_threshold), 0) AS largest FROM reminder_preferences",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(row.try_get("largest")?)
}

/// A document in force a scan looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InForce {
    pub id: String,
    pub document_type: Option<String>,
    pub service_id: Option<String>,
    pub authority_id: String,
    pub office_id: String,
    pub holder_person_id: Option<String>,
    pub holder_ward_id: Option<String>,
    /// The date the kind walks by: an expiry, or the day it began waiting.
    pub on: String,
}

fn in_force(row: &AnyRow) -> Result<InForce, sqlx::Error> {
    Ok(InForce {
        id: row.try_get("id")?,
        document_type: row.try_get("document_type")?,
        service_id: row.try_get("service_id")?,
        authority_id: row.try_get("authority_id")?,
        office_id: row.try_get("office_id")?,
        holder_person_id: row.try_get("holder_person_id")?,
        holder_ward_id: row.try_get("holder_ward_id")?,
        on: row.try_get("on_day")?,
    })
}

const IN_FORCE: &str = "id, document_type, service_id, authority_id, office_id, \
     holder_person_id, holder_ward_id";

/// The SQL of one page of documents in force whose `kind` date falls in
/// `[$1, $2]`, after the key `($3, $4)` when `after` (keyset: no OFFSET).
/// Its WHERE repeats the partial index's predicate so that both backends
/// walk the index.
pub fn expiring_sql(kind: ReminderKind, after: bool) -> Option<String> {
    let column = kind.column()?;
    let key = if after {
        format!(" AND ({column}, id) > ($3, $4)")
    } else {
        String::new()
    };
    let limit = if after { "$5" } else { "$3" };
    Some(format!(
        "SELECT {IN_FORCE}, {column} AS on_day FROM issued_documents \
         WHERE standing IN ('valid', 'awaiting-collection') AND {column} IS NOT NULL \
         AND {column} >= $1 AND {column} <= $2{key} ORDER BY {column}, id LIMIT {limit}"
    ))
}

/// One page of documents in force whose `kind` date is from `from` to `to`
/// (days, inclusive), after the key `after` (date, id), at most `limit`.
pub async fn expiring(
    conn: &mut Connection,
    kind: ReminderKind,
    from: &str,
    to: &str,
    after: Option<(&str, &str)>,
    limit: i64,
) -> Result<Vec<InForce>, StorageError> {
    let Some(sql) = expiring_sql(kind, after.is_some()) else {
        return Ok(Vec::new());
    };
    let mut query = sqlx::query(&sql).bind(from).bind(to);
    if let Some((day, id)) = after {
        query = query.bind(day).bind(id);
    }
    let rows = query.bind(limit).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(in_force).collect::<Result<_, _>>()?)
}

/// One page of documents waiting at an office, after `after` (id), with the
/// day they began waiting.
pub async fn awaiting(
    conn: &mut Connection,
    after: &str,
    limit: i64,
) -> Result<Vec<InForce>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {IN_FORCE}, COALESCE(standing_since, issued_on) AS on_day FROM issued_documents \
         WHERE standing = 'awaiting-collection' AND id > $1 ORDER BY id LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(in_force).collect::<Result<_, _>>()?)
}

/// A case whose document waits at an office (no registry record yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadyCase {
    pub id: String,
    pub service_id: String,
    pub authority_id: String,
    pub pickup_office_id: Option<String>,
    pub holder_person_id: Option<String>,
    pub holder_ward_id: Option<String>,
    /// When it was marked ready (microseconds), else its last change.
    pub ready_at: i64,
}

/// One page of cases ready for pickup, after `after` (id).
pub async fn ready_cases(
    conn: &mut Connection,
    after: &str,
    limit: i64,
) -> Result<Vec<ReadyCase>, StorageError> {
    let rows = sqlx::query(
        "SELECT c.id, c.service_id, c.authority_id, c.pickup_office_id, c.holder_person_id, \
         c.holder_ward_id, COALESCE((SELECT MAX(e.at) FROM case_events e WHERE \
         e.case_id = c.id AND e.to_state = 'ready-for-pickup'), c.updated_at) AS ready_at \
         FROM cases c WHERE c.state = 'ready-for-pickup' AND c.id > $1 ORDER BY c.id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let case = |row: &AnyRow| -> Result<ReadyCase, sqlx::Error> {
        Ok(ReadyCase {
            id: row.try_get("id")?,
            service_id: row.try_get("service_id")?,
            authority_id: row.try_get("authority_id")?,
            pickup_office_id: row.try_get("pickup_office_id")?,
            holder_person_id: row.try_get("holder_person_id")?,
            holder_ward_id: row.try_get("holder_ward_id")?,
            ready_at: row.try_get("ready_at")?,
        })
    };
    Ok(rows.iter().map(case).collect::<Result<_, _>>()?)
}

/// One reminder to record.
#[derive(Debug, Clone, Copy)]
pub struct Reminder<'a> {
    /// The document's id, or the ready case's.
    pub document_id: &'a str,
    pub person_id: &'a str,
    pub kind: ReminderKind,
    pub threshold: u16,
    pub sent_on: &'a str,
}

/// Records the reminder in the caller's transaction; false when it was
/// already recorded (by this scan earlier or by another at the same time).
pub async fn record(conn: &mut Connection, r: &Reminder<'_>) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "INSERT INTO document_reminders (document_id, person_id, kind, threshold, sent_on) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(r.document_id)
    .bind(r.person_id)
    .bind(r.kind.code())
    .bind(i64::from(r.threshold))
    .bind(r.sent_on)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
