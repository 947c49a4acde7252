//! Applications through the JSON API, for the same people as the pages (the
//! session cookie; a JSON body, which a cross-site form cannot send). The
//! domain's state machine decides every move: a move it refuses is a 409
//! problem naming the case's state and what is allowed. An `Idempotency-Key`
//! makes a retried request return the first answer.

use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::accounts::session::SignInRequired;
use crate::api::problems;
use crate::api::{ApiJson, Whole};
use crate::cases::access::citizen_case;
use crate::error::{ApiError, Problem};
use axum::body::Body;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use ghiseu_app::cases::moves::state_of;
use ghiseu_app::cases::submission::{self, Refusal};
use ghiseu_app::{AppError, CaseRefusal, Keyed};
use ghiseu_domain::case::{Actor, allowed_actions};
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::idempotency::{self, Claim};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, ToSchema};

/// The signed-in person, or a 401 problem (never a redirect) for the API.
pub struct ApiPerson(pub CurrentPerson);

impl FromRequestParts<AppState> for ApiPerson {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        CurrentPerson::from_request_parts(parts, state)
            .await
            .map(ApiPerson)
            .map_err(|rejection| match rejection {
                SignInRequired::Login(_) => ApiError::Unauthorized {
                    code: "sign-in-required",
                    detail: "Sign in on the portal first; the API uses the same session.".into(),
                }
                .into_response(),
                SignInRequired::Unreadable(e) => ApiError::Storage(e).into_response(),
            })
    }
}

/// The `Idempotency-Key` header of an operation a client may retry.
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code, reason = "describes a header for OpenAPI; `once` reads it")]
pub struct IdempotencyKey {
    /// Makes a retry with the same key and the same request return the first
    /// answer: 1 to 128 visible ASCII characters, e.g. a UUID. The same key
    /// with another request is refused (422 `idempotency-key-reused`); while
    /// the first request is still being answered, 409. A first request answered
    /// with a 5xx or 429 frees its key at once; one whose server
    /// stopped holds it until a retry takes it over, 35 s after it was made
    /// (the server's page timeout, 30 s by default, plus 5 s).
    #[param(
        rename = "Idempotency-Key",
        min_length = 1,
        max_length = 128,
        pattern = "^[!-~]{1,128}$",
        example = "0b9f4e4e-7d1c-4b8e-9f5a-2f0c6d1e3a77"
    )]
    idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewCaseBody {
    /// A service id from `/api/v1/services`.
    #[schema(example = "ro.passport.electronic")]
    pub service: String,
    /// `self`, or the id of a child the person is guardian of.
    #[schema(example = "self")]
    pub holder: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MoveBody {
    /// The case's `version` as last read; a stale one is refused.
    #[schema(value_type = i64)]
    pub version: Whole,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseEventBody {
    /// RFC 3339.
    pub at: String,
    pub action: String,
    pub from_state: String,
    pub to_state: String,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseBody {
    pub id: String,
    /// Given at submission, e.g. `RO-PAS-AB-2026-000001`.
    pub reference: Option<String>,
    pub service: String,
    pub state: String,
    pub version: i64,
    /// What the applicant may do now.
    pub allowed_actions: Vec<String>,
    pub office: Option<String>,
    pub filed_on: Option<String>,
    pub deadline: Option<String>,
    pub fee_minor: Option<i64>,
    pub currency: String,
    pub timeline: Vec<CaseEventBody>,
}

async fn body(state: &AppState, case: &CaseRecord) -> Result<CaseBody, ApiError> {
    let current = state_of(case)?;
    let timeline = cases::events(&state.db, &case.id)
        .await?
        .into_iter()
        .map(|e| CaseEventBody {
            at: jiff::Timestamp::from_microsecond(e.at)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            action: e.action,
            from_state: e.from_state,
            to_state: e.to_state,
            reason: e.reason,
        })
        .collect();
    Ok(CaseBody {
        id: case.id.clone(),
        reference: case.reference.clone(),
        service: case.service_id.clone(),
        state: case.state.clone(),
        version: case.version,
        allowed_actions: allowed_actions(current, Actor::Applicant)
            .into_iter()
            .map(|a| a.code().to_string())
            .collect(),
        office: case.office_id.clone(),
        filed_on: case.filed_on.clone(),
        deadline: case.deadline.clone(),
        fee_minor: case.fee_minor,
        currency: case.currency.clone(),
        timeline,
    })
}

pub(crate) fn json(status: StatusCode, value: &impl Serialize) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Runs `work` once per `Idempotency-Key`: a retry with the same key and the
/// same request gets the stored answer; the same key with another request is
/// refused. `work` is told the key and whether it takes over a claim
/// abandoned without an answer, when what it does may already be done.
/// What it made is recorded with the key if its use case takes `Attempt::keyed`.
pub(crate) async fn once<W, F>(
    state: &AppState,
    person_id: &str,
    headers: &HeaderMap,
    request: &str,
    work: W,
) -> Response
where
    W: FnOnce(Attempt) -> F,
    F: Future<Output = Response>,
{
    let Some(key) = headers.get("idempotency-key") else {
        return work(Attempt::default()).await;
    };
    let key = match key.to_str() {
        Ok(k) if (1..=128).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()) => k,
        _ => {
            return ApiError::BadRequest {
                detail: "Idempotency-Key must be 1 to 128 visible ASCII characters, e.g. a UUID."
                    .into(),
            }
            .into_response();
        }
    };
    let hash: String = hex::encode(Sha256::digest(request.as_bytes()));
    let now = state.clock.now().as_microsecond();
    let abandoned_before = now - abandoned_after(state);
    match idempotency::claim(&state.db, person_id, key, &hash, now, abandoned_before).await {
        Err(e) => {
            free_claim_if_kept(state, person_id, key, now);
            ApiError::from(e).into_response()
        }
        Ok(Claim::Mismatch) => ApiError::Unprocessable {
            code: "idempotency-key-reused",
            detail: "This Idempotency-Key was used for a different request. Use a new key for a new request.".into(),
        }
        .into_response(),
        Ok(Claim::InFlight) => ApiError::Conflict {
            detail: "The first request with this Idempotency-Key is still being answered; retry in a moment.".into(),
        }
        .into_response(),
        Ok(Claim::Answered { status, body }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let kind = if status.is_success() { "application/json" } else { crate::error::PROBLEM_JSON };
            (status, [(header::CONTENT_TYPE, kind)], body).into_response()
        }
        Ok(claim @ (Claim::New | Claim::TakenOver { .. })) => {
            let (again, made) = match claim {
                Claim::TakenOver { made } => (true, made),
                _ => (false, None),
            };
            let attempt = Attempt { key: Some(key.to_string()), again, made };
            let response = work(attempt).await;
            let status = response.status();
            // A refusal to wait (rate limits, the waiting room) is no answer
            // to the request: a retry with the key must be able to go ahead.
            if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
                if let Err(e) = idempotency::release(&state.db, person_id, key).await {
                    tracing::warn!(error = %e, "an idempotency key was not released");
                }
                return response;
            }
            let (parts, body) = response.into_parts();
            let bytes = match axum::body::to_bytes(body, 1024 * 1024).await {
                Ok(b) => b,
                Err(e) => return ApiError::Internal(e.to_string()).into_response(),
            };
            let text = String::from_utf8_lossy(&bytes).to_string();
            if let Err(e) = idempotency::finish(&state.db, person_id, key, status.as_u16(), &text).await {
                tracing::warn!(error = %e, "an idempotent answer was not kept");
            }
            Response::from_parts(parts, Body::from(bytes))
        }
    }
}

/// An idempotent request's key, and whether it is done again after an
/// earlier attempt with the key was abandoned without an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Attempt {
    key: Option<String>,
    again: bool,
    /// What the abandoned attempt recorded it made.
    made: Option<String>,
}

impl Attempt {
    pub(crate) fn again(&self) -> bool {
        self.again
    }

    /// The key as a use case that makes something records it.
    pub(crate) fn keyed(&self) -> Keyed<'_> {
        match &self.key {
            None => Keyed::No,
            Some(key) => Keyed::Under {
                key,
                made: self.made.as_deref(),
            },
        }
    }
}

/// How long a claimed key waits for its answer before a retry may take it
/// over (in microseconds): the longest a request may run, after which the
/// deadline has dropped its work, and a margin for a write it had sent.
fn abandoned_after(state: &AppState) -> i64 {
    let margin = std::time::Duration::from_secs(5);
    i64::try_from(state.page_timeout.saturating_add(margin).as_micros()).unwrap_or(i64::MAX)
}

/// A claim that failed may still have been kept: its write committed and the
/// answer was lost with the connection. Until the database answers again
/// (for at most a page timeout) this frees the key if that claim is there,
/// so a retry is not told the key is in use until the claim is abandoned.
fn free_claim_if_kept(state: &AppState, person_id: &str, key: &str, claimed_at: i64) {
    let (db, person_id, key) = (state.db.clone(), person_id.to_string(), key.to_string());
    let tries = state.page_timeout.as_secs().max(1);
    tokio::spawn(async move {
        for _ in 0..tries {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            if idempotency::release_claim_made_at(&db, &person_id, &key, claimed_at)
                .await
                .is_ok()
            {
                return;
            }
        }
    });
}

/// Starts a draft application.
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = NewCaseBody,
    params(IdempotencyKey),
    security(("session" = [])),
    responses(
        (status = 201, body = CaseBody),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The first request with this Idempotency-Key is still being answered"),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "No such service (`draft-unknown-service`), a holder who is not the person or a child they act for (`unknown-holder`), a service the person's identity is not confirmed enough for (`assurance-too-low`) or not for their citizenship, or the Idempotency-Key used for another request")
    ))]
pub(crate) async fn create_case(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    headers: HeaderMap,
    ApiJson(new): ApiJson<NewCaseBody>,
) -> Response {
    let request = format!("create\n{}\n{}", new.service, new.holder);
    let (state, current, new) = (&state, &current, &new);
    let work = |attempt: Attempt| async move {
        let keyed = attempt.keyed();
        let started =
            ghiseu_app::cases::draft::start(state, current, &new.service, &new.holder, keyed);
        match started.await {
            Ok(Ok(case)) => match body(state, &case).await {
                Ok(b) => json(StatusCode::CREATED, &b),
                Err(e) => e.into_response(),
            },
            Ok(Err(refusal)) => {
                ApiError::from(AppError::from(CaseRefusal::from(refusal))).into_response()
            }
            Err(e) => ApiError::from(e).into_response(),
        }
    };
    once(state, &current.person.id, &headers, &request, work).await
}

pub(crate) async fn reachable(
    state: &AppState,
    current: &CurrentPerson,
    id: &str,
) -> Result<CaseRecord, ApiError> {
    match citizen_case(state, current, id).await? {
        Some((case, _)) => Ok(case),
        None => Err(ApiError::NotFound {
            detail: "No case with this id is yours to see.".into(),
        }),
    }
}

/// One of the person's cases.
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    security(("session" = [])),
    responses(
        (status = 200, body = CaseBody),
        (status = 401, response = problems::SignInRequired),
        (status = 404, response = problems::NoSuchCase)
    ))]
pub(crate) async fn get_case(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    Path(id): Path<String>,
) -> Response {
    match reachable(&state, &current, &id).await {
        Ok(case) => match body(&state, &case).await {
            Ok(b) => json(StatusCode::OK, &b),
            Err(e) => e.into_response(),
        },
        Err(e) => e.into_response(),
    }
}

fn refusal(case: &CaseRecord, refusal: Refusal) -> ApiError {
    match refusal {
        Refusal::NotNow { current, allowed } => ApiError::InvalidTransition {
            current: current.code().to_string(),
            allowed: allowed.iter().map(|a| a.code().to_string()).collect(),
            detail: format!(
                "The case is {current}; allowed now: {}.",
                if allowed.is_empty() {
                    "nothing".to_string()
                } else {
                    allowed
                        .iter()
                        .map(|a| a.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
        },
        Refusal::Stale => ApiError::Conflict {
            detail: format!(
                "The case changed since version you sent; read it again (it is at version {} or later).",
                case.version
            ),
        },
        Refusal::Incomplete(gaps) => {
            let mut missing: Vec<String> = Vec::new();
            for gap in gaps {
                let code = gap.key.trim_start_matches("case-problem-").to_string();
                if !missing.contains(&code) {
                    missing.push(code);
                }
            }
            ApiError::from(AppError::from(CaseRefusal::Incomplete { missing }))
        }
    }
}

async fn act(
    state: &AppState,
    current: &CurrentPerson,
    id: &str,
    version: i64,
    submit: bool,
) -> Response {
    let case = match reachable(state, current, id).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let result = if submit {
        submission::submit(state, current, &case, version).await
    } else {
        submission::withdraw(state, current, &case, version).await
    };
    match result {
        Ok(Ok(())) => match cases::get(&state.db, id).await {
            Ok(Some(case)) => match body(state, &case).await {
                Ok(b) => json(StatusCode::OK, &b),
                Err(e) => e.into_response(),
            },
            Ok(None) => ApiError::Internal("the case vanished".into()).into_response(),
            Err(e) => ApiError::from(e).into_response(),
        },
        Ok(Err(r)) => refusal(&case, r).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Sends the application (or sends it again after it was returned).
#[utoipa::path(post, path = "/api/v1/cases/{id}/submit", tag = "cases", request_body = MoveBody,
    params(("id" = String, Path, description = "The case's id"), IdempotencyKey),
    security(("session" = [])),
    responses(
        (status = 200, body = CaseBody),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 404, response = problems::NoSuchCase),
        (status = 409, response = problems::CaseMoveRefused),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The application is not complete (`application-incomplete`), or the Idempotency-Key was used for another request")
    ))]
pub(crate) async fn submit_case(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(m): ApiJson<MoveBody>,
) -> Response {
    let version = m.version.0;
    let request = format!("submit\n{id}\n{version}");
    let work = act(&state, &current, &id, version, true);
    once(&state, &current.person.id, &headers, &request, |_| work).await
}

/// Withdraws the application.
#[utoipa::path(post, path = "/api/v1/cases/{id}/withdraw", tag = "cases", request_body = MoveBody,
    params(("id" = String, Path, description = "The case's id"), IdempotencyKey),
    security(("session" = [])),
    responses(
        (status = 200, body = CaseBody),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 404, response = problems::NoSuchCase),
        (status = 409, response = problems::CaseMoveRefused),
        (status = 413, response = problems::TooLarge),
        (status = 422, response = problems::Unprocessable)
    ))]
pub(crate) async fn withdraw(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(m): ApiJson<MoveBody>,
) -> Response {
    let version = m.version.0;
    let request = format!("withdraw\n{id}\n{version}");
    let work = act(&state, &current, &id, version, false);
    once(&state, &current.person.id, &headers, &request, |_| work).await
}
