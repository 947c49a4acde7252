//! What guards an account: ending every session, the second factor, a
//! password reset and the address check, each written in one transaction.

use super::secrets::token_hash;
use super::{CurrentPerson, audit_event, totp};
use crate::error::AppError;
use crate::notices::{self, Notice};
use crate::state::App;
use ghiseu_storage::accounts::{self, TokenRefusal};
use ghiseu_storage::{StorageError, audit, second_factor, sessions};
use jiff::Timestamp;

/// Ends every session of the person, this one included.
pub async fn end_sessions_everywhere(
    state: &App,
    current: &CurrentPerson,
) -> Result<(), StorageError> {
    let mut tx = state.db.begin_write().await?;
    sessions::delete_all_for(&mut tx, &current.person.id).await?;
    let event = audit_event(
        state,
        "session.ended-everywhere",
        Some(&current.person.id),
        None,
    );
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    state.db.note_sessions_ended();
    Ok(())
}

/// Turns the second factor on when `code` matches the secret being
/// enrolled; answers the recovery codes to show once, or None when the code
/// does not match (or nothing is being enrolled).
pub async fn enable_second_factor(
    state: &App,
    current: &CurrentPerson,
    code: &str,
    now: Timestamp,
) -> Result<Option<Vec<String>>, AppError> {
    let Some(factor) = second_factor::get(&state.db, &current.person.id)
        .await?
        .filter(|f| f.enabled_at.is_none())
    else {
        return Ok(None);
    };
    let Some(step) = totp::matching_step(&factor.totp_secret, code, now.as_second()) else {
        return Ok(None);
    };
    let codes = totp::recovery_codes().map_err(|e| AppError::Internal(e.to_string()))?;
    let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_code_hash(c)).collect();
    let mut tx = state.db.begin_write().await?;
    if !second_factor::enable(
        &mut tx,
        &current.person.id,
        now.as_microsecond(),
        step,
        &hashes,
    )
    .await?
    {
        return Ok(None);
    }
    let event = audit_event(
        state,
        "second-factor.enabled",
        Some(&current.person.id),
        None,
    );
    audit::append(&mut tx, &event).await?;
    notices::tell(
        &mut tx,
        state,
        &current.person.id,
        &Notice::SecondFactorEnabled,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(codes))
}

/// Uses a reset link's `token` to set the password whose hash is `hash`;
/// every session ends and the failed sign-ins are forgotten. Answers whose
/// password it was, or why the link does not work.
pub async fn reset_password(
    state: &App,
    token: &str,
    hash: &str,
) -> Result<Result<String, TokenRefusal>, StorageError> {
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let used =
        accounts::consume_token(&mut tx, &token_hash(token.trim()), "reset-password", now).await?;
    if let Ok(person_id) = &used {
        accounts::set_password_hash(&mut tx, person_id, hash, now).await?;
        sessions::delete_all_for(&mut tx, person_id).await?;
        ghiseu_storage::sign_in::forget_account_failures(&mut tx, person_id).await?;
        let event = audit_event(state, "password.changed", Some(person_id), None);
        audit::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    state.db.note_sessions_ended();
    Ok(used)
}

/// Uses an address check link's `token`: the address counts as verified.
pub async fn verify_email(
    state: &App,
    token: &str,
) -> Result<Result<String, TokenRefusal>, StorageError> {
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let used =
        accounts::consume_token(&mut tx, &token_hash(token.trim()), "verify-email", now).await?;
    if let Ok(person_id) = &used {
        accounts::mark_email_verified(&mut tx, person_id, now).await?;
        let event = audit_event(state, "account.email-verified", Some(person_id), None);
        audit::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    Ok(used)
}
