//! The second factor: enrolling an authenticator app, and the second step
//! of signing in (a one-time code or a recovery code).

use super::register::try_again_page;
use super::session::{self, cookie_token_hash};
use super::totp;
use super::{FormError, audit_event};
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::PageLang;
use crate::pages::{Frame, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::{accounts, audit, second_factor, sessions};
use serde::Deserialize;

const ATTEMPTS: i64 = 5;
const WINDOW_MICROS: i64 = 15 * 60 * 1_000_000;

#[derive(Template)]
#[template(path = "account/second_factor_enrol.html")]
struct EnrolPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    enabled: bool,
    secret: String,
    qr_svg: String,
    csrf: String,
}

#[derive(Deserialize)]
pub(crate) struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf: String,
}

async fn enrol_page<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    errors: Vec<FormError>,
) -> Result<EnrolPage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let existing = second_factor::get(&state.db, &current.person.id).await?;
    let enabled = existing.as_ref().is_some_and(|f| f.enabled_at.is_some());
    let secret = match existing {
        Some(f) => f.totp_secret,
        None => {
            let secret = totp::new_secret().map_err(|e| ApiError::Internal(e.to_string()))?;
            second_factor::begin_enrolment(&state.db, &current.person.id, &secret).await?;
            secret
        }
    };
    let (secret, qr_svg) = if enabled {
        (String::new(), String::new())
    } else {
        (
            totp::grouped(&secret),
            totp::qr_svg(&totp::otpauth_uri(&secret, &current.person.email)),
        )
    };
    Ok(EnrolPage {
        frame: Frame::new(
            state,
            lang,
            t.m("second-factor-title"),
            "account/second-factor",
        ),
        errors,
        enabled,
        secret,
        qr_svg,
        csrf: current.session.csrf_token.clone(),
    })
}

pub(crate) async fn enrol_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
) -> Response {
    match enrol_page(&state, lang, &current, Vec::new()).await {
        Ok(page) => html(&page),
        Err(e) => e.into_response(),
    }
}

#[derive(Template)]
#[template(path = "account/recovery_codes.html")]
struct RecoveryCodesPage<'a> {
    frame: Frame<'a>,
    codes: Vec<String>,
}

pub(crate) async fn enrol(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Form(form): Form<CodeForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&super::register::expired_form(
                &state,
                lang,
                "account/second-factor",
            )),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let now = state.clock.now();
    let result =
        ghiseu_app::accounts::security::enable_second_factor(&state, &current, &form.code, now)
            .await
            .map_err(ApiError::from);
    match result {
        Ok(Some(codes)) => html(&RecoveryCodesPage {
            frame: Frame::new(&state, lang, t.m("recovery-codes-title"), "account"),
            codes,
        }),
        Ok(None) => match enrol_page(
            &state,
            lang,
            &current,
            vec![FormError::new(t, "code", "second-factor-error-code")],
        )
        .await
        {
            Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response(),
            Err(e) => e.into_response(),
        },
        Err(e) => e.into_response(),
    }
}

#[derive(Template)]
#[template(path = "account/second_factor_login.html")]
struct SecondStepPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
}

fn second_step_page(state: &AppState, lang: Lang, errors: Vec<FormError>) -> SecondStepPage<'_> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    SecondStepPage {
        frame: Frame::new(
            state,
            lang,
            t.m("second-step-title"),
            "account/login/second-factor",
        ),
        errors,
    }
}

pub(crate) async fn second_step_form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
) -> Response {
    let result = page_lang(&lang).map(|lang| match cookie_token_hash(&jar) {
        Some(_) => html(&second_step_page(&state, lang, Vec::new())),
        None => Redirect::to(&format!("/{}/account/login", lang.code())).into_response(),
    });
    finish(&state, result)
}

#[derive(Deserialize)]
pub(crate) struct SecondStepForm {
    #[serde(default)]
    code: String,
}

enum Step {
    Done(axum_extra::extract::cookie::Cookie<'static>),
    Wrong,
    Throttled,
    NoPendingSession,
}

/// The pending session's cookie is the anti-forgery proof here: it is
/// SameSite and only this step can use it.
pub(crate) async fn second_step(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    client: super::client::ClientAddress,
    Query(back): Query<super::login::ReturnQuery>,
    Form(form): Form<SecondStepForm>,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let outcome = check_second_step(&state, &jar, &form.code, &client.0).await;
    let (status, key) = match outcome {
        Ok(Step::Done(cookie)) => {
            return (
                jar.add(cookie),
                Redirect::to(&super::session::after_sign_in(lang, back.next.as_deref())),
            )
                .into_response();
        }
        Ok(Step::NoPendingSession) => {
            return Redirect::to(&format!("/{}/account/login", lang.code())).into_response();
        }
        Ok(Step::Wrong) => (StatusCode::UNAUTHORIZED, "second-factor-error-code"),
        Ok(Step::Throttled) => (StatusCode::TOO_MANY_REQUESTS, "login-error-throttled"),
        Err(e) => {
            tracing::error!(error = %e, "second step failed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&try_again_page(&state, lang)),
            )
                .into_response();
        }
    };
    (
        status,
        html(&second_step_page(
            &state,
            lang,
            vec![FormError::new(t, "code", key)],
        )),
    )
        .into_response()
}

async fn check_second_step(
    state: &AppState,
    jar: &CookieJar,
    code: &str,
    client: &str,
) -> Result<Step, ApiError> {
    let now = state.clock.now();
    let micros = now.as_microsecond();
    let Some(pending_hash) = cookie_token_hash(jar) else {
        return Ok(Step::NoPendingSession);
    };
    let Some(person_id) = sessions::pending(&state.db, &pending_hash, micros).await? else {
        return Ok(Step::NoPendingSession);
    };
    if !accounts::throttle_hit(
        &state.db,
        &format!("second-factor:{person_id}"),
        WINDOW_MICROS,
        ATTEMPTS,
        micros,
    )
    .await?
    {
        return Ok(Step::Throttled);
    }
    let Some(factor) = second_factor::get(&state.db, &person_id)
        .await?
        .filter(|f| f.enabled_at.is_some())
    else {
        return Ok(Step::NoPendingSession);
    };
    let mut tx = state.db.begin_write().await?;
    let accepted = match totp::matching_step(&factor.totp_secret, code, now.as_second()) {
        Some(step) => second_factor::use_step(&mut tx, &person_id, step).await?,
        None => {
            second_factor::use_recovery_code(
                &mut tx,
                &person_id,
                &totp::recovery_code_hash(code),
                micros,
            )
            .await?
        }
    };
    if !accepted {
        drop(tx);
        audit::record(
            &state.db,
            &audit_event(state, "login.second-factor-failed", Some(&person_id), None),
        )
        .await?;
        return Ok(Step::Wrong);
    }
    // A new session, not the pending one upgraded: the privilege changed.
    sessions::delete_in(&mut tx, &pending_hash).await?;
    let cookie = session::start(&mut tx, state, &person_id, false).await?;
    let address = super::login::address_hash(client);
    ghiseu_storage::sign_in::remember_address(&mut tx, &person_id, &address, micros).await?;
    audit::append(
        &mut tx,
        &audit_event(state, "login.succeeded", Some(&person_id), None),
    )
    .await?;
    tx.commit().await?;
    Ok(Step::Done(cookie))
}
