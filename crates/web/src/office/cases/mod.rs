//! The back office's cases: each operator's queue at their offices, one case
//! at a time claimed, checked, returned, accepted or rejected, produced,
//! made ready and handed over. Supervisors see every office of their
//! authority and reassign cases.

mod appointment;
mod decide;
mod documents;
pub(crate) mod handover;
mod queue;
mod show;

use super::Staff;
use crate::AppState;
use crate::error::ApiError;
use axum::Router;
use axum::routing::{get, post};
use ghiseu_storage::cases::CaseRecord;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/office/cases", get(queue::list))
        .route("/{lang}/office/cases/{id}", get(show::show))
        .route("/{lang}/office/cases/{id}/claim", post(decide::claim))
        .route("/{lang}/office/cases/{id}/decide", post(decide::decide))
        .route("/{lang}/office/cases/{id}/assign", post(decide::assign))
        .route(
            "/{lang}/office/cases/{id}/appointment",
            post(appointment::give),
        )
        .route(
            "/{lang}/office/cases/{id}/handover",
            post(handover::hand_over),
        )
        .route(
            "/{lang}/office/cases/{id}/documents/{doc}",
            get(documents::download),
        )
        .route(
            "/{lang}/office/cases/{id}/documents/{doc}/review",
            post(documents::review),
        )
}

/// The case, if this member of staff serves its office and has no part in
/// it as a citizen (see `ghiseu_app::office::cases::staff_case`).
pub(crate) async fn staff_case(
    state: &AppState,
    staff: &Staff,
    id: &str,
) -> Result<Option<CaseRecord>, ApiError> {
    Ok(ghiseu_app::office::cases::staff_case(state, staff, id).await?)
}

/// Whether the member of staff is in the case as a citizen.
pub(crate) async fn has_part(
    state: &AppState,
    staff: &Staff,
    case: &CaseRecord,
) -> Result<bool, ApiError> {
    Ok(ghiseu_app::office::cases::has_part(state, staff, case).await?)
}

pub(crate) fn staff_case_href(lang: ghiseu_domain::catalogue::Lang, id: &str) -> String {
    format!("/{}/office/cases/{id}", lang.code())
}
