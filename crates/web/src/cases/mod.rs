//! Applications as citizens see them: start one for themselves or a child,
//! fill it in, send it, follow it.

pub(crate) mod access;
pub(crate) mod apply;
mod appointment;
mod dashboard;
pub mod demo;
pub(crate) mod documents;
pub mod expiry;
pub(crate) mod in_flight;
pub(crate) mod pace;
pub(crate) mod submit;
pub mod sweep;
pub(crate) mod view;

use crate::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use ghiseu_domain::catalogue::Lang;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/applications",
            get(dashboard::list).post(apply::start),
        )
        .route("/{lang}/applications/new", get(apply::form))
        .route("/{lang}/applications/{id}", get(view::show))
        .route("/{lang}/applications/{id}/answers", post(view::save))
        .route("/{lang}/applications/{id}/submit", post(submit::submit))
        .route("/{lang}/applications/{id}/withdraw", post(submit::withdraw))
        .route(
            "/{lang}/applications/{id}/documents",
            post(documents::upload).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/{lang}/applications/{id}/documents/{doc}",
            get(documents::download),
        )
}

/// The most any authority may allow for one scan (see the catalogue's
/// `max_upload_bytes`), plus room for the form's other fields; each
/// authority's own limit is enforced while the file streams in.
const UPLOAD_BODY_LIMIT: usize = 100 * 1024 * 1024 + 64 * 1024;

pub(crate) fn case_href(lang: Lang, id: &str) -> String {
    format!("/{}/applications/{id}", lang.code())
}

/// The holder's facts copied onto a new case.
pub(crate) struct CaseCopy {
    pub person_id: Option<String>,
    pub ward_id: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Option<String>,
    pub region: Option<String>,
}

/// The holder's category on the filing date (today for a draft), from the
/// birth date and the answers; `None` when it cannot be told yet.
pub(crate) fn case_category<'a>(
    state: &AppState,
    authority: &ghiseu_domain::catalogue::Authority,
    service: &'a ghiseu_domain::catalogue::Service,
    case: &ghiseu_storage::cases::CaseRecord,
    answers: &ghiseu_domain::case::application::Answers,
) -> Option<&'a ghiseu_domain::catalogue::Category> {
    let birth = case
        .holder_birth_date
        .as_deref()
        .and_then(|b| b.parse().ok());
    let filed = case
        .filed_on
        .as_deref()
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| state.clock.today(authority));
    ghiseu_domain::case::application::category_for(service, birth, filed, answers.domicile_abroad)
        .ok()
        .flatten()
}
