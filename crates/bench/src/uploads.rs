//! `ghiseu-bench uploads`: the resident memory of a real `ghiseu serve` while many signed-in
//! citizens upload a scan of almost the authority's limit at the same moment, each as one
//! streamed `multipart/form-data` request.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use hdrhistogram::Histogram;
use hyper::body::Bytes;
use tokio::sync::Barrier;
use tokio::time::Instant;

use crate::citizen::{self, Citizen, SERVICE, UploadForm};
use crate::cpu::{self, CpuSample};
use crate::logins::{self, PASSWORD};
use crate::signin::account_email;
use crate::spawn;

/// Just under the 5 MiB limit of the Romanian authority (`max_upload_bytes = 5242880`).
pub const FILE_BYTES: usize = 5 * 1024 * 1024 - 4096;
pub const GOAL_CLIENTS: u16 = 50;
/// 64 MB, in bytes.
pub const GOAL_GROWTH_BYTES: u64 = 64_000_000;
const HIGHEST_MICROS: u64 = 120_000_000;
const SAMPLE_EVERY: Duration = Duration::from_millis(20);
const SETTLE: Duration = Duration::from_secs(2);
const UPLOAD_TIMEOUT: Duration = Duration::from_secs(60);
const PREPARE_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(clap::Args)]
pub struct UploadsArgs {
    /// The ghiseu binary to start (and to seed the accounts with `ghiseu person add`).
    #[arg(long, default_value = "target/release/ghiseu")]
    pub ghiseu: PathBuf,
    /// Citizens uploading at the same moment, each on its own connection.
    #[arg(long, default_value_t = GOAL_CLIENTS, value_parser = clap::value_parser!(u16).range(1..=500))]
    pub clients: u16,
    /// Size of the PDF each one uploads.
    #[arg(long, default_value_t = FILE_BYTES)]
    pub file_bytes: usize,
    /// Rounds; in each, every citizen uploads once (replacing the scan of the previous round).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=10))]
    pub rounds: u32,
    /// Also write the Markdown report to this file.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

/// One round: every citizen's upload started at once, and the server's memory meanwhile.
pub struct Round {
    pub latency_micros: Histogram<u64>,
    pub accepted: u64,
    pub refused: u64,
    pub transport_errors: u64,
    pub rss_before_kib: u64,
    pub peak_rss_kib: u64,
    /// VmRSS after the last answer and a short pause.
    pub rss_after_kib: u64,
    /// From the start to the last answer.
    pub elapsed: Duration,
    /// From the start to the highest sample.
    pub peak_at: Duration,
    pub samples: usize,
    pub others: f64,
    /// Status and problem of each refused upload.
    pub refusals: Vec<String>,
}

impl Round {
    fn quantile_ms(&self, quantile: f64) -> f64 {
        self.latency_micros.value_at_quantile(quantile) as f64 / 1000.0
    }

    fn errors(&self) -> u64 {
        self.refused + self.transport_errors
    }
}

/// Reads VmRSS every [`SAMPLE_EVERY`] until `stop`; the samples with their time since `start`.
async fn sample(
    pid: u32,
    start: Instant,
    stop: Arc<AtomicBool>,
) -> anyhow::Result<Vec<(Duration, u64)>> {
    let mut samples = Vec::new();
    let mut tick = tokio::time::interval(SAMPLE_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        samples.push((start.elapsed(), spawn::rss_kib(pid)?));
        if stop.load(Ordering::Relaxed) {
            return Ok(samples);
        }
    }
}

/// A refused answer in a few words: its status and problem type, or the page's error text.
fn refusal(answer: &citizen::Answer) -> String {
    let why = answer
        .json()
        .ok()
        .and_then(|problem| problem["type"].as_str().map(str::to_owned))
        .unwrap_or_else(|| citizen::problems(&answer.text()));
    format!("{} — {why}", answer.status)
}

enum Sent {
    Accepted(Duration),
    Refused(String),
    Failed,
}

async fn round(
    pid: u32,
    citizens: &mut Vec<(Citizen, UploadForm)>,
    file: &Bytes,
    cores: usize,
) -> anyhow::Result<Round> {
    tokio::time::sleep(SETTLE).await;
    let rss_before_kib = spawn::rss_kib(pid)?;
    let cpu_before = CpuSample::now(pid)?;
    let gate = Arc::new(Barrier::new(citizens.len() + 1));
    let mut uploads = tokio::task::JoinSet::new();
    for (index, (mut citizen, form)) in citizens.drain(..).enumerate() {
        let gate = gate.clone();
        let request = citizen.upload_request(&form, &form.requirements[0], file)?;
        uploads.spawn(async move {
            if citizen.sender.is_closed()
                && let Ok(fresh) = citizen::connect(citizen.addr).await
            {
                citizen.sender = fresh;
            }
            let _ = citizen.sender.ready().await;
            gate.wait().await;
            let sent = Instant::now();
            let answer = tokio::time::timeout(UPLOAD_TIMEOUT, citizen.exchange(request)).await;
            let outcome = match answer {
                Ok(Ok(answer)) if citizen::is_accepted_upload(&answer) => {
                    Sent::Accepted(sent.elapsed())
                }
                Ok(Ok(answer)) => Sent::Refused(refusal(&answer)),
                Ok(Err(_)) | Err(_) => Sent::Failed,
            };
            (index, citizen, form, outcome)
        });
    }
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let sampler = tokio::spawn(sample(pid, start, stop.clone()));
    gate.wait().await;
    let mut latency_micros = Histogram::new_with_bounds(1, HIGHEST_MICROS, 3)?;
    let (mut accepted, mut refused, mut transport_errors) = (0, 0, 0);
    let mut refusals = Vec::new();
    let mut back = Vec::new();
    while let Some(done) = uploads.join_next().await {
        let (index, citizen, form, outcome) = done?;
        match outcome {
            Sent::Accepted(latency) => {
                accepted += 1;
                let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
                latency_micros.saturating_record(micros.max(1));
            }
            Sent::Refused(why) => {
                refused += 1;
                refusals.push(why);
            }
            Sent::Failed => transport_errors += 1,
        }
        back.push((index, citizen, form));
    }
    let elapsed = start.elapsed();
    // A few samples after the last answer, to see what is let go.
    tokio::time::sleep(SAMPLE_EVERY * 5).await;
    stop.store(true, Ordering::Relaxed);
    let samples = sampler.await??;
    let others = CpuSample::now(pid)?.others_since(&cpu_before, cores);
    back.sort_by_key(|(index, _, _)| *index);
    citizens.extend(back.into_iter().map(|(_, c, f)| (c, f)));
    let (peak_at, peak_rss_kib) = samples
        .iter()
        .copied()
        .max_by_key(|(_, rss)| *rss)
        .unwrap_or((Duration::ZERO, rss_before_kib));
    tokio::time::sleep(SETTLE).await;
    Ok(Round {
        latency_micros,
        accepted,
        refused,
        transport_errors,
        rss_before_kib,
        peak_rss_kib: peak_rss_kib.max(rss_before_kib),
        rss_after_kib: spawn::rss_kib(pid)?,
        elapsed,
        peak_at,
        samples: samples.len(),
        others,
        refusals,
    })
}

pub async fn run(args: UploadsArgs) -> anyhow::Result<()> {
    let binary = crate::spawn::ghiseu_binary(&args.ghiseu)?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let load_average = cpu::load_average();
    let clients = u64::from(args.clients);
    let dir = tempfile::tempdir()?;
    let url = logins::database_url(dir.path());
    eprintln!("seeding {clients} accounts with `ghiseu person add` (not measured)");
    logins::seed_on(&binary, dir.path(), &url, clients, cores * 2).await?;

    let serve = || {
        let mut serve = logins::ghiseu_on(&binary, dir.path(), &url);
        serve.args(["serve", "--listen", "127.0.0.1:0", "--behind-proxy"]);
        serve
    };
    // Signing in hashes passwords (19 MiB each), which leaves the allocator holding free memory
    // that uploads would reuse unseen: the citizens are prepared on one server, and the uploads
    // measured on a second one started afresh on the same database (sessions live there).
    let preparing = spawn::start(serve(), "ghiseu serve", dir.path().join("prepare.log")).await?;
    let addr = preparing.addr;
    eprintln!("signing in {clients} citizens, filling their profiles and starting their drafts");
    let drafts = citizen::bounded(
        "preparing the citizens",
        PREPARE_TIMEOUT,
        citizen::in_parallel(clients, 1, move |index| async move {
            let mut citizen =
                Citizen::sign_in(addr, index, &account_email(index), PASSWORD).await?;
            citizen.fill_profile(index).await?;
            let case = citizen.start_draft().await?;
            anyhow::Ok((citizen, case))
        }),
    )
    .await
    .context("preparing the citizens failed")?;
    preparing.stop().await;

    let server = spawn::start(serve(), "ghiseu serve", dir.path().join("stderr.log")).await?;
    let idle_rss_kib = spawn::rss_kib(server.pid)?;
    let mut citizens = Vec::with_capacity(drafts.len());
    for (mut citizen, case) in drafts {
        citizen.addr = server.addr;
        citizen.sender = citizen::connect(server.addr).await?;
        let form = citizen.upload_form(&case).await?;
        citizens.push((citizen, form));
    }

    let file = citizen::pdf_of_size(args.file_bytes);
    let mut rounds = Vec::new();
    for number in 1..=args.rounds {
        eprintln!(
            "round {number}/{}: {clients} uploads of {} bytes at once",
            args.rounds,
            file.len()
        );
        rounds.push(round(server.pid, &mut citizens, &file, cores).await?);
    }
    let hwm_kib = spawn::peak_rss_kib(server.pid)?;
    let log = std::fs::read_to_string(dir.path().join("stderr.log")).unwrap_or_default();
    let locked = log.matches("database is locked").count();
    if rounds.iter().any(|r| r.errors() > 0) {
        eprintln!(
            "the server's stderr ends with:\n{}",
            spawn::tail(&dir.path().join("stderr.log"), 10)
        );
    }
    drop(citizens);
    server.stop().await;

    let report = UploadsReport {
        ghiseu: binary.display().to_string(),
        cores,
        load_average,
        clients: args.clients,
        file_bytes: file.len(),
        hwm_kib,
        idle_rss_kib,
        rounds: &rounds,
        refusals: refusals(&rounds),
        locked,
    };
    crate::report::publish(&report.markdown()?, args.output.as_deref())
}

pub struct UploadsReport<'a> {
    pub ghiseu: String,
    pub cores: usize,
    pub load_average: String,
    pub clients: u16,
    pub file_bytes: usize,
    pub hwm_kib: u64,
    /// VmRSS of the measured server as soon as it answered.
    pub idle_rss_kib: u64,
    pub rounds: &'a [Round],
    /// Each distinct refusal, with how many times it came.
    pub refusals: Vec<(String, u64)>,
    /// "database is locked" errors in the server's log.
    pub locked: usize,
}

fn refusals(rounds: &[Round]) -> Vec<(String, u64)> {
    let mut all: Vec<(String, u64)> = Vec::new();
    for why in rounds.iter().flat_map(|r| &r.refusals) {
        match all.iter_mut().find(|(known, _)| known == why) {
            Some((_, count)) => *count += 1,
            None => all.push((why.clone(), 1)),
        }
    }
    all
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn signed_mib(kib: i128) -> f64 {
    kib as f64 / 1024.0
}

impl UploadsReport<'_> {
    /// The largest sample of any round above the memory before the first round, in KiB.
    pub fn growth_kib(&self) -> i128 {
        let Some(first) = self.rounds.first() else {
            return 0;
        };
        let peak = self
            .rounds
            .iter()
            .map(|r| r.peak_rss_kib)
            .max()
            .unwrap_or(0);
        i128::from(peak) - i128::from(first.rss_before_kib)
    }

    pub fn markdown(&self) -> anyhow::Result<String> {
        let mut out = String::new();
        let _ = writeln!(out, "## Simultaneous uploads\n");
        let _ = writeln!(
            out,
            "Loopback, against `{}` started with `--behind-proxy` on a fresh SQLite database and \
             the local document store (files under its data directory, synced to disk). {} \
             verified accounts are made with `ghiseu person add`, then each signs in, fills its \
             profile through the profile form and starts a `{SERVICE}` draft through \
             `POST /api/v1/cases` (not measured), all on one server; the uploads go to a \
             second `ghiseu serve` started afresh on the same database and data directory \
             (sessions are kept in the database), which first serves each citizen's case page \
             for its CSRF token and requirements, so that its memory holds nothing left over \
             from password hashing. In each round, all {} citizens, each on its own \
             keep-alive connection, wait at one barrier and then upload the same valid PDF of \
             {} bytes ({:.2} MiB, just under the 5 MiB limit) as the scan of the first \
             requirement: one `multipart/form-data` POST to \
             `/en/applications/{{id}}/documents` with the CSRF token, the requirement and the \
             file, streamed in 64 KiB frames. An upload succeeds on the redirect to the case \
             page; a later round replaces the previous round's scan. The server's VmRSS (from \
             /proc/PID/status) is read every {} ms from just before the barrier until 100 ms \
             after the last answer; *before* is read after {} s idle. The load generator and the \
             server share the machine's {} core(s); its load average before the run was {} \
             (1, 5, 15 min), and *other CPU* is the CPU time other processes took during each \
             round, in cores.\n",
            self.ghiseu,
            self.clients,
            self.clients,
            self.file_bytes,
            self.file_bytes as f64 / 1_048_576.0,
            SAMPLE_EVERY.as_millis(),
            SETTLE.as_secs(),
            self.cores,
            self.load_average,
        );
        let _ = writeln!(
            out,
            "| round | uploads | accepted | p50 ms | p95 ms | p99 ms | max ms | all answered after s | refused | transport errors | VmRSS before MiB | peak MiB (at s) | growth MiB | VmRSS after MiB | samples | other CPU (cores) |"
        );
        let _ = writeln!(
            out,
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        let mut errors = 0;
        for (index, round) in self.rounds.iter().enumerate() {
            errors += round.errors();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.2} | {} | {} | {:.1} | {:.1} ({:.2}) | {:.1} | {:.1} | {} | {:.2} |",
                index + 1,
                round.accepted + round.errors(),
                round.accepted,
                round.quantile_ms(0.50),
                round.quantile_ms(0.95),
                round.quantile_ms(0.99),
                round.latency_micros.max() as f64 / 1000.0,
                round.elapsed.as_secs_f64(),
                round.refused,
                round.transport_errors,
                mib(round.rss_before_kib),
                mib(round.peak_rss_kib),
                round.peak_at.as_secs_f64(),
                signed_mib(i128::from(round.peak_rss_kib) - i128::from(round.rss_before_kib)),
                mib(round.rss_after_kib),
                round.samples,
                round.others,
            );
        }
        let _ = writeln!(out);
        for (why, count) in &self.refusals {
            let _ = writeln!(out, "- refused {count} time(s): {why}");
        }
        if self.locked > 0 {
            let _ = writeln!(
                out,
                "- the server logged {} storage failure(s) \"database is locked\" (SQLite)",
                self.locked
            );
        }
        if !self.refusals.is_empty() || self.locked > 0 {
            let _ = writeln!(out);
        }
        let growth = self.growth_kib();
        let growth_bytes = growth * 1024;
        let first_before = self.rounds.first().map_or(0, |r| r.rss_before_kib);
        let _ = writeln!(
            out,
            "Growth: the highest sample of any round minus VmRSS before the first round: \
             **{:.1} MiB** ({:.1} MB; {:.1} MiB before). That is {:.2} MiB per client \
             uploading. The measured server: {:.1} MiB when it started, peak (VmHWM) {:.1} MiB.\n",
            signed_mib(growth),
            growth_bytes as f64 / 1e6,
            mib(first_before),
            signed_mib(growth) / f64::from(self.clients.max(1)),
            mib(self.idle_rss_kib),
            mib(self.hwm_kib),
        );
        let holds = growth_bytes < i128::from(GOAL_GROWTH_BYTES);
        let verdict = if self.clients != GOAL_CLIENTS || self.file_bytes < 5_000_000 {
            "NOT ASSESSED (the goal is stated for 50 clients uploading 5 MB each)"
        } else if holds && errors == 0 {
            "PASS"
        } else {
            "FAIL"
        };
        let _ = writeln!(
            out,
            "**Goal** — while {GOAL_CLIENTS} clients upload 5 MB files at once, resident memory \
             grows by less than 64 MB, without errors: **{verdict}**\n"
        );
        let _ = writeln!(
            out,
            "- growth {:.1} MB (< 64 MB): {}",
            growth_bytes as f64 / 1e6,
            if holds { "yes" } else { "no" }
        );
        let _ = writeln!(
            out,
            "- errors on the uploads: {errors} ({} refused, {} transport)",
            self.rounds.iter().map(|r| r.refused).sum::<u64>(),
            self.rounds.iter().map(|r| r.transport_errors).sum::<u64>(),
        );
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn round(before_mib: u64, peak_mib: u64, refused: u64) -> Round {
        let mut latency_micros = Histogram::new_with_bounds(1, HIGHEST_MICROS, 3).unwrap();
        latency_micros.record(2_000_000).unwrap();
        Round {
            latency_micros,
            accepted: 50 - refused,
            refused,
            transport_errors: 0,
            rss_before_kib: before_mib * 1024,
            peak_rss_kib: peak_mib * 1024,
            rss_after_kib: before_mib * 1024,
            elapsed: Duration::from_secs(2),
            peak_at: Duration::from_secs(1),
            samples: 100,
            others: 0.1,
            refusals: vec![
                "500 Internal Server Error: x".into();
                usize::try_from(refused).unwrap()
            ],
        }
    }

    fn markdown(rounds: &[Round], clients: u16) -> String {
        UploadsReport {
            ghiseu: "ghiseu".into(),
            cores: 2,
            load_average: "0.10, 0.20, 0.30".into(),
            clients,
            file_bytes: FILE_BYTES,
            hwm_kib: 400 * 1024,
            idle_rss_kib: 20 * 1024,
            rounds,
            refusals: refusals(rounds),
            locked: 0,
        }
        .markdown()
        .unwrap()
    }

    #[test]
    fn verdict_follows_the_goal() {
        assert!(markdown(&[round(30, 60, 0), round(40, 70, 0)], 50).contains("**PASS**"));
        // Measured against the memory before the first round, not each round's own.
        assert!(markdown(&[round(30, 60, 0), round(80, 100, 0)], 50).contains("**FAIL**"));
        assert!(markdown(&[round(30, 40, 1)], 50).contains("**FAIL**"));
        assert!(markdown(&[round(30, 40, 0)], 10).contains("NOT ASSESSED"));
        assert!(markdown(&[round(30, 300, 0)], 50).contains("**270.0 MiB**"));
    }
}
