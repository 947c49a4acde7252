//! The registry's batch jobs at scale, through the real binary on a fresh
//! PostgreSQL database of their own:
//!
//! * `reminders`: a million documents (written with `generate_series`), the
//!   reminder scan for a day, its time and count, a second run (which queues
//!   nothing), and the plan of the scan's batch query;
//! * `import`: a generated 100,000-row CSV through `ghiseu registry import`,
//!   rows per second, and a second import (which changes nothing).
//!
//! The database is made and filled with `psql`, which must be on the PATH.

use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct RegistryArgs {
    /// The ghiseu binary to run.
    #[arg(long, default_value = "target/release/ghiseu")]
    ghiseu: PathBuf,
    /// A PostgreSQL server where the bench may create (and drop) a database.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
    postgres: String,
    /// Documents (reminders) or rows (import).
    #[arg(long)]
    count: Option<u64>,
    /// The day the scan runs for.
    #[arg(long, default_value = "2026-12-05")]
    today: String,
    /// Keep the database afterwards.
    #[arg(long)]
    keep: bool,
}

fn psql(url: &str, sql: &str) -> anyhow::Result<String> {
    let out = Command::new("psql")
        .args([url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql])
        .output()
        .context("run psql")?;
    if !out.status.success() {
        bail!("psql: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `url` with its database replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    match url.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => format!("{url}/{name}"),
    }
}

struct Fresh {
    admin: String,
    name: String,
    url: String,
    keep: bool,
}

impl Fresh {
    fn new(admin: &str, what: &str, keep: bool) -> anyhow::Result<Fresh> {
        let name = format!("ghiseu_bench_{what}_{}", std::process::id());
        psql(admin, &format!("CREATE DATABASE {name}"))?;
        Ok(Fresh {
            admin: admin.to_string(),
            url: with_database(admin, &name),
            name,
            keep,
        })
    }
}

impl Drop for Fresh {
    fn drop(&mut self) {
        if !self.keep {
            let _ = psql(
                &self.admin,
                &format!("DROP DATABASE IF EXISTS {}", self.name),
            );
        }
    }
}

/// Runs `ghiseu registry ARGS` on `url`: its output and wall time.
fn ghiseu(binary: &Path, url: &str, args: &[&str]) -> anyhow::Result<(String, Duration)> {
    let started = Instant::now();
    let out = Command::new(binary)
        .env_remove("GHISEU_DATABASE_URL")
        .arg("registry")
        .args(args)
        .args(["--database-url", url])
        .output()
        .with_context(|| format!("run {}", binary.display()))?;
    let took = started.elapsed();
    if !out.status.success() {
        bail!(
            "ghiseu registry {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok((
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
        took,
    ))
}

/// Persons, one in ten holding documents, and documents in force whose
/// expiries spread evenly over the ten years from `today` (every seventh an
/// identity card with chip certificates; one in fifty reported lost).
fn fill_sql(documents: u64, today: &str) -> String {
    let persons = documents / 10;
    format!(
        "INSERT INTO persons (id, email, password_hash, role, preferred_lang, created_at, updated_at) \
         SELECT 'p' || g, 'p' || g || '@bench.example', 'x', 'citizen', \
         CASE WHEN g % 2 = 0 THEN 'ro' ELSE 'en' END, 0, 0 FROM generate_series(1, {persons}) g; \
         INSERT INTO issued_documents (id, number, document_type, authority_id, holder_person_id, \
         holder_name, issued_on, expires_on, eid_expires_on, signature_expires_on, office_id, \
         source, standing) \
         SELECT 'd' || g, 'LT-B-' || g, CASE WHEN g % 7 = 0 THEN 'identity-card' ELSE 'passport' END, \
         'lt.migration', 'p' || (1 + g % {persons}), 'Bench Holder', \
         to_char(DATE '{today}' - 3650 + (g % 3650)::int, 'YYYY-MM-DD'), \
         to_char(DATE '{today}' + (g % 3650)::int, 'YYYY-MM-DD'), \
         CASE WHEN g % 7 = 0 THEN to_char(DATE '{today}' + (g % 1825)::int, 'YYYY-MM-DD') END, \
         CASE WHEN g % 7 = 0 THEN to_char(DATE '{today}' + (g % 1825)::int, 'YYYY-MM-DD') END, \
         'lt-vilnius', 'import', CASE WHEN g % 50 = 0 THEN 'reported-lost' ELSE 'valid' END \
         FROM generate_series(1, {documents}) g; \
         ANALYZE persons; ANALYZE issued_documents;"
    )
}

pub fn reminders(args: &RegistryArgs) -> anyhow::Result<()> {
    let count = args.count.unwrap_or(1_000_000);
    let db = Fresh::new(&args.postgres, "reminders", args.keep)?;
    // The first run migrates the empty database.
    ghiseu(&args.ghiseu, &db.url, &["remind", "--today", &args.today])?;
    let started = Instant::now();
    psql(&db.url, &fill_sql(count, &args.today))?;
    println!(
        "filled: {count} documents, {} persons in {:.1} s",
        count / 10,
        started.elapsed().as_secs_f64()
    );
    let (first, took) = ghiseu(&args.ghiseu, &db.url, &["remind", "--today", &args.today])?;
    println!("first run:  {first} in {:.2} s", took.as_secs_f64());
    let (second, took) = ghiseu(&args.ghiseu, &db.url, &["remind", "--today", &args.today])?;
    println!("second run: {second} in {:.2} s", took.as_secs_f64());
    let outbox = psql(&db.url, "SELECT COUNT(*) FROM outbox_messages")?;
    let rows = psql(&db.url, "SELECT COUNT(*) FROM document_reminders")?;
    println!(
        "outbox messages: {}, reminder rows: {}",
        outbox.trim(),
        rows.trim()
    );
    let plan = psql(
        &db.url,
        &format!(
            "EXPLAIN (ANALYZE, BUFFERS) SELECT id, document_type, service_id, authority_id, \
             office_id, holder_person_id, holder_ward_id, expires_on AS on_day FROM issued_documents \
             WHERE standing IN ('valid', 'awaiting-collection') AND expires_on IS NOT NULL \
             AND expires_on >= '{t}' AND expires_on <= '2027-03-05' \
             AND (expires_on, id) > ('{t}', 'd1') ORDER BY expires_on, id LIMIT 500",
            t = args.today
        ),
    )?;
    println!("plan of one batch:\n{plan}");
    Ok(())
}

/// A valid Lithuanian personal id for the `n`th holder (born 1950–1999).
fn personal_id(n: u64) -> String {
    let year = 50 + n % 50;
    let month = 1 + (n / 50) % 12;
    let day = 1 + (n / 600) % 28;
    let serial = n % 1000;
    let first = if n.is_multiple_of(2) { 3 } else { 4 };
    let base = format!("{first}{year:02}{month:02}{day:02}{serial:03}");
    let digits: Vec<u32> = base.chars().filter_map(|c| c.to_digit(10)).collect();
    let sum = |weights: [u32; 10]| -> u32 {
        digits.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11
    };
    let mut check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 1]);
    if check == 10 {
        check = sum([3, 4, 5, 6, 7, 8, 9, 1, 2, 3]);
        if check == 10 {
            check = 0;
        }
    }
    format!("{base}{check}")
}

fn write_csv(path: &Path, rows: u64) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "number,document_type,holder_personal_id,holder_given_name,holder_family_name,issued_on,\
         expires_on,eid_expires_on,signature_expires_on,office_id,standing,standing_since"
    )?;
    for n in 0..rows {
        let year = 2017 + n % 8;
        let card = n.is_multiple_of(5);
        let (kind, chip) = if card {
            (
                "identity-card",
                format!("{}-06-01,{}-06-01", year + 5, year + 5),
            )
        } else {
            ("passport", ",".to_string())
        };
        writeln!(
            out,
            "LT-I-{n:07},{kind},{},Vardenis,Pavardenis,{year}-06-01,{}-06-01,{chip},lt-vilnius,,",
            personal_id(n),
            year + 10
        )?;
    }
    out.flush()?;
    Ok(())
}

pub fn import(args: &RegistryArgs) -> anyhow::Result<()> {
    let count = args.count.unwrap_or(100_000);
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("register.csv");
    write_csv(&file, count)?;
    let db = Fresh::new(&args.postgres, "import", args.keep)?;
    // Migrate the empty database first, outside the timing.
    ghiseu(&args.ghiseu, &db.url, &["remind", "--today", &args.today])?;
    let path = file.to_string_lossy().into_owned();
    let command = ["import", "--authority", "lt.migration", path.as_str()];
    let (first, took) = ghiseu(&args.ghiseu, &db.url, &command)?;
    println!(
        "first import:  {first}; wall {:.2} s, {:.0} rows/s",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64()
    );
    let (second, took) = ghiseu(&args.ghiseu, &db.url, &command)?;
    println!("second import: {second}; wall {:.2} s", took.as_secs_f64());
    let stored = psql(&db.url, "SELECT COUNT(*) FROM issued_documents")?;
    println!("documents stored: {}", stored.trim());
    Ok(())
}
