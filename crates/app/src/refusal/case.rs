//! Refusals about applications: starting a draft and sending it.

use super::RefusalKind;
use crate::cases::draft::DraftRefusal;
use ghiseu_i18n::{Arg, text_arg};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.code())]
pub enum CaseRefusal {
    /// No service has the id asked for.
    UnknownService,
    /// The service needs the person's identity confirmed more strongly.
    AssuranceTooLow,
    /// The holder is neither the person nor a child they act for.
    UnknownHolder,
    /// The service's documents are not for the holder's citizenship.
    NotForCitizenship,
    /// What the application still lacks, by problem code.
    Incomplete { missing: Vec<String> },
}

impl CaseRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            CaseRefusal::UnknownService => "unknown-service",
            CaseRefusal::AssuranceTooLow => "assurance-too-low",
            CaseRefusal::UnknownHolder => "unknown-holder",
            CaseRefusal::NotForCitizenship => "not-for-citizenship",
            CaseRefusal::Incomplete { .. } => "application-incomplete",
        }
    }

    pub fn kind(&self) -> RefusalKind {
        RefusalKind::Unprocessable
    }

    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            CaseRefusal::Incomplete { missing } => vec![("missing", text_arg(missing.join(", ")))],
            _ => Vec::new(),
        }
    }

    pub(super) const FIRST: CaseRefusal = CaseRefusal::UnknownService;

    pub(super) fn after(&self) -> Option<CaseRefusal> {
        match self {
            CaseRefusal::UnknownService => Some(CaseRefusal::AssuranceTooLow),
            CaseRefusal::AssuranceTooLow => Some(CaseRefusal::UnknownHolder),
            CaseRefusal::UnknownHolder => Some(CaseRefusal::NotForCitizenship),
            CaseRefusal::NotForCitizenship => Some(CaseRefusal::Incomplete {
                missing: vec!["no-name".into(), "document-missing".into()],
            }),
            CaseRefusal::Incomplete { .. } => None,
        }
    }
}

impl From<DraftRefusal> for CaseRefusal {
    fn from(refusal: DraftRefusal) -> Self {
        match refusal {
            DraftRefusal::Service => CaseRefusal::UnknownService,
            DraftRefusal::Assurance => CaseRefusal::AssuranceTooLow,
            DraftRefusal::Holder => CaseRefusal::UnknownHolder,
            DraftRefusal::Citizenship => CaseRefusal::NotForCitizenship,
        }
    }
}
