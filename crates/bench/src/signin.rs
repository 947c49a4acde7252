//! Signing in as a browser does (GET the form for its cookie and hidden token, POST it), in a
//! closed loop or paced at a fixed rate, and a paced stream of `GET /api/v1/services`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::anyhow;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::{CONTENT_TYPE, COOKIE, HOST, HeaderMap, LOCATION, SET_COOKIE};
use hyper::{Method, Request, StatusCode};
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::load::{self, Outcome};

pub const LOGIN_PATH: &str = "/ro/account/login";
pub const SERVICES_PATH: &str = "/api/v1/services";
const FORM_COOKIE: &str = "ghiseu_form";
const HIGHEST_MICROS: u64 = 60_000_000;
const LOGIN_TIMEOUT: Duration = Duration::from_secs(20);
const SERVICES_TIMEOUT: Duration = Duration::from_secs(5);
const RECONNECT_PAUSE: Duration = Duration::from_millis(20);
/// Attempts per seeded account: the server allows 5 per account in 15 minutes.
pub const ATTEMPTS_PER_ACCOUNT: u64 = 4;

/// The seeded accounts `bench-NNNNN@load.ghiseu.example`, all with one password.
pub fn account_email(index: u64) -> String {
    format!("bench-{index:05}@load.ghiseu.example")
}

/// A distinct client address per account, sent as `X-Forwarded-For`, so that no client
/// reaches the per-address limit (30 attempts in 15 minutes).
pub fn client_address(index: u64) -> String {
    format!(
        "10.{}.{}.{}",
        (index >> 16) & 255,
        (index >> 8) & 255,
        index & 255
    )
}

/// A range of seeded accounts handed out [`ATTEMPTS_PER_ACCOUNT`] attempts each.
pub struct Accounts {
    first: u64,
    end: u64,
    taken: AtomicU64,
    pub password: Arc<str>,
}

impl Accounts {
    pub fn new(first: u64, end: u64, password: Arc<str>) -> Accounts {
        Accounts {
            first,
            end,
            taken: AtomicU64::new(0),
            password,
        }
    }

    /// The next account to sign in with, or `None` when every account has had its attempts.
    pub fn take(&self) -> Option<u64> {
        let n = self.taken.fetch_add(1, Ordering::Relaxed);
        let index = self.first + n / ATTEMPTS_PER_ACCOUNT;
        (index < self.end).then_some(index)
    }
}

pub enum Answer {
    SignedIn,
    Throttled,
    /// Any other answer to the form or to the login, or a form without its token.
    Refused(StatusCode),
}

/// `application/x-www-form-urlencoded` encoding of one value.
pub fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

pub fn form_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.split(';').next())
        .find_map(|pair| pair.strip_prefix(&format!("{FORM_COOKIE}=")))
        .map(str::to_owned)
}

pub fn hidden_token(page: &str) -> Option<&str> {
    let (_, rest) = page.split_once(r#"name="form_token" value=""#)?;
    rest.split('"').next()
}

fn get(addr: SocketAddr, path: &str, client: &str) -> anyhow::Result<Request<Full<Bytes>>> {
    Ok(Request::get(path)
        .header(HOST, addr.to_string())
        .header("x-forwarded-for", client)
        .body(Full::new(Bytes::new()))?)
}

/// One sign-in on a fresh connection; `Err` when the exchange itself failed.
pub async fn sign_in(
    addr: SocketAddr,
    email: &str,
    password: &str,
    client: &str,
) -> anyhow::Result<Answer> {
    let mut sender = load::connect(addr).await?;
    sender.ready().await?;
    let response = sender.send_request(get(addr, LOGIN_PATH, client)?).await?;
    let status = response.status();
    let cookie = form_cookie(response.headers());
    let page = response.into_body().collect().await?.to_bytes();
    let page = String::from_utf8_lossy(&page);
    let (Some(cookie), Some(token), true) = (cookie, hidden_token(&page), status.is_success())
    else {
        return Ok(Answer::Refused(status));
    };
    let body = format!(
        "email={}&password={}&form_token={}",
        form_encode(email),
        form_encode(password),
        form_encode(token)
    );
    let post = Request::builder()
        .method(Method::POST)
        .uri(LOGIN_PATH)
        .header(HOST, addr.to_string())
        .header("x-forwarded-for", client)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(COOKIE, format!("{FORM_COOKIE}={cookie}"))
        .body(Full::new(Bytes::from(body)))?;
    sender.ready().await?;
    let response = sender.send_request(post).await?;
    let status = response.status();
    let signed_in = status.is_redirection()
        && response
            .headers()
            .get(LOCATION)
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.ends_with("/account"));
    response.into_body().collect().await?;
    Ok(if signed_in {
        Answer::SignedIn
    } else if status == StatusCode::TOO_MANY_REQUESTS {
        Answer::Throttled
    } else {
        Answer::Refused(status)
    })
}

/// Sign-ins of one run; latencies of the successful ones only.
pub struct Logins {
    pub latency_micros: Histogram<u64>,
    pub ok: u64,
    /// Successful sign-ins answered before the run's time was up; the rate counts only these.
    pub ok_in_time: u64,
    pub throttled: u64,
    pub refused: u64,
    pub transport_errors: u64,
    /// Paced attempts not sent because too many were already waiting for an answer.
    pub not_sent: u64,
    pub attempted: u64,
    pub elapsed: Duration,
    pub budget_exhausted: bool,
}

impl Logins {
    pub fn empty() -> anyhow::Result<Logins> {
        Ok(Logins {
            latency_micros: Histogram::new_with_bounds(1, HIGHEST_MICROS, 3)?,
            ok: 0,
            ok_in_time: 0,
            throttled: 0,
            refused: 0,
            transport_errors: 0,
            not_sent: 0,
            attempted: 0,
            elapsed: Duration::ZERO,
            budget_exhausted: false,
        })
    }

    pub fn errors(&self) -> u64 {
        self.throttled + self.refused + self.transport_errors + self.not_sent
    }

    pub fn rate(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.ok_in_time as f64 / seconds
        } else {
            0.0
        }
    }

    pub fn quantile_ms(&self, quantile: f64) -> f64 {
        self.latency_micros.value_at_quantile(quantile) as f64 / 1000.0
    }

    pub fn max_ms(&self) -> f64 {
        self.latency_micros.max() as f64 / 1000.0
    }

    fn record(
        &mut self,
        answer: Result<anyhow::Result<Answer>, tokio::time::error::Elapsed>,
        latency: Duration,
        in_time: bool,
    ) {
        self.attempted += 1;
        match answer {
            Ok(Ok(Answer::SignedIn)) => {
                let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
                self.latency_micros.saturating_record(micros.max(1));
                self.ok += 1;
                if in_time {
                    self.ok_in_time += 1;
                }
            }
            Ok(Ok(Answer::Throttled)) => self.throttled += 1,
            Ok(Ok(Answer::Refused(_))) => self.refused += 1,
            Ok(Err(_)) | Err(_) => self.transport_errors += 1,
        }
    }

    pub fn merge(&mut self, other: &Logins) -> anyhow::Result<()> {
        self.latency_micros.add(&other.latency_micros)?;
        self.ok += other.ok;
        self.ok_in_time += other.ok_in_time;
        self.throttled += other.throttled;
        self.refused += other.refused;
        self.transport_errors += other.transport_errors;
        self.not_sent += other.not_sent;
        self.attempted += other.attempted;
        self.elapsed += other.elapsed;
        self.budget_exhausted |= other.budget_exhausted;
        Ok(())
    }
}

async fn timed_sign_in(
    addr: SocketAddr,
    accounts: &Accounts,
    index: u64,
) -> Result<anyhow::Result<Answer>, tokio::time::error::Elapsed> {
    tokio::time::timeout(
        LOGIN_TIMEOUT,
        sign_in(
            addr,
            &account_email(index),
            &accounts.password,
            &client_address(index),
        ),
    )
    .await
}

/// `connections` workers, each signing in again as soon as its previous sign-in is answered,
/// until `duration` is up or the accounts have had all their attempts.
pub async fn closed_loop(
    addr: SocketAddr,
    accounts: Arc<Accounts>,
    connections: usize,
    duration: Duration,
) -> anyhow::Result<Logins> {
    let started = Instant::now();
    let deadline = started + duration;
    let mut workers = JoinSet::new();
    for _ in 0..connections {
        let accounts = accounts.clone();
        workers.spawn(async move {
            let mut logins = Logins::empty()?;
            while Instant::now() < deadline {
                let Some(index) = accounts.take() else {
                    logins.budget_exhausted = true;
                    break;
                };
                let sent = Instant::now();
                let answer = timed_sign_in(addr, &accounts, index).await;
                logins.record(answer, sent.elapsed(), Instant::now() <= deadline);
            }
            anyhow::Ok(logins)
        });
    }
    let mut total = Logins::empty()?;
    while let Some(worker) = workers.join_next().await {
        total.merge(&worker??)?;
    }
    total.elapsed = started.elapsed().min(duration);
    Ok(total)
}

/// Open loop: one sign-in started every `1 / rate` s from `start` until `deadline`, whatever
/// the answers, each on its own connection; latency counts from when it was due. At most
/// `max_in_flight` wait for an answer at once (each costs the server an Argon2 hash of 19 MiB);
/// the ones due beyond that are counted as not sent.
pub async fn paced(
    addr: SocketAddr,
    accounts: Arc<Accounts>,
    rate: f64,
    start: Instant,
    deadline: Instant,
    max_in_flight: usize,
) -> anyhow::Result<Logins> {
    let period = Duration::from_secs_f64(1.0 / rate);
    let mut logins = Logins::empty()?;
    let mut in_flight = JoinSet::new();
    let mut due = start;
    while due < deadline {
        tokio::time::sleep_until(due).await;
        while let Some(done) = in_flight.try_join_next() {
            let (answer, latency, in_time) = done?;
            logins.record(answer, latency, in_time);
        }
        let this = due;
        due += period;
        if in_flight.len() >= max_in_flight {
            logins.not_sent += 1;
            continue;
        }
        let Some(index) = accounts.take() else {
            logins.budget_exhausted = true;
            break;
        };
        let accounts = accounts.clone();
        in_flight.spawn(async move {
            let answer = timed_sign_in(addr, &accounts, index).await;
            (answer, this.elapsed(), Instant::now() <= deadline)
        });
    }
    while let Some(done) = in_flight.join_next().await {
        let (answer, latency, in_time) = done?;
        logins.record(answer, latency, in_time);
    }
    logins.elapsed = deadline.saturating_duration_since(start);
    Ok(logins)
}

/// `GET /api/v1/services` at `rate` per second, spread over `connections` keep-alive
/// connections (connection j sends requests j, j + C, j + 2C, …). Latency counts from when a
/// request was due, so an answer that delays the next request also counts against that one.
pub async fn services_stream(
    addr: SocketAddr,
    rate: f64,
    connections: usize,
    start: Instant,
    deadline: Instant,
) -> anyhow::Result<Outcome> {
    let period = Duration::from_secs_f64(1.0 / rate);
    let mut workers = JoinSet::new();
    for lane in 0..connections {
        workers.spawn(async move {
            let mut outcome = Outcome::empty()?;
            let mut sender = None;
            let mut due = start + period * u32::try_from(lane)?;
            let step = period * u32::try_from(connections)?;
            while due < deadline {
                tokio::time::sleep_until(due).await;
                let this = due;
                due += step;
                let live = match sender.as_mut() {
                    Some(live) => live,
                    None => match load::connect(addr).await {
                        Ok(fresh) => sender.insert(fresh),
                        Err(_) => {
                            outcome.transport_errors += 1;
                            tokio::time::sleep(RECONNECT_PAUSE).await;
                            continue;
                        }
                    },
                };
                let request = get(addr, SERVICES_PATH, "127.0.0.1")?;
                match tokio::time::timeout(SERVICES_TIMEOUT, load::exchange(live, request)).await {
                    Ok(Ok((status, _))) => {
                        let micros = u64::try_from(this.elapsed().as_micros()).unwrap_or(u64::MAX);
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
    total.elapsed = deadline.saturating_duration_since(start);
    Ok(total)
}

/// One sign-in and one services request, failing unless both succeed.
pub async fn preflight(addr: SocketAddr, accounts: &Accounts) -> anyhow::Result<()> {
    let index = accounts
        .take()
        .ok_or_else(|| anyhow!("no account left for the preflight"))?;
    let email = account_email(index);
    match sign_in(addr, &email, &accounts.password, &client_address(index)).await? {
        Answer::SignedIn => {}
        Answer::Throttled => return Err(anyhow!("signing in as {email} was throttled")),
        Answer::Refused(status) => {
            return Err(anyhow!("signing in as {email} was refused: {status}"));
        }
    }
    let status = crate::spawn::get_status(addr, SERVICES_PATH).await?;
    if !status.is_success() {
        return Err(anyhow!("GET {SERVICES_PATH} answered {status}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use hyper::header::HeaderValue;

    #[test]
    fn each_account_is_handed_out_four_times_then_none() {
        let accounts = Accounts::new(10, 12, "p".into());
        let taken: Vec<_> = std::iter::from_fn(|| accounts.take()).collect();
        assert_eq!(taken, [10, 10, 10, 10, 11, 11, 11, 11]);
        assert_eq!(accounts.take(), None);
    }

    #[test]
    fn client_addresses_differ_per_account() {
        assert_eq!(client_address(0), "10.0.0.0");
        assert_eq!(client_address(258), "10.0.1.2");
        assert_ne!(client_address(1), client_address(257));
    }

    #[test]
    fn the_form_is_read_and_filled_as_a_browser_does() {
        let mut headers = HeaderMap::new();
        headers.append(SET_COOKIE, HeaderValue::from_static("other=1; Path=/"));
        headers.append(
            SET_COOKIE,
            HeaderValue::from_static("ghiseu_form=abc123; HttpOnly; SameSite=Strict; Path=/"),
        );
        assert_eq!(form_cookie(&headers).as_deref(), Some("abc123"));
        let page =
            r#"<form><input type="hidden" name="form_token" value="f00d"><input name="email">"#;
        assert_eq!(hidden_token(page), Some("f00d"));
        assert_eq!(hidden_token("<form></form>"), None);
        assert_eq!(
            form_encode("bench-00001@load.example a+b"),
            "bench-00001%40load.example+a%2Bb"
        );
    }
}
