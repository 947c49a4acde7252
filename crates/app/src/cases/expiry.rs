//! Drafts nobody touched for the authority's `draft_expiry_days` expire, so
//! half-filled applications do not linger with people's data in them.

use super::moves::{CaseAt, Mover, move_case};
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::case::CaseAction;
use ghiseu_storage::cases;

/// Expires what is due now; returns how many drafts expired. Safe to run in
/// several processes at once: a draft changed meanwhile is left alone.
pub async fn expire_drafts(state: &App) -> Result<usize, AppError> {
    let now = state.clock.now();
    let mut expired = 0;
    for authority in state.catalogue.authorities() {
        let age = jiff::SignedDuration::from_hours(24 * i64::from(authority.draft_expiry_days));
        let before = now
            .checked_sub(age)
            .map_err(|e| AppError::Internal(e.to_string()))?
            .as_microsecond();
        for case in cases::stale_drafts(&state.db, &authority.id, before, 500).await? {
            let mut tx = state.db.begin_write().await?;
            let at = CaseAt::of(&case)?;
            let action = CaseAction::ExpireDraft;
            let moved = move_case(
                &mut tx,
                at,
                action,
                &Mover::SYSTEM,
                None,
                now.as_microsecond(),
            )
            .await?;
            if moved.is_ok() {
                tx.commit().await?;
                expired += 1;
            }
        }
    }
    Ok(expired)
}
