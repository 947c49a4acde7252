//! The issued document's facts at handover: its number, its expiry by the
//! catalogue's validity rule, and the receiver's document as kept.

use super::Staff;
use crate::cases::moves::{CaseAt, Mover, Refused, move_case, state_of};
use crate::error::AppError;
use crate::registry::issue::{FactNeeded, NewDocument, issue};
use crate::state::App;
use ghiseu_domain::case::{Actor, CaseAction, transition};
use ghiseu_domain::catalogue::Authority;
use ghiseu_domain::quote::{HolderFact, HolderFacts, parse_date};
use ghiseu_domain::registry::Source;
use ghiseu_storage::audit;
use ghiseu_storage::cases::CaseRecord;
use ghiseu_storage::issued_documents::HandoverRecord;

/// Who may receive a document: the holder, a legal representative, or a
/// representative empowered by a power of attorney.
pub const RECEIVERS: [&str; 3] = ["holder", "legal-representative", "empowered-representative"];

/// The handover as the counter's form sent it.
pub struct Handover<'a> {
    pub receiver_kind: &'a str,
    pub receiver_name: &'a str,
    pub receiver_document: &'a str,
    pub attorney_number: &'a str,
    pub attorney_date: &'a str,
    /// The receiver's signature: their name typed again.
    pub signature: &'a str,
    /// The case's version the member of staff saw.
    pub version: i64,
    /// The dates the service's validity rule needs (granted stay, the
    /// holder's passport or identity document expiry), as the form sent them.
    pub stay_until: &'a str,
    pub passport_expires: &'a str,
    pub id_document_expires: &'a str,
}

/// Why a document was not handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The case is not ready for pickup.
    NotNow,
    Kind,
    Name,
    Document,
    Attorney,
    Signature,
    /// The case's authority is not in the catalogue.
    NoAuthority,
    /// The case changed since the member of staff loaded it.
    Stale,
    /// A date the validity rule needs is missing, malformed or not after today.
    Fact(HolderFact),
}

/// What a checked handover writes.
struct Receiver<'a> {
    name: &'a str,
    document: &'a str,
    attorney: Option<(String, String)>,
}

/// Hands the document over at the counter: the case moves to handed-over
/// and the issued document is recorded with its expiry, in one transaction.
pub async fn hand_over(
    state: &App,
    staff: &Staff,
    case: &CaseRecord,
    form: &Handover<'_>,
) -> Result<Result<(), Refusal>, AppError> {
    let current = state_of(case)?;
    if transition(current, CaseAction::HandOver, Actor::Operator).is_err() {
        return Ok(Err(Refusal::NotNow));
    }
    let Some(authority) = state.catalogue.authority(&case.authority_id) else {
        return Ok(Err(Refusal::NoAuthority));
    };
    let today = state.clock.today(authority);
    match check(form, today) {
        Ok(receiver) => record(state, staff, case, form, &receiver, authority, today).await,
        Err(refusal) => Ok(Err(refusal)),
    }
}

/// Checks the receiver's facts, in the order the form asks them.
fn check<'a>(form: &Handover<'a>, today: jiff::civil::Date) -> Result<Receiver<'a>, Refusal> {
    let name = form.receiver_name.trim();
    if !RECEIVERS.contains(&form.receiver_kind) {
        return Err(Refusal::Kind);
    }
    if name.is_empty() || name.chars().count() > 200 {
        return Err(Refusal::Name);
    }
    let document = form.receiver_document.trim();
    if document.chars().count() < 4 || document.chars().count() > 60 {
        return Err(Refusal::Document);
    }
    let attorney = if form.receiver_kind == "empowered-representative" {
        let number = form.attorney_number.trim();
        let date = parse_date("attorney_date", form.attorney_date)
            .ok()
            .filter(|d| *d <= today);
        match (number.is_empty() || number.chars().count() > 40, date) {
            (false, Some(date)) => Some((number.to_string(), date.to_string())),
            _ => return Err(Refusal::Attorney),
        }
    } else {
        None
    };
    if !same_name(form.signature, name) {
        return Err(Refusal::Signature);
    }
    Ok(Receiver {
        name,
        document,
        attorney,
    })
}

/// Whether two names are the same but for case and spacing.
pub fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(a) == fold(b)
}

async fn record(
    state: &App,
    staff: &Staff,
    case: &CaseRecord,
    form: &Handover<'_>,
    receiver: &Receiver<'_>,
    authority: &Authority,
    today: jiff::civil::Date,
) -> Result<Result<(), Refusal>, AppError> {
    let facts = match facts(form) {
        Ok(f) => f,
        Err(fact) => return Ok(Err(Refusal::Fact(fact))),
    };
    if let Err(FactNeeded(fact)) = crate::registry::issue::expiry(state, case, today, &facts) {
        return Ok(Err(Refusal::Fact(fact)));
    }
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let at = CaseAt::seen(case, form.version)?;
    let by = Mover::staff(staff);
    match move_case(&mut tx, at, CaseAction::HandOver, &by, None, now).await? {
        Ok(_) => {}
        Err(Refused::Stale) => return Ok(Err(Refusal::Stale)),
        Err(Refused::Transition(_)) => return Ok(Err(Refusal::NotNow)),
    }
    let (attorney_number, attorney_date) = receiver.attorney.clone().unzip();
    let new = NewDocument {
        case,
        authority,
        today,
        facts: &facts,
        office_id: case
            .pickup_office_id
            .clone()
            .or_else(|| case.office_id.clone())
            .unwrap_or_default(),
        handover: Some(HandoverRecord {
            received_by_kind: form.receiver_kind.to_string(),
            received_by_name: receiver.name.to_string(),
            receiver_document: masked(receiver.document),
            attorney_number,
            attorney_date,
            signature_name: form.signature.trim().to_string(),
            handed_over_by: staff.current.person.id.clone(),
            handed_over_at: now,
        }),
        source: Source::Counter,
        now,
    };
    let issued = match issue(state, &mut tx, &new).await? {
        Ok(issued) => issued,
        Err(FactNeeded(fact)) => return Ok(Err(Refusal::Fact(fact))),
    };
    let mut event = staff.audit_event(
        state,
        "document.handed-over",
        case.holder_person_id.as_deref(),
    );
    event.on_behalf_of = case.holder_ward_id.clone();
    event.detail = serde_json::json!({ "case": case.id, "document": issued.number, "received_by": form.receiver_kind });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    // The new document, and the older one it replaced.
    state.check_cache.forget_all();
    Ok(Ok(()))
}

/// Keeps the document type and the last three characters of its number.
pub fn masked(document: &str) -> String {
    let chars: Vec<char> = document.trim().chars().collect();
    let keep = chars.len().saturating_sub(3);
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < keep && c.is_alphanumeric() {
                '•'
            } else {
                *c
            }
        })
        .collect()
}

/// The facts the form gave, each empty field left unknown.
fn facts(form: &Handover<'_>) -> Result<HolderFacts, HolderFact> {
    let day = |value: &str, fact: HolderFact| -> Result<Option<jiff::civil::Date>, HolderFact> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(None);
        }
        parse_date(fact.field(), value).map(Some).map_err(|_| fact)
    };
    Ok(HolderFacts {
        stay_until: day(form.stay_until, HolderFact::StayUntil)?,
        passport_expires: day(form.passport_expires, HolderFact::PassportExpires)?,
        id_document_expires: day(form.id_document_expires, HolderFact::IdDocumentExpires)?,
    })
}

/// The issued document's number: the authority's prefix, the year and a
/// sequence per authority and year.
pub fn document_number(
    authority: &ghiseu_domain::catalogue::Authority,
    today: jiff::civil::Date,
    sequence: i64,
) -> String {
    format!(
        "{}-D-{}-{sequence:06}",
        authority.reference_prefix,
        today.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receiver_documents_are_kept_masked() {
        assert_eq!(masked("CI AX123456"), "•• •••••456");
    }

    #[test]
    fn signatures_compare_names() {
        assert!(same_name("  Elena   POP ", "elena pop"));
        assert!(!same_name("Elena Pop", "Ion Pop"));
    }
}
