//! The language a person reads: the one they last chose (a cookie), else the
//! one their browser asks for on a first visit, else the portal's own.

use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use ghiseu_domain::catalogue::Lang;

const COOKIE: &str = "ghiseu_lang";

/// The language for a visit to `/`.
pub(crate) fn for_visit(headers: &HeaderMap) -> Lang {
    remembered(headers).unwrap_or_else(|| {
        if headers.contains_key(header::ACCEPT_LANGUAGE) {
            crate::api::negotiate(headers)
        } else {
            Lang::Ro
        }
    })
}

/// The language a page path is in (its first segment), if it is one.
pub(crate) fn of_path(path: &str) -> Option<Lang> {
    from_code(path.trim_start_matches('/').split('/').next()?)
}

pub(crate) fn from_code(code: &str) -> Option<Lang> {
    crate::i18n::UI_LANGUAGES
        .into_iter()
        .find(|l| l.code() == code)
}

pub(crate) fn remembered(headers: &HeaderMap) -> Option<Lang> {
    CookieJar::from_headers(headers)
        .get(COOKIE)
        .and_then(|c| from_code(c.value()))
}

/// Remembers `lang` when a page in it was shown and it is not the language
/// the request came remembering (`had`).
pub(crate) fn remember(had: Option<Lang>, lang: Lang, secure: bool, response: &mut Response) {
    let is_page = response.status().is_success()
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !is_page || had == Some(lang) {
        return;
    }
    let kept = time::Duration::days(365);
    set_cookie(response, (COOKIE, lang.code().to_string(), kept), secure);
}

/// Adds the cookie `(name, value, kept for)` to `response` as the portal's
/// own: the whole site, not for scripts, not sent with other sites'
/// requests, `Secure` as configured.
pub(crate) fn set_cookie(
    response: &mut Response,
    (name, value, kept): (&'static str, String, time::Duration),
    secure: bool,
) {
    let cookie = Cookie::build((name, value))
        .max_age(kept)
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(secure)
        .build();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// The language of a page path, else Romanian (for pages answering a path
/// that is not one of the portal's, or before a language is known).
pub(crate) fn of_path_or_default(path: &str) -> Lang {
    of_path(path).unwrap_or(Lang::Ro)
}
