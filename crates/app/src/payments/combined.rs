//! What a provider reports about a fee order (one payment for several
//! cases' fees), recorded in the same transaction as the webhook that
//! brought it. The order's own transactions decide as for a single order
//! (`ghiseu_payments::settlement`): a second payment is flagged to be given
//! back and a resent event is a duplicate. A payment that pays it pays each
//! line's own order once and moves its case on through the state machine;
//! a line whose order was paid or waived meanwhile keeps its share flagged
//! to be given back, and the other lines are paid all the same.

use super::events::{Recorded, changed_meanwhile, kept};
use super::{confirm_payment, return_fee, tell_paid};
use crate::cases::moves::state_of;
use crate::error::AppError;
use crate::refusal::PaymentRefusal;
use crate::state::App;
use ghiseu_domain::case::CaseState;
use ghiseu_payments::{Decision, Effect, OrderStanding, PaymentEvent, PaymentStatus, settlement};
use ghiseu_storage::Connection;
use ghiseu_storage::cases;
use ghiseu_storage::fee_orders::{self, FeeOrder, LINE_PAID, LINE_SURPLUS};
use ghiseu_storage::payments::{self, Ledger, NewEvent, PAID_THE_ORDER, PaidBy, SURPLUS};

/// Records `event` about the fee order it names, with what it leads to, in
/// the caller's transaction; `None` when no fee order has its id and reference.
pub(super) async fn deliver(
    conn: &mut Connection,
    state: &App,
    provider: &str,
    event: &PaymentEvent,
    sequence: i64,
    now: i64,
) -> Result<Option<Recorded>, AppError> {
    let Some(order) = fee_orders::get_in(conn, &event.order_id)
        .await?
        .filter(|o| o.reference == event.reference)
    else {
        return Ok(None);
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
    let new = NewEvent {
        provider,
        transaction_id: &event.provider_transaction_id,
        sequence,
        status: event.status,
        order_id: &order.id,
        received_at: now,
    };
    let decision = payments::record_event_in(conn, Ledger::Combined, &new).await?;
    if decision != Decision::Apply {
        return Ok(Some(Recorded::Replayed(decision)));
    }
    let effect = settle(
        conn,
        state,
        provider,
        &order,
        event.status,
        &event.provider_transaction_id,
        now,
    )
    .await?;
    Ok(Some(Recorded::Settled(effect)))
}

async fn settle(
    conn: &mut Connection,
    state: &App,
    provider: &str,
    order: &FeeOrder,
    status: PaymentStatus,
    transaction_id: &str,
    now: i64,
) -> Result<Effect, AppError> {
    let paid_by_it = fee_orders::is_paid(order)
        && order.provider.as_deref() == Some(provider)
        && order.provider_transaction_id.as_deref() == Some(transaction_id);
    let transaction = payments::transaction_standing(
        conn,
        Ledger::Combined,
        provider,
        transaction_id,
        paid_by_it,
    )
    .await?;
    let standing = if order.payable() {
        OrderStanding::Payable
    } else {
        OrderStanding::Paid
    };
    let effect = settlement::effect(status, standing, transaction);
    match effect {
        Effect::Pay => return pay(conn, state, provider, order, transaction_id, now).await,
        Effect::FlagSurplus => flag_surplus(conn, provider, order, transaction_id, now).await?,
        Effect::RefundPayment => refund(conn, provider, order, transaction_id, now).await?,
        Effect::RefundSurplus => {
            payments::mark_transaction_refunded_in(
                conn,
                Ledger::Combined,
                provider,
                transaction_id,
                now,
            )
            .await?;
        }
        Effect::AlreadyPaid
        | Effect::StillFlagged
        | Effect::IgnoreRefunded
        | Effect::IgnoreRefund
        | Effect::IgnoreFailure => {}
    }
    Ok(effect)
}

fn of(order: &FeeOrder) -> (&str, i64, &str) {
    (&order.id, order.amount_minor, &order.currency)
}

/// The fee order is paid by this transaction, and so is each line's own
/// order that is still payable; its case moves on and its applicant is told.
async fn pay(
    conn: &mut Connection,
    state: &App,
    provider: &str,
    order: &FeeOrder,
    transaction_id: &str,
    now: i64,
) -> Result<Effect, AppError> {
    if !fee_orders::mark_paid(conn, &order.id, provider, transaction_id, now).await? {
        flag_surplus(conn, provider, order, transaction_id, now).await?;
        return Ok(Effect::FlagSurplus);
    }
    let paid = kept(provider, of(order), transaction_id, PAID_THE_ORDER, now);
    payments::record_transaction_in(conn, Ledger::Combined, &paid).await?;
    let by = PaidBy::Provider {
        name: provider,
        transaction_id,
    };
    for line in fee_orders::lines_in(conn, &order.id).await? {
        if !payments::mark_paid(conn, &line.payment_order_id, by, now).await? {
            tracing::warn!(order = %order.id, case = %line.case_id, "a fee order paid a case whose fee was paid or waived meanwhile; its share is flagged for refund");
            fee_orders::set_outcome(conn, &order.id, &line.case_id, LINE_SURPLUS).await?;
            continue;
        }
        fee_orders::set_outcome(conn, &order.id, &line.case_id, LINE_PAID).await?;
        let (Some(case), Some(own)) = (
            cases::get_in(conn, &line.case_id).await?,
            payments::get_in(conn, &line.payment_order_id).await?,
        ) else {
            return Err(AppError::Internal(format!(
                "fee order {} lost a case",
                order.id
            )));
        };
        if state_of(&case)? != CaseState::FeeDue {
            // The money came in all the same: the order stays paid for a refund.
            tracing::warn!(case = %case.id, state = %case.state, "a fee order paid a case not waiting for it");
            continue;
        }
        if confirm_payment(conn, &case, None, "system", None, now)
            .await?
            .is_err()
        {
            return Err(changed_meanwhile());
        }
        tell_paid(conn, state, &case, &own, now).await?;
    }
    Ok(Effect::Pay)
}

/// Keeps a second payment of a fee order already paid, for an operator to refund.
async fn flag_surplus(
    conn: &mut Connection,
    provider: &str,
    order: &FeeOrder,
    transaction_id: &str,
    now: i64,
) -> Result<(), AppError> {
    tracing::warn!(order = %order.id, transaction = %transaction_id, "a second payment arrived for a fee order already paid; it is flagged for refund");
    let surplus = kept(provider, of(order), transaction_id, SURPLUS, now);
    payments::record_transaction_in(conn, Ledger::Combined, &surplus).await?;
    Ok(())
}

/// The payment that paid the fee order was given back: the order is
/// refunded, and so is each line's own order it paid, whose case goes back
/// to its fee (or keeps its state with a note when it has moved on).
async fn refund(
    conn: &mut Connection,
    provider: &str,
    order: &FeeOrder,
    transaction_id: &str,
    now: i64,
) -> Result<(), AppError> {
    let lines = fee_orders::lines_in(conn, &order.id).await?;
    fee_orders::mark_refunded(conn, &order.id, provider, transaction_id).await?;
    let paid = kept(
        provider,
        of(order),
        transaction_id,
        PAID_THE_ORDER,
        order.paid_at.unwrap_or(now),
    );
    payments::record_transaction_in(conn, Ledger::Combined, &paid).await?;
    payments::mark_transaction_refunded_in(conn, Ledger::Combined, provider, transaction_id, now)
        .await?;
    for line in lines
        .iter()
        .filter(|l| l.outcome.as_deref() == Some(LINE_PAID))
    {
        if !payments::mark_refunded(conn, &line.payment_order_id, provider, transaction_id).await? {
            continue;
        }
        let Some(case) = cases::get_in(conn, &line.case_id).await? else {
            continue;
        };
        if return_fee(conn, &case, now).await?.is_err() {
            return Err(changed_meanwhile());
        }
    }
    Ok(())
}
