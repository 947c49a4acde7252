//! Why a quote cannot be given, in words a person can act on.

use jiff::civil::Date;
use std::fmt;

/// A date about the holder's other documents that a rule may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolderFact {
    StayUntil,
    PassportExpires,
    IdDocumentExpires,
}

impl HolderFact {
    /// The request field (and, with '-' for '_', the CLI flag) that carries it.
    pub fn field(self) -> &'static str {
        match self {
            HolderFact::StayUntil => "stay_until",
            HolderFact::PassportExpires => "passport_expires",
            HolderFact::IdDocumentExpires => "id_document_expires",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            HolderFact::StayUntil => "the last day of the granted right of stay",
            HolderFact::PassportExpires => {
                "the expiry date of the holder's passport or travel document"
            }
            HolderFact::IdDocumentExpires => {
                "the expiry date of the holder's national identity document"
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuoteError {
    #[error("There is no service \"{id}\". See the list of services for the right id.")]
    UnknownService { id: String },
    #[error("The service {service} does not offer the urgency \"{requested}\". It offers: {}.", offered.join(", "))]
    UrgencyNotOffered {
        service: String,
        requested: String,
        offered: Vec<String>,
    },
    #[error("{}", unknown_reduction(service, requested, defined))]
    UnknownReduction {
        service: String,
        requested: String,
        defined: Vec<String>,
    },
    #[error("The reduction \"{reduction}\" does not apply with urgency {urgency}; it applies with: {}.", urgencies.join(", "))]
    ReductionNotForUrgency {
        reduction: String,
        urgency: String,
        urgencies: Vec<String>,
    },
    #[error(
        "The reduction \"{reduction}\" reduces a fee that another chosen reduction already reduces: choose one of them."
    )]
    ReductionsOverlap { reduction: String },
    #[error(
        "The fee or validity of {service} depends on the holder's age: give the holder's birth date."
    )]
    BirthDateRequired { service: String },
    #[error("The birth date {birth_date} is after the filing date {filed_on}: check both dates.")]
    BirthDateAfterFiling { birth_date: Date, filed_on: Date },
    #[error("The birth date {birth_date} would make the holder older than 130: check the year.")]
    ImplausibleBirthDate { birth_date: Date },
    #[error(
        "The issue date {issued_on} is before the filing date {filed_on}: a document is issued on or after filing."
    )]
    IssueBeforeFiling { issued_on: Date, filed_on: Date },
    #[error("This service's validity depends on {}: give it as {}.", fact.describe(), fact.field())]
    MissingFact { fact: HolderFact },
    #[error("{} is {date}, not after the issue date {issued_on}: the document could not be issued. Check the date.", capitalise(fact.describe()))]
    FactNotAfterIssue {
        fact: HolderFact,
        date: Date,
        issued_on: Date,
    },
    #[error("The dates given lead outside the calendar Ghiseu can compute: check the years.")]
    DateOutOfRange,
}

fn unknown_reduction(service: &str, requested: &str, defined: &[String]) -> String {
    if defined.is_empty() {
        format!(
            "The service {service} has no fee reductions, so \"{requested}\" cannot be applied."
        )
    } else {
        format!(
            "The service {service} has no reduction \"{requested}\". Its reductions are: {}.",
            defined.join(", ")
        )
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

impl QuoteError {
    /// A stable machine-readable code, used as the problem type and i18n key.
    pub fn code(&self) -> &'static str {
        match self {
            QuoteError::UnknownService { .. } => "unknown-service",
            QuoteError::UrgencyNotOffered { .. } => "urgency-not-offered",
            QuoteError::UnknownReduction { .. } => "unknown-reduction",
            QuoteError::ReductionNotForUrgency { .. } => "reduction-not-for-urgency",
            QuoteError::ReductionsOverlap { .. } => "reductions-overlap",
            QuoteError::BirthDateRequired { .. } => "birth-date-required",
            QuoteError::BirthDateAfterFiling { .. } => "birth-date-after-filing",
            QuoteError::ImplausibleBirthDate { .. } => "implausible-birth-date",
            QuoteError::IssueBeforeFiling { .. } => "issue-before-filing",
            QuoteError::MissingFact { .. } => "missing-fact",
            QuoteError::FactNotAfterIssue { .. } => "fact-not-after-issue",
            QuoteError::DateOutOfRange => "date-out-of-range",
        }
    }

    /// The request field the person should correct.
    pub fn field(&self) -> &'static str {
        match self {
            QuoteError::UnknownService { .. } => "service",
            QuoteError::UrgencyNotOffered { .. } => "urgency",
            QuoteError::UnknownReduction { .. }
            | QuoteError::ReductionNotForUrgency { .. }
            | QuoteError::ReductionsOverlap { .. } => "reductions",
            QuoteError::BirthDateRequired { .. }
            | QuoteError::BirthDateAfterFiling { .. }
            | QuoteError::ImplausibleBirthDate { .. }
            | QuoteError::DateOutOfRange => "birth_date",
            QuoteError::IssueBeforeFiling { .. } => "issued_on",
            QuoteError::MissingFact { fact } | QuoteError::FactNotAfterIssue { fact, .. } => {
                fact.field()
            }
        }
    }

    /// Whether the thing asked for does not exist (404) rather than the input being wrong (422).
    pub fn is_not_found(&self) -> bool {
        matches!(self, QuoteError::UnknownService { .. })
    }

    /// Named values for translated messages.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let list = |v: &[String]| v.join(", ");
        match self {
            QuoteError::UnknownService { id } => vec![("id", id.clone())],
            QuoteError::UrgencyNotOffered {
                service,
                requested,
                offered,
            } => vec![
                ("service", service.clone()),
                ("requested", requested.clone()),
                ("offered", list(offered)),
            ],
            QuoteError::UnknownReduction {
                service,
                requested,
                defined,
            } => vec![
                ("service", service.clone()),
                ("requested", requested.clone()),
                (
                    "defined",
                    if defined.is_empty() {
                        "-".into()
                    } else {
                        list(defined)
                    },
                ),
            ],
            QuoteError::ReductionNotForUrgency {
                reduction,
                urgency,
                urgencies,
            } => vec![
                ("reduction", reduction.clone()),
                ("urgency", urgency.clone()),
                ("urgencies", list(urgencies)),
            ],
            QuoteError::ReductionsOverlap { reduction } => vec![("reduction", reduction.clone())],
            QuoteError::BirthDateRequired { service } => vec![("service", service.clone())],
            QuoteError::BirthDateAfterFiling {
                birth_date,
                filed_on,
            } => {
                vec![
                    ("birth_date", birth_date.to_string()),
                    ("filed_on", filed_on.to_string()),
                ]
            }
            QuoteError::ImplausibleBirthDate { birth_date } => {
                vec![("birth_date", birth_date.to_string())]
            }
            QuoteError::IssueBeforeFiling {
                issued_on,
                filed_on,
            } => {
                vec![
                    ("issued_on", issued_on.to_string()),
                    ("filed_on", filed_on.to_string()),
                ]
            }
            QuoteError::MissingFact { fact } => vec![("fact", fact.field().to_string())],
            QuoteError::FactNotAfterIssue {
                fact,
                date,
                issued_on,
            } => vec![
                ("fact", fact.field().to_string()),
                ("date", date.to_string()),
                ("issued_on", issued_on.to_string()),
            ],
            QuoteError::DateOutOfRange => vec![],
        }
    }
}

impl fmt::Display for HolderFact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.field())
    }
}
