//! Who is asking: the session cookie, resolved against the database by an
//! extractor, so a handler cannot forget to check it.

use super::secrets::{random_token, same_secret, token_hash};
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use ghiseu_storage::accounts::PersonRecord;
use ghiseu_storage::sessions::{self, SessionRecord};
use std::time::Duration;

pub(crate) const SESSION_COOKIE: &str = "ghiseu_session";
pub(crate) const FORM_COOKIE: &str = "ghiseu_form";

/// How long sessions live.
#[derive(Debug, Clone)]
pub struct SessionSettings {
    pub idle: Duration,
    pub absolute: Duration,
    /// Mark cookies `Secure` (the portal is served over TLS).
    pub secure_cookies: bool,
    /// The reverse proxies in front, whose `X-Forwarded-For` hops are
    /// believed (none: the connection's peer is the client).
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

impl Default for SessionSettings {
    fn default() -> Self {
        SessionSettings {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 3600),
            secure_cookies: false,
            trusted_proxies: Vec::new(),
        }
    }
}

fn micros(d: Duration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

/// A signed-in person and their session.
#[derive(Debug, Clone)]
pub struct CurrentPerson {
    pub person: PersonRecord,
    pub session: SessionRecord,
    pub(crate) token_hash: String,
}

impl CurrentPerson {
    /// Whether a submitted form carries this session's anti-forgery token.
    pub fn csrf_ok(&self, submitted: &str) -> bool {
        same_secret(&self.session.csrf_token, submitted)
    }
}

/// Not signed in: pages send the person to the login page.
pub struct SignInRequired(String);

impl IntoResponse for SignInRequired {
    fn into_response(self) -> Response {
        Redirect::to(&self.0).into_response()
    }
}

impl FromRequestParts<AppState> for CurrentPerson {
    type Rejection = SignInRequired;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = if parts.uri.path().starts_with("/en/") {
            "en"
        } else {
            "ro"
        };
        let login = SignInRequired(format!("/{lang}/account/login"));
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(token) = jar.get(SESSION_COOKIE).map(|c| c.value().to_string()) else {
            return Err(login);
        };
        let now = state.clock.now().as_microsecond();
        let hash = token_hash(&token);
        let (session, person) =
            match sessions::live_with_person(&state.db, &hash, now, micros(state.sessions.idle))
                .await
            {
                Ok(Some((s, p))) if !s.second_factor_pending => (s, p),
                Ok(_) => return Err(login),
                Err(e) => {
                    tracing::error!(error = %e, "session lookup failed");
                    return Err(login);
                }
            };
        // A write per request would queue every reader behind SQLite's one
        // writer; activity is kept to the minute.
        if now - session.last_seen_at > 60_000_000
            && let Err(e) = sessions::touch(&state.db, &hash, now).await
        {
            tracing::warn!(error = %e, "session activity not recorded");
        }
        Ok(CurrentPerson {
            person,
            session,
            token_hash: hash,
        })
    }
}

/// Starts a session in the caller's transaction; returns the cookie to set.
/// A session waiting for the second factor lasts ten minutes and opens nothing
/// but the second-factor page.
pub(crate) async fn start(
    conn: &mut ghiseu_storage::Connection,
    state: &AppState,
    person_id: &str,
    second_factor_pending: bool,
) -> Result<Cookie<'static>, crate::error::ApiError> {
    let token = random_token().map_err(|e| crate::error::ApiError::Unavailable(e.to_string()))?;
    let csrf = random_token().map_err(|e| crate::error::ApiError::Unavailable(e.to_string()))?;
    let now = state.clock.now().as_microsecond();
    let record = SessionRecord {
        person_id: person_id.to_string(),
        csrf_token: csrf,
        created_at: now,
        last_seen_at: now,
        expires_at: now.saturating_add(if second_factor_pending {
            10 * 60 * 1_000_000
        } else {
            micros(state.sessions.absolute)
        }),
        second_factor_pending,
    };
    sessions::insert(conn, &token_hash(&token), &record).await?;
    Ok(session_cookie(state, token))
}

fn session_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .http_only(true)
        .secure(state.sessions.secure_cookies)
        .same_site(SameSite::Lax)
        .path("/")
        .build()
}

/// A cookie that removes the session cookie.
pub(crate) fn cleared(state: &AppState) -> Cookie<'static> {
    let mut cookie = session_cookie(state, String::new());
    cookie.make_removal();
    cookie
}

/// Anti-forgery for forms filled in before signing in: a random value in a
/// strict cookie that the form must echo.
pub(crate) fn form_token(
    jar: &CookieJar,
    state: &AppState,
) -> Result<(String, Option<Cookie<'static>>), getrandom::Error> {
    if let Some(existing) = jar
        .get(FORM_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| v.len() == 64)
    {
        return Ok((existing, None));
    }
    let token = random_token()?;
    let cookie = Cookie::build((FORM_COOKIE, token.clone()))
        .http_only(true)
        .secure(state.sessions.secure_cookies)
        .same_site(SameSite::Strict)
        .path("/")
        .build();
    Ok((token, Some(cookie)))
}

pub(crate) fn form_token_ok(jar: &CookieJar, submitted: &str) -> bool {
    jar.get(FORM_COOKIE)
        .is_some_and(|c| c.value().len() == 64 && same_secret(c.value(), submitted))
}

/// The token hash of the session cookie, if any.
pub(crate) fn cookie_token_hash(jar: &CookieJar) -> Option<String> {
    jar.get(SESSION_COOKIE).map(|c| token_hash(c.value()))
}
