//! Free slots: the slots the catalogue derives for a day, less the seats
//! the database counts as taken. What this process read is reused for half a
//! second, and then while it is read again, so a crowd searching the same
//! day costs one query and never waits for it; a hold made here counts
//! itself in at once, and the hold itself is always checked against the
//! database.

use super::book::{Place, closures_on};
use super::in_flight::InFlight;
use crate::error::AppError;
use crate::refusal::Nearby;
use crate::state::App;
use ghiseu_domain::appointment::{Closure, Schedule, Slot};
use ghiseu_storage::appointments;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

const FRESH_MS: i64 = 500;
/// How old a day read from the database may be and still be answered from
/// while it is read again.
const STALE_MS: i64 = 5_000;
/// How long one-off closures read from the database are reused.
const CLOSURES_FRESH_MS: i64 = 5_000;

pub type Key = (String, String, Date);
/// Seats taken per cell start, and when they were read (milliseconds).
type Taken = (i64, Arc<HashMap<i64, i64>>);

type Closures = (i64, Arc<Vec<Closure>>);

#[derive(Debug, Default)]
pub struct SlotCache {
    days: Mutex<HashMap<Key, Taken>>,
    closures: Mutex<HashMap<(String, Date), Closures>>,
    /// One reader of the database at a time when a day goes stale, so a
    /// crowd arriving together costs one query, not one each.
    reading: tokio::sync::Mutex<()>,
    /// Days being read again in the background.
    refreshing: Mutex<HashSet<Key>>,
    /// Changes made here while a day is being read, to apply to what the
    /// read brings back.
    journals: Mutex<HashMap<Key, Vec<Change>>>,
    pub in_flight: Arc<InFlight>,
    /// A day's slot grid as the catalogue derives it, with the closures it
    /// was derived under; a different closures list derives it again.
    grids: Mutex<HashMap<(Key, u16), Grid>>,
}

type Grid = (Arc<Vec<Closure>>, Arc<Vec<Slot>>);

impl SlotCache {
    /// Whether `people` fit in every cell, by what this process last read
    /// and has since written; None when it has not read the day lately.
    pub fn fits(
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
    pub fn add(&self, key: &Key, cells: &[i64], seats: i64) {
        self.change(key, Change::Added(cells.to_vec(), seats));
    }

    /// Counts the cells as full: the database refused a seat in them, so
    /// this process's count was behind (another process took it).
    pub fn mark_full(&self, key: &Key, cells: &[i64], capacity: i64) {
        self.change(key, Change::Full(cells.to_vec(), capacity));
    }

    fn change(&self, key: &Key, change: Change) {
        if let Ok(mut days) = self.days.lock()
            && let Some((_, taken)) = days.get_mut(key)
        {
            change.apply(Arc::make_mut(taken));
        }
        // A read under way may have missed it; it is applied again when
        // that read is kept.
        if let Ok(mut journals) = self.journals.lock()
            && let Some(journal) = journals.get_mut(key)
        {
            journal.push(change);
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

    fn kept(&self, key: &Key, now_ms: i64) -> Kept {
        let Ok(days) = self.days.lock() else {
            return Kept::Nothing;
        };
        match days.get(key) {
            Some((read_at, taken)) if now_ms - read_at < FRESH_MS => Kept::Fresh(taken.clone()),
            Some((read_at, taken)) if now_ms - read_at < STALE_MS => Kept::Stale(taken.clone()),
            _ => Kept::Nothing,
        }
    }

    pub fn closures(&self, office_id: &str, date: Date, now_ms: i64) -> Option<Arc<Vec<Closure>>> {
        let closures = self.closures.lock().ok()?;
        let (read_at, found) = closures.get(&(office_id.to_string(), date))?;
        (now_ms - read_at < CLOSURES_FRESH_MS).then(|| found.clone())
    }

    pub fn keep_closures(
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
    pub fn forget_closures(&self, office_id: &str) {
        if let Ok(mut kept) = self.closures.lock() {
            kept.retain(|(office, _), _| office != office_id);
        }
    }

    pub fn forget(&self, office_id: &str, window: &str, date: Date) {
        if let Ok(mut days) = self.days.lock() {
            days.remove(&(office_id.to_string(), window.to_string(), date));
        }
    }
}

/// One slot as offered: when, and how many people it still takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeSlot {
    pub start: Timestamp,
    pub end: Timestamp,
    pub free: i64,
}

/// The day's slots for the place's service that can be booked now, with the
/// seats each still has (the fewest over its cells).
pub async fn free_on(
    state: &App,
    place: &Place<'_>,
    date: Date,
    now: Timestamp,
) -> Result<Vec<FreeSlot>, AppError> {
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

/// How many slots a full slot's refusal offers in its place.
pub const MOST_NEARBY: usize = 8;

/// The slots of `start`'s day with room for `people`, closest in time to
/// `start` first (the earlier of two as close), at most `MOST_NEARBY`.
pub async fn nearby(
    state: &App,
    place: &Place<'_>,
    start: Timestamp,
    people: i64,
    now: Timestamp,
) -> Result<Vec<Nearby>, AppError> {
    let zone = place.office.time_zone.clone();
    let date = start.to_zoned(zone.clone()).date();
    let mut free: Vec<FreeSlot> = free_on(state, place, date, now)
        .await?
        .into_iter()
        .filter(|slot| slot.free >= people && slot.start != start)
        .collect();
    free.sort_by_key(|slot| (slot.start.duration_since(start).abs(), slot.start));
    Ok(free
        .into_iter()
        .take(MOST_NEARBY)
        .map(|slot| Nearby {
            start: slot.start.to_zoned(zone.clone()),
            end: slot.end,
            free: slot.free,
        })
        .collect())
}

/// Every slot of the place's service on `date`, derived once per closures list.
pub fn grid_of(
    state: &App,
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
pub fn key_of(place: &Place<'_>, date: Date) -> Key {
    (
        place.office.id.clone(),
        place.window.kind.as_str().to_string(),
        date,
    )
}

/// Seats taken per cell of the place's window on `date`. A day read less
/// than `FRESH_MS` ago is answered from memory. One read longer ago (but
/// within `STALE_MS`) is answered from too, while a single background read
/// brings it up to date, so a crowd never waits on the database for it;
/// only a day not read at all lately waits, for one read shared by all.
pub async fn taken_on(
    state: &App,
    place: &Place<'_>,
    date: Date,
    now: Timestamp,
) -> Result<Arc<HashMap<i64, i64>>, AppError> {
    let now_ms = now.as_millisecond();
    let day = Day {
        key: key_of(place, date),
        zone: place.office.time_zone.clone(),
    };
    match state.slot_cache.kept(&day.key, now_ms) {
        Kept::Fresh(taken) => return Ok(taken),
        Kept::Stale(taken) => {
            if let Some(refresh) = Refresh::start(state, &day.key) {
                let state = state.clone();
                tokio::spawn(async move {
                    if let Err(e) = read_day(&state, &day, now).await {
                        tracing::warn!(error = %e, "a day's taken seats could not be read again");
                    }
                    drop(refresh);
                });
            }
            return Ok(taken);
        }
        Kept::Nothing => {}
    }
    let _reading = state.slot_cache.reading.lock().await;
    if let Kept::Fresh(taken) = state.slot_cache.kept(&day.key, now_ms) {
        return Ok(taken);
    }
    read_day(state, &day, now).await
}

/// A change this process made to a day's taken seats.
#[derive(Debug, Clone)]
enum Change {
    Added(Vec<i64>, i64),
    Full(Vec<i64>, i64),
}

impl Change {
    fn apply(&self, taken: &mut HashMap<i64, i64>) {
        match self {
            Change::Added(cells, seats) => {
                for cell in cells {
                    *taken.entry(*cell).or_insert(0) += seats;
                }
            }
            Change::Full(cells, capacity) => {
                for cell in cells {
                    let seats = taken.entry(*cell).or_insert(0);
                    *seats = (*seats).max(*capacity);
                }
            }
        }
    }
}

enum Kept {
    Fresh(Arc<HashMap<i64, i64>>),
    Stale(Arc<HashMap<i64, i64>>),
    Nothing,
}

/// A day being read again in the background; the mark goes when this does.
struct Refresh {
    state: App,
    key: Key,
}

impl Refresh {
    /// Marks the day as being read again; None when a read is under way.
    fn start(state: &App, key: &Key) -> Option<Refresh> {
        let mut refreshing = state.slot_cache.refreshing.lock().ok()?;
        refreshing.insert(key.clone()).then(|| Refresh {
            state: state.clone(),
            key: key.clone(),
        })
    }
}

impl Drop for Refresh {
    fn drop(&mut self) {
        if let Ok(mut refreshing) = self.state.slot_cache.refreshing.lock() {
            refreshing.remove(&self.key);
        }
    }
}

/// A window's day, owned, for a read that outlives the request.
struct Day {
    key: Key,
    zone: TimeZone,
}

async fn read_day(
    state: &App,
    day: &Day,
    now: Timestamp,
) -> Result<Arc<HashMap<i64, i64>>, AppError> {
    let (office_id, window, date) = &day.key;
    let from = date
        .to_zoned(day.zone.clone())
        .map_err(|e| AppError::Internal(e.to_string()))?
        .timestamp();
    let until = from + SignedDuration::from_hours(30);
    let cache = &state.slot_cache;
    if let Ok(mut journals) = cache.journals.lock() {
        journals.entry(day.key.clone()).or_default();
    }
    let read = appointments::taken_seats(
        &state.db,
        office_id,
        window,
        from.as_second(),
        until.as_second(),
        now.as_second(),
    )
    .await;
    let changes = cache
        .journals
        .lock()
        .ok()
        .and_then(|mut journals| journals.remove(&day.key))
        .unwrap_or_default();
    let mut taken = read?;
    // Seats taken here while the read ran may be missing from it, or
    // counted twice; twice only makes a slot look full until the next read.
    for change in changes {
        change.apply(&mut taken);
    }
    let taken = Arc::new(taken);
    let now_ms = now.as_millisecond();
    if let Ok(mut days) = state.slot_cache.days.lock() {
        if days.len() > 10_000 {
            days.retain(|_, (read_at, _)| now_ms - *read_at < STALE_MS);
        }
        days.insert(day.key.clone(), (now_ms, taken.clone()));
    }
    Ok(taken)
}

/// The first slot from `from` on with room for `people`, looking at the
/// days the office is open and that are released, in order.
pub async fn first_free(
    state: &App,
    place: &Place<'_>,
    people: i64,
    now: Timestamp,
) -> Result<Option<FreeSlot>, AppError> {
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
