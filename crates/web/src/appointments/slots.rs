//! Free slots: the slots the catalogue derives for a day, less the seats
//! the database counts as taken. What this process read is reused for half a
//! second, so a crowd searching the same day costs one query; a hold made
//! here forgets it at once, and the hold itself is always checked against
//! the database.

use super::book::{Place, closures_on};
use super::in_flight::InFlight;
use crate::error::ApiError;
use crate::state::AppState;
use ghiseu_domain::appointment::{Closure, Schedule, Slot};
use ghiseu_storage::appointments;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const FRESH_MS: i64 = 500;
/// How long one-off closures read from the database are reused.
const CLOSURES_FRESH_MS: i64 = 5_000;

pub(crate) type Key = (String, String, Date);
/// Seats taken per cell start, and when they were read (milliseconds).
type Taken = (i64, Arc<HashMap<i64, i64>>);

type Closures = (i64, Arc<Vec<Closure>>);

#[derive(Debug, Default)]
pub(crate) struct SlotCache {
    days: Mutex<HashMap<Key, Taken>>,
    closures: Mutex<HashMap<(String, Date), Closures>>,
    /// One reader of the database at a time when a day goes stale, so a
    /// crowd arriving together costs one query, not one each.
    reading: tokio::sync::Mutex<()>,
    pub(crate) in_flight: Arc<InFlight>,
    /// A day's slot grid as the catalogue derives it, with the closures it
    /// was derived under; a different closures list derives it again.
    grids: Mutex<HashMap<(Key, u16), Grid>>,
}

type Grid = (Arc<Vec<Closure>>, Arc<Vec<Slot>>);

impl SlotCache {
    /// Whether `people` fit in every cell, by what this process last read
    /// and has since written; None when it has not read the day lately.
    pub(crate) fn fits(
        &self,
        key: &Key,
        cells: &[i64],
        people: i64,
        capacity: i64,
        now_ms: i64,
    ) -> Option<bool> {
        let days = self.days.lock().ok()?;
        let (read_at, taken) = days.get(key)?;
        (now_ms - read_at < FRESH_MS).then(|| {
            cells
                .iter()
                .all(|cell| taken.get(cell).copied().unwrap_or(0) + people <= capacity)
        })
    }

    /// Counts seats this process just took, so the day it read stays exact
    /// for its own writes.
    pub(crate) fn add(&self, key: &Key, cells: &[i64], seats: i64) {
        if let Ok(mut days) = self.days.lock()
            && let Some((_, taken)) = days.get_mut(key)
        {
            let taken = Arc::make_mut(taken);
            for cell in cells {
                *taken.entry(*cell).or_insert(0) += seats;
            }
        }
    }

    fn grid(
        &self,
        key: Key,
        minutes: u16,
        closures: &Arc<Vec<Closure>>,
        derive: impl FnOnce() -> Vec<Slot>,
    ) -> Arc<Vec<Slot>> {
        if let Ok(grids) = self.grids.lock()
            && let Some((under, slots)) = grids.get(&(key.clone(), minutes))
            && Arc::ptr_eq(under, closures)
        {
            return slots.clone();
        }
        let slots = Arc::new(derive());
        if let Ok(mut grids) = self.grids.lock() {
            if grids.len() > 10_000 {
                grids.clear();
            }
            grids.insert((key, minutes), (closures.clone(), slots.clone()));
        }
        slots
    }

    fn fresh(&self, key: &Key, now_ms: i64) -> Option<Arc<HashMap<i64, i64>>> {
        let days = self.days.lock().ok()?;
        let (read_at, taken) = days.get(key)?;
        (now_ms - read_at < FRESH_MS).then(|| taken.clone())
    }

    pub(crate) fn closures(
        &self,
        office_id: &str,
        date: Date,
        now_ms: i64,
    ) -> Option<Arc<Vec<Closure>>> {
        let closures = self.closures.lock().ok()?;
        let (read_at, found) = closures.get(&(office_id.to_string(), date))?;
        (now_ms - read_at < CLOSURES_FRESH_MS).then(|| found.clone())
    }

    pub(crate) fn keep_closures(
        &self,
        office_id: &str,
        date: Date,
        now_ms: i64,
        closures: Arc<Vec<Closure>>,
    ) {
        if let Ok(mut kept) = self.closures.lock() {
            if kept.len() > 10_000 {
                kept.retain(|_, (read_at, _)| now_ms - *read_at < CLOSURES_FRESH_MS);
            }
            kept.insert((office_id.to_string(), date), (now_ms, closures));
        }
    }

    /// Forgets what this process read of an office's closures, so a closure
    /// just entered or removed here applies to the next search at once.
    pub(crate) fn forget_closures(&self, office_id: &str) {
        if let Ok(mut kept) = self.closures.lock() {
            kept.retain(|(office, _), _| office != office_id);
        }
    }

    pub(crate) fn forget(&self, office_id: &str, window: &str, date: Date) {
        if let Ok(mut days) = self.days.lock() {
            days.remove(&(office_id.to_string(), window.to_string(), date));
        }
    }
}

/// One slot as offered: when, and how many people it still takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FreeSlot {
    pub start: Timestamp,
    pub end: Timestamp,
    pub free: i64,
}

/// The day's slots for the place's service that can be booked now, with the
/// seats each still has (the fewest over its cells).
pub(crate) async fn free_on(
    state: &AppState,
    place: &Place<'_>,
    date: Date,
    now: Timestamp,
) -> Result<Vec<FreeSlot>, ApiError> {
    let closures = closures_on(state, &place.office.id, date).await?;
    let schedule = Schedule {
        office: place.office,
        window: place.window,
        calendar: &place.authority.calendar,
        policy: &place.authority.booking,
        closures: closures.as_slice(),
    };
    if !schedule.takes_bookings_on(date, now) {
        return Ok(Vec::new());
    }
    let grid = grid_of(state, place, &schedule, date, &closures);
    let slots: Vec<&Slot> = grid.iter().filter(|slot| slot.start > now).collect();
    if slots.is_empty() {
        return Ok(Vec::new());
    }
    let taken = taken_on(state, place, date, now).await?;
    let in_flight = state.slot_cache.in_flight.on(&key_of(place, date));
    let capacity = i64::from(place.window.counters);
    let seats = |cell: i64| {
        taken.get(&cell).copied().unwrap_or(0) + in_flight.get(&cell).copied().unwrap_or(0)
    };
    Ok(slots
        .into_iter()
        .map(|slot| {
            let free = slot
                .cells
                .iter()
                .map(|cell| capacity - seats(cell.as_second()))
                .min()
                .unwrap_or(0);
            FreeSlot {
                start: slot.start,
                end: slot.end,
                free,
            }
        })
        .collect())
}

/// Every slot of the place's service on `date`, derived once per closures list.
pub(crate) fn grid_of(
    state: &AppState,
    place: &Place<'_>,
    schedule: &Schedule<'_>,
    date: Date,
    closures: &Arc<Vec<Closure>>,
) -> Arc<Vec<Slot>> {
    let minutes = place.appointment.minutes;
    state
        .slot_cache
        .grid(key_of(place, date), minutes, closures, || {
            schedule.slots_on(date, minutes)
        })
}

/// The cache key of the place's window on `date`.
pub(crate) fn key_of(place: &Place<'_>, date: Date) -> Key {
    (
        place.office.id.clone(),
        place.window.kind.as_str().to_string(),
        date,
    )
}

pub(crate) async fn taken_on(
    state: &AppState,
    place: &Place<'_>,
    date: Date,
    now: Timestamp,
) -> Result<Arc<HashMap<i64, i64>>, ApiError> {
    let now_ms = now.as_millisecond();
    let key = key_of(place, date);
    if let Some(taken) = state.slot_cache.fresh(&key, now_ms) {
        return Ok(taken);
    }
    let _reading = state.slot_cache.reading.lock().await;
    if let Some(taken) = state.slot_cache.fresh(&key, now_ms) {
        return Ok(taken);
    }
    let zone = place.office.time_zone.clone();
    let from = date
        .to_zoned(zone.clone())
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .timestamp();
    let until = from + SignedDuration::from_hours(30);
    let taken = Arc::new(
        appointments::taken_seats(
            &state.db,
            &place.office.id,
            place.window.kind.as_str(),
            from.as_second(),
            until.as_second(),
            now.as_second(),
        )
        .await?,
    );
    if let Ok(mut days) = state.slot_cache.days.lock() {
        if days.len() > 10_000 {
            days.retain(|_, (read_at, _)| now_ms - *read_at < FRESH_MS);
        }
        days.insert(key, (now_ms, taken.clone()));
    }
    Ok(taken)
}

/// The first slot from `from` on with room for `people`, looking at the
/// days the office is open and that are released, in order.
pub(crate) async fn first_free(
    state: &AppState,
    place: &Place<'_>,
    people: i64,
    now: Timestamp,
) -> Result<Option<FreeSlot>, ApiError> {
    let schedule = Schedule {
        office: place.office,
        window: place.window,
        calendar: &place.authority.calendar,
        policy: &place.authority.booking,
        closures: &[],
    };
    for date in schedule.open_days(now) {
        if let Some(slot) = free_on(state, place, date, now)
            .await?
            .into_iter()
            .find(|slot| slot.free >= people)
        {
            return Ok(Some(slot));
        }
    }
    Ok(None)
}
