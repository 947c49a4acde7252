//! Signing in and out, and the account page.

use super::anonymous_form;
use super::register::{expired_form, try_again_page};
use super::session::{self, form_token_ok};
use super::{FormError, error_for};
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::pages::PageLang;
use crate::pages::{Frame, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_app::accounts::sign_in::{Opened, SignInRefusal, sign_in};
use ghiseu_domain::account::Role;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::sessions;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account/login.html")]
struct LoginPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    form_token: String,
    email: String,
    email_error: Option<String>,
    password_error: Option<String>,
    register_href: String,
}

fn login_page<'a>(
    state: &'a AppState,
    lang: Lang,
    token: String,
    email: String,
    errors: Vec<FormError>,
) -> LoginPage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    LoginPage {
        frame: Frame::new(state, lang, t.m("login-title"), "account/login"),
        email_error: error_for(&errors, "email"),
        password_error: error_for(&errors, "password"),
        errors,
        form_token: token,
        email,
        register_href: format!("/{}/account/register", lang.code()),
    }
}

pub(crate) async fn form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
) -> Response {
    anonymous_form(&state, &lang, jar, |lang, token| {
        html(&login_page(&state, lang, token, String::new(), Vec::new()))
    })
}

/// The page to return to once signed in (see `session::after_sign_in`).
#[derive(Deserialize)]
pub(crate) struct ReturnQuery {
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    form_token: String,
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    client: super::client::ClientAddress,
    Query(back): Query<ReturnQuery>,
    Form(form): Form<LoginForm>,
) -> Response {
    if !form_token_ok(&jar, &form.form_token) {
        return (
            StatusCode::FORBIDDEN,
            html(&expired_form(&state, lang, "account/login")),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let client = client.0;
    let outcome = sign_in(&state, &form.email, &form.password, &client).await;
    let refusal = match outcome {
        Ok(Ok(Opened {
            token,
            second_factor,
        })) => {
            let cookie = session::session_cookie(&state, token);
            let next = if second_factor {
                let mut to = format!("/{}/account/login/second-factor", lang.code());
                if let Some(back) = back.next.as_deref() {
                    to.push_str("?next=");
                    to.extend(form_urlencoded::byte_serialize(back.as_bytes()));
                }
                to
            } else {
                session::after_sign_in(lang, back.next.as_deref())
            };
            return (jar.add(cookie), Redirect::to(&next)).into_response();
        }
        Ok(Err(refusal)) => refusal,
        Err(e) => {
            tracing::error!(error = %e, "sign-in failed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&try_again_page(&state, lang)),
            )
                .into_response();
        }
    };
    let (status, key) = match refusal {
        SignInRefusal::Credentials => (StatusCode::UNAUTHORIZED, "login-error-credentials"),
        SignInRefusal::Unverified => (StatusCode::FORBIDDEN, "login-error-unverified"),
        SignInRefusal::Throttled => (StatusCode::TOO_MANY_REQUESTS, "login-error-throttled"),
    };
    let errors = vec![FormError::new(t, "email", key)];
    let page = login_page(
        &state,
        lang,
        form.form_token.clone(),
        form.email.chars().take(254).collect(),
        errors,
    );
    (status, html(&page)).into_response()
}

pub(crate) use ghiseu_app::accounts::sign_in::address_hash;

#[derive(Deserialize)]
pub(crate) struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn logout(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    current: CurrentPerson,
    jar: CookieJar,
    Form(form): Form<CsrfForm>,
) -> Response {
    let lang = page_lang(&lang).unwrap_or(Lang::Ro);
    if !current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&expired_form(&state, lang, "account")),
        )
            .into_response();
    }
    state.session_cache.forget(&current.token_hash);
    let ended = sessions::delete(&state.db, &current.token_hash).await;
    state.db.note_sessions_ended();
    if let Err(e) = ended {
        tracing::error!(error = %e, "sign-out failed");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            html(&try_again_page(&state, lang)),
        )
            .into_response();
    }
    (
        jar.add(session::cleared(&state)),
        Redirect::to(&format!("/{}/account/login", lang.code())),
    )
        .into_response()
}

pub(crate) async fn logout_everywhere(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    current: CurrentPerson,
    jar: CookieJar,
    Form(form): Form<CsrfForm>,
) -> Response {
    let lang = page_lang(&lang).unwrap_or(Lang::Ro);
    if !current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&expired_form(&state, lang, "account")),
        )
            .into_response();
    }
    let ended = ghiseu_app::accounts::security::end_sessions_everywhere(&state, &current).await;
    if let Err(e) = ended {
        tracing::error!(error = %e, "sign-out everywhere failed");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            html(&try_again_page(&state, lang)),
        )
            .into_response();
    }
    (
        jar.add(session::cleared(&state)),
        Redirect::to(&format!("/{}/account/login", lang.code())),
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "account/account.html")]
struct AccountPage<'a> {
    frame: Frame<'a>,
    email: String,
    role: String,
    assurance: String,
    csrf: String,
    is_staff: bool,
    is_administrator: bool,
    logout_action: String,
    logout_everywhere_action: String,
}

pub(crate) async fn account(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    current: CurrentPerson,
) -> Response {
    let result = page_lang(&lang).map(|lang| {
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        html(&AccountPage {
            frame: Frame::new(&state, lang, t.m("account-title"), "account"),
            email: current.person.email.clone(),
            role: t.m(&format!("role-{}", current.person.role)),
            assurance: t.m(&format!("assurance-{}", current.person.assurance)),
            csrf: current.session.csrf_token.clone(),
            is_staff: current.person.role != Role::Citizen,
            is_administrator: current.person.role == Role::Administrator,
            logout_action: format!("/{}/account/logout", lang.code()),
            logout_everywhere_action: format!("/{}/account/logout-everywhere", lang.code()),
        })
    });
    finish(&state, result)
}
