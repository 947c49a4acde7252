//! Who is asking: the session cookie, resolved against the database by an
//! extractor, so a handler cannot forget to check it.

use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use ghiseu_app::accounts::secrets::{random_token, same_secret, token_hash};
use ghiseu_app::accounts::sign_in::open_session;
use ghiseu_app::accounts::{CurrentPerson, micros};
use ghiseu_storage::StorageError;
use ghiseu_storage::sessions::{self};

pub(crate) const SESSION_COOKIE: &str = "ghiseu_session";
pub(crate) const FORM_COOKIE: &str = "ghiseu_form";

/// No person behind the request: not signed in (pages send the person to
/// the login page), or the sessions could not be read at all, which is an
/// outage to report, never a reason to sign someone out.
pub enum SignInRequired {
    Login(String),
    Unreadable(StorageError),
}

impl IntoResponse for SignInRequired {
    fn into_response(self) -> Response {
        match self {
            SignInRequired::Login(to) => Redirect::to(&to).into_response(),
            SignInRequired::Unreadable(e) => crate::error::ApiError::Storage(e).into_response(),
        }
    }
}

/// The sign-in page, told to come back to the page asked for (only a page
/// that can be asked for again: a GET).
fn sign_in_then_back(parts: &Parts) -> String {
    let lang = crate::language::of_path_or_default(parts.uri.path()).code();
    let back = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str())
        .filter(|p| parts.method == axum::http::Method::GET && safe_return(p).is_some());
    match back {
        Some(back) => format!(
            "/{lang}/account/login?next={}",
            form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()
        ),
        None => format!("/{lang}/account/login"),
    }
}

/// Where to go after signing in: `next` when it is a page of the portal
/// (a path on this site, never another site), else the account page.
pub(crate) fn after_sign_in(lang: ghiseu_domain::catalogue::Lang, next: Option<&str>) -> String {
    next.and_then(safe_return)
        .map_or_else(|| format!("/{}/account", lang.code()), str::to_string)
}

fn safe_return(path: &str) -> Option<&str> {
    let local = path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\");
    let plain = path.len() <= 1024 && path.chars().all(|c| c.is_ascii_graphic());
    let page = crate::language::of_path(path).is_some() && !path.contains("/account/login");
    (local && plain && page).then_some(path)
}

impl FromRequestParts<AppState> for CurrentPerson {
    type Rejection = SignInRequired;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let login = SignInRequired::Login(sign_in_then_back(parts));
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
                Err(e) => return Err(SignInRequired::Unreadable(e)),
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
pub(crate) async fn start(
    conn: &mut ghiseu_storage::Connection,
    state: &AppState,
    person_id: &str,
    second_factor_pending: bool,
) -> Result<Cookie<'static>, crate::error::ApiError> {
    let token = open_session(conn, state, person_id, second_factor_pending).await?;
    Ok(session_cookie(state, token))
}

/// The session cookie carrying `token`.
pub(crate) fn session_cookie(state: &AppState, token: String) -> Cookie<'static> {
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
