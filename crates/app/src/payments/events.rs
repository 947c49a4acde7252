//! What a payment provider reports: a signed webhook. Each event is recorded
//! once, with the change it leads to, in one transaction; a resent event is a
//! duplicate, an older one arriving late is stale, and neither changes
//! anything. A new event's change is decided by
//! `ghiseu_payments::settlement`: a second payment of an order already paid
//! is flagged for refund, a refund makes the fee due again, and a payment
//! given back never pays again.

use super::{confirm_payment, return_fee};
use crate::cases::moves::state_of;
use crate::error::AppError;
use crate::refusal::PaymentRefusal;
use crate::state::App;
use ghiseu_domain::case::CaseState;
use ghiseu_payments::{Decision, Effect, PaymentEvent, SIGNATURE_HEADER, WebhookError, settlement};
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::payments::{
    self, NewEvent, PAID_THE_ORDER, PaidBy, PaymentOrder, PaymentTransaction, SURPLUS,
};

/// What became of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Received before, or older than one applied: nothing changed.
    Replayed(Decision),
    /// A new event, and what it did.
    Settled(Effect),
}

/// Verifies and records one webhook (its `signature` header and its body),
/// with the change it leads to, in one transaction.
pub async fn deliver(
    state: &App,
    signature: Option<&str>,
    body: &[u8],
) -> Result<Recorded, AppError> {
    let provider = state
        .online_payment
        .provider()
        .ok_or_else(|| AppError::NotFound {
            detail: "This portal takes no online payments, so it expects no payment events.".into(),
        })?;
    let now = state.clock.now();
    let event = provider
        .verify_webhook(signature, body, now)
        .map_err(refusal)?;
    let sequence = i64::try_from(event.sequence).map_err(|_| AppError::BadRequest {
        detail: "The event's sequence is too large.".into(),
    })?;
    let mut tx = state.db.begin_write().await?;
    let micros = now.as_microsecond();
    let Some(order) = payments::get_in(&mut tx, &event.order_id)
        .await?
        .filter(|o| o.reference == event.reference)
    else {
        let recorded =
            super::combined::deliver(&mut tx, state, provider.name(), &event, sequence, micros)
                .await?
                .ok_or_else(|| AppError::NotFound {
                    detail: "There is no payment order with this id and reference. Check the order_id and reference the portal gave when the payment began.".into(),
                })?;
        tx.commit().await?;
        if recorded == Recorded::Settled(Effect::Pay) {
            for line in ghiseu_storage::fee_orders::lines(&state.db, &event.order_id).await? {
                issue_if_electronic(state, &line.case_id).await;
            }
        }
        return Ok(recorded);
    };
    if event.amount.minor != order.amount_minor || event.amount.currency.code() != order.currency {
        return Err(PaymentRefusal::AmountMismatch {
            event_minor: event.amount.minor,
            event_currency: event.amount.currency.code().to_string(),
            order_minor: order.amount_minor,
            order_currency: order.currency.clone(),
        }
        .into());
    }
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
    let recorded = if decision == Decision::Apply {
        Recorded::Settled(settle(&mut tx, state, provider.name(), &order, &event, micros).await?)
    } else {
        Recorded::Replayed(decision)
    };
    tx.commit().await?;
    if recorded == Recorded::Settled(Effect::Pay) {
        issue_if_electronic(state, &order.case_id).await;
    }
    Ok(recorded)
}

/// A paid case of a service delivered electronically moves on at once; a
/// failure leaves it paid for the sweep, and says why in the log.
async fn issue_if_electronic(state: &App, case_id: &str) {
    if let Err(error) = crate::issuance::issue_paid(state, case_id).await {
        tracing::error!(case = %case_id, %error, "the paid case could not be issued electronically");
    }
}

fn refusal(error: WebhookError) -> AppError {
    match error {
        WebhookError::BodyMalformed(detail) => AppError::BadRequest {
            detail: format!("The body is not a payment event: {detail}."),
        },
        other => AppError::Unauthorized {
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

/// What a new event does to the order, its money and its case.
async fn settle(
    conn: &mut ghiseu_storage::Connection,
    state: &App,
    provider: &str,
    order: &PaymentOrder,
    event: &PaymentEvent,
    now: i64,
) -> Result<Effect, AppError> {
    let transaction_id = event.provider_transaction_id.as_str();
    let (standing, transaction) = payments::standing(conn, order, provider, transaction_id).await?;
    let effect = settlement::effect(event.status, standing, transaction);
    match effect {
        Effect::Pay => return pay(conn, state, provider, order, event, now).await,
        Effect::FlagSurplus => flag_surplus(conn, provider, order, transaction_id, now).await?,
        Effect::RefundPayment => refund(conn, provider, order, transaction_id, now).await?,
        Effect::RefundSurplus => {
            payments::mark_transaction_refunded(conn, provider, transaction_id, now).await?;
        }
        Effect::AlreadyPaid
        | Effect::StillFlagged
        | Effect::IgnoreRefunded
        | Effect::IgnoreRefund
        | Effect::IgnoreFailure => {}
    }
    Ok(effect)
}

/// The money of a provider's transaction, as the ledger of the order it
/// reached keeps it: an order is known by its id, amount and currency.
pub(super) fn kept(
    provider: &str,
    (order_id, amount_minor, currency): (&str, i64, &str),
    transaction_id: &str,
    role: &str,
    received_at: i64,
) -> PaymentTransaction {
    PaymentTransaction {
        provider: provider.to_string(),
        transaction_id: transaction_id.to_string(),
        order_id: order_id.to_string(),
        role: role.to_string(),
        amount_minor,
        currency: currency.to_string(),
        received_at,
        refunded_at: None,
    }
}

fn of(order: &PaymentOrder) -> (&str, i64, &str) {
    (&order.id, order.amount_minor, &order.currency)
}

/// The order is paid by this transaction, and its case moves on if it was
/// waiting for the fee. An order paid meanwhile makes it a second payment.
async fn pay(
    conn: &mut ghiseu_storage::Connection,
    state: &App,
    provider: &str,
    order: &PaymentOrder,
    event: &PaymentEvent,
    now: i64,
) -> Result<Effect, AppError> {
    let transaction_id = event.provider_transaction_id.as_str();
    let by = PaidBy::Provider {
        name: provider,
        transaction_id,
    };
    if !payments::mark_paid(conn, &order.id, by, now).await? {
        flag_surplus(conn, provider, order, transaction_id, now).await?;
        return Ok(Effect::FlagSurplus);
    }
    let paid = kept(provider, of(order), transaction_id, PAID_THE_ORDER, now);
    payments::record_transaction(conn, &paid).await?;
    let case = case_of(conn, order).await?;
    if state_of(&case)? != CaseState::FeeDue {
        // The money came in all the same: the order stays paid for a refund.
        tracing::warn!(case = %case.id, state = %case.state, "a payment arrived for a case not waiting for it");
        return Ok(Effect::Pay);
    }
    if confirm_payment(conn, &case, None, "system", None, now)
        .await?
        .is_err()
    {
        return Err(changed_meanwhile());
    }
    super::tell_paid(conn, state, &case, order, now).await?;
    Ok(Effect::Pay)
}

/// Keeps a second payment of an order already paid, for an operator to refund.
async fn flag_surplus(
    conn: &mut ghiseu_storage::Connection,
    provider: &str,
    order: &PaymentOrder,
    transaction_id: &str,
    now: i64,
) -> Result<(), AppError> {
    tracing::warn!(order = %order.id, transaction = %transaction_id, "a second payment arrived for an order already paid; it is flagged for refund");
    let surplus = kept(provider, of(order), transaction_id, SURPLUS, now);
    payments::record_transaction(conn, &surplus).await?;
    Ok(())
}

/// The payment that paid the order was given back: the order is refunded,
/// and its case goes back to its fee, or keeps its state with a note when
/// it has moved on past its payment.
async fn refund(
    conn: &mut ghiseu_storage::Connection,
    provider: &str,
    order: &PaymentOrder,
    transaction_id: &str,
    now: i64,
) -> Result<(), AppError> {
    payments::mark_refunded(conn, &order.id, provider, transaction_id).await?;
    // An order paid before transactions were kept gets its row now.
    let paid = kept(
        provider,
        of(order),
        transaction_id,
        PAID_THE_ORDER,
        order.paid_at.unwrap_or(now),
    );
    payments::record_transaction(conn, &paid).await?;
    payments::mark_transaction_refunded(conn, provider, transaction_id, now).await?;
    let case = case_of(conn, order).await?;
    if return_fee(conn, &case, now).await?.is_err() {
        return Err(changed_meanwhile());
    }
    Ok(())
}

async fn case_of(
    conn: &mut ghiseu_storage::Connection,
    order: &PaymentOrder,
) -> Result<CaseRecord, AppError> {
    cases::get_in(conn, &order.case_id)
        .await?
        .ok_or_else(|| AppError::Internal(format!("order {} lost its case", order.id)))
}

pub(super) fn changed_meanwhile() -> AppError {
    AppError::Conflict {
        detail: "The application changed while the payment was recorded; nothing was recorded. Send the event again.".into(),
    }
}
