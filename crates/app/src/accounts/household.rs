//! The one rule for who may act for a child, used by cases, bookings and
//! every other place.

use crate::state::App;
use ghiseu_domain::account::household::is_minor;
use ghiseu_storage::StorageError;
use ghiseu_storage::households::{self, WardRecord};
use jiff::civil::Date;

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
    let today = today_at(state, ward.office_id.as_deref());
    ward.status == "confirmed"
        && ward
            .birth_date
            .parse::<Date>()
            .is_ok_and(|b| is_minor(b, today))
}
