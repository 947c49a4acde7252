//! What a payment provider reports: a signed webhook. Each event is recorded
//! once, with the change it leads to, in one transaction; a resent event is a
//! duplicate, an older one arriving late is stale, and neither changes
//! anything.

use super::confirm_payment;
use crate::AppState;
use crate::error::{ApiError, Problem};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use ghiseu_payments::{Decision, PaymentEvent, PaymentStatus, SIGNATURE_HEADER, WebhookError};
use ghiseu_storage::StorageError;
use ghiseu_storage::cases;
use ghiseu_storage::payments::{self, NewEvent, PaidBy, PaymentOrder};
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
    transaction_id: String,
    /// The portal's id for the payment order.
    order_id: String,
    /// The payment reference, compact.
    reference: String,
    /// Minor units (bani, cents).
    amount_minor: i64,
    /// ISO 4217 code: `RON`, `MDL` or `EUR`.
    currency: String,
    /// `succeeded`, `failed` or `refunded`.
    status: String,
    /// RFC 3339 time.
    occurred_at: String,
    /// The provider's order of its events about the transaction.
    sequence: u64,
}

/// What became of the event.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct WebhookAnswer {
    /// `applied`, `duplicate` (already received) or `stale` (older than one applied).
    pub status: &'static str,
}

fn answer(decision: Decision) -> WebhookAnswer {
    WebhookAnswer {
        status: match decision {
            Decision::Apply => "applied",
            Decision::IgnoreDuplicate => "duplicate",
            Decision::IgnoreStale => "stale",
        },
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
        (status = 200, body = WebhookAnswer, description = "The event was received; `status` says what became of it"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "The body is not a payment event"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "The signature is missing, wrong or too old"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such payment order or reference"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The application changed meanwhile; send the event again"),
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
    let provider = state
        .online_payment
        .provider()
        .ok_or_else(|| ApiError::NotFound {
            detail: "This portal takes no online payments, so it expects no payment events.".into(),
        })?;
    let now = state.clock.now();
    let event = provider
        .verify_webhook(signature, body, now)
        .map_err(refusal)?;
    let sequence = i64::try_from(event.sequence).map_err(|_| ApiError::BadRequest {
        detail: "The event's sequence is too large.".into(),
    })?;
    let mut tx = state.db.pool().begin().await.map_err(StorageError::from)?;
    let order = payments::get_in(&mut tx, &event.order_id)
        .await?
        .filter(|o| o.reference == event.reference)
        .ok_or_else(|| ApiError::NotFound {
            detail: "There is no payment order with this id and reference. Check the order_id and reference the portal gave when the payment began.".into(),
        })?;
    if event.amount.minor != order.amount_minor || event.amount.currency.code() != order.currency {
        return Err(ApiError::Unprocessable {
            code: "amount-mismatch",
            detail: format!(
                "The event is for {} {} but the order is for {} {}; nothing was recorded.",
                event.amount.minor,
                event.amount.currency.code(),
                order.amount_minor,
                order.currency
            ),
        });
    }
    let micros = now.as_microsecond();
    let decision = payments::record_event(
        &mut tx,
        &NewEvent {
            provider: provider.name(),
            transaction_id: &event.provider_transaction_id,
            sequence,
            status: event.status,
            order_id: &order.id,
            received_at: micros,
        },
    )
    .await?;
    if decision == Decision::Apply {
        apply(&mut tx, state, provider.name(), &order, &event, micros).await?;
    }
    tx.commit().await.map_err(StorageError::from)?;
    Ok(answer(decision))
}

fn refusal(error: WebhookError) -> ApiError {
    match error {
        WebhookError::BodyMalformed(detail) => ApiError::BadRequest {
            detail: format!("The body is not a payment event: {detail}."),
        },
        other => ApiError::Unauthorized {
            code: other.code(),
            detail: format!(
                "{}. Sign the body with the shared key in the {SIGNATURE_HEADER} header.",
                capitalised(&other.to_string())
            ),
        },
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The change a new event leads to.
async fn apply(
    conn: &mut ghiseu_storage::Connection,
    state: &AppState,
    provider: &str,
    order: &PaymentOrder,
    event: &PaymentEvent,
    now: i64,
) -> Result<(), ApiError> {
    let by = PaidBy::Provider {
        name: provider,
        transaction_id: &event.provider_transaction_id,
    };
    match event.status {
        PaymentStatus::Succeeded => {
            if !payments::mark_paid(conn, &order.id, by, now).await? {
                return Ok(());
            }
            let Some(case) = cases::get_in(conn, &order.case_id).await? else {
                return Err(ApiError::Internal(format!(
                    "order {} lost its case",
                    order.id
                )));
            };
            if case.state != ghiseu_domain::case::CaseState::FeeDue.code() {
                // The money came in all the same: the order stays paid for a refund.
                tracing::warn!(case = %case.id, state = %case.state, "a payment arrived for a case not waiting for it");
                return Ok(());
            }
            if confirm_payment(conn, &case, None, "system", None, now)
                .await?
                .is_err()
            {
                return Err(ApiError::Conflict {
                    detail: "The application changed while the payment was recorded; nothing was recorded. Send the event again.".into(),
                });
            }
            super::tell_paid(conn, state, &case, order, now).await?;
        }
        PaymentStatus::Refunded => {
            payments::mark_refunded(conn, &order.id, provider, &event.provider_transaction_id)
                .await?;
        }
        PaymentStatus::Failed => {}
    }
    Ok(())
}
