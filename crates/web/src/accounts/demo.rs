//! Demonstration people for `ghiseu serve --demo`: verified accounts whose
//! passwords are chosen afresh at every start and printed once.

use super::secrets::{hash_password, random_token};
use crate::error::ApiError;
use ghiseu_storage::accounts::{self, NewPerson};
use ghiseu_storage::{Database, StorageError};

pub struct DemoPerson {
    pub email: &'static str,
    pub role: &'static str,
    pub password: String,
}

const PEOPLE: [(&str, &str); 3] = [
    ("ana.popescu@demo.ghiseu.example", "citizen"),
    ("operator.alba@demo.ghiseu.example", "operator"),
    ("admin@demo.ghiseu.example", "administrator"),
];

pub async fn seed(db: &Database, now: jiff::Timestamp) -> Result<Vec<DemoPerson>, ApiError> {
    let micros = now.as_microsecond();
    let mut people = Vec::new();
    for (email, role) in PEOPLE {
        let secret = random_token().map_err(|e| ApiError::Unavailable(e.to_string()))?;
        let password = format!("demo-{}", &secret[..16]);
        let hash = hash_password(password.clone())
            .await
            .map_err(|e| ApiError::Unavailable(e.to_string()))?;
        let mut tx = db.pool().begin().await.map_err(StorageError::from)?;
        let id = uuid::Uuid::now_v7().to_string();
        let person = NewPerson {
            id: &id,
            email,
            password_hash: &hash,
            role,
            preferred_lang: "ro",
            now: micros,
        };
        if !accounts::insert_person(&mut tx, &person).await? {
            let existing = accounts::person_by_email(db, email)
                .await?
                .ok_or_else(|| ApiError::Unavailable("demo person vanished".into()))?;
            accounts::set_password_hash(&mut tx, &existing.id, &hash, micros).await?;
            accounts::mark_email_verified(&mut tx, &existing.id, micros).await?;
        } else {
            accounts::mark_email_verified(&mut tx, &id, micros).await?;
        }
        tx.commit().await.map_err(StorageError::from)?;
        people.push(DemoPerson {
            email,
            role,
            password,
        });
    }
    Ok(people)
}
