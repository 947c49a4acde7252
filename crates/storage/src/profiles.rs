//! Profiles and notification preferences.
//!
//! A profile is saved whole against the version its form was filled from:
//! when someone saved in between, the save is refused, never merged.

use crate::{Database, StorageError};
use ghiseu_domain::account::{NotificationChannel, NotificationKind, NotificationPreferences};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// A person's profile as stored. `version` 0 means nothing saved yet.
#[derive(Clone, PartialEq, Eq)]
pub struct ProfileRecord {
    pub person_id: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub preferred_lang: String,
    pub birth_date: Option<String>,
    pub citizenship: Option<String>,
    pub phone: Option<String>,
    pub domicile_country: Option<String>,
    /// ISO 3166-2 division: it decides which office handles an application.
    pub domicile_region: Option<String>,
    pub domicile_locality: Option<String>,
    pub domicile_address: Option<String>,
    pub version: i64,
    pub preferences: NotificationPreferences,
}

impl std::fmt::Debug for ProfileRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileRecord")
            .field("person_id", &self.person_id)
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

/// What a profile form changes.
pub struct ProfileUpdate<'a> {
    pub person_id: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub preferred_lang: &'a str,
    pub birth_date: Option<&'a str>,
    pub citizenship: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub domicile_country: Option<&'a str>,
    pub domicile_region: Option<&'a str>,
    pub domicile_locality: Option<&'a str>,
    pub domicile_address: Option<&'a str>,
}

/// The save was refused: the profile changed since `expected` was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaleVersion;

/// The person's profile with their preferences (defaults where they chose
/// nothing); `None` when there is no such person.
pub async fn load(db: &Database, person_id: &str) -> Result<Option<ProfileRecord>, StorageError> {
    let row = sqlx::query(
        "SELECT p.id, p.given_name, p.family_name, p.preferred_lang, f.birth_date, \
         f.citizenship, f.phone, f.domicile_country, f.domicile_region, f.domicile_locality, \
         f.domicile_address, COALESCE(f.version, 0) AS version \
         FROM persons p LEFT JOIN profiles f ON f.person_id = p.id WHERE p.id = $1",
    )
    .bind(person_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let preferences = preferences(&mut *db.pool().acquire().await?, person_id).await?;
    Ok(Some(ProfileRecord {
        person_id: row.try_get("id")?,
        given_name: row.try_get("given_name")?,
        family_name: row.try_get("family_name")?,
        preferred_lang: row.try_get("preferred_lang")?,
        birth_date: row.try_get("birth_date")?,
        citizenship: row.try_get("citizenship")?,
        phone: row.try_get("phone")?,
        domicile_country: row.try_get("domicile_country")?,
        domicile_region: row.try_get("domicile_region")?,
        domicile_locality: row.try_get("domicile_locality")?,
        domicile_address: row.try_get("domicile_address")?,
        version: row.try_get("version")?,
        preferences,
    }))
}

/// The person's notification preferences, read on `conn` (which may be the
/// caller's transaction): defaults where they chose nothing.
pub async fn preferences(
    conn: &mut AnyConnection,
    person_id: &str,
) -> Result<NotificationPreferences, StorageError> {
    let chosen = sqlx::query(
        "SELECT kind, channel, enabled FROM notification_preferences WHERE person_id = $1",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut preferences = NotificationPreferences::default();
    for choice in &chosen {
        apply_choice(&mut preferences, choice)?;
    }
    Ok(preferences)
}

/// Applies one row's `kind`, `channel` and `enabled` to `preferences`; a
/// row without a kind (an outer join that found no choice) changes nothing.
pub(crate) fn apply_choice(
    preferences: &mut NotificationPreferences,
    choice: &AnyRow,
) -> Result<(), StorageError> {
    let kind: Option<String> = choice.try_get("kind")?;
    let channel: Option<String> = choice.try_get("channel")?;
    let enabled: Option<i64> = choice.try_get("enabled")?;
    // A kind retired since the choice was made is no longer offered.
    if let (Some(kind), Some(channel), Some(enabled)) = (
        kind.as_deref().and_then(NotificationKind::parse),
        channel.as_deref().and_then(NotificationChannel::parse),
        enabled,
    ) {
        preferences.set(kind, channel, enabled != 0);
    }
    Ok(())
}

/// Saves the profile in the caller's transaction if it is still at
/// `expected_version`; returns the new version.
pub async fn save(
    conn: &mut AnyConnection,
    update: &ProfileUpdate<'_>,
    expected_version: i64,
    now: i64,
) -> Result<Result<i64, StaleVersion>, StorageError> {
    let written = if expected_version == 0 {
        profile_fields(
            sqlx::query(
                "INSERT INTO profiles (person_id, birth_date, citizenship, phone, \
                 domicile_country, domicile_locality, domicile_address, updated_at, \
                 domicile_region, version) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) ON CONFLICT (person_id) DO NOTHING",
            ),
            update,
            now,
        )
        .execute(&mut *conn)
        .await?
    } else {
        profile_fields(
            sqlx::query(
                "UPDATE profiles SET birth_date = $2, citizenship = $3, phone = $4, \
                 domicile_country = $5, domicile_locality = $6, domicile_address = $7, \
                 updated_at = $8, domicile_region = $9, version = version + 1 \
                 WHERE person_id = $1 AND version = $10",
            ),
            update,
            now,
        )
        .bind(expected_version)
        .execute(&mut *conn)
        .await?
    };
    if written.rows_affected() != 1 {
        return Ok(Err(StaleVersion));
    }
    sqlx::query(
        "UPDATE persons SET given_name = $2, family_name = $3, preferred_lang = $4, \
         updated_at = $5, version = version + 1 WHERE id = $1",
    )
    .bind(update.person_id)
    .bind(update.given_name)
    .bind(update.family_name)
    .bind(update.preferred_lang)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(Ok(expected_version + 1))
}

/// Binds $1 to $9 of the profile's INSERT and UPDATE.
fn profile_fields<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    update: &ProfileUpdate<'q>,
    now: i64,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    query
        .bind(update.person_id)
        .bind(update.birth_date)
        .bind(update.citizenship)
        .bind(update.phone)
        .bind(update.domicile_country)
        .bind(update.domicile_locality)
        .bind(update.domicile_address)
        .bind(now)
        .bind(update.domicile_region)
}

/// Stores every (kind, channel) choice in the caller's transaction.
pub async fn save_preferences(
    conn: &mut AnyConnection,
    person_id: &str,
    preferences: &NotificationPreferences,
) -> Result<(), StorageError> {
    for (kind, channel, enabled) in preferences.all() {
        sqlx::query(
            "INSERT INTO notification_preferences (person_id, kind, channel, enabled) \
             VALUES ($1, $2, $3, $4) \
             ON CONFLICT (person_id, kind, channel) DO UPDATE SET enabled = excluded.enabled",
        )
        .bind(person_id)
        .bind(kind.code())
        .bind(channel.code())
        .bind(i64::from(enabled))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::accounts::{NewPerson, insert_person};
    use crate::testing::TestDatabase;

    #[tokio::test]
    async fn choices_no_longer_offered_are_ignored_and_the_rest_default() {
        let test = TestDatabase::new().await;
        let db = &test.db;
        assert!(load(db, "nobody").await.unwrap().is_none());
        let mut tx = db.pool().begin().await.unwrap();
        let person = NewPerson {
            id: "p1",
            email: "ana@example.ro",
            password_hash: "x",
            role: "citizen",
            preferred_lang: "ro",
            now: 1,
        };
        assert!(insert_person(&mut tx, &person).await.unwrap());
        for (kind, channel, enabled) in [
            ("marketing", "email", 1_i64),
            ("document-ready", "sms", 1),
            ("document-expiry", "email", 0),
            ("account-security", "email", 0),
        ] {
            sqlx::query(
                "INSERT INTO notification_preferences (person_id, kind, channel, enabled) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind("p1")
            .bind(kind)
            .bind(channel)
            .bind(enabled)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        let profile = load(db, "p1").await.unwrap().unwrap();
        assert_eq!(profile.version, 0);
        let mut expected = NotificationPreferences::default();
        expected.set(
            NotificationKind::DocumentReady,
            NotificationChannel::Sms,
            true,
        );
        expected.set(
            NotificationKind::DocumentExpiry,
            NotificationChannel::Email,
            false,
        );
        assert_eq!(profile.preferences, expected);
        assert!(profile.preferences.is_enabled(
            NotificationKind::AccountSecurity,
            NotificationChannel::Email
        ));
        test.cleanup().await;
    }
}
