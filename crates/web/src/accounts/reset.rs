//! Password reset: a single-use link by e-mail, then a new password; every
//! session of the account ends.

use super::register::{MessagePage, expired_form, try_again_page};
use super::secrets::{hash_password, random_token, token_hash};
use super::session::form_token_ok;
use super::{FormError, error_for};
use super::{anonymous_form, new_password_error};
use crate::AppState;
use crate::notices::{self, Notice};
use crate::pages::PageLang;
use crate::pages::{Frame, html};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_domain::account::EmailAddress;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::accounts::{self, TokenRefusal};
use serde::Deserialize;

const RESET_TTL_MICROS: i64 = 3600 * 1_000_000;
const REQUESTS_PER_HOUR: i64 = 5;

#[derive(Template)]
#[template(path = "account/reset_request.html")]
struct RequestPage<'a> {
    frame: Frame<'a>,
    form_token: String,
}

#[derive(Template)]
#[template(path = "account/reset_new.html")]
struct NewPasswordPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    form_token: String,
    token: String,
    password_error: Option<String>,
    confirm_error: Option<String>,
}

pub(crate) async fn request_form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
) -> Response {
    anonymous_form(&state, &lang, jar, |lang, form_token| {
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        html(&RequestPage {
            frame: Frame::new(&state, lang, t.m("reset-title"), "account/reset"),
            form_token,
        })
    })
}

#[derive(Deserialize)]
pub(crate) struct RequestForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    form_token: String,
}

pub(crate) async fn request(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    client: super::client::ClientAddress,
    Form(form): Form<RequestForm>,
) -> Response {
    if !form_token_ok(&jar, &form.form_token) {
        return (
            StatusCode::FORBIDDEN,
            html(&expired_form(&state, lang, "account/reset")),
        )
            .into_response();
    }
    if let Ok(email) = EmailAddress::parse(&form.email)
        && let Err(e) = send_link(&state, &email, &client.0).await
    {
        tracing::error!(error = %e, "password reset request failed");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            html(&try_again_page(&state, lang)),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    html(&MessagePage {
        frame: Frame::new(&state, lang, t.m("check-email-title"), "account/reset"),
        body: vec![t.m("reset-sent-body")],
        link: None,
    })
}

/// Queues a reset link, in the account's language, when a verified account
/// uses the address; says nothing either way. Requests from an address the
/// person signed in from before are counted apart, so a stranger asking
/// again and again cannot use up the owner's own requests.
async fn send_link(
    state: &AppState,
    email: &EmailAddress,
    client: &str,
) -> Result<(), crate::error::ApiError> {
    let now = state.clock.now();
    let micros = now.as_microsecond();
    let person = accounts::person_by_email(&state.db, email.as_str()).await?;
    let address = super::login::address_hash(client);
    let person_id = person.as_ref().map_or("-", |p| p.id.as_str());
    let key = if ghiseu_storage::sign_in::known_address(&state.db, person_id, &address).await? {
        format!("reset:known:{}:{address}", email.as_str())
    } else {
        format!("reset:{}", email.as_str())
    };
    if !accounts::throttle_hit(&state.db, &key, 3600 * 1_000_000, REQUESTS_PER_HOUR, micros).await?
    {
        return Ok(());
    }
    let Some(person) = person else {
        return Ok(());
    };
    if person.email_verified_at.is_none() {
        return Ok(());
    }
    let token = random_token().map_err(|e| crate::error::ApiError::Internal(e.to_string()))?;
    let mut tx = state.db.begin_write().await?;
    accounts::insert_token(
        &mut tx,
        &token_hash(&token),
        &person.id,
        "reset-password",
        micros,
        micros + RESET_TTL_MICROS,
    )
    .await?;
    notices::tell(
        &mut tx,
        state,
        &person.id,
        &Notice::PasswordReset { token: &token },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Deserialize)]
pub(crate) struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn new_password_page<'a>(
    state: &'a AppState,
    lang: Lang,
    form_token: String,
    token: String,
    errors: Vec<FormError>,
) -> NewPasswordPage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    NewPasswordPage {
        frame: Frame::new(state, lang, t.m("reset-new-title"), "account/reset"),
        password_error: error_for(&errors, "password"),
        confirm_error: error_for(&errors, "confirm"),
        errors,
        form_token,
        token: token
            .chars()
            .filter(char::is_ascii_hexdigit)
            .take(64)
            .collect(),
    }
}

pub(crate) async fn new_form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
    Query(q): Query<TokenQuery>,
) -> Response {
    anonymous_form(&state, &lang, jar, |lang, form_token| {
        html(&new_password_page(
            &state,
            lang,
            form_token,
            q.token,
            Vec::new(),
        ))
    })
}

#[derive(Deserialize)]
pub(crate) struct NewPasswordForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    form_token: String,
}

pub(crate) async fn set_new(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    Form(form): Form<NewPasswordForm>,
) -> Response {
    if !form_token_ok(&jar, &form.form_token) {
        return (
            StatusCode::FORBIDDEN,
            html(&expired_form(&state, lang, "account/reset")),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let mut errors = Vec::new();
    errors.extend(new_password_error(t, &form.password, &form.confirm, &[]));
    if !errors.is_empty() {
        let page = new_password_page(
            &state,
            lang,
            form.form_token.clone(),
            form.token.clone(),
            errors,
        );
        return (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response();
    }
    let hash = match hash_password(form.password.clone()).await {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "hashing failed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&try_again_page(&state, lang)),
            )
                .into_response();
        }
    };
    let outcome = ghiseu_app::accounts::security::reset_password(&state, &form.token, &hash).await;
    let login = Some((
        format!("/{}/account/login", lang.code()),
        t.m("verify-go-to-login"),
    ));
    let (status, title, body, link) = match outcome {
        Ok(Ok(_)) => (StatusCode::OK, "reset-done-title", "reset-done-body", login),
        Ok(Err(TokenRefusal::Used)) => (
            StatusCode::GONE,
            "verify-used-title",
            "reset-used-body",
            None,
        ),
        Ok(Err(TokenRefusal::Expired)) => (
            StatusCode::GONE,
            "verify-expired-title",
            "reset-expired-body",
            None,
        ),
        Ok(Err(TokenRefusal::Unknown)) => (
            StatusCode::NOT_FOUND,
            "verify-unknown-title",
            "reset-unknown-body",
            None,
        ),
        Err(e) => {
            tracing::error!(error = %e, "password reset failed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&try_again_page(&state, lang)),
            )
                .into_response();
        }
    };
    let link = link.or_else(|| {
        Some((
            format!("/{}/account/reset", lang.code()),
            t.m("reset-again"),
        ))
    });
    (
        status,
        html(&MessagePage {
            frame: Frame::new(&state, lang, t.m(title), "account/reset"),
            body: vec![t.m(body)],
            link,
        }),
    )
        .into_response()
}
