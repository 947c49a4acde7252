//! The moves staff make on a case: claim it, decide on it, give it to an
//! operator. The domain's state machine decides what is allowed; the version
//! the operator saw guards against stale writes; the applicant is told
//! through the outbox in the same transaction.

use super::Staff;
use crate::cases::moves::{CaseAt, Mover, Refused, follow, move_case, state_of};
use crate::error::AppError;
use crate::notices::{self, Notice};
use crate::state::App;
use ghiseu_domain::account::Role;
use ghiseu_domain::case::{Actor, CaseAction, CaseState, transition};
use ghiseu_domain::catalogue::{Authority, Lang, LocalText, Office};
use ghiseu_storage::Connection;
use ghiseu_storage::cases::{self, CaseRecord};

const MAX_REASON_CHARS: usize = 1000;

/// Why staff could not do what they asked on a case; each is said on the
/// case's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Only operators claim cases.
    OperatorsClaim,
    /// Someone else claimed it first, or it changed meanwhile.
    ClaimedByOther,
    /// Only the operator who claimed the case decides on it.
    ClaimFirst,
    /// No action an operator takes was chosen.
    ChooseAction,
    /// The state machine does not allow the action now.
    NotNow,
    /// A return needs a reason (at most 1000 characters).
    ReasonNeeded,
    /// A rejection needs one of the authority's reasons.
    RejectionReason,
    /// A handover goes through its own form.
    HandoverForm,
    /// The case changed since the member of staff loaded it.
    Stale,
    /// Only supervisors and administrators give cases to operators.
    SupervisorsAssign,
    /// The operator chosen does not work at the case's office.
    ChooseOperator,
    /// The stay an invitation is for has ended: it can only be refused.
    StayOver,
}

/// An operator claims the case; one waiting for review starts being reviewed.
pub async fn claim(
    state: &App,
    staff: &Staff,
    case: &CaseRecord,
) -> Result<Result<(), Refusal>, AppError> {
    if staff.role != Role::Operator {
        return Ok(Err(Refusal::OperatorsClaim));
    }
    let current = state_of(case)?;
    let mut tx = state.db.begin_write().await?;
    let now = state.clock.now().as_microsecond();
    if !cases::claim(&mut tx, &case.id, &staff.current.person.id, now).await? {
        return Ok(Err(Refusal::ClaimedByOther));
    }
    if current.awaits_review() {
        // The claim itself moved the version on by one.
        let at = CaseAt {
            id: &case.id,
            state: current,
            version: case.version + 1,
        };
        let by = Mover::staff(staff);
        let moved = follow(&mut tx, at, CaseAction::StartReview, &by, now).await?;
        if moved.is_err() {
            return Ok(Err(Refusal::ClaimedByOther));
        }
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// What an operator decided, as their form sent it.
pub struct Decision<'a> {
    pub action: &'a str,
    pub reason: &'a str,
    pub rejection_reason: &'a str,
    pub pickup_office: &'a str,
    /// The case's version the operator saw.
    pub version: i64,
    /// The language a rejection's reason is written in.
    pub lang: Lang,
}

/// The operator who claimed the case moves it on: returns, accepts (and the
/// fee falls due), rejects, starts production, marks it ready.
pub async fn decide(
    state: &App,
    staff: &Staff,
    case: &CaseRecord,
    decision: &Decision<'_>,
) -> Result<Result<(), Refusal>, AppError> {
    if case.assignee_id.as_deref() != Some(staff.current.person.id.as_str()) {
        return Ok(Err(Refusal::ClaimFirst));
    }
    let Some(action) = CaseAction::parse(decision.action).filter(|a| a.actor() == Actor::Operator)
    else {
        return Ok(Err(Refusal::ChooseAction));
    };
    let current = state_of(case)?;
    if transition(current, action, Actor::Operator).is_err() {
        return Ok(Err(Refusal::NotNow));
    }
    // Issuing a referred case writes and signs its document: electronic
    // issue does it, never a bare move of the case.
    if action == CaseAction::IssueAfterReview {
        if crate::invitations::stay_over(state, case).await? {
            return Ok(Err(Refusal::StayOver));
        }
        let by = Mover::staff(staff);
        return Ok(
            match crate::issuance::issue_referred(state, &by, &case.id, decision.version).await? {
                Some(_) => Ok(()),
                None => Err(Refusal::Stale),
            },
        );
    }
    let authority = state.catalogue.authority(&case.authority_id);
    let reasons = state
        .catalogue
        .service(&case.service_id)
        .map(|(authority, service)| service.rejection_reasons(authority));
    let reason = match reason(reasons, action, decision) {
        Ok(reason) => reason,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let mut tx = state.db.begin_write().await?;
    let now = state.clock.now();
    let at = CaseAt::seen(case, decision.version)?;
    let by = Mover::staff(staff);
    let moved = move_case(
        &mut tx,
        at,
        action,
        &by,
        reason.as_deref(),
        now.as_microsecond(),
    );
    let moved = match moved.await? {
        Ok(moved) => moved,
        Err(Refused::Stale) => return Ok(Err(Refusal::Stale)),
        Err(Refused::Transition(_)) => return Ok(Err(Refusal::NotNow)),
    };
    if action == CaseAction::Accept {
        ghiseu_storage::case_documents::certify(&mut tx, &case.id).await?;
        let due = follow(
            &mut tx,
            moved.at(),
            CaseAction::RequestFee,
            &Mover::SYSTEM,
            now.as_microsecond(),
        )
        .await?;
        if due.is_err() {
            return Ok(Err(Refusal::Stale));
        }
        crate::payments::create_order(&mut tx, state, case, now.as_microsecond()).await?;
    }
    let pickup = authority.and_then(|a| pickup_office(a, case, decision.pickup_office));
    if action == CaseAction::MarkReady
        && let Some(office) = pickup
    {
        ghiseu_storage::issued_documents::set_pickup_office(&mut tx, &case.id, &office.id).await?;
    }
    let rejected = reasons
        .and_then(|list| list.iter().find(|r| r.id == decision.rejection_reason))
        .map(|r| &r.name);
    tell(&mut tx, state, case, action, (pickup, rejected), now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The reason written with the move: a return's own words, a rejection's
/// reason from the service's list (an invitation's own, else the authority's).
fn reason(
    reasons: Option<&[ghiseu_domain::catalogue::Reason]>,
    action: CaseAction,
    decision: &Decision<'_>,
) -> Result<Option<String>, Refusal> {
    let reason = decision.reason.trim();
    match action {
        CaseAction::Return if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS => {
            Err(Refusal::ReasonNeeded)
        }
        CaseAction::Return => Ok(Some(reason.to_string())),
        CaseAction::Reject => reasons
            .and_then(|list| list.iter().find(|r| r.id == decision.rejection_reason))
            .map(|r| Some(r.name.get(decision.lang).to_string()))
            .ok_or(Refusal::RejectionReason),
        CaseAction::HandOver => Err(Refusal::HandoverForm),
        _ => Ok(None),
    }
}

/// The office chosen for pickup, else the case's own.
fn pickup_office<'c>(
    authority: &'c Authority,
    case: &CaseRecord,
    chosen: &str,
) -> Option<&'c Office> {
    authority
        .offices
        .iter()
        .find(|o| o.id == chosen)
        .or_else(|| {
            authority
                .offices
                .iter()
                .find(|o| Some(&o.id) == case.office_id.as_ref())
        })
}

/// Tells the applicant of a return, an acceptance, or a document ready.
async fn tell(
    tx: &mut Connection,
    state: &App,
    case: &CaseRecord,
    action: CaseAction,
    (pickup, rejected): (Option<&Office>, Option<&LocalText>),
    now: jiff::Timestamp,
) -> Result<(), AppError> {
    let service = state
        .catalogue
        .service(&case.service_id)
        .map(|(_, s)| &s.name);
    let reference = case.reference.clone().unwrap_or_default();
    let notice = match (action, service) {
        (CaseAction::Return, Some(service)) => Some(Notice::ApplicationReturned {
            reference: &reference,
            service,
        }),
        (CaseAction::Accept, Some(service)) => Some(Notice::ApplicationAccepted {
            reference: &reference,
            service,
        }),
        (CaseAction::Reject, Some(service)) => rejected.map(|reason| Notice::ApplicationRejected {
            reference: &reference,
            service,
            reason,
        }),
        (CaseAction::MarkReady, _) => pickup.map(|o| Notice::DocumentReady {
            reference: &reference,
            office: &o.name,
        }),
        _ => None,
    };
    if let Some(notice) = notice {
        notices::tell(tx, state, &case.applicant_id, &notice, now).await?;
    }
    Ok(())
}

/// A supervisor gives the case to one of the operators of its office.
pub async fn assign(
    state: &App,
    staff: &Staff,
    case: &CaseRecord,
    operator: &str,
) -> Result<Result<(), Refusal>, AppError> {
    if !matches!(staff.role, Role::Supervisor | Role::Administrator) {
        return Ok(Err(Refusal::SupervisorsAssign));
    }
    let members = ghiseu_storage::staff::members(&state.db, Some(&case.authority_id)).await?;
    let eligible = members.iter().any(|m| {
        m.person_id == operator
            && m.role == Role::Operator.code()
            && case
                .office_id
                .as_ref()
                .is_some_and(|o| m.office_ids.contains(o))
    });
    if !eligible {
        return Ok(Err(Refusal::ChooseOperator));
    }
    let mut tx = state.db.begin_write().await?;
    cases::reassign(
        &mut tx,
        &case.id,
        Some(operator),
        state.clock.now().as_microsecond(),
    )
    .await?;
    let mut event = staff.audit_event(state, "case.reassigned", Some(operator));
    event.detail = serde_json::json!({ "case": case.id });
    ghiseu_storage::audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The case, if this member of staff serves its office and has no part in
/// it as a citizen: a case of their own, of their child or one they
/// represent someone on is handled by a colleague, never by them.
pub async fn staff_case(
    state: &App,
    staff: &Staff,
    id: &str,
) -> Result<Option<CaseRecord>, AppError> {
    let Some(case) = cases::get(&state.db, id).await? else {
        return Ok(None);
    };
    let served = case
        .office_id
        .as_deref()
        .is_some_and(|o| staff.serves(&state.catalogue, o));
    if !served || has_part(state, staff, &case).await? {
        return Ok(None);
    }
    Ok(Some(case))
}

/// Whether the member of staff is in the case as a citizen: its applicant,
/// its holder, the holder's guardian or representative.
pub async fn has_part(state: &App, staff: &Staff, case: &CaseRecord) -> Result<bool, AppError> {
    if case.applicant_id == staff.current.person.id {
        return Ok(true);
    }
    Ok(
        crate::cases::access::relation(state, &staff.current.person.id, case)
            .await?
            .is_some(),
    )
}

/// Whether the case is in `state`, read strictly.
pub fn is_in(case: &CaseRecord, state: CaseState) -> Result<bool, AppError> {
    Ok(state_of(case)? == state)
}
