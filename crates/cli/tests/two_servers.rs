//! Two `ghiseu serve` processes on one database: citizens racing for one
//! slot through both get exactly its counters, and the database agrees.
//! Runs on SQLite, and on PostgreSQL when GHISEU_TEST_DATABASE_URL names it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use ghiseu_storage::testing::TestDatabase;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Stdio};

const SERVICE: &str = "ro.passport.electronic";
const OFFICE: &str = "ab-alba-iulia";
/// The Alba intake window has three counters.
const COUNTERS: usize = 3;
const RACERS: usize = 12;

struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(database_url: &str, data_dir: &std::path::Path) -> Server {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ghiseu"))
            .env_remove("GHISEU_BEHIND_PROXY")
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--database-url",
                database_url,
            ])
            .arg("--data-dir")
            .arg(data_dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = common::listening_address(&mut child);
        Server { child, addr }
    }

    /// One request on its own connection: the status and the body.
    fn exchange(&self, method: &str, path: &str, token: &str, body: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
             Cookie: ghiseu_session={token}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, body.to_string())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Verified citizens with live sessions, written straight to the database;
/// their session tokens.
async fn citizens(test: &TestDatabase, count: usize) -> Vec<String> {
    let now = jiff::Timestamp::now().as_microsecond();
    let mut tx = test.db.pool().begin().await.unwrap();
    let mut tokens = Vec::new();
    for n in 0..count {
        let id = format!("racer-{n}");
        let token = format!("two-servers-token-{n}-{}", uuid_like(n));
        sqlx::query(
            "INSERT INTO persons (id, email, email_verified_at, password_hash, role, created_at, \
             updated_at) VALUES ($1, $2, $3, 'x', 'citizen', $3, $3)",
        )
        .bind(&id)
        .bind(format!("racer{n}@example.ro"))
        .bind(now)
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, \
             expires_at, second_factor_pending) VALUES ($1, $2, 'csrf', $3, $3, $4, 0)",
        )
        .bind(hex(&Sha256::digest(token.as_bytes())))
        .bind(&id)
        .bind(now)
        .bind(now + 3_600_000_000)
        .execute(&mut *tx)
        .await
        .unwrap();
        tokens.push(token);
    }
    tx.commit().await.unwrap();
    tokens
}

fn uuid_like(n: usize) -> String {
    hex(&Sha256::digest(
        format!("{n}-{:?}", std::time::SystemTime::now()).as_bytes(),
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_database_never_put_more_people_in_a_slot_than_it_has_counters() {
    let test = TestDatabase::new().await;
    let tokens = citizens(&test, RACERS).await;
    let dir = tempfile::tempdir().unwrap();
    let servers = [
        Server::start(&test.url, dir.path()),
        Server::start(&test.url, dir.path()),
    ];
    let (status, first) = servers[0].exchange(
        "GET",
        &format!("/api/v1/appointments/first?service={SERVICE}&office={OFFICE}&people=1"),
        "",
        "",
    );
    assert_eq!(status, 200, "{first}");
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    let start = first[0]["start"].as_str().expect("a free slot").to_string();
    assert_eq!(first[0]["free"], COUNTERS);

    for round in 0..2 {
        let body = serde_json::json!({
            "service": SERVICE, "office": OFFICE, "start": start, "holders": ["self"]
        })
        .to_string();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(RACERS / 2));
        let answers: Vec<(u16, String)> = std::thread::scope(|scope| {
            let handles: Vec<_> = tokens[round * RACERS / 2..(round + 1) * RACERS / 2]
                .iter()
                .enumerate()
                .map(|(n, token)| {
                    let server = &servers[n % 2];
                    let body = &body;
                    let barrier = barrier.clone();
                    scope.spawn(move || {
                        barrier.wait();
                        server.exchange("POST", "/api/v1/appointments", token, body)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let won = answers.iter().filter(|(s, _)| *s == 201).count();
        let full = answers
            .iter()
            .filter(|(s, b)| *s == 409 && b.contains("slot-full"))
            .count();
        // The first round fills the slot; the second finds it full.
        let expected = if round == 0 { COUNTERS } else { 0 };
        assert_eq!(won, expected, "round {round}: {answers:?}");
        assert_eq!(won + full, RACERS / 2, "round {round}: {answers:?}");
        let wrong = ghiseu_storage::appointments::overbooked_cells(&test.db)
            .await
            .unwrap();
        assert!(wrong.is_empty(), "{wrong:?}");
    }
    drop(servers);
    test.cleanup().await;
}
