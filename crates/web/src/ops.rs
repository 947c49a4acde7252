//! Operational endpoints: liveness, readiness, metrics and the API description.

use crate::AppState;
use crate::error::{ApiError, Problem, problem_response};
use axum::extract::{ConnectInfo, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use std::any::Any;
use std::net::SocketAddr;
use std::sync::Arc;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Health {
    pub status: &'static str,
}

pub(crate) fn router(openapi_json: Arc<String>) -> Router<AppState> {
    Router::new()
        .route("/metrics", get(metrics))
        .route("/.well-known/jwks.json", get(crate::api::jwks))
        .route(
            "/api/openapi.json",
            get(move || {
                let body = openapi_json.clone();
                async move {
                    (
                        [(header::CONTENT_TYPE, "application/json")],
                        body.as_str().to_owned(),
                    )
                }
            }),
        )
}

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, body = Health)))]
pub(crate) async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// The process can serve requests: its database answers.
#[utoipa::path(
    get,
    path = "/readyz",
    tag = "operations",
    responses((status = 200, body = Health), (status = 503, body = Problem, content_type = "application/problem+json"))
)]
pub(crate) async fn readyz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state
        .db
        .ping()
        .await
        .map_err(|e| ApiError::Unavailable(e.to_string()))?;
    Ok(Json(Health { status: "ready" }))
}

/// The metrics, for the monitoring system only: with the configured bearer
/// token, or without one to a request made on this machine and not through a
/// proxy. Anyone else finds nothing here.
async fn metrics(State(state): State<AppState>, request: axum::extract::Request) -> Response {
    if !may_read_metrics(&state, request.headers(), request.extensions()) {
        return crate::pages::PageError::NotFound(ghiseu_domain::catalogue::Lang::En)
            .render(&state);
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

fn may_read_metrics(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    extensions: &axum::http::Extensions,
) -> bool {
    match &state.metrics_token {
        Some(token) => headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| crate::accounts::secrets::same_secret(given.trim(), token)),
        None => {
            let local = extensions
                .get::<ConnectInfo<SocketAddr>>()
                .is_some_and(|c| c.0.ip().is_loopback());
            local && !headers.contains_key("x-forwarded-for")
        }
    }
}

/// A handler panicked: answer with an opaque problem; the cause goes to the log.
pub(crate) fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown");
    tracing::error!(panic = detail, "a request handler panicked");
    problem_response(&ApiError::Internal("panic".into()).problem())
}
