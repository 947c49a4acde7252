//! Documents issued electronically: the signed file of a case, its QR text,
//! and the keys that verify the QR code offline.

use super::cases::{ApiPerson, reachable};
use crate::AppState;
use crate::error::ApiError;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

async fn issued_file(
    state: &AppState,
    current: &crate::accounts::CurrentPerson,
    id: &str,
) -> Result<(String, ghiseu_storage::issued_files::IssuedFile), ApiError> {
    let case = reachable(state, current, id).await?;
    ghiseu_app::issuance::file_of_case(state, &case.id)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            detail: "This case has no document issued electronically (yet).".into(),
        })
}

/// The signed PDF a case was issued with.
#[utoipa::path(get, path = "/api/v1/cases/{id}/document", tag = "cases",
    responses((status = 200, content_type = "application/pdf"), (status = 404, body = crate::error::Problem)))]
pub(crate) async fn document(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (number, file) = issued_file(&state, &current, &id).await?;
    let disposition = format!("attachment; filename=\"{number}.pdf\"");
    Ok((
        [
            (header::CONTENT_TYPE, file.media_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        file.content,
    )
        .into_response())
}

/// What a document's QR code carries.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentSeal {
    pub number: String,
    /// `GHS1:` and the sealed payload, as printed in the QR code.
    pub seal: String,
}

/// The QR text of the document a case was issued with.
#[utoipa::path(get, path = "/api/v1/cases/{id}/document/seal", tag = "cases",
    responses((status = 200, body = DocumentSeal), (status = 404, body = crate::error::Problem)))]
pub(crate) async fn seal(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    Path(id): Path<String>,
) -> Result<Json<DocumentSeal>, ApiError> {
    let (number, file) = issued_file(&state, &current, &id).await?;
    Ok(Json(DocumentSeal {
        number,
        seal: file.seal,
    }))
}

/// The public keys that verify QR codes, as a JWK Set (RFC 7517).
pub(crate) async fn jwks(State(state): State<AppState>) -> Result<Response, ApiError> {
    let keys = ghiseu_app::issuance::published_keys(&state).ok_or_else(|| ApiError::NotFound {
        detail: "Nothing is issued electronically here.".into(),
    })?;
    Ok((
        [(header::CACHE_CONTROL, "public, max-age=3600")],
        Json(keys),
    )
        .into_response())
}
