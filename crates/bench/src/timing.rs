//! `ghiseu-bench timing`: does the time of an answer tell whether an e-mail address is
//! registered? Wrong-password sign-ins for registered and unregistered addresses, then
//! registrations of new and already registered addresses, each pair sent one after the other,
//! alternately, against a real `ghiseu serve` on loopback.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::{CONTENT_TYPE, COOKIE, HOST};
use hyper::{Method, Request, StatusCode};
use tokio::time::Instant;

use crate::cpu::{self, CpuSample};
use crate::logins::{self, PASSWORD};
use crate::signin::{self, ATTEMPTS_PER_ACCOUNT};
use crate::spawn;
use crate::timing_report::{Pair, Side, TimingReport};
use crate::timing_stats::SplitMix64;

pub const LOGIN_PATH: &str = "/en/account/login";
pub const REGISTER_PATH: &str = "/en/account/register";
/// As long as the seeded password, and not it.
pub const WRONG_PASSWORD: &str = "quiet amber kettle orbits the harbor!";
/// Consecutive pairs sent from one `X-Forwarded-For` address: 8 failed sign-ins (the limit is
/// 100 in 15 minutes) or 10 registrations (the limit is 30 an hour) per address.
pub const LOGIN_PAIRS_PER_CLIENT: u32 = 4;
pub const REGISTER_PAIRS_PER_CLIENT: u32 = 5;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Seeds the order inside each pair, so that a run can be repeated request for request.
const ORDER_SEED: u64 = 0x7469_6d69_6e67;

#[derive(clap::Args)]
pub struct TimingArgs {
    /// The ghiseu binary to start (and to seed the accounts with `ghiseu person add`).
    #[arg(long, default_value = "target/release/ghiseu")]
    pub ghiseu: PathBuf,
    /// Measured requests on each side of each comparison.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(10..=2000))]
    pub samples: u32,
    /// Pairs sent before the measured ones and not counted (the first must be answered as
    /// expected, or the run stops).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=200))]
    pub warm_up: u32,
    /// Each comparison (its warm-up included) stops after this many seconds, with the samples
    /// it has.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(5..=3600))]
    pub max_seconds: u64,
    /// Also write the Markdown report to this file.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

/// The two comparisons.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A wrong password for a registered address (side a) or an unregistered one (side b).
    SignIn,
    /// Registering an address already registered (side a) or a new one (side b).
    Register,
}

impl Kind {
    fn code(self) -> u64 {
        match self {
            Kind::SignIn => 1,
            Kind::Register => 2,
        }
    }

    pub fn path(self) -> &'static str {
        match self {
            Kind::SignIn => LOGIN_PATH,
            Kind::Register => REGISTER_PATH,
        }
    }

    /// The answer both sides must get: the same page either way.
    pub fn expected(self) -> StatusCode {
        match self {
            Kind::SignIn => StatusCode::UNAUTHORIZED,
            Kind::Register => StatusCode::OK,
        }
    }

    /// Seeded accounts the sign-ins use: each takes [`ATTEMPTS_PER_ACCOUNT`] wrong passwords,
    /// under the lock at 5.
    pub fn accounts_needed(pairs: u32) -> u64 {
        u64::from(pairs).div_ceil(ATTEMPTS_PER_ACCOUNT)
    }

    /// The form's fields but its token, for pair `pair`, side b when `b`. The addresses on
    /// both sides have the same length, so the requests do too.
    fn fields(self, pair: u32, b: bool, accounts: u64) -> String {
        let group = u64::from(pair) / ATTEMPTS_PER_ACCOUNT;
        match (self, b) {
            (Kind::SignIn, false) => sign_in_fields(&signin::account_email(group)),
            (Kind::SignIn, true) => {
                sign_in_fields(&format!("ghost-{group:05}@load.ghiseu.example"))
            }
            (Kind::Register, false) => {
                register_fields(&signin::account_email(u64::from(pair) % accounts.max(1)))
            }
            (Kind::Register, true) => {
                register_fields(&format!("fresh-{pair:05}@load.ghiseu.example"))
            }
        }
    }

    /// The `X-Forwarded-For` address of pair `pair`, the same for both of its requests.
    pub fn client(self, pair: u32) -> String {
        let (network, group) = match self {
            Kind::SignIn => (1, pair / LOGIN_PAIRS_PER_CLIENT),
            Kind::Register => (2, pair / REGISTER_PAIRS_PER_CLIENT),
        };
        format!("10.{network}.{}.{}", (group >> 8) & 255, group & 255)
    }
}

fn sign_in_fields(email: &str) -> String {
    format!(
        "email={}&password={}",
        signin::form_encode(email),
        signin::form_encode(WRONG_PASSWORD)
    )
}

fn register_fields(email: &str) -> String {
    let password = signin::form_encode(PASSWORD);
    format!(
        "email={}&password={password}&confirm={password}",
        signin::form_encode(email)
    )
}

/// What one request came to.
pub enum Answer {
    /// The POST's status and its time, from sending it to the last byte of the answer.
    Timed(StatusCode, Duration),
    /// The form itself was refused, or came without its cookie or token.
    NoForm(StatusCode),
}

/// As a browser: `GET path` for the form's cookie and hidden token, then the POST of `fields`
/// and that token on the same fresh connection. Only the POST is timed.
async fn submit(
    addr: SocketAddr,
    path: &str,
    fields: &str,
    client: &str,
) -> anyhow::Result<Answer> {
    let mut sender = crate::load::connect(addr).await?;
    let form = Request::get(path)
        .header(HOST, addr.to_string())
        .header("x-forwarded-for", client)
        .body(Full::new(Bytes::new()))?;
    sender.ready().await?;
    let response = sender.send_request(form).await?;
    let status = response.status();
    let cookie = signin::form_cookie(response.headers());
    let page = response.into_body().collect().await?.to_bytes();
    let page = String::from_utf8_lossy(&page);
    let (Some(cookie), Some(token), true) =
        (cookie, signin::hidden_token(&page), status.is_success())
    else {
        return Ok(Answer::NoForm(status));
    };
    let post = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(HOST, addr.to_string())
        .header("x-forwarded-for", client)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(COOKIE, format!("ghiseu_form={cookie}"))
        .body(Full::new(Bytes::from(format!(
            "{fields}&form_token={}",
            signin::form_encode(token)
        ))))?;
    sender.ready().await?;
    let sent = Instant::now();
    let response = sender.send_request(post).await?;
    let status = response.status();
    response.into_body().collect().await?;
    Ok(Answer::Timed(status, sent.elapsed()))
}

/// One request of pair `pair`, side b when `b`, recorded on its side; `first` when it was sent
/// first in its pair.
async fn measure(
    addr: SocketAddr,
    kind: Kind,
    (pair, b, first): (u32, bool, bool),
    accounts: u64,
    side: &mut Side,
) {
    let fields = kind.fields(pair, b, accounts);
    let client = kind.client(pair);
    match tokio::time::timeout(REQUEST_TIMEOUT, submit(addr, kind.path(), &fields, &client)).await {
        Ok(Ok(Answer::Timed(status, took))) if status == kind.expected() => {
            side.record(u64::try_from(took.as_micros()).unwrap_or(u64::MAX), first);
        }
        Ok(Ok(Answer::Timed(status, _) | Answer::NoForm(status))) => {
            *side.unexpected.entry(status.as_u16()).or_default() += 1;
        }
        Ok(Err(_)) | Err(_) => side.transport_errors += 1,
    }
}

/// The first pair, unmeasured: both must get the expected answer.
async fn preflight(addr: SocketAddr, kind: Kind, accounts: u64) -> anyhow::Result<()> {
    for b in [false, true] {
        let fields = kind.fields(0, b, accounts);
        let answer = tokio::time::timeout(
            REQUEST_TIMEOUT,
            submit(addr, kind.path(), &fields, &kind.client(0)),
        )
        .await
        .map_err(|_| anyhow!("POST {} took over {REQUEST_TIMEOUT:?}", kind.path()))??;
        match answer {
            Answer::Timed(status, _) if status == kind.expected() => {}
            Answer::Timed(status, _) => bail!(
                "POST {} ({fields}) answered {status}, not {}",
                kind.path(),
                kind.expected()
            ),
            Answer::NoForm(status) => bail!("GET {} gave no usable form ({status})", kind.path()),
        }
    }
    Ok(())
}

/// `warm_up` pairs unmeasured, then up to `samples` pairs, one request at a time, until
/// `--max-seconds` have passed. Which side goes first in a pair is drawn at random (fixed
/// seed): a strict a, b, a, b order lines up with anything the server does every other request
/// (its password-hashing threads take the hashes in turn), and that difference then shows as
/// one between the sides.
async fn compare(
    addr: SocketAddr,
    kind: Kind,
    args: &TimingArgs,
    accounts: u64,
    server_pid: u32,
) -> anyhow::Result<Pair> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let deadline = Instant::now() + Duration::from_secs(args.max_seconds);
    preflight(addr, kind, accounts).await?;
    let mut scratch = Side::default();
    for pair in 1..args.warm_up {
        if Instant::now() >= deadline {
            break;
        }
        for b in [false, true] {
            measure(addr, kind, (pair, b, !b), accounts, &mut scratch).await;
        }
    }
    let mut order = SplitMix64::new(ORDER_SEED ^ kind.code());
    let (mut a, mut b) = (Side::default(), Side::default());
    let before = CpuSample::now(server_pid)?;
    let started = Instant::now();
    let mut pairs = 0;
    for pair in args.warm_up..args.warm_up + args.samples {
        if Instant::now() >= deadline {
            break;
        }
        let b_first = order.next() & 1 == 1;
        for in_b in [b_first, !b_first] {
            let side = if in_b { &mut b } else { &mut a };
            measure(addr, kind, (pair, in_b, in_b == b_first), accounts, side).await;
        }
        pairs += 1;
    }
    let after = CpuSample::now(server_pid)?;
    Ok(Pair {
        kind,
        pairs,
        cut_short: pairs < args.samples,
        elapsed: started.elapsed(),
        warm_up_unexpected: scratch.unexpected.values().sum::<u64>() + scratch.transport_errors,
        others: after.others_since(&before, cores),
        server: after.server_since(&before, cores),
        a,
        b,
    })
}

pub async fn run(args: TimingArgs) -> anyhow::Result<()> {
    let binary = spawn::ghiseu_binary(&args.ghiseu)?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let load_average = cpu::load_average();
    let accounts = Kind::accounts_needed(args.warm_up + args.samples);

    let dir = tempfile::tempdir()?;
    let url = logins::database_url(dir.path());
    eprintln!("seeding {accounts} accounts with `ghiseu person add` (not measured)");
    logins::seed_on(&binary, dir.path(), &url, accounts, cores * 2).await?;

    let mut serve = logins::ghiseu_on(&binary, dir.path(), &url);
    serve
        .env_remove("GHISEU_SMTP_HOST")
        .env_remove("GHISEU_SMS_URL")
        .env_remove("GHISEU_CLOCK_START")
        .args(["serve", "--listen", "127.0.0.1:0", "--behind-proxy"]);
    let server = spawn::start(serve, "ghiseu serve", dir.path().join("stderr.log")).await?;

    let mut pairs = Vec::new();
    for kind in [Kind::SignIn, Kind::Register] {
        eprintln!(
            "{}: {} pairs, in random order within each pair, after {} unmeasured",
            kind.path(),
            args.samples,
            args.warm_up
        );
        let pair = compare(server.addr, kind, &args, accounts, server.pid).await;
        pairs.push(pair.with_context(|| format!("measuring POST {}", kind.path()))?);
    }
    server.stop().await;

    let report = TimingReport {
        ghiseu: binary.display().to_string(),
        cores,
        load_average,
        accounts,
        warm_up: args.warm_up,
        samples: args.samples,
        max_seconds: args.max_seconds,
        pairs: &pairs,
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn both_sides_send_requests_of_the_same_length() {
        for kind in [Kind::SignIn, Kind::Register] {
            for pair in [0, 7, 399] {
                let a = kind.fields(pair, false, 100);
                let b = kind.fields(pair, true, 100);
                assert_eq!(a.len(), b.len(), "{a} / {b}");
                assert_ne!(a, b);
            }
        }
        assert_eq!(WRONG_PASSWORD.len(), PASSWORD.len());
    }

    #[test]
    fn no_account_or_client_address_reaches_a_limit() {
        let pairs = 2210;
        let accounts = Kind::accounts_needed(pairs);
        let mut per_email = std::collections::HashMap::<String, u32>::new();
        let mut per_client = std::collections::HashMap::<String, u32>::new();
        for pair in 0..pairs {
            for b in [false, true] {
                *per_email
                    .entry(Kind::SignIn.fields(pair, b, accounts))
                    .or_default() += 1;
                *per_client.entry(Kind::SignIn.client(pair)).or_default() += 1;
                *per_client.entry(Kind::Register.client(pair)).or_default() += 1;
            }
        }
        assert!(per_email.values().all(|&n| n < 5));
        assert!(
            per_client
                .iter()
                .all(|(client, &n)| if client.starts_with("10.1.") {
                    n < 100
                } else {
                    n <= 30
                })
        );
        assert_ne!(Kind::SignIn.client(0), Kind::Register.client(0));
    }
}
