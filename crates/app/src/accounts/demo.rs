//! Demonstration data for `ghiseu serve --demo`: verified accounts whose
//! passwords are printed at start — a citizen with two children, an
//! operator for every office, a supervisor and an administrator.
//!
//! Servers sharing one database seed in turn, so nothing is made twice. The
//! passwords are chosen afresh at every start, unless the servers share a
//! demonstration secret: then each address's password follows from it, every
//! server prints the same, and a server finding them already set changes
//! nothing (nor signs anyone out).

use super::{IfRegistered, add_verified_person, generated_password, secrets};
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::account::{EmailAddress, NotificationPreferences, Role};
use ghiseu_domain::catalogue::Catalogue;
use ghiseu_payments::Secret;
use ghiseu_storage::accounts;
use ghiseu_storage::households::{self, NewWard};
use ghiseu_storage::profiles::{self, ProfileUpdate};
use ghiseu_storage::staff::{self, Posting};
use ghiseu_storage::{Database, Turn};

pub struct DemoPerson {
    pub email: String,
    pub role: &'static str,
    pub password: String,
}

/// Where the demonstration accounts' passwords come from.
#[derive(Clone, Default)]
pub enum DemoPasswords {
    /// New random ones at every start.
    #[default]
    Fresh,
    /// Each address's own, derived from a secret the servers of one
    /// installation share (at least 32 bytes).
    Derived(Secret),
}

impl DemoPasswords {
    fn for_address(&self, email: &str) -> Result<String, AppError> {
        let digits = match self {
            DemoPasswords::Fresh => generated_password()?,
            DemoPasswords::Derived(secret) => {
                secret.sign("ghiseu demo password", &[("email", email)])
            }
        };
        Ok(format!("demo-{}", &digits[..16]))
    }
}

const CITIZEN: &str = "ana.popescu@demo.ghiseu.example";
const ALBA_OFFICE: &str = "ab-alba-iulia";

/// The demonstration citizen's children, confirmed at the Alba office,
/// with their personal ids (valid CNPs of Alba, county code 01).
pub const CHILDREN: [(&str, &str, &str, &str); 2] = [
    ("Ioana", "Popescu", "2016-05-10", "6160510011237"),
    ("Mihai", "Popescu", "2012-09-03", "5120903011231"),
];

/// Who to create: address, role, authority, offices.
fn people(catalogue: &Catalogue) -> Vec<(String, Role, Option<String>, Vec<String>)> {
    let mut out = vec![(CITIZEN.to_string(), Role::Citizen, None, Vec::new())];
    for office in catalogue.offices() {
        // The Alba passport office keeps the short address the guides use.
        let email = if office.id == ALBA_OFFICE {
            "operator.alba@demo.ghiseu.example".to_string()
        } else {
            format!("operator.{}@demo.ghiseu.example", office.id)
        };
        out.push((
            email,
            Role::Operator,
            Some(office.authority_id.clone()),
            vec![office.id.clone()],
        ));
    }
    if let Some(alba) = catalogue.office(ALBA_OFFICE) {
        out.push((
            "supervisor.alba@demo.ghiseu.example".into(),
            Role::Supervisor,
            Some(alba.authority_id.clone()),
            Vec::new(),
        ));
    }
    out.push((
        "admin@demo.ghiseu.example".into(),
        Role::Administrator,
        None,
        Vec::new(),
    ));
    out
}

/// Creates what is missing of the demonstration data and sets the people's
/// passwords, in this database's turn (other servers sharing it wait).
pub async fn seed(
    state: &App,
    now: jiff::Timestamp,
    passwords: &DemoPasswords,
) -> Result<Vec<DemoPerson>, AppError> {
    let turn = state.db.exclusively(Turn::DemoData).await?;
    let seeded = seed_in_turn(state, now, passwords).await;
    turn.release().await;
    seeded
}

async fn seed_in_turn(
    state: &App,
    now: jiff::Timestamp,
    passwords: &DemoPasswords,
) -> Result<Vec<DemoPerson>, AppError> {
    let db = &state.db;
    let catalogue = &state.catalogue;
    let micros = now.as_microsecond();
    let mut seeded = Vec::new();
    let mut citizen_id = None;
    let mut alba_operator = None;
    for (email, role, authority, offices) in people(catalogue) {
        let address = EmailAddress::parse(&email)
            .map_err(|e| AppError::Internal(format!("demo address {email}: {e}")))?;
        let password = passwords.for_address(&email)?;
        let kept = match passwords {
            DemoPasswords::Derived(_) => already_set(db, &email, role, &password).await?,
            DemoPasswords::Fresh => None,
        };
        let id = match kept {
            Some(id) => id,
            None => set_up(db, &address, role, &password, &authority, &offices, now).await?,
        };
        if role == Role::Citizen {
            citizen_id = Some(id.clone());
        } else if offices.iter().any(|o| o == ALBA_OFFICE) {
            alba_operator = Some(id.clone());
        }
        seeded.push(DemoPerson {
            email,
            role: role.code(),
            password,
        });
    }
    if let (Some(citizen), Some(operator)) = (citizen_id, alba_operator) {
        household(db, &citizen, &operator, micros).await?;
        crate::cases::demo::seed(state, &citizen, &operator).await?;
    }
    Ok(seeded)
}

/// The person at `email`, when they already have `role` and `password` (set
/// by another server of the installation, or before a restart).
async fn already_set(
    db: &Database,
    email: &str,
    role: Role,
    password: &str,
) -> Result<Option<String>, AppError> {
    let Some(person) = accounts::person_by_email(db, email).await? else {
        return Ok(None);
    };
    if person.role != role || person.email_verified_at.is_none() {
        return Ok(None);
    }
    let matches = secrets::verify_password(password.to_string(), person.password_hash.clone())
        .await
        .map_err(|e| AppError::Unavailable(e.to_string()))?;
    Ok(matches.then_some(person.id))
}

/// Creates the person (or gives them `password` again), verified, and posts
/// a member of staff.
async fn set_up(
    db: &Database,
    address: &EmailAddress,
    role: Role,
    password: &str,
    authority: &Option<String>,
    offices: &[String],
    now: jiff::Timestamp,
) -> Result<String, AppError> {
    let id = add_verified_person(
        db,
        address,
        role,
        password.to_string(),
        now,
        IfRegistered::ResetPassword,
    )
    .await?
    .ok_or_else(|| AppError::Internal(format!("demo person {address} not created")))?;
    if role != Role::Citizen {
        let mut tx = db.begin_write().await?;
        let posting = Posting {
            authority_id: authority.clone(),
            office_ids: offices.to_vec(),
        };
        staff::assign(&mut tx, &id, role.code(), &posting, now.as_microsecond()).await?;
        tx.commit().await?;
    }
    Ok(id)
}

/// The citizen's profile in Alba and their two confirmed children, made once.
async fn household(db: &Database, citizen: &str, operator: &str, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let update = ProfileUpdate {
        person_id: citizen,
        given_name: "Ana",
        family_name: "Popescu",
        preferred_lang: "ro",
        birth_date: Some("1986-02-14"),
        citizenship: Some("RO"),
        phone: None,
        domicile_country: Some("RO"),
        domicile_region: Some("RO-AB"),
        domicile_locality: Some("Alba Iulia"),
        domicile_address: Some("Strada Mihai Viteazul 5"),
    };
    // An existing profile (a restart on the same data) stays as it is.
    if profiles::save(&mut tx, &update, 0, now).await?.is_ok() {
        profiles::save_preferences(&mut tx, citizen, &NotificationPreferences::default()).await?;
    }
    if households::of_guardian_in(&mut tx, citizen).await? == 0 {
        for (given, family, birth, national_id) in CHILDREN {
            let id = uuid::Uuid::now_v7().to_string();
            let ward = NewWard {
                id: &id,
                given_name: given,
                family_name: family,
                birth_date: birth,
                national_id: Some(("RO", national_id)),
                guardian_id: citizen,
                relationship: "parent",
                evidence: "birth-certificate",
                office_id: ALBA_OFFICE,
                now,
            };
            households::record_confirmed(&mut tx, &ward, operator).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
