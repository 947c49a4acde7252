//! What every request and response goes through, in one layer: the page
//! deadline, problem bodies for the errors axum makes itself under `/api/`,
//! and the security headers. (As three layers they cost a clone of the
//! services below and a boxed future each, for every request: about a tenth
//! of a public check's time, BENCHMARKS.md.)

use crate::AppState;
use crate::error::BareErrors;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

pub(crate) async fn frame(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let bare = BareErrors::of(&request);
    let page_lang = crate::language::of_path(request.uri().path());
    let had = page_lang.and_then(|_| crate::language::remembered(request.headers()));
    let mut response = crate::deadline::within(&state, request, next).await;
    let https = state.public_url.starts_with("https://");
    if let Some(lang) = page_lang {
        crate::language::remember(had, lang, state.sessions.secure_cookies, &mut response);
    }
    let mut response = crate::security::add(https, bare.as_problem(response));
    if let Some(name) = &state.node_name {
        response.headers_mut().insert(NODE_HEADER, name.clone());
    }
    response
}

/// The header that names the server that answered, when it was given a name.
pub(crate) const NODE_HEADER: axum::http::HeaderName =
    axum::http::HeaderName::from_static("ghiseu-node");
