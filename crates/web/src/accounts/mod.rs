//! Accounts: registration, e-mail verification, signing in and out.

mod card_check;
pub(crate) mod client;
pub(crate) mod household;
mod login;
mod messages;
mod profile;
mod register;
mod representations;
mod resend;
mod reset;
mod second_factor;
pub(crate) mod session;

pub use ghiseu_app::accounts::{
    CurrentPerson, IfRegistered, SessionSettings, add_verified_person, audit_event, demo,
    generated_password, hash_pool, secrets, totp,
};

pub(crate) use card_check::see_other;
pub(crate) use client::ClientAddress;
pub(crate) use register::{MessagePage, expired_form as expired, try_again_page};
pub(crate) use session::form_token_ok;

use crate::AppState;
use crate::pages::{finish, page_lang};
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/account/register",
            get(register::form).post(register::submit),
        )
        .route(
            "/{lang}/account/verify",
            get(register::verify_form).post(register::verify),
        )
        .route(
            "/{lang}/account/login",
            get(login::form).post(login::submit),
        )
        .route("/{lang}/account/logout", post(login::logout))
        .route(
            "/{lang}/account/verify/resend",
            get(resend::form).post(resend::submit),
        )
        .route(
            "/{lang}/account/logout-everywhere",
            post(login::logout_everywhere),
        )
        .route(
            "/{lang}/account/reset",
            get(reset::request_form).post(reset::request),
        )
        .route(
            "/{lang}/account/reset/new",
            get(reset::new_form).post(reset::set_new),
        )
        .route("/{lang}/account/messages", get(messages::list))
        .route(
            "/{lang}/account/household",
            get(household::list).post(household::add),
        )
        .route("/{lang}/account/household/{ward}", get(household::ward))
        .route(
            "/{lang}/account/representations",
            get(representations::list),
        )
        .route(
            "/{lang}/account/representations/revoke",
            post(representations::revoke),
        )
        .route(
            "/{lang}/account/second-factor",
            get(second_factor::enrol_form).post(second_factor::enrol),
        )
        .route(
            "/{lang}/account/login/second-factor",
            get(second_factor::second_step_form).post(second_factor::second_step),
        )
        .route("/{lang}/account", get(login::account))
        .merge(profile::router())
        .merge(card_check::router())
}

/// One mistake in a form, linked from the error summary to its field.
pub(crate) struct FormError {
    pub field: &'static str,
    pub text: String,
}

impl FormError {
    pub fn new(t: Tr<'_>, field: &'static str, key: &str) -> Self {
        FormError {
            field,
            text: t.m(key),
        }
    }
}

/// The message of the first error on `field`, for showing beside it.
pub(crate) fn error_for(errors: &[FormError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.text.clone())
}

/// A form for someone not signed in yet: `page` renders it with its
/// anti-forgery token, and the token's cookie is set when it is new.
pub(crate) fn anonymous_form(
    state: &AppState,
    lang: &str,
    jar: CookieJar,
    page: impl FnOnce(Lang, String) -> Response,
) -> Response {
    let result = page_lang(lang).map(|lang| match session::form_token(&jar, state) {
        Ok((token, Some(cookie))) => (jar.add(cookie), page(lang, token)).into_response(),
        Ok((token, None)) => page(lang, token),
        Err(e) => crate::error::ApiError::Internal(e.to_string()).into_response(),
    });
    finish(state, result)
}

/// What is wrong with a new password and its confirmation, if anything;
/// `about` is what the password must not be guessable from.
pub(crate) fn new_password_error(
    t: Tr<'_>,
    password: &str,
    confirm: &str,
    about: &[&str],
) -> Option<FormError> {
    match ghiseu_domain::account::check_password(password, about) {
        Err(problem) => Some(FormError::new(
            t,
            "password",
            &format!("account-error-{}", problem.code()),
        )),
        Ok(()) if password != confirm => {
            Some(FormError::new(t, "confirm", "account-error-confirm"))
        }
        Ok(()) => None,
    }
}
