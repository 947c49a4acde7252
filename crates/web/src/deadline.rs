//! The time a page or API request may take. A handler whose request is
//! bounded otherwise (an upload, by its progress) lifts the deadline once
//! it has taken over; until then the deadline holds for it too.

use crate::AppState;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The request's deadline, as its handler finds it among the extensions.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageDeadline(Arc<AtomicBool>);

impl PageDeadline {
    /// From now on the handler bounds the request itself.
    pub(crate) fn lift(&self) {
        self.0.store(true, Ordering::Release);
    }

    fn lifted(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

/// Answers 503 when the request has taken longer than the page timeout,
/// unless its handler lifted the deadline.
pub(crate) async fn within(state: &AppState, mut request: Request, next: Next) -> Response {
    let deadline = PageDeadline::default();
    request.extensions_mut().insert(deadline.clone());
    let answer = next.run(request);
    tokio::pin!(answer);
    tokio::select! {
        response = &mut answer => response,
        () = tokio::time::sleep(state.page_timeout) => {
            if deadline.lifted() {
                answer.await
            } else {
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        }
    }
}
