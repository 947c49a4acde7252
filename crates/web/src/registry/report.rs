//! Reporting a document lost or stolen, at any hour: a page that says what
//! cannot be undone, asks what happened, and makes the document invalid.

use super::{LossAnswers, LossForm, documents_href, standing_line};
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::registry::{self, HeldDocument};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;

#[derive(Template)]
#[template(path = "registry/report.html")]
struct ReportPage<'a> {
    frame: Frame<'a>,
    name: String,
    number: String,
    holder: String,
    standing: String,
    csrf: String,
    form: LossForm,
    /// The error summary's lines: (field id, text).
    errors: Vec<(String, String)>,
    loss_error: Option<String>,
}

/// The person's (or their child's) document with this number, if theirs.
async fn find(
    state: &AppState,
    current: &CurrentPerson,
    number: &str,
) -> Result<Option<HeldDocument>, ApiError> {
    Ok(registry::mine(state, current)
        .await?
        .into_iter()
        .find(|h| h.registered.document.number == number))
}

fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    held: &HeldDocument,
    form: LossForm,
    errors: Vec<(String, String)>,
) -> ReportPage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let document = &held.registered.document;
    let loss_error = errors
        .iter()
        .find(|(field, _)| field == "loss-lost")
        .map(|(_, text)| text.clone());
    ReportPage {
        frame: Frame::new(
            state,
            lang,
            t.m("registry-report-title"),
            &format!("documents/{}/report", document.number),
        ),
        name: registry::document_name(state, document)
            .get(lang)
            .to_string(),
        number: document.number.clone(),
        holder: document.holder_name.clone(),
        standing: standing_line(t, held),
        csrf: current.session.csrf_token.clone(),
        form,
        errors,
        loss_error,
    }
}

pub(crate) async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Path((_, number)): Path<(String, String)>,
) -> Response {
    match find(&state, &current, &number).await {
        Ok(Some(held)) => html(&page(
            &state,
            lang,
            &current,
            &held,
            LossForm::default(),
            Vec::new(),
        )),
        Ok(None) => finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => e.into_response(),
    }
}

pub(crate) async fn send(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Path((_, number)): Path<(String, String)>,
    Form(form): Form<LossForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        let page = crate::accounts::expired(&state, lang, &format!("documents/{number}/report"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let held = match find(&state, &current, &number).await {
        Ok(Some(held)) => held,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let Some(answers) = LossAnswers::read(&form) else {
        let errors = vec![("loss-lost".to_string(), t.m("registry-report-error-loss"))];
        let page = page(&state, lang, &current, &held, form, errors);
        return (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response();
    };
    match registry::report(&state, &current, &number, &answers.report()).await {
        Ok(_) => {
            Redirect::to(&format!("{}?reported={number}", documents_href(lang))).into_response()
        }
        Err(e) => match ApiError::from(e) {
            ApiError::Refused(refused) => {
                let (status, said) = crate::refusals::on_page(t, &refused);
                let errors = vec![(String::new(), said)];
                let page = page(&state, lang, &current, &held, form, errors);
                (status, html(&page)).into_response()
            }
            other => other.into_response(),
        },
    }
}
