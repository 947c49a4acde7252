//! The race's report in Markdown.

use std::fmt::Write as _;

use super::*;

/// The client's step after a full slot, as the report tells it.
const AFTER_FULL_NEARBY: &str = "(`--after-full nearby`) it tries a random one of the raced \
     slots the refusal offers as `nearby` (the same day's free slots closest to the full one), \
     and only when none is offered it searches the free slots of all those days in one request \
     (`days` and `only_free=true`) and tries a random one, or stops when none is left;";
const AFTER_FULL_SEARCH: &str = "(`--after-full search`) it searches the free slots of all \
     those days in one request (`days` and `only_free=true`) and tries a random one, or stops \
     when none is left;";

pub struct RushReport<'a> {
    pub ghiseu: String,
    pub cores: usize,
    pub load_average: String,
    pub seconds: u64,
    pub after_full: AfterFull,
    pub races: &'a [Race],
}

impl RushReport<'_> {
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "## Rush\n");
        if let Some(first) = self.races.first() {
            let _ = writeln!(
                out,
                "Loopback, against `{}` started with `--behind-proxy`, on {} cores. {} citizens \
                 (accounts with a verified e-mail and a session, written to the database before \
                 the race, each with its own `X-Forwarded-For` address and keep-alive connection) \
                 wait at a barrier, then race for the {} newest released slots of the Alba \
                 information window ({SERVICE} at {OFFICE}, capacity 1 each), collected through \
                 the slot search counting back from the newest released day ({}). Just before the \
                 start each reads its own bookings and searches those days once, as people have \
                 the booking page open when slots are released (not measured). Then each picks a random slot and holds it (`POST /api/v1/appointments`); on 201 it confirms; on \
                 409 `slot-full` {} on 429 it waits `Retry-After` and tries again; \
                 the race is cut off after {} s. Requests time out after 10 s. The CPU columns \
                 are cores' worth from the barrier to the last answer: the server, this \
                 program, every process named `postgres`, and the rest of the machine. Load \
                 average before: {}.\n",
                self.ghiseu,
                self.cores,
                first.clients,
                first.slots,
                first.days.join(", "),
                match self.after_full {
                    AfterFull::Nearby => AFTER_FULL_NEARBY,
                    AfterFull::Search => AFTER_FULL_SEARCH,
                },
                self.seconds,
                self.load_average
            );
        }
        let _ = writeln!(
            out,
            "| database | wall s | booking attempts | attempts/s | confirmed | none left | out of time | failed | 201 | 409 full | 409 already | 422 | 429 waiting room | 429 other | other 4xx | 5xx | transport errors | searches | failed searches | slots taken from `nearby` |"
        );
        let _ = writeln!(
            out,
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        for race in self.races {
            let t = &race.tally;
            let _ = writeln!(
                out,
                "| {} | {:.2} | {} | {:.0} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                race.label(),
                race.wall.as_secs_f64(),
                t.attempts,
                race.attempts_per_second(),
                t.confirmed,
                t.none_left,
                t.out_of_time,
                t.failed + t.refused,
                t.created,
                t.full,
                t.already,
                t.unprocessable,
                t.waiting_room,
                t.too_many,
                t.other_4xx,
                t.server_errors,
                t.transport_errors,
                t.searches,
                t.search_failures,
                t.nearby,
            );
        }
        for race in self.races {
            if !race.tally.other_statuses.is_empty() {
                let statuses: Vec<String> = race
                    .tally
                    .other_statuses
                    .iter()
                    .map(|(status, count)| format!("{count} × {status}"))
                    .collect();
                let _ = writeln!(
                    out,
                    "\nOther 4xx answers to holds on {}: {}.",
                    race.label(),
                    statuses.join(", ")
                );
            }
        }
        let _ = writeln!(
            out,
            "\n| database | hold p50 ms | p95 ms | p99 ms | max ms | hold p99 without 429 ms | 201 holds p50 ms | 201 holds p99 ms | confirm p50 ms | p95 ms | p99 ms | max ms | server CPU (cores) | bench CPU | PostgreSQL CPU | other CPU |"
        );
        let _ = writeln!(
            out,
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        for race in self.races {
            let t = &race.tally;
            let _ = writeln!(
                out,
                "| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
                race.label(),
                ms(&t.holds, 0.50),
                ms(&t.holds, 0.95),
                ms(&t.holds, 0.99),
                t.holds.max() as f64 / 1000.0,
                ms(&t.admitted_holds, 0.99),
                ms(&t.won_holds, 0.50),
                ms(&t.won_holds, 0.99),
                ms(&t.confirms, 0.50),
                ms(&t.confirms, 0.95),
                ms(&t.confirms, 0.99),
                t.confirms.max() as f64 / 1000.0,
                race.server_cores,
                race.bench_cores,
                race.postgres_cores,
                race.other_cores,
            );
        }
        let _ = writeln!(
            out,
            "\n| database | baseline `GET /api/v1/services` req/s | baseline p99 ms | booking attempts/s ÷ baseline req/s | hold p99 ÷ baseline p99 |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|");
        for race in self.races {
            let base_p99 = race.baseline.latency_micros.value_at_quantile(0.99) as f64 / 1000.0;
            let _ = writeln!(
                out,
                "| {} | {:.0} | {:.2} | {:.2} | {:.1} |",
                race.label(),
                race.baseline_per_second(),
                base_p99,
                race.attempts_per_second() / race.baseline_per_second().max(1.0),
                ms(&race.tally.holds, 0.99) / base_p99.max(0.001),
            );
        }
        let _ = writeln!(
            out,
            "\n| database | cells wrong | double bookings | bookings holding | confirmed in the database |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|");
        for race in self.races {
            let c = &race.check;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                race.label(),
                c.wrong_cells,
                c.double_bookings,
                c.holding,
                c.confirmed
            );
        }
        let _ = writeln!(
            out,
            "\n**Goal** — 0 double bookings, 0 5xx, p99 of the hold POSTs under {GOAL_P99_MS:.0} ms, \
             at least {GOAL_ATTEMPTS_PER_SECOND:.0} booking attempts/s:"
        );
        for race in self.races {
            let _ = writeln!(
                out,
                "- {}: **{}** ({} double bookings, {} 5xx, p99 {:.2} ms, {:.0} attempts/s)",
                race.label(),
                if race.passes() { "PASS" } else { "FAIL" },
                race.check.double_bookings,
                race.tally.server_errors,
                ms(&race.tally.holds, 0.99),
                race.attempts_per_second()
            );
        }
        out
    }
}
