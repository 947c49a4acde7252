//! An operator confirms a payment from the proof the applicant brought or
//! uploaded (a receipt, a bank statement): the order is marked paid by an
//! operator, the case moves on, and the audit log keeps who and why. Or the
//! operator waives the fee with a reason: the order is marked waived, the
//! case moves on unpaid, and its history and the audit log keep the reason.

use super::{confirm_payment, tell_paid, waive_fee};
use crate::cases::moves::state_of;
use crate::error::AppError;
use crate::office::Staff;
use crate::state::App;
use ghiseu_domain::case::CaseState;
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::payments::{PaidBy, PaymentOrder};

/// The longest note an operator writes with a confirmation.
pub const MAX_NOTE_CHARS: usize = 1000;

/// Why a confirmation was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No payable order, or the case is not waiting for its fee.
    NotDue,
    /// The operator must say what proves the payment.
    NoteNeeded,
    /// The operator must say why the fee is waived.
    ReasonNeeded,
    /// The case changed meanwhile.
    Stale,
}

/// The case's fee as an operator finds it due: the order still payable, and
/// the case read again in a new write transaction while it waits for its fee.
struct Due<'o> {
    tx: ghiseu_storage::WriteTx,
    current: CaseRecord,
    order: &'o PaymentOrder,
}

/// Opens `Due` if the order is payable and `text` (the operator's note or
/// reason) is written; else the refusal, `unwritten` for a missing text.
async fn open_due<'o>(
    state: &App,
    case: &CaseRecord,
    order: Option<&'o PaymentOrder>,
    text: &str,
    unwritten: Refusal,
) -> Result<Result<Due<'o>, Refusal>, AppError> {
    let Some(order) = order.filter(|o| o.payable()) else {
        return Ok(Err(Refusal::NotDue));
    };
    if text.is_empty() || text.chars().count() > MAX_NOTE_CHARS {
        return Ok(Err(unwritten));
    }
    let mut tx = state.db.begin_write().await?;
    let Some(current) = cases::get_in(&mut tx, &case.id).await? else {
        return Ok(Err(Refusal::Stale));
    };
    if state_of(&current)? != CaseState::FeeDue {
        return Ok(Err(Refusal::NotDue));
    }
    Ok(Ok(Due { tx, current, order }))
}

/// What the audit log keeps of an order an operator settled.
fn order_detail(case: &CaseRecord, order: &PaymentOrder) -> serde_json::Value {
    serde_json::json!({
        "case": case.id,
        "order": order.id,
        "reference": order.reference,
        "amount_minor": order.amount_minor,
        "currency": order.currency,
    })
}

/// The operator confirms the payment of `order` (the case's order as read,
/// if any) with `note` saying what proves it.
pub async fn confirm(
    state: &App,
    staff: &Staff,
    case: &CaseRecord,
    order: Option<&PaymentOrder>,
    note: &str,
) -> Result<Result<(), Refusal>, AppError> {
    let note = note.trim();
    let Due {
        mut tx,
        current,
        order,
    } = match open_due(state, case, order, note, Refusal::NoteNeeded).await? {
        Ok(due) => due,
        Err(refused) => return Ok(Err(refused)),
    };
    let now = state.clock.now().as_microsecond();
    if !ghiseu_storage::payments::mark_paid(&mut tx, &order.id, PaidBy::Operator, now).await? {
        return Ok(Err(Refusal::NotDue));
    }
    let person = staff.current.person.id.as_str();
    let role = staff.role.code();
    let moved = confirm_payment(&mut tx, &current, Some(person), role, Some(note), now).await?;
    if moved.is_err() {
        return Ok(Err(Refusal::Stale));
    }
    tell_paid(&mut tx, state, &current, order, now).await?;
    let mut event = staff.audit_event(state, "payment.confirmed", Some(&case.applicant_id));
    event.detail = order_detail(case, order);
    ghiseu_storage::audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The operator waives the fee of `case` (whose order as read is `order`)
/// for `reason`: the case is paid without a payment.
pub async fn waive(
    state: &App,
    staff: &Staff,
    case: &CaseRecord,
    order: Option<&PaymentOrder>,
    reason: &str,
) -> Result<Result<(), Refusal>, AppError> {
    let reason = reason.trim();
    let Due {
        mut tx,
        current,
        order,
    } = match open_due(state, case, order, reason, Refusal::ReasonNeeded).await? {
        Ok(due) => due,
        Err(refused) => return Ok(Err(refused)),
    };
    let now = state.clock.now().as_microsecond();
    if !ghiseu_storage::payments::mark_waived(&mut tx, &order.id, now).await? {
        return Ok(Err(Refusal::NotDue));
    }
    let person = staff.current.person.id.as_str();
    let role = staff.role.code();
    if waive_fee(&mut tx, &current, person, role, reason, now)
        .await?
        .is_err()
    {
        return Ok(Err(Refusal::Stale));
    }
    let mut event = staff.audit_event(state, "payment.waived", Some(&case.applicant_id));
    let mut detail = order_detail(case, order);
    detail["reason"] = reason.into();
    event.detail = detail;
    ghiseu_storage::audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Ok(()))
}
