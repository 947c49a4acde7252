//! The Markdown section written at the end of a `logins` run.

use std::fmt::Write as _;
use std::time::Duration;

use crate::load::Outcome;
use crate::logins::GOAL_LOGIN_RATE;
use crate::signin::{ATTEMPTS_PER_ACCOUNT, LOGIN_PATH, Logins, SERVICES_PATH};

const GOAL_P99_MS: f64 = 20.0;
/// Below this share of the sign-ins started, the sign-in load did not really run.
const GOAL_ACHIEVED: f64 = 0.95;

pub struct Round {
    pub alone: Outcome,
    pub loaded: Outcome,
    pub logins: Logins,
    /// Cores' worth of CPU other processes used during each phase.
    pub alone_others: f64,
    pub loaded_others: f64,
}

pub struct LoginsReport<'a> {
    pub ghiseu: String,
    pub cores: usize,
    /// Of the machine before the run, as /proc/loadavg gives it (1, 5 and 15 minutes).
    pub load_average: String,
    pub accounts: u64,
    pub seeding: Duration,
    pub seconds: u64,
    pub login_connections: u16,
    pub login_rate: u32,
    pub services_rate: u32,
    pub services_connections: u16,
    pub max_in_flight: u16,
    pub peak_rss_kib: u64,
    pub throughput: &'a Logins,
    pub throughput_others: f64,
    pub rounds: &'a [Round],
    pub alone_total: &'a Outcome,
    pub loaded_total: &'a Outcome,
}

fn yes_no(holds: bool) -> &'static str {
    if holds { "yes" } else { "no" }
}

fn logins_row(out: &mut String, label: &str, logins: &Logins, others: Option<f64>) {
    let others = others.map_or_else(|| "—".to_owned(), |o| format!("{o:.2}"));
    let _ = writeln!(
        out,
        "| {label} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {} | {} | {} | {} | {others} |",
        logins.attempted + logins.not_sent,
        logins.ok,
        logins.rate(),
        logins.quantile_ms(0.50),
        logins.quantile_ms(0.95),
        logins.quantile_ms(0.99),
        logins.max_ms(),
        logins.throttled,
        logins.refused,
        logins.transport_errors,
        logins.not_sent,
    );
}

fn services_row(
    out: &mut String,
    round: &str,
    phase: &str,
    outcome: &Outcome,
    others: Option<f64>,
) {
    let others = others.map_or_else(|| "—".to_owned(), |o| format!("{o:.2}"));
    let _ = writeln!(
        out,
        "| {round} | {phase} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} | {others} |",
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

impl LoginsReport<'_> {
    pub fn ratio(&self) -> f64 {
        let alone = self.alone_total.quantile_ms(0.99);
        if alone > 0.0 {
            self.loaded_total.quantile_ms(0.99) / alone
        } else {
            0.0
        }
    }

    pub fn markdown(&self) -> anyhow::Result<String> {
        let mut paced = Logins::empty()?;
        for round in self.rounds {
            paced.merge(&round.logins)?;
        }
        let mut out = String::new();
        let _ = writeln!(out, "## Sign-ins under load\n");
        let _ = writeln!(
            out,
            "Loopback, against `{}` started with `--behind-proxy` on a fresh SQLite database \
             holding {} verified accounts made beforehand with `ghiseu person add` (in {:.1} s, \
             not measured). A sign-in is what a browser does: `GET {LOGIN_PATH}` for the form's \
             cookie and hidden token, then a POST of e-mail, password and token on the same fresh \
             connection; it succeeds on a redirect to the account page. Each account signs in \
             {ATTEMPTS_PER_ACCOUNT} times, with its own `X-Forwarded-For` address, under the \
             limits of 5 attempts per account and 30 per address in 15 minutes. The load \
             generator and the server share the machine's {} core(s); its load average before \
             the run was {} (1, 5, 15 min), and \
             *other CPU* is the CPU time other processes took during each run, in cores.\n",
            self.ghiseu,
            self.accounts,
            self.seeding.as_secs_f64(),
            self.cores,
            self.load_average,
        );

        let _ = writeln!(out, "### Sign-in throughput\n");
        let _ = writeln!(
            out,
            "Closed loop: {} connections, each starting its next sign-in as soon as the previous \
             one is answered, for {} s; latency from sending the GET to the answer of the POST.\n",
            self.login_connections, self.seconds,
        );
        let _ = writeln!(
            out,
            "| run | sign-ins | successful | successful/s | p50 ms | p95 ms | p99 ms | max ms | throttled | other refusals | transport errors | not sent | other CPU (cores) |"
        );
        let _ = writeln!(
            out,
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        logins_row(
            &mut out,
            "closed loop",
            self.throughput,
            Some(self.throughput_others),
        );
        if self.throughput.budget_exhausted {
            let _ = writeln!(
                out,
                "\nThe run stopped early: its accounts had had all their sign-ins."
            );
        }
        let _ = writeln!(out);

        let _ = writeln!(out, "### `GET {SERVICES_PATH}` while sign-ins run\n");
        let _ = writeln!(
            out,
            "Open loop: {} requests/s over {} keep-alive connections, latency counted from when \
             each request was due (an answer that holds up the next request counts against that \
             one too). Each round measures {} s with no sign-ins (the baseline), then {} s while \
             {} sign-ins/s are started whatever the answers, each on its own connection; at most \
             {} wait for an answer at once, and those due beyond that are not sent and count as \
             errors.\n",
            self.services_rate,
            self.services_connections,
            self.seconds,
            self.seconds,
            self.login_rate,
            self.max_in_flight,
        );
        let _ = writeln!(
            out,
            "| round | sign-ins | services 2xx | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | transport errors | other CPU (cores) |"
        );
        let _ = writeln!(
            out,
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        let with = format!("{}/s", self.login_rate);
        for (index, round) in self.rounds.iter().enumerate() {
            let number = (index + 1).to_string();
            services_row(
                &mut out,
                &number,
                "none",
                &round.alone,
                Some(round.alone_others),
            );
            services_row(
                &mut out,
                &number,
                &with,
                &round.loaded,
                Some(round.loaded_others),
            );
        }
        services_row(&mut out, "**all**", "**none**", self.alone_total, None);
        services_row(
            &mut out,
            "**all**",
            &format!("**{with}**"),
            self.loaded_total,
            None,
        );
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "The sign-ins started meanwhile (latency from when each was due):\n"
        );
        let _ = writeln!(
            out,
            "| round | sign-ins due | successful | successful/s | p50 ms | p95 ms | p99 ms | max ms | throttled | other refusals | transport errors | not sent | other CPU (cores) |"
        );
        let _ = writeln!(
            out,
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        for (index, round) in self.rounds.iter().enumerate() {
            logins_row(
                &mut out,
                &(index + 1).to_string(),
                &round.logins,
                Some(round.loaded_others),
            );
        }
        logins_row(&mut out, "**all**", &paced, None);
        let _ = writeln!(out);

        let p99_alone = self.alone_total.quantile_ms(0.99);
        let p99 = self.loaded_total.quantile_ms(0.99);
        let _ = writeln!(
            out,
            "p99 ratio with / without sign-ins: **{:.2}** ({p99:.2} / {p99_alone:.2} ms). \
             Peak server memory (VmHWM): {:.1} MiB.\n",
            self.ratio(),
            self.peak_rss_kib as f64 / 1024.0,
        );

        let p99_holds = p99 < GOAL_P99_MS;
        let achieved = paced.rate() / f64::from(self.login_rate);
        let achieved_holds = achieved >= GOAL_ACHIEVED;
        let service_errors = self.alone_total.errors() + self.loaded_total.errors();
        let login_errors = paced.errors() + self.throughput.errors();
        let verdict = if self.login_rate != GOAL_LOGIN_RATE {
            "NOT ASSESSED (the goal is stated at 100 sign-ins/s)"
        } else if p99_holds && achieved_holds && service_errors == 0 && login_errors == 0 {
            "PASS"
        } else {
            "FAIL"
        };
        let _ = writeln!(
            out,
            "**Goal** — p99 of `GET {SERVICES_PATH}` under {GOAL_P99_MS:.0} ms while \
             {GOAL_LOGIN_RATE} sign-ins/s run, without errors: **{verdict}**\n"
        );
        let _ = writeln!(
            out,
            "- p99 with sign-ins {p99:.2} ms (< {GOAL_P99_MS:.0} ms): {}",
            yes_no(p99_holds)
        );
        let _ = writeln!(
            out,
            "- sign-ins completed {:.1}/s of the {}/s started ({:.0}%, at least {:.0}%): {}",
            paced.rate(),
            self.login_rate,
            achieved * 100.0,
            GOAL_ACHIEVED * 100.0,
            yes_no(achieved_holds)
        );
        let _ = writeln!(
            out,
            "- errors on the services: {service_errors} ({} non-2xx, {} transport)",
            self.alone_total.non_2xx + self.loaded_total.non_2xx,
            self.alone_total.transport_errors + self.loaded_total.transport_errors,
        );
        let _ = writeln!(
            out,
            "- errors on the sign-ins: {login_errors} ({} throttled, {} other refusals, {} \
             transport, {} not sent)",
            paced.throttled + self.throughput.throttled,
            paced.refused + self.throughput.refused,
            paced.transport_errors + self.throughput.transport_errors,
            paced.not_sent + self.throughput.not_sent,
        );
        if paced.budget_exhausted {
            let _ = writeln!(
                out,
                "- note: some paced runs ran out of accounts before their time was up"
            );
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn services(latency_ms: u64) -> Outcome {
        let mut outcome = Outcome::empty().unwrap();
        outcome.ok = 100;
        outcome.ok_in_time = 100;
        outcome.elapsed = Duration::from_secs(1);
        for _ in 0..100 {
            outcome.latency_micros.record(latency_ms * 1000).unwrap();
        }
        outcome
    }

    fn logins(ok: u64) -> Logins {
        let mut logins = Logins::empty().unwrap();
        logins.attempted = 100;
        logins.ok = ok;
        logins.ok_in_time = ok;
        logins.refused = 100 - ok;
        logins.elapsed = Duration::from_secs(1);
        logins
    }

    fn markdown(loaded_ms: u64, paced_ok: u64, login_rate: u32) -> String {
        let rounds = [Round {
            alone: services(2),
            loaded: services(loaded_ms),
            logins: logins(paced_ok),
            alone_others: 0.0,
            loaded_others: 0.1,
        }];
        LoginsReport {
            ghiseu: "ghiseu".into(),
            cores: 2,
            load_average: "0.10, 0.20, 0.30".into(),
            accounts: 10,
            seeding: Duration::from_secs(1),
            seconds: 1,
            login_connections: 4,
            login_rate,
            services_rate: 100,
            services_connections: 4,
            max_in_flight: 8,
            peak_rss_kib: 1024,
            throughput: &logins(100),
            throughput_others: 0.0,
            rounds: &rounds,
            alone_total: &rounds[0].alone,
            loaded_total: &rounds[0].loaded,
        }
        .markdown()
        .unwrap()
    }

    #[test]
    fn verdict_follows_the_goal() {
        assert!(markdown(5, 100, 100).contains("**PASS**"));
        assert!(markdown(30, 100, 100).contains("**FAIL**"));
        assert!(markdown(5, 90, 100).contains("**FAIL**"));
        assert!(markdown(5, 100, 50).contains("NOT ASSESSED"));
        assert!(markdown(6, 100, 100).contains("**3.00**"));
    }
}
