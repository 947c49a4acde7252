//! The one rule for who may act for a child, used by cases, bookings and
//! every other place.

use super::{CurrentPerson, audit_event};
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::account::PersonName;
use ghiseu_domain::account::household::is_minor;
use ghiseu_storage::households::{self, NewWard, WardRecord};
use ghiseu_storage::{StorageError, audit};
use jiff::civil::Date;

/// A child's details and the evidence of the relationship, as checked.
pub struct WardFacts {
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub birth_date: Date,
    pub relationship: String,
    pub evidence: String,
    pub office_id: String,
    /// The child's personal id, where the guardian gave it.
    pub national_id: Option<ghiseu_domain::national_id::NationalId>,
}

impl WardFacts {
    /// The child's row, `birth_date` being this child's birth date as kept.
    pub fn row<'a>(
        &'a self,
        id: &'a str,
        guardian_id: &'a str,
        birth_date: &'a str,
        now: i64,
    ) -> NewWard<'a> {
        NewWard {
            id,
            given_name: self.given_name.as_str(),
            family_name: self.family_name.as_str(),
            birth_date,
            national_id: self
                .national_id
                .as_ref()
                .map(|id| (id.country().code(), id.expose())),
            guardian_id,
            relationship: &self.relationship,
            evidence: &self.evidence,
            office_id: &self.office_id,
            now,
        }
    }
}

/// A guardian asks to act for a child; an operator of the office named
/// confirms it once they have seen the evidence. Answers the child's id.
pub async fn request_guardianship(
    state: &App,
    guardian: &CurrentPerson,
    ward: &WardFacts,
) -> Result<String, AppError> {
    let id = uuid::Uuid::now_v7().to_string();
    let mut tx = state.db.begin_write().await?;
    let birth_date = ward.birth_date.to_string();
    let now = state.clock.now().as_microsecond();
    let new = ward.row(&id, &guardian.person.id, &birth_date, now);
    households::request(&mut tx, &new).await?;
    let mut event = audit_event(
        state,
        "household.requested",
        Some(&guardian.person.id),
        None,
    );
    event.on_behalf_of = Some(id.clone());
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(id)
}

/// Today where the relationship was recorded: the 18th birthday begins at
/// midnight in the time zone of that office's authority.
pub fn today_at(state: &App, office_id: Option<&str>) -> Date {
    let zone = office_id
        .and_then(|id| state.catalogue.office(id))
        .map_or(jiff::tz::TimeZone::UTC, |o| o.time_zone.clone());
    state.clock.now().to_zoned(zone).date()
}

/// The one rule for who may act for a child, used by cases, bookings and
/// every other place: the child's record when `guardian_id` is their guardian
/// by a confirmed relationship that has not ended with the 18th birthday.
pub async fn acting_guardian_of(
    state: &App,
    ward_id: &str,
    guardian_id: &str,
) -> Result<Option<WardRecord>, StorageError> {
    Ok(households::one(&state.db, ward_id, guardian_id)
        .await?
        .filter(|ward| is_active(state, ward)))
}

/// A confirmed relationship that has not ended with the 18th birthday.
pub fn is_active(state: &App, ward: &WardRecord) -> bool {
    is_active_on(ward, today_at(state, ward.office_id.as_deref()))
}

/// Whether the relationship holds on `today` (as a reminder scan asks).
pub fn is_active_on(ward: &WardRecord, today: Date) -> bool {
    ward.status == "confirmed"
        && ward
            .birth_date
            .parse::<Date>()
            .is_ok_and(|b| is_minor(b, today))
}
