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
use ghiseu_storage::cases::{self, CaseRecord};

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
/// it as a citizen: a case of their own, of their child or one they
/// represent someone on is handled by a colleague, never by them.
pub(crate) async fn staff_case(
    state: &AppState,
    staff: &Staff,
    id: &str,
) -> Result<Option<CaseRecord>, ApiError> {
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
pub(crate) async fn has_part(
    state: &AppState,
    staff: &Staff,
    case: &CaseRecord,
) -> Result<bool, ApiError> {
    if case.applicant_id == staff.current.person.id {
        return Ok(true);
    }
    Ok(
        crate::cases::access::relation(state, &staff.current.person.id, case)
            .await?
            .is_some(),
    )
}

pub(crate) fn staff_case_href(lang: ghiseu_domain::catalogue::Lang, id: &str) -> String {
    format!("/{}/office/cases/{id}", lang.code())
}
