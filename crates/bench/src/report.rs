//! The Markdown section written at the end of a `quotes` run.

use std::fmt::Write as _;
use std::time::Duration;

use crate::load::Outcome;

const GOAL_RATIO: f64 = 0.5;
const GOAL_P99_MS: f64 = 10.0;

/// Prints a report and, when asked, writes it to `output` too.
pub fn publish(markdown: &str, output: Option<&std::path::Path>) -> anyhow::Result<()> {
    use anyhow::Context as _;
    println!("{markdown}");
    if let Some(output) = output {
        if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(output, markdown)
            .with_context(|| format!("cannot write {}", output.display()))?;
        eprintln!("report written to {}", output.display());
    }
    Ok(())
}

pub struct Startup {
    pub median_ms: f64,
    pub min_ms: f64,
    pub max_ms: f64,
    pub samples: usize,
}

impl Startup {
    pub fn from_samples(samples: &[Duration]) -> Startup {
        let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
        ms.sort_by(f64::total_cmp);
        let median = match ms.len() {
            0 => 0.0,
            n if n % 2 == 1 => ms[n / 2],
            n => (ms[n / 2 - 1] + ms[n / 2]) / 2.0,
        };
        Startup {
            median_ms: median,
            min_ms: ms.first().copied().unwrap_or_default(),
            max_ms: ms.last().copied().unwrap_or_default(),
            samples: ms.len(),
        }
    }
}

pub struct Report<'a> {
    pub ghiseu: String,
    pub cores: usize,
    pub connections: u16,
    pub goal_connections: u16,
    pub seconds: u64,
    pub max_requests: u64,
    pub bodies: usize,
    pub startup: Startup,
    pub idle_rss_kib: u64,
    pub rounds: &'a [(Outcome, Outcome)],
    pub bare_total: &'a Outcome,
    pub quotes_total: &'a Outcome,
}

fn row(out: &mut String, target: &str, round: &str, outcome: &Outcome) {
    let _ = writeln!(
        out,
        "| {target} | {round} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} |",
        outcome.ok,
        outcome.throughput(),
        outcome.quantile_ms(0.50),
        outcome.quantile_ms(0.95),
        outcome.quantile_ms(0.99),
        outcome.max_ms(),
        outcome.non_2xx,
        outcome.transport_errors,
    );
}

fn yes_no(holds: bool) -> &'static str {
    if holds { "yes" } else { "no" }
}

impl Report<'_> {
    pub fn ratio(&self) -> f64 {
        let bare = self.bare_total.throughput();
        if bare > 0.0 {
            self.quotes_total.throughput() / bare
        } else {
            0.0
        }
    }

    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "## Quote endpoint under load\n");
        let _ = writeln!(
            out,
            "Loopback, closed loop: {} keep-alive HTTP/1.1 connections per target, each sending its \
             next request as soon as the previous answer is read; {} s per run and at most {} \
             requests per run; {} round(s), each running the bare baseline then the quote endpoint; \
             {} different valid quote requests in turn. The load generator and the servers share \
             the machine's {} core(s). Server: `{}` on a fresh SQLite database.\n",
            self.connections,
            self.seconds,
            self.max_requests,
            self.rounds.len(),
            self.bodies,
            self.cores,
            self.ghiseu,
        );
        let _ = writeln!(out, "| measure | value |\n|---|---|");
        let _ = writeln!(
            out,
            "| startup (spawn → first 200 from /healthz), median of {} | {:.1} ms (min {:.1}, max {:.1}) |",
            self.startup.samples, self.startup.median_ms, self.startup.min_ms, self.startup.max_ms
        );
        let _ = writeln!(
            out,
            "| idle memory (VmRSS after startup and 2 s idle) | {:.1} MiB |\n",
            self.idle_rss_kib as f64 / 1024.0
        );

        let _ = writeln!(
            out,
            "| target | round | 2xx answers | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | transport errors |"
        );
        let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (index, (bare, quotes)) in self.rounds.iter().enumerate() {
            let round = (index + 1).to_string();
            row(&mut out, "bare baseline", &round, bare);
            row(&mut out, "ghiseu quotes", &round, quotes);
        }
        row(&mut out, "**bare baseline**", "all", self.bare_total);
        row(&mut out, "**ghiseu quotes**", "all", self.quotes_total);
        let _ = writeln!(out);

        let ratio = self.ratio();
        let p99 = self.quotes_total.quantile_ms(0.99);
        let errors = self.quotes_total.errors();
        let ratio_holds = ratio >= GOAL_RATIO;
        let p99_holds = p99 < GOAL_P99_MS;
        let verdict = if self.connections != self.goal_connections {
            "NOT ASSESSED (the goal is stated at 64 connections)"
        } else if ratio_holds && p99_holds && errors == 0 {
            "PASS"
        } else {
            "FAIL"
        };
        let _ = writeln!(
            out,
            "Throughput ratio quotes / bare: **{:.2}** ({:.0} / {:.0} req/s).\n",
            ratio,
            self.quotes_total.throughput(),
            self.bare_total.throughput()
        );
        let _ = writeln!(
            out,
            "**Goal** — at {} connections, at least {:.0}% of the bare throughput and p99 under \
             {GOAL_P99_MS:.0} ms, without errors: **{verdict}**\n",
            self.goal_connections,
            GOAL_RATIO * 100.0
        );
        let _ = writeln!(
            out,
            "- throughput {:.0}% of bare (≥ {:.0}%): {}",
            ratio * 100.0,
            GOAL_RATIO * 100.0,
            yes_no(ratio_holds)
        );
        let _ = writeln!(
            out,
            "- p99 {p99:.2} ms (< {GOAL_P99_MS:.0} ms): {}",
            yes_no(p99_holds)
        );
        let _ = writeln!(
            out,
            "- errors on the quote endpoint: {errors} ({} non-2xx, {} transport)",
            self.quotes_total.non_2xx, self.quotes_total.transport_errors
        );
        if self.bare_total.budget_exhausted || self.quotes_total.budget_exhausted {
            let _ = writeln!(
                out,
                "- note: some runs stopped at the {} request budget before their time was up",
                self.max_requests
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn median_of_an_odd_and_an_even_count() {
        let ms = |v: &[u64]| {
            v.iter()
                .map(|&m| Duration::from_millis(m))
                .collect::<Vec<_>>()
        };
        assert_eq!(Startup::from_samples(&ms(&[30, 10, 20])).median_ms, 20.0);
        assert_eq!(
            Startup::from_samples(&ms(&[40, 10, 20, 30])).median_ms,
            25.0
        );
        assert_eq!(Startup::from_samples(&ms(&[40, 10, 20, 30])).max_ms, 40.0);
    }

    fn outcome(ok: u64, seconds: u64, latency_ms: u64) -> Outcome {
        let mut outcome = Outcome::empty().unwrap();
        outcome.ok = ok;
        outcome.ok_in_time = ok;
        outcome.elapsed = Duration::from_secs(seconds);
        for _ in 0..ok {
            outcome.latency_micros.record(latency_ms * 1000).unwrap();
        }
        outcome
    }

    fn report<'a>(
        rounds: &'a [(Outcome, Outcome)],
        bare: &'a Outcome,
        quotes: &'a Outcome,
        connections: u16,
    ) -> String {
        Report {
            ghiseu: "ghiseu".into(),
            cores: 2,
            connections,
            goal_connections: 64,
            seconds: 1,
            max_requests: 10,
            bodies: 8,
            startup: Startup::from_samples(&[Duration::from_millis(5)]),
            idle_rss_kib: 2048,
            rounds,
            bare_total: bare,
            quotes_total: quotes,
        }
        .markdown()
    }

    #[test]
    fn verdict_follows_the_goal() {
        let bare = outcome(1000, 1, 1);
        let fast = outcome(600, 1, 2);
        let slow = outcome(600, 1, 20);
        let few = outcome(400, 1, 2);
        assert!(report(&[], &bare, &fast, 64).contains("**PASS**"));
        assert!(report(&[], &bare, &slow, 64).contains("**FAIL**"));
        assert!(report(&[], &bare, &few, 64).contains("**FAIL**"));
        assert!(report(&[], &bare, &fast, 8).contains("NOT ASSESSED"));
        let mut failing = outcome(600, 1, 2);
        failing.non_2xx = 1;
        assert!(report(&[], &bare, &failing, 64).contains("**FAIL**"));
    }
}
