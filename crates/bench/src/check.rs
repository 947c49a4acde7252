//! `ghiseu-bench check`: the public validity check (`POST /api/v1/documents/check`) of a
//! release `ghiseu serve` on PostgreSQL, with documents the bench writes into its fresh
//! database, against the bare baseline's `POST /check` in the same run; then, on one
//! connection, "no match" for an unknown number against "no match" for a wrong personal id,
//! request by request in random order, with an A/A split of the same run as its noise.
//! The server runs with its check limits switched off (`GHISEU_CHECKS_PER_ADDRESS=0`,
//! `GHISEU_CHECK_MISSES_PER_NUMBER=0`, documented settings of `ghiseu serve`).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, anyhow};
use ghiseu_domain::national_id::{Country, NationalId};
use hyper::body::Bytes;
use tokio::process::Command;

use crate::load::{self, Load, Outcome, Target};
use crate::submissions::{PostgresDatabase, psql};
use crate::timing_stats::{SplitMix64, compare, quantile, sorted_ms};
use crate::{logins, spawn};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// The ghiseu binary to start.
    #[arg(long, default_value = "target/release/ghiseu")]
    ghiseu: PathBuf,
    /// A PostgreSQL database to connect to first; the bench creates its own beside it.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/test")]
    postgres_url: String,
    /// Documents written into the fresh database.
    #[arg(long, default_value_t = 20_000, value_parser = clap::value_parser!(u64).range(10..=1_000_000))]
    documents: u64,
    /// Concurrent keep-alive connections per target.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..=1024))]
    connections: u16,
    /// Length of one measured run, per target and round.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    seconds: u64,
    /// Rounds; each runs the baseline then the check.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=20))]
    rounds: u32,
    /// Pairs of "no match" requests (unknown number, wrong id) in the timing comparison.
    #[arg(long, default_value_t = 3000, value_parser = clap::value_parser!(u64).range(20..=100_000))]
    pairs: u64,
    /// Also write the Markdown report to this file.
    #[arg(long)]
    output: Option<PathBuf>,
}

/// Rows per INSERT (one psql argument stays well under the kernel's limit per argument).
const BATCH: u64 = 400;

/// A valid CNP for document `index`: a birth date, county and serial from the index, and the
/// check digit that makes it valid.
fn cnp(index: u64) -> anyhow::Result<String> {
    let year = 50 + index % 50;
    let month = 1 + (index / 50) % 12;
    let day = 1 + (index / 600) % 28;
    let county = 1 + (index / 16_800) % 40;
    let serial = index % 1000;
    let first = format!(
        "{}{year:02}{month:02}{day:02}{county:02}{serial:03}",
        1 + index % 2
    );
    (0..10)
        .map(|check| format!("{first}{check}"))
        .find(|text| NationalId::parse(Country::Ro, text).is_ok())
        .ok_or_else(|| anyhow!("no check digit makes {first}? a CNP"))
}

fn number(index: u64) -> String {
    format!("BENCH-{index:08}")
}

/// Writes `count` valid documents, held by the CNPs `cnp(0..count)`.
fn write_documents(url: &str, count: u64) -> anyhow::Result<()> {
    let mut start = 0;
    while start < count {
        let end = (start + BATCH).min(count);
        let mut sql = String::from(
            "INSERT INTO issued_documents (id, number, authority_id, holder_name, issued_on, \
             expires_on, office_id, source, standing, holder_id_digest, document_type) VALUES ",
        );
        for index in start..end {
            let digest = NationalId::parse(Country::Ro, &cnp(index)?)?.digest();
            if index > start {
                sql.push(',');
            }
            write!(
                sql,
                "('bench-{index}', '{}', 'ro.passport.alba', 'Bench Holder', '2024-01-10', \
                 '2034-01-09', 'ab-alba-iulia', 'import', 'valid', '{digest}', 'passport')",
                number(index)
            )?;
        }
        psql(url, &sql)?;
        start = end;
    }
    Ok(())
}

fn body(number: &str, personal_id: &str) -> anyhow::Result<Bytes> {
    Ok(Bytes::from(serde_json::to_vec(
        &serde_json::json!({"number": number, "personal_id": personal_id}),
    )?))
}

/// Bodies of correct checks, spread over the documents.
fn valid_bodies(documents: u64) -> anyhow::Result<Arc<Vec<Bytes>>> {
    let step = (documents / 512).max(1);
    (0..documents)
        .step_by(usize::try_from(step)?)
        .map(|index| body(&number(index), &cnp(index)?))
        .collect::<anyhow::Result<Vec<_>>>()
        .map(Arc::new)
}

/// The two "no match" sides, sampled alternately in random order on one connection.
struct NoMatch {
    unknown_number: Vec<u64>,
    wrong_id: Vec<u64>,
}

async fn no_match_timing(target: &Target, documents: u64, pairs: u64) -> anyhow::Result<NoMatch> {
    let mut sender = load::connect(target.addr).await?;
    let mut rng = SplitMix64::new(0x0063_6865_636b);
    let mut sides = NoMatch {
        unknown_number: Vec::new(),
        wrong_id: Vec::new(),
    };
    for pair in 0..pairs {
        let index = rng.next() % documents;
        // Wrong id: a real number with another holder's CNP. Unknown: a number nobody holds.
        let wrong = body(&number(index), &cnp((index + 1) % documents)?)?;
        let unknown = body(&format!("BENCH-X{pair:07}"), &cnp(index)?)?;
        let unknown_first = rng.next().is_multiple_of(2);
        let order = if unknown_first {
            [(true, unknown), (false, wrong)]
        } else {
            [(false, wrong), (true, unknown)]
        };
        for (is_unknown, request_body) in order {
            let (status, latency) =
                load::exchange(&mut sender, load::request(target, request_body)?).await?;
            if !status.is_success() {
                anyhow::bail!("a no-match check answered {status}");
            }
            let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
            if is_unknown {
                sides.unknown_number.push(micros);
            } else {
                sides.wrong_id.push(micros);
            }
        }
    }
    Ok(sides)
}

pub async fn run(args: CheckArgs) -> anyhow::Result<()> {
    let ghiseu = spawn::ghiseu_binary(&args.ghiseu)?;
    let bench_exe = std::env::current_exe().context("cannot find this executable")?;
    let database = PostgresDatabase::create(&args.postgres_url)?;
    let dir = tempfile::tempdir()?;
    let mut command = logins::ghiseu_on(&ghiseu, dir.path(), &database.url);
    command
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("GHISEU_CHECKS_PER_ADDRESS", "0")
        .env("GHISEU_CHECK_MISSES_PER_NUMBER", "0");
    let server = spawn::start(command, "ghiseu serve", dir.path().join("stderr.log")).await?;
    eprintln!("writing {} documents", args.documents);
    write_documents(&database.url, args.documents)?;
    psql(&database.url, "ANALYZE issued_documents")?;

    let bare_dir = tempfile::tempdir()?;
    let mut bare_command = Command::new(&bench_exe);
    bare_command.args(["bare-server", "--listen", "127.0.0.1:0"]);
    let bare_server = spawn::start(
        bare_command,
        "ghiseu-bench bare-server",
        bare_dir.path().join("stderr.log"),
    )
    .await?;
    let bodies = valid_bodies(args.documents)?;
    let bare = Target {
        name: "bare baseline",
        addr: bare_server.addr,
        path: "/check",
        bodies: bodies.clone(),
    };
    let check = Target {
        name: "ghiseu check",
        addr: server.addr,
        path: "/api/v1/documents/check",
        bodies,
    };
    load::preflight(&bare).await?;
    load::preflight(&check)
        .await
        .context("the check refused a benchmark request")?;
    let load = Load {
        connections: usize::from(args.connections),
        duration: Duration::from_secs(args.seconds),
        max_requests: 5_000_000,
    };
    let rounds: Vec<(Outcome, Outcome)> = load::interleaved(&[&bare, &check], load, args.rounds)
        .await?
        .into_iter()
        .filter_map(|round| {
            let mut round = round.into_iter();
            Some((round.next()?, round.next()?))
        })
        .collect();
    eprintln!("no-match timing: {} pairs on one connection", args.pairs);
    let sides = no_match_timing(&check, args.documents, args.pairs).await?;
    bare_server.stop().await;
    server.stop().await;
    drop(database);
    let markdown = report(&args, &rounds, &sides)?;
    println!("{markdown}");
    if let Some(output) = &args.output {
        std::fs::write(output, &markdown)
            .with_context(|| format!("cannot write {}", output.display()))?;
    }
    Ok(())
}

fn report(
    args: &CheckArgs,
    rounds: &[(Outcome, Outcome)],
    sides: &NoMatch,
) -> anyhow::Result<String> {
    let mut out = String::new();
    writeln!(
        out,
        "ghiseu-bench check: {} documents on PostgreSQL, {} connections, {} s per run, {} \
         rounds, {} cores\n",
        args.documents,
        args.connections,
        args.seconds,
        args.rounds,
        std::thread::available_parallelism().map_or(0, usize::from)
    )?;
    writeln!(
        out,
        "| round | bare req/s | bare p99 ms | check req/s | check p50 ms | check p99 ms | \
         ratio | check errors |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|")?;
    let mut bare_total = Outcome::empty()?;
    let mut check_total = Outcome::empty()?;
    for (index, (bare, check)) in rounds.iter().enumerate() {
        writeln!(
            out,
            "| {} | {:.0} | {:.2} | {:.0} | {:.2} | {:.2} | {:.2} | {} |",
            index + 1,
            bare.throughput(),
            bare.quantile_ms(0.99),
            check.throughput(),
            check.quantile_ms(0.5),
            check.quantile_ms(0.99),
            check.throughput() / bare.throughput(),
            check.errors()
        )?;
        bare_total.merge(bare)?;
        check_total.merge(check)?;
    }
    writeln!(
        out,
        "| all | {:.0} | {:.2} | {:.0} | {:.2} | {:.2} | {:.2} | {} |\n",
        bare_total.throughput(),
        bare_total.quantile_ms(0.99),
        check_total.throughput(),
        check_total.quantile_ms(0.5),
        check_total.quantile_ms(0.99),
        check_total.throughput() / bare_total.throughput(),
        check_total.errors()
    )?;
    let unknown = sorted_ms(&sides.unknown_number);
    let wrong = sorted_ms(&sides.wrong_id);
    writeln!(
        out,
        "| no match | requests | median ms | p99 ms |\n|---|---|---|---|"
    )?;
    for (name, side) in [("unknown number", &unknown), ("wrong id", &wrong)] {
        writeln!(
            out,
            "| {name} | {} | {:.3} | {:.3} |",
            side.len(),
            quantile(side, 0.5),
            quantile(side, 0.99)
        )?;
    }
    let versus = compare(&unknown, &wrong);
    // The noise: the same comparison between two halves of the unknown-number side (pairs in
    // even and odd places), which differ by chance only.
    let (even, odd): (Vec<u64>, Vec<u64>) = {
        let (e, o): (Vec<_>, Vec<_>) = sides
            .unknown_number
            .iter()
            .enumerate()
            .partition(|(i, _)| i % 2 == 0);
        (
            e.into_iter().map(|(_, v)| *v).collect(),
            o.into_iter().map(|(_, v)| *v).collect(),
        )
    };
    let noise = compare(&sorted_ms(&even), &sorted_ms(&odd));
    let noise_width = (noise.interval.1 - noise.interval.0) / 2.0;
    writeln!(
        out,
        "\nwrong id − unknown number: median {:+.3} ms (95% interval {:+.3} … {:+.3}), \
         P(wrong id slower) {:.3}, Mann-Whitney p {:.3}; A/A noise (unknown number, even − \
         odd pairs): {:+.3} ms (95% interval {:+.3} … {:+.3}); difference / A/A half-width \
         {:.2}",
        versus.difference,
        versus.interval.0,
        versus.interval.1,
        versus.slower,
        versus.p,
        noise.difference,
        noise.interval.0,
        noise.interval.1,
        if noise_width > 0.0 {
            versus.difference.abs() / noise_width
        } else {
            f64::NAN
        }
    )?;
    Ok(out)
}
