//! The signed-in person for the booking API, read in full from the database
//! at most every `FRESH_MS` per session and process. When slots are
//! released, thousands of people ask within the same second; a join and a
//! write each just to know who they are would be much of the work. A
//! session ended (signed out, everywhere, or by a password reset) is refused
//! at once: in this process because ending sessions empties the cache, and
//! on PostgreSQL, which several processes share, because every request asks
//! whether its session still exists (many at once, in one query).

use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::accounts::secrets::token_hash;
use crate::accounts::session::SESSION_COOKIE;
use crate::api::cases::ApiPerson;
use crate::error::ApiError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use std::collections::HashMap;
use std::sync::Mutex;

const FRESH_MS: i64 = 2_000;

#[derive(Debug, Default)]
pub(crate) struct SessionCache {
    /// Each session as read: when, at which count of sessions ended in this
    /// process, and who.
    seen: Mutex<HashMap<String, (i64, u64, CurrentPerson)>>,
}

impl SessionCache {
    /// Forgets a session that ended in this process.
    pub(crate) fn forget(&self, token_hash: &str) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.remove(token_hash);
        }
    }

    /// The session as read less than `FRESH_MS` ago and since no session
    /// ended in this process (`ended`: the count now).
    fn get(&self, token_hash: &str, now_ms: i64, ended: u64) -> Option<CurrentPerson> {
        let seen = self.seen.lock().ok()?;
        let (read_at, read_when_ended, current) = seen.get(token_hash)?;
        (now_ms - read_at < FRESH_MS
            && *read_when_ended == ended
            && current.session.expires_at > now_ms * 1000)
            .then(|| current.clone())
    }

    /// Keeps a session read from the database; `ended` is the count of
    /// ended sessions taken before it was read.
    fn keep(&self, current: &CurrentPerson, now_ms: i64, ended: u64) {
        if let Ok(mut seen) = self.seen.lock() {
            if seen.len() > 50_000 {
                seen.retain(|_, (read_at, _, _)| now_ms - *read_at < FRESH_MS);
            }
            seen.insert(current.token_hash.clone(), (now_ms, ended, current.clone()));
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
        let ended = state.db.sessions_ended();
        let jar = CookieJar::from_headers(&parts.headers);
        if let Some(cookie) = jar.get(SESSION_COOKIE) {
            let hash = token_hash(cookie.value());
            if let Some(current) = state.session_cache.get(&hash, now_ms, ended) {
                // SQLite is served by one process, which knows every session
                // it ended; with PostgreSQL another process may have ended it.
                if !state.db.shared_with_other_processes() {
                    return Ok(BookingPerson(current));
                }
                match super::session_check::expiry(state, &hash).await {
                    Ok(Some(expires_at)) if expires_at > now_ms * 1000 => {
                        return Ok(BookingPerson(current));
                    }
                    Ok(_) => state.session_cache.forget(&hash),
                    Err(e) => return Err(ApiError::from(e).into_response()),
                }
            }
        }
        let ApiPerson(current) = ApiPerson::from_request_parts(parts, state).await?;
        state.session_cache.keep(&current, now_ms, ended);
        Ok(BookingPerson(current))
    }
}
