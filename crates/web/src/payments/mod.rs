//! Fees: the payment order issued when a case's fee falls due, the printable
//! order its people pay from, one order for several fees of one authority,
//! online payment through a provider whose signed webhook confirms it, and
//! confirmation by an operator from a proof of payment.

mod demo;
pub(crate) mod fee_order_api;
mod fee_order_page;
mod fee_order_view;
mod office;
mod order_page;
pub(crate) mod webhook;

use crate::AppState;
use axum::Router;
use axum::routing::{get, post};
use ghiseu_payments::demo_payment::PAY_PAGE_PATH;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/applications/{id}/payment", get(order_page::show))
        .route(
            "/{lang}/applications/{id}/payment/online",
            post(order_page::pay_online),
        )
        .route(
            "/{lang}/payments/fee-order",
            get(fee_order_page::choose).post(fee_order_page::create),
        )
        .route("/{lang}/payments/fee-order/{id}", get(fee_order_page::show))
        .route(
            "/{lang}/payments/fee-order/{id}/online",
            post(fee_order_page::pay_online),
        )
        .route(PAY_PAGE_PATH, get(demo::page).post(demo::submit))
        .route(
            "/{lang}/office/cases/{id}/payment",
            get(office::form).post(office::confirm),
        )
        .route(
            "/{lang}/office/cases/{id}/payment/waiver",
            post(office::waive),
        )
}

pub(crate) fn payment_href(lang: ghiseu_domain::catalogue::Lang, case_id: &str) -> String {
    format!("/{}/applications/{case_id}/payment", lang.code())
}

pub use ghiseu_app::payments::*;
