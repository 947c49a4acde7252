//! Drives the real `ghiseu serve` with headless Chromium through chromedriver: navigation and
//! language of the pages, the fee calculator checked against the JSON API, and axe-core
//! accessibility checks (WCAG 2.2 AA tags).
//!
//! Needs `CHROMEDRIVER`, `CHROMIUM` and `AXE_CORE_JS` (path to axe.min.js). `scripts/test` sets
//! them and runs `cargo test -p ghiseu --test browser -- --ignored --test-threads=1`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{OnceLock, mpsc};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tempfile::TempDir;

mod accounts;
mod applications;
mod appointments;
mod certificate;
mod confirmations;
mod crawler;
mod invitation;
mod newcomer;
mod registry;
mod registry_check;

const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);
const WAIT_TIMEOUT: Duration = Duration::from_secs(15);
const SCENARIO_TIMEOUT: Duration = Duration::from_secs(180);
const AXE_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PASSPORT: &str = "ro.passport.electronic";

// ---------------------------------------------------------------------------------------------
// Processes

fn env_path(name: &str) -> PathBuf {
    let value = std::env::var_os(name)
        .unwrap_or_else(|| panic!("{name} is not set; run the browser tests through scripts/test"));
    let path = PathBuf::from(value);
    assert!(path.exists(), "{name}={} does not exist", path.display());
    path
}

fn log_tail(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// The port from a line like `Ghiseu is listening on http://127.0.0.1:PORT`.
fn listening_port(line: &str) -> Option<u16> {
    let (_, rest) = line.split_once("listening on http://")?;
    let authority = rest.split(['/', ' ']).next()?;
    authority
        .trim()
        .parse::<SocketAddr>()
        .ok()
        .map(|addr| addr.port())
}

/// The port from chromedriver's `ChromeDriver was started successfully on port PORT.`
fn driver_port(line: &str) -> Option<u16> {
    let (_, rest) = line.split_once("started successfully on port ")?;
    rest.trim_end_matches(['.', ' ']).parse().ok()
}

/// `ghiseu serve` on a fresh SQLite database, chromedriver (and the Chromium it launches) and
/// their scratch directory. Dropping it stops the processes, so a failed assertion leaves
/// nothing running.
struct Stack {
    dir: TempDir,
    server: Child,
    driver: Child,
    server_log: PathBuf,
    driver_log: PathBuf,
    port: u16,
    driver_port: u16,
    /// Everything `ghiseu serve` printed on standard output.
    output: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    sessions: std::sync::atomic::AtomicUsize,
}

impl Stack {
    fn start() -> Stack {
        Stack::start_with(&[], &[])
    }

    fn start_with(args: &[&str], env: &[(&str, String)]) -> Stack {
        let chromedriver = env_path("CHROMEDRIVER");
        env_path("CHROMIUM");
        env_path("AXE_CORE_JS");
        let dir = tempfile::tempdir().expect("temp dir");
        let server_log = dir.path().join("server.log");
        let driver_log = dir.path().join("chromedriver.log");

        let mut server = Command::new(env!("CARGO_BIN_EXE_ghiseu"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .env(
                "GHISEU_DATABASE_URL",
                format!("sqlite://{}/ghiseu.db?mode=rwc", dir.path().display()),
            )
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(&server_log).expect("server log"))
            .spawn()
            .expect("start ghiseu serve");
        let server_stdout = server.stdout.take().expect("server stdout");

        // Port 0: chromedriver takes a free port itself and names it in its log, so two tests
        // side by side cannot be handed the same one. A process group of its own, so that Drop
        // can stop the Chromium processes as well.
        let driver = match Command::new(&chromedriver)
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(File::create(&driver_log).expect("chromedriver log"))
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
        {
            Ok(driver) => driver,
            Err(err) => {
                let _ = server.kill();
                let _ = server.wait();
                panic!("cannot start {}: {err}", chromedriver.display());
            }
        };

        let mut stack = Stack {
            dir,
            server,
            driver,
            server_log,
            driver_log,
            port: 0,
            driver_port: 0,
            output: std::sync::Arc::default(),
            sessions: std::sync::atomic::AtomicUsize::new(0),
        };
        let output = stack.output.clone();

        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Keeps reading after the port is known so that the server never blocks on a full pipe.
            let mut tx = Some(tx);
            for line in BufReader::new(server_stdout).lines() {
                let Ok(line) = line else { break };
                if let Ok(mut lines) = output.lock() {
                    lines.push(line.clone());
                }
                if let Some(port) = listening_port(&line)
                    && let Some(tx) = tx.take()
                {
                    let _ = tx.send(port);
                }
            }
        });
        stack.port = match rx.recv_timeout(STARTUP_TIMEOUT) {
            Ok(port) => port,
            Err(_) => panic!(
                "ghiseu serve printed no 'listening on http://…' line within {STARTUP_TIMEOUT:?} \
                 (exit status: {:?})",
                stack.server.try_wait().ok().flatten()
            ),
        };
        stack.wait_for_driver();
        stack
    }

    /// Waits for chromedriver to say which port it listens on, and for that port to answer.
    fn wait_for_driver(&mut self) {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if self.driver_port == 0 {
                let log = std::fs::read_to_string(&self.driver_log).unwrap_or_default();
                self.driver_port = log.lines().find_map(driver_port).unwrap_or(0);
            }
            if self.driver_port != 0 && TcpStream::connect(("127.0.0.1", self.driver_port)).is_ok()
            {
                return;
            }
            if let Ok(Some(status)) = self.driver.try_wait() {
                panic!("chromedriver exited early ({status})");
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start listening within {STARTUP_TIMEOUT:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    async fn browser(&self) -> Client {
        let chromium = env_path("CHROMIUM");
        let session = self
            .sessions
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let profile = self.dir.path().join(format!("chromium-profile-{session}"));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    format!("--user-data-dir={}", profile.display()),
                ],
            },
            "timeouts": { "pageLoad": 15_000, "script": 30_000, "implicit": 0 },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        // chromedriver speaks plain HTTP on loopback: no TLS stack needed.
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.driver_port))
            .await
            .expect("open a Chromium session through chromedriver")
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "--- ghiseu serve stderr (tail) ---\n{}\n--- chromedriver log (tail) ---\n{}",
                log_tail(&self.server_log, 40),
                log_tail(&self.driver_log, 20)
            );
        }
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// Starts everything, runs `scenario` with a time limit, then closes the browser cleanly.
async fn with_browser<F>(scenario: F)
where
    F: for<'a> AsyncFnOnce(&'a Stack, &'a Client),
{
    let stack = Stack::start();
    let client = stack.browser().await;
    if tokio::time::timeout(SCENARIO_TIMEOUT, scenario(&stack, &client))
        .await
        .is_err()
    {
        panic!("the scenario did not finish within {SCENARIO_TIMEOUT:?}");
    }
    client.close().await.expect("close the browser session");
}

// ---------------------------------------------------------------------------------------------
// Page helpers

async fn html_lang(client: &Client) -> String {
    client
        .find(Locator::Css("html"))
        .await
        .expect("<html>")
        .attr("lang")
        .await
        .expect("read lang")
        .unwrap_or_default()
}

async fn attr_of(client: &Client, selector: &str, attribute: &str) -> String {
    let element = match client.find(Locator::Css(selector)).await {
        Ok(element) => element,
        Err(err) => panic!("no {selector} on {}: {err}", page_url(client).await),
    };
    element
        .attr(attribute)
        .await
        .expect("read attribute")
        .unwrap_or_else(|| panic!("{selector} has no {attribute} attribute"))
}

async fn page_url(client: &Client) -> String {
    client
        .current_url()
        .await
        .map(|url| url.to_string())
        .unwrap_or_else(|err| format!("<unknown page: {err}>"))
}

async fn wait_for(client: &Client, selector: &str) -> fantoccini::elements::Element {
    match client
        .wait()
        .at_most(WAIT_TIMEOUT)
        .for_element(Locator::Css(selector))
        .await
    {
        Ok(element) => element,
        Err(err) => {
            let source = client.source().await.unwrap_or_default();
            panic!(
                "{selector} did not appear on {} within {WAIT_TIMEOUT:?}: {err}\npage source:\n{source}",
                page_url(client).await
            )
        }
    }
}

async fn wait_for_path(client: &Client, path: &str) {
    let deadline = Instant::now() + WAIT_TIMEOUT;
    loop {
        let url = client.current_url().await.expect("current url");
        if url.path() == path {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "expected to reach {path}, still on {url}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Date inputs take keyboard input in the browser's locale format, so the value is set directly.
async fn set_date(client: &Client, name: &str, value: &str) {
    let set = client
        .execute(
            r#"const [name, value] = arguments;
               const field = document.querySelector('#calculator [name="' + name + '"]');
               if (!field) { return null; }
               field.value = value;
               field.dispatchEvent(new Event('input', { bubbles: true }));
               field.dispatchEvent(new Event('change', { bubbles: true }));
               return field.value;"#,
            vec![json!(name), json!(value)],
        )
        .await
        .expect("set a date field");
    assert_eq!(
        set,
        json!(value),
        "#calculator has no usable field named {name} on {}",
        page_url(client).await
    );
}

async fn submit_calculator(client: &Client) {
    client
        .find(Locator::Css("#calculator #calculate"))
        .await
        .expect("the calculator's #calculate button")
        .click()
        .await
        .expect("click #calculate");
}

struct PageQuote {
    total_minor: String,
    deadline: String,
    valid_until: String,
}

async fn page_quote(client: &Client) -> PageQuote {
    wait_for(client, "#quote-total").await;
    PageQuote {
        total_minor: attr_of(client, "#quote-total", "data-total-minor").await,
        deadline: attr_of(client, "#quote-deadline", "data-date").await,
        valid_until: attr_of(client, "#quote-valid-until", "data-date").await,
    }
}

// ---------------------------------------------------------------------------------------------
// axe-core

/// A Chrome DevTools Protocol command, sent through chromedriver's own endpoint for them.
#[derive(Debug)]
struct DevTools {
    method: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Has Chromium itself evaluate axe-core in every page this browser opens from now on, before
/// the page's own scripts: a check then need not send the half megabyte of it over WebDriver
/// again for each page.
async fn preload_axe(client: &Client, source: &str) {
    client
        .issue_cmd(DevTools {
            method: "Page.addScriptToEvaluateOnNewDocument",
            params: json!({ "source": source }),
        })
        .await
        .expect("have Chromium load axe-core in every new page");
}

/// axe-core's source (`AXE_CORE_JS`), read once for every check of the run.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = env_path("AXE_CORE_JS");
        std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("read {}: {err}", path.display()))
    })
}

async fn assert_accessible(client: &Client) {
    client
        .execute(axe_source(), vec![])
        .await
        .expect("inject axe-core");
    let outcome = client
        .execute_async(
            r#"const [tags, done] = arguments;
               axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
                 .then(results => done({ violations: results.violations.map(v => ({
                     id: v.id,
                     impact: v.impact,
                     help: v.help,
                     nodes: v.nodes.length,
                     target: v.nodes.length ? v.nodes[0].target : null,
                 })) }))
                 .catch(err => done({ error: String(err) }));"#,
            vec![json!(AXE_TAGS)],
        )
        .await
        .expect("run axe-core");
    let url = page_url(client).await;
    if let Some(error) = outcome.get("error") {
        panic!("axe-core failed on {url}: {error}");
    }
    let violations = outcome
        .get("violations")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_else(|| panic!("unexpected axe-core answer on {url}: {outcome}"));
    if !violations.is_empty() {
        let report: Vec<String> = violations
            .iter()
            .map(|v| {
                format!(
                    "  {} [{}] {} ({} node(s); first: {})",
                    v["id"].as_str().unwrap_or("?"),
                    v["impact"].as_str().unwrap_or("?"),
                    v["help"].as_str().unwrap_or("?"),
                    v["nodes"],
                    v["target"]
                )
            })
            .collect();
        panic!(
            "{} accessibility violation(s) on {url}:\n{}",
            violations.len(),
            report.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Plain HTTP for the JSON API

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = body
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size line");
        let size_field = std::str::from_utf8(&body[..line_end]).expect("chunk size");
        let size_hex = size_field.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_hex, 16).expect("hex chunk size");
        body = &body[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size + 2..];
    }
}

fn post_json(port: u16, path: &str, payload: &Value) -> (u16, Value) {
    let payload = payload.to_string();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to ghiseu");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Accept: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    )
    .expect("send the request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of response headers");
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("status code");
    let chunked = head
        .lines()
        .any(|line| line.starts_with("transfer-encoding:") && line.contains("chunked"));
    let body = &raw[split + 4..];
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_vec()
    };
    let json = serde_json::from_slice(&body).unwrap_or_else(|err| {
        panic!(
            "{path} answered {status} with a body that is not JSON ({err}): {}",
            String::from_utf8_lossy(&body)
        )
    });
    (status, json)
}

// ---------------------------------------------------------------------------------------------
// Scenarios

async fn home_then_service_page(stack: &Stack, client: &Client, lang: &str) {
    let other = if lang == "ro" { "en" } else { "ro" };

    client
        .goto(&stack.url(&format!("/{lang}/")))
        .await
        .expect("open the home page");
    assert_eq!(html_lang(client).await, lang, "<html lang> of /{lang}/");
    let home_title = client.title().await.expect("title");
    assert!(
        !home_title.trim().is_empty(),
        "/{lang}/ has an empty <title>"
    );
    attr_of(client, &format!("a[hreflang=\"{other}\"]"), "href").await;
    assert_accessible(client).await;

    let service_path = format!("/{lang}/services/{PASSPORT}");
    client
        .find(Locator::Css(&format!("a[href$=\"/services/{PASSPORT}\"]")))
        .await
        .unwrap_or_else(|err| panic!("/{lang}/ has no link to {PASSPORT}: {err}"))
        .click()
        .await
        .expect("follow the service link");
    wait_for_path(client, &service_path).await;

    assert_eq!(
        html_lang(client).await,
        lang,
        "<html lang> of {service_path}"
    );
    let title = client.title().await.expect("title").to_lowercase();
    let names: &[&str] = if lang == "ro" {
        &["pașaport", "pasaport"]
    } else {
        &["passport"]
    };
    assert!(
        names.iter().any(|name| title.contains(name)),
        "the <title> of {service_path} does not name the service: {title:?}"
    );
    let switch = attr_of(client, &format!("a[hreflang=\"{other}\"]"), "href").await;
    assert!(
        switch.contains(&format!("/{other}/")),
        "the language switch on {service_path} points to {switch}"
    );
    attr_of(
        client,
        &format!("a[href$=\"/services/{PASSPORT}/calculator\"]"),
        "href",
    )
    .await;
    assert_accessible(client).await;

    // The office that serves the application, with its hours.
    client
        .find(Locator::Css("a[href$=\"/offices/ab-alba-iulia\"]"))
        .await
        .unwrap_or_else(|err| panic!("{service_path} has no link to its office: {err}"))
        .click()
        .await
        .expect("follow the office link");
    wait_for_path(client, &format!("/{lang}/offices/ab-alba-iulia")).await;
    let wednesday = wait_for(client, "#hours-intake")
        .await
        .text()
        .await
        .expect("the hours");
    assert!(wednesday.contains("08:30 – 18:30"), "{wednesday}");
    registry::accessible_at_both_widths(client).await;
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn romanian_home_and_service_page() {
    with_browser(async |stack, client| home_then_service_page(stack, client, "ro").await).await;
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn english_home_and_service_page() {
    with_browser(async |stack, client| home_then_service_page(stack, client, "en").await).await;
}

async fn calculator(stack: &Stack, client: &Client) {
    let passport_calculator = stack.url(&format!("/en/services/{PASSPORT}/calculator"));

    client
        .goto(&passport_calculator)
        .await
        .expect("open the calculator");
    assert_eq!(html_lang(client).await, "en");
    assert_accessible(client).await;
    set_date(client, "birth_date", "2016-05-10").await;
    set_date(client, "filed_on", "2026-11-23").await;
    submit_calculator(client).await;
    let quote = page_quote(client).await;
    let url = client.current_url().await.expect("url");
    assert!(
        url.query()
            .unwrap_or_default()
            .contains("birth_date=2016-05-10"),
        "the calculator form should submit by GET; landed on {url}"
    );
    assert_eq!(quote.total_minor, "23400", "passport fee under 12");
    assert_eq!(quote.deadline, "2026-12-07", "14 calendar days");
    assert_eq!(quote.valid_until, "2029-12-07", "3 years under 12");
    assert_accessible(client).await;

    client
        .goto(&passport_calculator)
        .await
        .expect("open the calculator");
    set_date(client, "birth_date", "2030-01-01").await;
    set_date(client, "filed_on", "2026-11-23").await;
    submit_calculator(client).await;
    let summary = wait_for(client, ".error-summary").await;
    assert_eq!(
        summary.attr("role").await.expect("role").as_deref(),
        Some("alert"),
        "the error summary should be announced"
    );
    let links = summary
        .find_all(Locator::Css("a[href^=\"#\"]"))
        .await
        .expect("links in the error summary");
    assert!(
        !links.is_empty(),
        "the error summary should link each error to its field"
    );
    assert!(
        client.find(Locator::Css("#quote-total")).await.is_err(),
        "a refused input must not show a total"
    );
    assert_accessible(client).await;

    client
        .goto(&stack.url("/ro/services/md.igm.pc/calculator"))
        .await
        .expect("open the md.igm.pc calculator");
    assert_eq!(html_lang(client).await, "ro");
    set_date(client, "birth_date", "1980-06-15").await;
    set_date(client, "filed_on", "2026-11-23").await;
    client
        .find(Locator::Css("#calculator select[name=\"urgency\"]"))
        .await
        .expect("the urgency select")
        .select_by_value("same-day")
        .await
        .expect("choose same-day");
    submit_calculator(client).await;
    let quote = page_quote(client).await;
    assert_eq!(quote.total_minor, "223000", "PC same day: 2080 + 150 MDL");

    let (status, api) = post_json(
        stack.port,
        "/api/v1/quotes",
        &json!({
            "service": "md.igm.pc",
            "birth_date": "1980-06-15",
            "filed_on": "2026-11-23",
            "urgency": "same-day",
        }),
    );
    assert_eq!(status, 200, "POST /api/v1/quotes: {api}");
    assert_eq!(api["currency"], "MDL");
    assert_eq!(
        quote.total_minor,
        api["total_minor"].to_string(),
        "page and API disagree on the total"
    );
    assert_eq!(
        quote.deadline,
        api["processing_deadline"].as_str().unwrap_or_default(),
        "page and API disagree on the deadline"
    );
    assert_eq!(
        quote.valid_until,
        api["valid_until"].as_str().unwrap_or_default(),
        "page and API disagree on the validity"
    );
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn calculator_shows_quotes_and_errors() {
    with_browser(calculator).await;
}

#[test]
fn chromedrivers_port_is_read_from_its_log() {
    assert_eq!(
        driver_port("ChromeDriver was started successfully on port 36703."),
        Some(36703)
    );
    assert_eq!(driver_port("Starting ChromeDriver 156.0 on port 0"), None);
    assert_eq!(driver_port("Only local connections are allowed."), None);
}
