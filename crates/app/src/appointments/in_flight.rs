//! Seats this process is taking right now. When a slot is released, far more
//! people ask for it than it has counters; only as many as fit are let on to
//! the database, and the others hear at once that it is being taken. The
//! database still decides between processes.

use super::slots::Key;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Seats on their way to the database, per window's day and cell start.
#[derive(Debug, Default)]
pub struct InFlight {
    seats: Mutex<HashMap<Key, HashMap<i64, i64>>>,
}

impl InFlight {
    /// Seats in flight in each of the day's cells.
    pub fn on(&self, key: &Key) -> HashMap<i64, i64> {
        let Ok(seats) = self.seats.lock() else {
            return HashMap::new();
        };
        seats.get(key).cloned().unwrap_or_default()
    }

    /// Takes `people` seats in every cell if, with those `taken` and those in
    /// flight, they fit; the seats go back when the reservation is dropped.
    pub fn reserve(
        self: &Arc<Self>,
        key: &Key,
        cells: &[i64],
        people: i64,
        capacity: i64,
        taken: &HashMap<i64, i64>,
    ) -> Option<Reservation> {
        let mut seats = self.seats.lock().ok()?;
        let day = seats.get(key);
        let fits = cells.iter().all(|cell| {
            let flying = day.and_then(|d| d.get(cell)).copied().unwrap_or(0);
            taken.get(cell).copied().unwrap_or(0) + flying + people <= capacity
        });
        if !fits {
            return None;
        }
        let day = seats.entry(key.clone()).or_default();
        for cell in cells {
            *day.entry(*cell).or_insert(0) += people;
        }
        Some(Reservation {
            in_flight: self.clone(),
            key: key.clone(),
            cells: cells.to_vec(),
            people,
        })
    }
}

/// Seats held in flight until this is dropped.
#[derive(Debug)]
pub struct Reservation {
    in_flight: Arc<InFlight>,
    key: Key,
    cells: Vec<i64>,
    people: i64,
}

impl Drop for Reservation {
    fn drop(&mut self) {
        if let Ok(mut seats) = self.in_flight.seats.lock()
            && let Some(day) = seats.get_mut(&self.key)
        {
            for cell in &self.cells {
                if let Some(n) = day.get_mut(cell) {
                    *n -= self.people;
                    if *n <= 0 {
                        day.remove(cell);
                    }
                }
            }
            if day.is_empty() {
                seats.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn key() -> Key {
        ("office".into(), "intake".into(), date(2026, 12, 2))
    }

    #[test]
    fn only_as_many_as_fit_fly_and_a_dropped_reservation_gives_its_seats_back() {
        let in_flight = Arc::new(InFlight::default());
        let taken = HashMap::from([(100, 1)]);
        let first = in_flight.reserve(&key(), &[100], 1, 3, &taken);
        assert!(first.is_some());
        let second = in_flight.reserve(&key(), &[100], 1, 3, &taken);
        assert!(second.is_some());
        assert!(in_flight.reserve(&key(), &[100], 1, 3, &taken).is_none());
        assert_eq!(in_flight.on(&key()).get(&100), Some(&2));
        drop(first);
        assert_eq!(in_flight.on(&key()).get(&100), Some(&1));
        assert!(in_flight.reserve(&key(), &[100], 1, 3, &taken).is_some());
        drop(second);
    }

    #[test]
    fn a_party_needs_room_in_every_cell_it_covers() {
        let in_flight = Arc::new(InFlight::default());
        let taken = HashMap::from([(200, 2)]);
        assert!(
            in_flight
                .reserve(&key(), &[100, 200], 2, 3, &taken)
                .is_none()
        );
        assert!(in_flight.on(&key()).is_empty());
        let party = in_flight.reserve(&key(), &[100, 200], 1, 3, &taken);
        assert!(party.is_some());
        drop(party);
        assert!(in_flight.on(&key()).is_empty());
    }
}
