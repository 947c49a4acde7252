//! Demonstration people for `ghiseu serve --demo`: verified accounts whose
//! passwords are chosen afresh at every start and printed once.

use super::{IfRegistered, add_verified_person, generated_password};
use crate::error::ApiError;
use ghiseu_domain::account::{EmailAddress, Role};
use ghiseu_storage::Database;

pub struct DemoPerson {
    pub email: &'static str,
    pub role: &'static str,
    pub password: String,
}

const PEOPLE: [(&str, Role); 3] = [
    ("ana.popescu@demo.ghiseu.example", Role::Citizen),
    ("operator.alba@demo.ghiseu.example", Role::Operator),
    ("admin@demo.ghiseu.example", Role::Administrator),
];

pub async fn seed(db: &Database, now: jiff::Timestamp) -> Result<Vec<DemoPerson>, ApiError> {
    let mut people = Vec::new();
    for (email, role) in PEOPLE {
        let address = EmailAddress::parse(email)
            .map_err(|e| ApiError::Internal(format!("demo address {email}: {e}")))?;
        let password = format!("demo-{}", &generated_password()?[..16]);
        add_verified_person(
            db,
            &address,
            role,
            password.clone(),
            now,
            IfRegistered::ResetPassword,
        )
        .await?;
        people.push(DemoPerson {
            email,
            role: role.code(),
            password,
        });
    }
    Ok(people)
}
