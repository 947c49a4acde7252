//! The quote: what a service costs, when it will be ready and how long the
//! document will be valid, for one holder filing on one day.

mod error;
mod input;
mod validity;

pub use error::{HolderFact, QuoteError};
pub use input::{FieldError, QuoteInput, parse_date};
pub use validity::facts_needed;

use crate::age::completed_years;
use crate::catalogue::{Authority, Catalogue, LocalText, ProcessingTerm, Service};
use crate::money::Currency;
use jiff::civil::Date;

/// Dates of the holder's other documents that some validity rules need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HolderFacts {
    pub passport_expires: Option<Date>,
    pub stay_until: Option<Date>,
    pub id_document_expires: Option<Date>,
}

#[derive(Debug, Clone, Default)]
pub struct QuoteRequest {
    pub service: String,
    pub birth_date: Option<Date>,
    pub filed_on: Option<Date>,
    /// An urgency id of the service; `None` or "standard" for its default.
    pub urgency: Option<String>,
    pub reductions: Vec<String>,
    pub issued_on: Option<Date>,
    pub facts: HolderFacts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteLine {
    pub code: String,
    pub label: LocalText,
    pub amount_minor: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    Until(Date),
    Lifetime,
    /// The service issues nothing that expires (a certificate, a request).
    NotApplicable,
}

impl Validity {
    pub fn until(self) -> Option<Date> {
        match self {
            Validity::Until(d) => Some(d),
            _ => None,
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Validity::Until(_) => "dated",
            Validity::Lifetime => "lifetime",
            Validity::NotApplicable => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub service: String,
    pub currency: Currency,
    pub urgency: String,
    pub lines: Vec<QuoteLine>,
    pub total_minor: i64,
    pub filed_on: Date,
    pub processing_deadline: Option<Date>,
    pub issued_on: Date,
    pub validity: Validity,
}

/// The processing deadline for a filing on `filed_on` (see REFERENCE §5).
pub fn processing_deadline(
    authority: &Authority,
    term: ProcessingTerm,
    filed_on: Date,
) -> Option<Date> {
    let calendar = &authority.calendar;
    match term {
        ProcessingTerm::None => None,
        ProcessingTerm::SameDay => Some(calendar.same_day(filed_on)),
        ProcessingTerm::WorkingDays(n) => Some(calendar.nth_working_day_after(filed_on, n)),
        ProcessingTerm::CalendarDays(n) => Some(calendar.nth_calendar_day_after(filed_on, n)),
    }
}

/// Prices a request against the catalogue. `today` is the current date in the
/// authority's time zone, used when the request names no filing date.
pub fn quote(
    catalogue: &Catalogue,
    request: &QuoteRequest,
    today: impl FnOnce(&Authority) -> Date,
) -> Result<Quote, QuoteError> {
    let priced = price(catalogue, request, today)?;
    let Some((_, service)) = catalogue.service(&request.service) else {
        return Err(QuoteError::UnknownService {
            id: request.service.clone(),
        });
    };
    let issued_on = request
        .issued_on
        .or(priced.processing_deadline)
        .unwrap_or(priced.filed_on);
    if issued_on < priced.filed_on {
        return Err(QuoteError::IssueBeforeFiling {
            issued_on,
            filed_on: priced.filed_on,
        });
    }
    let validity = validity::valid_until(
        service,
        request.birth_date,
        priced.age_at_filing,
        issued_on,
        &request.facts,
    )?;
    Ok(Quote {
        service: service.id.clone(),
        currency: priced.currency,
        urgency: priced.urgency,
        total_minor: priced.total_minor,
        lines: priced.lines,
        filed_on: priced.filed_on,
        processing_deadline: priced.processing_deadline,
        issued_on,
        validity,
    })
}

/// The fee and the processing deadline, without the validity of what is
/// issued (which may need facts known only later).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priced {
    pub currency: Currency,
    pub urgency: String,
    pub lines: Vec<QuoteLine>,
    pub total_minor: i64,
    pub filed_on: Date,
    pub age_at_filing: Option<i16>,
    pub processing_deadline: Option<Date>,
}

/// Prices a request: the fee lines for the holder's age on the filing date,
/// less the reductions claimed, and the processing deadline.
pub fn price(
    catalogue: &Catalogue,
    request: &QuoteRequest,
    today: impl FnOnce(&Authority) -> Date,
) -> Result<Priced, QuoteError> {
    let (authority, service) =
        catalogue
            .service(&request.service)
            .ok_or_else(|| QuoteError::UnknownService {
                id: request.service.clone(),
            })?;
    let filed_on = request.filed_on.unwrap_or_else(|| today(authority));
    let age_at_filing = age_on(request.birth_date, filed_on)?;
    if age_at_filing.is_none() && service.needs_birth_date() {
        return Err(QuoteError::BirthDateRequired {
            service: service.id.clone(),
        });
    }

    let urgency_id = request.urgency.as_deref().unwrap_or("standard");
    let urgency = service
        .urgency(urgency_id)
        .ok_or_else(|| QuoteError::UrgencyNotOffered {
            service: service.id.clone(),
            requested: urgency_id.to_string(),
            offered: offered_urgencies(service),
        })?;

    let mut lines = Vec::with_capacity(urgency.fees.len() + request.reductions.len());
    for fee in &urgency.fees {
        let amount_minor =
            fee.amount_for(age_at_filing)
                .ok_or_else(|| QuoteError::BirthDateRequired {
                    service: service.id.clone(),
                })?;
        lines.push(QuoteLine {
            code: fee.code.clone(),
            label: fee.label.clone(),
            amount_minor,
        });
    }
    apply_reductions(service, &urgency.id, &request.reductions, &mut lines)?;
    Ok(Priced {
        currency: authority.currency,
        urgency: urgency.id.clone(),
        total_minor: lines.iter().map(|l| l.amount_minor).sum(),
        lines,
        filed_on,
        age_at_filing,
        processing_deadline: processing_deadline(authority, urgency.processing, filed_on),
    })
}

fn age_on(birth_date: Option<Date>, on: Date) -> Result<Option<i16>, QuoteError> {
    let Some(birth_date) = birth_date else {
        return Ok(None);
    };
    let age = completed_years(birth_date, on).ok_or(QuoteError::BirthDateAfterFiling {
        birth_date,
        filed_on: on,
    })?;
    if age > 130 {
        return Err(QuoteError::ImplausibleBirthDate { birth_date });
    }
    Ok(Some(age))
}

/// The urgencies of a service as a person would name them, default first.
pub fn offered_urgencies(service: &Service) -> Vec<String> {
    let mut ids: Vec<String> = service
        .urgencies
        .iter()
        .filter(|u| u.default)
        .map(|u| u.id.clone())
        .collect();
    ids.extend(
        service
            .urgencies
            .iter()
            .filter(|u| !u.default)
            .map(|u| u.id.clone()),
    );
    ids
}

fn apply_reductions(
    service: &Service,
    urgency: &str,
    requested: &[String],
    lines: &mut Vec<QuoteLine>,
) -> Result<(), QuoteError> {
    let mut reduced_lines: Vec<&str> = Vec::new();
    for name in requested {
        let reduction = service
            .reduction(name)
            .ok_or_else(|| QuoteError::UnknownReduction {
                service: service.id.clone(),
                requested: name.clone(),
                defined: service.reductions.iter().map(|r| r.id.clone()).collect(),
            })?;
        let apply = reduction
            .applies
            .iter()
            .find(|a| a.urgency == urgency)
            .ok_or_else(|| QuoteError::ReductionNotForUrgency {
                reduction: reduction.id.clone(),
                urgency: urgency.to_string(),
                urgencies: reduction
                    .applies
                    .iter()
                    .map(|a| a.urgency.clone())
                    .collect(),
            })?;
        if reduced_lines.contains(&apply.line.as_str()) {
            return Err(QuoteError::ReductionsOverlap {
                reduction: reduction.id.clone(),
            });
        }
        reduced_lines.push(&apply.line);
        let full = lines
            .iter()
            .find(|l| l.code == apply.line)
            .map_or(0, |l| l.amount_minor);
        lines.push(QuoteLine {
            code: format!("reduction.{}", reduction.id),
            label: reduction.name.clone(),
            amount_minor: apply.minor.min(full) - full,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
