//! Importing an authority's earlier register from CSV (the format is in
//! `docs/registry-import.md`): every row is checked first, and any refused
//! row means nothing is written; otherwise every new row is written in one
//! transaction, audited. Rows identical to what is registered are skipped,
//! so importing the same file again changes nothing.

use super::import_rows::{Problems, Row, read};
use crate::accounts::audit_event;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::catalogue::Authority;
use ghiseu_domain::registry::Source;
use ghiseu_storage::audit;
use ghiseu_storage::issued_documents::IssuedDocument;
use ghiseu_storage::registry::Registered;
use ghiseu_storage::registry_import::{self, NewRecord};

/// One thing wrong with the file, where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// The file's line (1 is the header).
    pub line: u64,
    /// The column, when the problem is one column's.
    pub column: Option<String>,
    pub what: String,
    pub fix: String,
}

/// What an import did, or why it did nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub imported: usize,
    /// Rows identical to a document already registered.
    pub already_registered: usize,
    /// Any problem means nothing was written.
    pub problems: Vec<ImportProblem>,
}

/// Imports the CSV in `input` into `authority_id`'s register.
pub async fn import(
    state: &App,
    authority_id: &str,
    input: impl std::io::Read,
) -> Result<ImportReport, AppError> {
    let Some(authority) = state.catalogue.authority(authority_id) else {
        return Err(AppError::BadRequest {
            detail: format!("there is no authority {authority_id:?} in the catalogue"),
        });
    };
    let mut problems = Problems(Vec::new());
    let rows = read(state, authority, input, &mut problems);
    let mut report = ImportReport {
        rows: rows.len(),
        ..ImportReport::default()
    };
    if !problems.0.is_empty() {
        report.problems = problems.0;
        return Ok(report);
    }
    let mut tx = state.db.begin_write().await?;
    let new = match compare(&mut tx, authority, &rows, &mut report).await? {
        Some(new) => new,
        None => {
            tx.rollback().await?;
            return Ok(report);
        }
    };
    registry_import::insert_many(&mut tx, &new).await?;
    report.imported = new.len();
    let mut event = audit_event(state, "registry.imported", None, None);
    event.detail = serde_json::json!({
        "authority": authority.id,
        "rows": report.rows,
        "imported": report.imported,
        "already_registered": report.already_registered,
    });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    state.check_cache.forget_all();
    Ok(report)
}

fn record(authority: &Authority, row: &Row, holders: &registry_import::Holders) -> NewRecord {
    let digits = row.national_id.expose();
    let holder_person_id = holders.persons.get(digits).cloned();
    let holder_ward_id = if holder_person_id.is_none() {
        holders.wards.get(digits).cloned()
    } else {
        None
    };
    NewRecord {
        document: IssuedDocument {
            id: uuid::Uuid::now_v7().to_string(),
            number: row.number.clone(),
            case_id: None,
            service_id: None,
            document_type: Some(row.document_type.clone()),
            authority_id: authority.id.clone(),
            holder_person_id,
            holder_ward_id,
            holder_name: row.holder_name.clone(),
            holder_id_digest: Some(row.national_id.digest()),
            issued_on: row.issued_on.clone(),
            expires_on: row.expires_on.clone(),
            eid_expires_on: row.eid_expires_on.clone(),
            signature_expires_on: row.signature_expires_on.clone(),
            validity_facts: None,
            office_id: row.office_id.clone(),
            source: Source::Import,
            handover: None,
        },
        standing: row.standing,
        standing_since: row.standing_since.clone(),
    }
}

/// Whether the registered document says what the row says.
fn same(r: &Registered, new: &NewRecord) -> bool {
    let (a, b) = (&r.document, &new.document);
    a.authority_id == b.authority_id
        && a.document_type == b.document_type
        && a.holder_id_digest == b.holder_id_digest
        && a.holder_name == b.holder_name
        && a.issued_on == b.issued_on
        && a.expires_on == b.expires_on
        && a.eid_expires_on == b.eid_expires_on
        && a.signature_expires_on == b.signature_expires_on
        && a.office_id == b.office_id
        && r.standing == new.standing
        && r.standing_since == new.standing_since
}

/// The rows to write, leaving out those registered already as they are;
/// None (with the problems in `report`) when a number is registered with
/// different data.
async fn compare(
    tx: &mut ghiseu_storage::Connection,
    authority: &Authority,
    rows: &[Row],
    report: &mut ImportReport,
) -> Result<Option<Vec<NewRecord>>, AppError> {
    let numbers: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
    let existing = registry_import::registered_numbers(tx, &numbers).await?;
    let ids: Vec<&str> = rows.iter().map(|r| r.national_id.expose()).collect();
    let holders = registry_import::holders(tx, authority.country.code(), &ids).await?;
    let mut new = Vec::new();
    let mut problems = Problems(Vec::new());
    for row in rows {
        let candidate = record(authority, row, &holders);
        match existing.get(&row.number) {
            Some(registered) if same(registered, &candidate) => report.already_registered += 1,
            Some(_) => problems.add(
                row.line,
                Some("number"),
                format!(
                    "the number {} is registered already with different data",
                    row.number
                ),
                "Check the row against the registered document; correct the row, or leave it out.",
            ),
            None => new.push(candidate),
        }
    }
    if problems.0.is_empty() {
        Ok(Some(new))
    } else {
        report.problems = problems.0;
        Ok(None)
    }
}
