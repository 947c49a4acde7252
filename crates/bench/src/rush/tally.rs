//! What each client counts during the race, and what a race adds up to.

use std::time::Duration;

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
    pub(super) holds: Samples,
    pub(super) admitted_holds: Samples,
    /// Holds answered 201: those that reached the database and won.
    pub(super) won_holds: Samples,
    pub(super) confirms: Samples,
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
    /// Slots taken from a refusal's `nearby` instead of a search.
    pub(super) nearby: u64,
    pub(super) search_failures: u64,
    pub(super) confirmed: u64,
    pub(super) none_left: u64,
    pub(super) out_of_time: u64,
    pub(super) refused: u64,
    pub(super) failed: u64,
}

impl Tally {
    pub(super) fn new() -> Tally {
        Tally {
            holds: Samples::default(),
            admitted_holds: Samples::default(),
            won_holds: Samples::default(),
            confirms: Samples::default(),
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
            nearby: 0,
            search_failures: 0,
            confirmed: 0,
            none_left: 0,
            out_of_time: 0,
            refused: 0,
            failed: 0,
        }
    }

    pub(super) fn merge(&mut self, o: &Tally) -> anyhow::Result<()> {
        self.holds.extend(&o.holds);
        self.admitted_holds.extend(&o.admitted_holds);
        self.won_holds.extend(&o.won_holds);
        self.confirms.extend(&o.confirms);
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
        self.nearby += o.nearby;
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

/// Latencies in microseconds, kept as they come: a client's few cost
/// nothing to record or to merge while the others still race; quantiles are
/// read once, after the race.
#[derive(Default)]
pub(super) struct Samples(Vec<u64>);

impl Samples {
    fn extend(&mut self, other: &Samples) {
        self.0.extend_from_slice(&other.0);
    }

    /// The largest, in microseconds.
    pub(super) fn max(&self) -> u64 {
        self.0.iter().copied().max().unwrap_or(0)
    }

    /// The smallest value at or below which `quantile` of them fall.
    fn at_quantile(&self, quantile: f64) -> u64 {
        let mut sorted = self.0.clone();
        sorted.sort_unstable();
        let rank = (quantile * sorted.len() as f64).ceil() as usize;
        sorted
            .get(rank.clamp(1, sorted.len().max(1)) - 1)
            .copied()
            .unwrap_or(0)
    }
}

pub(super) fn record(samples: &mut Samples, latency: Duration) {
    let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
    samples.0.push(micros.max(1));
}

pub(super) fn ms(samples: &Samples, quantile: f64) -> f64 {
    samples.at_quantile(quantile) as f64 / 1000.0
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
    pub(super) postgres_cores: f64,
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn quantiles_are_read_from_every_client_merged() {
        let mut first = Tally::new();
        let mut second = Tally::new();
        for ms in 1..=50 {
            record(&mut first.holds, Duration::from_millis(ms));
        }
        for ms in 51..=100 {
            record(&mut second.holds, Duration::from_millis(ms));
        }
        let mut all = Tally::new();
        all.merge(&first).unwrap();
        all.merge(&second).unwrap();
        assert_eq!(ms(&all.holds, 0.5), 50.0);
        assert_eq!(ms(&all.holds, 0.99), 99.0);
        assert_eq!(ms(&all.holds, 1.0), 100.0);
        assert_eq!(all.holds.max(), 100_000);
        assert_eq!(ms(&Tally::new().holds, 0.99), 0.0);
    }
}
