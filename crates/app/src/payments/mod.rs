//! Fees: the payment order issued when a case's fee falls due, fee orders
//! covering several cases' fees, payments confirmed (online or by an
//! operator), fees returned, and the payer told.

pub mod by_operator;
mod combined;
pub mod events;
pub mod fee_orders;
pub mod online;

use crate::cases::moves::{CaseAt, Mover, Refused, move_case};
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::case::{Actor, CaseAction, CaseNote, CaseReference, CaseState};
use ghiseu_domain::catalogue::Authority;
use ghiseu_domain::money::Currency;
use ghiseu_payments::{PaymentReference, ReferenceScheme};
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::payments::{self, PaymentOrder};

/// Issues the payment order of `case`, in the caller's transaction, right
/// after the case moved to fee-due. The case is read again inside the
/// transaction, so the record passed may predate the filing. Issuing twice
/// changes nothing. A service with nothing to pay gets no order: the case
/// moves straight on to paid. A fee the portal takes no payment for gets an
/// order all the same, paid as the authority's instructions say and
/// confirmed (or waived) at the counter: a fee is never passed over.
pub async fn create_order(
    conn: &mut ghiseu_storage::Connection,
    state: &App,
    case: &CaseRecord,
    now: i64,
) -> Result<(), AppError> {
    let case = cases::get_in(conn, &case.id)
        .await?
        .ok_or_else(|| AppError::Internal(format!("case {} vanished", case.id)))?;
    if payments::for_case_in(conn, &case.id).await?.is_some() {
        return Ok(());
    }
    let authority = state
        .catalogue
        .authority(&case.authority_id)
        .ok_or_else(|| AppError::Internal(format!("no authority {}", case.authority_id)))?;
    let fee = case.fee_minor.unwrap_or(0);
    let scheme = authority.payment.scheme;
    if fee <= 0 {
        return nothing_to_pay(conn, &case, now).await;
    }
    let reference_scheme = ReferenceScheme::for_payment(scheme);
    let case_reference = case
        .reference
        .as_deref()
        .and_then(CaseReference::parse)
        .ok_or_else(|| AppError::Internal(format!("case {} has no reference", case.id)))?;
    let sequence = match reference_scheme {
        ReferenceScheme::TreasuryCase | ReferenceScheme::Counter => 0,
        other => {
            let next = payments::next_sequence(conn, other.code()).await?;
            u64::try_from(next).map_err(|e| AppError::Internal(e.to_string()))?
        }
    };
    let reference = PaymentReference::generate(scheme, &case_reference, sequence)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let order = PaymentOrder {
        id: uuid::Uuid::now_v7().to_string(),
        case_id: case.id.clone(),
        reference: reference.as_str().to_string(),
        scheme: reference_scheme.code().to_string(),
        amount_minor: fee,
        currency: currency_of(&case, authority).code().to_string(),
        status: payments::DUE.to_string(),
        created_at: now,
        paid_at: None,
        paid_by: None,
        provider: None,
        provider_transaction_id: None,
        waived_at: None,
    };
    payments::create(conn, &order).await?;
    Ok(())
}

async fn nothing_to_pay(
    conn: &mut ghiseu_storage::Connection,
    case: &CaseRecord,
    now: i64,
) -> Result<(), AppError> {
    if case.state != CaseState::FeeDue.code() {
        return Ok(());
    }
    let moved = confirm_payment(conn, case, None, "system", None, now).await?;
    moved.map(|_| ()).map_err(|_| AppError::Conflict {
        detail: "The application changed meanwhile; please try again.".into(),
    })
}

/// Moves a fee-due case to paid through the domain's state machine, at the
/// version it has in the caller's transaction.
pub async fn confirm_payment(
    conn: &mut ghiseu_storage::Connection,
    case: &CaseRecord,
    actor_id: Option<&str>,
    actor_role: &str,
    reason: Option<&str>,
    now: i64,
) -> Result<Result<i64, cases::Stale>, AppError> {
    let by = Mover {
        actor: Actor::System,
        person_id: actor_id,
        role: actor_role,
    };
    settle(conn, case, CaseAction::ConfirmPayment, &by, reason, now).await
}

/// Moves a fee-due case to paid without a payment: an operator waived its
/// fee for `reason`, which the case's history keeps.
pub async fn waive_fee(
    conn: &mut ghiseu_storage::Connection,
    case: &CaseRecord,
    actor_id: &str,
    actor_role: &str,
    reason: &str,
    now: i64,
) -> Result<Result<i64, cases::Stale>, AppError> {
    let by = Mover {
        actor: Actor::System,
        person_id: Some(actor_id),
        role: actor_role,
    };
    settle(conn, case, CaseAction::WaiveFee, &by, Some(reason), now).await
}

async fn settle(
    conn: &mut ghiseu_storage::Connection,
    case: &CaseRecord,
    action: CaseAction,
    by: &Mover<'_>,
    reason: Option<&str>,
    now: i64,
) -> Result<Result<i64, cases::Stale>, AppError> {
    let at = CaseAt::of(case)?;
    Ok(match move_case(conn, at, action, by, reason, now).await? {
        Ok(moved) => Ok(moved.version),
        Err(_) => Err(cases::Stale),
    })
}

/// The fee of `case` was given back: a paid case goes back to fee-due
/// through the domain's state machine, at the version it has in the
/// caller's transaction; a case that moved on past its payment keeps its
/// state and its history notes the refund.
pub async fn return_fee(
    conn: &mut ghiseu_storage::Connection,
    case: &CaseRecord,
    now: i64,
) -> Result<Result<(), cases::Stale>, AppError> {
    let at = CaseAt::of(case)?;
    let current = at.state;
    match move_case(
        conn,
        at,
        CaseAction::RefundPayment,
        &Mover::SYSTEM,
        None,
        now,
    )
    .await?
    {
        Ok(_) => return Ok(Ok(())),
        Err(Refused::Stale) => return Ok(Err(cases::Stale)),
        Err(Refused::Transition(_)) => {}
    }
    let note = CaseNote::FeeRefunded;
    if note.fits(current) {
        cases::note(
            conn,
            &case.id,
            &case.state,
            note.code(),
            None,
            "system",
            None,
            now,
        )
        .await?;
    } else {
        tracing::warn!(case = %case.id, state = %case.state, "a fee was refunded for a case that never paid it");
    }
    Ok(Ok(()))
}

/// Tells the applicant the fee of their application arrived.
pub async fn tell_paid(
    conn: &mut ghiseu_storage::Connection,
    state: &App,
    case: &CaseRecord,
    order: &PaymentOrder,
    now: i64,
) -> Result<(), AppError> {
    let (Some(service), Some(currency)) = (
        state
            .catalogue
            .service(&case.service_id)
            .map(|(_, s)| &s.name),
        order_currency(order),
    ) else {
        return Ok(());
    };
    let notice = crate::notices::Notice::PaymentReceived {
        reference: case.reference.as_deref().unwrap_or_default(),
        service,
        amount_minor: order.amount_minor,
        currency,
    };
    let at =
        jiff::Timestamp::from_microsecond(now).map_err(|e| AppError::Internal(e.to_string()))?;
    crate::notices::tell(conn, state, &case.applicant_id, &notice, at).await?;
    Ok(())
}

fn currency_of(case: &CaseRecord, authority: &Authority) -> Currency {
    Currency::ALL
        .into_iter()
        .find(|c| c.code() == case.currency)
        .unwrap_or(authority.currency)
}

/// Whether `order` is paid outside the portal and proved at the counter.
pub fn paid_at_counter(order: &PaymentOrder) -> bool {
    ReferenceScheme::from_code(&order.scheme).is_some_and(|s| !s.paid_online())
}

/// The reference as people read and type it: in groups where the scheme groups it.
pub fn printed_reference(order: &PaymentOrder) -> String {
    ReferenceScheme::from_code(&order.scheme)
        .and_then(|s| PaymentReference::parse(s, &order.reference).ok())
        .map_or_else(|| order.reference.clone(), |r| r.to_string())
}

pub fn order_currency(order: &PaymentOrder) -> Option<Currency> {
    currency_code(&order.currency)
}

pub fn currency_code(code: &str) -> Option<Currency> {
    Currency::ALL.into_iter().find(|c| c.code() == code)
}

/// Issues the payment order of a case that is due its fee, in a transaction
/// of its own: for repairs, and for tests that reach fee-due without the
/// pages that issue it.
pub async fn issue_order(state: &App, case_id: &str) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    let case = cases::get_in(&mut tx, case_id)
        .await?
        .ok_or_else(|| AppError::NotFound {
            detail: format!("There is no case {case_id}."),
        })?;
    create_order(&mut tx, state, &case, state.clock.now().as_microsecond()).await?;
    tx.commit().await?;
    Ok(())
}
