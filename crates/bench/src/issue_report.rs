//! The Markdown section written at the end of an `issue` run.

use std::fmt::Write as _;
use std::time::Duration;

use crate::issue::IssueArgs;
use crate::issue_citizen::{self, Issued, PURPOSE, SERVICE};
use crate::load::Outcome;
use crate::submissions::Database;

/// Issue 13's goal on 2 cores: certificates per second and the p99 of the issuing submission.
const GOAL_PER_SECOND: f64 = 100.0;
const GOAL_P99_MS: f64 = 250.0;

/// One measured issue round: the baseline, then the submissions that issue.
pub struct IssueRound {
    pub baseline: Outcome,
    pub issued: Outcome,
    pub server_cores: f64,
    pub others_cores: f64,
}

/// One round of reads, in the order they ran.
pub struct Reads {
    pub bare_verify: Outcome,
    pub verify: Outcome,
    pub bare_check: Outcome,
    pub check: Outcome,
}

/// One database's run.
pub struct DatabaseRun {
    pub database: Database,
    pub preparation: Duration,
    /// Submissions answered 2xx, warm-up included.
    pub submitted: u64,
    /// Cases read back in state `issued`.
    pub read_issued: u64,
    pub citizens: usize,
    /// Sizes in bytes of each citizen's last certificate, sorted.
    pub sizes: Vec<usize>,
    /// What `pdfsig` says of the first citizen's certificate.
    pub signature: Option<bool>,
    pub rounds: Vec<IssueRound>,
    pub reads: Vec<Reads>,
}

impl DatabaseRun {
    pub fn new(
        database: Database,
        preparation: Duration,
        submitted: u64,
        rounds: Vec<IssueRound>,
        issued: &[Issued],
        reads: Vec<Reads>,
    ) -> DatabaseRun {
        let mut sizes: Vec<usize> = issued.iter().map(|one| one.pdf.len()).collect();
        sizes.sort_unstable();
        DatabaseRun {
            database,
            preparation,
            submitted,
            read_issued: issued.iter().map(|one| one.issued).sum(),
            citizens: issued.len(),
            sizes,
            signature: issued
                .first()
                .and_then(|one| issue_citizen::pdfsig_says_valid(&one.pdf)),
            rounds,
            reads,
        }
    }
}

pub struct IssueReport<'a> {
    pub ghiseu: String,
    pub cores: usize,
    pub load_average: String,
    pub args: &'a IssueArgs,
    pub runs: &'a [DatabaseRun],
    pub total: Duration,
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

fn kib(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

fn issue_row(out: &mut String, name: &str, round: &str, r: &IssueRound) -> anyhow::Result<()> {
    let (b, i) = (&r.baseline, &r.issued);
    let cpu = if round == "all" {
        "— | —".to_owned()
    } else {
        format!("{:.2} | {:.2}", r.server_cores, r.others_cores)
    };
    writeln!(
        out,
        "| {name} | {round} | {:.0} | {} | **{:.1}** | {:.1} | {:.1} | **{:.1}** | {:.1} | {} | \
         {:.4} | {cpu} |",
        b.throughput(),
        i.ok,
        i.throughput(),
        i.quantile_ms(0.5),
        i.quantile_ms(0.95),
        i.quantile_ms(0.99),
        i.max_ms(),
        i.errors(),
        ratio(i.throughput(), b.throughput()),
    )?;
    Ok(())
}

fn reads_row(out: &mut String, name: &str, round: &str, r: &Reads) -> anyhow::Result<()> {
    writeln!(
        out,
        "| {name} | {round} | {:.0} | {:.0} | {:.2} | {:.2} | **{:.2}** | {:.0} | {:.0} | {:.2} \
         | {:.2} | **{:.2}** | {} |",
        r.bare_verify.throughput(),
        r.verify.throughput(),
        r.verify.quantile_ms(0.5),
        r.verify.quantile_ms(0.99),
        ratio(r.verify.throughput(), r.bare_verify.throughput()),
        r.bare_check.throughput(),
        r.check.throughput(),
        r.check.quantile_ms(0.5),
        r.check.quantile_ms(0.99),
        ratio(r.check.throughput(), r.bare_check.throughput()),
        r.verify.errors() + r.check.errors() + r.bare_verify.errors() + r.bare_check.errors(),
    )?;
    Ok(())
}

fn merged_issue(rounds: &[IssueRound]) -> anyhow::Result<IssueRound> {
    let mut all = IssueRound {
        baseline: Outcome::empty()?,
        issued: Outcome::empty()?,
        server_cores: 0.0,
        others_cores: 0.0,
    };
    for round in rounds {
        all.baseline.merge(&round.baseline)?;
        all.issued.merge(&round.issued)?;
    }
    Ok(all)
}

fn merged_reads(rounds: &[Reads]) -> anyhow::Result<Reads> {
    let mut all = Reads {
        bare_verify: Outcome::empty()?,
        verify: Outcome::empty()?,
        bare_check: Outcome::empty()?,
        check: Outcome::empty()?,
    };
    for round in rounds {
        all.bare_verify.merge(&round.bare_verify)?;
        all.verify.merge(&round.verify)?;
        all.bare_check.merge(&round.bare_check)?;
        all.check.merge(&round.check)?;
    }
    Ok(all)
}

impl IssueReport<'_> {
    fn introduction(&self, out: &mut String) -> anyhow::Result<()> {
        let a = self.args;
        writeln!(
            out,
            "## Electronic issue through HTTP\n\n\
             Loopback, against `{} serve --demo --behind-proxy` (demonstration seal key and \
             criminal record register; check limits off), once per database, each fresh. Not \
             measured: {} accounts made with `ghiseu person add`; each signs in, fills its \
             profile, confirms its identity at the demonstration bank's card check (a CNP bound \
             at level card), starts its `{SERVICE}` requests with `POST /api/v1/cases` and \
             answers `purpose` = `{PURPOSE}` on the case page; {} submissions warm the server \
             up. Measured, in each of {} rounds: the bare baseline's `POST /check` for {} s, \
             then {} submissions `POST /api/v1/cases/{{id}}/submit`, each issuing the \
             certificate in its request (register check, PDF/A, PAdES signature, storage), \
             closed loop over {} keep-alive connections (the baseline uses as many), the \
             citizens taken in turn. Then every case is read back (`issued`?) with each \
             citizen's last certificate (PDF and QR text), and `POST /api/v1/documents/verify` \
             (its QR texts) and `POST /api/v1/documents/check` (its numbers and CNPs) run \
             interleaved with the bare baseline's `/verify` and `/check` over {} connections, \
             {} s per run, {} rounds. The load generator, the servers and PostgreSQL share the \
             machine's {} core(s) with other work: load average before the run {} (1, 5, \
             15 min); *other CPU* is the CPU other processes took during a round, in cores. \
             Whole run: {:.0} s.\n",
            self.ghiseu,
            a.citizens,
            u64::from(a.connections) * 2,
            a.rounds,
            a.seconds,
            a.certificates,
            a.connections,
            a.read_connections,
            a.seconds,
            a.rounds,
            self.cores,
            self.load_average,
            self.total.as_secs_f64(),
        )?;
        Ok(())
    }

    fn issue_table(&self, out: &mut String) -> anyhow::Result<()> {
        writeln!(
            out,
            "| database | round | bare /check req/s | issued | certificates/s | p50 ms | p95 ms \
             | p99 ms | max ms | errors | ratio to bare | server CPU (cores) | other CPU (cores) \
             |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        )?;
        for run in self.runs {
            let name = run.database.name();
            for (index, round) in run.rounds.iter().enumerate() {
                issue_row(out, name, &(index + 1).to_string(), round)?;
            }
            issue_row(
                out,
                &format!("**{name}**"),
                "all",
                &merged_issue(&run.rounds)?,
            )?;
        }
        writeln!(out)?;
        Ok(())
    }

    fn reads_table(&self, out: &mut String) -> anyhow::Result<()> {
        writeln!(
            out,
            "| database | round | bare /verify req/s | verify req/s | verify p50 ms | verify \
             p99 ms | verify ratio | bare /check req/s | check req/s | check p50 ms | check p99 \
             ms | check ratio | errors |\n\
             |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        )?;
        for run in self.runs {
            let name = run.database.name();
            for (index, round) in run.reads.iter().enumerate() {
                reads_row(out, name, &(index + 1).to_string(), round)?;
            }
            reads_row(
                out,
                &format!("**{name}**"),
                "all",
                &merged_reads(&run.reads)?,
            )?;
        }
        writeln!(out)?;
        Ok(())
    }

    fn summary(&self, out: &mut String) -> anyhow::Result<()> {
        for run in self.runs {
            let name = run.database.name();
            let all = merged_issue(&run.rounds)?;
            let reads = merged_reads(&run.reads)?;
            let (rate, p99) = (all.issued.throughput(), all.issued.quantile_ms(0.99));
            let met = rate >= GOAL_PER_SECOND && p99 < GOAL_P99_MS && all.issued.errors() == 0;
            let size = |at: usize| run.sizes.get(at).map_or(0.0, |s| kib(*s));
            let signature = match run.signature {
                Some(true) => "pdfsig: signature valid over the whole file",
                Some(false) => "pdfsig: **signature NOT valid**",
                None => "pdfsig not run",
            };
            writeln!(
                out,
                "- {name}: **{rate:.1} certificates/s**, p50 {:.1} ms, p99 {p99:.1} ms, {:.4} of \
                 the bare baseline's {:.0} req/s — goal ≥ {GOAL_PER_SECOND:.0}/s with p99 < \
                 {GOAL_P99_MS:.0} ms: **{}**. {} submissions answered 2xx, {} cases read back \
                 `issued`; certificate size (last of each of {} citizens) {:.1} / {:.1} / {:.1} \
                 KiB (min / median / max); {signature}. QR verification {:.0} req/s = \
                 **{:.2}** × bare `/verify`; public check {:.0} req/s = **{:.2}** × bare \
                 `/check`. Preparation took {:.1} s.",
                all.issued.quantile_ms(0.5),
                ratio(rate, all.baseline.throughput()),
                all.baseline.throughput(),
                if met { "MET" } else { "NOT MET" },
                run.submitted,
                run.read_issued,
                run.citizens,
                size(0),
                size(run.sizes.len() / 2),
                size(run.sizes.len().saturating_sub(1)),
                reads.verify.throughput(),
                ratio(reads.verify.throughput(), reads.bare_verify.throughput()),
                reads.check.throughput(),
                ratio(reads.check.throughput(), reads.bare_check.throughput()),
                run.preparation.as_secs_f64(),
            )?;
        }
        Ok(())
    }

    pub fn markdown(&self) -> anyhow::Result<String> {
        let mut out = String::new();
        self.introduction(&mut out)?;
        self.issue_table(&mut out)?;
        self.reads_table(&mut out)?;
        self.summary(&mut out)?;
        let unissued: u64 = self
            .runs
            .iter()
            .map(|run| run.submitted.saturating_sub(run.read_issued))
            .sum();
        writeln!(
            out,
            "\n**Sanity check** — every 2xx submission issued its certificate: **{}** ({unissued} \
             submitted but not issued)",
            if unissued == 0 { "PASS" } else { "FAIL" }
        )?;
        Ok(out)
    }
}
