//! What each client counts during the race, and what a race adds up to.

use std::time::Duration;

use hdrhistogram::Histogram;

use crate::submissions::Database;

use super::*;

/// A slot as the search lists it.
#[derive(Clone, Debug)]
pub(super) struct Slot {
    pub(super) date: String,
    pub(super) start: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    Confirmed,
    NoneLeft,
    OutOfTime,
    Refused,
    Failed,
}

/// What one client saw.
pub(super) struct Tally {
    pub(super) holds: Histogram<u64>,
    pub(super) admitted_holds: Histogram<u64>,
    pub(super) confirms: Histogram<u64>,
    pub(super) attempts: u64,
    pub(super) created: u64,
    pub(super) full: u64,
    pub(super) already: u64,
    pub(super) unprocessable: u64,
    pub(super) waiting_room: u64,
    pub(super) too_many: u64,
    pub(super) other_4xx: u64,
    /// Statuses of the other 4xx answers to holds, and how many of each.
    pub(super) other_statuses: std::collections::BTreeMap<u16, u64>,
    pub(super) server_errors: u64,
    pub(super) transport_errors: u64,
    pub(super) confirm_failures: u64,
    pub(super) searches: u64,
    pub(super) search_failures: u64,
    pub(super) confirmed: u64,
    pub(super) none_left: u64,
    pub(super) out_of_time: u64,
    pub(super) refused: u64,
    pub(super) failed: u64,
}

impl Tally {
    pub(super) fn new() -> anyhow::Result<Tally> {
        let histogram = || Histogram::new_with_bounds(1, HIGHEST_MICROS, 3);
        Ok(Tally {
            holds: histogram()?,
            admitted_holds: histogram()?,
            confirms: histogram()?,
            attempts: 0,
            created: 0,
            full: 0,
            already: 0,
            unprocessable: 0,
            waiting_room: 0,
            too_many: 0,
            other_4xx: 0,
            other_statuses: std::collections::BTreeMap::new(),
            server_errors: 0,
            transport_errors: 0,
            confirm_failures: 0,
            searches: 0,
            search_failures: 0,
            confirmed: 0,
            none_left: 0,
            out_of_time: 0,
            refused: 0,
            failed: 0,
        })
    }

    pub(super) fn merge(&mut self, o: &Tally) -> anyhow::Result<()> {
        self.holds.add(&o.holds)?;
        self.admitted_holds.add(&o.admitted_holds)?;
        self.confirms.add(&o.confirms)?;
        self.attempts += o.attempts;
        self.created += o.created;
        self.full += o.full;
        self.already += o.already;
        self.unprocessable += o.unprocessable;
        self.waiting_room += o.waiting_room;
        self.too_many += o.too_many;
        self.other_4xx += o.other_4xx;
        for (status, count) in &o.other_statuses {
            *self.other_statuses.entry(*status).or_insert(0) += count;
        }
        self.server_errors += o.server_errors;
        self.transport_errors += o.transport_errors;
        self.confirm_failures += o.confirm_failures;
        self.searches += o.searches;
        self.search_failures += o.search_failures;
        self.confirmed += o.confirmed;
        self.none_left += o.none_left;
        self.out_of_time += o.out_of_time;
        self.refused += o.refused;
        self.failed += o.failed;
        Ok(())
    }

    pub(super) fn end(&mut self, end: End) {
        match end {
            End::Confirmed => self.confirmed += 1,
            End::NoneLeft => self.none_left += 1,
            End::OutOfTime => self.out_of_time += 1,
            End::Refused => self.refused += 1,
            End::Failed => self.failed += 1,
        }
    }
}

pub(super) fn record(histogram: &mut Histogram<u64>, latency: Duration) {
    let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
    histogram.saturating_record(micros.max(1));
}

pub(super) fn ms(histogram: &Histogram<u64>, quantile: f64) -> f64 {
    histogram.value_at_quantile(quantile) as f64 / 1000.0
}

/// The database check after the race.
pub struct Check {
    pub wrong_cells: i64,
    pub double_bookings: i64,
    pub holding: i64,
    pub confirmed: i64,
}

/// One measured race.
pub struct Race {
    pub(super) database: Database,
    pub(super) servers: usize,
    pub(super) clients: u64,
    pub(super) slots: usize,
    pub(super) days: Vec<String>,
    pub(super) wall: Duration,
    pub(super) tally: Tally,
    pub(super) check: Check,
    pub(super) server_cores: f64,
    pub(super) bench_cores: f64,
    pub(super) other_cores: f64,
    /// `GET /api/v1/services` on the same server just before the race.
    pub(super) baseline: crate::load::Outcome,
}

impl Race {
    pub(super) fn attempts_per_second(&self) -> f64 {
        let seconds = self.wall.as_secs_f64();
        if seconds > 0.0 {
            self.tally.attempts as f64 / seconds
        } else {
            0.0
        }
    }

    /// Requests/s of the baseline, over its own run.
    pub(super) fn baseline_per_second(&self) -> f64 {
        let seconds = self.baseline.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.baseline.ok_in_time as f64 / seconds
        } else {
            0.0
        }
    }

    pub(super) fn label(&self) -> String {
        if self.servers == 1 {
            self.database.name().to_owned()
        } else {
            format!("{}, {} servers", self.database.name(), self.servers)
        }
    }

    pub(super) fn passes(&self) -> bool {
        self.check.double_bookings == 0
            && self.check.wrong_cells == 0
            && self.tally.server_errors == 0
            && ms(&self.tally.holds, 0.99) < GOAL_P99_MS
            && self.attempts_per_second() >= GOAL_ATTEMPTS_PER_SECOND
    }
}
