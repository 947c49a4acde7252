//! The registry at the authority: a member of staff finds a document by its
//! number (every look is audited), reads its history, declares it invalid
//! (revokes it) with a reason from the authority's list, telling its
//! holder, or records a loss or theft
//! reported at the counter. Staff see only their own authority's documents.

use super::{ChangeBy, HeldDocument, Report, apply, held};
use crate::error::AppError;
use crate::notices::{self, Notice};
use crate::office::Staff;
use crate::refusal::DocumentRefusal;
use crate::state::App;
use ghiseu_domain::registry::{RegistryAction, RegistryActor};
use ghiseu_storage::registry::{self, Registered, StandingEvent};
use ghiseu_storage::{Connection, audit};

/// A document as the authority's staff see it, with its history.
#[derive(Debug, Clone)]
pub struct Looked {
    pub held: HeldDocument,
    pub history: Vec<StandingEvent>,
}

/// The document with this number in the registry of an authority the member
/// of staff works for; the same refusal whether it does not exist or
/// belongs to another authority.
async fn of_staff(
    state: &App,
    staff: &Staff,
    tx: &mut Connection,
    number: &str,
) -> Result<Registered, AppError> {
    let offices = staff.offices(&state.catalogue);
    registry::by_number(tx, number.trim())
        .await?
        .filter(|r| {
            offices
                .iter()
                .any(|o| o.authority_id == r.document.authority_id)
        })
        .ok_or_else(|| DocumentRefusal::NotInRegistry.into())
}

fn audited(
    state: &App,
    staff: &Staff,
    action: &str,
    registered: &Registered,
    detail: serde_json::Value,
) -> ghiseu_domain::audit::AuditEvent {
    let mut event = staff.audit_event(
        state,
        action,
        registered.document.holder_person_id.as_deref(),
    );
    event.on_behalf_of = registered.document.holder_ward_id.clone();
    event.detail = detail;
    event
}

/// Finds a document by its number, with its history; the look is audited.
pub async fn look_up(state: &App, staff: &Staff, number: &str) -> Result<Looked, AppError> {
    let mut tx = state.db.begin_write().await?;
    let registered = of_staff(state, staff, &mut tx, number).await?;
    let history = registry::history(&mut tx, &registered.document.id).await?;
    let event = audited(
        state,
        staff,
        "document.looked-up",
        &registered,
        serde_json::json!({ "document": registered.document.number }),
    );
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Looked {
        held: held(state, registered)?,
        history,
    })
}

/// Declares a document invalid for a reason from the authority's list.
pub async fn invalidate(
    state: &App,
    staff: &Staff,
    number: &str,
    reason_id: &str,
) -> Result<HeldDocument, AppError> {
    let mut tx = state.db.begin_write().await?;
    let registered = of_staff(state, staff, &mut tx, number).await?;
    let Some(reason) = state
        .catalogue
        .authority(&registered.document.authority_id)
        .and_then(|a| a.registry.invalidation_reason(reason_id))
    else {
        return Err(DocumentRefusal::UnknownReason.into());
    };
    let by = ChangeBy {
        actor: RegistryActor::Office,
        person_id: &staff.current.person.id,
        role: staff.role.code(),
    };
    let action = RegistryAction::Invalidate;
    let (changed, on) = apply(
        state,
        &mut tx,
        &registered,
        action,
        &by,
        Some(reason_id),
        &Report::NONE,
    )
    .await?;
    let document = &registered.document;
    let name = super::document_name(state, document);
    let notice = Notice::DocumentRevoked {
        document: &name,
        number: &document.number,
        holder: &document.holder_name,
        reason: &reason.name,
        on,
    };
    for person in super::people_to_tell(state, &mut tx, &registered).await? {
        notices::tell(&mut tx, state, &person, &notice, state.clock.now()).await?;
    }
    let detail = serde_json::json!({ "document": registered.document.number, "reason": reason_id });
    let event = audited(state, staff, "document.invalidated", &registered, detail);
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    state.check_cache.forget(&registered.document.number);
    held(state, changed)
}

/// Records a loss or theft the holder (or their representative) reports at
/// the counter: as from the holder online, the document is invalid at once
/// and the holder and guardians are told.
pub async fn record_report(
    state: &App,
    staff: &Staff,
    number: &str,
    report: &Report<'_>,
) -> Result<HeldDocument, AppError> {
    let mut tx = state.db.begin_write().await?;
    let registered = of_staff(state, staff, &mut tx, number).await?;
    let by = ChangeBy {
        actor: RegistryActor::Office,
        person_id: &staff.current.person.id,
        role: staff.role.code(),
    };
    let changed = super::reported(state, &mut tx, &registered, &by, report).await?;
    let detail = serde_json::json!({ "document": registered.document.number, "at": "counter" });
    let event = audited(
        state,
        staff,
        super::action_audit(report.action()),
        &registered,
        detail,
    );
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    state.check_cache.forget(&registered.document.number);
    held(state, changed)
}
