//! Refusals about issued documents: reporting one lost or stolen, and the
//! authority's changes to one.

use super::RefusalKind;
use ghiseu_domain::registry::Standing;
use ghiseu_i18n::{Arg, text_arg};
use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.code())]
pub enum DocumentRefusal {
    /// No document with this number is the person's or their child's (the
    /// same answer whether it does not exist or is someone else's).
    NotFound,
    /// It is already no longer in force, since that day.
    NotInForce { standing: Standing, since: String },
    /// It expired on that day, so there is nothing to report.
    Expired { on: Date },
    /// No document with this number in the registry of the member of
    /// staff's authority (the same whether unknown or another authority's).
    NotInRegistry,
    /// The reason is not in the authority's list of invalidation reasons.
    UnknownReason,
}

impl DocumentRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            DocumentRefusal::NotFound => "document-not-found",
            DocumentRefusal::NotInForce { .. } => "document-not-in-force",
            DocumentRefusal::Expired { .. } => "document-expired",
            DocumentRefusal::NotInRegistry => "document-not-in-registry",
            DocumentRefusal::UnknownReason => "document-unknown-reason",
        }
    }

    pub fn kind(&self) -> RefusalKind {
        match self {
            DocumentRefusal::NotFound => RefusalKind::NotFound,
            DocumentRefusal::NotInForce { .. } => RefusalKind::Taken,
            DocumentRefusal::Expired { .. } => RefusalKind::Unprocessable,
            DocumentRefusal::NotInRegistry => RefusalKind::NotFound,
            DocumentRefusal::UnknownReason => RefusalKind::Unprocessable,
        }
    }

    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            DocumentRefusal::NotFound
            | DocumentRefusal::NotInRegistry
            | DocumentRefusal::UnknownReason => Vec::new(),
            DocumentRefusal::NotInForce { standing, since } => vec![
                ("standing", text_arg(standing.code())),
                ("since", text_arg(since.as_str())),
            ],
            DocumentRefusal::Expired { on } => vec![("on", text_arg(on.to_string()))],
        }
    }

    pub(super) const FIRST: DocumentRefusal = DocumentRefusal::NotFound;

    pub(super) fn after(&self) -> Option<DocumentRefusal> {
        match self {
            DocumentRefusal::NotFound => Some(DocumentRefusal::NotInForce {
                standing: Standing::ReportedLost,
                since: "2026-12-05".into(),
            }),
            DocumentRefusal::NotInForce { .. } => Some(DocumentRefusal::Expired {
                on: jiff::civil::date(2026, 12, 4),
            }),
            DocumentRefusal::Expired { .. } => Some(DocumentRefusal::NotInRegistry),
            DocumentRefusal::NotInRegistry => Some(DocumentRefusal::UnknownReason),
            DocumentRefusal::UnknownReason => None,
        }
    }
}
