//! Who may give someone access to another person's data. A member of staff
//! who records a power of attorney, a guardianship or an identity check opens
//! a door; the door must lead only to work of their own offices, and never to
//! themselves or to a colleague of the authority that handles the case.

use super::Role;

/// A member of staff as far as granting goes: who they are, their role and
/// the authority they are posted to (none for an installation-wide
/// administrator).
#[derive(Debug, Clone, Copy)]
pub struct Grantor<'a> {
    pub person_id: &'a str,
    pub role: Role,
    pub authority_id: Option<&'a str>,
}

/// The person a grant would open access for.
#[derive(Debug, Clone, Copy)]
pub struct Grantee<'a> {
    pub person_id: &'a str,
    pub role: Role,
    pub authority_id: Option<&'a str>,
}

impl Grantee<'_> {
    /// Staff of `authority` (an installation-wide administrator is staff of
    /// every authority).
    fn works_for(&self, authority: &str) -> bool {
        self.role != Role::Citizen && self.authority_id.is_none_or(|a| a == authority)
    }
}

/// Why a grant is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantRefusal {
    /// Nobody grants themselves access.
    SelfGrant,
    /// The case is not among the work of the grantor's offices (the same
    /// answer as for a case that does not exist).
    CaseOutOfReach,
    /// The principal must be the person the case is about.
    NotTheHolder,
    /// A member of the authority's staff may not become a representative on
    /// a case the authority handles.
    StaffRepresentative,
    /// Citizens do not record grants.
    NotStaff,
}

impl GrantRefusal {
    /// A stable code for messages and problems.
    pub fn code(self) -> &'static str {
        match self {
            GrantRefusal::SelfGrant => "grant-self",
            GrantRefusal::CaseOutOfReach => "grant-case-out-of-reach",
            GrantRefusal::NotTheHolder => "grant-not-the-holder",
            GrantRefusal::StaffRepresentative => "grant-staff-representative",
            GrantRefusal::NotStaff => "grant-not-staff",
        }
    }
}

/// The case a power of attorney names, as the grant rule needs it.
#[derive(Debug, Clone, Copy)]
pub struct NamedCase<'a> {
    pub authority_id: &'a str,
    /// The person the case is about, when it is about an adult with an account.
    pub holder_person_id: Option<&'a str>,
    /// Whether the case's office is one the grantor serves.
    pub office_served: bool,
}

/// May `grantor` record a power of attorney from `principal_id` to
/// `representative` for `case` (`None`: no such case)?
pub fn power_of_attorney(
    grantor: Grantor<'_>,
    principal_id: &str,
    representative: Grantee<'_>,
    case: Option<NamedCase<'_>>,
) -> Result<(), GrantRefusal> {
    staff_only(grantor)?;
    if representative.person_id == grantor.person_id || principal_id == grantor.person_id {
        return Err(GrantRefusal::SelfGrant);
    }
    let case = case
        .filter(|c| c.office_served && grantor.authority_id.is_none_or(|a| a == c.authority_id))
        .ok_or(GrantRefusal::CaseOutOfReach)?;
    if case.holder_person_id != Some(principal_id) {
        return Err(GrantRefusal::NotTheHolder);
    }
    if representative.works_for(case.authority_id) {
        return Err(GrantRefusal::StaffRepresentative);
    }
    Ok(())
}

/// May `grantor` confirm or record `guardian_id` as a guardian? Never their
/// own: a relationship of a member of staff is decided by a colleague.
pub fn guardianship(grantor: Grantor<'_>, guardian_id: &str) -> Result<(), GrantRefusal> {
    staff_only(grantor)?;
    if guardian_id == grantor.person_id {
        return Err(GrantRefusal::SelfGrant);
    }
    Ok(())
}

/// May `grantor` record an in-person identity check of `person`? Never of
/// themselves; the account of a colleague is checked by a supervisor or an
/// administrator, not by a fellow operator.
pub fn identity_check(grantor: Grantor<'_>, person: Grantee<'_>) -> Result<(), GrantRefusal> {
    staff_only(grantor)?;
    if person.person_id == grantor.person_id {
        return Err(GrantRefusal::SelfGrant);
    }
    if grantor.role == Role::Operator && person.role != Role::Citizen {
        return Err(GrantRefusal::StaffRepresentative);
    }
    Ok(())
}

fn staff_only(grantor: Grantor<'_>) -> Result<(), GrantRefusal> {
    if grantor.role == Role::Citizen {
        return Err(GrantRefusal::NotStaff);
    }
    Ok(())
}

#[cfg(test)]
#[path = "grant_tests.rs"]
mod tests;
