//! Importing an authority's earlier register from CSV (the format is in
//! `docs/registry-import.md`): every row is checked first, and any refused
//! row means nothing is written; otherwise every new row is written in one
//! transaction, audited. Rows identical to what is registered are skipped,
//! so importing the same file again changes nothing.

use crate::accounts::audit_event;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::catalogue::Authority;
use ghiseu_domain::national_id::NationalId;
use ghiseu_domain::registry::{Source, Standing};
use ghiseu_storage::audit;
use ghiseu_storage::issued_documents::IssuedDocument;
use ghiseu_storage::registry::Registered;
use ghiseu_storage::registry_import::{self, NewRecord};
use jiff::civil::Date;
use std::collections::HashMap;

const REQUIRED: [&str; 8] = [
    "number",
    "document_type",
    "holder_personal_id",
    "holder_given_name",
    "holder_family_name",
    "issued_on",
    "eid_expires_on",
    "office_id",
];
const OPTIONAL: [&str; 4] = [
    "expires_on",
    "signature_expires_on",
    "standing",
    "standing_since",
];

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

/// A row that passed every check of its own.
struct Row {
    line: u64,
    number: String,
    document_type: String,
    national_id: NationalId,
    holder_name: String,
    issued_on: String,
    expires_on: Option<String>,
    eid_expires_on: Option<String>,
    signature_expires_on: Option<String>,
    office_id: String,
    standing: Standing,
    standing_since: Option<String>,
}

struct Problems(Vec<ImportProblem>);

/// One record's fields by the header's names.
struct Fields<'a> {
    header: &'a [String],
    record: &'a csv::StringRecord,
}

impl<'a> Fields<'a> {
    fn get(&self, name: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
    }
}

impl Problems {
    fn add(&mut self, line: u64, column: Option<&str>, what: String, fix: &str) {
        self.0.push(ImportProblem {
            line,
            column: column.map(str::to_string),
            what,
            fix: fix.to_string(),
        });
    }
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
    Ok(report)
}

/// Reads and checks every row; the rows that passed.
fn read(
    state: &App,
    authority: &Authority,
    input: impl std::io::Read,
    problems: &mut Problems,
) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(input);
    let header = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect::<Vec<_>>(),
        Err(e) => {
            problems.add(
                1,
                None,
                format!("the header cannot be read: {e}"),
                "Save the file as UTF-8 CSV with a header row.",
            );
            return Vec::new();
        }
    };
    for column in REQUIRED {
        if !header.iter().any(|h| h == column) {
            problems.add(
                1,
                Some(column),
                "this column is missing from the header".into(),
                "Add the column; docs/registry-import.md lists them.",
            );
        }
    }
    for column in &header {
        if !REQUIRED.contains(&column.as_str()) && !OPTIONAL.contains(&column.as_str()) {
            problems.add(
                1,
                Some(column),
                "this column is not one the import knows".into(),
                "Rename or remove it; docs/registry-import.md lists the columns.",
            );
        }
    }
    if !problems.0.is_empty() {
        return Vec::new();
    }
    let today = state.clock.today(authority);
    let mut rows = Vec::new();
    let mut numbers: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                problems.add(
                    line,
                    None,
                    format!("the row cannot be read: {e}"),
                    "Give every row as many fields as the header has.",
                );
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let field = Fields {
            header: &header,
            record: &record,
        };
        if let Some(row) = check_row(authority, today, line, &field, problems) {
            if let Some(first) = numbers.insert(row.number.clone(), line) {
                problems.add(
                    line,
                    Some("number"),
                    format!("the number {} is also on line {first}", row.number),
                    "Give each document once; remove or correct one of the two rows.",
                );
            }
            rows.push(row);
        }
    }
    rows
}

fn date(line: u64, column: &str, value: &str, problems: &mut Problems) -> Option<Option<Date>> {
    if value.is_empty() {
        return Some(None);
    }
    match value.parse::<Date>() {
        Ok(d) if value.len() == 10 => Some(Some(d)),
        _ => {
            problems.add(
                line,
                Some(column),
                format!("{value:?} is not a real date"),
                "Write it YYYY-MM-DD, a day that exists (2031-02-28, not 2031-02-30).",
            );
            None
        }
    }
}

/// Checks one row on its own; None (with its problems noted) when refused.
fn check_row(
    authority: &Authority,
    today: Date,
    line: u64,
    field: &Fields<'_>,
    problems: &mut Problems,
) -> Option<Row> {
    let before = problems.0.len();
    let number = field.get("number");
    if number.is_empty() || number.len() > 40 {
        problems.add(
            line,
            Some("number"),
            "the document number is missing or too long".into(),
            "Give the number as printed on the document (at most 40 characters).",
        );
    }
    let document_type = field.get("document_type");
    let chip = match authority.registry.document_type(document_type) {
        Some(t) => t.chip_certificates,
        None => {
            let known: Vec<&str> = authority
                .registry
                .document_types
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            problems.add(
                line,
                Some("document_type"),
                format!(
                    "{document_type:?} is not a document type of {}",
                    authority.id
                ),
                &format!("Use one of: {}.", known.join(", ")),
            );
            false
        }
    };
    let national_id = NationalId::parse(authority.country, field.get("holder_personal_id"));
    if let Err(e) = &national_id {
        problems.add(
            line,
            Some("holder_personal_id"),
            format!(
                "not a valid personal id of {}: {e}",
                authority.country.code()
            ),
            "Copy the holder's personal id again from the earlier register.",
        );
    }
    let (given, family) = (
        field.get("holder_given_name"),
        field.get("holder_family_name"),
    );
    for (column, value) in [("holder_given_name", given), ("holder_family_name", family)] {
        if value.is_empty() || value.chars().count() > 100 {
            problems.add(
                line,
                Some(column),
                "the name is missing or too long".into(),
                "Give the holder's name as on the document (at most 100 characters).",
            );
        }
    }
    let issued = date(line, "issued_on", field.get("issued_on"), problems);
    let expires = date(line, "expires_on", field.get("expires_on"), problems);
    let eid = date(
        line,
        "eid_expires_on",
        field.get("eid_expires_on"),
        problems,
    );
    let signature = date(
        line,
        "signature_expires_on",
        field.get("signature_expires_on"),
        problems,
    );
    let since = date(
        line,
        "standing_since",
        field.get("standing_since"),
        problems,
    );
    let issued = match issued {
        Some(Some(d)) => Some(d),
        Some(None) => {
            problems.add(
                line,
                Some("issued_on"),
                "the issue date is missing".into(),
                "Give the day the document was issued, YYYY-MM-DD.",
            );
            None
        }
        None => None,
    };
    if let Some(issued) = issued {
        if issued > today {
            problems.add(
                line,
                Some("issued_on"),
                format!("{issued} is after today ({today})"),
                "A document in the register was issued already; check the date.",
            );
        }
        for (column, later) in [
            ("expires_on", expires),
            ("eid_expires_on", eid),
            ("signature_expires_on", signature),
        ] {
            if let Some(Some(d)) = later
                && d <= issued
            {
                problems.add(
                    line,
                    Some(column),
                    format!("{d} is not after the issue date {issued}"),
                    "An expiry comes after the issue date; check both dates.",
                );
            }
        }
        if let Some(Some(d)) = since
            && (d < issued || d > today)
        {
            problems.add(
                line,
                Some("standing_since"),
                format!("{d} is not between the issue date and today"),
                "Give the day the standing was recorded, or leave it empty.",
            );
        }
    }
    if !chip && (matches!(eid, Some(Some(_))) || matches!(signature, Some(Some(_)))) {
        problems.add(
            line,
            Some("eid_expires_on"),
            "this document type has no chip certificates".into(),
            "Leave eid_expires_on and signature_expires_on empty for it.",
        );
    }
    let standing_text = field.get("standing");
    let standing = if standing_text.is_empty() {
        Some(Standing::Valid)
    } else {
        Standing::parse(standing_text).filter(|s| *s != Standing::AwaitingCollection)
    };
    if standing.is_none() {
        problems.add(line, Some("standing"), format!("{standing_text:?} is not a standing"), "Use valid, reported-lost, reported-stolen, invalidated, replaced or not-collected, or leave it empty for valid.");
    }
    let office_id = field.get("office_id");
    if !authority.offices.iter().any(|o| o.id == office_id) {
        problems.add(
            line,
            Some("office_id"),
            format!("{office_id:?} is not an office of {}", authority.id),
            "Use the id of one of the authority's offices in the catalogue.",
        );
    }
    if problems.0.len() > before {
        return None;
    }
    Some(Row {
        line,
        number: number.to_string(),
        document_type: document_type.to_string(),
        national_id: national_id.ok()?,
        holder_name: format!("{given} {family}"),
        issued_on: issued?.to_string(),
        expires_on: expires.flatten().map(|d| d.to_string()),
        eid_expires_on: eid.flatten().map(|d| d.to_string()),
        signature_expires_on: signature.flatten().map(|d| d.to_string()),
        office_id: office_id.to_string(),
        standing: standing?,
        standing_since: since.flatten().map(|d| d.to_string()),
    })
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
