//! The Markdown written at the end of a `timing` run.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use crate::signin::ATTEMPTS_PER_ACCOUNT;
use crate::timing::{
    Kind, LOGIN_PAIRS_PER_CLIENT, LOGIN_PATH, REGISTER_PAIRS_PER_CLIENT, REGISTER_PATH,
};
use crate::timing_stats::{self, Comparison, RESAMPLES, Summary};

/// The answers of one side of a comparison.
#[derive(Default)]
pub struct Side {
    /// Times of the answers with the expected status, in µs, in the order they came.
    pub micros: Vec<u64>,
    /// Whether each of `micros` was sent first in its pair.
    pub first: Vec<bool>,
    /// Other answers (to the form or to the POST), by status.
    pub unexpected: BTreeMap<u16, u64>,
    pub transport_errors: u64,
}

impl Side {
    pub fn record(&mut self, micros: u64, first: bool) {
        self.micros.push(micros);
        self.first.push(first);
    }

    /// The median of the answers sent first (or second) in their pair, in ms, and their count.
    fn median_when(&self, first: bool) -> (f64, usize) {
        let chosen: Vec<u64> = self
            .micros
            .iter()
            .zip(&self.first)
            .filter(|&(_, &f)| f == first)
            .map(|(&m, _)| m)
            .collect();
        let sorted = timing_stats::sorted_ms(&chosen);
        (timing_stats::quantile(&sorted, 0.5), sorted.len())
    }

    fn failures(&self) -> String {
        let mut parts: Vec<String> = self
            .unexpected
            .iter()
            .map(|(status, count)| format!("{count} × {status}"))
            .collect();
        if self.transport_errors > 0 {
            parts.push(format!("{} transport", self.transport_errors));
        }
        if parts.is_empty() {
            "0".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// One comparison: side a is the registered address, side b the unregistered (sign-in) or
/// new (registration) one.
pub struct Pair {
    pub kind: Kind,
    /// Pairs sent (each one request a side).
    pub pairs: u32,
    /// Stopped by `--max-seconds` before all the pairs were sent.
    pub cut_short: bool,
    pub elapsed: Duration,
    /// Unexpected answers and transport errors among the unmeasured pairs.
    pub warm_up_unexpected: u64,
    /// Cores' worth of CPU other processes, and the server, took during the measured pairs.
    pub others: f64,
    pub server: f64,
    pub a: Side,
    pub b: Side,
}

impl Pair {
    fn labels(&self) -> (&'static str, &'static str, &'static str) {
        match self.kind {
            Kind::SignIn => (
                "sign-in, wrong password",
                "registered address",
                "unregistered address",
            ),
            Kind::Register => ("registration", "already registered address", "new address"),
        }
    }
}

pub struct TimingReport<'a> {
    pub ghiseu: String,
    pub cores: usize,
    pub load_average: String,
    pub accounts: u64,
    pub warm_up: u32,
    pub samples: u32,
    pub max_seconds: u64,
    pub pairs: &'a [Pair],
}

fn ms(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.2}")
    } else {
        "—".to_owned()
    }
}

fn side_row(out: &mut String, what: &str, label: &str, side: &Side, summary: Option<&Summary>) {
    let (count, median, p90, mean, min, max) = summary
        .map_or((0, f64::NAN, f64::NAN, f64::NAN, f64::NAN, f64::NAN), |s| {
            (s.count, s.median, s.p90, s.mean, s.min, s.max)
        });
    let (first, firsts) = side.median_when(true);
    let (second, seconds) = side.median_when(false);
    let _ = writeln!(
        out,
        "| {what} | {label} | {count} | {} | {} | {} | {} | {} | {} ({firsts}) | {} ({seconds}) | {} |",
        ms(median),
        ms(p90),
        ms(mean),
        ms(min),
        ms(max),
        ms(first),
        ms(second),
        side.failures(),
    );
}

fn comparison_row(out: &mut String, pair: &Pair, comparison: &Comparison) {
    let (what, a, b) = pair.labels();
    let (low, high) = comparison.interval;
    // Like with like: the answers sent first in their pair, then those sent second.
    let by_place = |first: bool| pair.b.median_when(first).0 - pair.a.median_when(first).0;
    let _ = writeln!(
        out,
        "| {what} | {b} / {a} | {:.3} | {:+.2} | {:+.2} … {:+.2} | {:+.2} / {:+.2} | {:.0} | {:.3} | {:+.2} | {:.3} |",
        comparison.ratio,
        comparison.difference,
        low,
        high,
        by_place(true),
        by_place(false),
        comparison.u,
        comparison.slower,
        comparison.z,
        comparison.p,
    );
}

impl TimingReport<'_> {
    fn introduction(&self, out: &mut String) {
        let _ = writeln!(out, "## Timing of known and unknown addresses\n");
        let _ = writeln!(
            out,
            "Loopback, against `{}` started with `--behind-proxy` on a fresh SQLite database \
             holding {} verified accounts made beforehand with `ghiseu person add` (not \
             measured). Every request is what a browser sends: a GET of the form for its cookie \
             and hidden token, then the POST on the same fresh connection; only the POST is \
             timed, from sending it to the last byte of its answer. Requests go one at a time, in \
             pairs of one request a side, so that the machine's drift falls on both alike; which \
             side goes first in a pair is drawn at random (fixed seed), as a strict a, b, a, b \
             order would line up with anything the server does every other request. {} \
             unmeasured pairs come first (the first must be answered as expected), then up to {} \
             pairs, for at most {} s per comparison (warm-up included). The two requests of \
             a pair come from the same `X-Forwarded-For` address, a new one every {} pairs for \
             sign-ins and every {} for registrations, under the limits (100 failed sign-ins per \
             address in 15 minutes, 30 registrations per address an hour); each registered and \
             each unregistered address gets {} wrong passwords, under the lock at 5. The \
             addresses on both sides have the same length. The load generator and the server \
             share the machine's {} core(s); its load average before the run was {} (1, 5, 15 \
             min).\n",
            self.ghiseu,
            self.accounts,
            self.warm_up,
            self.samples,
            self.max_seconds,
            LOGIN_PAIRS_PER_CLIENT,
            REGISTER_PAIRS_PER_CLIENT,
            ATTEMPTS_PER_ACCOUNT,
            self.cores,
            self.load_average,
        );
        let _ = writeln!(
            out,
            "- `POST {LOGIN_PATH}` with a wrong password (answered 401 on both sides): a \
             registered address against an unregistered one.\n\
             - `POST {REGISTER_PATH}` with a valid password (answered 200, the same \"check your \
             e-mail\" page, on both sides): an address already registered against a new one.\n"
        );
    }

    fn explanation(out: &mut String) {
        let _ = writeln!(
            out,
            "*Ratio*: median of side b over median of side a. *Δ median*: median(b) − \
             median(a), in ms, with a 95% percentile-bootstrap interval ({RESAMPLES} \
             resamples of each side with replacement, fixed seed): if the interval holds 0, \
             this run cannot tell the medians apart, and its width is about the smallest \
             difference the run could have shown. *U*: the Mann-Whitney statistic of side b, the \
             number of (a, b) pairs of answers in which the b answer was slower (ties count \
             half). *P(b slower)*: U divided by the number of all (a, b) pairs, i.e. the chance that an answer of \
             side b is slower than one of side a; 0.5 means the time tells \
             nothing, 1.0 that every b answer was slower. *z* and *p*: U against \"both sides \
             have the same distribution\", normal approximation with the tie correction, \
             two-sided. *Sent first* / *sent second*: the median of the side's answers by their \
             place in their pair, and the difference of medians within each place; a gap between \
             the places is the server's, not the address's (the server's password-hashing threads \
             take the hashes in turn, so the two requests of a pair run on different threads). Only answers with the expected status are timed; the others are \
             counted in the first table.\n"
        );
    }

    pub fn markdown(&self) -> String {
        let mut out = String::new();
        self.introduction(&mut out);
        let _ = writeln!(
            out,
            "| comparison | side | timed answers | median ms | p90 ms | mean ms | min ms | max ms | median ms, sent first (n) | median ms, sent second (n) | other answers |"
        );
        let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        let mut comparisons = Vec::new();
        for pair in self.pairs {
            let (what, a_label, b_label) = pair.labels();
            let a = timing_stats::sorted_ms(&pair.a.micros);
            let b = timing_stats::sorted_ms(&pair.b.micros);
            let a_summary = timing_stats::summary(&a);
            let b_summary = timing_stats::summary(&b);
            side_row(&mut out, what, a_label, &pair.a, a_summary.as_ref());
            side_row(&mut out, what, b_label, &pair.b, b_summary.as_ref());
            comparisons.push(timing_stats::compare(&a, &b));
        }
        let _ = writeln!(
            out,
            "\n| comparison | b / a | ratio of medians | Δ median ms | 95% interval ms | Δ median ms, sent first / second | U | P(b slower) | z | p |"
        );
        let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (pair, comparison) in self.pairs.iter().zip(&comparisons) {
            comparison_row(&mut out, pair, comparison);
        }
        let _ = writeln!(out);
        Self::explanation(&mut out);
        let _ = writeln!(
            out,
            "| comparison | pairs sent | wall s | cut short by --max-seconds | server CPU (cores) | other CPU (cores) | warm-up failures |"
        );
        let _ = writeln!(out, "|---|---:|---:|---|---:|---:|---:|");
        for pair in self.pairs {
            let _ = writeln!(
                out,
                "| {} | {} | {:.1} | {} | {:.2} | {:.2} | {} |",
                pair.labels().0,
                pair.pairs,
                pair.elapsed.as_secs_f64(),
                if pair.cut_short { "yes" } else { "no" },
                pair.server,
                pair.others,
                pair.warm_up_unexpected,
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn side(micros: &[u64]) -> Side {
        let mut side = Side::default();
        for (n, &m) in micros.iter().enumerate() {
            side.record(m, n % 2 == 0);
        }
        side
    }

    #[test]
    fn the_report_has_a_row_per_side_and_per_comparison() {
        let mut refused = side(&[]);
        refused.unexpected.insert(429, 3);
        refused.transport_errors = 1;
        let pairs = [
            Pair {
                kind: Kind::SignIn,
                pairs: 4,
                cut_short: false,
                elapsed: Duration::from_millis(300),
                warm_up_unexpected: 0,
                others: 0.1,
                server: 0.9,
                a: side(&[20_000, 21_000, 22_000, 23_000]),
                b: side(&[20_500, 21_500, 22_500, 23_500]),
            },
            Pair {
                kind: Kind::Register,
                pairs: 4,
                cut_short: true,
                elapsed: Duration::from_secs(5),
                warm_up_unexpected: 2,
                others: 0.0,
                server: 0.5,
                a: refused,
                b: side(&[30_000, 31_000, 32_000, 33_000]),
            },
        ];
        let report = TimingReport {
            ghiseu: "ghiseu".into(),
            cores: 2,
            load_average: "1.00, 1.00, 1.00".into(),
            accounts: 3,
            warm_up: 1,
            samples: 4,
            max_seconds: 5,
            pairs: &pairs,
        };
        let markdown = report.markdown();
        assert!(markdown.starts_with("## Timing of known and unknown addresses"));
        assert!(markdown.contains(
            "| sign-in, wrong password | unregistered address | 4 | 22.00 | 23.20 | 22.00 | 20.50 \
             | 23.50 | 21.50 (2) | 22.50 (2) | 0 |"
        ));
        assert!(markdown.contains("| registration | already registered address | 0 | — |"));
        assert!(markdown.contains("3 × 429, 1 transport"));
        assert!(markdown.contains(
            "| sign-in, wrong password | unregistered address / registered address | 1.023 | +0.50 |"
        ));
        assert!(markdown.contains("| +0.50 / +0.50 | 10 |"));
        assert!(markdown.contains("| registration | 4 | 5.0 | yes | 0.50 | 0.00 | 2 |"));
    }
}
