//! The demonstration card provider's page, served by the portal itself: it
//! stands for a bank's 3-D Secure page, and sends the person back to the
//! portal with a signed answer. Only mounted in effect when the demo
//! provider is the one configured.

use crate::AppState;
use crate::accounts::{FormError, MessagePage, error_for};
use crate::pages::{Frame, PageError, finish, html, page_lang};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::national_id::Country;
use ghiseu_i18n::Tr;
use ghiseu_payments::card_identity::query_encode;
use ghiseu_payments::demo::PAGE_PATH;
use ghiseu_payments::{DemoCardProvider, Outcome, VerifiedIdentity};
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route(PAGE_PATH, get(page).post(submit))
}

/// The check the page is for, carried in its address and then its form.
#[derive(Deserialize, Default)]
pub(crate) struct CheckFields {
    #[serde(default)]
    reference: String,
    #[serde(default, rename = "return")]
    return_url: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    card_number: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    holder: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    national_id: String,
}

#[derive(Template)]
#[template(path = "demo/card_provider.html")]
struct ProviderPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    fields: &'a CheckFields,
    code: String,
    countries: Vec<(&'static str, String)>,
    card_number_error: Option<String>,
    code_error: Option<String>,
    holder_error: Option<String>,
    country_error: Option<String>,
    national_id_error: Option<String>,
}

fn provider_page<'a>(
    state: &'a AppState,
    demo: &DemoCardProvider,
    lang: Lang,
    fields: &'a CheckFields,
    errors: Vec<FormError>,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let mut frame = Frame::new(state, lang, t.m("demo-card-title"), "");
    frame.link_languages(|other| {
        format!(
            "{PAGE_PATH}?reference={}&return={}&lang={}",
            query_encode(&fields.reference),
            query_encode(&fields.return_url),
            other.code()
        )
    });
    let page = ProviderPage {
        frame,
        code: demo.one_time_code(&fields.reference),
        countries: Country::ALL
            .iter()
            .map(|c| (c.code(), t.m(&format!("demo-card-country-{}", c.code()))))
            .collect(),
        card_number_error: error_for(&errors, "card_number"),
        code_error: error_for(&errors, "code"),
        holder_error: error_for(&errors, "holder"),
        country_error: error_for(&errors, "country"),
        national_id_error: error_for(&errors, "national_id"),
        errors,
        fields,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, html(&page)).into_response()
}

/// Why the page cannot serve a check.
enum Refusal {
    /// The demonstration provider is not the one configured.
    NotHere(Lang),
    BadRequest(Lang),
}

impl Refusal {
    fn render(self, state: &AppState) -> Response {
        match self {
            Refusal::NotHere(lang) => finish(state, Err(PageError::NotFound(lang))),
            Refusal::BadRequest(lang) => {
                let t = Tr {
                    i18n: &state.i18n,
                    lang,
                };
                let page = MessagePage {
                    frame: Frame::new(state, lang, t.m("demo-card-bad-request-title"), ""),
                    body: vec![t.m("demo-card-bad-request")],
                    link: None,
                };
                (StatusCode::BAD_REQUEST, html(&page)).into_response()
            }
        }
    }
}

/// The demo provider and the page's language, when the check's address is
/// one the page serves.
fn check<'a>(
    state: &'a AppState,
    fields: &CheckFields,
) -> Result<(&'a DemoCardProvider, Lang), Refusal> {
    let lang = page_lang(&fields.lang).unwrap_or(Lang::Ro);
    let demo = state.card_identity.demo().ok_or(Refusal::NotHere(lang))?;
    if fields.reference.is_empty()
        || fields.reference.len() > 64
        || !demo.accepts_return(&fields.return_url)
    {
        return Err(Refusal::BadRequest(lang));
    }
    Ok((demo, lang))
}

pub(crate) async fn page(
    State(state): State<AppState>,
    Query(fields): Query<CheckFields>,
) -> Response {
    match check(&state, &fields) {
        Ok((demo, lang)) => provider_page(&state, demo, lang, &fields, Vec::new()),
        Err(refusal) => refusal.render(&state),
    }
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    Form(fields): Form<CheckFields>,
) -> Response {
    let (demo, lang) = match check(&state, &fields) {
        Ok(found) => found,
        Err(refusal) => return refusal.render(&state),
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let card = DemoCardProvider::card_digits(&fields.card_number);
    if card.as_deref().is_some_and(DemoCardProvider::declines) {
        return answer(demo, &fields, &Outcome::Declined);
    }
    let mut errors = Vec::new();
    if card.is_none() {
        errors.push(FormError::new(t, "card_number", "demo-card-error-number"));
    }
    if fields.code.trim() != demo.one_time_code(&fields.reference) {
        errors.push(FormError::new(t, "code", "demo-card-error-code"));
    }
    let holder = fields.holder.trim();
    if holder.is_empty() || holder.chars().count() > 100 {
        errors.push(FormError::new(t, "holder", "demo-card-error-holder"));
    }
    if fields.country.parse::<Country>().is_err() {
        errors.push(FormError::new(t, "country", "demo-card-error-country"));
    }
    // The bank sends what it holds; the portal, not the bank, validates it.
    let national_id = fields.national_id.trim();
    if national_id.is_empty() || national_id.chars().count() > 20 {
        errors.push(FormError::new(
            t,
            "national_id",
            "demo-card-error-national-id",
        ));
    }
    if !errors.is_empty() {
        return provider_page(&state, demo, lang, &fields, errors);
    }
    let outcome = Outcome::Verified(VerifiedIdentity {
        country: fields.country.to_uppercase(),
        national_id: national_id.to_string(),
        holder_name: holder.to_string(),
    });
    answer(demo, &fields, &outcome)
}

/// Sends the person back to the portal with the bank's sealed answer.
fn answer(demo: &DemoCardProvider, fields: &CheckFields, outcome: &Outcome) -> Response {
    match demo.answer_url(&fields.return_url, &fields.reference, outcome) {
        Ok(url) => crate::accounts::see_other(&url),
        Err(e) => {
            tracing::error!(error = %e, "the demonstration bank could not seal its answer");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
