//! An office as the public sees it: where it is, when each window opens, how
//! to reach it, and the days ahead it is closed (public holidays and the
//! closures its administrators entered).

use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::catalogue::{Authority, Office};
use ghiseu_storage::appointments::{ClosureRow, upcoming_closures};
use jiff::ToSpan;
use jiff::civil::Date;

/// How far ahead holidays and closures are listed.
const AHEAD_DAYS: i64 = 90;

/// An office and the days ahead it is closed.
pub struct PublicOffice<'c> {
    pub office: &'c Office,
    pub authority: &'c Authority,
    pub today: Date,
    /// Public holidays from today to 90 days ahead: (day, name).
    pub holidays: Vec<(Date, String)>,
    /// Closures an administrator entered, from today to 90 days ahead.
    pub closures: Vec<ClosureRow>,
}

/// The office `id` for its public page; `None` for an unknown office.
pub async fn public<'c>(state: &'c App, id: &str) -> Result<Option<PublicOffice<'c>>, AppError> {
    let Some(office) = state.catalogue.office(id) else {
        return Ok(None);
    };
    let Some(authority) = state.catalogue.authority(&office.authority_id) else {
        return Ok(None);
    };
    let today = state.clock.today(authority);
    let last = today.checked_add(AHEAD_DAYS.days()).unwrap_or(today);
    let holidays = [today.year(), last.year()]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .flat_map(|year| authority.calendar.holidays(year))
        .filter(|(day, _)| *day >= today && *day <= last)
        .collect();
    let last_day = last.to_string();
    let closures = upcoming_closures(&state.db, &office.id, &today.to_string())
        .await?
        .into_iter()
        .filter(|c| c.day <= last_day)
        .collect();
    Ok(Some(PublicOffice {
        office,
        authority,
        today,
        holidays,
        closures,
    }))
}
