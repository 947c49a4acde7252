//! Sending an application (or sending it again after it was returned), and
//! withdrawing it. Every move is checked by the domain's state machine and
//! guarded by the version the person saw.

use super::moves::{CaseAt, Mover, Refused, follow, move_case, state_of};
use super::{Gap, GapAt};
use crate::accounts::CurrentPerson;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::case::application::{Answers, category_for, check_answers};
use ghiseu_domain::case::{Actor, CaseAction, CaseReference, CaseState, transition};
use ghiseu_domain::catalogue::{Authority, Office, Routing, Service, office_for};
use ghiseu_domain::quote::{Priced, QuoteRequest, price};
use ghiseu_storage::Connection;
use ghiseu_storage::cases::{self, CaseRecord, Filing};

/// Why a move was not made, for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The state machine does not allow it now.
    NotNow {
        current: CaseState,
        allowed: Vec<CaseAction>,
    },
    /// The case changed since the person loaded it.
    Stale,
    /// What the application still lacks or gets wrong.
    Incomplete(Vec<super::Gap>),
}

impl From<Refused> for Refusal {
    fn from(refused: Refused) -> Refusal {
        match refused {
            Refused::Transition(r) => Refusal::NotNow {
                current: r.current,
                allowed: r.allowed,
            },
            Refused::Stale => Refusal::Stale,
        }
    }
}

/// The applicant takes the application back.
pub async fn withdraw(
    state: &App,
    current: &CurrentPerson,
    case: &CaseRecord,
    version: i64,
) -> Result<Result<(), Refusal>, AppError> {
    let at = CaseAt::seen(case, version)?;
    let mut tx = state.db.begin_write().await?;
    let moved = move_case(
        &mut tx,
        at,
        CaseAction::Withdraw,
        &Mover::applicant(&current.person.id),
        None,
        state.clock.now().as_microsecond(),
    )
    .await?;
    if let Err(refused) = moved {
        return Ok(Err(refused.into()));
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// What the filing of a complete application fixes.
struct Plan<'c> {
    authority: &'c Authority,
    service: &'c Service,
    office: &'c Office,
    category: Option<String>,
    filed_on: jiff::civil::Date,
    priced: Priced,
}

/// Checks the whole application against the catalogue, fixes its reference,
/// office, fee and deadline, and moves it on, all in one transaction.
pub async fn submit(
    state: &App,
    current: &CurrentPerson,
    case: &CaseRecord,
    version: i64,
) -> Result<Result<(), Refusal>, AppError> {
    let from = state_of(case)?;
    let action = if from == CaseState::Returned {
        CaseAction::Resubmit
    } else {
        CaseAction::Submit
    };
    if let Err(r) = transition(from, action, Actor::Applicant) {
        return Ok(Err(Refused::Transition(r).into()));
    }
    let plan = match plan(state, case).await? {
        Ok(plan) => plan,
        Err(missing) => return Ok(Err(Refusal::Incomplete(missing))),
    };
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let reference = reference(&mut tx, case, &plan).await?;
    let by = Mover::applicant(&current.person.id);
    let at = CaseAt::seen(case, version)?;
    let moved = match move_case(&mut tx, at, action, &by, None, now).await? {
        Ok(moved) => moved,
        Err(refused) => return Ok(Err(refused.into())),
    };
    cases::record_filing(
        &mut tx,
        &case.id,
        &Filing {
            reference: &reference,
            office_id: &plan.office.id,
            filed_on: &plan.filed_on.to_string(),
            deadline: plan
                .priced
                .processing_deadline
                .map(|d| d.to_string())
                .as_deref(),
            fee_minor: plan.priced.total_minor,
            category_id: plan.category.as_deref(),
        },
    )
    .await?;
    if !plan.service.review && action == CaseAction::Submit {
        let fee = follow(
            &mut tx,
            moved.at(),
            CaseAction::RequestFee,
            &Mover::SYSTEM,
            now,
        )
        .await?;
        if fee.is_err() {
            return Ok(Err(Refusal::Stale));
        }
        crate::payments::create_order(&mut tx, state, case, now).await?;
    }
    tx.commit().await?;
    if plan.service.delivery == ghiseu_domain::catalogue::Delivery::Electronic {
        // The application is in; a failure to issue leaves it paid, and says why in the log.
        if let Err(error) = crate::issuance::issue_paid(state, &case.id).await {
            tracing::error!(case = %case.id, %error, "the paid case could not be issued electronically");
        }
    }
    Ok(Ok(()))
}

/// The case's reference: the one it has, or the next of its authority's year.
async fn reference(
    tx: &mut Connection,
    case: &CaseRecord,
    plan: &Plan<'_>,
) -> Result<String, AppError> {
    if let Some(r) = &case.reference {
        return Ok(r.clone());
    }
    let year = plan.filed_on.year();
    let sequence = cases::next_sequence(tx, &plan.authority.id, year).await?;
    let sequence = u32::try_from(sequence).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(CaseReference::new(&plan.authority.reference_prefix, year, sequence).to_string())
}

async fn for_organisation(state: &App, case: &CaseRecord) -> Result<bool, AppError> {
    let mut conn = state.db.connection().await?;
    Ok(ghiseu_storage::organisations::of_case(&mut conn, &case.id)
        .await?
        .is_some())
}

/// The filing of a complete application, or what it lacks.
async fn plan<'c>(
    state: &'c App,
    case: &CaseRecord,
) -> Result<Result<Plan<'c>, Vec<Gap>>, AppError> {
    let Some((authority, service)) = state.catalogue.service(&case.service_id) else {
        return Ok(Err(vec![Gap::new("case-error-service-gone", GapAt::Case)]));
    };
    let answers: Answers = serde_json::from_str(&case.answers).unwrap_or_default();
    let mut missing: Vec<Gap> = check_answers(service, &answers, true)
        .iter()
        .map(Gap::of_answer)
        .collect();
    let filed_on = state.clock.today(authority);
    let birth = case
        .holder_birth_date
        .as_deref()
        .and_then(|b| b.parse().ok());
    let category = match category_for(service, birth, filed_on, answers.domicile_abroad) {
        Ok(c) => c.map(|c| c.id.clone()),
        Err(p) => {
            missing.push(Gap::of_answer(&p));
            None
        }
    };
    let office = route(authority, service, case, &answers, &mut missing);
    missing.extend(missing_scans(state, case).await?);
    missing.extend(
        crate::invitations::unsendable(state, case)
            .await?
            .map(|key| Gap::new(key, GapAt::Invitation)),
    );
    let unnamed =
        case.holder_given_name.trim().is_empty() || case.holder_family_name.trim().is_empty();
    // An organisation has one name, given when its representative was recorded.
    if unnamed && !for_organisation(state, case).await? {
        missing.push(Gap::new("case-problem-no-name", GapAt::Case));
    }
    let priced = price(
        &state.catalogue,
        &QuoteRequest {
            service: service.id.clone(),
            birth_date: birth,
            filed_on: Some(filed_on),
            urgency: answers.urgency.clone(),
            reductions: answers.reduction.iter().cloned().collect(),
            ..QuoteRequest::default()
        },
        |a| state.clock.today(a),
    )
    .map_err(|e| {
        missing.push(Gap::new(
            format!("case-problem-quote-{}", e.code()),
            GapAt::Case,
        ))
    })
    .ok();
    let (Some(office), Some(priced), true) = (office, priced, missing.is_empty()) else {
        missing.dedup();
        return Ok(Err(missing));
    };
    Ok(Ok(Plan {
        authority,
        service,
        office,
        category,
        filed_on,
        priced,
    }))
}

/// The office the application goes to, by the service's routing; what is
/// missing for it otherwise.
fn route<'c>(
    authority: &'c Authority,
    service: &Service,
    case: &CaseRecord,
    answers: &Answers,
    missing: &mut Vec<Gap>,
) -> Option<&'c Office> {
    let office = match service.routing {
        Routing::Domicile => case
            .holder_region
            .as_deref()
            .and_then(|r| office_for(&authority.offices, r)),
        Routing::ChosenOffice => answers
            .office
            .as_ref()
            .and_then(|chosen| authority.offices.iter().find(|o| &o.id == chosen)),
    };
    if office.is_none() {
        missing.push(match service.routing {
            Routing::ChosenOffice => Gap::new(
                "case-problem-office-required",
                GapAt::Field("office".into()),
            ),
            Routing::Domicile if case.holder_region.is_none() => {
                Gap::new("case-problem-no-region", GapAt::Case)
            }
            Routing::Domicile => Gap::new("case-problem-no-office", GapAt::Case),
        });
    }
    office
}

/// Each document every application needs whose scan is missing (only
/// where scans are taken).
async fn missing_scans(state: &App, case: &CaseRecord) -> Result<Vec<Gap>, AppError> {
    if state.documents.is_none() {
        return Ok(Vec::new());
    }
    let scans = ghiseu_storage::case_documents::current(&state.db, &case.id).await?;
    Ok(super::requirements(state, case)
        .await?
        .into_iter()
        .filter(|(id, always)| *always && !scans.iter().any(|s| &s.requirement_id == id))
        .map(|(id, _)| Gap::new("case-problem-document-missing", GapAt::Document(id)))
        .collect())
}
