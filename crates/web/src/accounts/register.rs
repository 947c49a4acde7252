//! Registration and e-mail verification.

use super::secrets::{hash_password, random_token, token_hash};
use super::session::form_token_ok;
use super::{FormError, audit_event, error_for};
use super::{anonymous_form, new_password_error};
use crate::AppState;
use crate::notices::{self, Notice};
use crate::pages::PageLang;
use crate::pages::{Frame, PageError, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_domain::account::{EmailAddress, NotificationChannel};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::accounts::{self, NewPerson, TokenRefusal};
use ghiseu_storage::audit;
use ghiseu_storage::outbox::{self, Channel, NewMessage};
use serde::Deserialize;

const VERIFY_TTL_MICROS: i64 = 24 * 3600 * 1_000_000;
const HOUR_MICROS: i64 = 3600 * 1_000_000;
/// New accounts per client address per hour: enough for a refugee centre or
/// an office that registers people behind one address, too few for a bot.
const REGISTRATIONS_PER_HOUR: i64 = 30;

/// How long writing a new account usually takes, in microseconds: a running
/// estimate of the median (a mean would sit above it, times being skewed by
/// the occasional slow write). An address already registered is answered no
/// sooner, so the time taken does not tell whether it is.
static NEW_ACCOUNT_MICROS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
/// How far one new account moves the estimate towards its own time.
const MEDIAN_STEP_MICROS: u64 = 200;

fn remember_new_account_time(took: std::time::Duration) {
    use std::sync::atomic::Ordering;
    let took = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
    let before = NEW_ACCOUNT_MICROS.load(Ordering::Relaxed);
    let estimate = if before == 0 {
        took
    } else if took > before {
        before + (took - before).min(MEDIAN_STEP_MICROS)
    } else {
        before - (before - took).min(MEDIAN_STEP_MICROS)
    };
    NEW_ACCOUNT_MICROS.store(estimate, Ordering::Relaxed);
}

/// Waits out the rest of a new account's usual time after `started`.
async fn as_long_as_a_new_account(started: std::time::Instant) {
    let usual = std::time::Duration::from_micros(
        NEW_ACCOUNT_MICROS.load(std::sync::atomic::Ordering::Relaxed),
    );
    // The timer wakes on whole milliseconds, half a millisecond late on average.
    let late = std::time::Duration::from_micros(500);
    if let Some(rest) = usual.checked_sub(started.elapsed() + late) {
        tokio::time::sleep(rest).await;
    }
}

#[derive(Template)]
#[template(path = "account/register.html")]
struct RegisterPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    form_token: String,
    email: String,
    email_error: Option<String>,
    password_error: Option<String>,
    confirm_error: Option<String>,
    login_href: String,
}

#[derive(Template)]
#[template(path = "account/message.html")]
pub(crate) struct MessagePage<'a> {
    pub frame: Frame<'a>,
    pub body: Vec<String>,
    pub link: Option<(String, String)>,
}

#[derive(Deserialize, Default)]
pub(crate) struct RegisterForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    form_token: String,
}

fn register_page<'a>(
    state: &'a AppState,
    lang: Lang,
    token: String,
    email: String,
    errors: Vec<FormError>,
) -> RegisterPage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    RegisterPage {
        frame: Frame::new(state, lang, t.m("register-title"), "account/register"),
        email_error: error_for(&errors, "email"),
        password_error: error_for(&errors, "password"),
        confirm_error: error_for(&errors, "confirm"),
        errors,
        form_token: token,
        email,
        login_href: format!("/{}/account/login", lang.code()),
    }
}

pub(crate) async fn form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
) -> Response {
    anonymous_form(&state, &lang, jar, |lang, token| {
        html(&register_page(
            &state,
            lang,
            token,
            String::new(),
            Vec::new(),
        ))
    })
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    client: super::client::ClientAddress,
    Form(form): Form<RegisterForm>,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    if !form_token_ok(&jar, &form.form_token) {
        return (
            StatusCode::FORBIDDEN,
            html(&expired_form(&state, lang, "account/register")),
        )
            .into_response();
    }
    let now = state.clock.now().as_microsecond();
    match accounts::throttle_hit(
        &state.db,
        &format!("register:client:{}", client.0),
        HOUR_MICROS,
        REGISTRATIONS_PER_HOUR,
        now,
    )
    .await
    {
        Ok(true) => {}
        Ok(false) => {
            let page = MessagePage {
                frame: Frame::new(
                    &state,
                    lang,
                    t.m("register-throttled-title"),
                    "account/register",
                ),
                body: vec![t.m("register-throttled-body")],
                link: None,
            };
            return (StatusCode::TOO_MANY_REQUESTS, html(&page)).into_response();
        }
        Err(e) => {
            tracing::error!(error = %e, "registration throttle failed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&try_again_page(&state, lang)),
            )
                .into_response();
        }
    }
    let mut errors = Vec::new();
    let email = EmailAddress::parse(&form.email);
    if let Err(e) = &email {
        errors.push(FormError::new(
            t,
            "email",
            &format!("account-error-{}", e.code()),
        ));
    }
    let local = form.email.split('@').next().unwrap_or("");
    let mut about: Vec<&str> = vec![form.email.as_str(), local];
    about.extend(local.split(['.', '_', '-', '+']).filter(|p| p.len() > 2));
    errors.extend(new_password_error(t, &form.password, &form.confirm, &about));
    let email = match email {
        Ok(email) if errors.is_empty() => email,
        _ => {
            let page = register_page(
                &state,
                lang,
                form.form_token.clone(),
                form.email.chars().take(254).collect(),
                errors,
            );
            return (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response();
        }
    };
    match create_account(&state, lang, &email, form.password).await {
        Ok(()) => html(&check_email_page(&state, lang)),
        Err(e) => {
            tracing::error!(error = %e, "registration failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&try_again_page(&state, lang)),
            )
                .into_response()
        }
    }
}

/// Creates the account and queues the verification message in one transaction.
/// An address already registered gets a notice instead, and the person
/// filling the form sees the same page either way.
async fn create_account(
    state: &AppState,
    lang: Lang,
    email: &EmailAddress,
    password: String,
) -> Result<(), crate::error::ApiError> {
    let hash = hash_password(password)
        .await
        .map_err(|e| crate::error::ApiError::Unavailable(e.to_string()))?;
    let token = random_token().map_err(|e| crate::error::ApiError::Unavailable(e.to_string()))?;
    let now = state.clock.now();
    let micros = now.as_microsecond();
    let id = uuid::Uuid::now_v7().to_string();
    let started = std::time::Instant::now();
    let mut tx = state.db.begin_write().await?;
    let created = accounts::insert_person(
        &mut tx,
        &NewPerson {
            id: &id,
            email: email.as_str(),
            password_hash: &hash,
            role: "citizen",
            preferred_lang: lang.code(),
            now: micros,
        },
    )
    .await?;
    if created {
        audit::append(
            &mut tx,
            &audit_event(state, "account.registered", Some(&id), None),
        )
        .await?;
        accounts::insert_token(
            &mut tx,
            &token_hash(&token),
            &id,
            "verify-email",
            micros,
            micros + VERIFY_TTL_MICROS,
        )
        .await?;
        notices::tell(
            &mut tx,
            state,
            &id,
            &Notice::EmailVerification { token: &token },
            now,
        )
        .await?;
    } else {
        // Not one of the account's messages: it goes to the address as
        // typed, in the language of the form.
        let notice = Notice::RegistrationAttempt;
        let text = notice.compose(
            &state.i18n,
            &state.public_url,
            lang,
            NotificationChannel::Email,
        );
        let message = NewMessage {
            kind: notice.kind().code().into(),
            channel: Channel::Email,
            recipient: email.as_str().to_string(),
            subject: text.subject,
            body: text.body,
            person_id: None,
        };
        outbox::enqueue(&mut tx, &message, now).await?;
        let mut event = audit_event(state, "account.registration-repeated", None, None);
        event.subject = accounts::person_by_email(&state.db, email.as_str())
            .await?
            .map(|p| p.id);
        audit::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    if created {
        remember_new_account_time(started.elapsed());
    } else {
        as_long_as_a_new_account(started).await;
    }
    Ok(())
}

fn check_email_page(state: &AppState, lang: Lang) -> MessagePage<'_> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    MessagePage {
        frame: Frame::new(state, lang, t.m("check-email-title"), "account/register"),
        body: vec![t.m("check-email-body")],
        link: Some((
            format!("/{}/account/verify/resend", lang.code()),
            t.m("resend-link"),
        )),
    }
}

pub(crate) fn try_again_page(state: &AppState, lang: Lang) -> MessagePage<'_> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    MessagePage {
        frame: Frame::new(state, lang, t.m("try-again-title"), ""),
        body: vec![t.m("try-again-body")],
        link: None,
    }
}

pub(crate) fn expired_form<'a>(state: &'a AppState, lang: Lang, path: &str) -> MessagePage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    MessagePage {
        frame: Frame::new(state, lang, t.m("form-expired-title"), path),
        body: vec![t.m("form-expired-body")],
        link: Some((format!("/{}/{path}", lang.code()), t.m("form-expired-link"))),
    }
}

#[derive(Deserialize)]
pub(crate) struct TokenQuery {
    #[serde(default)]
    token: String,
}

#[derive(Template)]
#[template(path = "account/verify.html")]
struct VerifyPage<'a> {
    frame: Frame<'a>,
    token: String,
    form_token: String,
}

/// Shows a button rather than acting on the GET, so that mail scanners
/// following the link do not use it up.
pub(crate) async fn verify_form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
    Query(q): Query<TokenQuery>,
) -> Response {
    anonymous_form(&state, &lang, jar, |lang, form_token| {
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        html(&VerifyPage {
            frame: Frame::new(&state, lang, t.m("verify-title"), "account/verify"),
            token: q
                .token
                .chars()
                .filter(char::is_ascii_hexdigit)
                .take(64)
                .collect(),
            form_token,
        })
    })
}

#[derive(Deserialize)]
pub(crate) struct VerifyForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    form_token: String,
}

pub(crate) async fn verify(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
    Form(form): Form<VerifyForm>,
) -> Response {
    let lang = match page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err::<Response, PageError>(e)),
    };
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
    let outcome = ghiseu_app::accounts::security::verify_email(&state, &form.token).await;
    let login = (
        format!("/{}/account/login", lang.code()),
        t.m("verify-go-to-login"),
    );
    let (status, title, body, link) = match outcome {
        Ok(Ok(_)) => (
            StatusCode::OK,
            "verify-done-title",
            "verify-done-body",
            Some(login),
        ),
        Ok(Err(TokenRefusal::Used)) => (
            StatusCode::GONE,
            "verify-used-title",
            "verify-used-body",
            Some(login),
        ),
        Ok(Err(TokenRefusal::Expired)) => (
            StatusCode::GONE,
            "verify-expired-title",
            "verify-expired-body",
            Some((
                format!("/{}/account/verify/resend", lang.code()),
                t.m("resend-link"),
            )),
        ),
        Ok(Err(TokenRefusal::Unknown)) => (
            StatusCode::NOT_FOUND,
            "verify-unknown-title",
            "verify-unknown-body",
            None,
        ),
        Err(e) => {
            tracing::error!(error = %e, "verification failed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&try_again_page(&state, lang)),
            )
                .into_response();
        }
    };
    let page = MessagePage {
        frame: Frame::new(&state, lang, t.m(title), "account/login"),
        body: vec![t.m(body)],
        link,
    };
    (status, html(&page)).into_response()
}
