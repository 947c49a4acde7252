//! The registry on the API: the documents a person and their children hold,
//! reporting one lost or stolen, and the public validity check. Every rule is the application's
//! (`ghiseu_app::registry`); this only reads the request and writes JSON.

use super::cases::ApiPerson;
use super::{ApiJson, problems};
use crate::AppState;
use crate::accounts::ClientAddress;
use crate::error::{ApiError, Problem};
use axum::Json;
use axum::extract::{Path, State};
use ghiseu_app::registry::check::{self, Asker, CheckAnswer, CheckInput};
use ghiseu_app::registry::{self, HeldDocument, Loss, Report};
use ghiseu_domain::registry::Validity;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A document held by the person or by a child they are guardian of.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistryDocument {
    pub number: String,
    /// The catalogue's service that issued it (none for an imported one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The authority's document type, e.g. `passport` or `identity-card`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_type: Option<String>,
    pub authority: String,
    pub holder_name: String,
    /// The child's id when the holder is a child the person acts for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ward: Option<String>,
    pub issued_on: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    /// `valid`, `expired` or `not-valid`.
    pub validity: &'static str,
    /// What was recorded: `valid`, `awaiting-collection`, `reported-lost`,
    /// `reported-stolen`, `invalidated`, `replaced` or `not-collected`.
    pub standing: &'static str,
    /// The day a document stopped being valid (or expired).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// The last day to apply for a new one in time, where the authority sets one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_by: Option<String>,
}

impl RegistryDocument {
    fn new(held: &HeldDocument) -> Self {
        let document = &held.registered.document;
        let (validity, since) = match held.validity {
            Validity::Valid { .. } => ("valid", None),
            Validity::Expired { on } => ("expired", Some(on.to_string())),
            Validity::NotValid { since, .. } => ("not-valid", Some(since.to_string())),
        };
        RegistryDocument {
            number: document.number.clone(),
            service: document.service_id.clone(),
            document_type: document.document_type.clone(),
            authority: document.authority_id.clone(),
            holder_name: document.holder_name.clone(),
            ward: document.holder_ward_id.clone(),
            issued_on: document.issued_on.clone(),
            expires_on: document.expires_on.clone(),
            validity,
            standing: held.registered.standing.code(),
            since,
            days_left: held.days_left,
            apply_by: held.apply_by.map(|d| d.to_string()),
        }
    }
}

/// A report of a lost or stolen document.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LossReport {
    /// `lost` or `stolen`.
    pub loss: LossKind,
    /// Where it happened, as far as known (the first 500 characters are kept).
    #[serde(default)]
    pub place: Option<String>,
    /// What happened, as far as known (the first 500 characters are kept).
    #[serde(default)]
    pub circumstances: Option<String>,
    /// The police report's number, where one was made (the first 500
    /// characters are kept).
    #[serde(default)]
    pub police_report: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LossKind {
    Lost,
    Stolen,
}

fn text(value: &Option<String>) -> Option<String> {
    value.as_deref().and_then(crate::registry::kept)
}

/// The person's documents and their children's.
#[utoipa::path(get, path = "/api/v1/documents", tag = "documents",
    security(("session" = [])),
    responses((status = 200, body = [RegistryDocument]), (status = 401, response = problems::SignInRequired)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
) -> Result<Json<Vec<RegistryDocument>>, ApiError> {
    let held = registry::mine(&state, &current).await?;
    Ok(Json(held.iter().map(RegistryDocument::new).collect()))
}

/// Reports a document lost or stolen: it is not valid from this moment on,
/// and finding it later does not change that.
#[utoipa::path(post, path = "/api/v1/documents/{number}/report", tag = "documents",
    request_body = LossReport,
    params(("number" = String, Path, description = "The document's number, as listed by GET /api/v1/documents")),
    security(("session" = [])),
    responses(
        (status = 200, body = RegistryDocument),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No document of this number is the person's or their child's (`document-not-found`)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The document is no longer in force (`document-not-in-force`)"),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The document has expired (`document-expired`)")
    ))]
pub(crate) async fn report(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    Path(number): Path<String>,
    ApiJson(body): ApiJson<LossReport>,
) -> Result<Json<RegistryDocument>, ApiError> {
    let (place, circumstances, police_report) = (
        text(&body.place),
        text(&body.circumstances),
        text(&body.police_report),
    );
    let asked = Report {
        loss: match body.loss {
            LossKind::Lost => Loss::Lost,
            LossKind::Stolen => Loss::Stolen,
        },
        place: place.as_deref(),
        circumstances: circumstances.as_deref(),
        police_report: police_report.as_deref(),
    };
    let held = registry::report(&state, &current, &number, &asked).await?;
    Ok(Json(RegistryDocument::new(&held)))
}

/// A public validity check: a document's number and its holder's personal id.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DocumentCheckRequest {
    /// As printed on the document: at most 40 characters, not blank.
    #[serde(default)]
    #[schema(
        required = true,
        min_length = 1,
        max_length = 40,
        pattern = "\\S",
        example = "RO-PAS-AB-D-2026-000001"
    )]
    pub number: String,
    /// The holder's Romanian CNP, Moldovan IDNP or Lithuanian personal code;
    /// an organisation's Romanian CUI; for an invitation, the invited
    /// person's passport number (6 to 9 letters and digits). Spaces are
    /// ignored. One that is valid in none of these (a wrong check digit) is
    /// refused (422 `invalid-fields`, code `malformed`).
    #[serde(default)]
    #[schema(
        required = true,
        min_length = 1,
        max_length = 40,
        pattern = "\\S",
        example = "1960523123457"
    )]
    pub personal_id: String,
}

/// What the check found; nothing about the holder.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentCheckAnswer {
    /// `valid`, `expired`, `not-valid` or `no-match` (no document with this
    /// number whose holder has this personal id).
    pub answer: &'static str,
    /// For a valid document: its last valid day (none without an expiry).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// For an expired document: its last valid day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
    /// For a document no longer valid: `reported-lost`, `reported-stolen`,
    /// `invalidated`, `replaced` or `not-collected`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<&'static str>,
    /// For a document no longer valid: since when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
}

impl DocumentCheckAnswer {
    pub(crate) fn new(answer: CheckAnswer) -> Self {
        let mut body = DocumentCheckAnswer {
            answer: answer.code(),
            until: None,
            on: None,
            why: None,
            since: None,
        };
        match answer {
            CheckAnswer::Valid { until } => body.until = until.map(|d| d.to_string()),
            CheckAnswer::Expired { on } => body.on = Some(on.to_string()),
            CheckAnswer::NotValid { why, since } => {
                body.why = Some(why.code());
                body.since = Some(since.to_string());
            }
            CheckAnswer::NoMatch => {}
        }
        body
    }
}

/// Checks whether a document is valid, without signing in. The same
/// `no-match` answers an unknown number and a personal id that is not the
/// holder's. Limited per client address and per number (429 with
/// `Retry-After`).
#[utoipa::path(post, path = "/api/v1/documents/check", tag = "documents",
    request_body = DocumentCheckRequest,
    responses(
        (status = 200, body = DocumentCheckAnswer),
        (status = 400, response = problems::BadRequest),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "A field is blank, too long or not a personal id of any kind (`invalid-fields`, `errors` names it)"),
        (status = 429, response = problems::TooManyRequests)
    ))]
pub(crate) async fn check_document(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(body): ApiJson<DocumentCheckRequest>,
) -> Result<Json<DocumentCheckAnswer>, ApiError> {
    let input = CheckInput::parse(&body.number, &body.personal_id).map_err(ApiError::Fields)?;
    let asker = Asker { client: &client.0 };
    let answer = check::check(&state, asker, &input).await?;
    Ok(Json(DocumentCheckAnswer::new(answer)))
}
