//! `ghiseu person add` through the real binary, checked by signing in on a real `ghiseu serve`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Output, Stdio};

const PASSWORD: &str = "quiet amber kettle orbits the harbour";

fn person_add(data_dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = Command::cargo_bin("ghiseu").unwrap();
    command
        .env_remove("GHISEU_DATABASE_URL")
        .env_remove("GHISEU_DATA_DIR")
        .args(["person", "add", "--data-dir", data_dir.to_str().unwrap()])
        .args(args);
    if let Some(password) = stdin {
        command.arg("--password-stdin").write_stdin(password);
    }
    command.output().unwrap()
}

/// Asserts exit status 2 and one line on stderr containing `says`.
fn refused(output: &Output, says: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(says), "expected {says:?} in {stderr}");
    assert!(output.stdout.is_empty());
}

/// `ghiseu serve` on a data directory, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(data_dir: &Path) -> Server {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ghiseu"))
            .env_remove("GHISEU_DATABASE_URL")
            .env_remove("GHISEU_BEHIND_PROXY")
            .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = common::listening_address(&mut child);
        Server { child, addr }
    }

    /// One request on its own connection: status, headers (lower-case names) and body.
    fn exchange(&self, request: &str) -> (u16, Vec<(String, String)>, String) {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split(' ').nth(1).unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        (status.parse().unwrap(), headers, body.to_string())
    }

    /// Signs in through the login form; answers the status and where it redirects.
    fn sign_in(&self, email: &str, password: &str) -> (u16, Option<String>) {
        let (status, headers, page) = self.exchange(&format!(
            "GET /ro/account/login HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        ));
        assert_eq!(status, 200);
        let cookie = headers
            .iter()
            .find(|(n, v)| n == "set-cookie" && v.starts_with("ghiseu_form="))
            .and_then(|(_, v)| v.split(';').next())
            .unwrap()
            .to_string();
        let token = page
            .split_once(r#"name="form_token" value=""#)
            .and_then(|(_, rest)| rest.split('"').next())
            .unwrap();
        let body = format!(
            "email={}&password={}&form_token={token}",
            email.replace('@', "%40"),
            password.replace(' ', "+")
        );
        let (status, headers, _) = self.exchange(&format!(
            "POST /ro/account/login HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
             Cookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        ));
        let location = headers
            .into_iter()
            .find(|(n, _)| n == "location")
            .map(|(_, v)| v);
        (status, location)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn signed_in() -> (u16, Option<String>) {
    (303, Some("/ro/account".to_string()))
}

#[test]
fn added_people_sign_in_and_an_address_is_added_once() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path();

    let chosen = person_add(
        data_dir,
        &[
            "--email",
            "admin@primaria.example",
            "--role",
            "administrator",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(chosen.status.success(), "{chosen:?}");
    let stdout = String::from_utf8_lossy(&chosen.stdout);
    assert!(
        stdout.contains("administrator admin@primaria.example"),
        "{stdout}"
    );
    assert!(!stdout.contains(PASSWORD), "{stdout}");

    let url = format!("sqlite://{}?mode=rwc", data_dir.join("ghiseu.db").display());
    let generated = person_add(
        Path::new("/nonexistent"),
        &[
            "--email",
            "ana@example.org",
            "--role",
            "citizen",
            "--database-url",
            &url,
        ],
        None,
    );
    assert!(generated.status.success(), "{generated:?}");
    let stdout = String::from_utf8_lossy(&generated.stdout);
    let password = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Password (shown only this once): "))
        .unwrap_or_else(|| panic!("no password in {stdout}"))
        .to_string();

    let again = person_add(
        data_dir,
        &["--email", "admin@primaria.example", "--role", "citizen"],
        Some("another strong passphrase for nobody"),
    );
    refused(&again, "admin@primaria.example is already registered");

    let server = Server::start(data_dir);
    assert_eq!(
        server.sign_in("admin@primaria.example", PASSWORD),
        signed_in()
    );
    assert_eq!(server.sign_in("ana@example.org", &password), signed_in());
    assert_eq!(
        server
            .sign_in(
                "admin@primaria.example",
                "another strong passphrase for nobody"
            )
            .0,
        401
    );
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");

    let malformed = person_add(
        &data_dir,
        &["--email", "not-an-address", "--role", "citizen"],
        Some(PASSWORD),
    );
    refused(&malformed, "--email");

    let weak = person_add(
        &data_dir,
        &["--email", "ana@example.org", "--role", "citizen"],
        Some("password123"),
    );
    refused(&weak, "the password is refused");
    let about_the_person = person_add(
        &data_dir,
        &[
            "--email",
            "andreea.ionescu@example.org",
            "--role",
            "citizen",
        ],
        Some("ionescuandreea"),
    );
    refused(&about_the_person, "too easy to guess");
    let empty = person_add(
        &data_dir,
        &["--email", "ana@example.org", "--role", "citizen"],
        Some(""),
    );
    refused(&empty, "at least 10 characters");

    let role = person_add(
        &data_dir,
        &["--email", "ana@example.org", "--role", "mayor"],
        Some(PASSWORD),
    );
    assert_eq!(role.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&role.stderr).contains("mayor"));

    assert!(!data_dir.exists(), "a refused request created {data_dir:?}");
}
