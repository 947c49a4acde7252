//! Documents issued electronically: the signed file of a case, its QR text,
//! and the keys that verify the QR code offline.

use super::cases::{ApiPerson, reachable};
use super::problems;
use crate::AppState;
use crate::error::{ApiError, Problem};
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
    params(("id" = String, Path, description = "The case's id")),
    security(("session" = [])),
    responses(
        (status = 200, content_type = "application/pdf", body = [u8], description = "The signed PDF, as an attachment"),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No case with this id is the person's to see, or it has no document issued electronically (yet)")
    ))]
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
    params(("id" = String, Path, description = "The case's id")),
    security(("session" = [])),
    responses(
        (status = 200, body = DocumentSeal),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No case with this id is the person's to see, or it has no document issued electronically (yet)")
    ))]
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

/// A sealed document that is no longer valid.
#[derive(Debug, Serialize, ToSchema)]
pub struct WithdrawnDocument {
    pub number: String,
    pub authority: String,
    /// `invalidated` (revoked by the authority), `reported-lost`,
    /// `reported-stolen` or `replaced`.
    pub why: &'static str,
    /// Since when it is not valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Its last valid day had it stayed in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
}

/// The published list of revoked documents.
#[derive(Debug, Serialize, ToSchema)]
pub struct WithdrawnList {
    /// When the list was read (RFC 3339).
    pub generated_at: String,
    pub documents: Vec<WithdrawnDocument>,
}

/// Every document issued with a QR seal that is no longer valid and has not
/// expired, for verifiers that work offline: download it, then refuse any
/// sealed number on it. No sign-in; nothing about the holders.
#[utoipa::path(get, path = "/api/v1/documents/revoked", tag = "documents",
    responses((status = 200, body = WithdrawnList)))]
pub(crate) async fn revoked(State(state): State<AppState>) -> Result<Response, ApiError> {
    let documents = ghiseu_app::issuance::withdrawn(&state)
        .await?
        .into_iter()
        .map(|d| WithdrawnDocument {
            number: d.number,
            authority: d.authority_id,
            why: d.standing.code(),
            since: d.since,
            expires_on: d.expires_on,
        })
        .collect();
    let list = WithdrawnList {
        generated_at: state.clock.now().to_string(),
        documents,
    };
    Ok(([(header::CACHE_CONTROL, "public, max-age=60")], Json(list)).into_response())
}

/// A QR code's text to verify.
#[derive(Debug, serde::Deserialize, ToSchema)]
pub struct SealToVerify {
    /// The text the QR code carries, `GHS1:…` (letters in either case;
    /// spaces around it and line breaks are ignored): at most 4,400
    /// characters.
    #[serde(default)]
    #[schema(required = true, max_length = 4400, pattern = "^\\s*[Gg][Hh][Ss]1:")]
    pub seal: String,
}

/// What the seal says, as sealed (the verifier compares it with the paper).
#[derive(Debug, Serialize, ToSchema)]
pub struct SealedDocument {
    pub number: String,
    pub document_type: String,
    pub holder_name: String,
    /// The holder's birth date; absent for an organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    pub issued_on: String,
    pub expires_on: String,
}

/// A genuine seal, and what the registry says of its document today.
#[derive(Debug, Serialize, ToSchema)]
pub struct SealVerified {
    /// Whether the document is valid now, as the public check answers it
    /// (`no-match` when the registry holds no document of that number).
    #[serde(flatten)]
    pub status: super::documents::DocumentCheckAnswer,
    pub document: SealedDocument,
}

/// Verifies a QR code's text without signing in: genuine and what it says,
/// or a 422 naming why it is not (`not-a-seal`, `unreadable`,
/// `unknown-key`, `altered`).
#[utoipa::path(post, path = "/api/v1/documents/verify", tag = "documents",
    request_body = SealToVerify,
    responses(
        (status = 200, body = SealVerified),
        (status = 400, response = problems::BadRequest),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Not a genuine seal: `errors` names `seal` with the code `not-a-seal`, `unreadable`, `unknown-key` or `altered`"),
        (status = 503, body = Problem, content_type = "application/problem+json", description = "Nothing is issued electronically here (`unavailable`)")
    ))]
pub(crate) async fn verify(
    State(state): State<AppState>,
    super::ApiJson(body): super::ApiJson<SealToVerify>,
) -> Result<Json<SealVerified>, ApiError> {
    match ghiseu_app::issuance::verify::verify(&state, &body.seal).await? {
        Ok(verified) => {
            let sealed = verified.sealed;
            Ok(Json(SealVerified {
                status: super::documents::DocumentCheckAnswer::new(verified.answer),
                document: SealedDocument {
                    number: sealed.number,
                    document_type: sealed.document_type,
                    holder_name: sealed.holder_name,
                    birth_date: sealed.birth_date.map(|d| d.to_string()),
                    issued_on: sealed.issued_on.to_string(),
                    expires_on: sealed.expires_on.to_string(),
                },
            }))
        }
        Err(forged) => Err(ApiError::Fields(vec![ghiseu_domain::quote::FieldError {
            field: "seal",
            code: forged.code(),
            value: String::new(),
            message: forged_message(forged).into(),
        }])),
    }
}

fn forged_message(forged: ghiseu_app::issuance::verify::Forged) -> &'static str {
    use ghiseu_app::issuance::verify::Forged;
    match forged {
        Forged::NotASeal => "This is not the text of a document's QR code: it starts with GHS1:.",
        Forged::Unreadable => {
            "The text cannot be read: it is damaged or cut short. Scan or copy it again."
        }
        Forged::UnknownKey => {
            "This QR code was not sealed by this authority: do not trust the document."
        }
        Forged::Altered => {
            "This QR code was changed after it was sealed: do not trust the document."
        }
    }
}
