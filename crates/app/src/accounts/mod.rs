//! Accounts: who is signed in, how long sessions live, accounts made by the
//! installation, guardians' households, and the card check's result.

pub mod card_check;
pub mod demo;
pub mod hash_pool;
pub mod household;
pub mod representations;
pub mod secrets;
pub mod security;
pub mod sign_in;
pub mod totp;
pub mod verification;

use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::account::{EmailAddress, Role};
use ghiseu_storage::Database;
use ghiseu_storage::accounts::{self, NewPerson, PersonRecord};
use ghiseu_storage::sessions::SessionRecord;
use std::time::Duration;

/// How long sessions live.
#[derive(Debug, Clone)]
pub struct SessionSettings {
    pub idle: Duration,
    pub absolute: Duration,
    /// Mark cookies `Secure` (the portal is served over TLS).
    pub secure_cookies: bool,
    /// The reverse proxies in front, whose `X-Forwarded-For` hops are
    /// believed (none: the connection's peer is the client).
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

impl Default for SessionSettings {
    fn default() -> Self {
        SessionSettings {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 3600),
            secure_cookies: false,
            trusted_proxies: Vec::new(),
        }
    }
}

/// A signed-in person and their session.
#[derive(Debug, Clone)]
pub struct CurrentPerson {
    pub person: PersonRecord,
    pub session: SessionRecord,
    pub token_hash: String,
}

impl CurrentPerson {
    /// Whether a submitted form carries this session's anti-forgery token.
    pub fn csrf_ok(&self, submitted: &str) -> bool {
        secrets::same_secret(&self.session.csrf_token, submitted)
    }
}

/// Microseconds in `d`, as the database counts time.
pub fn micros(d: Duration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

/// An audit event about a person's own account.
pub fn audit_event(
    state: &App,
    action: &str,
    person_id: Option<&str>,
    source_ip: Option<&str>,
) -> ghiseu_domain::audit::AuditEvent {
    let mut event = ghiseu_domain::audit::AuditEvent::new(state.clock.now(), action);
    event.actor = person_id.map(String::from);
    event.subject = person_id.map(String::from);
    event.source_ip = source_ip.map(String::from);
    event
}

/// What [`add_verified_person`] does when the address is already registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfRegistered {
    /// Write nothing and answer `None`.
    Refuse,
    /// Give the existing account the new password and count its address as verified.
    ResetPassword,
}

/// Creates an account whose e-mail address counts as verified, for whoever runs the install
/// (`ghiseu person add`, the demonstration accounts). Answers the person's id, or `None` when
/// the address is taken and `if_registered` is [`IfRegistered::Refuse`].
pub async fn add_verified_person(
    db: &Database,
    email: &EmailAddress,
    role: Role,
    password: String,
    now: jiff::Timestamp,
    if_registered: IfRegistered,
) -> Result<Option<String>, AppError> {
    let micros = now.as_microsecond();
    let hash = secrets::hash_password(password)
        .await
        .map_err(|e| AppError::Unavailable(e.to_string()))?;
    let mut tx = db.begin_write().await?;
    let id = uuid::Uuid::now_v7().to_string();
    let person = NewPerson {
        id: &id,
        email: email.as_str(),
        password_hash: &hash,
        role: role.code(),
        preferred_lang: "ro",
        now: micros,
    };
    let id = if accounts::insert_person(&mut tx, &person).await? {
        id
    } else if if_registered == IfRegistered::ResetPassword {
        let existing = accounts::person_by_email(db, email.as_str())
            .await?
            .ok_or_else(|| AppError::Unavailable("the registered person vanished".into()))?;
        accounts::set_password_hash(&mut tx, &existing.id, &hash, micros).await?;
        existing.id
    } else {
        return Ok(None);
    };
    accounts::mark_email_verified(&mut tx, &id, micros).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// A random password of 24 hexadecimal digits (96 bits), to be shown once.
pub fn generated_password() -> Result<String, AppError> {
    let token = secrets::random_token().map_err(|e| AppError::Unavailable(e.to_string()))?;
    Ok(token[..24].to_string())
}
