//! The moves staff make on a case. The domain's state machine decides what
//! is allowed; the version the operator saw guards against stale writes; the
//! applicant is told through the outbox in the same transaction.

use super::super::Staff;
use super::show::render;
use super::{staff_case, staff_case_href};
use crate::AppState;
use crate::error::ApiError;
use crate::notices::{self, Notice};
use crate::pages::{PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::account::Role;
use ghiseu_domain::case::{Actor, CaseAction, CaseState, transition};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::{self, CaseRecord, Move};
use serde::Deserialize;

const MAX_REASON_CHARS: usize = 1000;

#[derive(Deserialize, Default)]
pub(crate) struct DecisionForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    rejection_reason: String,
    #[serde(default)]
    operator: String,
    #[serde(default)]
    pickup_office: String,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    csrf: String,
}

/// The case page again, with what went wrong.
pub(super) async fn again(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    id: &str,
    status: StatusCode,
    key: &str,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let case = match staff_case(state, staff, id).await {
        Ok(Some(c)) => c,
        Ok(None) => return finish(state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    match render(state, lang, staff, &case, Some(t.m(key))).await {
        Ok(p) => (status, html(&p)).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Back to the case after a move; `conflict_key` says why a move did not happen.
pub(super) async fn answer(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    id: &str,
    result: Result<bool, ApiError>,
    conflict_key: &str,
) -> Response {
    match result {
        Ok(true) => Redirect::to(&staff_case_href(lang, id)).into_response(),
        Ok(false) => again(state, lang, staff, id, StatusCode::CONFLICT, conflict_key).await,
        Err(e) => e.into_response(),
    }
}

/// Checks the language, the form's token and that the case is this person's to see.
pub(super) async fn prelude(
    state: &AppState,
    lang: &str,
    staff: &Staff,
    id: &str,
    csrf: &str,
) -> Result<(Lang, CaseRecord), Response> {
    let lang = crate::pages::page_lang(lang).map_err(|e| finish(state, Err(e)))?;
    if !staff.current.csrf_ok(csrf) {
        let page = crate::accounts::expired(state, lang, &format!("office/cases/{id}"));
        return Err((StatusCode::FORBIDDEN, html(&page)).into_response());
    }
    match staff_case(state, staff, id).await {
        Ok(Some(case)) => Ok((lang, case)),
        Ok(None) => Err(finish(state, Err(PageError::NotFound(lang)))),
        Err(e) => Err(e.into_response()),
    }
}

pub(crate) async fn claim(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<DecisionForm>,
) -> Response {
    let (lang, case) = match prelude(&state, &lang, &staff, &id, &form.csrf).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let refuse = |status, key| again(&state, lang, &staff, &id, status, key);
    if staff.role != Role::Operator {
        return refuse(StatusCode::FORBIDDEN, "office-case-operators-claim").await;
    }
    let result: Result<bool, ApiError> = async {
        let mut tx = state.db.begin_write().await?;
        let now = state.clock.now().as_microsecond();
        if !cases::claim(&mut tx, &case.id, &staff.current.person.id, now).await? {
            return Ok(false);
        }
        let current = CaseState::parse(&case.state).unwrap_or(CaseState::Draft);
        if current.awaits_review() {
            let to = transition(current, CaseAction::StartReview, Actor::Operator)
                .map_err(|r| ApiError::Internal(r.to_string()))?;
            let moved = cases::apply_move(
                &mut tx,
                &Move {
                    case_id: &case.id,
                    version: case.version + 1,
                    from: current.code(),
                    to: to.code(),
                    action: CaseAction::StartReview.code(),
                    actor_id: Some(&staff.current.person.id),
                    actor_role: staff.role.code(),
                    reason: None,
                    now,
                },
            )
            .await?;
            if moved.is_err() {
                return Ok(false);
            }
        }
        tx.commit().await?;
        Ok(true)
    }
    .await;
    answer(
        &state,
        lang,
        &staff,
        &id,
        result,
        "office-case-claimed-by-other",
    )
    .await
}

pub(crate) async fn decide(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<DecisionForm>,
) -> Response {
    let (lang, case) = match prelude(&state, &lang, &staff, &id, &form.csrf).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let refuse = |status, key| again(&state, lang, &staff, &id, status, key);
    if case.assignee_id.as_deref() != Some(staff.current.person.id.as_str()) {
        return refuse(StatusCode::FORBIDDEN, "office-case-claim-first").await;
    }
    let Some(action) = CaseAction::parse(&form.action).filter(|a| a.actor() == Actor::Operator)
    else {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "office-case-choose-action",
        )
        .await;
    };
    let current = CaseState::parse(&case.state).unwrap_or(CaseState::Draft);
    let to = match transition(current, action, Actor::Operator) {
        Ok(to) => to,
        Err(_) => {
            return refuse(StatusCode::CONFLICT, "office-case-not-now").await;
        }
    };
    let reason = form.reason.trim();
    let authority = state.catalogue.authority(&case.authority_id);
    let reason: Option<String> = match action {
        CaseAction::Return if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "office-case-reason-needed",
            )
            .await;
        }
        CaseAction::Return => Some(reason.to_string()),
        CaseAction::Reject => {
            let Some(r) = authority.and_then(|a| {
                a.rejection_reasons
                    .iter()
                    .find(|r| r.id == form.rejection_reason)
            }) else {
                return refuse(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "office-case-rejection-reason",
                )
                .await;
            };
            Some(r.name.get(lang).to_string())
        }
        CaseAction::HandOver => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "office-case-handover-form",
            )
            .await;
        }
        _ => None,
    };
    let result: Result<bool, ApiError> = async {
        let mut tx = state.db.begin_write().await?;
        let now = state.clock.now();
        let mut m = Move {
            case_id: &case.id,
            version: form.version,
            from: current.code(),
            to: to.code(),
            action: action.code(),
            actor_id: Some(&staff.current.person.id),
            actor_role: staff.role.code(),
            reason: reason.as_deref(),
            now: now.as_microsecond(),
        };
        let Ok(version) = cases::apply_move(&mut tx, &m).await? else {
            return Ok(false);
        };
        if action == CaseAction::Accept {
            ghiseu_storage::case_documents::certify(&mut tx, &case.id).await?;
            let due = transition(to, CaseAction::RequestFee, Actor::System)
                .map_err(|r| ApiError::Internal(r.to_string()))?;
            m = Move {
                version,
                from: to.code(),
                to: due.code(),
                action: CaseAction::RequestFee.code(),
                actor_id: None,
                actor_role: "system",
                reason: None,
                ..m
            };
            if cases::apply_move(&mut tx, &m).await?.is_err() {
                return Ok(false);
            }
            crate::payments::create_order(&mut tx, &state, &case, m.now).await?;
        }
        let pickup = authority.and_then(|a| {
            a.offices
                .iter()
                .find(|o| o.id == form.pickup_office)
                .or_else(|| {
                    a.offices
                        .iter()
                        .find(|o| Some(&o.id) == case.office_id.as_ref())
                })
        });
        if action == CaseAction::MarkReady
            && let Some(office) = pickup
        {
            ghiseu_storage::issued_documents::set_pickup_office(&mut tx, &case.id, &office.id)
                .await?;
        }
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
            (CaseAction::MarkReady, _) => pickup.map(|o| Notice::DocumentReady {
                reference: &reference,
                office: &o.name,
            }),
            _ => None,
        };
        if let Some(notice) = notice {
            notices::tell(&mut tx, &state, &case.applicant_id, &notice, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
    .await;
    answer(&state, lang, &staff, &id, result, "case-refused-stale").await
}

/// A supervisor gives the case to one of the operators of its office.
pub(crate) async fn assign(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<DecisionForm>,
) -> Response {
    let (lang, case) = match prelude(&state, &lang, &staff, &id, &form.csrf).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let refuse = |status, key| again(&state, lang, &staff, &id, status, key);
    if !matches!(staff.role, Role::Supervisor | Role::Administrator) {
        return refuse(StatusCode::FORBIDDEN, "office-case-supervisors-assign").await;
    }
    let members = match ghiseu_storage::staff::members(&state.db, Some(&case.authority_id)).await {
        Ok(m) => m,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let eligible = members.iter().any(|m| {
        m.person_id == form.operator
            && m.role == Role::Operator.code()
            && case
                .office_id
                .as_ref()
                .is_some_and(|o| m.office_ids.contains(o))
    });
    if !eligible {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "office-case-choose-operator",
        )
        .await;
    }
    let result: Result<(), ApiError> = async {
        let mut tx = state.db.begin_write().await?;
        cases::reassign(
            &mut tx,
            &case.id,
            Some(&form.operator),
            state.clock.now().as_microsecond(),
        )
        .await?;
        let mut event = staff.audit_event(&state, "case.reassigned", Some(&form.operator));
        event.detail = serde_json::json!({ "case": case.id });
        ghiseu_storage::audit::append(&mut tx, &event).await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&staff_case_href(lang, &id)).into_response(),
        Err(e) => e.into_response(),
    }
}
