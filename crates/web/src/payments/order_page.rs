//! The payment order as the people of a case see it: pre-filled, to print
//! or copy into a bank's form, and, where a provider is configured, a way to
//! pay online.

use super::{order_currency, payment_href, printed_reference};
use crate::AppState;
use crate::accounts::{CurrentPerson, MessagePage, see_other};
use crate::cases::access::citizen_case;
use crate::cases::case_href;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ghiseu_app::payments::online::{self, Refusal};
use ghiseu_domain::case::CaseState;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::CaseRecord;
use ghiseu_storage::payments::{self, PaymentOrder};
use serde::Deserialize;

pub(crate) struct Line {
    pub id: &'static str,
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "payments/order.html")]
struct OrderPage<'a> {
    frame: Frame<'a>,
    id: String,
    lines: Vec<Line>,
    status: String,
    due: bool,
    refunded: bool,
    methods: String,
    instructions: String,
    scheme_note: String,
    online: bool,
    csrf: String,
    case_href: String,
}

fn t(state: &AppState, lang: Lang) -> Tr<'_> {
    Tr {
        i18n: &state.i18n,
        lang,
    }
}

/// The case and its order, if the signed-in person may see them.
async fn found(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    id: &str,
) -> Result<(CaseRecord, PaymentOrder), Response> {
    let case = match citizen_case(state, current, id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return Err(finish(state, Err(PageError::NotFound(lang)))),
        Err(e) => return Err(ApiError::from(e).into_response()),
    };
    match payments::for_case(&state.db, &case.id).await {
        Ok(Some(order)) => Ok((case, order)),
        Ok(None) => {
            let t = t(state, lang);
            let page = MessagePage {
                frame: Frame::new(
                    state,
                    lang,
                    t.m("payment-none-title"),
                    &format!("applications/{id}/payment"),
                ),
                body: vec![t.m("payment-none")],
                link: Some((case_href(lang, id), t.m("case-back"))),
            };
            Err((StatusCode::NOT_FOUND, html(&page)).into_response())
        }
        Err(e) => Err(ApiError::from(e).into_response()),
    }
}

fn order_lines(state: &AppState, t: Tr<'_>, case: &CaseRecord, order: &PaymentOrder) -> Vec<Line> {
    let lang = t.lang;
    let authority = state.catalogue.authority(&case.authority_id);
    let mut lines = Vec::new();
    if let Some(a) = authority {
        let beneficiary = a
            .payment
            .beneficiary
            .as_ref()
            .map_or_else(|| a.name.get(lang), |b| b.get(lang));
        lines.push(Line {
            id: "payment-beneficiary",
            label: t.m("payment-beneficiary"),
            value: beneficiary.to_string(),
        });
        if let Some(account) = &a.payment.account {
            lines.push(Line {
                id: "payment-account",
                label: t.m("payment-account"),
                value: account.clone(),
            });
        }
    }
    lines.push(Line {
        id: "payment-amount",
        label: t.m("payment-amount"),
        value: order_currency(order).map_or_else(
            || format!("{} {}", order.amount_minor, order.currency),
            |c| t.money(order.amount_minor, c),
        ),
    });
    lines.push(Line {
        id: "payment-reference",
        label: t.m("payment-reference"),
        value: printed_reference(order),
    });
    lines.push(Line {
        id: "payment-payer",
        label: t.m("payment-payer"),
        value: format!("{} {}", case.holder_given_name, case.holder_family_name),
    });
    let service = state.catalogue.service(&case.service_id).map_or_else(
        || case.service_id.clone(),
        |(_, s)| s.name.get(lang).to_string(),
    );
    lines.push(Line {
        id: "payment-purpose",
        label: t.m("payment-purpose"),
        value: format!(
            "{service}, {}",
            case.reference.as_deref().unwrap_or_default()
        ),
    });
    lines
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
    let (case, order) = match found(&state, lang, &current, &id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let t = t(&state, lang);
    let authority = state.catalogue.authority(&case.authority_id);
    let (methods, instructions, scheme) = authority.map_or_else(Default::default, |a| {
        (
            a.payment.methods.get(lang).to_string(),
            a.payment.instructions.get(lang).to_string(),
            order.scheme.clone(),
        )
    });
    let status = match order
        .paid_at
        .and_then(|at| jiff::Timestamp::from_microsecond(at).ok())
    {
        Some(at) if order.status == payments::PAID => {
            let zone = authority.map_or(jiff::tz::TimeZone::UTC, |a| a.time_zone.clone());
            let by = order.paid_by.as_deref().unwrap_or("provider");
            t.with(
                &format!("payment-status-paid-{by}"),
                &[(
                    "date",
                    crate::i18n::text_arg(t.date(at.to_zoned(zone).date())),
                )],
            )
        }
        _ => t.m(&format!("payment-status-{}", order.shown_status())),
    };
    let due = order.payable();
    let page = OrderPage {
        frame: Frame::new(
            &state,
            lang,
            t.m("payment-title"),
            &format!("applications/{id}/payment"),
        ),
        lines: order_lines(&state, t, &case, &order),
        id: case.id.clone(),
        status,
        due,
        refunded: order.status == payments::REFUNDED,
        methods,
        instructions,
        scheme_note: t.m(&format!("payment-scheme-{scheme}")),
        online: due
            && !ghiseu_app::payments::paid_at_counter(&order)
            && case.state == CaseState::FeeDue.code()
            && state.online_payment.provider().is_some(),
        csrf: current.session.csrf_token.clone(),
        case_href: case_href(lang, &case.id),
    };
    html(&page)
}

#[derive(Deserialize)]
pub(crate) struct PayForm {
    #[serde(default)]
    csrf: String,
}

fn message(state: &AppState, lang: Lang, id: &str, status: StatusCode, key: &str) -> Response {
    let t = t(state, lang);
    let page = MessagePage {
        frame: Frame::new(
            state,
            lang,
            t.m("payment-online-refused-title"),
            &format!("applications/{id}/payment"),
        ),
        body: vec![t.m(key)],
        link: Some((payment_href(lang, id), t.m("payment-back"))),
    };
    (status, html(&page)).into_response()
}

/// Sends the person to the provider's page to pay the order.
pub(crate) async fn pay_online(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(form): Form<PayForm>,
) -> Response {
    let lang = match page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    if !current.csrf_ok(&form.csrf) {
        let page = crate::accounts::expired(&state, lang, &format!("applications/{id}/payment"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let (case, order) = match found(&state, lang, &current, &id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let t = t(&state, lang);
    let service = state.catalogue.service(&case.service_id).map_or_else(
        || case.service_id.clone(),
        |(_, s)| s.name.get(lang).to_string(),
    );
    let description = t.with(
        "payment-description",
        &[
            ("service", crate::i18n::text_arg(service)),
            (
                "reference",
                crate::i18n::text_arg(case.reference.clone().unwrap_or_default()),
            ),
        ],
    );
    let return_url = format!("{}{}", state.public_url, case_href(lang, &case.id));
    let (status, key) = match online::begin(&state, &case, &order, &description, &return_url).await
    {
        Ok(Ok(url)) => return see_other(&url),
        Ok(Err(Refusal::Unavailable)) => (StatusCode::NOT_FOUND, "payment-online-unavailable"),
        Ok(Err(Refusal::NotDue)) => (StatusCode::CONFLICT, "payment-online-not-due"),
        Ok(Err(Refusal::ProviderFailed)) => {
            (StatusCode::SERVICE_UNAVAILABLE, "payment-online-failed")
        }
        Err(e) => return ApiError::from(e).into_response(),
    };
    message(&state, lang, &id, status, key)
}
