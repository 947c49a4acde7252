//! "Send the confirmation link again": for someone whose link was lost or
//! ran out. The page says the same whatever the address (see
//! `ghiseu_app::accounts::verification`).

use super::session::form_token_ok;
use super::{FormError, MessagePage, anonymous_form, error_for};
use crate::AppState;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_app::accounts::verification::{Resent, resend};
use ghiseu_domain::account::EmailAddress;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use serde::Deserialize;

const PATH: &str = "account/verify/resend";

#[derive(Template)]
#[template(path = "account/resend.html")]
struct ResendPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    form_token: String,
    email: String,
    email_error: Option<String>,
}

fn resend_page(
    state: &AppState,
    lang: Lang,
    token: String,
    email: String,
    errors: Vec<FormError>,
) -> ResendPage<'_> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    ResendPage {
        frame: Frame::new(state, lang, t.m("resend-title"), PATH),
        email_error: error_for(&errors, "email"),
        errors,
        form_token: token,
        email,
    }
}

pub(crate) async fn form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
) -> Response {
    anonymous_form(&state, &lang, jar, |lang, token| {
        html(&resend_page(&state, lang, token, String::new(), Vec::new()))
    })
}

#[derive(Deserialize)]
pub(crate) struct ResendForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    form_token: String,
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    client: super::client::ClientAddress,
    Form(form): Form<ResendForm>,
) -> Response {
    if !form_token_ok(&jar, &form.form_token) {
        let page = super::register::expired_form(&state, lang, PATH);
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let email = match EmailAddress::parse(&form.email) {
        Ok(email) => email,
        Err(e) => {
            let errors = vec![FormError::new(
                t,
                "email",
                &format!("account-error-{}", e.code()),
            )];
            let typed = form.email.chars().take(254).collect();
            let page = resend_page(&state, lang, form.form_token.clone(), typed, errors);
            return (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response();
        }
    };
    let (status, title, body) = match resend(&state, &email, &client.0).await {
        Ok(Resent::Answered) => (StatusCode::OK, "resend-sent-title", "resend-sent-body"),
        Ok(Resent::Throttled) => (
            StatusCode::TOO_MANY_REQUESTS,
            "resend-throttled-title",
            "resend-throttled-body",
        ),
        Err(e) => {
            tracing::error!(error = %e, "sending a confirmation link again failed");
            let page = super::register::try_again_page(&state, lang);
            return (StatusCode::SERVICE_UNAVAILABLE, html(&page)).into_response();
        }
    };
    let page = MessagePage {
        frame: Frame::new(&state, lang, t.m(title), PATH),
        body: vec![t.m(body)],
        link: Some((
            format!("/{}/account/login", lang.code()),
            t.m("verify-go-to-login"),
        )),
    };
    (status, html(&page)).into_response()
}
