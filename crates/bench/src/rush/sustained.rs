//! `ghiseu-bench rush --sustained`: a crowd of people and bots against a cluster of servers
//! (`scripts/cluster`) for a minute, with a new batch of places released every few seconds.
//!
//! Places are released as an office does it by hand: the wave days are closed before the run
//! (one `office_closures` row per day, for the information window) and each wave's closure is
//! lifted when its time comes, so the search offers the day's places again. Every server reads
//! closures again after at most five seconds (the slot cache), so a wave reaches all servers
//! within five seconds of its release. The catalogue is the shipped one with the Alba information
//! window widened to five counters from 08:00 to 18:00 on weekdays: 40 starts of five places, 200
//! places a day, one day a wave.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use hyper::body::Bytes;
use hyper::header::CONTENT_TYPE;
use hyper::{Method, StatusCode};
use tokio::sync::Barrier;
use tokio::time::Instant;

use crate::citizen::Chunks;
use crate::cpu;
use crate::submissions::Database;

use super::*;

/// The window the wave days are closed at, and its widened shape in the bench catalogue.
const WINDOW: &str = "information";
const SHIPPED_WINDOW: &str = "kind = \"information\"\ncounters = 1\nslot_minutes = 15\nhours = { mon = [\"08:30-16:30\"], tue = [\"08:30-16:30\"], wed = [\"08:30-18:30\"], thu = [\"08:30-16:30\"], fri = [\"08:30-16:30\"] }";
const BENCH_WINDOW: &str = "kind = \"information\"\ncounters = 5\nslot_minutes = 15\nhours = { mon = [\"08:00-18:00\"], tue = [\"08:00-18:00\"], wed = [\"08:00-18:00\"], thu = [\"08:00-18:00\"], fri = [\"08:00-18:00\"] }";
const SHIPPED_THRESHOLD: &str = "waiting_room_threshold_per_second = 200\n";
const SHIPPED_ADMIT_RATE: u32 = 100;
const SHIPPED_THRESHOLD_RATE: u32 = 200;
const SHIPPED_DRAW_TEXT: &str = "waiting_room_draw_seconds = 5\n";
const CLUSTER_DATABASE: &str = "ghiseu_rush";
/// HAProxy asks for two descriptors a connection and about 30 more (this configuration), and a
/// process here may not have more than 20,000 open files: 9,980 connections at once is what it
/// can take. Clients beyond
/// wait in the listen queue, as behind any balancer at its limit, and those that reconnect at
/// once (the bots) get in before those that wait a second.
const BALANCER_MOST_CONNECTIONS: u64 = 9_980;
/// How often a bot searches, and how long a person takes to look again at an empty search.
const BOT_SEARCH_EVERY: Duration = Duration::from_millis(100);
const PERSON_LOOKS_AGAIN_MS: u64 = 1000;
/// Two clients are in order when the earlier arrival is let through no later than this after.
const ORDER_TOLERANCE: Duration = Duration::from_secs(1);
const GOAL_HOLD_P99_MS: f64 = 250.0;
/// The search answers' limit on days at a time.
const MOST_SEARCH_DAYS: i64 = 14;

/// The shipped catalogue with the information window widened; bails when the shipped window
/// changed, so the bench is mended with it.
fn bench_catalogue(
    from: &Path,
    to: &Path,
    threshold: Option<u32>,
    admit: Option<u32>,
) -> anyhow::Result<()> {
    copy_dir(from, to)?;
    let file = to.join("ro-passport-alba.toml");
    let mut text = std::fs::read_to_string(&file)?;
    if !text.contains(SHIPPED_WINDOW)
        || !text.contains(SHIPPED_THRESHOLD)
        || !text.contains(SHIPPED_DRAW_TEXT)
    {
        bail!(
            "{} no longer has the information window or the waiting room the sustained rush changes",
            file.display()
        );
    }
    text = text.replace(SHIPPED_WINDOW, BENCH_WINDOW);
    let opens_at = threshold.unwrap_or(SHIPPED_THRESHOLD_RATE);
    // The room may not let people in faster than the rate that opens it.
    let admit = admit.unwrap_or(SHIPPED_ADMIT_RATE).min(opens_at);
    text = text.replace(
        SHIPPED_THRESHOLD,
        &format!("waiting_room_threshold_per_second = {opens_at}\n"),
    );
    text = text.replace(
        &format!("waiting_room_admit_per_second = {SHIPPED_ADMIT_RATE}\n"),
        &format!("waiting_room_admit_per_second = {admit}\n"),
    );
    std::fs::write(&file, text)?;
    Ok(())
}

/// The shipped catalogue with the waiting room never opening: the one-off race measures the
/// booking engine itself (its 2,000 clients' searches before the start would open the room, which
/// the sustained rush measures).
pub(super) fn catalogue_with_room_shut(from: &Path, to: &Path) -> anyhow::Result<()> {
    copy_dir(from, to)?;
    let file = to.join("ro-passport-alba.toml");
    let text = std::fs::read_to_string(&file)?;
    if !text.contains(SHIPPED_THRESHOLD) {
        bail!(
            "{} no longer has the waiting room the race shuts",
            file.display()
        );
    }
    std::fs::write(
        &file,
        text.replace(
            SHIPPED_THRESHOLD,
            "waiting_room_threshold_per_second = 1000000\n",
        ),
    )?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The cluster `scripts/cluster up` started, as its env file describes it.
struct Cluster {
    script: PathBuf,
    dir: PathBuf,
    balancer: SocketAddr,
    nodes: Vec<SocketAddr>,
    database_url: String,
}

fn socket_of(url: &str) -> anyhow::Result<SocketAddr> {
    let rest = url.trim().trim_start_matches("http://");
    let host = rest.split('/').next().unwrap_or(rest);
    host.parse()
        .with_context(|| format!("{url} is not http://address:port"))
}

impl Cluster {
    fn up(
        script: &Path,
        dir: &Path,
        binary: &Path,
        catalogue: &Path,
        nodes: usize,
        clients: u64,
    ) -> anyhow::Result<Cluster> {
        let status = std::process::Command::new(script)
            .args(["up", "--nodes", &nodes.to_string()])
            .env("GHISEU_BIN", binary)
            .env("GHISEU_CATALOGUE", catalogue)
            .env("GHISEU_CLUSTER_DIR", dir)
            .env("GHISEU_CLUSTER_DATABASE", CLUSTER_DATABASE)
            .env("GHISEU_LOG", "warn")
            .env(
                "GHISEU_CLUSTER_MAXCONN",
                (clients + 1000).min(BALANCER_MOST_CONNECTIONS).to_string(),
            )
            .status()
            .with_context(|| format!("cannot run {}", script.display()))?;
        let cluster = Cluster {
            script: script.to_owned(),
            dir: dir.to_owned(),
            balancer: SocketAddr::from(([127, 0, 0, 1], 0)),
            nodes: Vec::new(),
            database_url: String::new(),
        };
        if !status.success() {
            cluster.down();
            bail!("{} up failed ({status})", script.display());
        }
        let env = std::fs::read_to_string(dir.join("env"))?;
        let value = |name: &str| {
            env.lines()
                .find_map(|l| l.strip_prefix(&format!("{name}=")))
                .map(|v| v.trim_matches('\'').to_owned())
                .ok_or_else(|| anyhow!("no {name} in the cluster's env file"))
        };
        let read = (|| {
            anyhow::Ok((
                socket_of(&value("BALANCER_URL")?)?,
                value("NODE_URLS")?
                    .split(',')
                    .map(socket_of)
                    .collect::<anyhow::Result<Vec<_>>>()?,
                value("DATABASE_URL")?,
            ))
        })();
        match read {
            Ok((balancer, nodes, database_url)) => Ok(Cluster {
                balancer,
                nodes,
                database_url,
                ..cluster
            }),
            Err(error) => {
                cluster.down();
                Err(error)
            }
        }
    }

    fn down(&self) {
        let _ = std::process::Command::new(&self.script)
            .arg("down")
            .env("GHISEU_CLUSTER_DIR", &self.dir)
            .env("GHISEU_CLUSTER_DATABASE", CLUSTER_DATABASE)
            .status();
    }
}

/// The places (not starts) free in a search answer, by day.
fn free_places(body: &[u8]) -> anyhow::Result<i64> {
    let list: serde_json::Value = serde_json::from_slice(body)?;
    let slots = list["slots"]
        .as_array()
        .ok_or_else(|| anyhow!("no slots in the search answer"))?;
    Ok(slots.iter().map(|s| s["free"].as_i64().unwrap_or(0)).sum())
}

fn probe(addr: SocketAddr) -> Client {
    Client {
        addr,
        sender: None,
        address: "10.250.0.1".to_owned(),
        cookie: String::new(),
    }
}

/// The `waves` newest released days with free places, oldest first, and their places.
async fn wave_days(addr: SocketAddr, waves: usize) -> anyhow::Result<Vec<(String, i64)>> {
    let zone = jiff::tz::TimeZone::get(ZONE)?;
    let now = jiff::Timestamp::now().to_zoned(zone);
    let today = now.date();
    let mut day = if now.hour() >= 8 {
        today.checked_add(jiff::Span::new().days(RELEASE_DAYS_AHEAD))?
    } else {
        today.checked_add(jiff::Span::new().days(RELEASE_DAYS_AHEAD - 1))?
    };
    let mut client = probe(addr);
    let mut days = Vec::new();
    while days.len() < waves && day > today {
        let date = day.to_string();
        let answer = client.free_on(&date).await?;
        if answer.status != StatusCode::OK {
            bail!("the slot search for {date} answered {}", answer.status);
        }
        let places = free_places(&answer.body)?;
        if places > 0 {
            days.push((date, places));
        }
        day = day.checked_sub(jiff::Span::new().days(1))?;
    }
    if days.len() < waves {
        bail!("only {} released days with free places", days.len());
    }
    days.reverse();
    Ok(days)
}

fn closure_id(wave: usize) -> String {
    format!("rush-wave-{wave}")
}

/// What one client saw, besides the counts.
struct Seen {
    tally: Tally,
    bot: bool,
    /// Its first search or hold sent to the waiting room (answered 429 `waiting-room`), and
    /// the first request after it answered otherwise (let through), from the start.
    queued_at: Option<Duration>,
    let_through: Option<Duration>,
    idempotent_retries: u64,
    /// The client's number, as in its citizen's id.
    index: u64,
}

struct Run {
    /// Set by the first task past the barrier.
    start: std::sync::OnceLock<Instant>,
    length: Duration,
    first_day: String,
    span_days: u8,
    days: HashSet<String>,
    barrier: Barrier,
    /// People first look within this many milliseconds of the start.
    arrivals_ms: usize,
}

impl Run {
    fn start(&self) -> Instant {
        *self.start.get_or_init(Instant::now)
    }

    fn deadline(&self) -> Instant {
        self.start() + self.length
    }
}

async fn search(client: &mut Client, run: &Run, seen: &mut Seen) -> Result<Vec<Slot>, Retry> {
    seen.tally.searches += 1;
    let sent = Instant::now();
    let answer = match client.free_from(&run.first_day, run.span_days).await {
        Ok(answer) => answer,
        Err(_) => {
            seen.tally.transport_errors += 1;
            seen.tally.search_failures += 1;
            return Err(Retry::Wait(1));
        }
    };
    if answer.status == StatusCode::TOO_MANY_REQUESTS {
        seen.tally.search_failures += 1;
        if has_code(&answer.body, "waiting-room") {
            seen.tally.waiting_room += 1;
            seen.queued_at.get_or_insert(sent - run.start());
        }
        return Err(Retry::Wait(answer.retry_after.unwrap_or(1)));
    }
    if answer.status.is_server_error() {
        seen.tally.server_errors += 1;
    }
    if answer.status != StatusCode::OK {
        seen.tally.search_failures += 1;
        return Err(Retry::Wait(1));
    }
    if seen.queued_at.is_some() && seen.let_through.is_none() {
        seen.let_through = Some(sent - run.start());
    }
    let Ok(slots) = free_slots(&answer.body) else {
        seen.tally.search_failures += 1;
        return Err(Retry::Wait(1));
    };
    Ok(slots
        .into_iter()
        .filter(|s| run.days.contains(&s.date))
        .collect())
}

/// Why a search gave no slot: wait this many seconds (people do; bots do not).
enum Retry {
    Wait(u64),
}

async fn pause(bot: bool, seconds: u64, deadline: Instant) {
    if !bot {
        let wake = (Instant::now() + Duration::from_secs(seconds.max(1))).min(deadline);
        tokio::time::sleep_until(wake).await;
    }
}

/// What a hold ended in.
enum Held {
    Confirmed,
    /// Search again (the slot was taken, or the answer asks to).
    Again,
    Stop(End),
}

async fn hold(
    client: &mut Client,
    run: &Run,
    seen: &mut Seen,
    slot: &Slot,
    key: &str,
) -> anyhow::Result<Held> {
    loop {
        if Instant::now() >= run.deadline() {
            return Ok(Held::Stop(End::OutOfTime));
        }
        let body = serde_json::json!({
            "service": SERVICE, "office": OFFICE, "start": slot.start, "holders": ["self"]
        });
        let request = client
            .request(Method::POST, "/api/v1/appointments")
            .header(CONTENT_TYPE, "application/json")
            .header("idempotency-key", key)
            .body(Chunks::new([Bytes::from(serde_json::to_vec(&body)?)]))?;
        seen.tally.attempts += 1;
        let sent = Instant::now();
        let answer = match client.exchange(request).await {
            Ok(answer) => answer,
            Err(_) => {
                // The same key again: a hold that was made is answered, not made twice.
                seen.tally.transport_errors += 1;
                seen.idempotent_retries += 1;
                pause(seen.bot, 1, run.deadline()).await;
                continue;
            }
        };
        let latency = sent.elapsed();
        record(&mut seen.tally.holds, latency);
        if answer.status != StatusCode::TOO_MANY_REQUESTS {
            record(&mut seen.tally.admitted_holds, latency);
            if seen.queued_at.is_some() && seen.let_through.is_none() {
                seen.let_through = Some(sent - run.start());
            }
        }
        match answer.status {
            StatusCode::CREATED => {
                seen.tally.created += 1;
                record(&mut seen.tally.won_holds, latency);
                let id = serde_json::from_slice::<serde_json::Value>(&answer.body)
                    .ok()
                    .and_then(|v| v["id"].as_str().map(str::to_owned));
                let Some(id) = id else {
                    seen.tally.confirm_failures += 1;
                    return Ok(Held::Stop(End::Failed));
                };
                return confirm(client, run, seen, &id).await;
            }
            StatusCode::CONFLICT if has_code(&answer.body, "slot-full") => {
                seen.tally.full += 1;
                return Ok(Held::Again);
            }
            StatusCode::CONFLICT => {
                seen.tally.already += 1;
                return Ok(Held::Stop(End::Refused));
            }
            StatusCode::TOO_MANY_REQUESTS => {
                if has_code(&answer.body, "waiting-room") {
                    seen.tally.waiting_room += 1;
                    if seen.queued_at.is_none() {
                        seen.queued_at = Some(sent - run.start());
                    }
                } else {
                    seen.tally.too_many += 1;
                }
                let retry_after = answer.retry_after.or_else(|| {
                    serde_json::from_slice::<serde_json::Value>(&answer.body)
                        .ok()
                        .and_then(|v| v["retry_after"].as_u64())
                });
                pause(seen.bot, retry_after.unwrap_or(1), run.deadline()).await;
            }
            StatusCode::UNPROCESSABLE_ENTITY => {
                seen.tally.unprocessable += 1;
                return Ok(Held::Again);
            }
            status if status.is_server_error() => {
                seen.tally.server_errors += 1;
                seen.idempotent_retries += 1;
                pause(seen.bot, 1, run.deadline()).await;
            }
            status => {
                seen.tally.other_4xx += 1;
                *seen
                    .tally
                    .other_statuses
                    .entry(status.as_u16())
                    .or_insert(0) += 1;
                return Ok(Held::Stop(End::Refused));
            }
        }
    }
}

async fn confirm(
    client: &mut Client,
    run: &Run,
    seen: &mut Seen,
    id: &str,
) -> anyhow::Result<Held> {
    while Instant::now() < run.deadline() {
        let request = client.confirm_request(id)?;
        let sent = Instant::now();
        match client.exchange(request).await {
            Ok(answer) if answer.status == StatusCode::OK => {
                record(&mut seen.tally.confirms, sent.elapsed());
                return Ok(Held::Confirmed);
            }
            Ok(answer) if answer.status.is_server_error() => {
                seen.tally.server_errors += 1;
                pause(seen.bot, 1, run.deadline()).await;
            }
            Ok(_) => {
                seen.tally.confirm_failures += 1;
                return Ok(Held::Stop(End::Failed));
            }
            Err(_) => {
                seen.tally.transport_errors += 1;
                pause(seen.bot, 1, run.deadline()).await;
            }
        }
    }
    seen.tally.confirm_failures += 1;
    Ok(Held::Stop(End::OutOfTime))
}

async fn client_run(
    mut client: Client,
    run: Arc<Run>,
    seed: u64,
    bot: bool,
) -> anyhow::Result<Seen> {
    let mut seen = Seen {
        tally: Tally::new(),
        bot,
        queued_at: None,
        let_through: None,
        idempotent_retries: 0,
        index: seed - 1,
    };
    let mut choice = Choice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // The booking page is open before the first release (not measured).
    let _ = client.own_bookings().await;
    run.barrier.wait().await;
    run.start();
    // People first look at different moments; bots at once.
    if !bot {
        let spread = Duration::from_millis(u64::try_from(choice.next(run.arrivals_ms))?);
        tokio::time::sleep(spread).await;
    }
    let mut holds = 0u64;
    let end = loop {
        let looked = Instant::now();
        if looked >= run.deadline() {
            break End::OutOfTime;
        }
        let found = search(&mut client, &run, &mut seen).await;
        let free = match found {
            Ok(free) => free,
            Err(Retry::Wait(seconds)) => {
                pause(bot, seconds, run.deadline()).await;
                if bot {
                    tokio::time::sleep_until((looked + BOT_SEARCH_EVERY).min(run.deadline())).await;
                }
                continue;
            }
        };
        if free.is_empty() {
            let wake = if bot {
                looked + BOT_SEARCH_EVERY
            } else {
                let jitter = u64::try_from(choice.next(1000))?;
                looked + Duration::from_millis(PERSON_LOOKS_AGAIN_MS + jitter)
            };
            tokio::time::sleep_until(wake.min(run.deadline())).await;
            continue;
        }
        let slot = free[choice.next(free.len())].clone();
        holds += 1;
        let key = format!("rush-{seed}-{holds}");
        match hold(&mut client, &run, &mut seen, &slot, &key).await? {
            Held::Confirmed => break End::Confirmed,
            Held::Again => {}
            Held::Stop(end) => break end,
        }
    };
    seen.tally.end(end);
    Ok(seen)
}

/// Pairs of queued clients whose arrivals lie more than the tolerance apart and who did not both
/// draw a lot in the room's draw (lots order those on purpose), and those of them the later
/// arrival was let through more than the tolerance before the earlier one. Each client: arrival,
/// let through, drew a lot.
fn order(seen: &[(Duration, Duration, bool)]) -> (u64, u64) {
    let mut pairs = 0;
    let mut inverted = 0;
    for (i, a) in seen.iter().enumerate() {
        for b in &seen[i + 1..] {
            let (first, second) = if a.0 < b.0 { (a, b) } else { (b, a) };
            if second.0.saturating_sub(first.0) <= ORDER_TOLERANCE || (first.2 && second.2) {
                continue;
            }
            pairs += 1;
            if first.1.saturating_sub(second.1) > ORDER_TOLERANCE {
                inverted += 1;
            }
        }
    }
    (pairs, inverted)
}

/// The clients (by index) that drew a lot in a waiting room's draw.
fn lot_holders(url: &str) -> anyhow::Result<HashSet<u64>> {
    let people = sql_on(
        Database::Postgres,
        url,
        "SELECT person_id FROM waiting_tickets WHERE lot IS NOT NULL;",
    )?;
    Ok(people.lines().filter_map(|l| index_of(l.trim())).collect())
}

fn index_of(person: &str) -> Option<u64> {
    let hex = person.strip_prefix("00000000-0000-7000-8000-")?;
    u64::from_str_radix(hex, 16).ok()
}

fn is_bot(index: u64, percent: u64) -> bool {
    index % 100 < percent
}

struct Outcome {
    clients: u64,
    bots: u64,
    nodes: usize,
    waves: Vec<(String, i64, Duration)>,
    people: Tally,
    bot_tally: Tally,
    wall: Duration,
    check: Check,
    identities_over: i64,
    /// Search counts the servers shared: rows written, and the searches they counted.
    searches_shared: (i64, i64),
    bookings_people: i64,
    bookings_bots: i64,
    pairs: u64,
    inverted: u64,
    queued: u64,
    idempotent_retries: u64,
    baseline: crate::load::Outcome,
    load_before: String,
    load_after: String,
}

pub(super) async fn run(args: &RushArgs) -> anyhow::Result<()> {
    let binary = crate::spawn::ghiseu_binary(&args.ghiseu)?;
    let load_before = cpu::load_average();
    let work = tempfile::tempdir()?;
    let catalogue = work.path().join("catalogue");
    bench_catalogue(
        Path::new("catalogue"),
        &catalogue,
        args.waiting_room_threshold,
        args.waiting_room_admit,
    )?;
    let cluster = Cluster::up(
        &args.cluster_script,
        &std::path::absolute(&args.cluster_dir)?,
        &binary,
        &catalogue,
        args.nodes,
        args.clients,
    )?;
    let measured = measure(args, &cluster, load_before).await;
    cluster.down();
    let outcome = measured?;
    crate::report::publish(&markdown(args, &binary, &outcome), args.output.as_deref())
}

async fn measure(
    args: &RushArgs,
    cluster: &Cluster,
    load_before: String,
) -> anyhow::Result<Outcome> {
    let url = &cluster.database_url;
    eprintln!(
        "seeding {} citizens with sessions (not measured)",
        args.clients
    );
    let tokens = seed(Database::Postgres, url, args.clients)?;
    eprintln!(
        "baseline: GET /api/v1/services through the balancer for {} s",
        BASELINE.as_secs()
    );
    let baseline =
        crate::submissions::services(cluster.balancer, BASELINE_CONNECTIONS, BASELINE).await?;
    let waves = usize::try_from(args.waves)?;
    let days = wave_days(cluster.balancer, waves).await?;
    let first = days.first().map(|d| d.0.clone()).unwrap_or_default();
    let last = days.last().map(|d| d.0.clone()).unwrap_or_default();
    let span = jiff::civil::Date::strptime("%Y-%m-%d", &first)?
        .until(jiff::civil::Date::strptime("%Y-%m-%d", &last)?)?
        .get_days()
        + 1;
    if i64::from(span) > MOST_SEARCH_DAYS {
        bail!("the wave days {first} to {last} do not fit one search");
    }
    let now = jiff::Timestamp::now().as_second();
    let mut sql = String::from("BEGIN;\n");
    for (wave, (day, _)) in days.iter().enumerate() {
        let _ = writeln!(
            sql,
            "INSERT INTO office_closures (id, office_id, window_kind, day, reason, created_by, created_at) \
             VALUES ('{}', '{OFFICE}', '{WINDOW}', '{day}', 'not released yet', '{}', {now});",
            closure_id(wave),
            person_id(0)
        );
    }
    sql.push_str("COMMIT;\n");
    sql_on(Database::Postgres, url, &sql)?;
    // Every server reads closures again within five seconds: wait, then see that none offers
    // a wave day's places.
    tokio::time::sleep(Duration::from_secs(6)).await;
    for node in &cluster.nodes {
        let mut client = probe(*node);
        for (day, _) in &days {
            let answer = client.free_on(day).await?;
            if answer.status != StatusCode::OK || free_places(&answer.body)? != 0 {
                bail!("{node} still offers places on {day} after the closure");
            }
        }
    }
    eprintln!(
        "{} waves: {}; connecting {} clients",
        days.len(),
        days.iter()
            .map(|(d, p)| format!("{d} ({p} places)"))
            .collect::<Vec<_>>()
            .join(", "),
        args.clients
    );
    let run = Arc::new(Run {
        start: std::sync::OnceLock::new(),
        length: Duration::from_secs(args.seconds),
        first_day: first,
        span_days: u8::try_from(span)?,
        days: days.iter().map(|d| d.0.clone()).collect(),
        barrier: Barrier::new(tokens.len() + 1),
        arrivals_ms: usize::try_from(args.arrival_seconds.saturating_mul(1000))?,
    });
    let mut workers = tokio::task::JoinSet::new();
    let mut bots = 0;
    for (index, token) in tokens.iter().enumerate() {
        let index = u64::try_from(index)?;
        let bot = is_bot(index, args.bots_percent);
        bots += u64::from(bot);
        let client = Client {
            addr: cluster.balancer,
            sender: None,
            address: client_address(index),
            cookie: format!("{SESSION_COOKIE}={token}"),
        };
        workers.spawn(client_run(client, run.clone(), index + 1, bot));
    }
    let warming = Instant::now();
    run.barrier.wait().await;
    let start = run.start();
    eprintln!(
        "clients warmed up in {:.2} s; race",
        warming.elapsed().as_secs_f64()
    );
    // The releases: wave k's closure is lifted k wave-lengths after the start.
    let mut released = Vec::with_capacity(days.len());
    for wave in 0..days.len() {
        let at = start + Duration::from_secs(args.wave_seconds * u64::try_from(wave)?);
        tokio::time::sleep_until(at).await;
        let url = url.clone();
        let sql = format!(
            "DELETE FROM office_closures WHERE id = '{}';",
            closure_id(wave)
        );
        tokio::task::spawn_blocking(move || sql_on(Database::Postgres, &url, &sql)).await??;
        released.push(start.elapsed());
    }
    let mut people = Tally::new();
    let mut bot_tally = Tally::new();
    let mut order_seen = Vec::new();
    let mut idempotent_retries = 0;
    while let Some(done) = workers.join_next().await {
        let seen = done.context("a client panicked")??;
        if seen.bot {
            bot_tally.merge(&seen.tally)?;
        } else {
            people.merge(&seen.tally)?;
        }
        idempotent_retries += seen.idempotent_retries;
        if let (Some(arrived), Some(admitted)) = (seen.queued_at, seen.let_through) {
            order_seen.push((seen.index, arrived, admitted));
        }
    }
    let wall = start.elapsed();
    let load_after = cpu::load_average();
    let check = check(Database::Postgres, url)?;
    let (identities_over, bookings_people, bookings_bots) = identities(url, args.bots_percent)?;
    let lots = lot_holders(url)?;
    let searches_shared = searches_shared(url)?;
    let order_seen: Vec<_> = order_seen
        .into_iter()
        .map(|(index, arrived, admitted)| (arrived, admitted, lots.contains(&index)))
        .collect();
    let (pairs, inverted) = order(&order_seen);
    Ok(Outcome {
        clients: args.clients,
        bots,
        nodes: cluster.nodes.len(),
        waves: days
            .into_iter()
            .zip(released)
            .map(|((day, places), at)| (day, places, at))
            .collect(),
        people,
        bot_tally,
        wall,
        check,
        identities_over,
        searches_shared,
        bookings_people,
        bookings_bots,
        pairs,
        inverted,
        queued: u64::try_from(order_seen.len())?,
        idempotent_retries,
        baseline,
        load_before,
        load_after,
    })
}

/// Identities holding more than one place for a service, and the places held by people and
/// by bots (the seeded accounts only).
fn identities(url: &str, bots_percent: u64) -> anyhow::Result<(i64, i64, i64)> {
    let over = sql_on(
        Database::Postgres,
        url,
        &format!(
            "SELECT COUNT(*) FROM (SELECT h.holder_id FROM booking_holders h JOIN bookings b \
             ON b.id = h.booking_id WHERE b.state IN {HOLDING_STATES} \
             GROUP BY h.service_id, h.holder_kind, h.holder_id HAVING COUNT(*) > 1) t;"
        ),
    )?;
    let over: i64 = over
        .trim()
        .parse()
        .with_context(|| format!("unexpected count {over:?}"))?;
    let holders = sql_on(
        Database::Postgres,
        url,
        &format!(
            "SELECT booked_by FROM bookings WHERE state IN {HOLDING_STATES} AND service_id = '{SERVICE}';"
        ),
    )?;
    let (mut people, mut bots) = (0, 0);
    for line in holders.lines() {
        if let Some(index) = index_of(line.trim()) {
            if is_bot(index, bots_percent) {
                bots += 1;
            } else {
                people += 1;
            }
        }
    }
    Ok((over, people, bots))
}

/// The search counts the servers took to the database (each address's, once it searched often
/// enough on one server): rows, and the searches they add up.
fn searches_shared(url: &str) -> anyhow::Result<(i64, i64)> {
    let row = sql_on(
        Database::Postgres,
        url,
        "SELECT COUNT(*), COALESCE(SUM(count), 0) FROM rate_counts WHERE key LIKE 'search:%';",
    )?;
    let mut numbers = row.trim().split('|').map(|n| n.trim().parse::<i64>());
    match (numbers.next(), numbers.next()) {
        (Some(Ok(rows)), Some(Ok(searches))) => Ok((rows, searches)),
        _ => bail!("unexpected search counts {row:?}"),
    }
}

fn markdown(args: &RushArgs, binary: &Path, o: &Outcome) -> String {
    let mut out = String::new();
    let places: i64 = o.waves.iter().map(|w| w.1).sum();
    let _ = writeln!(out, "## Sustained rush\n");
    let _ = writeln!(
        out,
        "`{}` on {} servers (`scripts/cluster up`: PostgreSQL, HAProxy, `--demo`), the catalogue \
         with the Alba information window widened to 5 counters 08:00-18:00 (200 places a day). \
         {} clients ({} people, {} bots) through the balancer, each a citizen with its own \
         `X-Forwarded-For` address, for {} s. The {} newest released days are closed before the \
         start and one is reopened every {} s (its `office_closures` row deleted; servers read \
         closures again within 5 s). People first look within {} s of the start, search the \
         wave days (`days`, `only_free`), look \
         again after 1-2 s when nothing is free, hold a random free place, confirm; on 429 they \
         wait `Retry-After`, on an error they retry the hold with the same `Idempotency-Key`. \
         Bots come at the start, search every 100 ms and retry at once, never waiting. Load \
         average before: {}; \
         after: {}. The waiting room opens at {} searches and holds a second in one server, and \
         lets {} people through a second.\n",
        binary.display(),
        o.nodes,
        o.clients,
        o.clients - o.bots,
        o.bots,
        args.seconds,
        o.waves.len(),
        args.wave_seconds,
        args.arrival_seconds,
        o.load_before,
        o.load_after,
        args.waiting_room_threshold
            .map_or_else(|| "200 (shipped)".to_string(), |t| t.to_string()),
        match (args.waiting_room_admit, args.waiting_room_threshold) {
            (None, None) => format!("{SHIPPED_ADMIT_RATE} (shipped)"),
            (admit, threshold) => admit
                .unwrap_or(SHIPPED_ADMIT_RATE)
                .min(threshold.unwrap_or(SHIPPED_THRESHOLD_RATE))
                .to_string(),
        }
    );
    let _ = writeln!(
        out,
        "| wave | day | places | released at s |\n|---:|---|---:|---:|"
    );
    for (n, (day, p, at)) in o.waves.iter().enumerate() {
        let _ = writeln!(out, "| {} | {day} | {p} | {:.2} |", n + 1, at.as_secs_f64());
    }
    let _ = writeln!(
        out,
        "\n| who | hold attempts | 201 | 409 full | 409 already | 422 | 429 waiting room | 429 other | 5xx | transport errors | searches | failed searches | confirmed | hold p50 ms | hold p99 ms (admitted) | hold p99 ms (all) | confirm p99 ms |"
    );
    let _ = writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for (who, t) in [("people", &o.people), ("bots", &o.bot_tally)] {
        let _ = writeln!(
            out,
            "| {who} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} |",
            t.attempts,
            t.created,
            t.full,
            t.already,
            t.unprocessable,
            t.waiting_room,
            t.too_many,
            t.server_errors,
            t.transport_errors,
            t.searches,
            t.search_failures,
            t.confirmed,
            ms(&t.admitted_holds, 0.5),
            ms(&t.admitted_holds, 0.99),
            ms(&t.holds, 0.99),
            ms(&t.confirms, 0.99),
        );
    }
    let server_errors = o.people.server_errors + o.bot_tally.server_errors;
    let p99 = ms(&o.people.admitted_holds, 0.99);
    let held = o.bookings_people + o.bookings_bots;
    let bot_share = if held > 0 {
        o.bookings_bots as f64 / held as f64
    } else {
        0.0
    };
    let crowd_share = o.bots as f64 / o.clients.max(1) as f64;
    let inverted = if o.pairs > 0 {
        o.inverted as f64 / o.pairs as f64
    } else {
        0.0
    };
    let baseline_rate = o.baseline.ok_in_time as f64 / o.baseline.elapsed.as_secs_f64().max(1e-9);
    let attempts =
        (o.people.attempts + o.bot_tally.attempts) as f64 / o.wall.as_secs_f64().max(1e-9);
    let base_p99 = o.baseline.latency_micros.value_at_quantile(0.99) as f64 / 1000.0;
    let verdict = |ok: bool| if ok { "met" } else { "**missed**" };
    let _ = writeln!(out, "\n| check | figure | goal | |\n|---|---:|---|---|");
    let _ = writeln!(
        out,
        "| double bookings (database) | {} ({} cells wrong) | 0 | {} |",
        o.check.double_bookings,
        o.check.wrong_cells,
        verdict(o.check.double_bookings == 0 && o.check.wrong_cells == 0)
    );
    let _ = writeln!(
        out,
        "| 5xx answers | {server_errors} | 0 | {} |",
        verdict(server_errors == 0)
    );
    let _ = writeln!(
        out,
        "| hold p99, people admitted by the waiting room | {p99:.1} ms | < {GOAL_HOLD_P99_MS} ms | {} |",
        verdict(p99 < GOAL_HOLD_P99_MS)
    );
    let _ = writeln!(
        out,
        "| arrival order: inverted pairs among {} queued clients (arrivals and admissions more than 1 s apart, not both drawn by lot) | {} of {} ({:.2} %) | 0 | {} |",
        o.queued,
        o.inverted,
        o.pairs,
        inverted * 100.0,
        verdict(o.inverted == 0)
    );
    let _ = writeln!(
        out,
        "| identities with more than one active booking for a service | {} | 0 | {} |",
        o.identities_over,
        verdict(o.identities_over == 0)
    );
    let _ = writeln!(
        out,
        "| search counts shared across servers (rows written; searches they count) | {}; {} | — | — |",
        o.searches_shared.0, o.searches_shared.1
    );
    let _ = writeln!(
        out,
        "| places held by bots | {} of {held} ({:.1} %) | at most their share of the crowd, {:.1} % | {} |",
        o.bookings_bots,
        bot_share * 100.0,
        crowd_share * 100.0,
        verdict(bot_share <= crowd_share)
    );
    let _ = writeln!(
        out,
        "\nPlaces released: {places}; held or confirmed at the end: {held} ({} confirmed); hold retries with the same key: {}. Booking attempts: {attempts:.0}/s over {:.1} s. Same-run baseline, `GET /api/v1/services` through the balancer over {BASELINE_CONNECTIONS} connections just before: {baseline_rate:.0} requests/s, p99 {base_p99:.2} ms; the crowd's hold attempts are {:.3}x that rate, and people's admitted hold p99 is {:.1}x that p99.\n",
        o.check.confirmed,
        o.idempotent_retries,
        o.wall.as_secs_f64(),
        attempts / baseline_rate.max(1e-9),
        p99 / base_p99.max(0.001),
    );
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn s(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    #[test]
    fn order_counts_pairs_let_through_the_other_way_round() {
        // Arrivals 0, 5, 10 s; the second is let through before the first.
        let seen = [
            (s(0), s(20), false),
            (s(5), s(12), false),
            (s(10), s(30), false),
        ];
        assert_eq!(order(&seen), (3, 1));
        // Within the tolerance nothing counts.
        let close = [(s(0), s(2), false), (s(1), s(1), false)];
        assert_eq!(order(&close), (0, 0));
        // Nor two who both drew lots: the draw orders them. One with a lot and one without
        // still count.
        let drawn = [
            (s(0), s(20), true),
            (s(5), s(12), true),
            (s(10), s(30), false),
        ];
        assert_eq!(order(&drawn), (2, 0));
    }

    #[test]
    fn bots_are_their_percent_of_every_hundred() {
        assert_eq!((0..1000).filter(|i| is_bot(*i, 10)).count(), 100);
        assert_eq!(index_of(&person_id(4242)), Some(4242));
    }

    #[test]
    fn the_bench_catalogue_widens_the_shipped_window() {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogue");
        bench_catalogue(&root, dir.path(), Some(50), None).unwrap();
        let text = std::fs::read_to_string(dir.path().join("ro-passport-alba.toml")).unwrap();
        assert!(text.contains(BENCH_WINDOW));
        assert!(text.contains("waiting_room_threshold_per_second = 50\n"));
        assert!(text.contains("waiting_room_admit_per_second = 50\n"));
        ghiseu_domain::catalogue::Catalogue::load(
            &ghiseu_storage::catalogue_files::read_dir(dir.path()).unwrap(),
        )
        .unwrap();
        assert!(!text.contains(SHIPPED_THRESHOLD));
        let paced = tempfile::tempdir().unwrap();
        bench_catalogue(&root, paced.path(), None, Some(20)).unwrap();
        let text = std::fs::read_to_string(paced.path().join("ro-passport-alba.toml")).unwrap();
        assert!(text.contains("waiting_room_threshold_per_second = 200\n"));
        assert!(text.contains("waiting_room_admit_per_second = 20\n"));
    }
}
