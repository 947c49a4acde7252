//! `ghiseu-bench`: a loopback load generator comparing `POST /api/v1/quotes` of the real server
//! with a bare axum baseline, and measuring sign-ins and their effect on `GET /api/v1/services`,
//! the server's memory while citizens upload scans at once, submissions per second on SQLite
//! and PostgreSQL, a crowd racing for appointment slots, and whether the time of a sign-in or a
//! registration tells if an e-mail address is registered, bounded in time and in requests.
//!
//! Electronic issue through HTTP, on SQLite and PostgreSQL, with the QR verification and the
//! public check of what was issued as ratios of the bare baseline of the same run:
//!
//! ```text
//! cargo build --release -p ghiseu -p ghiseu-bench
//! target/release/ghiseu-bench issue --output target/bench/issue.md
//! ```

mod bare;
mod certificates;
mod check;
mod citizen;
mod cpu;
mod fee_orders;
mod issue;
mod issue_citizen;
mod issue_report;
mod load;
mod logins;
mod logins_report;
mod registry;
mod report;
mod rush;
mod signin;
mod spawn;
mod submissions;
mod timing;
mod timing_report;
mod timing_stats;
mod uploads;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use hyper::body::Bytes;
use tokio::process::Command;

use crate::load::{Load, Outcome, Target};
use crate::report::{Report, Startup};

#[derive(Parser)]
#[command(name = "ghiseu-bench", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand)]
enum Commands {
    /// The baseline: a bare axum server with `POST /echo` taking and answering quote-like JSON.
    BareServer {
        #[arg(long, default_value = "127.0.0.1:0")]
        listen: SocketAddr,
    },
    /// Measure startup, idle memory, then throughput and latency of the quote endpoint against
    /// the bare baseline, interleaved round by round.
    Quotes(QuotesArgs),
    /// Measure the public validity check on PostgreSQL against the bare baseline, and compare
    /// the time of "no match" for an unknown number and for a wrong personal id.
    Check(check::CheckArgs),
    /// Measure sign-in throughput, then the latency of `GET /api/v1/services` with and without
    /// sign-ins running at a fixed rate, on accounts seeded with `ghiseu person add`.
    Logins(logins::LoginsArgs),
    /// Measure the server's resident memory while 50 signed-in citizens upload a 5 MB scan each
    /// at the same moment.
    Uploads(uploads::UploadsArgs),
    /// Measure submissions per second through the JSON API on SQLite and PostgreSQL, against
    /// `GET /api/v1/services` of the same server.
    Submissions(submissions::SubmissionsArgs),
    /// Measure 2,000 citizens racing for 200 freshly released appointment slots through the
    /// JSON API on SQLite and PostgreSQL, then check the database for double bookings.
    Rush(rush::RushArgs),
    /// Compare, request by request, wrong-password sign-ins for registered and unregistered
    /// e-mail addresses, and registrations of new and already registered addresses.
    Timing(timing::TimingArgs),
    /// Generate a million documents in a fresh PostgreSQL database, run the reminder scan for a
    /// day twice (the second queues nothing) and show the plan of its batch query.
    Reminders(registry::RegistryArgs),
    /// Issue certificates without the database on every core (seal, QR, PDF/A, PAdES
    /// signature), then verify QR texts on one core.
    Certificates(certificates::CertificatesArgs),
    /// Measure what a payment webhook costs when it pays one fee order for several cases,
    /// against the same cases paid case by case, in process on SQLite and PostgreSQL.
    FeeOrders(fee_orders::FeeOrdersArgs),
    /// Issue criminal record certificates through HTTP to citizens with card assurance, on
    /// SQLite and PostgreSQL (certificates per second, latency of the issuing submission,
    /// certificate size), then verify their QR texts and check them publicly, each against the
    /// bare baseline in the same run.
    Issue(issue::IssueArgs),
    /// Import a generated 100,000-row register CSV through `ghiseu registry import` into a fresh
    /// PostgreSQL database, then import it again (nothing changes).
    Import(registry::RegistryArgs),
}

#[derive(clap::Args)]
struct QuotesArgs {
    /// The ghiseu binary to start.
    #[arg(long, default_value = "target/release/ghiseu")]
    ghiseu: PathBuf,
    /// Concurrent keep-alive connections per target.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..=1024))]
    connections: u16,
    /// Length of one measured run, per target and round.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    seconds: u64,
    /// Rounds; each runs the baseline then the quote endpoint.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=20))]
    rounds: u32,
    /// At most this many requests in one run (a run also stops when its time is up).
    #[arg(long, default_value_t = 5_000_000)]
    max_requests: u64,
    /// Also write the Markdown report to this file.
    #[arg(long)]
    output: Option<PathBuf>,
}

const STARTS: usize = 5;
const IDLE: Duration = Duration::from_secs(2);
const WARM_UP: Duration = Duration::from_secs(1);
const GOAL_CONNECTIONS: u16 = 64;

/// Valid requests across services, ages and urgencies, sent in turn on every connection.
fn quote_bodies() -> Vec<serde_json::Value> {
    use serde_json::json;
    vec![
        json!({"service": "ro.passport.electronic", "birth_date": "2016-05-10", "filed_on": "2026-11-23"}),
        json!({"service": "ro.passport.electronic", "birth_date": "1985-03-14", "filed_on": "2026-11-24"}),
        json!({"service": "ro.passport.temporary", "birth_date": "1990-01-01", "filed_on": "2026-11-27"}),
        json!({"service": "md.igm.pc", "birth_date": "1980-06-15", "filed_on": "2026-11-23", "urgency": "same-day"}),
        json!({"service": "md.igm.pc", "birth_date": "2021-03-01", "filed_on": "2026-11-23", "urgency": "20wd"}),
        json!({"service": "md.igm.cc", "birth_date": "1990-02-10", "filed_on": "2026-11-23", "urgency": "5wd"}),
        json!({"service": "md.igm.cc", "birth_date": "1970-01-01", "filed_on": "2026-11-25", "urgency": "20wd"}),
        json!({"service": "md.igm.ir", "birth_date": "1985-01-01", "filed_on": "2026-11-23", "urgency": "10wd",
               "stay_until": "2028-06-30", "passport_expires": "2027-12-31"}),
    ]
}

fn encoded_bodies() -> anyhow::Result<Arc<Vec<Bytes>>> {
    quote_bodies()
        .iter()
        .map(|body| Ok(Bytes::from(serde_json::to_vec(body)?)))
        .collect::<anyhow::Result<Vec<_>>>()
        .map(Arc::new)
}

fn ghiseu_command(binary: &PathBuf, dir: &tempfile::TempDir) -> Command {
    let mut command = Command::new(binary);
    command
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env(
            "GHISEU_DATABASE_URL",
            format!("sqlite://{}/ghiseu.db?mode=rwc", dir.path().display()),
        )
        .current_dir(dir.path());
    command
}

async fn quotes(args: QuotesArgs) -> anyhow::Result<()> {
    let ghiseu = crate::spawn::ghiseu_binary(&args.ghiseu)?;
    let bench_exe = std::env::current_exe().context("cannot find this executable")?;
    let load = Load {
        connections: usize::from(args.connections),
        duration: Duration::from_secs(args.seconds),
        max_requests: args.max_requests,
    };

    eprintln!(
        "startup: {STARTS} starts of {} on fresh databases",
        ghiseu.display()
    );
    let mut startups = Vec::with_capacity(STARTS);
    let mut dirs = Vec::with_capacity(STARTS);
    let mut running = None;
    for attempt in 1..=STARTS {
        let dir = tempfile::tempdir()?;
        let server = spawn::start(
            ghiseu_command(&ghiseu, &dir),
            "ghiseu serve",
            dir.path().join("stderr.log"),
        )
        .await?;
        startups.push(server.startup);
        if attempt < STARTS {
            server.stop().await;
        } else {
            running = Some(server);
        }
        dirs.push(dir);
    }
    let Some(ghiseu_server) = running else {
        bail!("no ghiseu server left running");
    };
    tokio::time::sleep(IDLE).await;
    let idle_rss_kib = spawn::rss_kib(ghiseu_server.pid)?;

    let bare_dir = tempfile::tempdir()?;
    let mut bare_command = Command::new(&bench_exe);
    bare_command.args(["bare-server", "--listen", "127.0.0.1:0"]);
    let bare_server = spawn::start(
        bare_command,
        "ghiseu-bench bare-server",
        bare_dir.path().join("stderr.log"),
    )
    .await?;

    let bodies = encoded_bodies()?;
    let bare = Target {
        name: "bare baseline",
        addr: bare_server.addr,
        path: "/echo",
        bodies: bodies.clone(),
    };
    let quote = Target {
        name: "ghiseu quotes",
        addr: ghiseu_server.addr,
        path: "/api/v1/quotes",
        bodies,
    };
    load::preflight(&bare).await?;
    load::preflight(&quote)
        .await
        .context("the quote endpoint refused a benchmark request")?;

    let warm_up = Load {
        duration: WARM_UP,
        ..load
    };
    for target in [&bare, &quote] {
        eprintln!("warm-up: {} for {} s", target.name, WARM_UP.as_secs());
        load::run(target, warm_up).await?;
    }

    let mut rounds = Vec::new();
    for round in 1..=args.rounds {
        let mut pair = Vec::new();
        for target in [&bare, &quote] {
            eprintln!(
                "round {round}/{}: {} with {} connections for {} s",
                args.rounds, target.name, load.connections, args.seconds
            );
            pair.push(load::run(target, load).await?);
        }
        let quotes_outcome = pair.pop();
        let bare_outcome = pair.pop();
        if let (Some(bare_outcome), Some(quotes_outcome)) = (bare_outcome, quotes_outcome) {
            rounds.push((bare_outcome, quotes_outcome));
        }
    }
    bare_server.stop().await;
    ghiseu_server.stop().await;

    let mut bare_total = Outcome::empty()?;
    let mut quotes_total = Outcome::empty()?;
    for (bare_outcome, quotes_outcome) in &rounds {
        bare_total.merge(bare_outcome)?;
        quotes_total.merge(quotes_outcome)?;
    }
    let report = Report {
        ghiseu: ghiseu.display().to_string(),
        cores: std::thread::available_parallelism().map_or(0, usize::from),
        connections: args.connections,
        goal_connections: GOAL_CONNECTIONS,
        seconds: args.seconds,
        max_requests: args.max_requests,
        bodies: quote_bodies().len(),
        startup: Startup::from_samples(&startups),
        idle_rss_kib,
        rounds: &rounds,
        bare_total: &bare_total,
        quotes_total: &quotes_total,
    };
    let markdown = report.markdown();
    println!("{markdown}");
    if let Some(output) = args.output {
        if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&output, markdown)
            .with_context(|| format!("cannot write {}", output.display()))?;
        eprintln!("report written to {}", output.display());
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Commands::BareServer { listen } => bare::serve(listen).await,
        Commands::Quotes(args) => quotes(args).await,
        Commands::Check(args) => check::run(args).await,
        Commands::Logins(args) => logins::run(args).await,
        Commands::Uploads(args) => uploads::run(args).await,
        Commands::Submissions(args) => submissions::run(args).await,
        Commands::Rush(args) => rush::run(args).await,
        Commands::Timing(args) => timing::run(args).await,
        Commands::Reminders(args) => registry::reminders(&args),
        Commands::Import(args) => registry::import(&args),
        Commands::Certificates(args) => certificates::run(args),
        Commands::FeeOrders(args) => fee_orders::run(args).await,
        Commands::Issue(args) => issue::run(args).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("ghiseu-bench: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    async fn bare_target() -> Target {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, bare::router()).await });
        Target {
            name: "bare",
            addr,
            path: "/echo",
            bodies: encoded_bodies().unwrap(),
        }
    }

    #[test]
    fn reads_the_address_from_the_listening_line() {
        assert_eq!(
            spawn::listening_addr("Ghiseu is listening on http://127.0.0.1:40123"),
            Some("127.0.0.1:40123".parse().unwrap())
        );
        assert_eq!(spawn::listening_addr("migrations applied"), None);
    }

    #[test]
    fn every_body_is_a_quote_request() {
        for body in encoded_bodies().unwrap().iter() {
            serde_json::from_slice::<bare::QuoteRequest>(body).unwrap();
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn load_against_the_bare_server_counts_every_answer() {
        let target = bare_target().await;
        load::preflight(&target).await.unwrap();
        let outcome = load::run(
            &target,
            Load {
                connections: 4,
                duration: Duration::from_millis(300),
                max_requests: u64::MAX,
            },
        )
        .await
        .unwrap();
        assert!(outcome.ok > 0);
        assert_eq!(outcome.errors(), 0);
        assert_eq!(outcome.latency_micros.len(), outcome.ok);
        assert!(outcome.throughput() > 0.0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_request_budget_bounds_a_run() {
        let target = bare_target().await;
        let outcome = load::run(
            &target,
            Load {
                connections: 3,
                duration: Duration::from_secs(30),
                max_requests: 50,
            },
        )
        .await
        .unwrap();
        assert_eq!(outcome.ok, 50);
        assert!(outcome.budget_exhausted);
        assert!(outcome.elapsed < Duration::from_secs(10));
    }

    #[tokio::test]
    async fn a_refused_request_fails_the_preflight() {
        let mut target = bare_target().await;
        target.bodies = Arc::new(vec![Bytes::from_static(b"{\"no\": \"service\"}")]);
        let err = load::preflight(&target).await.unwrap_err();
        assert!(err.to_string().contains("422"), "{err}");
    }
}
