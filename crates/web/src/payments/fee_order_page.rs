//! Paying several fees with one order: the page listing the person's
//! applications waiting for their fee, one form per authority, and the
//! pre-filled order it makes (printable, with a way to pay online). Only
//! the person who made an order sees it.

use super::fee_order_view::{self, OrderView};
use crate::AppState;
use crate::accounts::{CurrentPerson, MessagePage, see_other};
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ghiseu_app::payments::fee_orders::{self, Due};
use ghiseu_app::payments::online::Refusal as PayRefusal;
use ghiseu_app::{Keyed, Refusal};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;

pub(crate) fn fee_order_href(lang: Lang, id: &str) -> String {
    format!("/{}/payments/fee-order/{id}", lang.code())
}

const CHOOSE_PATH: &str = "payments/fee-order";

pub(crate) struct Choice {
    pub id: String,
    pub reference: String,
    pub label: String,
    pub hint: String,
    pub checked: bool,
}

pub(crate) struct Group {
    /// The fieldset's id, for the error summary's link.
    pub id: String,
    pub authority: String,
    pub name: String,
    pub choices: Vec<Choice>,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "payments/fee_order_choose.html")]
struct ChoosePage<'a> {
    frame: Frame<'a>,
    groups: Vec<Group>,
    /// (field id, message) for the error summary.
    errors: Vec<(String, String)>,
    csrf: String,
}

fn t(state: &AppState, lang: Lang) -> Tr<'_> {
    Tr {
        i18n: &state.i18n,
        lang,
    }
}

fn choice(state: &AppState, t: Tr<'_>, due: &Due, chosen: &[String], n: usize) -> Choice {
    let case = &due.case;
    let reference = case.reference.clone().unwrap_or_default();
    let service = state.catalogue.service(&case.service_id).map_or_else(
        || case.service_id.clone(),
        |(_, s)| s.name.get(t.lang).to_string(),
    );
    let amount = ghiseu_app::payments::order_currency(&due.order).map_or_else(
        || format!("{} {}", due.order.amount_minor, due.order.currency),
        |c| t.money(due.order.amount_minor, c),
    );
    let arg = crate::i18n::text_arg;
    Choice {
        id: format!("case-{n}"),
        checked: chosen.contains(&reference),
        label: t.with(
            "fee-order-choice",
            &[
                ("service", arg(service)),
                ("reference", arg(reference.clone())),
            ],
        ),
        hint: t.with(
            "fee-order-choice-hint",
            &[
                (
                    "holder",
                    arg(format!(
                        "{} {}",
                        case.holder_given_name, case.holder_family_name
                    )),
                ),
                ("amount", arg(amount)),
            ],
        ),
        reference,
    }
}

/// The choice page, with `chosen` ticked and `error` shown in the group of
/// `authority` (the first group when no group is named).
async fn render(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    chosen: &[String],
    error: Option<(&str, String)>,
) -> Response {
    let found = match fee_orders::choices(state, &current.person.id).await {
        Ok(found) => found,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let t = t(state, lang);
    let mut n = 0;
    let mut groups: Vec<Group> = Vec::new();
    for (index, (authority, dues)) in found.iter().enumerate() {
        let choices = dues
            .iter()
            .map(|due| {
                n += 1;
                choice(state, t, due, chosen, n)
            })
            .collect();
        groups.push(Group {
            id: format!("cases-{}", index + 1),
            authority: authority.clone(),
            name: state
                .catalogue
                .authority(authority)
                .map_or_else(|| authority.clone(), |a| a.name.get(lang).to_string()),
            choices,
            error: None,
        });
    }
    let mut errors = Vec::new();
    let mut status = StatusCode::OK;
    if let Some((authority, message)) = error {
        status = StatusCode::UNPROCESSABLE_ENTITY;
        let at = groups.iter().position(|g| g.authority == authority);
        match at.or(if groups.is_empty() { None } else { Some(0) }) {
            Some(i) => {
                errors.push((groups[i].id.clone(), message.clone()));
                groups[i].error = Some(message);
            }
            None => errors.push((String::new(), message)),
        }
    }
    let page = ChoosePage {
        frame: Frame::new(state, lang, t.m("fee-order-title"), CHOOSE_PATH),
        groups,
        errors,
        csrf: current.session.csrf_token.clone(),
    };
    (status, html(&page)).into_response()
}

pub(crate) async fn choose(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
) -> Response {
    render(&state, lang, &current, &[], None).await
}

fn expired(state: &AppState, lang: Lang, path: &str) -> Response {
    let page = crate::accounts::expired(state, lang, path);
    (StatusCode::FORBIDDEN, html(&page)).into_response()
}

/// Makes the order from the ticked cases and shows it.
pub(crate) async fn create(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    current: CurrentPerson,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let lang = match page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    };
    if !current.csrf_ok(field("csrf")) {
        return expired(&state, lang, CHOOSE_PATH);
    }
    let chosen: Vec<String> = fields
        .iter()
        .filter(|(n, _)| n == "cases")
        .map(|(_, v)| v.clone())
        .collect();
    match fee_orders::create(&state, &current.person.id, &chosen, lang, Keyed::No).await {
        Ok(Ok(order)) => see_other(&fee_order_href(lang, &order.id)),
        Ok(Err(refused)) => {
            let refusal = Refusal::FeeOrder(refused);
            let (_, message) = crate::refusals::on_page(t(&state, lang), &refusal);
            let error = Some((field("authority"), message));
            render(&state, lang, &current, &chosen, error).await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "payments/fee_order.html")]
struct OrderPage<'a> {
    frame: Frame<'a>,
    view: OrderView,
    csrf: String,
}

async fn found(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    id: &str,
) -> Result<fee_orders::Shown, Response> {
    match fee_orders::shown(state, &current.person.id, id).await {
        Ok(Some(shown)) => Ok(shown),
        Ok(None) => Err(finish(state, Err(PageError::NotFound(lang)))),
        Err(e) => Err(ApiError::from(e).into_response()),
    }
}

pub(crate) async fn show(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
) -> Response {
    let lang = match page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let shown = match found(&state, lang, &current, &id).await {
        Ok(shown) => shown,
        Err(response) => return response,
    };
    let t = t(&state, lang);
    let page = OrderPage {
        frame: Frame::new(
            &state,
            lang,
            t.m("fee-order-order-title"),
            &format!("{CHOOSE_PATH}/{id}"),
        ),
        view: fee_order_view::view(&state, t, &current, &shown),
        csrf: current.session.csrf_token.clone(),
    };
    html(&page)
}

fn message(state: &AppState, lang: Lang, id: &str, status: StatusCode, key: &str) -> Response {
    let t = t(state, lang);
    let page = MessagePage {
        frame: Frame::new(
            state,
            lang,
            t.m("payment-online-refused-title"),
            &format!("{CHOOSE_PATH}/{id}"),
        ),
        body: vec![t.m(key)],
        link: Some((fee_order_href(lang, id), t.m("payment-back"))),
    };
    (status, html(&page)).into_response()
}

/// Sends the person to the provider's page to pay the order.
pub(crate) async fn pay_online(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let lang = match page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let csrf = fields
        .iter()
        .find(|(n, _)| n == "csrf")
        .map_or("", |(_, v)| v.as_str());
    if !current.csrf_ok(csrf) {
        return expired(&state, lang, &format!("{CHOOSE_PATH}/{id}"));
    }
    let shown = match found(&state, lang, &current, &id).await {
        Ok(shown) => shown,
        Err(response) => return response,
    };
    let description = t(&state, lang).with(
        "fee-order-description",
        &[(
            "reference",
            crate::i18n::text_arg(fee_orders::printed_reference(&shown.order)),
        )],
    );
    let return_url = format!("{}{}", state.public_url, fee_order_href(lang, &id));
    let begun = fee_orders::begin(&state, &shown, &description, &return_url).await;
    let (status, key) = match begun {
        Ok(Ok(url)) => return see_other(&url),
        Ok(Err(PayRefusal::Unavailable)) => (StatusCode::NOT_FOUND, "payment-online-unavailable"),
        Ok(Err(PayRefusal::NotDue)) if !shown.order.payable() => {
            (StatusCode::CONFLICT, "fee-order-paid-note")
        }
        Ok(Err(PayRefusal::NotDue)) => (StatusCode::CONFLICT, "fee-order-stale"),
        Ok(Err(PayRefusal::ProviderFailed)) => {
            (StatusCode::SERVICE_UNAVAILABLE, "payment-online-failed")
        }
        Err(e) => return ApiError::from(e).into_response(),
    };
    message(&state, lang, &id, status, key)
}
