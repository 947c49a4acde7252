//! The inviter takes an approved invitation back: from that moment the
//! public check and the QR verification say it is no longer valid. Only the
//! person who filed the request may, and only after confirming it.

use crate::accounts::{CurrentPerson, audit_event};
use crate::error::AppError;
use crate::notices::{self, Notice};
use crate::registry::{ChangeBy, Report, apply, document_name};
use crate::state::App;
use ghiseu_domain::registry::{RegistryAction, RegistryActor};
use ghiseu_storage::{audit, issued_documents, registry};

/// The registry's reason recorded with a withdrawal.
pub const REASON: &str = "invitation-withdrawn";

/// Why an invitation was not withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithdrawRefusal {
    /// No approved invitation of this person's request.
    NotFound,
    /// The person did not confirm that it cannot be undone.
    NotConfirmed,
}

/// Withdraws the invitation approved for the person's request `case_id`;
/// answers its number. An invitation already withdrawn or revoked is a
/// `DocumentRefusal::NotInForce`, and nothing is written.
pub async fn withdraw(
    state: &App,
    current: &CurrentPerson,
    case_id: &str,
    confirmed: bool,
) -> Result<Result<String, WithdrawRefusal>, AppError> {
    let Some(case) = super::request_of(state, current, case_id).await? else {
        return Ok(Err(WithdrawRefusal::NotFound));
    };
    let Some(document) = issued_documents::for_case(&state.db, &case.id).await? else {
        return Ok(Err(WithdrawRefusal::NotFound));
    };
    if !confirmed {
        return Ok(Err(WithdrawRefusal::NotConfirmed));
    }
    let mut tx = state.db.begin_write().await?;
    let Some(registered) = registry::by_number(&mut tx, &document.number).await? else {
        return Ok(Err(WithdrawRefusal::NotFound));
    };
    let by = ChangeBy {
        actor: RegistryActor::Holder,
        person_id: &current.person.id,
        role: current.person.role.code(),
    };
    let action = RegistryAction::Withdraw;
    let (_, on) = apply(
        state,
        &mut tx,
        &registered,
        action,
        &by,
        Some(REASON),
        &Report::NONE,
    )
    .await?;
    let reason = state
        .catalogue
        .authority(&document.authority_id)
        .and_then(|a| a.registry.invalidation_reason(REASON));
    if let Some(reason) = reason {
        let name = document_name(state, &document);
        let notice = Notice::DocumentRevoked {
            document: &name,
            number: &document.number,
            holder: &document.holder_name,
            reason: &reason.name,
            on,
        };
        notices::tell(
            &mut tx,
            state,
            &current.person.id,
            &notice,
            state.clock.now(),
        )
        .await?;
    }
    let mut event = audit_event(state, "document.withdrawn", Some(&current.person.id), None);
    event.detail = serde_json::json!({ "document": document.number, "case": case.id });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    state.check_cache.forget(&document.number);
    Ok(Ok(document.number))
}
