//! `ghiseu-bench issue`: electronic issue through HTTP. Citizens with card assurance submit
//! criminal record certificate requests to a release `ghiseu serve --demo` (demonstration seal
//! key and register), each submission issuing at once (register check, PDF/A, PAdES signature,
//! storage), on SQLite and on PostgreSQL, against the bare baseline at as many connections in
//! the same run; then the QR verification (`POST /api/v1/documents/verify`) and the public
//! check (`POST /api/v1/documents/check`) of the certificates issued, each interleaved with the
//! bare baseline's `/verify` and `/check`. The check limits are switched off
//! (`GHISEU_CHECKS_PER_ADDRESS=0`, `GHISEU_CHECK_MISSES_PER_NUMBER=0`), as in `check`.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, anyhow};
use hyper::Request;
use hyper::body::Bytes;
use tokio::process::Command;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::citizen::{self, Chunks, Citizen};
use crate::cpu::{self, CpuSample};
use crate::issue_citizen::{self, Issued};
use crate::issue_report::{DatabaseRun, IssueReport, IssueRound, Reads};
use crate::load::{self, Load, Target};
use crate::logins::{self, PASSWORD};
use crate::signin::account_email;
use crate::spawn;
use crate::submissions::{Database, closed_loop, fresh_database};

const PREPARE_TIMEOUT: Duration = Duration::from_secs(600);
/// Attempts at one preparatory step (SQLite sometimes refuses concurrent writes).
const ATTEMPTS: u32 = 3;

#[derive(clap::Args)]
pub struct IssueArgs {
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
    /// Citizens (accounts confirmed by card, each with its own CNP and client address).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=5000))]
    pub citizens: u64,
    /// Certificates issued in each measured round, spread over the citizens in turn.
    #[arg(long, default_value_t = 800, value_parser = clap::value_parser!(u64).range(1..=20_000))]
    pub certificates: u64,
    /// Concurrent keep-alive connections submitting (and of the baseline measured beside them).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub connections: u16,
    /// Concurrent keep-alive connections for the QR verification, the check and their baseline.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub read_connections: u16,
    /// Length of each baseline run, and of each verification and check run.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=120))]
    pub seconds: u64,
    /// Rounds per database, for the issue and for the verification and check.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=10))]
    pub rounds: u32,
    /// Also write the Markdown report to this file.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

/// A citizen with card assurance and the cases it started.
struct Enrolled {
    citizen: Citizen,
    cnp: String,
    cases: Vec<String>,
}

/// A draft, started again when a write was refused (SQLite sometimes refuses concurrent ones).
async fn draft(citizen: &mut Citizen) -> anyhow::Result<(String, Request<Chunks>)> {
    let mut attempt = 1;
    loop {
        match issue_citizen::draft(citizen).await {
            Ok(drafted) => return Ok(drafted),
            Err(err) if attempt >= ATTEMPTS => return Err(err),
            Err(_) => attempt += 1,
        }
    }
}

/// Signs citizen `index` in, fills its profile, confirms its identity by card and starts
/// `drafts` certificate requests; the submit requests in order.
async fn enrol(
    addr: SocketAddr,
    index: u64,
    drafts: u64,
) -> anyhow::Result<(Enrolled, Vec<Request<Chunks>>)> {
    let mut citizen = Citizen::sign_in(addr, index, &account_email(index), PASSWORD).await?;
    let mut attempt = 1;
    while let Err(err) = citizen.fill_profile(index).await {
        if attempt >= ATTEMPTS {
            return Err(err);
        }
        attempt += 1;
    }
    let cnp = issue_citizen::cnp(index)?;
    issue_citizen::confirm_by_card(&mut citizen, &cnp)
        .await
        .with_context(|| format!("the card check of citizen {index}"))?;
    let mut cases = Vec::new();
    let mut submits = Vec::new();
    for _ in 0..drafts {
        let (case, submit) = draft(&mut citizen).await?;
        cases.push(case);
        submits.push(submit);
    }
    let enrolled = Enrolled {
        citizen,
        cnp,
        cases,
    };
    Ok((enrolled, submits))
}

/// The submit requests taken in turn across citizens: one citizen's requests lie `citizens`
/// apart, so that a holder's certificates are not issued at the same moment.
fn in_turn(per_citizen: Vec<Vec<Request<Chunks>>>) -> VecDeque<Request<Chunks>> {
    let mut queues: Vec<VecDeque<_>> = per_citizen.into_iter().map(VecDeque::from).collect();
    let mut all = VecDeque::new();
    while queues.iter().any(|q| !q.is_empty()) {
        all.extend(queues.iter_mut().filter_map(VecDeque::pop_front));
    }
    all
}

/// Submits the first `count` requests of `queue` over `connections` connections.
async fn submit(
    addr: SocketAddr,
    connections: usize,
    queue: &mut VecDeque<Request<Chunks>>,
    count: usize,
) -> anyhow::Result<load::Outcome> {
    let batch: VecDeque<_> = queue.drain(..count.min(queue.len())).collect();
    let batch = Arc::new(Mutex::new(batch));
    let next = Arc::new(move || {
        Ok(batch
            .lock()
            .map_err(|_| anyhow!("a submitting worker panicked"))?
            .pop_front())
    });
    let deadline = Instant::now() + PREPARE_TIMEOUT;
    closed_loop(addr, connections, next, deadline).await
}

/// Reads back every citizen's cases and last certificate, a few citizens at a time.
async fn read_back(enrolled: Vec<Enrolled>, parallel: usize) -> anyhow::Result<Vec<Issued>> {
    let mut groups: Vec<Vec<(usize, Enrolled)>> = (0..parallel).map(|_| Vec::new()).collect();
    for (index, one) in enrolled.into_iter().enumerate() {
        groups[index % parallel].push((index, one));
    }
    let mut running = JoinSet::new();
    for group in groups {
        running.spawn(async move {
            let mut read = Vec::new();
            for (index, mut one) in group {
                let issued =
                    issue_citizen::read_back(&mut one.citizen, &one.cases, &one.cnp).await?;
                read.push((index, issued));
            }
            anyhow::Ok(read)
        });
    }
    let mut all = Vec::new();
    while let Some(group) = running.join_next().await {
        all.extend(group??);
    }
    all.sort_by_key(|(index, _)| *index);
    Ok(all.into_iter().map(|(_, issued)| issued).collect())
}

fn bodies(issued: &[Issued], body: impl Fn(&Issued) -> serde_json::Value) -> Arc<Vec<Bytes>> {
    Arc::new(
        issued
            .iter()
            .filter_map(|one| serde_json::to_vec(&body(one)).ok().map(Bytes::from))
            .collect(),
    )
}

/// The verification and the check of the certificates read back, each against its baseline.
async fn reads(
    server: SocketAddr,
    bare: SocketAddr,
    issued: &[Issued],
    args: &IssueArgs,
) -> anyhow::Result<Vec<Reads>> {
    let verify_bodies = bodies(issued, |one| serde_json::json!({"seal": one.seal}));
    let check_bodies = bodies(
        issued,
        |one| serde_json::json!({"number": one.number, "personal_id": one.cnp}),
    );
    let target = |name, addr, path, bodies: &Arc<Vec<Bytes>>| Target {
        name,
        addr,
        path,
        bodies: bodies.clone(),
    };
    let targets = [
        target("bare /verify", bare, "/verify", &verify_bodies),
        target(
            "ghiseu verify",
            server,
            "/api/v1/documents/verify",
            &verify_bodies,
        ),
        target("bare /check", bare, "/check", &check_bodies),
        target(
            "ghiseu check",
            server,
            "/api/v1/documents/check",
            &check_bodies,
        ),
    ];
    for target in &targets {
        load::preflight(target)
            .await
            .with_context(|| format!("{} refused a benchmark request", target.name))?;
    }
    let load = Load {
        connections: usize::from(args.read_connections),
        duration: Duration::from_secs(args.seconds),
        max_requests: 5_000_000,
    };
    let refs: Vec<&Target> = targets.iter().collect();
    let rounds = load::interleaved(&refs, load, args.rounds).await?;
    Ok(rounds
        .into_iter()
        .filter_map(|round| {
            let [bare_verify, verify, bare_check, check]: [load::Outcome; 4] =
                round.try_into().ok()?;
            Some(Reads {
                bare_verify,
                verify,
                bare_check,
                check,
            })
        })
        .collect())
}

fn serve_command(binary: &Path, dir: &Path, url: &str) -> Command {
    let mut serve = logins::ghiseu_on(binary, dir, url);
    serve
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--behind-proxy",
            "--demo",
        ])
        .env("GHISEU_CHECKS_PER_ADDRESS", "0")
        .env("GHISEU_CHECK_MISSES_PER_NUMBER", "0")
        .env_remove("GHISEU_SEAL_KEY")
        .env_remove("GHISEU_SEAL_CERTIFICATE")
        .env_remove("GHISEU_CRIMINAL_RECORD_REGISTER");
    serve
}

/// The measured issue rounds, each a baseline run then a batch of submissions.
async fn issue_rounds(
    server: &spawn::Server,
    bare: &Target,
    queue: &mut VecDeque<Request<Chunks>>,
    args: &IssueArgs,
    cores: usize,
) -> anyhow::Result<Vec<IssueRound>> {
    let connections = usize::from(args.connections);
    let load = Load {
        connections,
        duration: Duration::from_secs(args.seconds),
        max_requests: 5_000_000,
    };
    let mut rounds = Vec::new();
    for number in 1..=args.rounds {
        eprintln!("issue round {number}/{}: bare /check", args.rounds);
        let baseline = load::run(bare, load).await?;
        eprintln!(
            "issue round {number}/{}: {} submissions over {connections} connections",
            args.rounds, args.certificates
        );
        let before = CpuSample::now(server.pid)?;
        let count = usize::try_from(args.certificates)?;
        let issued = submit(server.addr, connections, queue, count).await?;
        let after = CpuSample::now(server.pid)?;
        rounds.push(IssueRound {
            baseline,
            issued,
            server_cores: after.server_since(&before, cores),
            others_cores: after.others_since(&before, cores),
        });
    }
    Ok(rounds)
}

async fn run_on(
    binary: &Path,
    database: Database,
    bare: SocketAddr,
    args: &IssueArgs,
    cores: usize,
) -> anyhow::Result<DatabaseRun> {
    let name = database.name();
    let dir = tempfile::tempdir()?;
    let (postgres, url) = fresh_database(database, dir.path(), &args.postgres_url)?;
    let started = Instant::now();
    eprintln!("{name}: seeding {} accounts (not measured)", args.citizens);
    logins::seed_on(binary, dir.path(), &url, args.citizens, cores * 2).await?;
    let serve = serve_command(binary, dir.path(), &url);
    let server = spawn::start(serve, "ghiseu serve", dir.path().join("stderr.log")).await?;
    let warm_up = u64::from(args.connections) * 2;
    let total = args.certificates * u64::from(args.rounds) + warm_up;
    let drafts = total.div_ceil(args.citizens);
    eprintln!(
        "{name}: card checks and {drafts} certificate requests for each of {} citizens \
         (not measured)",
        args.citizens
    );
    let addr = server.addr;
    let prepared = citizen::bounded(
        "preparing the citizens",
        PREPARE_TIMEOUT,
        citizen::in_parallel(args.citizens, cores * 2, move |index| {
            enrol(addr, index, drafts)
        }),
    )
    .await?;
    let (enrolled, submits): (Vec<_>, Vec<_>) = prepared.into_iter().unzip();
    let mut queue = in_turn(submits);
    let preparation = started.elapsed();
    let connections = usize::from(args.connections);
    let warmed = submit(addr, connections, &mut queue, usize::try_from(warm_up)?).await?;
    eprintln!("{name}: warm-up issued {} of {warm_up}", warmed.ok);
    let bare_check = Target {
        name: "bare /check",
        addr: bare,
        path: "/check",
        bodies: Arc::new(vec![Bytes::from_static(
            br#"{"number":"RO-CAZIER-D-2026-000001","personal_id":"2850427011230"}"#,
        )]),
    };
    let rounds = issue_rounds(&server, &bare_check, &mut queue, args, cores).await?;
    let submitted = warmed.ok + rounds.iter().map(|r| r.issued.ok).sum::<u64>();
    eprintln!("{name}: reading back every case and each citizen's last certificate");
    let issued = read_back(enrolled, cores * 2).await?;
    let reads = reads(addr, bare, &issued, args).await?;
    server.stop().await;
    drop(postgres);
    Ok(DatabaseRun::new(
        database,
        preparation,
        submitted,
        rounds,
        &issued,
        reads,
    ))
}

pub async fn run(args: IssueArgs) -> anyhow::Result<()> {
    let binary = spawn::ghiseu_binary(&args.ghiseu)?;
    let bench_exe = std::env::current_exe().context("cannot find this executable")?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let load_average = cpu::load_average();
    let bare_dir = tempfile::tempdir()?;
    let mut bare_command = Command::new(&bench_exe);
    bare_command.args(["bare-server", "--listen", "127.0.0.1:0"]);
    let bare = spawn::start(
        bare_command,
        "ghiseu-bench bare-server",
        bare_dir.path().join("stderr.log"),
    )
    .await?;
    let started = Instant::now();
    let mut runs = Vec::new();
    for database in args.databases.clone() {
        runs.push(run_on(&binary, database, bare.addr, &args, cores).await?);
    }
    bare.stop().await;
    let report = IssueReport {
        ghiseu: binary.display().to_string(),
        cores,
        load_average,
        args: &args,
        runs: &runs,
        total: started.elapsed(),
    };
    crate::report::publish(&report.markdown()?, args.output.as_deref())
}
