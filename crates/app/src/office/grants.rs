//! What staff grant: guardianships recorded or decided, powers of attorney
//! recorded, postings given. The web checks the form and the grant rules
//! (`ghiseu_domain::account::grant`) first; each use case here writes the
//! grant and its audit event in one transaction.

use super::Staff;
use crate::accounts::household::WardFacts;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::account::Role;
use ghiseu_domain::account::representation::PowerOfAttorney;
use ghiseu_storage::audit;
use ghiseu_storage::households;
use ghiseu_storage::representations::{self, NewRepresentation};
use ghiseu_storage::staff::{self, Posting};

/// Records a guardianship an operator saw the evidence of, confirmed at
/// once; answers the child's id.
pub async fn record_guardianship(
    state: &App,
    staff: &Staff,
    guardian_id: &str,
    ward: &WardFacts,
) -> Result<String, AppError> {
    let id = uuid::Uuid::now_v7().to_string();
    let mut tx = state.db.begin_write().await?;
    let birth_date = ward.birth_date.to_string();
    let now = state.clock.now().as_microsecond();
    let new = ward.row(&id, guardian_id, &birth_date, now);
    households::record_confirmed(&mut tx, &new, &staff.current.person.id).await?;
    let mut event = staff.audit_event(state, "household.recorded", Some(guardian_id));
    event.on_behalf_of = Some(id.clone());
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(id)
}

/// Confirms or rejects (`status`) a guardian's request at one of the
/// offices this member of staff serves; false when there was no such
/// pending request.
pub async fn decide_guardianship(
    state: &App,
    staff: &Staff,
    ward_id: &str,
    guardian_id: &str,
    status: &str,
) -> Result<bool, AppError> {
    let mut tx = state.db.begin_write().await?;
    let now = state.clock.now().as_microsecond();
    if !households::decide(
        &mut tx,
        ward_id,
        guardian_id,
        status,
        &staff.current.person.id,
        &staff.office_ids(&state.catalogue),
        now,
    )
    .await?
    {
        return Ok(false);
    }
    let mut event = staff.audit_event(state, &format!("household.{status}"), Some(guardian_id));
    event.on_behalf_of = Some(ward_id.to_string());
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(true)
}

/// Records a power of attorney presented at `office_id`; answers its id.
pub async fn record_representation(
    state: &App,
    staff: &Staff,
    principal_id: &str,
    representative_id: &str,
    attorney: &PowerOfAttorney,
    office_id: &str,
) -> Result<String, AppError> {
    let id = uuid::Uuid::now_v7().to_string();
    let mut tx = state.db.begin_write().await?;
    let new = NewRepresentation {
        id: &id,
        principal_id,
        representative_id,
        case_reference: &attorney.case_reference,
        attorney_number: &attorney.number,
        issued_on: &attorney.issued_on.to_string(),
        expires_on: &attorney.expires_on.to_string(),
        scope: &attorney.scope,
        office_id,
        recorded_by: &staff.current.person.id,
        now: state.clock.now().as_microsecond(),
    };
    representations::insert(&mut tx, &new).await?;
    let mut event = staff.audit_event(state, "representation.recorded", Some(principal_id));
    event.detail = serde_json::json!({
        "representation": id,
        "representative": representative_id,
        "case": attorney.case_reference,
    });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(id)
}

/// Gives a person a staff role and where they work.
pub async fn assign_staff(
    state: &App,
    admin: &Staff,
    person_id: &str,
    role: Role,
    posting: &Posting,
) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    let now = state.clock.now().as_microsecond();
    staff::assign(&mut tx, person_id, role.code(), posting, now).await?;
    let mut event = admin.audit_event(state, "staff.assigned", Some(person_id));
    event.detail = serde_json::json!({
        "role": role.code(),
        "authority": posting.authority_id,
        "offices": posting.office_ids,
    });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(())
}
