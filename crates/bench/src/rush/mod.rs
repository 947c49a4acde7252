//! `ghiseu-bench rush`: many citizens racing for a few freshly released appointment slots
//! through the JSON API of a real `ghiseu serve`, on SQLite and PostgreSQL (and on PostgreSQL
//! with two server processes on one database), then a database check for double bookings.

mod client;
mod db;
mod race;
mod report;
mod sustained;
mod tally;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::sync::Barrier;
use tokio::time::Instant;

use crate::citizen;
use crate::cpu::{self, CpuSample};
use crate::logins;
use crate::spawn;
use crate::submissions::{Database, fresh_database};

use client::*;
use db::*;
use race::*;
pub use report::RushReport;
use tally::*;

pub const SERVICE: &str = "ro.passport.certificate";
pub const OFFICE: &str = "ab-alba-iulia";
const ZONE: &str = "Europe/Bucharest";
const SESSION_COOKIE: &str = "ghiseu_session";
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Days released at once, counted back from the newest released day (release is 30 days ahead).
const RELEASE_DAYS_AHEAD: i64 = 30;
const HOLDING_STATES: &str = "('held', 'confirmed', 'checked-in', 'called')";
const GOAL_P99_MS: f64 = 300.0;
/// The same-run baseline: a plain read over as many connections as the quote benchmark uses.
const BASELINE: Duration = Duration::from_secs(3);
const BASELINE_CONNECTIONS: usize = 64;
const GOAL_ATTEMPTS_PER_SECOND: f64 = 3000.0;

#[derive(clap::Args)]
pub struct RushArgs {
    /// The ghiseu binary to start.
    #[arg(long, default_value = "target/release/ghiseu")]
    pub ghiseu: PathBuf,
    /// The databases to measure, in this order; PostgreSQL is also measured with two servers.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Database::Sqlite, Database::Postgres])]
    pub databases: Vec<Database>,
    /// A PostgreSQL database to connect to as a user who may create databases; each run creates
    /// its own fresh database on that server and drops it afterwards.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/test")]
    pub postgres_url: String,
    /// Concurrent clients, each a signed-in citizen with its own address and connection.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub clients: u64,
    /// Slots raced for (capacity 1 each), the newest released ones.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u64).range(1..=2000))]
    pub slots: u64,
    /// The whole race is cut off after this many seconds.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub seconds: u64,
    /// Skip the PostgreSQL run with two server processes.
    #[arg(long)]
    pub one_server_only: bool,
    /// What a client refused for a full slot does next: try one of the free slots the refusal
    /// offers nearby (searching only when none of them is raced), or always search first.
    #[arg(long, value_enum, default_value_t = AfterFull::Nearby)]
    pub after_full: AfterFull,
    /// Instead of the one-off race: a sustained rush of people and bots against a cluster that
    /// this run starts with `scripts/cluster` (PostgreSQL behind HAProxy), with a wave of places
    /// released every `--wave-seconds` for `--seconds`.
    #[arg(long)]
    pub sustained: bool,
    /// Sustained: the waves of places, one day of the widened information window (200) each.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u64).range(1..=10))]
    pub waves: u64,
    /// Sustained: seconds between waves.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=60))]
    pub wave_seconds: u64,
    /// Sustained: the seconds over which people first look (bots all come at the start).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub arrival_seconds: u64,
    /// Sustained: the share of clients, in percent, that are bots.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(0..=100))]
    pub bots_percent: u64,
    /// Sustained: the waiting room's threshold (searches and holds a second, in one server, at
    /// which it opens) in
    /// the bench catalogue; the shipped value (200) when not given.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub waiting_room_threshold: Option<u32>,
    /// Sustained: the people the waiting room lets through a second in the bench catalogue; the
    /// shipped value (100), or the threshold when that is lower, when not given.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub waiting_room_admit: Option<u32>,
    /// Sustained: the cluster's servers.
    #[arg(long, default_value_t = 3)]
    pub nodes: usize,
    /// Sustained: the cluster script, and the state directory it is given.
    #[arg(long, default_value = "scripts/cluster")]
    pub cluster_script: PathBuf,
    #[arg(long, default_value = "target/cluster-rush")]
    pub cluster_dir: PathBuf,
    /// Also write the Markdown report to this file.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

/// A client's next step after a `slot-full` refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AfterFull {
    /// One of the refusal's `nearby` slots in the raced set, at random; a search when none.
    Nearby,
    /// A search of all the raced days, then one of its free slots at random.
    Search,
}

async fn race_on(
    binary: &Path,
    database: Database,
    servers: usize,
    args: &RushArgs,
    cores: usize,
) -> anyhow::Result<Race> {
    let dir = tempfile::tempdir()?;
    let (postgres, url) = fresh_database(database, dir.path(), &args.postgres_url)?;
    let catalogue = dir.path().join("catalogue");
    sustained::catalogue_with_room_shut(Path::new("catalogue"), &catalogue)?;
    let mut running = Vec::with_capacity(servers);
    for number in 0..servers {
        let mut serve = logins::ghiseu_on(binary, dir.path(), &url);
        serve
            .args(["serve", "--listen", "127.0.0.1:0", "--behind-proxy"])
            .env("GHISEU_CATALOGUE", &catalogue);
        // One after the other, so that only the first applies the migrations.
        running.push(
            spawn::start(
                serve,
                "ghiseu serve",
                dir.path().join(format!("stderr-{number}.log")),
            )
            .await?,
        );
    }
    eprintln!(
        "{} with {servers} server(s): seeding {} citizens with sessions (not measured)",
        database.name(),
        args.clients
    );
    let tokens = seed(database, &url, args.clients)?;
    eprintln!(
        "{}: baseline, GET /api/v1/services over {BASELINE_CONNECTIONS} connections for {} s",
        database.name(),
        BASELINE.as_secs()
    );
    let baseline =
        crate::submissions::services(running[0].addr, BASELINE_CONNECTIONS, BASELINE).await?;
    let wanted = usize::try_from(args.slots)?;
    let slots = collect_slots(running[0].addr, wanted).await?;
    let mut days: Vec<String> = Vec::new();
    for slot in &slots {
        if !days.contains(&slot.date) {
            days.push(slot.date.clone());
        }
    }
    eprintln!(
        "{}: {} slots on {} ({} days); connecting {} clients",
        database.name(),
        slots.len(),
        days.join(", "),
        days.len(),
        args.clients
    );
    let first_day = days.iter().min().cloned().unwrap_or_default();
    let last_day = days.iter().max().cloned().unwrap_or_default();
    let span = jiff::civil::Date::strptime("%Y-%m-%d", &first_day)?
        .until(jiff::civil::Date::strptime("%Y-%m-%d", &last_day)?)?
        .get_days();
    let shared = Arc::new(Shared {
        first_day,
        span_days: u8::try_from(span + 1)?,
        starts: slots.iter().map(|s| s.start.clone()).collect(),
        slots,
        days,
        barrier: Barrier::new(tokens.len() + 1),
        cutoff: Duration::from_secs(args.seconds),
        after_full: args.after_full,
    });
    // Every client opens its keep-alive connection before the race.
    let mut clients = Vec::with_capacity(tokens.len());
    for (index, token) in tokens.iter().enumerate() {
        let addr = running[index % servers].addr;
        let sender = citizen::connect(addr).await.ok();
        let index = u64::try_from(index)?;
        clients.push(Client {
            addr,
            sender,
            address: client_address(index),
            cookie: format!("{SESSION_COOKIE}={token}"),
        });
    }
    let warming = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for (index, client) in clients.into_iter().enumerate() {
        let shared = shared.clone();
        let seed = u64::try_from(index)? + 1;
        workers.spawn(race_one(client, shared, seed));
    }
    eprintln!("{}: race", database.name());
    shared.barrier.wait().await;
    let started = Instant::now();
    // From the barrier on: the clients' warm-up before it is not the race's.
    let before: Vec<CpuSample> = running
        .iter()
        .map(|s| CpuSample::now(s.pid))
        .collect::<anyhow::Result<_>>()?;
    eprintln!(
        "{}: clients warmed up in {:.2} s",
        database.name(),
        warming.elapsed().as_secs_f64()
    );
    let mut tally = Tally::new();
    while let Some(done) = workers.join_next().await {
        tally.merge(&done.context("a client panicked")??)?;
    }
    let wall = started.elapsed();
    let mut server_cores = 0.0;
    let mut bench_cores = 0.0;
    let mut other_cores = 0.0;
    let mut postgres_cores = 0.0;
    for (server, earlier) in running.iter().zip(&before) {
        let after = CpuSample::now(server.pid)?;
        server_cores += after.server_since(earlier, cores);
        bench_cores = after.this_since(earlier, cores);
        other_cores = after.others_since(earlier, cores);
        postgres_cores = after.postgres_since(earlier, cores);
    }
    if servers > 1 {
        // Each sample's "others" counts the other server; take it out once per extra server.
        other_cores = (other_cores - (server_cores - server_cores / servers as f64)).max(0.0);
    }
    // What is left once PostgreSQL's share is told apart: the machine's
    // other tenants (for SQLite, PostgreSQL's idle processes too).
    let other_cores = (other_cores - postgres_cores).max(0.0);
    let check = check(database, &url)?;
    for number in 0..servers {
        let log = dir.path().join(format!("stderr-{number}.log"));
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let errors: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("ERROR") || l.contains("booking limit reached"))
            .collect();
        eprintln!(
            "{} server {number}: {} ERROR lines in its log; the first ones:",
            database.name(),
            errors.len()
        );
        for line in errors.iter().take(5) {
            eprintln!("  | {}", line.chars().take(400).collect::<String>());
        }
    }
    for server in running {
        server.stop().await;
    }
    drop(postgres);
    Ok(Race {
        database,
        servers,
        clients: args.clients,
        slots: shared.slots.len(),
        days: shared.days.clone(),
        wall,
        tally,
        check,
        server_cores,
        bench_cores,
        other_cores,
        postgres_cores,
        baseline,
    })
}

pub async fn run(args: RushArgs) -> anyhow::Result<()> {
    if args.sustained {
        return sustained::run(&args).await;
    }
    let binary = crate::spawn::ghiseu_binary(&args.ghiseu)?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let load_average = cpu::load_average();
    let mut plan = Vec::new();
    for database in args.databases.clone() {
        plan.push((database, 1));
        if database == Database::Postgres && !args.one_server_only {
            plan.push((database, 2));
        }
    }
    let mut races = Vec::new();
    for (database, servers) in plan {
        races.push(race_on(&binary, database, servers, &args, cores).await?);
    }
    let report = RushReport {
        ghiseu: binary.display().to_string(),
        cores,
        load_average,
        seconds: args.seconds,
        after_full: args.after_full,
        races: &races,
    };
    crate::report::publish(&report.markdown(), args.output.as_deref())
}
