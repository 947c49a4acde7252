//! The back office: who a member of staff is and which offices' work they see.

pub mod cases;
pub mod closures;
pub mod counter;
pub mod grants;
pub mod handover;
pub mod public;

use crate::accounts::CurrentPerson;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::account::Role;
use ghiseu_domain::catalogue::{Catalogue, Office};
use ghiseu_storage::staff::Posting;

/// A signed-in member of staff and where they work. Checked by the
/// extractor, so no office handler can forget it: citizens get 403, strangers
/// the login page.
pub struct Staff {
    pub current: CurrentPerson,
    pub role: Role,
    pub posting: Posting,
    /// Where the request came from, for the audit log.
    pub client: String,
}

impl Staff {
    /// An audit event of this member of staff acting on `subject`'s data.
    pub fn audit_event(
        &self,
        state: &App,
        action: &str,
        subject: Option<&str>,
    ) -> ghiseu_domain::audit::AuditEvent {
        let mut event = ghiseu_domain::audit::AuditEvent::new(state.clock.now(), action);
        event.actor = Some(self.current.person.id.clone());
        event.actor_role = Some(self.role.code().to_string());
        event.subject = subject.map(String::from);
        event.source_ip = Some(self.client.clone());
        event
    }

    /// The offices whose work this person may see and do: an operator their
    /// own offices of their authority; a supervisor and an administrator every
    /// office of their authority (an administrator with no authority, all).
    pub fn offices<'a>(&self, catalogue: &'a Catalogue) -> Vec<&'a Office> {
        let authority = self.posting.authority_id.as_deref();
        catalogue
            .offices()
            .filter(|o| match self.role {
                Role::Operator => {
                    authority == Some(o.authority_id.as_str())
                        && self.posting.office_ids.contains(&o.id)
                }
                Role::Supervisor => authority == Some(o.authority_id.as_str()),
                Role::Administrator => authority.is_none_or(|a| a == o.authority_id),
                Role::Citizen => false,
            })
            .collect()
    }

    /// This member of staff as the grant rules see them.
    pub fn grantor(&self) -> ghiseu_domain::account::grant::Grantor<'_> {
        ghiseu_domain::account::grant::Grantor {
            person_id: &self.current.person.id,
            role: self.role,
            authority_id: self.posting.authority_id.as_deref(),
        }
    }

    pub fn office_ids(&self, catalogue: &Catalogue) -> Vec<String> {
        self.offices(catalogue)
            .into_iter()
            .map(|o| o.id.clone())
            .collect()
    }

    pub fn serves(&self, catalogue: &Catalogue, office_id: &str) -> bool {
        self.offices(catalogue).iter().any(|o| o.id == office_id)
    }
}

impl Staff {
    /// The member of staff behind an API session; anyone else is refused
    /// with a problem, as the API answers.
    pub async fn for_api(
        state: &App,
        current: CurrentPerson,
        client: String,
    ) -> Result<Staff, AppError> {
        match current.person.role {
            role @ (Role::Operator | Role::Supervisor | Role::Administrator) => {
                let posting = ghiseu_storage::staff::posting(&state.db, &current.person.id).await?;
                Ok(Staff {
                    current,
                    role,
                    posting,
                    client,
                })
            }
            _ => Err(crate::refusal::OfficeRefusal::StaffOnly.into()),
        }
    }
}

/// An identity document's number as kept: every letter and digit but the
/// last three replaced by `mark`, so a record names the document without
/// holding it.
pub fn mask_document(number: &str, mark: char) -> String {
    let chars: Vec<char> = number.chars().collect();
    let keep = chars.len().saturating_sub(3);
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < keep && c.is_alphanumeric() {
                mark
            } else {
                *c
            }
        })
        .collect()
}
