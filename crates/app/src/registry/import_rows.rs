//! Reading an import file: the header, then every row checked on its own
//! (columns, document type, dates, personal id, office, standing, numbers
//! unique within the file), each problem with its line and column.

use super::import::ImportProblem;
use crate::state::App;
use ghiseu_domain::catalogue::Authority;
use ghiseu_domain::national_id::NationalId;
use ghiseu_domain::registry::Standing;
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

/// A row that passed every check of its own.
pub(super) struct Row {
    pub line: u64,
    pub number: String,
    pub document_type: String,
    pub national_id: NationalId,
    pub holder_name: String,
    pub issued_on: String,
    pub expires_on: Option<String>,
    pub eid_expires_on: Option<String>,
    pub signature_expires_on: Option<String>,
    pub office_id: String,
    pub standing: Standing,
    pub standing_since: Option<String>,
}

pub(super) struct Problems(pub Vec<ImportProblem>);

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
    pub fn add(&mut self, line: u64, column: Option<&str>, what: String, fix: &str) {
        self.0.push(ImportProblem {
            line,
            column: column.map(str::to_string),
            what,
            fix: fix.to_string(),
        });
    }
}

/// Reads and checks every row; the rows that passed.
pub(super) fn read(
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
    let dates = check_dates(today, chip, line, field, problems);
    let standing = check_place(authority, line, field, problems);
    let office_id = field.get("office_id");
    if problems.0.len() > before {
        return None;
    }
    Some(Row {
        line,
        number: number.to_string(),
        document_type: document_type.to_string(),
        national_id: national_id.ok()?,
        holder_name: format!("{given} {family}"),
        issued_on: dates.issued?.to_string(),
        expires_on: dates.expires.flatten().map(|d| d.to_string()),
        eid_expires_on: dates.eid.flatten().map(|d| d.to_string()),
        signature_expires_on: dates.signature.flatten().map(|d| d.to_string()),
        office_id: office_id.to_string(),
        standing: standing?,
        standing_since: dates.since.flatten().map(|d| d.to_string()),
    })
}

/// The row's dates, each real, in order and not in the future.
struct Dates {
    issued: Option<Date>,
    expires: Option<Option<Date>>,
    eid: Option<Option<Date>>,
    signature: Option<Option<Date>>,
    since: Option<Option<Date>>,
}

fn check_dates(
    today: Date,
    chip: bool,
    line: u64,
    field: &Fields<'_>,
    problems: &mut Problems,
) -> Dates {
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
    Dates {
        issued,
        expires,
        eid,
        signature,
        since,
    }
}

/// The row's standing (None when refused) and office.
fn check_place(
    authority: &Authority,
    line: u64,
    field: &Fields<'_>,
    problems: &mut Problems,
) -> Option<Standing> {
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
    standing
}
