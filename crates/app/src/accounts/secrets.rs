//! Random tokens, their stored hashes, and password hashing off the async runtime.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};

/// A fresh 256-bit random token, hex-encoded; given to the person, never stored.
pub fn random_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(hex(&bytes))
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

/// Argon2id with the OWASP minimum: 19 MiB, 2 passes, 1 lane.
fn hasher() -> Result<Argon2<'static>, argon2::Error> {
    Ok(Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(19 * 1024, 2, 1, None)?,
    ))
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("hashing failed: {0}")]
    Hash(String),
    #[error("no randomness: {0}")]
    Random(#[from] getrandom::Error),
    #[error("{0}")]
    Pool(#[from] super::hash_pool::PoolError),
}

/// Hashes a password on the hashing threads, so a burst of logins cannot stall the server.
#[tracing::instrument(skip_all)]
pub async fn hash_password(password: String) -> Result<String, SecretError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)?;
    super::hash_pool::run(move || {
        let salt = SaltString::encode_b64(&salt).map_err(|e| SecretError::Hash(e.to_string()))?;
        let argon2 = hasher().map_err(|e| SecretError::Hash(e.to_string()))?;
        argon2
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| SecretError::Hash(e.to_string()))
    })
    .await?
}

/// Checks a password against a stored hash on the hashing threads.
#[tracing::instrument(skip_all)]
pub async fn verify_password(password: String, stored: String) -> Result<bool, SecretError> {
    super::hash_pool::run(move || {
        let parsed = PasswordHash::new(&stored).map_err(|e| SecretError::Hash(e.to_string()))?;
        let argon2 = hasher().map_err(|e| SecretError::Hash(e.to_string()))?;
        Ok(argon2.verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await?
}

/// A hash no password matches, checked when an e-mail is unknown so that the
/// answer takes as long as for a known one.
pub const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$8Zb0pQO2wJ2s2m9E3Vt1jX5m6m0n2cYyQ1oO4Xb5Kq8";

/// Equal-time comparison of two short secrets (CSRF tokens).
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
