//! What an authority's registry holds: its document types, the reasons for
//! which it invalidates a document, and the defaults of its reminders.

use super::build::{Report, identifier};
use super::def::{ReasonDef, RegistryDef};
use super::model::Reason;
use super::text::LocalText;
use serde_spanned::Spanned;

/// A kind of document the authority issues or keeps in its register.
#[derive(Debug, Clone)]
pub struct DocumentType {
    pub id: String,
    pub name: LocalText,
    /// An identity card's chip carries an electronic identification and a
    /// qualified signature certificate, each with its own expiry.
    pub chip_certificates: bool,
}

/// The registry's rules of one authority.
#[derive(Debug, Clone)]
pub struct RegistryPolicy {
    pub document_types: Vec<DocumentType>,
    pub invalidation_reasons: Vec<Reason>,
    /// Days before an expiry a holder is told, unless they choose otherwise.
    pub reminder_days: Vec<u16>,
    /// Days a ready document waits at an office before its holder is
    /// reminded that it has not been collected.
    pub collection_days: u16,
}

impl Default for RegistryPolicy {
    fn default() -> Self {
        RegistryPolicy {
            document_types: Vec::new(),
            invalidation_reasons: Vec::new(),
            reminder_days: vec![90, 30, 7],
            collection_days: 30,
        }
    }
}

impl RegistryPolicy {
    pub fn document_type(&self, id: &str) -> Option<&DocumentType> {
        self.document_types.iter().find(|t| t.id == id)
    }

    pub fn invalidation_reason(&self, id: &str) -> Option<&Reason> {
        self.invalidation_reasons.iter().find(|r| r.id == id)
    }
}

/// Reads a list of reasons, each with an id of its own.
pub(super) fn reasons(
    report: &mut Report<'_>,
    defs: &[Spanned<ReasonDef>],
    what: &str,
) -> Vec<Reason> {
    let mut out: Vec<Reason> = Vec::new();
    for reason in defs {
        let r = reason.get_ref();
        identifier(report, r.id.span(), &format!("{what} id"), r.id.get_ref());
        if out.iter().any(|x| &x.id == r.id.get_ref()) {
            report.at(
                r.id.span(),
                format!("{what} \"{}\" is defined twice", r.id.get_ref()),
            );
        }
        report.text(r.name.span(), what, r.name.get_ref());
        out.push(Reason {
            id: r.id.get_ref().clone(),
            name: r.name.get_ref().clone(),
        });
    }
    out
}

pub(super) fn policy(
    report: &mut Report<'_>,
    def: Option<&Spanned<RegistryDef>>,
) -> RegistryPolicy {
    let Some(def) = def else {
        return RegistryPolicy::default();
    };
    let span = def.span();
    let def = def.get_ref();
    let mut document_types: Vec<DocumentType> = Vec::new();
    for t in &def.document_types {
        let t = t.get_ref();
        identifier(report, t.id.span(), "document type id", t.id.get_ref());
        if document_types.iter().any(|x| &x.id == t.id.get_ref()) {
            report.at(
                t.id.span(),
                format!("document type \"{}\" is defined twice", t.id.get_ref()),
            );
        }
        report.text(t.name.span(), "a document type", t.name.get_ref());
        document_types.push(DocumentType {
            id: t.id.get_ref().clone(),
            name: t.name.get_ref().clone(),
            chip_certificates: t.chip_certificates,
        });
    }
    let mut reminder_days: Vec<u16> = def
        .reminder_days
        .iter()
        .filter_map(|d| report.number(span.clone(), "reminder_days", *d, 1..=730))
        .collect();
    reminder_days.sort_unstable_by(|a, b| b.cmp(a));
    reminder_days.dedup();
    let collection_days = def
        .collection_days
        .and_then(|d| report.number(span.clone(), "collection_days", d, 1..=365))
        .unwrap_or(30);
    RegistryPolicy {
        document_types,
        invalidation_reasons: reasons(report, &def.invalidation_reasons, "invalidation reason"),
        reminder_days: if def.reminder_days.is_empty() {
            RegistryPolicy::default().reminder_days
        } else {
            reminder_days
        },
        collection_days,
    }
}
