//! The moves staff make on a case. The domain's state machine decides what
//! is allowed; the version the operator saw guards against stale writes; the
//! applicant is told through the outbox in the same transaction.

use super::super::Staff;
use super::show::render;
use super::{staff_case, staff_case_href};
use crate::AppState;
use crate::done::Done;
use crate::error::ApiError;
use crate::pages::{PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::AppError;
use ghiseu_app::office::cases::{self as office_cases, Decision, Refusal};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::CaseRecord;
use serde::Deserialize;

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
    /// `on` when the operator ticked that a rejection is final.
    #[serde(default)]
    confirm_reject: String,
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

/// What a refusal says on the case's page, and with which status.
fn said(refusal: Refusal) -> (StatusCode, &'static str) {
    match refusal {
        Refusal::OperatorsClaim => (StatusCode::FORBIDDEN, "office-case-operators-claim"),
        Refusal::ClaimedByOther => (StatusCode::CONFLICT, "office-case-claimed-by-other"),
        Refusal::ClaimFirst => (StatusCode::FORBIDDEN, "office-case-claim-first"),
        Refusal::ChooseAction => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "office-case-choose-action",
        ),
        Refusal::NotNow => (StatusCode::CONFLICT, "office-case-not-now"),
        Refusal::ReasonNeeded => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "office-case-reason-needed",
        ),
        Refusal::RejectionReason => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "office-case-rejection-reason",
        ),
        Refusal::HandoverForm => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "office-case-handover-form",
        ),
        Refusal::Stale => (StatusCode::CONFLICT, "case-refused-stale"),
        Refusal::SupervisorsAssign => (StatusCode::FORBIDDEN, "office-case-supervisors-assign"),
        Refusal::ChooseOperator => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "office-case-choose-operator",
        ),
        Refusal::StayOver => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "office-case-invitation-stay-over",
        ),
    }
}

/// Back to the case after a use case: the case's page, or the page again
/// saying why not.
async fn back(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    (id, what): (&str, Done),
    result: Result<Result<(), Refusal>, AppError>,
) -> Response {
    match result {
        Ok(Ok(())) => Redirect::to(&what.after(&staff_case_href(lang, id))).into_response(),
        Ok(Err(refusal)) => {
            let (status, key) = said(refusal);
            again(state, lang, staff, id, status, key).await
        }
        Err(e) => ApiError::from(e).into_response(),
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
    let result = office_cases::claim(&state, &staff, &case).await;
    back(&state, lang, &staff, (&id, Done::CaseClaimed), result).await
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
    if form.action == "reject" && form.confirm_reject != "on" {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return again(
            &state,
            lang,
            &staff,
            &id,
            status,
            "office-case-reject-confirm-needed",
        )
        .await;
    }
    let decision = Decision {
        action: &form.action,
        reason: &form.reason,
        rejection_reason: &form.rejection_reason,
        pickup_office: &form.pickup_office,
        version: form.version,
        lang,
    };
    let result = office_cases::decide(&state, &staff, &case, &decision).await;
    back(&state, lang, &staff, (&id, Done::CaseDecided), result).await
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
    let result = office_cases::assign(&state, &staff, &case, &form.operator).await;
    back(&state, lang, &staff, (&id, Done::CaseAssigned), result).await
}
