//! What every request and response goes through, in one layer: the page
//! deadline, problem bodies for the errors axum makes itself under `/api/`,
//! and the security headers. (As three layers they cost a clone of the
//! services below and a boxed future each, for every request: about a tenth
//! of a public check's time, BENCHMARKS.md.)

use crate::AppState;
use crate::error::{BareErrors, ScansAway};
use crate::pages::PageError;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use ghiseu_domain::catalogue::Lang;

pub(crate) async fn frame(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let bare = BareErrors::of(&request);
    let page_lang = crate::language::of_path(request.uri().path());
    let had = page_lang.and_then(|_| crate::language::remembered(request.headers()));
    let mut response = crate::deadline::within(&state, request, next).await;
    let https = state.public_url.starts_with("https://");
    if let Some(lang) = page_lang {
        if response.status().is_server_error() && !is_page(&response) {
            response = as_page(&state, lang, response);
        }
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

fn is_page(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
}

/// A failure under a page's address (a storage error, a panic, the deadline)
/// told as a page in the reader's language, keeping its status and `Retry-After`.
fn as_page(state: &AppState, lang: Lang, failed: Response) -> Response {
    let retry_after = failed.headers().get(header::RETRY_AFTER).cloned();
    let error = if failed.extensions().get::<ScansAway>().is_some() {
        PageError::ScansAway(lang)
    } else {
        PageError::Failed(lang, failed.status())
    };
    let mut page = error.render(state);
    if let Some(seconds) = retry_after {
        page.headers_mut().insert(header::RETRY_AFTER, seconds);
    }
    page
}
