//! The accounts written before the race, and the check of the cells afterwards.

use std::fmt::Write as _;

use anyhow::{Context, anyhow, bail};
use sha2::{Digest, Sha256};

use crate::submissions::Database;

use super::*;

/// The session token of client `index`: unguessable enough for a loopback run.
pub(super) fn token(run: u128, index: u64) -> String {
    let digest = Sha256::digest(format!("rush-{run}-{index}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(super) fn person_id(index: u64) -> String {
    format!("00000000-0000-7000-8000-{index:012x}")
}

/// Each client's own address, as a proxy would pass it on.
pub(super) fn client_address(index: u64) -> String {
    format!(
        "10.{}.{}.{}",
        1 + index / 65_536,
        (index / 256) % 256,
        index % 256
    )
}

/// Runs `sql` on the database: sqlite3 on the file, psql on PostgreSQL; the output's lines.
pub(super) fn sql_on(database: Database, url: &str, sql: &str) -> anyhow::Result<String> {
    use std::io::Write as _;
    let mut command = match database {
        Database::Sqlite => {
            let path = url
                .strip_prefix("sqlite://")
                .and_then(|rest| rest.split('?').next())
                .ok_or_else(|| anyhow!("{url} is not a sqlite:// address"))?;
            let mut command = std::process::Command::new("sqlite3");
            command.args(["-batch", "-cmd", ".timeout 10000", path]);
            command
        }
        Database::Postgres => {
            let mut command = std::process::Command::new("psql");
            command.args([url, "-v", "ON_ERROR_STOP=1", "-qAt", "-f", "-"]);
            command
        }
    };
    let mut child = command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .context("cannot run sqlite3 / psql")?;
    let mut stdin = child.stdin.take().ok_or_else(|| anyhow!("no stdin pipe"))?;
    let input = sql.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output()?;
    writer
        .join()
        .map_err(|_| anyhow!("the SQL writer panicked"))??;
    if !output.status.success() {
        bail!(
            "running SQL failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Creates `count` verified citizens, each with a live session, in one transaction; their
/// session tokens.
pub(super) fn seed(database: Database, url: &str, count: u64) -> anyhow::Result<Vec<String>> {
    let now = i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_micros(),
    )?;
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_nanos();
    let expires = now + 12 * 3600 * 1_000_000;
    let mut sql = String::from("BEGIN;\n");
    let mut tokens = Vec::with_capacity(usize::try_from(count)?);
    for index in 0..count {
        let id = person_id(index);
        let token = token(run, index);
        let _ = writeln!(
            sql,
            "INSERT INTO persons (id, email, email_verified_at, password_hash, role, created_at, updated_at) \
             VALUES ('{id}', 'rush{index}@bench.invalid', {now}, 'not-a-password', 'citizen', {now}, {now});\n\
             INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, expires_at, second_factor_pending) \
             VALUES ('{}', '{id}', 'csrf{index}', {now}, {now}, {expires}, 0);",
            token_hash(&token)
        );
        tokens.push(token);
    }
    sql.push_str("COMMIT;\n");
    sql_on(database, url, &sql)?;
    Ok(tokens)
}

/// Overbooked cells and the people in them beyond capacity, as `overbooked_cells` reads them.
pub(super) fn check(database: Database, url: &str) -> anyhow::Result<Check> {
    let sql = format!(
        "SELECT \
         (SELECT COUNT(*) FROM ({people}) t WHERE people > capacity OR taken > capacity OR taken <> people), \
         (SELECT COALESCE(SUM(people - capacity), 0) FROM ({people}) t WHERE people > capacity), \
         (SELECT COUNT(*) FROM bookings WHERE state IN {HOLDING_STATES}), \
         (SELECT COUNT(*) FROM bookings WHERE state = 'confirmed');",
        people = format!(
            "SELECT c.capacity AS capacity, c.taken AS taken, \
             COALESCE((SELECT CAST(SUM(b.seats) AS BIGINT) FROM booking_cells bc JOIN bookings b \
             ON b.id = bc.booking_id WHERE bc.office_id = c.office_id \
             AND bc.window_kind = c.window_kind AND bc.starts_at = c.starts_at \
             AND b.state IN {HOLDING_STATES}), 0) AS people FROM appointment_cells c"
        )
    );
    let out = sql_on(database, url, &sql)?;
    let fields: Vec<i64> = out
        .trim()
        .split('|')
        .map(|f| f.trim().parse::<i64>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("unexpected check output: {out:?}"))?;
    let [wrong_cells, double_bookings, holding, confirmed] = fields[..] else {
        bail!("unexpected check output: {out:?}");
    };
    Ok(Check {
        wrong_cells,
        double_bookings,
        holding,
        confirmed,
    })
}
