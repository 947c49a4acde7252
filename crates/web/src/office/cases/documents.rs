//! Staff look at each scan of a case they serve and mark it accepted or not,
//! with a reason the applicant reads.

use super::super::Staff;
use super::show::render;
use super::{staff_case, staff_case_href};
use crate::AppState;
use crate::cases::documents::serve_document;
use crate::error::ApiError;
use crate::pages::view::Tr;
use crate::pages::{PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::case::CaseState;
use ghiseu_storage::case_documents;
use ghiseu_storage::{StorageError, audit};
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
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    if !staff.current.csrf_ok(&form.csrf) {
        let page = crate::accounts::expired(&state, lang, &format!("office/cases/{id}"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let case = match staff_case(&state, &staff, &id).await {
        Ok(Some(c)) => c,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let problem = |key: &str, status: StatusCode| {
        let message = t.m(key);
        let state = &state;
        let staff = &staff;
        let case = &case;
        async move {
            match render(state, lang, staff, case, Some(message)).await {
                Ok(p) => (status, html(&p)).into_response(),
                Err(e) => e.into_response(),
            }
        }
    };
    if case.assignee_id.as_deref() != Some(staff.current.person.id.as_str()) {
        return problem("office-case-claim-first", StatusCode::FORBIDDEN).await;
    }
    if CaseState::parse(&case.state) != Some(CaseState::InReview) {
        return problem("office-case-not-now", StatusCode::CONFLICT).await;
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
        let mut tx = state.db.pool().begin().await.map_err(StorageError::from)?;
        let done = case_documents::review(&mut tx, &case.id, &doc, verdict, reason).await?;
        tx.commit().await.map_err(StorageError::from)?;
        Ok(done)
    }
    .await;
    match saved {
        Ok(true) => Redirect::to(&staff_case_href(lang, &id)).into_response(),
        Ok(false) => finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => e.into_response(),
    }
}
