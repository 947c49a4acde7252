//! People and their accounts, single-use tokens, and attempt throttling.

use crate::{Database, StorageError};
use ghiseu_domain::account::Role;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// A person's account as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct PersonRecord {
    pub id: String,
    pub email: String,
    pub email_verified_at: Option<i64>,
    pub password_hash: String,
    pub role: Role,
    pub assurance: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub preferred_lang: String,
    pub created_at: i64,
    pub version: i64,
}

impl std::fmt::Debug for PersonRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonRecord")
            .field("id", &self.id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

pub(crate) const PERSON_COLUMNS: &str = "id, email, email_verified_at, password_hash, role, assurance, \
     given_name, family_name, preferred_lang, created_at, version";

/// The row's role; a value the domain does not know is an error, never a
/// guess.
fn role(row: &AnyRow) -> Result<Role, sqlx::Error> {
    let code: String = row.try_get("role")?;
    Role::parse(&code).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: "role".into(),
        source: format!("unknown role {code:?}").into(),
    })
}

pub(crate) fn person(row: &AnyRow) -> Result<PersonRecord, sqlx::Error> {
    Ok(PersonRecord {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        email_verified_at: row.try_get("email_verified_at")?,
        password_hash: row.try_get("password_hash")?,
        role: role(row)?,
        assurance: row.try_get("assurance")?,
        given_name: row.try_get("given_name")?,
        family_name: row.try_get("family_name")?,
        preferred_lang: row.try_get("preferred_lang")?,
        created_at: row.try_get("created_at")?,
        version: row.try_get("version")?,
    })
}

pub struct NewPerson<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub role: &'a str,
    pub preferred_lang: &'a str,
    pub now: i64,
}

/// Inserts a person; `Ok(false)` when the e-mail address is already taken.
pub async fn insert_person(
    conn: &mut AnyConnection,
    new: &NewPerson<'_>,
) -> Result<bool, StorageError> {
    let inserted = sqlx::query(
        "INSERT INTO persons (id, email, password_hash, role, preferred_lang, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (email) DO NOTHING",
    )
    .bind(new.id)
    .bind(new.email)
    .bind(new.password_hash)
    .bind(new.role)
    .bind(new.preferred_lang)
    .bind(new.now)
    .execute(&mut *conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

pub async fn person_by_email(
    db: &Database,
    email: &str,
) -> Result<Option<PersonRecord>, StorageError> {
    let sql = format!("SELECT {PERSON_COLUMNS} FROM persons WHERE email = $1");
    let row = sqlx::query(&sql)
        .bind(email)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.as_ref().map(person).transpose()?)
}

pub async fn person_by_id(db: &Database, id: &str) -> Result<Option<PersonRecord>, StorageError> {
    let sql = format!("SELECT {PERSON_COLUMNS} FROM persons WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(db.pool()).await?;
    Ok(row.as_ref().map(person).transpose()?)
}

/// The person's language, read in the caller's transaction.
pub async fn preferred_lang_in(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<String>, StorageError> {
    let row = sqlx::query("SELECT preferred_lang FROM persons WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.try_get("preferred_lang")).transpose()?)
}

pub async fn mark_email_verified(
    conn: &mut AnyConnection,
    person_id: &str,
    now: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE persons SET email_verified_at = COALESCE(email_verified_at, $2), updated_at = $2, \
         version = version + 1 WHERE id = $1",
    )
    .bind(person_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn set_password_hash(
    conn: &mut AnyConnection,
    person_id: &str,
    hash: &str,
    now: i64,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE persons SET password_hash = $2, updated_at = $3, version = version + 1 WHERE id = $1")
        .bind(person_id)
        .bind(hash)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Stores a single-use token by its hash; the token itself is never stored.
pub async fn insert_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    person_id: &str,
    purpose: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO account_tokens (token_hash, person_id, purpose, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(person_id)
    .bind(purpose)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Why a token could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRefusal {
    Unknown,
    Used,
    Expired,
}

/// Uses a token once: marks it used and returns its person, in the caller's transaction.
pub async fn consume_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    purpose: &str,
    now: i64,
) -> Result<Result<String, TokenRefusal>, StorageError> {
    let used = sqlx::query(
        "UPDATE account_tokens SET used_at = $3 \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 \
         RETURNING person_id",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(row) = used {
        return Ok(Ok(row.try_get("person_id")?));
    }
    let found = sqlx::query(
        "SELECT used_at, expires_at FROM account_tokens WHERE token_hash = $1 AND purpose = $2",
    )
    .bind(token_hash)
    .bind(purpose)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(Err(match found {
        None => TokenRefusal::Unknown,
        Some(row) if row.try_get::<Option<i64>, _>("used_at")?.is_some() => TokenRefusal::Used,
        Some(_) => TokenRefusal::Expired,
    }))
}

/// Counts an attempt under `key`; false when the key has used up its window.
pub async fn throttle_hit(
    db: &Database,
    key: &str,
    window_micros: i64,
    limit: i64,
    now: i64,
) -> Result<bool, StorageError> {
    let row = sqlx::query(
        "INSERT INTO throttle (key, window_start, attempts) VALUES ($1, $2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           attempts = CASE WHEN throttle.window_start <= $2 - $3 THEN 1 ELSE throttle.attempts + 1 END, \
           window_start = CASE WHEN throttle.window_start <= $2 - $3 THEN $2 ELSE throttle.window_start END \
         RETURNING attempts",
    )
    .bind(key)
    .bind(now)
    .bind(window_micros)
    .fetch_one(db.pool())
    .await?;
    let attempts: i64 = row.try_get("attempts")?;
    Ok(attempts <= limit)
}

/// Gives a person a role (an administrator's decision, recorded by the caller).
pub async fn set_role(
    conn: &mut AnyConnection,
    person_id: &str,
    role: &str,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE persons SET role = $2, version = version + 1 WHERE id = $1")
        .bind(person_id)
        .bind(role)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
