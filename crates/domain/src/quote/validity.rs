//! How long the issued document is valid (REFERENCE §1 and §5).

use super::{HolderFact, HolderFacts, QuoteError, Validity};
use crate::age::{add_months, birthday, completed_years};
use crate::catalogue::{HolderDocument, Service, Term, ValidityRule};
use jiff::civil::Date;

pub(super) fn valid_until(
    service: &Service,
    birth_date: Option<Date>,
    age_at_filing: Option<i16>,
    issued_on: Date,
    facts: &HolderFacts,
) -> Result<Validity, QuoteError> {
    let missing_birth = || QuoteError::BirthDateRequired {
        service: service.id.clone(),
    };
    match &service.validity {
        ValidityRule::None => Ok(Validity::NotApplicable),
        ValidityRule::Lifetime => Ok(Validity::Lifetime),
        ValidityRule::Fixed(term) => after(issued_on, *term),
        ValidityRule::ByAgeBand(bands) => {
            let age = age_at_filing.ok_or_else(missing_birth)?;
            let band = bands
                .iter()
                .find(|b| b.under_age.is_none_or(|u| age < u))
                .ok_or_else(missing_birth)?;
            after(issued_on, band.term)
        }
        ValidityRule::UntilBirthday {
            birthdays,
            lifetime_from_age,
        } => {
            let birth = birth_date.ok_or_else(missing_birth)?;
            let age = completed_years(birth, issued_on).ok_or_else(missing_birth)?;
            if lifetime_from_age.is_some_and(|from| age >= from) {
                return Ok(Validity::Lifetime);
            }
            let closing = birthdays
                .iter()
                .find(|&&b| age < b)
                .ok_or_else(missing_birth)?;
            birthday(birth, *closing)
                .map(Validity::Until)
                .ok_or(QuoteError::DateOutOfRange)
        }
        ValidityRule::GrantedStay { capped_by } => {
            let mut until = fact(facts, HolderFact::StayUntil, issued_on)?;
            for document in capped_by {
                until = until.min(fact(facts, document_fact(*document), issued_on)?);
            }
            Ok(Validity::Until(until))
        }
        ValidityRule::SameAsDocument(document) => {
            fact(facts, document_fact(*document), issued_on).map(Validity::Until)
        }
    }
}

/// The facts about the holder's other documents the rule needs, in the
/// order a form asks them.
pub fn facts_needed(rule: &ValidityRule) -> Vec<HolderFact> {
    match rule {
        ValidityRule::GrantedStay { capped_by } => std::iter::once(HolderFact::StayUntil)
            .chain(capped_by.iter().map(|d| document_fact(*d)))
            .collect(),
        ValidityRule::SameAsDocument(document) => vec![document_fact(*document)],
        _ => Vec::new(),
    }
}

fn after(issued_on: Date, term: Term) -> Result<Validity, QuoteError> {
    add_months(issued_on, term.total_months())
        .map(Validity::Until)
        .ok_or(QuoteError::DateOutOfRange)
}

fn document_fact(document: HolderDocument) -> HolderFact {
    match document {
        HolderDocument::Passport => HolderFact::PassportExpires,
        HolderDocument::IdDocument => HolderFact::IdDocumentExpires,
    }
}

/// A fact the rule needs, which must run past the issue date.
fn fact(facts: &HolderFacts, which: HolderFact, issued_on: Date) -> Result<Date, QuoteError> {
    let value = match which {
        HolderFact::StayUntil => facts.stay_until,
        HolderFact::PassportExpires => facts.passport_expires,
        HolderFact::IdDocumentExpires => facts.id_document_expires,
    };
    let date = value.ok_or(QuoteError::MissingFact { fact: which })?;
    if date <= issued_on {
        return Err(QuoteError::FactNotAfterIssue {
            fact: which,
            date,
            issued_on,
        });
    }
    Ok(date)
}
