//! Starting a server process, learning its port from its "listening on" line and waiting until
//! `/healthz` answers 200.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::HOST;
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::process::{Child, Command};
use tokio::sync::oneshot;

pub const HEALTHY_TIMEOUT: Duration = Duration::from_secs(20);

/// A running server; it is killed when this is dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    pub pid: u32,
    pub startup: Duration,
}

impl Server {
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

/// The address from a line like `Ghiseu is listening on http://127.0.0.1:PORT`.
pub fn listening_addr(line: &str) -> Option<SocketAddr> {
    let (_, rest) = line.split_once("listening on http://")?;
    let authority = rest.split(['/', ' ']).next()?;
    authority.trim().parse().ok()
}

pub fn tail(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    let start = all.len().saturating_sub(lines);
    if start == all.len() {
        return "  (nothing on stderr)".to_owned();
    }
    all[start..]
        .iter()
        .map(|line| format!("  | {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Spawns `command` (stdout is read here, stderr goes to `stderr_log`) and waits, at most
/// [`HEALTHY_TIMEOUT`], for its listening line and a 200 from `/healthz`. `startup` is measured
/// from just before the spawn to that first 200.
pub async fn start(
    mut command: Command,
    name: &str,
    stderr_log: PathBuf,
) -> anyhow::Result<Server> {
    let log = File::create(&stderr_log)
        .with_context(|| format!("cannot create {}", stderr_log.display()))?;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log)
        .kill_on_drop(true);
    let started = Instant::now();
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot start {name}"))?;
    let pid = child.id().ok_or_else(|| anyhow!("{name} exited at once"))?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow!("no stdout pipe from {name}"))?;

    let stdout = File::from(stdout.into_owned_fd()?);
    let (tx, rx) = oneshot::channel();
    std::thread::spawn(move || {
        // Keeps reading after the address is known so that the server never blocks on a full pipe.
        let mut tx = Some(tx);
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(addr) = listening_addr(&line)
                && let Some(tx) = tx.take()
            {
                let _ = tx.send(addr);
            }
        }
    });

    let waited = tokio::time::timeout(HEALTHY_TIMEOUT, wait_healthy(&mut child, rx)).await;
    let failure = match waited {
        Ok(Ok(addr)) => {
            return Ok(Server {
                child,
                addr,
                pid,
                startup: started.elapsed(),
            });
        }
        Ok(Err(err)) => err,
        Err(_) => anyhow!(
            "did not become healthy within {} s (no 'listening on http://…' line on stdout, \
             or /healthz never answered 200)",
            HEALTHY_TIMEOUT.as_secs()
        ),
    };
    let _ = child.kill().await;
    Err(failure.context(format!(
        "{name} failed to start; its stderr ends with:\n{}",
        tail(&stderr_log, 15)
    )))
}

async fn wait_healthy(
    child: &mut Child,
    addr: oneshot::Receiver<SocketAddr>,
) -> anyhow::Result<SocketAddr> {
    let Ok(addr) = addr.await else {
        let status = child.wait().await?;
        bail!("exited ({status}) without printing a 'listening on http://…' line");
    };
    if !addr.ip().is_loopback() {
        bail!("listens on {addr}, which is not a loopback address; refusing to load it");
    }
    loop {
        if let Some(status) = child.try_wait()? {
            bail!("exited ({status}) before /healthz answered 200");
        }
        if let Ok(StatusCode::OK) = get_status(addr, "/healthz").await {
            return Ok(addr);
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// One GET on a fresh connection.
pub async fn get_status(addr: SocketAddr, path: &str) -> anyhow::Result<StatusCode> {
    let exchange = async {
        let stream = TcpStream::connect(addr).await?;
        let (mut sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        let driver = tokio::spawn(connection);
        let request = Request::get(path)
            .header(HOST, addr.to_string())
            .body(Full::new(Bytes::new()))?;
        let response = sender.send_request(request).await?;
        let status = response.status();
        response.into_body().collect().await?;
        driver.abort();
        anyhow::Ok(status)
    };
    tokio::time::timeout(Duration::from_secs(2), exchange)
        .await
        .map_err(|_| anyhow!("GET {path} timed out"))?
}

/// Resident memory of a process, in KiB, from /proc.
pub fn rss_kib(pid: u32) -> anyhow::Result<u64> {
    status_kib(pid, "VmRSS:")
}

/// The largest resident memory the process has had, in KiB, from /proc.
pub fn peak_rss_kib(pid: u32) -> anyhow::Result<u64> {
    status_kib(pid, "VmHWM:")
}

fn status_kib(pid: u32, field: &str) -> anyhow::Result<u64> {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    let line = status
        .lines()
        .find(|line| line.starts_with(field))
        .ok_or_else(|| anyhow!("no {field} in {path}"))?;
    line.split_whitespace()
        .nth(1)
        .ok_or_else(|| anyhow!("malformed line in {path}: {line}"))?
        .parse()
        .with_context(|| format!("malformed line in {path}: {line}"))
}

/// The `ghiseu` binary to measure, as an absolute path, or a hint to build it.
pub fn ghiseu_binary(path: &Path) -> anyhow::Result<PathBuf> {
    let binary = std::path::absolute(path)?;
    if !binary.is_file() {
        bail!(
            "no ghiseu binary at {}: build it with `cargo build --release -p ghiseu` \
             or pass --ghiseu PATH",
            binary.display()
        );
    }
    Ok(binary)
}
