//! One error type for the API, rendered as RFC 9457 problem details. Every
//! conversion is explicit; anything unexpected becomes an opaque 500 whose
//! cause is logged, never shown.

use crate::appointments::api::SlotBody;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use ghiseu_app::{AppError, Refusal, RefusalKind};
use ghiseu_domain::quote::{FieldError, QuoteError};
use ghiseu_storage::{Fault, StorageError};
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";
const TYPE_BASE: &str = "https://ghiseu.example/problems/";

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What went wrong and what to do about it, for a person.
    pub detail: String,
    /// The fields to correct, when the request itself was wrong.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
    /// For `urgency-not-offered`: the urgencies the service offers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offered: Option<Vec<String>>,
    /// For `invalid-transition`: the state the case is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_state: Option<String>,
    /// For `invalid-transition`: what the caller may do in that state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_actions: Option<Vec<String>>,
    /// For `waiting-room`: how many people are ahead in the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<u64>,
    /// For `waiting-room` and `too-many-requests`: seconds to wait before
    /// asking again (also in the `Retry-After` header).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// For `slot-full`: up to eight slots of the same day that still have
    /// room for the people asked for, the closest in time first; empty when
    /// the day has none (search other days). Absent past the address's
    /// search limit, which these offers count against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearby: Option<Vec<SlotBody>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// The request field, e.g. `birth_date`.
    pub field: String,
    pub code: String,
    pub detail: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    Quote(#[from] QuoteError),
    #[error("invalid fields")]
    Fields(Vec<FieldError>),
    #[error("{detail}")]
    BadRequest { detail: String },
    #[error("body too large")]
    TooLarge,
    /// A state-changing call without `Content-Type: application/json`.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("not found: {detail}")]
    NotFound { detail: String },
    /// The request is not who it says it is (a bad signature).
    #[error("unauthorised ({code}): {detail}")]
    Unauthorized { code: &'static str, detail: String },
    /// A business refusal; `crate::refusals` puts it into words.
    #[error("refused ({0})")]
    Refused(Refusal),
    /// Well formed, but it cannot apply to what it names. To be converted
    /// into `Refused` (case and payment refusals still use it).
    #[error("unprocessable ({code}): {detail}")]
    Unprocessable { code: &'static str, detail: String },
    /// What the request names changed meanwhile; sending it again may succeed.
    #[error("conflict: {detail}")]
    Conflict { detail: String },
    /// The case is not in a state where this can be done.
    #[error("invalid transition: {detail}")]
    InvalidTransition {
        current: String,
        allowed: Vec<String>,
        detail: String,
    },
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
    /// The database cannot be reached.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// The document store (where scans are kept) failed; trying again later
    /// may work.
    #[error("document store: {0}")]
    DocumentStore(String),
    /// A scan whose stored file is gone: replaced by a newer one, or removed.
    /// Trying again will not bring it back.
    #[error("not stored: {0}")]
    NotStored(String),
    /// Something that should not happen; the cause is logged, never shown.
    #[error("internal: {0}")]
    Internal(String),
}

impl ApiError {
    /// Whether what the request names is not there.
    pub fn is_not_found(&self) -> bool {
        match self {
            ApiError::NotFound { .. } => true,
            ApiError::Refused(refusal) => refusal.kind() == RefusalKind::NotFound,
            _ => false,
        }
    }

    pub fn problem(&self) -> Problem {
        let (status, code, title, detail) = match self {
            ApiError::Quote(e) => (
                if e.is_not_found() { StatusCode::NOT_FOUND } else { StatusCode::UNPROCESSABLE_ENTITY },
                e.code(),
                if e.is_not_found() { "Not found" } else { "The request cannot be answered as it stands" },
                e.to_string(),
            ),
            ApiError::Fields(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid-fields",
                "Some fields are not right",
                "Correct the fields listed in `errors` and send the request again.".to_string(),
            ),
            ApiError::BadRequest { detail } => {
                (StatusCode::BAD_REQUEST, "bad-request", "The request is malformed", detail.clone())
            }
            ApiError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                "The request is too large",
                "The request body is too large; send less than 64 KiB.".to_string(),
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Send the request as JSON",
                "Send this request with the header Content-Type: application/json (an empty body or {} is enough).".to_string(),
            ),
            ApiError::NotFound { detail } => (StatusCode::NOT_FOUND, "not-found", "Not found", detail.clone()),
            ApiError::Unauthorized { code, detail } => {
                (StatusCode::UNAUTHORIZED, *code, "The request could not be authenticated", detail.clone())
            }
            ApiError::Unprocessable { code, detail } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                *code,
                "The request cannot be answered as it stands",
                detail.clone(),
            ),
            ApiError::Conflict { detail } => (StatusCode::CONFLICT, "conflict", "Changed meanwhile", detail.clone()),
            ApiError::InvalidTransition { detail, .. } => (
                StatusCode::CONFLICT,
                "invalid-transition",
                "Not possible in the case's current state",
                detail.clone(),
            ),
            ApiError::Refused(refusal) => return crate::refusals::problem(refusal),
            ApiError::Storage(e) if e.fault() == Fault::Unavailable => unavailable(),
            ApiError::Storage(e) if e.fault() == Fault::Full => (
                StatusCode::SERVICE_UNAVAILABLE,
                "storage-full",
                "Temporarily unavailable",
                "The service has no room left to keep what you sent, so nothing was changed. Please try again later; the staff have been told.".to_string(),
            ),
            ApiError::Storage(_) | ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on our side",
                "The service could not complete the request. Nothing was changed; please try again in a few minutes.".to_string(),
            ),
            ApiError::Unavailable(_) => unavailable(),
            ApiError::DocumentStore(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "document-store-unavailable",
                "Scans temporarily unavailable",
                "The document store, where scans are kept, is not working right now. Nothing was changed; please try again in a few minutes.".to_string(),
            ),
            ApiError::NotStored(_) => (
                StatusCode::GONE,
                "not-stored",
                "This scan is no longer stored",
                "This scan is no longer stored: it was replaced by a newer one or removed. Open the application to see its current scans, and upload the document again if it is still needed.".to_string(),
            ),
        };
        let errors = match self {
            ApiError::Fields(fields) => fields
                .iter()
                .map(|f| ProblemField {
                    field: f.field.to_string(),
                    code: f.code.to_string(),
                    detail: f.message.clone(),
                })
                .collect(),
            ApiError::Quote(e) if !e.is_not_found() => vec![ProblemField {
                field: e.field().to_string(),
                code: e.code().to_string(),
                detail: e.to_string(),
            }],
            _ => Vec::new(),
        };
        let offered = match self {
            ApiError::Quote(QuoteError::UrgencyNotOffered { offered, .. }) => Some(offered.clone()),
            _ => None,
        };
        let (current_state, allowed_actions) = match self {
            ApiError::InvalidTransition {
                current, allowed, ..
            } => (Some(current.clone()), Some(allowed.clone())),
            _ => (None, None),
        };
        Problem {
            kind: problem_type(code),
            title: title.to_string(),
            status: status.as_u16(),
            detail,
            errors,
            offered,
            current_state,
            allowed_actions,
            place: None,
            // What a person can do about an outage is wait: say how long.
            retry_after: (status == StatusCode::SERVICE_UNAVAILABLE)
                .then_some(RETRY_OUTAGE_SECONDS),
            nearby: None,
        }
    }
}

/// How long to wait before retrying after an outage of the database or the
/// document store: a PostgreSQL restart or a failover takes about this long.
const RETRY_OUTAGE_SECONDS: u64 = 30;

fn unavailable() -> (StatusCode, &'static str, &'static str, String) {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
        "Temporarily unavailable",
        "The service cannot reach its database right now, so nothing was changed. Please try again in a minute.".to_string(),
    )
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::Quote(e) => ApiError::Quote(e),
            AppError::Fields(fields) => ApiError::Fields(fields),
            AppError::BadRequest { detail } => ApiError::BadRequest { detail },
            AppError::NotFound { detail } => ApiError::NotFound { detail },
            AppError::Unauthorized { code, detail } => ApiError::Unauthorized { code, detail },
            AppError::Refused(refusal) => ApiError::Refused(refusal),
            AppError::Conflict { detail } => ApiError::Conflict { detail },
            AppError::InvalidTransition {
                current,
                allowed,
                detail,
            } => ApiError::InvalidTransition {
                current,
                allowed,
                detail,
            },
            AppError::Storage(e) => ApiError::Storage(e),
            AppError::Unavailable(e) => ApiError::Unavailable(e),
            AppError::DocumentStore(e) => ApiError::DocumentStore(e),
            AppError::NotStored(e) => ApiError::NotStored(e),
            AppError::Internal(e) => ApiError::Internal(e),
        }
    }
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> Self {
        ApiError::Refused(refusal)
    }
}

/// The `type` URI of problems with this code.
pub fn problem_type(code: &str) -> String {
    format!("{TYPE_BASE}{code}")
}

impl From<ghiseu_files::StoreError> for ApiError {
    fn from(error: ghiseu_files::StoreError) -> Self {
        match error {
            ghiseu_files::StoreError::NotFound(key) => ApiError::NotStored(key.to_string()),
            other => ApiError::DocumentStore(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Storage(e) = &self {
            match e.fault() {
                Fault::Broken => tracing::error!(error = %e, "storage failure"),
                Fault::Full => tracing::error!(error = %e, "storage full"),
                Fault::Unavailable => tracing::warn!(error = %e, "database unavailable"),
            }
        }
        if let ApiError::Internal(e) = &self {
            tracing::error!(error = %e, "internal failure");
        }
        if let ApiError::Unavailable(e) = &self {
            tracing::warn!(error = %e, "dependency unavailable");
        }
        if let ApiError::DocumentStore(e) = &self {
            tracing::warn!(error = %e, "document store failure");
        }
        if let ApiError::NotStored(e) = &self {
            tracing::warn!(key = %e, "a scan's stored file is missing");
        }
        let mut response = problem_response(&self.problem());
        if matches!(self, ApiError::DocumentStore(_)) {
            response.extensions_mut().insert(ScansAway);
        }
        response
    }
}

/// Marks the answer to a request that failed because the document store
/// did not answer, for the layer that tells failures under a page's
/// address as pages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScansAway;

pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    let mut response = (status, [(header::CONTENT_TYPE, PROBLEM_JSON)], body).into_response();
    if let Some(seconds) = problem.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    }
    response
}

/// Errors produced below the handlers (an unknown method, an oversized body,
/// a timeout) come without a body; under `/api/` they become problems too.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BareErrors {
    is_api: bool,
    body_limit: usize,
}

impl BareErrors {
    /// What the request's bare errors should say.
    pub(crate) fn of(request: &axum::extract::Request) -> Self {
        let path = request.uri().path();
        BareErrors {
            is_api: path.starts_with("/api/"),
            body_limit: if path == "/api/v1/payments/webhook" {
                crate::payments::webhook::MAX_BODY_BYTES
            } else {
                64 * 1024
            },
        }
    }

    /// `response`, or the problem it stands for when it is a bare error of
    /// the API.
    pub(crate) fn as_problem(self, response: Response) -> Response {
        let BareErrors { is_api, body_limit } = self;
        let status = response.status();
        let already_problem = response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
        if !is_api || already_problem || !(status.is_client_error() || status.is_server_error()) {
            return response;
        }
        let (code, detail) = match status {
            StatusCode::METHOD_NOT_ALLOWED => (
                "method-not-allowed",
                "This resource does not accept that method; see /api/openapi.json for what it accepts."
                    .to_string(),
            ),
            StatusCode::PAYLOAD_TOO_LARGE => (
                "too-large",
                format!(
                    "The request body is too large; send at most {} KiB.",
                    body_limit / 1024
                ),
            ),
            StatusCode::SERVICE_UNAVAILABLE => (
                "timeout",
                "The request took too long; please try again in a moment.".to_string(),
            ),
            _ => (
                "error",
                "The request could not be answered; check it against /api/openapi.json.".to_string(),
            ),
        };
        let mut problem = problem_response(&Problem {
            kind: problem_type(code),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail,
            errors: Vec::new(),
            offered: None,
            current_state: None,
            allowed_actions: None,
            place: None,
            retry_after: None,
            nearby: None,
        });
        if let Some(allow) = response.headers().get(header::ALLOW) {
            problem.headers_mut().insert(header::ALLOW, allow.clone());
        }
        problem
    }
}
