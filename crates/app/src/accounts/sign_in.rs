//! Signing in: the password checked in the same time whether or not the
//! address is registered, failures counted per client address and per
//! account (apart for the addresses the account signed in from before), and
//! a session opened with its audit event in one transaction.

use super::secrets::{DECOY_HASH, random_token, token_hash, verify_password};
use super::{audit_event, micros};
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::account::EmailAddress;
use ghiseu_storage::sessions::{self, SessionRecord};
use ghiseu_storage::{accounts, audit, sign_in};

/// Failed sign-ins allowed in the window: from one client address, whoever
/// they were for (high enough for a refugee centre or an office behind one
/// address); for one account from addresses it never signed in from; and for
/// one account from one address it did sign in from before. Only failures
/// count, so a stranger's guesses lock out strangers, not the owner's devices.
pub const CLIENT_FAILURES: i64 = 100;
pub const STRANGER_FAILURES: i64 = 5;
pub const KNOWN_ADDRESS_FAILURES: i64 = 10;
pub const WINDOW_MICROS: i64 = 15 * 60 * 1_000_000;

/// Why a sign-in did not open a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInRefusal {
    Credentials,
    Unverified,
    Throttled,
}

/// A session opened: its secret token (for the cookie), and whether it
/// waits for the second factor.
#[derive(Debug)]
pub struct Opened {
    pub token: String,
    pub second_factor: bool,
}

/// Opens a session in the caller's transaction and answers its token. A
/// session waiting for the second factor lasts ten minutes and opens nothing
/// but the second-factor page.
pub async fn open_session(
    conn: &mut ghiseu_storage::Connection,
    state: &App,
    person_id: &str,
    second_factor_pending: bool,
) -> Result<String, AppError> {
    let token = random_token().map_err(|e| AppError::Unavailable(e.to_string()))?;
    let csrf = random_token().map_err(|e| AppError::Unavailable(e.to_string()))?;
    let now = state.clock.now().as_microsecond();
    let record = SessionRecord {
        person_id: person_id.to_string(),
        csrf_token: csrf,
        created_at: now,
        last_seen_at: now,
        expires_at: now.saturating_add(if second_factor_pending {
            10 * 60 * 1_000_000
        } else {
            micros(state.sessions.absolute)
        }),
        second_factor_pending,
    };
    sessions::insert(conn, &token_hash(&token), &record).await?;
    Ok(token)
}

/// Where a sign-in stands before its password is checked.
struct Attempt {
    person: Option<accounts::PersonRecord>,
    client_key: String,
    account_key: String,
    locked: bool,
    second_factor: bool,
}

/// Reads everything the decision needs with the same queries whether the
/// address is registered or not, so the time taken says nothing about it.
async fn attempt(state: &App, email: &str, client: &str, now: i64) -> Result<Attempt, AppError> {
    let email = EmailAddress::parse(email).ok();
    let email = email.as_ref().map_or("-", |e| e.as_str());
    let person = accounts::person_by_email(&state.db, email).await?;
    let person_id = person.as_ref().map_or("-", |p| p.id.as_str());
    let address = address_hash(client);
    let known = sign_in::known_address(&state.db, person_id, &address).await?;
    let (account_key, limit) = if known {
        (
            format!("login:known:{email}:{address}"),
            KNOWN_ADDRESS_FAILURES,
        )
    } else {
        (format!("login:account:{email}"), STRANGER_FAILURES)
    };
    let client_key = format!("login:client:{client}");
    let client_failures = sign_in::failures(&state.db, &client_key, WINDOW_MICROS, now).await?;
    let account_failures = sign_in::failures(&state.db, &account_key, WINDOW_MICROS, now).await?;
    let second_factor = ghiseu_storage::second_factor::get(&state.db, person_id)
        .await?
        .is_some_and(|f| f.enabled_at.is_some());
    Ok(Attempt {
        person,
        client_key,
        account_key,
        locked: client_failures >= CLIENT_FAILURES || account_failures >= limit,
        second_factor,
    })
}

/// What the sign-in throttle keeps of a client address.
pub fn address_hash(client: &str) -> String {
    token_hash(&format!("sign-in-address:{client}"))
}

/// Signs in with `email` and `password` from the client address `client`.
pub async fn sign_in(
    state: &App,
    email: &str,
    password: &str,
    client: &str,
) -> Result<Result<Opened, SignInRefusal>, AppError> {
    let now = state.clock.now().as_microsecond();
    let attempt = attempt(state, email, client, now).await?;
    // A lock gives way only to the right password followed by the second factor.
    if attempt.locked && !attempt.second_factor {
        audit::record(
            &state.db,
            &audit_event(state, "login.throttled", None, Some(client)),
        )
        .await?;
        return Ok(Err(SignInRefusal::Throttled));
    }
    let stored = attempt
        .person
        .as_ref()
        .map_or_else(|| DECOY_HASH.to_string(), |p| p.password_hash.clone());
    let matches = verify_password(password.to_string(), stored)
        .await
        .map_err(|e| AppError::Unavailable(e.to_string()))?;
    let known_id = attempt.person.as_ref().map(|p| p.id.clone());
    let Some(person) = attempt.person.filter(|_| matches) else {
        for key in [&attempt.client_key, &attempt.account_key] {
            accounts::throttle_hit(&state.db, key, WINDOW_MICROS, i64::MAX, now).await?;
        }
        let mut event = audit_event(state, "login.failed", None, Some(client));
        event.subject = known_id;
        audit::record(&state.db, &event).await?;
        return Ok(Err(if attempt.locked {
            SignInRefusal::Throttled
        } else {
            SignInRefusal::Credentials
        }));
    };
    if person.email_verified_at.is_none() {
        return Ok(Err(SignInRefusal::Unverified));
    }
    let mut tx = state.db.begin_write().await?;
    let token = open_session(&mut tx, state, &person.id, attempt.second_factor).await?;
    if !attempt.second_factor {
        sign_in::remember_address(&mut tx, &person.id, &address_hash(client), now).await?;
        let event = audit_event(state, "login.succeeded", Some(&person.id), Some(client));
        audit::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    Ok(Ok(Opened {
        token,
        second_factor: attempt.second_factor,
    }))
}
