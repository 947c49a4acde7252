//! Sending an application (or sending it again after it was returned), and
//! withdrawing it. Every move is checked by the domain's state machine and
//! guarded by the version the person saw.

use super::access::citizen_case;
use super::case_href;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::case::application::{Answers, category_for, check_answers};
use ghiseu_domain::case::{Actor, CaseAction, CaseReference, CaseState, transition};
use ghiseu_domain::catalogue::{Lang, Routing, office_for};
use ghiseu_domain::quote::{QuoteRequest, price};
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::{self, CaseRecord, Filing, Move};
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct MoveForm {
    #[serde(default)]
    version: i64,
    #[serde(default)]
    csrf: String,
}

/// Why a move was not made, for the person.
pub(crate) enum Refusal {
    /// The state machine does not allow it now.
    NotNow {
        current: CaseState,
        allowed: Vec<CaseAction>,
    },
    /// The case changed since the person loaded it.
    Stale,
    /// The application is not complete: message keys.
    Incomplete(Vec<String>),
}

fn message(
    state: &AppState,
    lang: Lang,
    case_id: &str,
    status: StatusCode,
    body: Vec<String>,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let page = crate::accounts::MessagePage {
        frame: Frame::new(
            state,
            lang,
            t.m("case-refused-title"),
            &format!("applications/{case_id}"),
        ),
        body,
        link: Some((case_href(lang, case_id), t.m("case-back"))),
    };
    (status, html(&page)).into_response()
}

fn refused(state: &AppState, lang: Lang, case_id: &str, refusal: Refusal) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    match refusal {
        Refusal::NotNow { current, allowed } => {
            let mut body = vec![t.with(
                "case-refused-state",
                &[(
                    "state",
                    crate::i18n::text_arg(t.m(&format!("case-state-{current}"))),
                )],
            )];
            if !allowed.is_empty() {
                let names: Vec<String> = allowed
                    .iter()
                    .map(|a| t.m(&format!("case-action-{a}")))
                    .collect();
                body.push(t.with(
                    "case-refused-allowed",
                    &[("actions", crate::i18n::text_arg(names.join(", ")))],
                ));
            }
            message(state, lang, case_id, StatusCode::CONFLICT, body)
        }
        Refusal::Stale => message(
            state,
            lang,
            case_id,
            StatusCode::CONFLICT,
            vec![t.m("case-refused-stale")],
        ),
        Refusal::Incomplete(keys) => message(
            state,
            lang,
            case_id,
            StatusCode::UNPROCESSABLE_ENTITY,
            keys.iter().map(|k| t.m(k)).collect(),
        ),
    }
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(form): Form<MoveForm>,
) -> Response {
    act(&state, &lang, &id, &current, &form, Step::Submit).await
}

pub(crate) async fn withdraw(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(form): Form<MoveForm>,
) -> Response {
    act(&state, &lang, &id, &current, &form, Step::Withdraw).await
}

#[derive(Clone, Copy)]
enum Step {
    Submit,
    Withdraw,
}

async fn act(
    state: &AppState,
    lang: &str,
    id: &str,
    current: &CurrentPerson,
    form: &MoveForm,
    step: Step,
) -> Response {
    let lang = match crate::pages::page_lang(lang) {
        Ok(l) => l,
        Err(e) => return finish(state, Err(e)),
    };
    if !current.csrf_ok(&form.csrf) {
        let page = crate::accounts::expired(state, lang, &format!("applications/{id}"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let case = match citizen_case(state, current, id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return finish(state, Err(PageError::NotFound(lang))),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let result = match step {
        Step::Submit => send(state, current, &case, form.version).await,
        Step::Withdraw => withdraw_case(state, current, &case, form.version).await,
    };
    match result {
        Ok(Ok(())) => Redirect::to(&case_href(lang, id)).into_response(),
        Ok(Err(refusal)) => refused(state, lang, id, refusal),
        Err(e) => e.into_response(),
    }
}

fn check_move(case: &CaseRecord, action: CaseAction) -> Result<(CaseState, CaseState), Refusal> {
    let current = CaseState::parse(&case.state).unwrap_or(CaseState::Draft);
    transition(current, action, Actor::Applicant)
        .map(|to| (current, to))
        .map_err(|r| Refusal::NotNow {
            current: r.current,
            allowed: r.allowed,
        })
}

pub(crate) async fn withdraw_case(
    state: &AppState,
    current: &CurrentPerson,
    case: &CaseRecord,
    version: i64,
) -> Result<Result<(), Refusal>, ApiError> {
    let (from, to) = match check_move(case, CaseAction::Withdraw) {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    let mut tx = state.db.begin_write().await?;
    let moved = cases::apply_move(
        &mut tx,
        &Move {
            case_id: &case.id,
            version,
            from: from.code(),
            to: to.code(),
            action: CaseAction::Withdraw.code(),
            actor_id: Some(&current.person.id),
            actor_role: "applicant",
            reason: None,
            now: state.clock.now().as_microsecond(),
        },
    )
    .await?;
    if moved.is_err() {
        return Ok(Err(Refusal::Stale));
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Checks the whole application against the catalogue, fixes its reference,
/// office, fee and deadline, and moves it on, all in one transaction.
pub(crate) async fn send(
    state: &AppState,
    current: &CurrentPerson,
    case: &CaseRecord,
    version: i64,
) -> Result<Result<(), Refusal>, ApiError> {
    let resubmission = case.state == CaseState::Returned.code();
    let action = if resubmission {
        CaseAction::Resubmit
    } else {
        CaseAction::Submit
    };
    let (from, to) = match check_move(case, action) {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    let Some((authority, service)) = state.catalogue.service(&case.service_id) else {
        return Ok(Err(Refusal::Incomplete(vec![
            "case-error-service-gone".into(),
        ])));
    };
    let answers: Answers = serde_json::from_str(&case.answers).unwrap_or_default();
    let mut missing: Vec<String> = check_answers(service, &answers, true)
        .into_iter()
        .map(|p| format!("case-problem-{}", p.code))
        .collect();
    let filed_on = state.clock.today(authority);
    let birth = case
        .holder_birth_date
        .as_deref()
        .and_then(|b| b.parse().ok());
    let category = match category_for(service, birth, filed_on, answers.domicile_abroad) {
        Ok(c) => c.map(|c| c.id.clone()),
        Err(p) => {
            missing.push(format!("case-problem-{}", p.code));
            None
        }
    };
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
            Routing::ChosenOffice => "case-problem-office-required".into(),
            Routing::Domicile if case.holder_region.is_none() => "case-problem-no-region".into(),
            Routing::Domicile => "case-problem-no-office".into(),
        });
    }
    if state.documents.is_some() {
        let scans = ghiseu_storage::case_documents::current(&state.db, &case.id).await?;
        let needed = super::documents::requirements(state, case);
        let missing_scan = needed
            .iter()
            .filter(|(_, always)| *always)
            .any(|(id, _)| !scans.iter().any(|s| &s.requirement_id == id));
        if missing_scan {
            missing.push("case-problem-document-missing".into());
        }
    }
    if case.holder_given_name.trim().is_empty() || case.holder_family_name.trim().is_empty() {
        missing.push("case-problem-no-name".into());
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
    );
    let priced = match priced {
        Ok(q) => Some(q),
        Err(e) => {
            missing.push(format!("case-problem-quote-{}", e.code()));
            None
        }
    };
    let (Some(office), Some(priced), true) = (office, priced, missing.is_empty()) else {
        missing.dedup();
        return Ok(Err(Refusal::Incomplete(missing)));
    };
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let reference = match &case.reference {
        Some(r) => r.clone(),
        None => {
            let sequence = cases::next_sequence(&mut tx, &authority.id, filed_on.year()).await?;
            let sequence =
                u32::try_from(sequence).map_err(|e| ApiError::Internal(e.to_string()))?;
            CaseReference::new(&authority.reference_prefix, filed_on.year(), sequence).to_string()
        }
    };
    let moved = cases::apply_move(
        &mut tx,
        &Move {
            case_id: &case.id,
            version,
            from: from.code(),
            to: to.code(),
            action: action.code(),
            actor_id: Some(&current.person.id),
            actor_role: "applicant",
            reason: None,
            now,
        },
    )
    .await?;
    let Ok(version) = moved else {
        return Ok(Err(Refusal::Stale));
    };
    cases::record_filing(
        &mut tx,
        &case.id,
        &Filing {
            reference: &reference,
            office_id: &office.id,
            filed_on: &filed_on.to_string(),
            deadline: priced.processing_deadline.map(|d| d.to_string()).as_deref(),
            fee_minor: priced.total_minor,
            category_id: category.as_deref(),
        },
    )
    .await?;
    if !service.review && !resubmission {
        let fee = transition(to, CaseAction::RequestFee, Actor::System)
            .map_err(|r| ApiError::Internal(r.to_string()))?;
        let moved = cases::apply_move(
            &mut tx,
            &Move {
                case_id: &case.id,
                version,
                from: to.code(),
                to: fee.code(),
                action: CaseAction::RequestFee.code(),
                actor_id: None,
                actor_role: "system",
                reason: None,
                now,
            },
        )
        .await?;
        if moved.is_err() {
            return Ok(Err(Refusal::Stale));
        }
        crate::payments::create_order(&mut tx, state, case, now).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}
