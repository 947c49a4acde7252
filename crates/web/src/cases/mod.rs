//! Applications as citizens see them: start one for themselves or a child,
//! fill it in, send it, follow it.

pub(crate) mod apply;
mod appointment;
mod dashboard;
pub(crate) mod documents;
pub(crate) mod invitation;
mod invitations;
pub(crate) mod problems;
pub(crate) mod submit;
pub(crate) mod view;

pub use ghiseu_app::cases::*;

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
        .route(
            "/{lang}/applications/{id}/invitation",
            get(invitation::form).post(invitation::save),
        )
        .route(
            "/{lang}/applications/{id}/invitation/withdraw",
            post(invitation::withdraw),
        )
        .route("/{lang}/invitations", get(invitations::list))
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
