//! Staff look at each scan of a case they serve and mark it accepted or not,
//! with a reason the applicant reads.

use super::super::Staff;
use super::decide::{again, answer, prelude};
use super::staff_case;
use crate::AppState;
use crate::cases::documents::serve_document;
use crate::error::ApiError;
use crate::pages::{PageError, finish};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ghiseu_domain::case::CaseState;
use ghiseu_storage::audit;
use ghiseu_storage::case_documents;
use serde::Deserialize;

pub(crate) async fn download(
    State(state): State<AppState>,
    Path((lang, id, doc)): Path<(String, String, String)>,
    staff: Staff,
) -> Response {
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let case = match staff_case(&state, &staff, &id).await {
        Ok(Some(c)) => c,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    let doc = match case_documents::get(&state.db, &case.id, &doc).await {
        Ok(Some(d)) => d,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let mut event = staff.audit_event(&state, "document.viewed", case.holder_person_id.as_deref());
    event.on_behalf_of = case.holder_ward_id.clone();
    event.detail = serde_json::json!({ "case": case.id, "document": doc.id });
    if let Err(e) = audit::record(&state.db, &event).await {
        return ApiError::from(e).into_response();
    }
    serve_document(&state, &doc).await
}

#[derive(Deserialize, Default)]
pub(crate) struct ReviewForm {
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn review(
    State(state): State<AppState>,
    Path((lang, id, doc)): Path<(String, String, String)>,
    staff: Staff,
    Form(form): Form<ReviewForm>,
) -> Response {
    let (lang, case) = match prelude(&state, &lang, &staff, &id, &form.csrf).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let problem =
        |key: &'static str, status: StatusCode| again(&state, lang, &staff, &id, status, key);
    if case.assignee_id.as_deref() != Some(staff.current.person.id.as_str()) {
        return problem("office-case-claim-first", StatusCode::FORBIDDEN).await;
    }
    match ghiseu_app::office::cases::is_in(&case, CaseState::InReview) {
        Ok(true) => {}
        Ok(false) => return problem("office-case-not-now", StatusCode::CONFLICT).await,
        Err(e) => return ApiError::from(e).into_response(),
    }
    let reason = form.reason.trim();
    let (verdict, reason) = match form.verdict.as_str() {
        "accepted" => ("accepted", None),
        "rejected" if !reason.is_empty() && reason.chars().count() <= 500 => {
            ("rejected", Some(reason))
        }
        "rejected" => {
            return problem(
                "office-scan-reason-needed",
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        _ => {
            return problem(
                "office-case-choose-action",
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let saved: Result<bool, ApiError> = async {
        let mut tx = state.db.begin_write().await?;
        let done = case_documents::review(&mut tx, &case.id, &doc, verdict, reason).await?;
        tx.commit().await?;
        Ok(done)
    }
    .await;
    answer(&state, lang, &staff, &id, saved, "office-case-not-now").await
}
