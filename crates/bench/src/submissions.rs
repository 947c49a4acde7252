//! `ghiseu-bench submissions`: submissions per second through `POST /api/v1/cases/{id}/submit`
//! of a real `ghiseu serve`, on SQLite and on PostgreSQL, against `GET /api/v1/services` of the
//! same server in the same run.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use hyper::Request;
use hyper::header::HOST;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::citizen::{self, Chunks, Citizen, SERVICE};
use crate::cpu::{self, CpuSample};
use crate::load::Outcome;
use crate::logins::{self, PASSWORD};
use crate::signin::{SERVICES_PATH, account_email};
use crate::spawn;

const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const PREPARE_TIMEOUT: Duration = Duration::from_secs(600);
/// Attempts at preparing one draft (each signs in again: at most 5 sign-ins per account).
const PREPARE_ATTEMPTS: u32 = 3;
const WARM_UP: Duration = Duration::from_secs(1);
/// Size of each small scan uploaded while preparing the drafts.
const SCAN_BYTES: usize = 20 * 1024;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Database {
    Sqlite,
    Postgres,
}

impl Database {
    pub fn name(self) -> &'static str {
        match self {
            Database::Sqlite => "SQLite",
            Database::Postgres => "PostgreSQL",
        }
    }
}

#[derive(clap::Args)]
pub struct SubmissionsArgs {
    /// The ghiseu binary to start (and to seed the accounts with `ghiseu person add`).
    #[arg(long, default_value = "target/release/ghiseu")]
    pub ghiseu: PathBuf,
    /// The databases to measure, in this order.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Database::Sqlite, Database::Postgres])]
    pub databases: Vec<Database>,
    /// A PostgreSQL database to connect to as a user who may create databases; each run creates
    /// its own fresh database on that server and drops it afterwards.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/test")]
    pub postgres_url: String,
    /// Drafts submitted in each round (one account and one draft each).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=5000))]
    pub drafts: u64,
    /// Concurrent keep-alive connections, for the submissions and for the baseline.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub connections: u16,
    /// Length of each baseline run of `GET /api/v1/services`.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=60))]
    pub seconds: u64,
    /// Rounds per database; each measures the baseline, then submits its drafts.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=10))]
    pub rounds: u32,
    /// Also write the Markdown report to this file.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

/// A database created for one run and dropped when this is dropped.
pub struct PostgresDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

pub(crate) fn psql(admin_url: &str, sql: &str) -> anyhow::Result<()> {
    let output = std::process::Command::new("psql")
        .args([admin_url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql])
        .output()
        .context("cannot run psql (is the PostgreSQL client installed?)")?;
    if !output.status.success() {
        bail!(
            "psql -c {sql:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// A fresh database for one run: a SQLite file in `dir`, or a PostgreSQL
/// database made for it (dropped when the returned handle is); its URL.
pub fn fresh_database(
    database: Database,
    dir: &Path,
    postgres_url: &str,
) -> anyhow::Result<(Option<PostgresDatabase>, String)> {
    let postgres = match database {
        Database::Sqlite => None,
        Database::Postgres => Some(PostgresDatabase::create(postgres_url)?),
    };
    let url = postgres
        .as_ref()
        .map_or_else(|| logins::database_url(dir), |pg| pg.url.clone());
    Ok((postgres, url))
}

impl PostgresDatabase {
    pub fn create(admin_url: &str) -> anyhow::Result<PostgresDatabase> {
        let (server, _) = admin_url
            .rsplit_once('/')
            .filter(|(server, _)| server.contains("://"))
            .ok_or_else(|| anyhow!("{admin_url} is not a postgres://…/DATABASE address"))?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .subsec_nanos();
        let name = format!("ghiseu_bench_{}_{nanos:09}", std::process::id());
        psql(admin_url, &format!("CREATE DATABASE {name}"))?;
        Ok(PostgresDatabase {
            admin_url: admin_url.to_owned(),
            url: format!("{server}/{name}"),
            name,
        })
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Err(err) = psql(&self.admin_url, &drop) {
            eprintln!("ghiseu-bench: could not drop {}: {err}", self.name);
        }
    }
}

/// One database's run.
pub struct DatabaseRun {
    pub database: Database,
    pub accounts: u64,
    pub preparation: Duration,
    pub rounds: Vec<Round>,
}

pub struct Round {
    pub services: Outcome,
    pub submissions: Outcome,
    pub services_others: f64,
    pub submissions_others: f64,
}

/// `connections` workers on keep-alive connections, each sending the next request from `next`
/// as soon as its previous answer is read, until `next` gives none or `deadline` passes.
pub(crate) async fn closed_loop(
    addr: SocketAddr,
    connections: usize,
    next: Arc<dyn Fn() -> anyhow::Result<Option<Request<Chunks>>> + Send + Sync>,
    deadline: Instant,
) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let mut workers = JoinSet::new();
    for _ in 0..connections {
        let next = next.clone();
        workers.spawn(async move {
            let mut outcome = Outcome::empty()?;
            let mut sender = None;
            while Instant::now() < deadline {
                let live = match sender.as_mut() {
                    Some(live) => live,
                    None => match citizen::connect(addr).await {
                        Ok(fresh) => sender.insert(fresh),
                        Err(_) => {
                            outcome.transport_errors += 1;
                            tokio::time::sleep(Duration::from_millis(20)).await;
                            continue;
                        }
                    },
                };
                let Some(request) = next()? else {
                    outcome.budget_exhausted = true;
                    break;
                };
                let sent = Instant::now();
                let exchange = async {
                    live.ready().await?;
                    let response = live.send_request(request).await?;
                    let status = response.status();
                    http_body_util::BodyExt::collect(response.into_body()).await?;
                    anyhow::Ok(status)
                };
                match tokio::time::timeout(REQUEST_TIMEOUT, exchange).await {
                    Ok(Ok(status)) => {
                        let micros = u64::try_from(sent.elapsed().as_micros()).unwrap_or(u64::MAX);
                        outcome.latency_micros.saturating_record(micros.max(1));
                        if status.is_success() {
                            outcome.ok += 1;
                            if Instant::now() <= deadline {
                                outcome.ok_in_time += 1;
                            }
                        } else {
                            outcome.non_2xx += 1;
                        }
                    }
                    Ok(Err(_)) | Err(_) => {
                        outcome.transport_errors += 1;
                        sender = None;
                    }
                }
            }
            anyhow::Ok(outcome)
        });
    }
    let mut total = Outcome::empty()?;
    while let Some(worker) = workers.join_next().await {
        total.merge(&worker??)?;
    }
    total.elapsed = started
        .elapsed()
        .min(deadline.saturating_duration_since(started));
    Ok(total)
}

pub(crate) async fn services(
    addr: SocketAddr,
    connections: usize,
    for_: Duration,
) -> anyhow::Result<Outcome> {
    let next = Arc::new(move || {
        Ok(Some(
            Request::get(SERVICES_PATH)
                .header(HOST, addr.to_string())
                .body(Chunks::empty())?,
        ))
    });
    closed_loop(addr, connections, next, Instant::now() + for_).await
}

/// Signs citizen `index` in, fills its profile, starts a draft, uploads a scan for every
/// requirement its case page lists and returns the request that submits it.
async fn prepare(
    addr: SocketAddr,
    index: u64,
    scan: hyper::body::Bytes,
) -> anyhow::Result<Request<Chunks>> {
    let mut citizen = Citizen::sign_in(addr, index, &account_email(index), PASSWORD).await?;
    citizen.fill_profile(index).await?;
    let case = citizen.start_draft().await?;
    let form = citizen.upload_form(&case).await?;
    citizen.upload_all(&form, &scan).await?;
    let read = citizen.get(&format!("/api/v1/cases/{case}")).await?;
    let version = read.json()?["version"]
        .as_i64()
        .ok_or_else(|| anyhow!("GET /api/v1/cases/{case} answered no version"))?;
    citizen.json_request(
        &format!("/api/v1/cases/{case}/submit"),
        &serde_json::json!({ "version": version }),
    )
}

async fn run_on(
    binary: &Path,
    database: Database,
    args: &SubmissionsArgs,
    cores: usize,
) -> anyhow::Result<DatabaseRun> {
    let dir = tempfile::tempdir()?;
    let (postgres, url) = fresh_database(database, dir.path(), &args.postgres_url)?;
    let accounts = args.drafts * u64::from(args.rounds);
    let started = Instant::now();
    eprintln!(
        "{}: seeding {accounts} accounts with `ghiseu person add` (not measured)",
        database.name()
    );
    logins::seed_on(binary, dir.path(), &url, accounts, cores * 2).await?;
    let mut serve = logins::ghiseu_on(binary, dir.path(), &url);
    serve.args(["serve", "--listen", "127.0.0.1:0", "--behind-proxy"]);
    let server = spawn::start(serve, "ghiseu serve", dir.path().join("stderr.log")).await?;
    let addr = server.addr;
    eprintln!(
        "{}: preparing {accounts} drafts with their scans (not measured)",
        database.name()
    );
    let scan = citizen::pdf_of_size(SCAN_BYTES);
    let requests = citizen::bounded(
        "preparing the drafts",
        PREPARE_TIMEOUT,
        citizen::in_parallel(accounts, cores, move |index| {
            let scan = scan.clone();
            async move {
                // Concurrent writes on SQLite are sometimes refused ("database is locked"):
                // preparation is not measured, so a refused draft is simply prepared again.
                let mut attempt = 1;
                loop {
                    match prepare(addr, index, scan.clone()).await {
                        Ok(request) => return Ok(request),
                        Err(err) if attempt >= PREPARE_ATTEMPTS => return Err(err),
                        Err(_) => attempt += 1,
                    }
                }
            }
        }),
    )
    .await
    .context("preparing the drafts failed")?;
    let preparation = started.elapsed();
    let connections = usize::from(args.connections);
    services(addr, connections, WARM_UP).await?;

    let mut requests = VecDeque::from(requests);
    let mut rounds = Vec::new();
    for number in 1..=args.rounds {
        eprintln!(
            "{} round {number}/{}: GET {SERVICES_PATH} for {} s",
            database.name(),
            args.rounds,
            args.seconds
        );
        let before = CpuSample::now(server.pid)?;
        let baseline = services(addr, connections, Duration::from_secs(args.seconds)).await?;
        let services_others = CpuSample::now(server.pid)?.others_since(&before, cores);

        let batch: VecDeque<_> = requests
            .drain(..usize::try_from(args.drafts)?.min(requests.len()))
            .collect();
        eprintln!(
            "{} round {number}/{}: {} submissions over {connections} connections",
            database.name(),
            args.rounds,
            batch.len()
        );
        let batch = Arc::new(Mutex::new(batch));
        let next = Arc::new(move || {
            Ok(batch
                .lock()
                .map_err(|_| anyhow!("a submission worker panicked"))?
                .pop_front())
        });
        let before = CpuSample::now(server.pid)?;
        let submitted = closed_loop(
            addr,
            connections,
            next,
            Instant::now() + Duration::from_secs(600),
        )
        .await?;
        rounds.push(Round {
            services: baseline,
            submissions: submitted,
            services_others,
            submissions_others: CpuSample::now(server.pid)?.others_since(&before, cores),
        });
    }
    server.stop().await;
    drop(postgres);
    Ok(DatabaseRun {
        database,
        accounts,
        preparation,
        rounds,
    })
}

pub async fn run(args: SubmissionsArgs) -> anyhow::Result<()> {
    let binary = crate::spawn::ghiseu_binary(&args.ghiseu)?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let load_average = cpu::load_average();
    let mut runs = Vec::new();
    for database in args.databases.clone() {
        runs.push(run_on(&binary, database, &args, cores).await?);
    }
    let report = SubmissionsReport {
        ghiseu: binary.display().to_string(),
        cores,
        load_average,
        connections: args.connections,
        seconds: args.seconds,
        drafts: args.drafts,
        runs: &runs,
    };
    crate::report::publish(&report.markdown()?, args.output.as_deref())
}

pub struct SubmissionsReport<'a> {
    pub ghiseu: String,
    pub cores: usize,
    pub load_average: String,
    pub connections: u16,
    pub seconds: u64,
    pub drafts: u64,
    pub runs: &'a [DatabaseRun],
}

fn row(
    out: &mut String,
    database: &str,
    round: &str,
    what: &str,
    o: &Outcome,
    others: Option<f64>,
) {
    let others = others.map_or_else(|| "—".to_owned(), |o| format!("{o:.2}"));
    let _ = writeln!(
        out,
        "| {database} | {round} | {what} | {} | {:.1} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} | {others} |",
        o.ok,
        o.throughput(),
        o.quantile_ms(0.50),
        o.quantile_ms(0.95),
        o.quantile_ms(0.99),
        o.max_ms(),
        o.non_2xx,
        o.transport_errors,
    );
}

impl SubmissionsReport<'_> {
    pub fn markdown(&self) -> anyhow::Result<String> {
        let mut out = String::new();
        let _ = writeln!(out, "## Submissions\n");
        let _ = writeln!(
            out,
            "Loopback, against `{}` started with `--behind-proxy`, once on a fresh SQLite \
             database and once on a PostgreSQL database created for the run (and dropped after \
             it), each with the local document store. Not measured: the accounts are made with \
             `ghiseu person add`; each signs in, fills its profile (domicile in Alba county), \
             starts a `{SERVICE}` draft through `POST /api/v1/cases`, uploads a {} KiB PDF for \
             every requirement its case page lists and reads its version. Measured: in each \
             round, `GET {SERVICES_PATH}` for {} s (the baseline), then {} drafts submitted \
             with `POST /api/v1/cases/{{id}}/submit` (the real transaction: reference \
             sequence, office routing, fee, history, payment order), in a closed loop over {} \
             keep-alive connections, each sending the next as soon as the previous is answered; \
             the baseline uses as many connections. For PostgreSQL, *other CPU* includes the \
             database server's own processes. The load generator and the server share the \
             machine's {} core(s); its load average before the run was {} (1, 5, 15 min), and \
             *other CPU* is the CPU time other processes took during each run, in cores.\n",
            self.ghiseu,
            SCAN_BYTES / 1024,
            self.seconds,
            self.drafts,
            self.connections,
            self.cores,
            self.load_average,
        );
        let _ = writeln!(
            out,
            "| database | round | requests | 2xx | per s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | transport errors | other CPU (cores) |"
        );
        let _ = writeln!(
            out,
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        let mut summary = Vec::new();
        let mut errors = 0;
        let mut missing = 0;
        for run in self.runs {
            let name = run.database.name();
            let mut services = Outcome::empty()?;
            let mut submissions = Outcome::empty()?;
            for (index, round) in run.rounds.iter().enumerate() {
                let number = (index + 1).to_string();
                row(
                    &mut out,
                    name,
                    &number,
                    "services (baseline)",
                    &round.services,
                    Some(round.services_others),
                );
                row(
                    &mut out,
                    name,
                    &number,
                    "**submit**",
                    &round.submissions,
                    Some(round.submissions_others),
                );
                services.merge(&round.services)?;
                submissions.merge(&round.submissions)?;
            }
            row(
                &mut out,
                &format!("**{name}**"),
                "all",
                "services (baseline)",
                &services,
                None,
            );
            row(
                &mut out,
                &format!("**{name}**"),
                "all",
                "**submit**",
                &submissions,
                None,
            );
            errors += submissions.errors() + services.errors();
            missing += run.accounts.saturating_sub(submissions.ok);
            summary.push((
                name,
                services.throughput(),
                submissions.throughput(),
                submissions.quantile_ms(0.99),
                run.preparation,
            ));
        }
        let _ = writeln!(out);
        for (name, services, submissions, p99, preparation) in &summary {
            let ratio = if *services > 0.0 {
                submissions / services
            } else {
                0.0
            };
            let _ = writeln!(
                out,
                "- {name}: **{submissions:.1} submissions/s** (p99 {p99:.2} ms), \
                 {:.4} of the {services:.0} req/s of `GET {SERVICES_PATH}` \
                 (1 submission costs about {:.0} services requests); preparation took {:.1} s",
                ratio,
                if *submissions > 0.0 {
                    services / submissions
                } else {
                    0.0
                },
                preparation.as_secs_f64(),
            );
        }
        if let [(first, _, a, _, _), (second, _, b, _, _), ..] = summary.as_slice()
            && *a > 0.0
        {
            let _ = writeln!(out, "- {second} / {first}: {:.2}", b / a);
        }
        let _ = writeln!(out);
        let verdict = if errors == 0 && missing == 0 {
            "PASS"
        } else {
            "FAIL"
        };
        let _ = writeln!(
            out,
            "**Sanity check** (the issue sets no throughput goal) — every draft submitted once, \
             without errors: **{verdict}** ({errors} errors, {missing} drafts not submitted)"
        );
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn outcome(ok: u64, non_2xx: u64) -> Outcome {
        let mut o = Outcome::empty().unwrap();
        o.ok = ok;
        o.ok_in_time = ok;
        o.non_2xx = non_2xx;
        o.elapsed = Duration::from_secs(1);
        o.latency_micros.record(3000).unwrap();
        o
    }

    fn markdown(submitted: u64, refused: u64) -> String {
        let runs = [DatabaseRun {
            database: Database::Sqlite,
            accounts: 10,
            preparation: Duration::from_secs(3),
            rounds: vec![Round {
                services: outcome(1000, 0),
                submissions: outcome(submitted, refused),
                services_others: 0.0,
                submissions_others: 0.1,
            }],
        }];
        SubmissionsReport {
            ghiseu: "ghiseu".into(),
            cores: 2,
            load_average: "0.10, 0.20, 0.30".into(),
            connections: 4,
            seconds: 1,
            drafts: 10,
            runs: &runs,
        }
        .markdown()
        .unwrap()
    }

    #[test]
    fn the_sanity_check_needs_every_draft_submitted() {
        let ok = markdown(10, 0);
        assert!(ok.contains("**PASS**"), "{ok}");
        assert!(ok.contains("**10.0 submissions/s**"), "{ok}");
        assert!(ok.contains("0.0100 of the 1000 req/s"), "{ok}");
        assert!(markdown(9, 1).contains("**FAIL**"));
        assert!(markdown(9, 0).contains("**FAIL**"));
    }
}
