//! Documents handed over at a counter.

use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedDocument {
    pub id: String,
    pub number: String,
    pub case_id: String,
    pub service_id: String,
    pub authority_id: String,
    pub holder_person_id: Option<String>,
    pub holder_ward_id: Option<String>,
    pub holder_name: String,
    pub issued_on: String,
    pub expires_on: Option<String>,
    pub office_id: String,
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

pub(crate) const COLUMNS: &str = "id, number, case_id, service_id, authority_id, holder_person_id, \
     holder_ward_id, holder_name, issued_on, expires_on, office_id, received_by_kind, \
     received_by_name, receiver_document, attorney_number, attorney_date, signature_name, \
     handed_over_by, handed_over_at";

pub(crate) fn record(row: &AnyRow) -> Result<IssuedDocument, sqlx::Error> {
    Ok(IssuedDocument {
        id: row.try_get("id")?,
        number: row.try_get("number")?,
        case_id: row.try_get("case_id")?,
        service_id: row.try_get("service_id")?,
        authority_id: row.try_get("authority_id")?,
        holder_person_id: row.try_get("holder_person_id")?,
        holder_ward_id: row.try_get("holder_ward_id")?,
        holder_name: row.try_get("holder_name")?,
        issued_on: row.try_get("issued_on")?,
        expires_on: row.try_get("expires_on")?,
        office_id: row.try_get("office_id")?,
        received_by_kind: row.try_get("received_by_kind")?,
        received_by_name: row.try_get("received_by_name")?,
        receiver_document: row.try_get("receiver_document")?,
        attorney_number: row.try_get("attorney_number")?,
        attorney_date: row.try_get("attorney_date")?,
        signature_name: row.try_get("signature_name")?,
        handed_over_by: row.try_get("handed_over_by")?,
        handed_over_at: row.try_get("handed_over_at")?,
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

pub async fn insert(conn: &mut Connection, d: &IssuedDocument) -> Result<(), StorageError> {
    sqlx::query(&format!(
        "INSERT INTO issued_documents ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
         $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"
    ))
    .bind(&d.id)
    .bind(&d.number)
    .bind(&d.case_id)
    .bind(&d.service_id)
    .bind(&d.authority_id)
    .bind(d.holder_person_id.as_deref())
    .bind(d.holder_ward_id.as_deref())
    .bind(&d.holder_name)
    .bind(&d.issued_on)
    .bind(d.expires_on.as_deref())
    .bind(&d.office_id)
    .bind(&d.received_by_kind)
    .bind(&d.received_by_name)
    .bind(&d.receiver_document)
    .bind(d.attorney_number.as_deref())
    .bind(d.attorney_date.as_deref())
    .bind(&d.signature_name)
    .bind(&d.handed_over_by)
    .bind(d.handed_over_at)
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
