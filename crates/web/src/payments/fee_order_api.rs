//! Fee orders through the JSON API, for the same people as the pages (the
//! session cookie; a JSON body, which a cross-site form cannot send). An
//! `Idempotency-Key` makes a retried request return the first answer.

use super::fee_order_page::fee_order_href;
use crate::AppState;
use crate::api::cases::{ApiPerson, Attempt, IdempotencyKey, json, once};
use crate::api::{ApiJson, problems};
use crate::error::ApiError;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use ghiseu_app::AppError;
use ghiseu_app::payments::fee_orders::{self, Shown};
use ghiseu_domain::catalogue::Lang;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewFeeOrderBody {
    /// The references of the applications whose fee to pay, e.g.
    /// `MD-IGM-2026-000007`: each waiting for its fee, each yours or one you
    /// act for (a child's, or one you hold a power of attorney for), all of
    /// one authority, each once (a repeated one is refused, 422); at most
    /// 20. A blank one is left out.
    #[serde(default)]
    #[schema(required = true, min_items = 1, max_items = 20, example = json!(["MD-IGM-2026-000007"]))]
    pub cases: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeeOrderLineBody {
    /// The application's reference.
    pub case: String,
    /// The service's id, e.g. `md.igm.ir`.
    pub service: String,
    /// The service's name, in the language `Accept-Language` asks for.
    pub service_name: String,
    /// Minor units (bani, cents).
    pub amount_minor: i64,
    /// `due`; `paid` (this order's payment paid the fee); or `surplus` (the
    /// fee was paid or waived otherwise meanwhile: this share is given back).
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeeOrderBody {
    pub id: String,
    pub authority: String,
    /// Who to pay, as on a bank's form.
    pub beneficiary: String,
    pub account: Option<String>,
    /// The payment reference, compact, e.g. `RF20000000003`.
    pub reference: String,
    /// The payment reference as printed, e.g. `RF20 0000 0000 3`.
    pub printed_reference: String,
    /// `rf`, `mpay-style` or `treasury-case`.
    pub scheme: String,
    /// The sum of the lines, in minor units.
    pub amount_minor: i64,
    /// ISO 4217 code.
    pub currency: String,
    /// `due`, `paid` or `refunded`.
    pub status: String,
    /// Whether it may be paid now: unpaid and every application still
    /// waiting for its fee (else make a new order).
    pub payable: bool,
    /// The order's page: printable, with a way to pay online.
    pub page: String,
    pub lines: Vec<FeeOrderLineBody>,
}

fn body(state: &AppState, lang: Lang, shown: &Shown) -> FeeOrderBody {
    let order = &shown.order;
    let authority = state.catalogue.authority(&order.authority_id);
    let lines = shown
        .lines
        .iter()
        .map(|(line, due)| FeeOrderLineBody {
            case: due.case.reference.clone().unwrap_or_default(),
            service: due.case.service_id.clone(),
            service_name: state.catalogue.service(&due.case.service_id).map_or_else(
                || due.case.service_id.clone(),
                |(_, s)| s.name.get(lang).to_string(),
            ),
            amount_minor: line.amount_minor,
            status: line.outcome.clone().unwrap_or_else(|| "due".to_string()),
        })
        .collect();
    FeeOrderBody {
        id: order.id.clone(),
        authority: order.authority_id.clone(),
        beneficiary: authority.map_or_else(String::new, |a| {
            a.payment
                .beneficiary
                .as_ref()
                .map_or_else(|| a.name.get(lang), |b| b.get(lang))
                .to_string()
        }),
        account: authority.and_then(|a| a.payment.account.clone()),
        reference: order.reference.clone(),
        printed_reference: fee_orders::printed_reference(order),
        scheme: order.scheme.clone(),
        amount_minor: order.amount_minor,
        currency: order.currency.clone(),
        status: order.status.clone(),
        payable: shown.payable(),
        page: format!("{}{}", state.public_url, fee_order_href(lang, &order.id)),
        lines,
    }
}

async fn answer(
    state: &AppState,
    person_id: &str,
    id: &str,
    lang: Lang,
    status: StatusCode,
) -> Response {
    match fee_orders::shown(state, person_id, id).await {
        Ok(Some(shown)) => json(status, &body(state, lang, &shown)),
        Ok(None) => ApiError::NotFound {
            detail: "No fee order with this id is yours to see.".into(),
        }
        .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Makes one pre-filled payment order for the fees of several applications
/// to one authority. Refusals name the field `cases` and the application
/// they are about; nothing is written when one is refused.
#[utoipa::path(post, path = "/api/v1/fee-orders", tag = "fee-orders", request_body = NewFeeOrderBody,
    params(IdempotencyKey),
    security(("session" = [])),
    responses(
        (status = 201, body = FeeOrderBody),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "The first request with this Idempotency-Key is still being answered"),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = crate::error::Problem, content_type = "application/problem+json", description = "`cases` is empty, names an application twice, one not yours or not waiting for its fee, or applications of two authorities; or the Idempotency-Key was used for another request")
    ))]
pub(crate) async fn create(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    headers: HeaderMap,
    ApiJson(new): ApiJson<NewFeeOrderBody>,
) -> Response {
    let lang = crate::api::negotiate(&headers);
    let request = format!("fee-order\n{}", new.cases.join("\n"));
    let (state, current, new) = (&state, &current, &new);
    let work = |attempt: Attempt| async move {
        let made = fee_orders::create(state, &current.person.id, &new.cases, lang, attempt.keyed());
        match made.await {
            Ok(Ok(order)) => {
                answer(
                    state,
                    &current.person.id,
                    &order.id,
                    lang,
                    StatusCode::CREATED,
                )
                .await
            }
            Ok(Err(refused)) => ApiError::from(AppError::from(refused)).into_response(),
            Err(e) => ApiError::from(e).into_response(),
        }
    };
    once(state, &current.person.id, &headers, &request, work).await
}

/// One of the person's fee orders: payee, reference, total and lines.
#[utoipa::path(get, path = "/api/v1/fee-orders/{id}", tag = "fee-orders",
    params(("id" = String, Path, description = "The fee order's id")),
    security(("session" = [])),
    responses(
        (status = 200, body = FeeOrderBody),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json")
    ))]
pub(crate) async fn get_one(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let lang = crate::api::negotiate(&headers);
    answer(&state, &current.person.id, &id, lang, StatusCode::OK).await
}
