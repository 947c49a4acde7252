//! People and their accounts: addresses, passwords, roles and how well their
//! identity is known.

mod email;
pub mod grant;
pub mod household;
mod message_kind;
mod password;
mod phone;
mod profile;
pub mod representation;

pub use email::{EmailAddress, EmailError};
pub use message_kind::MessageKind;
pub use password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordProblem, check_password};
pub use phone::{DialCountry, PhoneError, PhoneNumber, dial_country, parse_optional_phone};
pub use profile::{
    CountryCode, MAX_ADDRESS_CHARS, MAX_AGE_YEARS, MAX_LOCALITY_CHARS, MAX_NAME_CHARS,
    NotificationChannel, NotificationKind, NotificationPreferences, PersonName, ProfileProblem,
    parse_birth_date, parse_free_text,
};

use serde::{Deserialize, Serialize};

/// What a person may do in Ghiseu; operators also belong to offices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Citizen,
    Operator,
    Supervisor,
    Administrator,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::Operator => "operator",
            Role::Supervisor => "supervisor",
            Role::Administrator => "administrator",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [
            Role::Citizen,
            Role::Operator,
            Role::Supervisor,
            Role::Administrator,
        ]
        .into_iter()
        .find(|r| r.code() == s)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A role read back from where it is kept, compared with its code.
impl PartialEq<&str> for Role {
    fn eq(&self, code: &&str) -> bool {
        self.code() == *code
    }
}

/// How well a person's identity is established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssuranceLevel {
    /// A verified e-mail address only.
    Email,
    /// An operator checked an identity document at a counter.
    InPerson,
    /// A bank card's 3-D Secure check through a payment provider.
    Card,
}

impl AssuranceLevel {
    pub const ALL: [AssuranceLevel; 3] = [
        AssuranceLevel::Email,
        AssuranceLevel::InPerson,
        AssuranceLevel::Card,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AssuranceLevel::Email => "email",
            AssuranceLevel::InPerson => "in-person",
            AssuranceLevel::Card => "card",
        }
    }

    pub fn parse(s: &str) -> Option<AssuranceLevel> {
        [
            AssuranceLevel::Email,
            AssuranceLevel::InPerson,
            AssuranceLevel::Card,
        ]
        .into_iter()
        .find(|l| l.code() == s)
    }

    /// Whether the identity is proven beyond an e-mail address, which is
    /// what binding a national id to the account needs.
    pub fn is_verified_identity(self) -> bool {
        !matches!(self, AssuranceLevel::Email)
    }
}
