//! Sending the e-mail confirmation link again, to someone whose link was
//! lost or ran out. The answer never tells whether an address has an
//! account: every address is counted the same way, and an address asked
//! for too often simply gets nothing more, so nobody can fill another
//! person's mailbox; one client asking for many addresses is stopped.

use super::secrets::{random_token, token_hash};
use crate::error::AppError;
use crate::notices::{self, Notice};
use crate::state::App;
use ghiseu_domain::account::EmailAddress;
use ghiseu_storage::accounts;

/// How long a confirmation link works.
pub const LINK_TTL_MICROS: i64 = 24 * 3600 * 1_000_000;
const HOUR_MICROS: i64 = 3600 * 1_000_000;
/// Links one address may be sent in an hour, by anyone.
const PER_ADDRESS_PER_HOUR: i64 = 3;
/// Addresses one client may ask links for in an hour.
const PER_CLIENT_PER_HOUR: i64 = 10;

/// What became of a request for a new link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resent {
    /// Sent if the address waits for confirmation; otherwise nothing, alike.
    Answered,
    /// This client asked too often; try again in an hour.
    Throttled,
}

/// Queues a new confirmation link for `email` if it belongs to an account
/// not yet confirmed and the address has not had its share this hour.
pub async fn resend(state: &App, email: &EmailAddress, client: &str) -> Result<Resent, AppError> {
    let now = state.clock.now();
    let micros = now.as_microsecond();
    let client_key = format!("verify-resend:client:{client}");
    if !accounts::throttle_hit(
        &state.db,
        &client_key,
        HOUR_MICROS,
        PER_CLIENT_PER_HOUR,
        micros,
    )
    .await?
    {
        return Ok(Resent::Throttled);
    }
    // The address is kept only as a digest, and counted whether or not it
    // has an account, so the limit says nothing about it.
    let address_key = format!("verify-resend:address:{}", token_hash(email.as_str()));
    let address_ok = accounts::throttle_hit(
        &state.db,
        &address_key,
        HOUR_MICROS,
        PER_ADDRESS_PER_HOUR,
        micros,
    )
    .await?;
    let waiting = accounts::person_by_email(&state.db, email.as_str())
        .await?
        .filter(|p| p.email_verified_at.is_none());
    let (Some(person), true) = (waiting, address_ok) else {
        return Ok(Resent::Answered);
    };
    let token = random_token().map_err(|e| AppError::Internal(e.to_string()))?;
    let mut tx = state.db.begin_write().await?;
    accounts::insert_token(
        &mut tx,
        &token_hash(&token),
        &person.id,
        "verify-email",
        micros,
        micros + LINK_TTL_MICROS,
    )
    .await?;
    notices::tell(
        &mut tx,
        state,
        &person.id,
        &Notice::EmailVerification { token: &token },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Resent::Answered)
}
