//! Signing in and out, and the account page.

use super::anonymous_form;
use super::register::{expired_form, try_again_page};
use super::secrets::{DECOY_HASH, verify_password};
use super::session::{self, form_token_ok};
use super::{FormError, audit_event, error_for};
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::pages::PageLang;
use crate::pages::{Frame, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_domain::account::EmailAddress;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::{accounts, audit, sessions, sign_in};
use serde::Deserialize;

/// Failed sign-ins allowed in the window: from one client address, whoever
/// they were for (high enough for a refugee centre or an office behind one
/// address); for one account from addresses it never signed in from; and for
/// one account from one address it did sign in from before. Only failures
/// count, so a stranger's guesses lock out strangers, not the owner's devices.
pub(crate) const CLIENT_FAILURES: i64 = 100;
pub(crate) const STRANGER_FAILURES: i64 = 5;
pub(crate) const KNOWN_ADDRESS_FAILURES: i64 = 10;
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

/// Where a sign-in stands before its password is checked.
struct Attempt {
    person: Option<accounts::PersonRecord>,
    client_key: String,
    account_key: String,
    locked: bool,
    second_factor: bool,
}

/// Reads everything the decision needs with the same queries whether the
/// address is registered or not, so the time taken says nothing about it.
async fn attempt(
    state: &AppState,
    form: &LoginForm,
    client: &str,
    now: i64,
) -> Result<Attempt, crate::error::ApiError> {
    let email = EmailAddress::parse(&form.email).ok();
    let email = email.as_ref().map_or("-", |e| e.as_str());
    let person = accounts::person_by_email(&state.db, email).await?;
    let person_id = person.as_ref().map_or("-", |p| p.id.as_str());
    let address = address_hash(client);
    let known = sign_in::known_address(&state.db, person_id, &address).await?;
    let (account_key, limit) = if known {
        (
            format!("login:known:{email}:{address}"),
            KNOWN_ADDRESS_FAILURES,
        )
    } else {
        (format!("login:account:{email}"), STRANGER_FAILURES)
    };
    let client_key = format!("login:client:{client}");
    let client_failures = sign_in::failures(&state.db, &client_key, WINDOW_MICROS, now).await?;
    let account_failures = sign_in::failures(&state.db, &account_key, WINDOW_MICROS, now).await?;
    let second_factor = ghiseu_storage::second_factor::get(&state.db, person_id)
        .await?
        .is_some_and(|f| f.enabled_at.is_some());
    Ok(Attempt {
        person,
        client_key,
        account_key,
        locked: client_failures >= CLIENT_FAILURES || account_failures >= limit,
        second_factor,
    })
}

/// What the sign-in throttle keeps of a client address.
pub(crate) fn address_hash(client: &str) -> String {
    super::secrets::token_hash(&format!("sign-in-address:{client}"))
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
    let attempt = attempt(state, form, client, now).await?;
    // A lock gives way only to the right password followed by the second factor.
    if attempt.locked && !attempt.second_factor {
        audit::record(
            &state.db,
            &audit_event(state, "login.throttled", None, Some(client)),
        )
        .await?;
        return Ok(Err(Refusal::Throttled));
    }
    let stored = attempt
        .person
        .as_ref()
        .map_or_else(|| DECOY_HASH.to_string(), |p| p.password_hash.clone());
    let matches = verify_password(form.password.clone(), stored)
        .await
        .map_err(|e| crate::error::ApiError::Unavailable(e.to_string()))?;
    let known_id = attempt.person.as_ref().map(|p| p.id.clone());
    let Some(person) = attempt.person.filter(|_| matches) else {
        for key in [&attempt.client_key, &attempt.account_key] {
            accounts::throttle_hit(&state.db, key, WINDOW_MICROS, i64::MAX, now).await?;
        }
        let mut event = audit_event(state, "login.failed", None, Some(client));
        event.subject = known_id;
        audit::record(&state.db, &event).await?;
        return Ok(Err(if attempt.locked {
            Refusal::Throttled
        } else {
            Refusal::Credentials
        }));
    };
    if person.email_verified_at.is_none() {
        return Ok(Err(Refusal::Unverified));
    }
    let mut tx = state
        .db
        .pool()
        .begin()
        .await
        .map_err(ghiseu_storage::StorageError::from)?;
    let cookie = session::start(&mut tx, state, &person.id, attempt.second_factor).await?;
    if !attempt.second_factor {
        sign_in::remember_address(&mut tx, &person.id, &address_hash(client), now).await?;
        let event = audit_event(state, "login.succeeded", Some(&person.id), Some(client));
        audit::append(&mut tx, &event).await?;
    }
    tx.commit()
        .await
        .map_err(ghiseu_storage::StorageError::from)?;
    Ok(Ok((cookie, attempt.second_factor)))
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
        state.db.note_sessions_ended();
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
