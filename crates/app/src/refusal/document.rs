//! Refusals about issued documents: reporting one lost or stolen, the
//! authority's changes to one, and the public check's limits.

use super::RefusalKind;
use ghiseu_domain::registry::Standing;
use ghiseu_i18n::{Arg, number_arg, text_arg};
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
    /// Too many public checks from this address, or too many wrong ones of
    /// this number: ask again after `retry_after` seconds.
    TooManyChecks { retry_after: u64 },
}

impl DocumentRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            DocumentRefusal::NotFound => "document-not-found",
            DocumentRefusal::NotInForce { .. } => "document-not-in-force",
            DocumentRefusal::Expired { .. } => "document-expired",
            DocumentRefusal::NotInRegistry => "document-not-in-registry",
            DocumentRefusal::UnknownReason => "document-unknown-reason",
            DocumentRefusal::TooManyChecks { .. } => "too-many-checks",
        }
    }

    pub fn kind(&self) -> RefusalKind {
        match self {
            DocumentRefusal::NotFound => RefusalKind::NotFound,
            DocumentRefusal::NotInForce { .. } => RefusalKind::Taken,
            DocumentRefusal::Expired { .. } => RefusalKind::Unprocessable,
            DocumentRefusal::NotInRegistry => RefusalKind::NotFound,
            DocumentRefusal::UnknownReason => RefusalKind::Unprocessable,
            DocumentRefusal::TooManyChecks { .. } => RefusalKind::TooMany,
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
            DocumentRefusal::TooManyChecks { retry_after } => {
                vec![(
                    "minutes",
                    number_arg(i64::try_from(retry_after.div_ceil(60)).unwrap_or(i64::MAX)),
                )]
            }
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
            DocumentRefusal::UnknownReason => {
                Some(DocumentRefusal::TooManyChecks { retry_after: 900 })
            }
            DocumentRefusal::TooManyChecks { .. } => None,
        }
    }
}
