//! The installation `scripts/cluster up` starts: three `ghiseu serve` on one
//! PostgreSQL database and one S3 bucket (moto), behind HAProxy. Through the
//! balancer only, a citizen registers, confirms their address from the
//! e-mail, signs in, fills in their profile, starts an application, uploads a
//! scan and books an appointment. The servers take turns answering, and each
//! accepts what another made: the session, the anti-forgery tokens, the
//! idempotency key (a retry on another server returns the same booking and
//! books nothing more), the scan (stored in the bucket, read back through
//! another server).
//!
//! Needs PostgreSQL on 127.0.0.1:5432 and whatever `scripts/cluster install`
//! installs (HAProxy, moto, aiosmtpd), so it is ignored by default: run it
//! with `cargo test -p ghiseu --test cluster -- --ignored` (scripts/test does).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SERVICE: &str = "ro.passport.electronic";
const OFFICE: &str = "ab-alba-iulia";
const NODES: usize = 3;
const PASSWORD: &str = "juniper harbour tallow meadow";

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/cluster")
}

/// A cluster started by the script, stopped by it when dropped.
struct Cluster {
    env: HashMap<String, String>,
    state: PathBuf,
}

impl Cluster {
    fn command(state: &Path, args: &[&str]) -> Command {
        let mut command = Command::new(script());
        command
            .args(args)
            .env("GHISEU_CLUSTER_DIR", state)
            .env("GHISEU_CLUSTER_DATABASE", "ghiseu_cluster_test")
            .env("GHISEU_CLUSTER_PORT", "18480")
            .env("GHISEU_BIN", env!("CARGO_BIN_EXE_ghiseu"))
            .stdin(Stdio::null());
        command
    }

    fn up() -> Cluster {
        // Next to the binary, so that runs from different target directories do not meet.
        let state = Path::new(env!("CARGO_BIN_EXE_ghiseu"))
            .parent()
            .unwrap()
            .join("cluster-test");
        // What a run killed before it could stop its cluster left behind.
        let _ = Cluster::command(&state, &["down"]).output();
        let nodes = NODES.to_string();
        let up = Cluster::command(&state, &["up", "--nodes", &nodes])
            .output()
            .unwrap();
        assert!(
            up.status.success(),
            "scripts/cluster up failed:\n{}\n{}",
            String::from_utf8_lossy(&up.stdout),
            String::from_utf8_lossy(&up.stderr)
        );
        let env = std::fs::read_to_string(state.join("env"))
            .unwrap()
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| {
                assert!(!v.contains(['\\', '\'', '"']), "a plain value: {k}={v}");
                (k.to_string(), v.to_string())
            })
            .collect();
        Cluster { env, state }
    }

    fn get(&self, name: &str) -> &str {
        self.env
            .get(name)
            .unwrap_or_else(|| panic!("{name} in the env file"))
    }

    fn down(&self) -> std::process::Output {
        Cluster::command(&self.state, &["down"]).output().unwrap()
    }

    /// The files of the messages the SMTP sink received for `to`, once there
    /// are `count`.
    fn mail_to(&self, to: &str, count: usize) -> Vec<PathBuf> {
        let dir = PathBuf::from(self.get("SMTP_SINK_DIR"));
        let deadline = Instant::now() + Duration::from_secs(30);
        let addressed = |path: &Path| {
            let raw = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
            let head = raw.split("\r\n\r\n").next().unwrap_or_default().to_string();
            let head = head.split("\n\n").next().unwrap_or_default().to_string();
            head.lines()
                .any(|l| l.to_ascii_lowercase().starts_with("to:") && l.contains(to))
        };
        loop {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map(|entries| {
                    entries
                        .map(|e| e.unwrap().path())
                        .filter(|path| addressed(path))
                        .collect()
                })
                .unwrap_or_default();
            found.sort_by_key(|path| std::fs::metadata(path).unwrap().modified().unwrap());
            if found.len() >= count {
                assert_eq!(found.len(), count, "no message twice: {found:?}");
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "{count} message(s) to {to} within 30 s; found {found:?}"
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.down();
    }
}

/// One answer, and the server that gave it.
#[derive(Debug)]
struct Answer {
    status: u16,
    node: String,
    location: Option<String>,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("JSON: {}", self.text()))
    }

    /// The names of the checkboxes a page has ticked (and lets one change).
    fn checked_boxes(&self) -> Vec<String> {
        self.text()
            .split("<input type=\"checkbox\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('>').unwrap()])
            .filter(|input| input.contains(" checked") && !input.contains(" disabled"))
            .map(|input| {
                let at = input.find("name=\"").unwrap() + 6;
                input[at..at + input[at..].find('"').unwrap()].to_string()
            })
            .collect()
    }

    /// The value of the hidden field `name` in a page.
    fn hidden(&self, name: &str) -> String {
        let page = self.text();
        let marker = format!("name=\"{name}\" value=\"");
        let at = page
            .find(&marker)
            .unwrap_or_else(|| panic!("no hidden {name} in {page}"));
        let rest = &page[at + marker.len()..];
        rest[..rest.find('"').unwrap()].to_string()
    }
}

/// A person's browser that only ever talks to the balancer: keeps cookies,
/// follows no redirect, opens a new connection for each request, and notes
/// which server answered each.
struct Browser {
    client: reqwest::Client,
    base: String,
    cookies: BTreeMap<String, String>,
    served_by: Vec<String>,
}

impl Browser {
    fn new(base: &str) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_max_idle_per_host(0)
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
            base: base.to_string(),
            cookies: BTreeMap::new(),
            served_by: Vec::new(),
        }
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Answer {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let request = if cookie.is_empty() {
            request
        } else {
            request.header("cookie", cookie)
        };
        let response = request.send().await.unwrap();
        for set in response.headers().get_all("set-cookie") {
            let set = set.to_str().unwrap();
            let pair = set.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || set.to_ascii_lowercase().contains("max-age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        let node = response
            .headers()
            .get("ghiseu-node")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("every answer names its server: {response:?}"));
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_string());
        let status = response.status().as_u16();
        let body = response.bytes().await.unwrap().to_vec();
        self.served_by.push(node.clone());
        Answer {
            status,
            node,
            location,
            body,
        }
    }

    async fn get(&mut self, path: &str) -> Answer {
        let request = self.client.get(format!("{}{path}", self.base));
        self.send(request).await
    }

    /// GETs `path` until a server other than `not` answers (the balancer
    /// takes the servers in turn, so at once).
    async fn get_elsewhere(&mut self, path: &str, not: &str) -> Answer {
        for _ in 0..2 * NODES {
            let answer = self.get(path).await;
            if answer.node != not {
                return answer;
            }
        }
        panic!("{path}: only {not} answered");
    }

    async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let request = self
            .client
            .post(format!("{}{path}", self.base))
            .form(fields);
        self.send(request).await
    }

    async fn post_json(&mut self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.client.post(format!("{}{path}", self.base)).json(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    async fn post_file(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &[u8]),
    ) -> Answer {
        let boundary = "ghiseu-cluster-boundary-41f3";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n",
                file.0
            )
            .as_bytes(),
        );
        body.extend_from_slice(file.1);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = self
            .client
            .post(format!("{}{path}", self.base))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body);
        self.send(request).await
    }
}

/// What the bucket holds: each object's key and size, as moto lists them.
async fn bucket(cluster: &Cluster) -> Vec<(String, u64)> {
    let listing = reqwest::get(format!(
        "{}/{}?list-type=2",
        cluster.get("S3_ENDPOINT"),
        cluster.get("S3_BUCKET")
    ))
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    let between = |text: &str, tag: &str| -> Vec<String> {
        text.split(&format!("<{tag}>"))
            .skip(1)
            .map(|part| part[..part.find(&format!("</{tag}>")).unwrap()].to_string())
            .collect()
    };
    let keys = between(&listing, "Key");
    let sizes = between(&listing, "Size");
    assert_eq!(keys.len(), sizes.len(), "{listing}");
    keys.into_iter()
        .zip(sizes.iter().map(|s| s.parse().unwrap()))
        .collect()
}

#[tokio::test]
#[ignore = "starts a cluster: PostgreSQL, HAProxy, moto and aiosmtpd; run with --ignored"]
async fn a_citizen_applies_and_books_through_the_balancer_whichever_server_answers() {
    let started = Instant::now();
    let cluster = Cluster::up();
    let up_took = started.elapsed();
    let names: Vec<String> = cluster
        .get("NODE_NAMES")
        .split(',')
        .map(str::to_string)
        .collect();
    assert_eq!(names.len(), NODES);
    let balancer = cluster.get("BALANCER_URL").to_string();
    let mut ana = Browser::new(&balancer);

    // Registration: the form's token, from one server, is taken by another.
    let email = format!("cluster.{}@example.ro", uuid_like());
    let form = ana.get("/en/account/register").await;
    assert_eq!(form.status, 200);
    let registered = ana
        .post_form(
            "/en/account/register",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
                ("form_token", &form.hidden("form_token")),
            ],
        )
        .await;
    assert_ne!(registered.node, form.node, "the balancer takes turns");
    assert!(
        registered.status < 400,
        "{}: {}",
        registered.status,
        registered.text()
    );

    // The confirmation link, sent by whichever server's worker took the
    // message, leads to the balancer.
    let confirmation = ghiseu_notify::testing::parse_message(&cluster.mail_to(&email, 1)[0]);
    let body = confirmation["body"].as_str().unwrap();
    let link_at = body
        .find(&format!("{balancer}/en/account/verify?token="))
        .unwrap_or_else(|| panic!("a link to the balancer in {body}"));
    let link: String = body[link_at + balancer.len()..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let verify_form = ana.get(&link).await;
    let verified = ana
        .post_form(
            "/en/account/verify",
            &[
                ("form_token", &verify_form.hidden("form_token")),
                ("token", &verify_form.hidden("token")),
            ],
        )
        .await;
    assert_eq!(verified.status, 200, "{}", verified.text());

    // Signing in on one server; the session works on the others.
    let login = ana.get("/en/account/login").await;
    let signed_in = ana
        .post_form(
            "/en/account/login",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("form_token", &login.hidden("form_token")),
            ],
        )
        .await;
    assert_eq!(signed_in.status, 303, "{}", signed_in.text());
    assert!(ana.cookies.contains_key("ghiseu_session"));
    let mine = ana
        .get_elsewhere("/api/v1/appointments", &signed_in.node)
        .await;
    assert_eq!(mine.status, 200, "{}", mine.text());
    assert_eq!(mine.json(), json!([]));

    // The profile: a page's anti-forgery token from one server, posted to another.
    let profile = ana.get("/en/account/profile").await;
    // The notices as they are chosen by default (a booking's confirmation among them).
    let chosen = profile.checked_boxes();
    assert!(!chosen.is_empty(), "{}", profile.text());
    let mut fields: Vec<(&str, &str)> = chosen.iter().map(|name| (name.as_str(), "on")).collect();
    let saved = ana
        .post_form(
            "/en/account/profile",
            &[
                ("csrf", profile.hidden("csrf").as_str()),
                ("version", profile.hidden("version").as_str()),
                ("given_name", "Elena"),
                ("family_name", "Pop"),
                ("birth_date", "1985-04-27"),
                ("citizenship", "ro"),
                ("domicile_country", "RO"),
                ("domicile_region", "RO-AB"),
                ("domicile_locality", "Alba Iulia"),
                ("preferred_lang", "en"),
            ]
            .into_iter()
            .chain(fields.drain(..))
            .collect::<Vec<_>>(),
        )
        .await;
    assert_ne!(saved.node, profile.node);
    assert_eq!(saved.status, 303, "{}", saved.text());

    // An application, and a scan uploaded to another server than the one
    // whose page gave the token: it lands in the bucket.
    let new = ana
        .get(&format!("/en/applications/new?service={SERVICE}"))
        .await;
    assert_eq!(new.status, 200, "{}", new.text());
    let started_case = ana
        .post_form(
            "/en/applications",
            &[
                ("csrf", &new.hidden("csrf")),
                ("service", SERVICE),
                ("holder", "self"),
            ],
        )
        .await;
    assert_ne!(started_case.node, new.node);
    assert_eq!(started_case.status, 303, "{}", started_case.text());
    // The new case's page, which confirms that it was started.
    let started_at = started_case.location.clone().unwrap();
    let (case, done) = started_at.split_once('?').unwrap();
    assert_eq!(done, "done=case-started");
    let case = case.to_string();
    let page = ana.get(&case).await;
    let requirement = page.hidden("requirement");
    assert!(
        bucket(&cluster).await.is_empty(),
        "an empty bucket at first"
    );
    let scan = ghiseu_files::fixtures::png(640, 480);
    let uploaded = ana
        .post_file(
            &format!("{case}/documents"),
            &[
                ("csrf", &page.hidden("csrf")),
                ("requirement", &requirement),
            ],
            ("scan.png", &scan),
        )
        .await;
    assert_ne!(uploaded.node, page.node);
    assert_eq!(uploaded.status, 303, "{}", uploaded.text());
    let stored = bucket(&cluster).await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0].1, scan.len() as u64, "{stored:?}");
    assert!(stored[0].0.starts_with("documents/"), "{stored:?}");
    // Read back through another server.
    let page = ana.get_elsewhere(&case, &uploaded.node).await;
    let href_at = page
        .text()
        .find(&format!("{case}/documents/"))
        .expect("a link to the scan");
    let href: String = page.text()[href_at..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let download = ana.get_elsewhere(&href, &uploaded.node).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.body, scan, "the same bytes, from the bucket");

    // A booking, and its retry with the same idempotency key on another
    // server: the same booking, and no second one.
    let first = ana
        .get(&format!(
            "/api/v1/appointments/first?service={SERVICE}&office={OFFICE}&people=1"
        ))
        .await;
    assert_eq!(first.status, 200, "{}", first.text());
    let start = first.json()[0]["start"]
        .as_str()
        .expect("a free slot")
        .to_string();
    let hold = json!({ "service": SERVICE, "office": OFFICE, "start": start, "holders": ["self"] });
    let key = [("idempotency-key", "cluster-booking-1")];
    let held = ana.post_json("/api/v1/appointments", &hold, &key).await;
    assert_eq!(held.status, 201, "{}", held.text());
    let id = held.json()["id"].as_str().unwrap().to_string();
    let mut retried = ana.post_json("/api/v1/appointments", &hold, &key).await;
    while retried.node == held.node {
        retried = ana.post_json("/api/v1/appointments", &hold, &key).await;
    }
    assert_eq!(retried.status, 201, "{}", retried.text());
    assert_eq!(retried.json()["id"], id.as_str(), "the same booking");
    let other =
        json!({ "service": SERVICE, "office": OFFICE, "start": start, "holders": ["self", "x"] });
    let reused = ana.post_json("/api/v1/appointments", &other, &key).await;
    assert_eq!(reused.status, 422, "{}", reused.text());
    assert!(
        reused.json()["type"]
            .as_str()
            .unwrap()
            .ends_with("/idempotency-key-reused"),
        "{}",
        reused.text()
    );
    let confirmed = ana
        .post_json(
            &format!("/api/v1/appointments/{id}/confirm"),
            &json!({}),
            &[],
        )
        .await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.text());
    assert_eq!(confirmed.json()["state"], "confirmed");
    let mine = ana
        .get_elsewhere("/api/v1/appointments", &confirmed.node)
        .await;
    assert_eq!(mine.json().as_array().unwrap().len(), 1, "{}", mine.text());
    let bookings = bookings_of(cluster.get("DATABASE_URL"), &email).await;
    assert_eq!(bookings, 1, "one booking in the database");
    // The confirmation goes out once, whichever server's worker sends it.
    let mail: Vec<Value> = cluster
        .mail_to(&email, 2)
        .iter()
        .map(|path| ghiseu_notify::testing::parse_parts(path))
        .collect();
    let calendars = mail
        .iter()
        .filter(|m| {
            m["parts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["filename"] == "appointment.ics")
        })
        .count();
    assert_eq!(calendars, 1, "{mail:?}");

    // Every server answered, and never the same one twice in a row.
    for name in &names {
        assert!(ana.served_by.contains(name), "{name}: {:?}", ana.served_by);
    }
    assert!(
        ana.served_by.windows(2).all(|w| w[0] != w[1]),
        "round robin: {:?}",
        ana.served_by
    );

    let test_took = started.elapsed() - up_took;
    let down_started = Instant::now();
    let down = cluster.down();
    assert!(down.status.success(), "{down:?}");
    let stdout = String::from_utf8_lossy(&down.stdout);
    for name in &names {
        assert!(stdout.contains(&format!("stopped {name}")), "{stdout}");
    }
    eprintln!(
        "cluster up {:.1} s, requests {:.1} s ({} through the balancer), down {:.1} s",
        up_took.as_secs_f64(),
        test_took.as_secs_f64(),
        ana.served_by.len(),
        down_started.elapsed().as_secs_f64()
    );
}

/// How many bookings the person at `email` has, read from the database.
async fn bookings_of(database_url: &str, email: &str) -> i64 {
    use sqlx::Connection;
    let mut db = sqlx::PgConnection::connect(database_url).await.unwrap();
    let count = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings b JOIN persons p ON p.id = b.booked_by WHERE p.email = $1",
    )
    .bind(email)
    .fetch_one(&mut db)
    .await
    .unwrap();
    db.close().await.unwrap();
    count
}

fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{nanos:x}")
}
