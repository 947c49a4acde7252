//! The scans uploaded for a case's required documents. A replaced scan's
//! record is kept, marked replaced, so the history of what was shown stays
//! whole; its stored file is not (see [`Added::Recorded`]).

use std::collections::HashSet;

use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

pub struct NewDocument<'a> {
    pub id: &'a str,
    pub case_id: &'a str,
    pub requirement_id: &'a str,
    pub object_key: &'a str,
    pub file_name: &'a str,
    pub content_kind: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub uploaded_by: &'a str,
    pub now: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRecord {
    pub id: String,
    pub case_id: String,
    pub requirement_id: String,
    pub object_key: String,
    pub file_name: String,
    pub content_kind: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: i64,
    /// `pending`, `accepted` or `rejected`.
    pub review: String,
    pub review_reason: Option<String>,
    pub true_copy: bool,
}

const COLUMNS: &str = "id, case_id, requirement_id, object_key, file_name, content_kind, \
     size_bytes, sha256, uploaded_at, review, review_reason, true_copy";

fn record(row: &AnyRow) -> Result<DocumentRecord, sqlx::Error> {
    let true_copy: i64 = row.try_get("true_copy")?;
    Ok(DocumentRecord {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        requirement_id: row.try_get("requirement_id")?,
        object_key: row.try_get("object_key")?,
        file_name: row.try_get("file_name")?,
        content_kind: row.try_get("content_kind")?,
        size_bytes: row.try_get("size_bytes")?,
        sha256: row.try_get("sha256")?,
        uploaded_at: row.try_get("uploaded_at")?,
        review: row.try_get("review")?,
        review_reason: row.try_get("review_reason")?,
        true_copy: true_copy != 0,
    })
}

/// How many scans may be added, checked when one is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Current scans in one case. A scan that replaces another does not
    /// add to them.
    pub per_case: i64,
    /// Scans one person may upload since `since`, replaced ones included.
    pub per_person: i64,
    /// The start of that window, in microseconds since the epoch.
    pub since: i64,
}

/// Which cap another scan would go over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    Case,
    Person,
}

/// What became of a scan to be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Recorded. The object keys of the scans it replaced: nothing current
    /// refers to them any more, so their stored files may go once this
    /// commits.
    Recorded { superseded: Vec<String> },
    /// The case is not a draft or returned.
    Closed,
    /// Adding it would go over a cap.
    Over(Over),
}

/// Whether a scan for `requirement_id` of the case, by `person_id`, would
/// go over `caps`.
pub async fn over_caps(
    conn: &mut Connection,
    case_id: &str,
    requirement_id: &str,
    person_id: &str,
    caps: &Caps,
) -> Result<Option<Over>, StorageError> {
    let others: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM case_documents \
         WHERE case_id = $1 AND requirement_id <> $2 AND replaced_at IS NULL",
    )
    .bind(case_id)
    .bind(requirement_id)
    .fetch_one(&mut *conn)
    .await?;
    if others >= caps.per_case {
        return Ok(Some(Over::Case));
    }
    let recent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM case_documents WHERE uploaded_by = $1 AND uploaded_at >= $2",
    )
    .bind(person_id)
    .bind(caps.since)
    .fetch_one(&mut *conn)
    .await?;
    Ok((recent >= caps.per_person).then_some(Over::Person))
}

/// Adds a scan, replacing the current one for the same requirement; only
/// while the case is a draft or returned, and within `caps`. The case's row
/// is written first, so two scans for one case are added one after the
/// other and the case's cap holds exactly; a person's may be passed by the
/// uploads they have under way for other cases at that moment.
pub async fn add(
    conn: &mut Connection,
    doc: &NewDocument<'_>,
    caps: &Caps,
) -> Result<Added, StorageError> {
    // A write first: on SQLite it takes the write lock at once (waiting its
    // turn), where a read first would fail when another writer got in between.
    let open = sqlx::query(
        "UPDATE cases SET updated_at = $2 WHERE id = $1 AND state IN ('draft', 'returned')",
    )
    .bind(doc.case_id)
    .bind(doc.now)
    .execute(&mut *conn)
    .await?;
    if open.rows_affected() != 1 {
        return Ok(Added::Closed);
    }
    if let Some(over) =
        over_caps(conn, doc.case_id, doc.requirement_id, doc.uploaded_by, caps).await?
    {
        return Ok(Added::Over(over));
    }
    let superseded: Vec<String> = sqlx::query_scalar(
        "UPDATE case_documents SET replaced_at = $3 \
         WHERE case_id = $1 AND requirement_id = $2 AND replaced_at IS NULL \
         RETURNING object_key",
    )
    .bind(doc.case_id)
    .bind(doc.requirement_id)
    .bind(doc.now)
    .fetch_all(&mut *conn)
    .await?;
    insert(conn, doc).await?;
    Ok(Added::Recorded { superseded })
}

async fn insert(conn: &mut Connection, doc: &NewDocument<'_>) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO case_documents (id, case_id, requirement_id, object_key, file_name, \
         content_kind, size_bytes, sha256, uploaded_by, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(doc.id)
    .bind(doc.case_id)
    .bind(doc.requirement_id)
    .bind(doc.object_key)
    .bind(doc.file_name)
    .bind(doc.content_kind)
    .bind(doc.size_bytes)
    .bind(doc.sha256)
    .bind(doc.uploaded_by)
    .bind(doc.now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Of `object_keys`, those a current scan refers to. The stored files of
/// the others (replaced scans, scans of deleted cases, uploads whose record
/// was never saved) are no longer needed.
pub async fn current_keys(
    db: &Database,
    object_keys: &[String],
) -> Result<HashSet<String>, StorageError> {
    if object_keys.is_empty() {
        return Ok(HashSet::new());
    }
    let list = (1..=object_keys.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT object_key FROM case_documents \
         WHERE replaced_at IS NULL AND object_key IN ({list})"
    );
    let mut query = sqlx::query_scalar::<_, String>(&sql);
    for key in object_keys {
        query = query.bind(key);
    }
    Ok(query.fetch_all(db.pool()).await?.into_iter().collect())
}

/// The scans that count now, one per requirement.
pub async fn current(db: &Database, case_id: &str) -> Result<Vec<DocumentRecord>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM case_documents WHERE case_id = $1 AND replaced_at IS NULL \
         ORDER BY requirement_id"
    ))
    .bind(case_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
}

/// One scan of one case, replaced or not.
pub async fn get(
    db: &Database,
    case_id: &str,
    id: &str,
) -> Result<Option<DocumentRecord>, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM case_documents WHERE case_id = $1 AND id = $2"
    ))
    .bind(case_id)
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.as_ref().map(record).transpose()?)
}

/// An operator's verdict on one current scan.
pub async fn review(
    conn: &mut Connection,
    case_id: &str,
    id: &str,
    verdict: &str,
    reason: Option<&str>,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE case_documents SET review = $3, review_reason = $4 \
         WHERE case_id = $1 AND id = $2 AND replaced_at IS NULL",
    )
    .bind(case_id)
    .bind(id)
    .bind(verdict)
    .bind(reason)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// On acceptance every current scan becomes a certified true copy.
pub async fn certify(conn: &mut Connection, case_id: &str) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE case_documents SET true_copy = 1, review = 'accepted' \
         WHERE case_id = $1 AND replaced_at IS NULL",
    )
    .bind(case_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
