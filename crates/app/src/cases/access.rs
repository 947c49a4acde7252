//! Who may see and act on a case. Checked for every case route through
//! `citizen_case`, so no handler can forget it: anyone without a relation to
//! the case gets the same 404 as for a case that does not exist.

use crate::accounts::CurrentPerson;
use crate::accounts::household::acting_guardian_of;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::account::representation::PowerOfAttorney;
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::representations;

/// How a citizen is related to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The case is about them.
    Holder,
    /// A guardian of the minor the case is about, while the guardianship lasts.
    Guardian,
    /// Empowered by a power of attorney in force for this very case.
    Representative,
}

/// The relation `person_id` has to `case`, if any.
pub async fn relation(
    state: &App,
    person_id: &str,
    case: &CaseRecord,
) -> Result<Option<Relation>, AppError> {
    if case.holder_person_id.as_deref() == Some(person_id) {
        return Ok(Some(Relation::Holder));
    }
    if let Some(ward) = &case.holder_ward_id
        && acting_guardian_of(state, ward, person_id).await?.is_some()
    {
        return Ok(Some(Relation::Guardian));
    }
    if let Some(reference) = &case.reference {
        for r in representations::for_case(&state.db, reference).await? {
            if r.representative_id != person_id || r.revoked {
                continue;
            }
            let (Ok(issued_on), Ok(expires_on)) = (r.issued_on.parse(), r.expires_on.parse())
            else {
                continue;
            };
            let poa = PowerOfAttorney {
                number: r.attorney_number.clone(),
                issued_on,
                expires_on,
                scope: r.scope.clone(),
                case_reference: r.case_reference.clone(),
            };
            let today = crate::accounts::household::today_at(state, Some(&r.office_id));
            // The power of attorney must come from the holder of the case.
            if poa.permits(reference, today)
                && case.holder_person_id.as_deref() == Some(&r.principal_id)
            {
                return Ok(Some(Relation::Representative));
            }
        }
    }
    Ok(None)
}

/// The case `case_id` if the signed-in person may reach it; `None` looks
/// exactly like a case that does not exist.
pub async fn citizen_case(
    state: &App,
    current: &CurrentPerson,
    case_id: &str,
) -> Result<Option<(CaseRecord, Relation)>, AppError> {
    let Some(case) = cases::get(&state.db, case_id).await? else {
        return Ok(None);
    };
    Ok(relation(state, &current.person.id, &case)
        .await?
        .map(|r| (case, r)))
}
