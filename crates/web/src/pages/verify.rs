//! Verifying a document's QR code as a page: paste the text a QR reader
//! gives, without signing in. The rules are the application's
//! (`ghiseu_app::issuance::verify`).

use crate::AppState;
use crate::accounts::{FormError, anonymous_form, form_token_ok};
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_app::issuance::verify::{self, TEXT_MAX_CHARS};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use serde::Deserialize;

pub(super) const PATH: &str = "documents/verify";

/// A row of what the seal says.
struct Line {
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "registry/verify.html")]
pub(super) struct VerifyPage<'a> {
    frame: Frame<'a>,
    form_token: String,
    pub(super) errors: Vec<FormError>,
    seal: String,
    seal_error: Option<String>,
    /// The registry's answer (its kind, for its style, and its words) and
    /// what the seal says.
    verified: Option<(&'static str, String, Vec<Line>)>,
    pub(super) file_error: Option<String>,
    /// What an uploaded file is: the answer's kind, for its style, and its words.
    pub(super) file_answer: Option<(&'static str, String)>,
}

impl<'a> VerifyPage<'a> {
    pub(super) fn new(state: &'a AppState, lang: Lang, form_token: String) -> Self {
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        VerifyPage {
            frame: Frame::new(state, lang, t.m("seal-verify-title"), PATH),
            form_token,
            errors: Vec::new(),
            seal: String::new(),
            seal_error: None,
            verified: None,
            file_error: None,
            file_answer: None,
        }
    }
}

pub(crate) async fn form(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    jar: CookieJar,
) -> Response {
    anonymous_form(&state, &lang, jar, |lang, form_token| {
        html(&VerifyPage::new(&state, lang, form_token))
    })
}

#[derive(Deserialize)]
pub(crate) struct VerifyForm {
    #[serde(default)]
    seal: String,
    #[serde(default)]
    form_token: String,
}

fn sealed_lines(t: Tr<'_>, sealed: &ghiseu_app::issuance::SealPayload) -> Vec<Line> {
    let line = |key: &str, value: String| Line {
        label: t.m(key),
        value,
    };
    let mut lines = vec![
        line("seal-verify-sealed-number", sealed.number.clone()),
        line("seal-verify-sealed-holder", sealed.holder_name.clone()),
    ];
    if let Some(birth) = sealed.birth_date {
        lines.push(line("seal-verify-sealed-birth", t.date(birth)));
    }
    lines.push(line("seal-verify-sealed-issued", t.date(sealed.issued_on)));
    lines.push(line(
        "seal-verify-sealed-expires",
        t.date(sealed.expires_on),
    ));
    lines
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    Form(form): Form<VerifyForm>,
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
    let mut page = VerifyPage::new(&state, lang, form.form_token.clone());
    page.seal = form.seal.trim().chars().take(TEXT_MAX_CHARS).collect();
    let code = if form.seal.trim().is_empty() {
        Some("required")
    } else {
        None
    };
    let outcome = match code {
        Some(code) => Err(code),
        None => match verify::verify(&state, &form.seal).await {
            Ok(Ok(verified)) => Ok(verified),
            Ok(Err(forged)) => Err(forged.code()),
            Err(e) => {
                tracing::error!(error = %e, "a seal could not be verified");
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    html(&crate::accounts::try_again_page(&state, lang)),
                )
                    .into_response();
            }
        },
    };
    match outcome {
        Ok(verified) => {
            let words = super::check::answer_text(t, verified.answer);
            page.verified = Some((
                verified.answer.code(),
                words,
                sealed_lines(t, &verified.sealed),
            ));
            html(&page)
        }
        Err(code) => {
            let text = t.m(&format!("seal-verify-error-{code}"));
            page.errors = vec![FormError {
                field: "seal",
                text: text.clone(),
            }];
            page.seal_error = Some(text);
            (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response()
        }
    }
}
