//! The demonstration payment provider's page, served by the portal itself:
//! it stands for a provider's card payment page. Paying or declining signs a
//! webhook as a real provider would and hands it to the same code the
//! webhook endpoint runs, then sends the person back to their application.

use super::webhook::deliver;
use crate::AppState;
use crate::accounts::{MessagePage, anonymous_form, form_token_ok, see_other};
use crate::pages::{Frame, PageError, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_payments::{DemoPayment, DemoPaymentProvider, PaymentStatus};

/// The page's own fields, carried from its address into its form.
const PAGE_FIELDS: [&str; 7] = [
    "order",
    "reference",
    "amount",
    "currency",
    "description",
    "return",
    "token",
];

#[derive(Template)]
#[template(path = "payments/demo_provider.html")]
struct ProviderPage<'a> {
    frame: Frame<'a>,
    amount: String,
    reference: String,
    description: String,
    hidden: Vec<(String, String)>,
    form_token: String,
}

/// The language of the application the person pays for, read from where
/// the page sends them back.
fn lang_of(state: &AppState, return_url: &str) -> Lang {
    return_url
        .strip_prefix(&state.public_url)
        .and_then(|rest| rest.trim_start_matches('/').split('/').next())
        .and_then(|code| page_lang(code).ok())
        .unwrap_or(Lang::Ro)
}

fn t(state: &AppState, lang: Lang) -> Tr<'_> {
    Tr {
        i18n: &state.i18n,
        lang,
    }
}

fn bad_request(state: &AppState, lang: Lang, key: &str) -> Response {
    let t = t(state, lang);
    let page = MessagePage {
        frame: Frame::new(state, lang, t.m("demo-payment-bad-request-title"), ""),
        body: vec![t.m(key)],
        link: None,
    };
    (StatusCode::BAD_REQUEST, html(&page)).into_response()
}

/// Why the page cannot serve a payment.
enum Refusal {
    /// The demonstration provider is not the one configured.
    NotHere,
    BadAddress,
}

impl Refusal {
    fn render(self, state: &AppState) -> Response {
        match self {
            Refusal::NotHere => finish(state, Err(PageError::NotFound(Lang::Ro))),
            Refusal::BadAddress => bad_request(state, Lang::Ro, "demo-payment-bad-request"),
        }
    }
}

/// The demo provider and the payment the page's fields describe.
fn check<'a>(
    state: &'a AppState,
    fields: &[(String, String)],
) -> Result<(&'a DemoPaymentProvider, DemoPayment, Lang), Refusal> {
    let Some(demo) = state.online_payment.demo() else {
        return Err(Refusal::NotHere);
    };
    let page: Vec<(String, String)> = fields
        .iter()
        .filter(|(name, _)| PAGE_FIELDS.contains(&name.as_str()))
        .cloned()
        .collect();
    match demo.read_page(&page) {
        Ok(payment) => {
            let lang = lang_of(state, &payment.return_url);
            Ok((demo, payment, lang))
        }
        Err(e) => {
            tracing::warn!(error = %e, "a demonstration payment page was refused");
            Err(Refusal::BadAddress)
        }
    }
}

pub(crate) async fn page(
    State(state): State<AppState>,
    jar: CookieJar,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let (_, payment, lang) = match check(&state, &query) {
        Ok(found) => found,
        Err(refusal) => return refusal.render(&state),
    };
    let hidden: Vec<(String, String)> = query
        .iter()
        .filter(|(name, _)| PAGE_FIELDS.contains(&name.as_str()))
        .cloned()
        .collect();
    anonymous_form(&state, lang.code(), jar, |lang, form_token| {
        let t = t(&state, lang);
        html(&ProviderPage {
            frame: Frame::new(&state, lang, t.m("demo-payment-title"), ""),
            amount: t.money(payment.amount.minor, payment.amount.currency),
            reference: payment.reference.clone(),
            description: payment.description.clone(),
            hidden,
            form_token,
        })
    })
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    jar: CookieJar,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let (demo, payment, lang) = match check(&state, &fields) {
        Ok(found) => found,
        Err(refusal) => return refusal.render(&state),
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    };
    if !form_token_ok(&jar, field("form_token")) {
        let page = crate::accounts::expired(&state, lang, "");
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let status = match field("outcome") {
        "pay" => PaymentStatus::Succeeded,
        "decline" => PaymentStatus::Failed,
        _ => return bad_request(&state, lang, "demo-payment-choose"),
    };
    let now = state.clock.now();
    let event = demo.event(&payment, status, now);
    let (signature, body) = demo.sign_webhook(&event, now);
    match deliver(&state, Some(&signature), &body).await {
        Ok(_) => see_other(&payment.return_url),
        Err(e) => {
            tracing::warn!(error = %e, order = %payment.order_id, "the demonstration payment was not recorded");
            let t = t(&state, lang);
            let page = MessagePage {
                frame: Frame::new(&state, lang, t.m("demo-payment-failed-title"), ""),
                body: vec![t.m("demo-payment-failed")],
                link: Some((payment.return_url.clone(), t.m("case-back"))),
            };
            let status = e.problem().status;
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
            (status, html(&page)).into_response()
        }
    }
}
