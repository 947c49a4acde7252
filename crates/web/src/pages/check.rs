//! The public validity check as a page: a form anyone can send without
//! signing in, with its anti-forgery token as other anonymous forms have
//! it (a cookie and the same value in the form). The rules are the
//! application's (`ghiseu_app::registry::check`).

use crate::AppState;
use crate::accounts::{ClientAddress, FormError, anonymous_form, error_for, form_token_ok};
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_app::AppError;
use ghiseu_app::registry::check::{self, Asker, CheckAnswer, CheckInput};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::registry::Standing;
use ghiseu_i18n::{Tr, text_arg};
use serde::Deserialize;

const PATH: &str = "documents/check";

#[derive(Template)]
#[template(path = "registry/check.html")]
struct CheckPage<'a> {
    frame: Frame<'a>,
    form_token: String,
    errors: Vec<FormError>,
    number: String,
    number_error: Option<String>,
    personal_id_error: Option<String>,
    /// The answer, when there is one: its kind (for its style) and its words.
    answer: Option<(&'static str, String)>,
    /// Why no answer was given (too many checks), in words.
    refused: Option<String>,
}

impl<'a> CheckPage<'a> {
    fn new(state: &'a AppState, lang: Lang, form_token: String) -> Self {
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        CheckPage {
            frame: Frame::new(state, lang, t.m("check-title"), PATH),
            form_token,
            errors: Vec::new(),
            number: String::new(),
            number_error: None,
            personal_id_error: None,
            answer: None,
            refused: None,
        }
    }
}

pub(crate) async fn form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
) -> Response {
    anonymous_form(&state, &lang, jar, |lang, form_token| {
        html(&CheckPage::new(&state, lang, form_token))
    })
}

#[derive(Deserialize)]
pub(crate) struct CheckForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    personal_id: String,
    #[serde(default)]
    form_token: String,
}

/// The answer in words.
pub(crate) fn answer_text(t: Tr<'_>, answer: CheckAnswer) -> String {
    match answer {
        CheckAnswer::Valid { until: Some(until) } => t.with(
            "check-answer-valid-until",
            &[("until", text_arg(t.date(until)))],
        ),
        CheckAnswer::Valid { until: None } => t.m("check-answer-valid-no-expiry"),
        CheckAnswer::Expired { on } => {
            t.with("check-answer-expired", &[("on", text_arg(t.date(on)))])
        }
        CheckAnswer::NotValid {
            why: Standing::Invalidated,
            since,
        } => t.with(
            "check-answer-revoked",
            &[("since", text_arg(t.date(since)))],
        ),
        CheckAnswer::NotValid { why, since } => t.with(
            "check-answer-not-valid",
            &[
                ("why", text_arg(t.m(&format!("check-why-{}", why.code())))),
                ("since", text_arg(t.date(since))),
            ],
        ),
        CheckAnswer::NoMatch => t.m("check-answer-no-match"),
    }
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    client: ClientAddress,
    Form(form): Form<CheckForm>,
) -> Response {
    if !form_token_ok(&jar, &form.form_token) {
        return (
            StatusCode::FORBIDDEN,
            html(&crate::accounts::expired(&state, lang, PATH)),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let mut page = CheckPage::new(&state, lang, form.form_token.clone());
    page.number = form
        .number
        .trim()
        .chars()
        .take(check::NUMBER_MAX_CHARS)
        .collect();
    let input = match CheckInput::parse(&form.number, &form.personal_id) {
        Ok(input) => input,
        Err(fields) => {
            page.errors = fields
                .iter()
                .map(|f| FormError {
                    field: f.field,
                    text: t.m(&format!("check-error-{}-{}", f.field, f.code)),
                })
                .collect();
            page.number_error = error_for(&page.errors, "number");
            page.personal_id_error = error_for(&page.errors, "personal_id");
            return (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response();
        }
    };
    match check::check(&state, Asker { client: &client.0 }, &input).await {
        Ok(answer) => {
            page.answer = Some((answer.code(), answer_text(t, answer)));
            html(&page)
        }
        Err(AppError::Refused(refusal)) => {
            page.refused = Some(crate::refusals::text(&state.i18n, lang, &refusal));
            (crate::refusals::status(refusal.kind()), html(&page)).into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "a document check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&crate::accounts::try_again_page(&state, lang)),
            )
                .into_response()
        }
    }
}
