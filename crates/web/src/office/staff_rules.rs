//! What an administrator may give: a role, an authority they manage, and for
//! an operator at least one office of that authority. A refusal says whether
//! the administrator reached beyond what they manage (themselves, staff of
//! another authority, an authority or office not theirs).

use super::Staff;
use super::staff::{StaffForm, managed};
use crate::AppState;
use crate::accounts::FormError;
use crate::error::ApiError;
use ghiseu_domain::account::{EmailAddress, Role};
use ghiseu_i18n::Tr;
use ghiseu_storage::accounts::{self, PersonRecord};
use ghiseu_storage::staff::{self, Posting};

pub(super) async fn check(
    state: &AppState,
    t: Tr<'_>,
    admin: &Staff,
    form: &StaffForm,
) -> Result<Result<(PersonRecord, Role, Posting), (Vec<FormError>, bool)>, ApiError> {
    let mut errors = Vec::new();
    let mut out_of_reach = false;
    let person = match EmailAddress::parse(&form.email) {
        Ok(email) => accounts::person_by_email(&state.db, email.as_str()).await?,
        Err(_) => None,
    };
    let person = match person {
        Some(p) if p.id == admin.current.person.id => {
            errors.push(FormError::new(t, "email", "office-staff-error-self"));
            out_of_reach = true;
            None
        }
        Some(p) => {
            // Staff of an authority this administrator does not manage stay out of reach.
            let current = staff::posting(&state.db, &p.id).await?;
            let reachable = p.role == Role::Citizen
                || admin.posting.authority_id.is_none()
                || current.authority_id == admin.posting.authority_id;
            if reachable {
                Some(p)
            } else {
                errors.push(FormError::new(t, "email", "office-not-found"));
                out_of_reach = true;
                None
            }
        }
        None => {
            errors.push(FormError::new(t, "email", "office-not-found"));
            None
        }
    };
    let role = Role::parse(&form.role);
    if role.is_none() {
        errors.push(FormError::new(t, "role", "office-staff-error-role"));
    }
    let authorities = managed(state, admin);
    let authority = authorities.iter().find(|a| a.id == form.authority);
    let posting = match role {
        Some(Role::Citizen) => Some(Posting::default()),
        // Only an installation-wide administrator makes another one.
        Some(Role::Administrator) if form.authority.is_empty() => {
            if admin.posting.authority_id.is_none() {
                Some(Posting::default())
            } else {
                errors.push(FormError::new(
                    t,
                    "authority",
                    "office-staff-error-authority",
                ));
                out_of_reach = true;
                None
            }
        }
        Some(role) => match authority {
            None => {
                errors.push(FormError::new(
                    t,
                    "authority",
                    "office-staff-error-authority",
                ));
                out_of_reach |= !form.authority.is_empty();
                None
            }
            Some(authority) => {
                let chosen: Vec<&str> = form.offices().collect();
                let foreign = chosen
                    .iter()
                    .any(|id| !authority.offices.iter().any(|o| o.id == *id));
                if foreign {
                    errors.push(FormError::new(
                        t,
                        "offices",
                        "office-staff-error-foreign-office",
                    ));
                    None
                } else if role == Role::Operator && chosen.is_empty() {
                    errors.push(FormError::new(t, "offices", "office-staff-error-no-office"));
                    None
                } else {
                    Some(Posting {
                        authority_id: Some(authority.id.clone()),
                        // Supervisors and administrators serve every office of the authority.
                        office_ids: if role == Role::Operator {
                            chosen.iter().map(|o| o.to_string()).collect()
                        } else {
                            Vec::new()
                        },
                    })
                }
            }
        },
        None => None,
    };
    Ok(match (person, role, posting) {
        (Some(person), Some(role), Some(posting)) if errors.is_empty() => {
            Ok((person, role, posting))
        }
        _ => Err((errors, out_of_reach)),
    })
}
