//! Signing in and out, and the account page.

use super::anonymous_form;
use super::register::{expired_form, try_again_page};
use super::secrets::{DECOY_HASH, verify_password};
use super::session::{self, CurrentPerson, form_token_ok};
use super::{FormError, audit_event, error_for};
use crate::AppState;
use crate::pages::PageLang;
use crate::pages::view::Tr;
use crate::pages::{Frame, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_domain::account::EmailAddress;
use ghiseu_domain::catalogue::Lang;
use ghiseu_storage::{accounts, audit, sessions};
use serde::Deserialize;

/// Attempts allowed per e-mail address and per client address in the window.
const PER_ACCOUNT: i64 = 5;
const PER_CLIENT: i64 = 30;
const WINDOW_MICROS: i64 = 15 * 60 * 1_000_000;

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

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    form_token: String,
}

enum Refusal {
    Credentials,
    Unverified,
    Throttled,
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    client: super::client::ClientAddress,
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
    let outcome = sign_in(&state, &form, &client).await;
    let refusal = match outcome {
        Ok(Ok((cookie, second_factor))) => {
            let next = if second_factor {
                "account/login/second-factor"
            } else {
                "account"
            };
            return (
                jar.add(cookie),
                Redirect::to(&format!("/{}/{next}", lang.code())),
            )
                .into_response();
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
        Refusal::Credentials => (StatusCode::UNAUTHORIZED, "login-error-credentials"),
        Refusal::Unverified => (StatusCode::FORBIDDEN, "login-error-unverified"),
        Refusal::Throttled => (StatusCode::TOO_MANY_REQUESTS, "login-error-throttled"),
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

async fn sign_in(
    state: &AppState,
    form: &LoginForm,
    client: &str,
) -> Result<
    Result<(axum_extra::extract::cookie::Cookie<'static>, bool), Refusal>,
    crate::error::ApiError,
> {
    let now = state.clock.now().as_microsecond();
    let email = EmailAddress::parse(&form.email).ok();
    let account_key = format!(
        "login:account:{}",
        email.as_ref().map_or("-", |e| e.as_str())
    );
    let client_ok = accounts::throttle_hit(
        &state.db,
        &format!("login:client:{client}"),
        WINDOW_MICROS,
        PER_CLIENT,
        now,
    )
    .await?;
    let account_ok =
        accounts::throttle_hit(&state.db, &account_key, WINDOW_MICROS, PER_ACCOUNT, now).await?;
    if !client_ok || !account_ok {
        audit::record(
            &state.db,
            &audit_event(state, "login.throttled", None, Some(client)),
        )
        .await?;
        return Ok(Err(Refusal::Throttled));
    }
    let person = match &email {
        Some(email) => accounts::person_by_email(&state.db, email.as_str()).await?,
        None => None,
    };
    let stored = person
        .as_ref()
        .map_or_else(|| DECOY_HASH.to_string(), |p| p.password_hash.clone());
    let matches = verify_password(form.password.clone(), stored)
        .await
        .map_err(|e| crate::error::ApiError::Unavailable(e.to_string()))?;
    let known_id = person.as_ref().map(|p| p.id.clone());
    let Some(person) = person.filter(|_| matches) else {
        let mut event = audit_event(state, "login.failed", None, Some(client));
        event.subject = known_id;
        audit::record(&state.db, &event).await?;
        return Ok(Err(Refusal::Credentials));
    };
    if person.email_verified_at.is_none() {
        return Ok(Err(Refusal::Unverified));
    }
    let second_factor = ghiseu_storage::second_factor::get(&state.db, &person.id).await?;
    let needs_second_factor = second_factor.is_some_and(|f| f.enabled_at.is_some());
    let mut tx = state
        .db
        .pool()
        .begin()
        .await
        .map_err(ghiseu_storage::StorageError::from)?;
    let cookie = session::start(&mut tx, state, &person.id, needs_second_factor).await?;
    if !needs_second_factor {
        let event = audit_event(state, "login.succeeded", Some(&person.id), Some(client));
        audit::append(&mut tx, &event).await?;
    }
    tx.commit()
        .await
        .map_err(ghiseu_storage::StorageError::from)?;
    Ok(Ok((cookie, needs_second_factor)))
}

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
    if let Err(e) = sessions::delete(&state.db, &current.token_hash).await {
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
    let ended: Result<(), ghiseu_storage::StorageError> = async {
        let mut tx = state.db.pool().begin().await?;
        sessions::delete_all_for(&mut tx, &current.person.id).await?;
        let event = audit_event(
            &state,
            "session.ended-everywhere",
            Some(&current.person.id),
            None,
        );
        audit::append(&mut tx, &event).await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
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
            is_staff: current.person.role != "citizen",
            is_administrator: current.person.role == "administrator",
            logout_action: format!("/{}/account/logout", lang.code()),
            logout_everywhere_action: format!("/{}/account/logout-everywhere", lang.code()),
        })
    });
    finish(&state, result)
}
