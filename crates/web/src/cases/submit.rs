//! Sending an application (or sending it again after it was returned), and
//! withdrawing it. Every move is checked by the domain's state machine and
//! guarded by the version the person saw.

use super::access::citizen_case;
use super::case_href;
use super::problems::CaseProblem;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::{PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::cases::submission::{self, Refusal};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct MoveForm {
    #[serde(default)]
    version: i64,
    #[serde(default)]
    csrf: String,
    /// `on` when the person ticked that withdrawing cannot be undone.
    #[serde(default)]
    confirm: String,
}

async fn refused(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    case: &ghiseu_storage::cases::CaseRecord,
    refusal: Refusal,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let (status, problems) = match refusal {
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
            (
                StatusCode::CONFLICT,
                body.into_iter().map(CaseProblem::plain).collect(),
            )
        }
        Refusal::Stale => (
            StatusCode::CONFLICT,
            vec![CaseProblem::plain(t.m("case-refused-stale"))],
        ),
        Refusal::Incomplete(gaps) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            CaseProblem::of_gaps(t, &gaps),
        ),
    };
    // The page as it is now: a refusal for a stale version shows what changed.
    let case = match ghiseu_storage::cases::get(&state.db, &case.id).await {
        Ok(Some(fresh)) => fresh,
        Ok(None) => case.clone(),
        Err(e) => return ApiError::from(e).into_response(),
    };
    match super::view::render(state, lang, current, &case, problems).await {
        Ok(page) => (status, html(&page)).into_response(),
        Err(e) => e.into_response(),
    }
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(form): Form<MoveForm>,
) -> Response {
    let answer = act(&state, &lang, &id, &current, &form, Step::Submit).await;
    finish(&state, answer)
}

pub(crate) async fn withdraw(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(form): Form<MoveForm>,
) -> Response {
    let answer = act(&state, &lang, &id, &current, &form, Step::Withdraw).await;
    finish(&state, answer)
}

/// Whether the applicant may withdraw the case now (a refusal otherwise
/// says why, confirmed or not).
fn may_withdraw(case: &ghiseu_storage::cases::CaseRecord) -> bool {
    use ghiseu_domain::case::{Actor, CaseAction, transition};
    ghiseu_app::cases::moves::state_of(case)
        .is_ok_and(|s| transition(s, CaseAction::Withdraw, Actor::Applicant).is_ok())
}

/// The case page again, asking to confirm the withdrawal; nothing changed.
async fn unconfirmed(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    case: &ghiseu_storage::cases::CaseRecord,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let problems = vec![CaseProblem::plain(t.m("case-withdraw-confirm-needed"))];
    match super::view::render(state, lang, current, case, problems).await {
        Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response(),
        Err(e) => e.into_response(),
    }
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
) -> Result<Response, PageError> {
    let lang = crate::pages::page_lang(lang)?;
    if !current.csrf_ok(&form.csrf) {
        let page = crate::accounts::expired(state, lang, &format!("applications/{id}"));
        return Ok((StatusCode::FORBIDDEN, html(&page)).into_response());
    }
    let case = match citizen_case(state, current, id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return Err(PageError::NotFound(lang)),
        Err(e) => return Ok(ApiError::from(e).into_response()),
    };
    if matches!(step, Step::Withdraw) && form.confirm != "on" && may_withdraw(&case) {
        return Ok(unconfirmed(state, lang, current, &case).await);
    }
    let result = match step {
        Step::Submit => submission::submit(state, current, &case, form.version).await,
        Step::Withdraw => submission::withdraw(state, current, &case, form.version).await,
    };
    let what = match step {
        Step::Submit => crate::done::Done::CaseSent,
        Step::Withdraw => crate::done::Done::CaseWithdrawn,
    };
    Ok(match result {
        Ok(Ok(())) => Redirect::to(&what.after(&case_href(lang, id))).into_response(),
        Ok(Err(refusal)) => refused(state, lang, current, &case, refusal).await,
        Err(e) => ApiError::from(e).into_response(),
    })
}
