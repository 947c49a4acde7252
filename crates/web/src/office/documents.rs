//! The registry at the counter and in the back office: find a document by its
//! number (audited), read its history, declare it invalid with one of the
//! authority's reasons, or record a loss or theft reported at the counter.

use super::Staff;
use crate::AppState;
use crate::accounts::FormError;
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use crate::registry::{LossAnswers, LossForm, standing_line};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::refusal::{DocumentRefusal, Refusal};
use ghiseu_app::registry;
use ghiseu_app::registry::office::{self, Looked};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::registry::Validity;
use ghiseu_i18n::Tr;
use serde::Deserialize;

pub(crate) struct FoundDocument {
    pub name: String,
    pub number: String,
    pub holder: String,
    pub issued_on: String,
    pub expires_on: String,
    pub office: String,
    pub standing: String,
    pub in_force: bool,
}

pub(crate) struct HistoryLine {
    pub when: String,
    pub what: String,
    pub by: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "office/documents.html")]
struct DocumentsPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    notice: Option<String>,
    query: String,
    searched: bool,
    found: Option<FoundDocument>,
    history: Vec<HistoryLine>,
    reasons: Vec<(String, String)>,
    csrf: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct Search {
    #[serde(default)]
    number: String,
    /// What was just done, to confirm it.
    #[serde(default)]
    done: Option<String>,
}

fn when(state: &AppState, t: Tr<'_>, authority_id: &str, at: i64) -> String {
    let zone = state
        .catalogue
        .authority(authority_id)
        .map_or(jiff::tz::TimeZone::UTC, |a| a.time_zone.clone());
    jiff::Timestamp::from_microsecond(at).map_or_else(
        |_| String::new(),
        |ts| {
            let local = ts.to_zoned(zone);
            format!(
                "{} {:02}:{:02}",
                t.date(local.date()),
                local.hour(),
                local.minute()
            )
        },
    )
}

fn history(state: &AppState, t: Tr<'_>, looked: &Looked) -> Vec<HistoryLine> {
    let document = &looked.held.registered.document;
    let authority = state.catalogue.authority(&document.authority_id);
    looked
        .history
        .iter()
        .map(|e| {
            let reason = e.reason.as_deref().map(|r| {
                authority
                    .and_then(|a| a.registry.invalidation_reason(r))
                    .map_or_else(
                        || r.to_string(),
                        |reason| reason.name.get(t.lang).to_string(),
                    )
            });
            let detail = [
                reason,
                e.place.clone(),
                e.circumstances.clone(),
                e.police_report.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            HistoryLine {
                when: when(state, t, &document.authority_id, e.at),
                what: t.m(&format!("registry-action-{}", e.action.code())),
                by: t.m(&format!("registry-by-{}", e.actor_role)),
                detail,
            }
        })
        .collect()
}

fn found(state: &AppState, t: Tr<'_>, looked: &Looked) -> FoundDocument {
    let held = &looked.held;
    let document = &held.registered.document;
    FoundDocument {
        name: registry::document_name(state, document)
            .get(t.lang)
            .to_string(),
        number: document.number.clone(),
        holder: document.holder_name.clone(),
        issued_on: document.issued_on.clone(),
        expires_on: document.expires_on.clone().unwrap_or_else(|| "—".into()),
        office: state.catalogue.office(&document.office_id).map_or_else(
            || document.office_id.clone(),
            |o| o.name.get(t.lang).to_string(),
        ),
        standing: standing_line(t, held),
        in_force: matches!(held.validity, Validity::Valid { .. }),
    }
}

async fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    staff: &Staff,
    number: &str,
    errors: Vec<FormError>,
    notice: Option<String>,
) -> Result<DocumentsPage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let number = number.trim();
    let looked = if number.is_empty() {
        None
    } else {
        match office::look_up(state, staff, number).await {
            Ok(looked) => Some(looked),
            Err(ghiseu_app::AppError::Refused(Refusal::Document(
                DocumentRefusal::NotInRegistry,
            ))) => None,
            Err(e) => return Err(e.into()),
        }
    };
    let reasons = looked
        .as_ref()
        .and_then(|l| {
            state
                .catalogue
                .authority(&l.held.registered.document.authority_id)
        })
        .map(|a| {
            a.registry
                .invalidation_reasons
                .iter()
                .map(|r| (r.id.clone(), r.name.get(lang).to_string()))
                .collect()
        })
        .unwrap_or_default();
    Ok(DocumentsPage {
        frame: Frame::new(
            state,
            lang,
            t.m("office-documents-title"),
            "office/documents",
        ),
        errors,
        notice,
        query: number.chars().take(60).collect(),
        searched: !number.is_empty(),
        history: looked
            .as_ref()
            .map(|l| history(state, t, l))
            .unwrap_or_default(),
        found: looked.as_ref().map(|l| found(state, t, l)),
        reasons,
        csrf: staff.current.session.csrf_token.clone(),
    })
}

pub(crate) async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Query(search): Query<Search>,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let notice = match search.done.as_deref() {
        Some("invalidated") => Some(t.m("office-documents-invalidated")),
        Some("reported") => Some(t.m("office-documents-reported")),
        _ => None,
    };
    match page(&state, lang, &staff, &search.number, Vec::new(), notice).await {
        Ok(p) => html(&p),
        Err(e) => e.into_response(),
    }
}

/// After a change: back to the document, or the page again with the refusal
/// next to the field it concerns.
async fn answer(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    number: &str,
    field: &'static str,
    done: &str,
    outcome: Result<(), ApiError>,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let refused = match outcome {
        Ok(()) => {
            return Redirect::to(&format!(
                "/{}/office/documents?number={number}&done={done}",
                lang.code()
            ))
            .into_response();
        }
        Err(ApiError::Refused(refused)) => crate::refusals::on_page(t, &refused),
        Err(e) => return e.into_response(),
    };
    let (status, said) = refused;
    let errors = vec![FormError { field, text: said }];
    match page(state, lang, staff, number, errors, None).await {
        Ok(p) => (status, html(&p)).into_response(),
        Err(e) => e.into_response(),
    }
}

fn forged(state: &AppState, lang: Lang) -> Response {
    (
        StatusCode::FORBIDDEN,
        html(&crate::accounts::expired(state, lang, "office/documents")),
    )
        .into_response()
}

pub(crate) async fn invalidate(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Path((_, number)): Path<(String, String)>,
    Form(form): Form<LossForm>,
) -> Response {
    if !staff.current.csrf_ok(&form.csrf) {
        return forged(&state, lang);
    }
    let outcome = office::invalidate(&state, &staff, &number, form.reason.trim())
        .await
        .map(|_| ())
        .map_err(ApiError::from);
    answer(
        &state,
        lang,
        &staff,
        &number,
        "reason",
        "invalidated",
        outcome,
    )
    .await
}

pub(crate) async fn report(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Path((_, number)): Path<(String, String)>,
    Form(form): Form<LossForm>,
) -> Response {
    if !staff.current.csrf_ok(&form.csrf) {
        return forged(&state, lang);
    }
    let Some(answers) = LossAnswers::read(&form) else {
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        let errors = vec![FormError::new(t, "loss-lost", "registry-report-error-loss")];
        return match page(&state, lang, &staff, &number, errors, None).await {
            Ok(p) => (StatusCode::UNPROCESSABLE_ENTITY, html(&p)).into_response(),
            Err(e) => e.into_response(),
        };
    };
    let outcome = office::record_report(&state, &staff, &number, &answers.report())
        .await
        .map(|_| ())
        .map_err(ApiError::from);
    answer(
        &state,
        lang,
        &staff,
        &number,
        "loss-lost",
        "reported",
        outcome,
    )
    .await
}
