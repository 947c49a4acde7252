//! Verifying a document by its file: the PDF as received, uploaded without
//! signing in, is recognised when it is byte for byte a document issued
//! here; the registry then says whether that document is still valid.

use super::verify::{PATH, VerifyPage};
use crate::AppState;
use crate::accounts::{FormError, form_token_ok};
use crate::pages::{PageLang, html};
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_app::issuance::verify::{self, FILE_MAX_BYTES};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;

/// What the form sent: its token and the file's bytes (None when too large).
struct Sent {
    form_token: String,
    file: Option<Vec<u8>>,
    too_large: bool,
}

async fn read(mut multipart: Multipart) -> Option<Sent> {
    let mut sent = Sent {
        form_token: String::new(),
        file: None,
        too_large: false,
    };
    while let Ok(Some(mut field)) = multipart.next_field().await {
        match field.name() {
            Some("form_token") => sent.form_token = field.text().await.ok()?,
            Some("file") => {
                let mut bytes = Vec::new();
                while let Ok(Some(chunk)) = field.chunk().await {
                    if bytes.len() + chunk.len() > FILE_MAX_BYTES {
                        sent.too_large = true;
                        break;
                    }
                    bytes.extend_from_slice(&chunk);
                }
                if !sent.too_large && !bytes.is_empty() {
                    sent.file = Some(bytes);
                }
            }
            _ => {}
        }
    }
    Some(sent)
}

fn refused(state: &AppState, lang: Lang, token: String, key: &str) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let mut page = VerifyPage::new(state, lang, token);
    let text = t.m(key);
    page.errors = vec![FormError {
        field: "file",
        text: text.clone(),
    }];
    page.file_error = Some(text);
    (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response()
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    jar: CookieJar,
    multipart: Multipart,
) -> Response {
    let sent = read(multipart).await;
    let Some(sent) = sent.filter(|s| form_token_ok(&jar, &s.form_token)) else {
        return (
            StatusCode::FORBIDDEN,
            html(&crate::accounts::expired(&state, lang, PATH)),
        )
            .into_response();
    };
    if sent.too_large {
        return refused(
            &state,
            lang,
            sent.form_token,
            "seal-verify-file-error-too-large",
        );
    }
    let Some(file) = sent.file else {
        return refused(
            &state,
            lang,
            sent.form_token,
            "seal-verify-file-error-required",
        );
    };
    let recognised = match verify::verify_file(&state, &file).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "a file could not be verified");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&crate::accounts::try_again_page(&state, lang)),
            )
                .into_response();
        }
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let mut page = VerifyPage::new(&state, lang, sent.form_token);
    page.file_answer = Some(match recognised {
        Some(found) => (
            found.answer.code(),
            format!(
                "{} {}",
                t.with(
                    "seal-verify-file-recognised",
                    &[("number", ghiseu_i18n::text_arg(found.number))]
                ),
                super::check::answer_text(t, found.answer)
            ),
        ),
        None => ("no-match", t.m("seal-verify-file-unknown")),
    });
    html(&page)
}
