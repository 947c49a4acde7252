//! Documents handed over at a counter.

use crate::{Connection, Database, StorageError};
use ghiseu_domain::registry::{Source, Standing};
use sqlx::Row;
use sqlx::any::AnyRow;

/// A document in the registry: issued through a case and handed over, issued
/// electronically, or imported from the authority's earlier register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedDocument {
    pub id: String,
    pub number: String,
    pub case_id: Option<String>,
    pub service_id: Option<String>,
    /// The catalogue's document type of the issuing authority.
    pub document_type: Option<String>,
    pub authority_id: String,
    pub holder_person_id: Option<String>,
    pub holder_ward_id: Option<String>,
    pub holder_name: String,
    /// The public check's key: a digest of the holder's personal id.
    pub holder_id_digest: Option<String>,
    pub issued_on: String,
    pub expires_on: Option<String>,
    /// On an identity card: when the electronic identification certificate
    /// on its chip expires.
    pub eid_expires_on: Option<String>,
    /// On an identity card: when the qualified signature certificate expires.
    pub signature_expires_on: Option<String>,
    /// The facts the expiry was computed from (JSON), where the rule needs any.
    pub validity_facts: Option<String>,
    pub office_id: String,
    pub source: Source,
    /// Who received it at the counter; None for imported and electronic ones.
    pub handover: Option<HandoverRecord>,
}

/// Who received a document at a counter, against their signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverRecord {
    pub received_by_kind: String,
    pub received_by_name: String,
    /// The receiver's identity document, masked.
    pub receiver_document: String,
    pub attorney_number: Option<String>,
    pub attorney_date: Option<String>,
    pub signature_name: String,
    pub handed_over_by: String,
    pub handed_over_at: i64,
}

pub(crate) const COLUMNS: &str = "id, number, case_id, service_id, document_type, authority_id, \
     holder_person_id, holder_ward_id, holder_name, holder_id_digest, issued_on, expires_on, \
     eid_expires_on, signature_expires_on, validity_facts, office_id, source, received_by_kind, \
     received_by_name, receiver_document, attorney_number, attorney_date, signature_name, \
     handed_over_by, handed_over_at";

fn handover(row: &AnyRow) -> Result<Option<HandoverRecord>, sqlx::Error> {
    let by: Option<String> = row.try_get("handed_over_by")?;
    let Some(handed_over_by) = by else {
        return Ok(None);
    };
    let text = |column: &str| -> Result<String, sqlx::Error> {
        Ok(row
            .try_get::<Option<String>, _>(column)?
            .unwrap_or_default())
    };
    Ok(Some(HandoverRecord {
        received_by_kind: text("received_by_kind")?,
        received_by_name: text("received_by_name")?,
        receiver_document: text("receiver_document")?,
        attorney_number: row.try_get("attorney_number")?,
        attorney_date: row.try_get("attorney_date")?,
        signature_name: text("signature_name")?,
        handed_over_by,
        handed_over_at: row
            .try_get::<Option<i64>, _>("handed_over_at")?
            .unwrap_or_default(),
    }))
}

pub(crate) fn record(row: &AnyRow) -> Result<IssuedDocument, sqlx::Error> {
    let source: String = row.try_get("source")?;
    Ok(IssuedDocument {
        id: row.try_get("id")?,
        number: row.try_get("number")?,
        case_id: row.try_get("case_id")?,
        service_id: row.try_get("service_id")?,
        document_type: row.try_get("document_type")?,
        authority_id: row.try_get("authority_id")?,
        holder_person_id: row.try_get("holder_person_id")?,
        holder_ward_id: row.try_get("holder_ward_id")?,
        holder_name: row.try_get("holder_name")?,
        holder_id_digest: row.try_get("holder_id_digest")?,
        issued_on: row.try_get("issued_on")?,
        expires_on: row.try_get("expires_on")?,
        eid_expires_on: row.try_get("eid_expires_on")?,
        signature_expires_on: row.try_get("signature_expires_on")?,
        validity_facts: row.try_get("validity_facts")?,
        office_id: row.try_get("office_id")?,
        source: Source::parse(&source).ok_or_else(|| sqlx::Error::ColumnDecode {
            index: "source".into(),
            source: format!("unknown value {source:?}").into(),
        })?,
        handover: handover(row)?,
    })
}

/// The next document number sequence of an authority for a year.
pub async fn next_sequence(
    conn: &mut Connection,
    authority_id: &str,
    year: i16,
) -> Result<i64, StorageError> {
    crate::counters::next(
        conn,
        crate::counters::Counter::Documents,
        authority_id,
        year,
    )
    .await
}

/// Takes `case_id` for issuing until `until` (microseconds), unless another
/// server holds it past `now`; answers whether this one has it now.
pub async fn take_for_issue(
    conn: &mut Connection,
    case_id: &str,
    now: i64,
    until: i64,
) -> Result<bool, StorageError> {
    let taken = sqlx::query(
        "INSERT INTO issuing_cases (case_id, taken_until) VALUES ($1, $3) \
         ON CONFLICT (case_id) DO UPDATE SET taken_until = excluded.taken_until \
         WHERE issuing_cases.taken_until < $2",
    )
    .bind(case_id)
    .bind(now)
    .bind(until)
    .execute(&mut *conn)
    .await?;
    Ok(taken.rows_affected() == 1)
}

/// Lets go of a case once it is issued.
pub async fn issued_for(conn: &mut Connection, case_id: &str) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM issuing_cases WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Writes a new document with its standing (`standing_since` is the issue
/// day, or None for a document valid since it was issued).
pub async fn insert(conn: &mut Connection, d: &IssuedDocument) -> Result<(), StorageError> {
    insert_with(conn, d, Standing::Valid, None).await
}

pub async fn insert_with(
    conn: &mut Connection,
    d: &IssuedDocument,
    standing: Standing,
    standing_since: Option<&str>,
) -> Result<(), StorageError> {
    let h = d.handover.as_ref();
    sqlx::query(&format!(
        "INSERT INTO issued_documents ({COLUMNS}, standing, standing_since) VALUES ($1, $2, $3, \
         $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, \
         $22, $23, $24, $25, $26, $27)"
    ))
    .bind(&d.id)
    .bind(&d.number)
    .bind(d.case_id.as_deref())
    .bind(d.service_id.as_deref())
    .bind(d.document_type.as_deref())
    .bind(&d.authority_id)
    .bind(d.holder_person_id.as_deref())
    .bind(d.holder_ward_id.as_deref())
    .bind(&d.holder_name)
    .bind(d.holder_id_digest.as_deref())
    .bind(&d.issued_on)
    .bind(d.expires_on.as_deref())
    .bind(d.eid_expires_on.as_deref())
    .bind(d.signature_expires_on.as_deref())
    .bind(d.validity_facts.as_deref())
    .bind(&d.office_id)
    .bind(d.source.code())
    .bind(h.map(|h| h.received_by_kind.as_str()))
    .bind(h.map(|h| h.received_by_name.as_str()))
    .bind(h.map(|h| h.receiver_document.as_str()))
    .bind(h.and_then(|h| h.attorney_number.as_deref()))
    .bind(h.and_then(|h| h.attorney_date.as_deref()))
    .bind(h.map(|h| h.signature_name.as_str()))
    .bind(h.map(|h| h.handed_over_by.as_str()))
    .bind(h.map(|h| h.handed_over_at))
    .bind(standing.code())
    .bind(standing_since)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn for_case(
    db: &Database,
    case_id: &str,
) -> Result<Option<IssuedDocument>, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM issued_documents WHERE case_id = $1"
    ))
    .bind(case_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.as_ref().map(record).transpose()?)
}

/// Records where the document waits for its holder.
pub async fn set_pickup_office(
    conn: &mut Connection,
    case_id: &str,
    office_id: &str,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE cases SET pickup_office_id = $2 WHERE id = $1")
        .bind(case_id)
        .bind(office_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
