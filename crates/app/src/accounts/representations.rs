//! A principal's own powers of attorney: withdrawing one.

use super::{CurrentPerson, audit_event};
use crate::error::AppError;
use crate::state::App;
use ghiseu_storage::{audit, representations};

/// Withdraws the principal's power of attorney `id`; false when it is not
/// theirs, unknown, or already withdrawn.
pub async fn revoke(state: &App, principal: &CurrentPerson, id: &str) -> Result<bool, AppError> {
    let mut tx = state.db.begin_write().await?;
    let now = state.clock.now().as_microsecond();
    if !representations::revoke(&mut tx, id, &principal.person.id, now).await? {
        return Ok(false);
    }
    let mut event = audit_event(
        state,
        "representation.revoked",
        Some(&principal.person.id),
        None,
    );
    event.detail = serde_json::json!({ "representation": id });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(true)
}
