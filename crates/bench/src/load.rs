//! Closed-loop load: each of C keep-alive HTTP/1.1 connections sends its next request as soon as
//! the previous answer has been read, until the time or the request budget runs out.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::header::{CONTENT_TYPE, HOST};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// Latencies are recorded in microseconds, up to a minute.
const HIGHEST_MICROS: u64 = 60_000_000;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
const RECONNECT_PAUSE: Duration = Duration::from_millis(20);

#[derive(Clone)]
pub struct Target {
    pub name: &'static str,
    pub addr: SocketAddr,
    pub path: &'static str,
    pub bodies: Arc<Vec<Bytes>>,
}

#[derive(Clone, Copy)]
pub struct Load {
    pub connections: usize,
    pub duration: Duration,
    pub max_requests: u64,
}

pub struct Outcome {
    pub latency_micros: Histogram<u64>,
    pub ok: u64,
    /// 2xx answers that arrived before the run's time was up; throughput counts only these.
    pub ok_in_time: u64,
    pub non_2xx: u64,
    pub transport_errors: u64,
    pub elapsed: Duration,
    pub budget_exhausted: bool,
}

impl Outcome {
    pub fn empty() -> anyhow::Result<Outcome> {
        Ok(Outcome {
            latency_micros: Histogram::new_with_bounds(1, HIGHEST_MICROS, 3)?,
            ok: 0,
            ok_in_time: 0,
            non_2xx: 0,
            transport_errors: 0,
            elapsed: Duration::ZERO,
            budget_exhausted: false,
        })
    }

    pub fn merge(&mut self, other: &Outcome) -> anyhow::Result<()> {
        self.latency_micros.add(&other.latency_micros)?;
        self.ok += other.ok;
        self.ok_in_time += other.ok_in_time;
        self.non_2xx += other.non_2xx;
        self.transport_errors += other.transport_errors;
        self.elapsed += other.elapsed;
        self.budget_exhausted |= other.budget_exhausted;
        Ok(())
    }

    /// Successful (2xx) answers per second of the measured window.
    pub fn throughput(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.ok_in_time as f64 / seconds
        } else {
            0.0
        }
    }

    pub fn errors(&self) -> u64 {
        self.non_2xx + self.transport_errors
    }

    pub fn quantile_ms(&self, quantile: f64) -> f64 {
        self.latency_micros.value_at_quantile(quantile) as f64 / 1000.0
    }

    pub fn max_ms(&self) -> f64 {
        self.latency_micros.max() as f64 / 1000.0
    }
}

pub fn request(target: &Target, body: Bytes) -> anyhow::Result<Request<Full<Bytes>>> {
    Ok(Request::builder()
        .method(Method::POST)
        .uri(target.path)
        .header(HOST, target.addr.to_string())
        .header(CONTENT_TYPE, "application/json")
        .body(Full::new(body))?)
}

pub async fn connect(addr: SocketAddr) -> anyhow::Result<SendRequest<Full<Bytes>>> {
    let stream = TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    // Ends by itself once the sender is dropped.
    tokio::spawn(connection);
    Ok(sender)
}

/// Sends every body once and fails on anything but 2xx, so that a load run never measures
/// a stream of refusals.
pub async fn preflight(target: &Target) -> anyhow::Result<()> {
    let mut sender = connect(target.addr)
        .await
        .with_context(|| format!("cannot connect to {} at {}", target.name, target.addr))?;
    for body in target.bodies.iter() {
        sender.ready().await?;
        let response = sender.send_request(request(target, body.clone())?).await?;
        let status = response.status();
        let answer = response.into_body().collect().await?.to_bytes();
        if !status.is_success() {
            bail!(
                "{} answered {status} to POST {} {}:\n{}",
                target.name,
                target.path,
                String::from_utf8_lossy(body),
                String::from_utf8_lossy(&answer)
            );
        }
    }
    Ok(())
}

struct Shared {
    target: Target,
    deadline: Instant,
    issued: AtomicU64,
    max_requests: u64,
}

pub async fn exchange(
    sender: &mut SendRequest<Full<Bytes>>,
    request: Request<Full<Bytes>>,
) -> anyhow::Result<(StatusCode, Duration)> {
    sender.ready().await?;
    let sent = Instant::now();
    let response = sender.send_request(request).await?;
    let status = response.status();
    response.into_body().collect().await?;
    Ok((status, sent.elapsed()))
}

async fn connection(shared: Arc<Shared>, first_body: usize) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::empty()?;
    let bodies = shared.target.bodies.clone();
    let mut next = first_body;
    let mut sender = None;
    while Instant::now() < shared.deadline {
        let Some(live) = sender.as_mut() else {
            match connect(shared.target.addr).await {
                Ok(fresh) => sender = Some(fresh),
                Err(_) => {
                    outcome.transport_errors += 1;
                    tokio::time::sleep(RECONNECT_PAUSE).await;
                }
            }
            continue;
        };
        if shared.issued.fetch_add(1, Ordering::Relaxed) >= shared.max_requests {
            outcome.budget_exhausted = true;
            break;
        }
        let body = bodies[next % bodies.len()].clone();
        next += 1;
        let request = request(&shared.target, body)?;
        match tokio::time::timeout(REQUEST_TIMEOUT, exchange(live, request)).await {
            Ok(Ok((status, latency))) => {
                let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
                outcome.latency_micros.saturating_record(micros.max(1));
                if status.is_success() {
                    outcome.ok += 1;
                    if Instant::now() <= shared.deadline {
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
    Ok(outcome)
}

/// Runs `load` against `target` and returns the merged outcome of all connections.
pub async fn run(target: &Target, load: Load) -> anyhow::Result<Outcome> {
    if target.bodies.is_empty() {
        bail!("no request bodies for {}", target.name);
    }
    let started = Instant::now();
    let shared = Arc::new(Shared {
        target: target.clone(),
        deadline: started + load.duration,
        issued: AtomicU64::new(0),
        max_requests: load.max_requests,
    });
    let workers: Vec<_> = (0..load.connections)
        .map(|index| tokio::spawn(connection(shared.clone(), index)))
        .collect();
    let mut total = Outcome::empty()?;
    for worker in workers {
        total.merge(&worker.await.context("a load connection panicked")??)?;
    }
    // Answers to requests still in flight at the deadline are awaited and their latency kept,
    // but the throughput window ends at the deadline.
    total.elapsed = started.elapsed().min(load.duration);
    Ok(total)
}

/// Warms every target up for a second, then runs `rounds` rounds, each running every target in
/// turn for `load`: per round, the outcomes in the order of `targets`. The baseline and the
/// endpoints measured against it thus share the machine's state of the moment.
pub async fn interleaved(
    targets: &[&Target],
    load: Load,
    rounds: u32,
) -> anyhow::Result<Vec<Vec<Outcome>>> {
    let warm_up = Load {
        duration: Duration::from_secs(1),
        ..load
    };
    for target in targets {
        run(target, warm_up).await?;
    }
    let mut all = Vec::new();
    for round in 1..=rounds {
        let mut outcomes = Vec::with_capacity(targets.len());
        for target in targets {
            eprintln!(
                "round {round}/{rounds}: {} with {} connections for {} s",
                target.name,
                load.connections,
                load.duration.as_secs()
            );
            outcomes.push(run(target, load).await?);
        }
        all.push(outcomes);
    }
    Ok(all)
}
