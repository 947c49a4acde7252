//! The signed-in person for the booking API, read in full from the database
//! at most every `FRESH_MS` per session and process. When slots are
//! released, thousands of people ask within the same second; a join and a
//! write each just to know who they are would be much of the work. Whether
//! the session still exists is asked every time, by its key alone, so a
//! session ended in any process (signed out everywhere, a password reset)
//! is refused at once.

use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::accounts::secrets::token_hash;
use crate::accounts::session::SESSION_COOKIE;
use crate::api::cases::ApiPerson;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use std::collections::HashMap;
use std::sync::Mutex;

const FRESH_MS: i64 = 2_000;

#[derive(Debug, Default)]
pub(crate) struct SessionCache {
    seen: Mutex<HashMap<String, (i64, CurrentPerson)>>,
}

impl SessionCache {
    /// Forgets a session that ended in this process.
    pub(crate) fn forget(&self, token_hash: &str) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.remove(token_hash);
        }
    }

    fn get(&self, token_hash: &str, now_ms: i64) -> Option<CurrentPerson> {
        let seen = self.seen.lock().ok()?;
        let (read_at, current) = seen.get(token_hash)?;
        (now_ms - read_at < FRESH_MS && current.session.expires_at > now_ms * 1000)
            .then(|| current.clone())
    }

    fn keep(&self, current: &CurrentPerson, now_ms: i64) {
        if let Ok(mut seen) = self.seen.lock() {
            if seen.len() > 50_000 {
                seen.retain(|_, (read_at, _)| now_ms - *read_at < FRESH_MS);
            }
            seen.insert(current.token_hash.clone(), (now_ms, current.clone()));
        }
    }
}

/// The person behind the session cookie, or a 401 problem.
pub struct BookingPerson(pub CurrentPerson);

impl FromRequestParts<AppState> for BookingPerson {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let now_ms = state.clock.now().as_millisecond();
        let jar = CookieJar::from_headers(&parts.headers);
        if let Some(cookie) = jar.get(SESSION_COOKIE) {
            let hash = token_hash(cookie.value());
            if let Some(current) = state.session_cache.get(&hash, now_ms) {
                match ghiseu_storage::sessions::exists(&state.db, &hash, now_ms * 1000).await {
                    Ok(true) => return Ok(BookingPerson(current)),
                    Ok(false) => state.session_cache.forget(&hash),
                    Err(e) => return Err(crate::error::ApiError::from(e).into_response()),
                }
            }
        }
        let ApiPerson(current) = ApiPerson::from_request_parts(parts, state).await?;
        state.session_cache.keep(&current, now_ms);
        Ok(BookingPerson(current))
    }
}
