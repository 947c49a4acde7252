//! `ghiseu-bench logins`: sign-in throughput of a real `ghiseu serve`, and the latency of
//! `GET /api/v1/services` while sign-ins run at a fixed rate, against the same requests with no
//! sign-ins in the same run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use tokio::process::Command;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::cpu::CpuSample;
use crate::load::Outcome;
use crate::logins_report::{LoginsReport, Round};
use crate::signin::{self, ATTEMPTS_PER_ACCOUNT, Accounts};
use crate::spawn;

/// Passes the registration rule; shared by every seeded account.
pub const PASSWORD: &str = "quiet amber kettle orbits the harbour";
pub const GOAL_LOGIN_RATE: u32 = 100;
const WARM_UP: Duration = Duration::from_secs(1);
const SEED_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(clap::Args)]
pub struct LoginsArgs {
    /// The ghiseu binary to start (and to seed the accounts with `ghiseu person add`).
    #[arg(long, default_value = "target/release/ghiseu")]
    pub ghiseu: PathBuf,
    /// Connections signing in one after the other when measuring the sign-in throughput.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub login_connections: u16,
    /// Accounts for the throughput run, each used for 4 sign-ins: this bounds its sign-ins.
    #[arg(long, default_value_t = 400, value_parser = clap::value_parser!(u64).range(1..=5000))]
    pub throughput_accounts: u64,
    /// Sign-ins started per second, whatever the answers, while the services are measured.
    #[arg(long, default_value_t = GOAL_LOGIN_RATE, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub login_rate: u32,
    /// `GET /api/v1/services` requests per second, in both phases.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=5000))]
    pub services_rate: u32,
    /// Keep-alive connections carrying the services requests.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub services_connections: u16,
    /// At most this many paced sign-ins waiting for an answer; those due beyond are not sent
    /// and count as errors.
    #[arg(long, default_value_t = 128, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub max_in_flight: u16,
    /// Length of each measured run.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=120))]
    pub seconds: u64,
    /// Rounds; each measures the services alone, then with sign-ins running.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=10))]
    pub rounds: u32,
    /// Also write the Markdown report to this file.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

/// A fresh SQLite database in `dir`.
pub fn database_url(dir: &Path) -> String {
    format!("sqlite://{}/ghiseu.db?mode=rwc", dir.display())
}

/// `ghiseu` on the database at `url`, run in `dir` (its data directory, hence its document
/// store, is `dir/data`).
pub fn ghiseu_on(binary: &Path, dir: &Path, url: &str) -> Command {
    let mut command = Command::new(binary);
    command
        .env_remove("GHISEU_DATA_DIR")
        .env_remove("GHISEU_BEHIND_PROXY")
        .env_remove("GHISEU_DOCUMENT_STORE")
        .env("GHISEU_DATABASE_URL", url)
        .current_dir(dir);
    command
}

fn ghiseu(binary: &Path, dir: &Path) -> Command {
    ghiseu_on(binary, dir, &database_url(dir))
}

async fn add_person(binary: &Path, dir: &Path, url: &str, index: u64) -> anyhow::Result<()> {
    let email = signin::account_email(index);
    let mut child = ghiseu_on(binary, dir, url)
        .args(["person", "add", "--role", "citizen", "--password-stdin"])
        .args(["--email", &email])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .context("cannot start ghiseu person add")?;
    if let Some(stdin) = child.stdin.take() {
        // Far smaller than a pipe's buffer, so this never blocks.
        std::fs::File::from(stdin.into_owned_fd()?).write_all(PASSWORD.as_bytes())?;
    }
    let output = tokio::time::timeout(SEED_TIMEOUT, child.wait_with_output())
        .await
        .with_context(|| format!("ghiseu person add {email} took over {SEED_TIMEOUT:?}"))??;
    if !output.status.success() {
        bail!(
            "ghiseu person add {email} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// Creates accounts `0..count` with `ghiseu person add`, a few processes at a time; the first
/// alone, so that only one process creates the database.
async fn seed(binary: &Path, dir: &Path, count: u64, parallel: usize) -> anyhow::Result<()> {
    seed_on(binary, dir, &database_url(dir), count, parallel).await
}

/// [`seed`] on the database at `url`.
pub async fn seed_on(
    binary: &Path,
    dir: &Path,
    url: &str,
    count: u64,
    parallel: usize,
) -> anyhow::Result<()> {
    add_person(binary, dir, url, 0).await?;
    let binary: Arc<Path> = binary.into();
    let dir: Arc<Path> = dir.into();
    let url: Arc<str> = url.into();
    let mut running = JoinSet::new();
    for index in 1..count {
        if running.len() >= parallel
            && let Some(done) = running.join_next().await
        {
            done??;
        }
        let (binary, dir, url) = (binary.clone(), dir.clone(), url.clone());
        running.spawn(async move { add_person(&binary, &dir, &url, index).await });
    }
    while let Some(done) = running.join_next().await {
        done??;
    }
    Ok(())
}

pub async fn run(args: LoginsArgs) -> anyhow::Result<()> {
    let binary = crate::spawn::ghiseu_binary(&args.ghiseu)?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let duration = Duration::from_secs(args.seconds);
    let per_round = (u64::from(args.login_rate) * args.seconds).div_ceil(ATTEMPTS_PER_ACCOUNT) + 1;
    let throughput_first = 1;
    let rounds_first = throughput_first + args.throughput_accounts;
    let total_accounts = rounds_first + per_round * u64::from(args.rounds);

    let load_average = std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_else(|_| "unknown".to_owned());
    let dir = tempfile::tempdir()?;
    eprintln!("seeding {total_accounts} accounts with `ghiseu person add` (not measured)");
    let seeding = Instant::now();
    seed(&binary, dir.path(), total_accounts, cores * 2).await?;
    let seeding = seeding.elapsed();

    let mut serve = ghiseu(&binary, dir.path());
    serve.args(["serve", "--listen", "127.0.0.1:0", "--behind-proxy"]);
    let server = spawn::start(serve, "ghiseu serve", dir.path().join("stderr.log")).await?;
    let addr = server.addr;
    let password: Arc<str> = PASSWORD.into();

    signin::preflight(addr, &Accounts::new(0, 1, password.clone()))
        .await
        .context("the preflight sign-in failed")?;
    eprintln!("warm-up: services for {} s", WARM_UP.as_secs());
    let now = Instant::now();
    signin::services_stream(
        addr,
        f64::from(args.services_rate),
        usize::from(args.services_connections),
        now,
        now + WARM_UP,
    )
    .await?;

    eprintln!(
        "sign-in throughput: {} connections for {} s",
        args.login_connections, args.seconds
    );
    let before = CpuSample::now(server.pid)?;
    let throughput = signin::closed_loop(
        addr,
        Arc::new(Accounts::new(
            throughput_first,
            rounds_first,
            password.clone(),
        )),
        usize::from(args.login_connections),
        duration,
    )
    .await?;
    let throughput_others = CpuSample::now(server.pid)?.others_since(&before, cores);

    let mut rounds = Vec::new();
    for round in 0..args.rounds {
        eprintln!(
            "round {}/{}: services alone for {} s",
            round + 1,
            args.rounds,
            args.seconds
        );
        let before = CpuSample::now(server.pid)?;
        let start = Instant::now();
        let alone = signin::services_stream(
            addr,
            f64::from(args.services_rate),
            usize::from(args.services_connections),
            start,
            start + duration,
        )
        .await?;
        let alone_others = CpuSample::now(server.pid)?.others_since(&before, cores);
        eprintln!(
            "round {}/{}: services with {} sign-ins/s for {} s",
            round + 1,
            args.rounds,
            args.login_rate,
            args.seconds
        );
        let first = rounds_first + per_round * u64::from(round);
        let accounts = Arc::new(Accounts::new(first, first + per_round, password.clone()));
        let before = CpuSample::now(server.pid)?;
        let start = Instant::now();
        let deadline = start + duration;
        let (loaded, logins) = tokio::join!(
            signin::services_stream(
                addr,
                f64::from(args.services_rate),
                usize::from(args.services_connections),
                start,
                deadline,
            ),
            signin::paced(
                addr,
                accounts,
                f64::from(args.login_rate),
                start,
                deadline,
                usize::from(args.max_in_flight),
            ),
        );
        rounds.push(Round {
            alone,
            loaded: loaded?,
            logins: logins?,
            alone_others,
            loaded_others: CpuSample::now(server.pid)?.others_since(&before, cores),
        });
    }
    let peak_rss_kib = spawn::peak_rss_kib(server.pid)?;
    server.stop().await;

    let mut alone_total = Outcome::empty()?;
    let mut loaded_total = Outcome::empty()?;
    for round in &rounds {
        alone_total.merge(&round.alone)?;
        loaded_total.merge(&round.loaded)?;
    }
    let report = LoginsReport {
        ghiseu: binary.display().to_string(),
        cores,
        load_average,
        accounts: total_accounts,
        seeding,
        seconds: args.seconds,
        login_connections: args.login_connections,
        login_rate: args.login_rate,
        services_rate: args.services_rate,
        services_connections: args.services_connections,
        max_in_flight: args.max_in_flight,
        peak_rss_kib,
        throughput: &throughput,
        throughput_others,
        rounds: &rounds,
        alone_total: &alone_total,
        loaded_total: &loaded_total,
    };
    let markdown = report.markdown()?;
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
