//! A new document enters the registry: its number, its expiry by the
//! catalogue's validity rule from the facts the rule needs, the holder's
//! key for the public check, and the end of the holder's older document of
//! the same type, which the new one replaces.

use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::catalogue::Authority;
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_domain::organisation::Cui;
use ghiseu_domain::quote::{HolderFact, HolderFacts, QuoteError, QuoteRequest, quote};
use ghiseu_domain::registry::{RegistryAction, RegistryActor, Source, change};
use ghiseu_storage::Connection;
use ghiseu_storage::cases::CaseRecord;
use ghiseu_storage::issued_documents::{self, HandoverRecord, IssuedDocument};
use ghiseu_storage::registry::{self, Holder, StandingChange};
use jiff::civil::Date;

/// What the issuer knows when a case's document enters the registry.
pub struct NewDocument<'a> {
    pub case: &'a CaseRecord,
    pub authority: &'a Authority,
    pub today: Date,
    /// The dates about the holder's other documents the validity rule needs.
    pub facts: &'a HolderFacts,
    pub office_id: String,
    pub handover: Option<HandoverRecord>,
    pub source: Source,
    pub now: i64,
}

/// Why the expiry could not be computed: a fact the rule needs is missing
/// or does not run past the issue date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactNeeded(pub HolderFact);

/// The expiry of the document the case issues on `today`, by the catalogue's
/// rule; None when it has none.
pub fn expiry(
    state: &App,
    case: &CaseRecord,
    today: Date,
    facts: &HolderFacts,
) -> Result<Option<Date>, FactNeeded> {
    let answers: ghiseu_domain::case::application::Answers =
        serde_json::from_str(&case.answers).unwrap_or_default();
    let quoted = quote(
        &state.catalogue,
        &QuoteRequest {
            service: case.service_id.clone(),
            birth_date: case
                .holder_birth_date
                .as_deref()
                .and_then(|b| b.parse().ok()),
            filed_on: case.filed_on.as_deref().and_then(|d| d.parse().ok()),
            urgency: answers.urgency,
            issued_on: Some(today),
            facts: *facts,
            ..QuoteRequest::default()
        },
        |_| today,
    );
    match quoted {
        Ok(q) => Ok(q.validity.until()),
        Err(QuoteError::MissingFact { fact } | QuoteError::FactNotAfterIssue { fact, .. }) => {
            Err(FactNeeded(fact))
        }
        Err(_) => Ok(None),
    }
}

/// The facts a rule used, kept with the document so its expiry can be explained.
fn facts_kept(state: &App, case: &CaseRecord, facts: &HolderFacts) -> Option<String> {
    let (_, service) = state.catalogue.service(&case.service_id)?;
    let needed = ghiseu_domain::quote::facts_needed(&service.validity);
    if needed.is_empty() {
        return None;
    }
    let mut kept = serde_json::Map::new();
    for fact in needed {
        let value = match fact {
            HolderFact::StayUntil => facts.stay_until,
            HolderFact::PassportExpires => facts.passport_expires,
            HolderFact::IdDocumentExpires => facts.id_document_expires,
        };
        if let Some(day) = value {
            kept.insert(fact.field().into(), day.to_string().into());
        }
    }
    Some(serde_json::Value::Object(kept).to_string())
}

/// The public check's key for the holder, from their recorded personal id.
pub async fn holder_digest(
    conn: &mut Connection,
    holder: Option<Holder<'_>>,
) -> Result<Option<String>, AppError> {
    Ok(holder_id(conn, holder).await?.map(|id| id.digest()))
}

/// The holder's recorded personal id (a person's bound one, a child's as
/// their guardian entered it).
pub async fn holder_id(
    conn: &mut Connection,
    holder: Option<Holder<'_>>,
) -> Result<Option<NationalId>, AppError> {
    let Some(holder) = holder else {
        return Ok(None);
    };
    let recorded = registry::holder_national_id(conn, holder).await?;
    Ok(recorded.and_then(|(country, number)| {
        let country: Country = country.parse().ok()?;
        NationalId::parse(country, &number).ok()
    }))
}

/// Writes the case's document into the registry, in the caller's
/// transaction, and ends the holder's older one of the same type.
pub async fn issue(
    state: &App,
    tx: &mut Connection,
    new: &NewDocument<'_>,
) -> Result<Result<IssuedDocument, FactNeeded>, AppError> {
    let sequence = issued_documents::next_sequence(tx, &new.authority.id, new.today.year()).await?;
    let issued = match prepare(state, tx, new, sequence).await? {
        Ok(issued) => issued,
        Err(needed) => return Ok(Err(needed)),
    };
    record(tx, &issued, new).await?;
    Ok(Ok(issued))
}

/// The record the case's document gets under `sequence`, read but not yet
/// written: a document made outside the writing transaction (a signed
/// file) is made from it, then `record`ed.
pub async fn prepare(
    state: &App,
    conn: &mut Connection,
    new: &NewDocument<'_>,
    sequence: i64,
) -> Result<Result<IssuedDocument, FactNeeded>, AppError> {
    let case = new.case;
    let expires_on = match expiry(state, case, new.today, new.facts) {
        Ok(e) => e,
        Err(needed) => return Ok(Err(needed)),
    };
    let holder = Holder::of(
        case.holder_person_id.as_deref(),
        case.holder_ward_id.as_deref(),
    );
    let document_type = state
        .catalogue
        .service(&case.service_id)
        .and_then(|(_, s)| s.document_type.clone());
    // A document issued to an organisation is checked by its registration code.
    let (holder_name, holder_id_digest) =
        match ghiseu_storage::organisations::of_case(conn, &case.id).await? {
            Some(organisation) => (
                organisation.name,
                Cui::parse(&organisation.registration_code)
                    .ok()
                    .map(|cui| cui.digest()),
            ),
            None => (
                format!("{} {}", case.holder_given_name, case.holder_family_name),
                holder_digest(conn, holder).await?,
            ),
        };
    Ok(Ok(IssuedDocument {
        id: uuid::Uuid::now_v7().to_string(),
        number: crate::office::handover::document_number(new.authority, new.today, sequence),
        case_id: Some(case.id.clone()),
        service_id: Some(case.service_id.clone()),
        document_type,
        authority_id: new.authority.id.clone(),
        holder_person_id: case.holder_person_id.clone(),
        holder_ward_id: case.holder_ward_id.clone(),
        holder_name,
        holder_id_digest,
        issued_on: new.today.to_string(),
        expires_on: expires_on.map(|d| d.to_string()),
        eid_expires_on: None,
        signature_expires_on: None,
        validity_facts: facts_kept(state, case, new.facts),
        office_id: new.office_id.clone(),
        source: new.source,
        handover: new.handover.clone(),
    }))
}

/// Writes the `prepare`d record in `tx` and ends the holder's older
/// document of the same type, which it replaces.
pub async fn record(
    tx: &mut Connection,
    issued: &IssuedDocument,
    new: &NewDocument<'_>,
) -> Result<(), AppError> {
    issued_documents::insert(tx, issued).await?;
    let holder = Holder::of(
        issued.holder_person_id.as_deref(),
        issued.holder_ward_id.as_deref(),
    );
    // Certificates issued on the screen stand side by side (one per
    // purpose); only a document made and handed over replaces its forerunner.
    if let (Some(holder), Some(document_type)) = (holder, issued.document_type.as_deref())
        && new.source != Source::Electronic
    {
        replace_older(tx, holder, document_type, issued, new).await?;
    }
    Ok(())
}

async fn replace_older(
    tx: &mut Connection,
    holder: Holder<'_>,
    document_type: &str,
    newer: &IssuedDocument,
    new: &NewDocument<'_>,
) -> Result<(), AppError> {
    let older =
        registry::in_force_of_type(tx, holder, &newer.authority_id, document_type, &newer.id)
            .await?;
    let on = new.today.to_string();
    for old in older {
        let expires_on = old
            .document
            .expires_on
            .as_deref()
            .and_then(|d| d.parse().ok());
        let Ok(to) = change(
            old.standing,
            RegistryAction::Replace,
            RegistryActor::System,
            expires_on,
            new.today,
        ) else {
            continue;
        };
        registry::change_standing(
            tx,
            &StandingChange {
                document_id: &old.document.id,
                action: RegistryAction::Replace,
                from: old.standing,
                to,
                on: &on,
                actor_id: None,
                actor_role: "system",
                reason: Some(&newer.number),
                place: None,
                circumstances: None,
                police_report: None,
                at: new.now,
            },
        )
        .await?;
        registry::mark_replaced_by(tx, &old.document.id, &newer.id).await?;
    }
    Ok(())
}
