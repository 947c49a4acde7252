//! What a payment provider reports: a signed webhook. Each event is recorded
//! once, with the change it leads to, in one transaction; a resent event is a
//! duplicate, an older one arriving late is stale, and neither changes
//! anything. A new event's change is decided by
//! `ghiseu_payments::settlement`: a second payment of an order already paid
//! is flagged for refund, a refund makes the fee due again, and a payment
//! given back never pays again. The answer says what really happened.

use crate::AppState;
use crate::error::{ApiError, Problem};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use ghiseu_app::payments::events::{self, Recorded};
use ghiseu_payments::{Decision, Effect, SIGNATURE_HEADER};
use serde::Serialize;
use utoipa::ToSchema;

/// The largest webhook body read.
pub(crate) const MAX_BODY_BYTES: usize = 16 * 1024;

/// A payment event, as the provider sends it.
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "describes the body for OpenAPI; ghiseu_payments::webhook reads it"
)]
pub(crate) struct WebhookBody {
    /// The provider's id for its transaction.
    #[schema(min_length = 1)]
    transaction_id: String,
    /// The portal's id for the payment order, or for a fee order covering
    /// several fees.
    #[schema(min_length = 1)]
    order_id: String,
    /// The payment reference, compact.
    reference: String,
    /// Minor units (bani, cents); more than 0.
    #[schema(minimum = 1)]
    amount_minor: i64,
    /// ISO 4217 code.
    currency: WebhookCurrency,
    /// What happened to the payment.
    status: WebhookStatus,
    /// RFC 3339 time.
    #[schema(format = DateTime)]
    occurred_at: String,
    /// The provider's order of its events about the transaction.
    sequence: u64,
}

/// A payment event's currency.
#[derive(ToSchema)]
#[allow(dead_code, reason = "describes the body for OpenAPI")]
pub(crate) enum WebhookCurrency {
    #[schema(rename = "RON")]
    Ron,
    #[schema(rename = "MDL")]
    Mdl,
    #[schema(rename = "EUR")]
    Eur,
}

/// What happened to a payment.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code, reason = "describes the body for OpenAPI")]
pub(crate) enum WebhookStatus {
    Succeeded,
    Failed,
    Refunded,
}

/// What became of the event.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct WebhookAnswer {
    /// `applied` (it changed the order or its money), `flagged` (a second
    /// payment of an order already paid: kept, to be refunded), `ignored`
    /// (recorded; it changes nothing), `duplicate` (already received) or
    /// `stale` (older than one applied).
    pub status: &'static str,
    /// What really happened: `applied` (the order is paid), `already-applied`
    /// (this transaction paid it before), `refunded` (the payment that paid
    /// the order was given back: the fee is to pay again),
    /// `duplicate-flagged-for-refund`,
    /// `duplicate-refunded` (a flagged second payment was given back),
    /// `ignored-refunded` (a payment given back does not pay again),
    /// `ignored-refund` (a refund of money not taken, or refunded before),
    /// `ignored-failed`, `duplicate` or `stale`.
    pub outcome: &'static str,
}

/// The answer to an event received before, or older than one applied.
fn replayed(decision: Decision) -> WebhookAnswer {
    let status = match decision {
        Decision::Apply => "applied",
        Decision::IgnoreDuplicate => "duplicate",
        Decision::IgnoreStale => "stale",
    };
    WebhookAnswer {
        status,
        outcome: status,
    }
}

/// The answer to a new event, by what it did.
fn settled(effect: Effect) -> WebhookAnswer {
    let status = match effect {
        Effect::FlagSurplus | Effect::StillFlagged => "flagged",
        e if e.changes_anything() => "applied",
        _ => "ignored",
    };
    WebhookAnswer {
        status,
        outcome: effect.outcome(),
    }
}

/// A payment provider reports a payment's outcome. The `Ghiseu-Signature`
/// header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. Sending the
/// same event again is safe.
#[utoipa::path(
    post,
    path = "/api/v1/payments/webhook",
    tag = "payments",
    request_body = WebhookBody,
    params(("Ghiseu-Signature" = String, Header, description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">")),
    responses(
        (status = 200, body = WebhookAnswer, description = "The event was received; `status` and `outcome` say what became of it"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "The body is not a payment event (`body-malformed`), checked once the signature is good"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "The signature is missing, malformed, wrong or too old (`signature-missing`, `signature-malformed`, `signature-mismatch`, `timestamp-outside-tolerance`)"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such payment order or reference"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The application changed meanwhile; send the event again"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "The body is larger than 16 KiB"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The amount or currency is not the order's")
    )
)]
pub(crate) async fn payment_webhook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<WebhookAnswer>, ApiError> {
    let signature = headers
        .get(SIGNATURE_HEADER)
        .map(|v| v.to_str().unwrap_or_default());
    deliver(&state, signature, &body).await.map(Json)
}

/// Verifies and applies one webhook: the HTTP endpoint and the
/// demonstration provider's page both come here.
pub(crate) async fn deliver(
    state: &AppState,
    signature: Option<&str>,
    body: &[u8],
) -> Result<WebhookAnswer, ApiError> {
    Ok(match events::deliver(state, signature, body).await? {
        Recorded::Settled(effect) => settled(effect),
        Recorded::Replayed(decision) => replayed(decision),
    })
}
