//! The public pages: server-rendered, complete without JavaScript.

mod calculator;
pub(crate) mod catalogue;
mod check;
mod office;
mod verify;
mod verify_file;

use crate::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;

const STYLESHEET: &str = include_str!("../../assets/ghiseu.css");
/// The waiting hall board's updates in place (the board works without it).
const BOARD_SCRIPT: &str = include_str!("../../assets/board.js");

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(root))
        .route("/{lang}", get(lang_root))
        .route("/{lang}/", get(catalogue::home))
        .route("/{lang}/authorities/{id}", get(catalogue::authority))
        .route("/{lang}/services/{id}", get(catalogue::service))
        .route("/{lang}/offices/{office}", get(office::show))
        .route(
            "/{lang}/services/{id}/calculator",
            get(calculator::calculator),
        )
        .route(
            "/{lang}/documents/check",
            get(check::form).post(check::submit),
        )
        .route(
            "/{lang}/documents/verify",
            get(verify::form).post(verify::submit),
        )
        .route(
            "/{lang}/documents/verify/file",
            axum::routing::post(verify_file::submit).layer(axum::extract::DefaultBodyLimit::max(
                ghiseu_app::issuance::verify::FILE_MAX_BYTES + 64 * 1024,
            )),
        )
        .route("/static/ghiseu.css", get(stylesheet))
        .route("/static/board.js", get(board_script))
}

/// What every page's frame needs: language, title, the ways to the other languages.
pub(crate) struct Frame<'a> {
    pub t: Tr<'a>,
    pub lang: &'static str,
    pub title: String,
    pub languages: Vec<LanguageLink>,
    /// Said at the top of the page when some of its catalogue texts are not
    /// written in the page's language and are shown in their authority's.
    pub fallback: Option<String>,
    /// What the person has just changed and what happens next.
    pub confirmation: Option<String>,
}

/// One other language of the same page, named in its own words.
pub(crate) struct LanguageLink {
    pub code: &'static str,
    pub name: String,
    pub href: String,
}

impl<'a> Frame<'a> {
    pub fn new(state: &'a AppState, lang: Lang, title: String, path_after_lang: &str) -> Self {
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        let mut frame = Frame {
            t,
            lang: lang.code(),
            title,
            languages: Vec::new(),
            fallback: None,
            confirmation: None,
        };
        frame.link_languages(|other| format!("/{}/{}", other.code(), path_after_lang));
        frame
    }

    /// The frame of a page showing texts of `authorities`: when one of them
    /// has texts not written in the page's language, the page says so once,
    /// naming the language they are shown in instead.
    pub fn texts_of<'c>(
        mut self,
        authorities: impl IntoIterator<Item = &'c ghiseu_domain::catalogue::Authority>,
    ) -> Self {
        let lang = self.t.lang;
        let Some(authority) = authorities
            .into_iter()
            .find(|a| a.untranslated.contains(&lang))
        else {
            return self;
        };
        self.fallback = Some(self.t.with(
            "catalogue-text-fallback",
            &[
                (
                    "authority",
                    crate::i18n::Arg::from(authority.name.get(lang).to_string()),
                ),
                (
                    "language",
                    crate::i18n::Arg::from(authority.language.code()),
                ),
            ],
        ));
        self
    }

    /// The frame confirming `done`, when the address named a change.
    pub fn confirming(mut self, done: Option<crate::done::Done>) -> Self {
        self.confirmation = done.map(|d| self.t.m(&d.message()));
        self
    }

    /// Points the language links at `href(language)` (for pages whose
    /// language is not the path's first segment).
    pub fn link_languages(&mut self, href: impl Fn(Lang) -> String) {
        let t = self.t;
        self.languages = crate::i18n::UI_LANGUAGES
            .into_iter()
            .filter(|other| *other != t.lang)
            .map(|other| LanguageLink {
                code: other.code(),
                name: t.i18n.text(other, &format!("lang-name-{}", other.code())),
                href: href(other),
            })
            .collect();
    }
}

/// A page that could not be shown, rendered as a page (never as JSON).
pub(crate) enum PageError {
    NotFound(Lang),
    /// A failure on our side (`status` 5xx): 503 for an outage that waiting
    /// cures, anything else for a fault.
    Failed(Lang, StatusCode),
    /// The document store, where scans are kept, is not answering.
    ScansAway(Lang),
}

impl PageError {
    pub(crate) fn render(&self, state: &AppState) -> Response {
        let (lang, status, title_key, body_key) = match self {
            PageError::NotFound(lang) => (
                *lang,
                StatusCode::NOT_FOUND,
                "not-found-title",
                "not-found-body",
            ),
            PageError::Failed(lang, StatusCode::SERVICE_UNAVAILABLE) => (
                *lang,
                StatusCode::SERVICE_UNAVAILABLE,
                "outage-title",
                "outage-body",
            ),
            PageError::Failed(lang, status) => (*lang, *status, "failure-title", "failure-body"),
            PageError::ScansAway(lang) => (
                *lang,
                StatusCode::SERVICE_UNAVAILABLE,
                "outage-title",
                "outage-scans-body",
            ),
        };
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        let page = ErrorPage {
            frame: Frame::new(state, lang, t.m(title_key), ""),
            body: t.m(body_key),
            home_href: format!("/{}/", lang.code()),
        };
        (status, html(&page)).into_response()
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    frame: Frame<'a>,
    body: String,
    home_href: String,
}

/// Renders a template; a template that fails is logged and answered with a plain 500.
pub(crate) fn html(template: &impl Template) -> Response {
    match template.render() {
        Ok(body) => Html(body).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a page template failed to render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again.",
            )
                .into_response()
        }
    }
}

/// The page's language, from the first segment of its path; an unknown
/// language is answered with the not-found page.
pub(crate) struct PageLang(pub Lang);

impl axum::extract::FromRequestParts<AppState> for PageLang {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let code = parts
            .uri
            .path()
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("");
        page_lang(code).map(PageLang).map_err(|e| e.render(state))
    }
}

pub(crate) fn page_lang(code: &str) -> Result<Lang, PageError> {
    crate::language::from_code(code).ok_or(PageError::NotFound(Lang::Ro))
}

pub(crate) fn finish(state: &AppState, result: Result<Response, PageError>) -> Response {
    result.unwrap_or_else(|e| e.render(state))
}

async fn root(headers: HeaderMap) -> Redirect {
    let lang = crate::language::for_visit(&headers);
    Redirect::to(&format!("/{}/", lang.code()))
}

async fn lang_root(
    State(state): State<AppState>,
    axum::extract::Path(lang): axum::extract::Path<String>,
) -> Response {
    finish(
        &state,
        page_lang(&lang).map(|l| Redirect::permanent(&format!("/{}/", l.code())).into_response()),
    )
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}

async fn board_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        BOARD_SCRIPT,
    )
}

/// Anything no route matched: a problem document under /api, a page elsewhere.
pub(crate) async fn not_found(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") {
        return crate::error::ApiError::NotFound {
            detail: "There is no such API resource. See /api/openapi.json for the routes.".into(),
        }
        .into_response();
    }
    PageError::NotFound(crate::language::of_path_or_default(path)).render(&state)
}
