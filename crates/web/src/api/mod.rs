//! The JSON API, version 1.

pub(crate) mod cases;
pub(crate) mod documents;
mod invitations;
mod issued;
pub use ghiseu_app::published as dto;
pub(crate) use issued::jwks;
mod json;
pub mod problems;
mod reminders;

use crate::AppState;
use crate::error::{ApiError, Problem};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use dto::{QuoteRequestBody, QuoteResponse, ServiceDetail, ServiceList, ServiceSummary};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::quote::{QuoteInput, quote};
pub use json::{ApiJson, JsonIntent, Whole};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ghiseu API",
        description = "Public document e-services: the service catalogue, fee quotes, a person's applications, documents and appointments, and payment providers' webhooks.\n\nErrors are RFC 9457 problem documents (`application/problem+json`); each operation lists the ones it answers. Besides those, any operation may answer 500 (something failed on the server's side; nothing was changed) or 503 (the database or the document store cannot be reached; try again later), and an unsupported method on a described path is answered 405.\n\nOperations for a person use the portal's session: sign in on the portal (`/en/account/login`) and send its `ghiseu_session` cookie. A call that changes something must say `Content-Type: application/json`, even without a body of its own (a cross-site form cannot), which is how the API refuses forged requests.",
        license(name = "EUPL-1.2")
    ),
    modifiers(&SessionCookie),
    components(responses(
        problems::BadRequest,
        problems::SignInRequired,
        problems::TooLarge,
        problems::NotJson,
        problems::Unprocessable,
        problems::TooManyRequests,
        problems::NoSuchCase,
        problems::CaseMoveRefused
    )),
    tags(
        (name = "catalogue", description = "Services, their fees, terms and validity rules"),
        (name = "cases", description = "A person's applications: start, follow, send, withdraw"),
        (name = "documents", description = "A person's issued documents and their children's: validity, reporting one lost or stolen; the public validity check"),
        (name = "appointments", description = "Free slots at the counter, holding, confirming, moving and cancelling an appointment"),
        (name = "payments", description = "What payment providers report about fee payments"),
        (name = "invitations", description = "Requests to approve an invitation for a foreigner: what they state, and the inviter's lists"),
        (name = "fee-orders", description = "One pre-filled payment order for the fees of several applications to one authority"),
        (name = "operations", description = "Health and readiness")
    )
)]
struct ApiDoc;

/// The name of the security scheme of operations for a signed-in person.
pub const SESSION_SCHEME: &str = "session";

/// Declares the session cookie as the API's security scheme.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            SESSION_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::accounts::session::SESSION_COOKIE,
                "The portal's session, set on signing in at /en/account/login (or /ro/…). The same cookie serves the pages and the API; a session waiting for its second factor is not signed in yet.",
            ))),
        );
    }
}

pub(crate) fn router() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(list_services))
        .routes(routes!(get_service))
        .routes(routes!(create_quote))
        .routes(routes!(cases::create_case))
        .routes(routes!(cases::get_case))
        .routes(routes!(cases::submit_case))
        .routes(routes!(cases::withdraw))
        .routes(routes!(invitations::save))
        .routes(routes!(invitations::list))
        .routes(routes!(crate::appointments::api::search))
        .routes(routes!(crate::appointments::api::first))
        .routes(routes!(
            crate::appointments::api::hold,
            crate::appointments::api::list
        ))
        .routes(routes!(crate::appointments::api::get_one))
        .routes(routes!(crate::appointments::api::confirm))
        .routes(routes!(crate::appointments::api::cancel))
        .routes(routes!(crate::appointments::api::reschedule))
        .routes(routes!(crate::appointments::api::calendar))
        .routes(routes!(crate::appointments::api::assign_for_case))
        .routes(routes!(documents::list))
        .routes(routes!(documents::report))
        .routes(routes!(documents::check_document))
        .routes(routes!(issued::document))
        .routes(routes!(issued::seal))
        .routes(routes!(issued::verify))
        .routes(routes!(issued::revoked))
        .routes(routes!(reminders::get_reminders, reminders::put_reminders))
        .routes(routes!(crate::payments::fee_order_api::create))
        .routes(routes!(crate::payments::fee_order_api::get_one))
        .routes(routes!(crate::ops::healthz))
        .routes(routes!(crate::ops::readyz))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(crate::payments::webhook::payment_webhook))
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::payments::webhook::MAX_BODY_BYTES,
                )),
        )
        .split_for_parts()
}

/// The language of labels in a response, from `Accept-Language` (English by default).
pub fn negotiate(headers: &HeaderMap) -> Lang {
    let Some(value) = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang::En;
    };
    let mut best: Option<(f32, Lang)> = None;
    for part in value.split(',').take(16) {
        let mut pieces = part.trim().split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(lang) = crate::i18n::UI_LANGUAGES
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
            && best.is_none_or(|(bq, _)| q > bq)
        {
            best = Some((q, lang));
        }
    }
    best.map_or(Lang::En, |(_, lang)| lang)
}

/// Every service of every authority.
#[utoipa::path(get, path = "/api/v1/services", tag = "catalogue", responses((status = 200, body = ServiceList)))]
async fn list_services(State(state): State<AppState>) -> Json<ServiceList> {
    let services = state
        .catalogue
        .services()
        .map(|(a, s)| ServiceSummary::new(a, s))
        .collect();
    Json(ServiceList { services })
}

/// One service: who may apply, documents, fees by urgency, terms and validity.
#[utoipa::path(
    get,
    path = "/api/v1/services/{id}",
    tag = "catalogue",
    params(("id" = String, Path, description = "Service id, e.g. md.igm.pc")),
    responses(
        (status = 200, body = ServiceDetail),
        (status = 404, body = Problem, content_type = "application/problem+json")
    )
)]
async fn get_service(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ServiceDetail>, ApiError> {
    let (authority, service) = state
        .catalogue
        .service(&id)
        .ok_or_else(|| ApiError::NotFound {
            detail: format!(
                "There is no service \"{}\". GET /api/v1/services lists them all.",
                id.chars().take(80).collect::<String>()
            ),
        })?;
    Ok(Json(ServiceDetail::new(authority, service)))
}

/// Prices a service for one holder: fee lines, total, processing deadline and validity.
#[utoipa::path(
    post,
    path = "/api/v1/quotes",
    tag = "catalogue",
    request_body = QuoteRequestBody,
    responses(
        (status = 200, body = QuoteResponse),
        (status = 400, response = problems::BadRequest),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such service (`unknown-service`)"),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "A field is wrong or missing (`invalid-fields`), or the service cannot be quoted as asked (an urgency it does not offer, a reduction it does not know, a birth date it needs, …): `errors` names the field")
    )
)]
async fn create_quote(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<QuoteRequestBody>,
) -> Result<Json<QuoteResponse>, ApiError> {
    let request = QuoteInput::from(body).parse().map_err(ApiError::Fields)?;
    let quote = quote(&state.catalogue, &request, |a| state.clock.today(a))?;
    let (authority, _) =
        state
            .catalogue
            .service(&quote.service)
            .ok_or_else(|| ApiError::NotFound {
                detail: "service vanished".into(),
            })?;
    Ok(Json(QuoteResponse::new(
        &quote,
        authority,
        negotiate(&headers),
    )))
}
