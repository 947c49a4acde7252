//! Cases: drafts, submitted applications and their history. Every change is
//! guarded by the version the writer read, so a stale write is refused.

use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Clone, PartialEq, Eq)]
pub struct CaseRecord {
    pub id: String,
    pub reference: Option<String>,
    pub authority_id: String,
    pub service_id: String,
    pub applicant_id: String,
    pub holder_person_id: Option<String>,
    pub holder_ward_id: Option<String>,
    pub holder_given_name: String,
    pub holder_family_name: String,
    pub holder_birth_date: Option<String>,
    pub holder_region: Option<String>,
    /// As the holder's profile stated it when the case was started.
    pub holder_citizenship: Option<String>,
    pub category_id: Option<String>,
    /// The applicant's answers as JSON.
    pub answers: String,
    pub office_id: Option<String>,
    pub state: String,
    pub assignee_id: Option<String>,
    pub filed_on: Option<String>,
    pub deadline: Option<String>,
    pub fee_minor: Option<i64>,
    pub currency: String,
    pub pickup_office_id: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub version: i64,
}

impl std::fmt::Debug for CaseRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaseRecord")
            .field("id", &self.id)
            .field("reference", &self.reference)
            .field("state", &self.state)
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

const COLUMNS: &str = "id, reference, authority_id, service_id, applicant_id, holder_person_id, \
     holder_ward_id, holder_given_name, holder_family_name, holder_birth_date, holder_region, \
     holder_citizenship, category_id, answers, office_id, state, assignee_id, filed_on, deadline, fee_minor, currency, \
     pickup_office_id, created_at, updated_at, version";

fn record(row: &AnyRow) -> Result<CaseRecord, sqlx::Error> {
    Ok(CaseRecord {
        id: row.try_get("id")?,
        reference: row.try_get("reference")?,
        authority_id: row.try_get("authority_id")?,
        service_id: row.try_get("service_id")?,
        applicant_id: row.try_get("applicant_id")?,
        holder_person_id: row.try_get("holder_person_id")?,
        holder_ward_id: row.try_get("holder_ward_id")?,
        holder_given_name: row.try_get("holder_given_name")?,
        holder_family_name: row.try_get("holder_family_name")?,
        holder_birth_date: row.try_get("holder_birth_date")?,
        holder_region: row.try_get("holder_region")?,
        holder_citizenship: row.try_get("holder_citizenship")?,
        category_id: row.try_get("category_id")?,
        answers: row.try_get("answers")?,
        office_id: row.try_get("office_id")?,
        state: row.try_get("state")?,
        assignee_id: row.try_get("assignee_id")?,
        filed_on: row.try_get("filed_on")?,
        deadline: row.try_get("deadline")?,
        fee_minor: row.try_get("fee_minor")?,
        currency: row.try_get("currency")?,
        pickup_office_id: row.try_get("pickup_office_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        version: row.try_get("version")?,
    })
}

/// A new draft; the caller has checked the service and the holder.
pub async fn insert_draft(conn: &mut Connection, case: &CaseRecord) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO cases (id, authority_id, service_id, applicant_id, holder_person_id, \
         holder_ward_id, holder_given_name, holder_family_name, holder_birth_date, holder_region, \
         holder_citizenship, category_id, answers, office_id, state, currency, created_at, \
         updated_at, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'draft', $15, $16, \
         $16, 1)",
    )
    .bind(&case.id)
    .bind(&case.authority_id)
    .bind(&case.service_id)
    .bind(&case.applicant_id)
    .bind(case.holder_person_id.as_deref())
    .bind(case.holder_ward_id.as_deref())
    .bind(&case.holder_given_name)
    .bind(&case.holder_family_name)
    .bind(case.holder_birth_date.as_deref())
    .bind(case.holder_region.as_deref())
    .bind(case.holder_citizenship.as_deref())
    .bind(case.category_id.as_deref())
    .bind(&case.answers)
    .bind(case.office_id.as_deref())
    .bind(&case.currency)
    .bind(case.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn get(db: &Database, id: &str) -> Result<Option<CaseRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM cases WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(db.pool()).await?;
    Ok(row.as_ref().map(record).transpose()?)
}

/// The case as seen inside the caller's transaction.
pub async fn get_in(conn: &mut Connection, id: &str) -> Result<Option<CaseRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM cases WHERE id = $1");
    let row = sqlx::query(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(record).transpose()?)
}

pub async fn by_reference(
    db: &Database,
    reference: &str,
) -> Result<Option<CaseRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM cases WHERE reference = $1");
    let row = sqlx::query(&sql)
        .bind(reference)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.as_ref().map(record).transpose()?)
}

/// Someone else changed the case since it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stale;

/// Saves a draft's answers (and what follows from them) if nobody changed
/// the case since `version`; returns the new version.
pub async fn save_answers(
    conn: &mut Connection,
    id: &str,
    version: i64,
    answers: &str,
    category_id: Option<&str>,
    now: i64,
) -> Result<Result<i64, Stale>, StorageError> {
    let done = sqlx::query(
        "UPDATE cases SET answers = $3, category_id = $4, updated_at = $5, version = version + 1 \
         WHERE id = $1 AND version = $2 AND state IN ('draft', 'returned')",
    )
    .bind(id)
    .bind(version)
    .bind(answers)
    .bind(category_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(if done.rows_affected() == 1 {
        Ok(version + 1)
    } else {
        Err(Stale)
    })
}

/// One move of a case, as the domain allowed it.
pub struct Move<'a> {
    pub case_id: &'a str,
    pub version: i64,
    pub from: &'a str,
    pub to: &'a str,
    pub action: &'a str,
    pub actor_id: Option<&'a str>,
    pub actor_role: &'a str,
    pub reason: Option<&'a str>,
    pub now: i64,
}

/// Moves the case and writes the history line, if it is still in `from` at
/// `version`; returns the new version.
pub async fn apply_move(
    conn: &mut Connection,
    m: &Move<'_>,
) -> Result<Result<i64, Stale>, StorageError> {
    let done = sqlx::query(
        "UPDATE cases SET state = $4, updated_at = $5, version = version + 1 \
         WHERE id = $1 AND version = $2 AND state = $3",
    )
    .bind(m.case_id)
    .bind(m.version)
    .bind(m.from)
    .bind(m.to)
    .bind(m.now)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(Err(Stale));
    }
    sqlx::query(
        "INSERT INTO case_events (case_id, sequence, at, actor_id, actor_role, action, from_state, \
         to_state, reason) \
         SELECT $1, COALESCE(MAX(sequence), 0) + 1, $2, $3, $4, $5, $6, $7, $8 \
         FROM case_events WHERE case_id = $1",
    )
    .bind(m.case_id)
    .bind(m.now)
    .bind(m.actor_id)
    .bind(m.actor_role)
    .bind(m.action)
    .bind(m.from)
    .bind(m.to)
    .bind(m.reason)
    .execute(&mut *conn)
    .await?;
    Ok(Ok(m.version + 1))
}

#[allow(clippy::too_many_arguments)]
/// Writes a history line that leaves the case where it is (`from` and `to`
/// both its state now), such as an appointment given at the counter.
pub async fn note(
    conn: &mut Connection,
    case_id: &str,
    state: &str,
    action: &str,
    actor_id: Option<&str>,
    actor_role: &str,
    reason: Option<&str>,
    now: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO case_events (case_id, sequence, at, actor_id, actor_role, action, from_state, \
         to_state, reason) \
         SELECT $1, COALESCE(MAX(sequence), 0) + 1, $2, $3, $4, $5, $6, $6, $7 \
         FROM case_events WHERE case_id = $1",
    )
    .bind(case_id)
    .bind(now)
    .bind(actor_id)
    .bind(actor_role)
    .bind(action)
    .bind(state)
    .bind(reason)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The next reference sequence of an authority for a year.
pub async fn next_sequence(
    conn: &mut Connection,
    authority_id: &str,
    year: i16,
) -> Result<i64, StorageError> {
    crate::counters::next(conn, crate::counters::Counter::Cases, authority_id, year).await
}

/// What submission fixes on the case, besides its state.
pub struct Filing<'a> {
    pub reference: &'a str,
    pub office_id: &'a str,
    pub filed_on: &'a str,
    pub deadline: Option<&'a str>,
    pub fee_minor: i64,
    pub category_id: Option<&'a str>,
}

/// Records the filing facts; called in the transaction that submits.
pub async fn record_filing(
    conn: &mut Connection,
    case_id: &str,
    filing: &Filing<'_>,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE cases SET reference = COALESCE(reference, $2), office_id = $3, filed_on = $4, \
         deadline = $5, fee_minor = $6, category_id = $7 WHERE id = $1",
    )
    .bind(case_id)
    .bind(filing.reference)
    .bind(filing.office_id)
    .bind(filing.filed_on)
    .bind(filing.deadline)
    .bind(filing.fee_minor)
    .bind(filing.category_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseEvent {
    pub sequence: i64,
    pub at: i64,
    pub actor_id: Option<String>,
    pub actor_role: String,
    pub action: String,
    pub from_state: String,
    pub to_state: String,
    pub reason: Option<String>,
}

/// The case's history, oldest first.
pub async fn events(db: &Database, case_id: &str) -> Result<Vec<CaseEvent>, StorageError> {
    let rows = sqlx::query(
        "SELECT sequence, at, actor_id, actor_role, action, from_state, to_state, reason \
         FROM case_events WHERE case_id = $1 ORDER BY sequence",
    )
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(CaseEvent {
                sequence: r.try_get("sequence")?,
                at: r.try_get("at")?,
                actor_id: r.try_get("actor_id")?,
                actor_role: r.try_get("actor_role")?,
                action: r.try_get("action")?,
                from_state: r.try_get("from_state")?,
                to_state: r.try_get("to_state")?,
                reason: r.try_get("reason")?,
            })
        })
        .collect()
}

/// An operator takes the case (or takes it up again after it came back to
/// them); exactly one of several at once succeeds.
pub async fn claim(
    conn: &mut Connection,
    case_id: &str,
    operator_id: &str,
    now: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE cases SET assignee_id = $2, updated_at = $3, version = version + 1 \
         WHERE id = $1 AND (assignee_id IS NULL OR assignee_id = $2)",
    )
    .bind(case_id)
    .bind(operator_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A supervisor gives the case to another operator (or to nobody).
pub async fn reassign(
    conn: &mut Connection,
    case_id: &str,
    operator_id: Option<&str>,
    now: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE cases SET assignee_id = $2, updated_at = $3, version = version + 1 WHERE id = $1",
    )
    .bind(case_id)
    .bind(operator_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Cases a person applied for, or whose holder is them or one of `ward_ids`.
pub async fn for_person(
    db: &Database,
    person_id: &str,
    ward_ids: &[String],
) -> Result<Vec<CaseRecord>, StorageError> {
    let wards = (0..ward_ids.len())
        .map(|i| format!("${}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let ward_clause = if ward_ids.is_empty() {
        String::new()
    } else {
        format!(" OR holder_ward_id IN ({wards})")
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM cases WHERE applicant_id = $1 OR holder_person_id = $1{ward_clause} \
         ORDER BY updated_at DESC"
    );
    let mut query = sqlx::query(&sql).bind(person_id);
    for w in ward_ids {
        query = query.bind(w);
    }
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// What an operator's queue shows.
pub struct QueueFilter<'a> {
    pub office_ids: &'a [String],
    pub states: &'a [&'a str],
    pub service_id: Option<&'a str>,
    pub limit: i64,
}

/// Cases at these offices in these states, the oldest filing first.
pub async fn queue(
    db: &Database,
    filter: &QueueFilter<'_>,
) -> Result<Vec<CaseRecord>, StorageError> {
    if filter.office_ids.is_empty() || filter.states.is_empty() {
        return Ok(Vec::new());
    }
    let mut n = 2;
    let mut list = |len: usize| {
        let s = (n..n + len)
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        n += len;
        s
    };
    let offices = list(filter.office_ids.len());
    let states = list(filter.states.len());
    let service = if filter.service_id.is_some() {
        format!(" AND service_id = ${n}")
    } else {
        String::new()
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM cases WHERE office_id IN ({offices}) AND state IN ({states}){service} \
         ORDER BY filed_on, created_at LIMIT $1"
    );
    let mut query = sqlx::query(&sql).bind(filter.limit);
    for o in filter.office_ids {
        query = query.bind(o);
    }
    for s in filter.states {
        query = query.bind(*s);
    }
    if let Some(service) = filter.service_id {
        query = query.bind(service);
    }
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// The division of the country a person said they live in, if any.
pub async fn domicile_region(
    db: &Database,
    person_id: &str,
) -> Result<Option<String>, StorageError> {
    let row = sqlx::query("SELECT domicile_region FROM profiles WHERE person_id = $1")
        .bind(person_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(match row {
        Some(row) => row.try_get("domicile_region")?,
        None => None,
    })
}

/// Drafts of `authority_id` untouched since `before` (unix micros), oldest first.
pub async fn stale_drafts(
    db: &Database,
    authority_id: &str,
    before: i64,
    limit: i64,
) -> Result<Vec<CaseRecord>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM cases WHERE authority_id = $1 AND state = 'draft' AND updated_at < $2 \
         ORDER BY updated_at LIMIT $3"
    );
    let rows = sqlx::query(&sql)
        .bind(authority_id)
        .bind(before)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// Ids of the paid cases of `service_id` that have waited since before
/// `before` (unix micros), oldest first.
pub async fn paid_waiting(
    db: &Database,
    service_id: &str,
    before: i64,
    limit: i64,
) -> Result<Vec<String>, StorageError> {
    let rows = sqlx::query(
        "SELECT id FROM cases WHERE service_id = $1 AND state = 'paid' AND updated_at < $2 \
         ORDER BY updated_at LIMIT $3",
    )
    .bind(service_id)
    .bind(before)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| row.try_get("id").map_err(StorageError::from))
        .collect()
}
