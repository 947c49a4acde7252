//! Ghiseu's HTTP face: the JSON API (with its OpenAPI description), the
//! public pages, and the operational endpoints.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod api;
pub mod appointments;
pub mod cases;
mod countries;
mod deadline;
mod demo_mailbox;
mod demo_provider;
mod done;
pub mod error;
mod frame;
mod language;
pub use ghiseu_i18n as i18n;
mod metrics;
pub use ghiseu_app::notices;
mod office;
mod ops;
mod pages;
pub mod payments;
pub mod refusals;
mod registry;
mod security;
mod state;

pub use ghiseu_app::cases::pace::UploadLimits;
pub use ghiseu_app::{App, CardIdentity, Clock, OnlinePayment};
pub use state::{AppState, Settings, is_node_name};

use axum::Router;
use axum::response::IntoResponse;
use tower_http::catch_panic::CatchPanicLayer;

/// The whole application: API, pages, operational endpoints and middleware.
pub fn router(state: AppState) -> Router {
    let (api_router, openapi) = api::router();
    let openapi_json = std::sync::Arc::new(openapi.to_pretty_json().unwrap_or_default());
    let app = Router::new()
        .merge(api_router)
        .merge(ops::router(openapi_json))
        .merge(pages::router())
        .merge(accounts::router())
        .merge(office::router())
        .merge(cases::router())
        .merge(registry::router())
        .merge(appointments::pages::router())
        .merge(demo_provider::router())
        .merge(demo_mailbox::router())
        .merge(payments::router())
        .fallback(pages::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .with_state(state.clone());
    // The frame sees every response, including those axum makes itself (an
    // unknown method) and a handler's panic, so nothing leaves without
    // headers or a problem body.
    Router::new()
        .fallback_service(app)
        .layer(CatchPanicLayer::custom(ops::panic_response))
        .layer(axum::middleware::from_fn_with_state(state, frame::frame))
        .layer(axum::middleware::from_fn(run_to_completion))
}

/// Runs each request to its end in a task of its own, even when its client
/// goes away: hyper drops a request's future when the connection closes, and
/// a write cut at an arbitrary point (between a transaction's BEGIN being
/// done and its being known, say) left the database connection inside a
/// transaction, failing every later write that got it.
async fn run_to_completion(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use tracing::Instrument;
    let work = next.run(request).in_current_span();
    match tokio::spawn(work).await {
        Ok(response) => response,
        Err(failed) if failed.is_panic() => ops::panic_response(failed.into_panic()),
        Err(failed) => error::ApiError::Internal(format!("request task: {failed}")).into_response(),
    }
}

/// The OpenAPI document, as served at `/api/openapi.json`.
pub fn openapi_json() -> String {
    api::router().1.to_pretty_json().unwrap_or_default()
}
