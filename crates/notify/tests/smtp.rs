#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! E-mail through a real SMTP server: Python's aiosmtpd, started by the test
//! on a free loopback port, writing what it receives to a Maildir.

mod common;

use common::{email, t0};
use ghiseu_notify::{
    DeliveryReport, DeliveryWorker, DemoSmsGateway, Mailer, Secret, Sender, SmtpConfig, SmtpMailer,
    SmtpSecurity,
};
use ghiseu_storage::outbox::{self, Status};
use ghiseu_storage::testing::TestDatabase;
use serde_json::{Value, json};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// aiosmtpd's Maildir handler, except that it refuses recipients at
/// `nobody@` for good and those at `busy@` for now, as a real server would.
const REFUSING_MAILBOX: &str = r#"
from aiosmtpd.handlers import Mailbox

class RefusingMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody@"):
            return "550 5.1.1 <%s>: Recipient address rejected" % address
        if address.startswith("busy@"):
            return "450 4.2.1 <%s>: Mailbox busy, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"
"#;

/// An aiosmtpd process, killed when dropped.
struct SmtpServer {
    child: Child,
    port: u16,
    maildir: tempfile::TempDir,
}

impl SmtpServer {
    fn start() -> SmtpServer {
        SmtpServer::start_with(tempfile::tempdir().unwrap(), &[])
    }

    /// A server that takes mail only after STARTTLS, with a self-signed
    /// certificate for 127.0.0.1; returns the certificate too.
    fn start_requiring_starttls() -> (SmtpServer, String) {
        let dir = tempfile::tempdir().unwrap();
        let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
        let made = Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
            ])
            .args(["-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"])
            .args(["-addext", "subjectAltName=IP:127.0.0.1"])
            .args(["-addext", "basicConstraints=critical,CA:FALSE"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .output()
            .expect("openssl makes the test server's certificate");
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        let pem = std::fs::read_to_string(&cert).unwrap();
        let args = [
            "--tlscert".into(),
            cert.display().to_string(),
            "--tlskey".into(),
            key.display().to_string(),
        ];
        (SmtpServer::start_with(dir, &args), pem)
    }

    fn start_with(maildir: tempfile::TempDir, server_args: &[String]) -> SmtpServer {
        let probe = Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .status();
        if !matches!(probe, Ok(status) if status.success()) {
            panic!(
                "these tests need Python's aiosmtpd as a real SMTP server: \
                 run `python3 -m pip install aiosmtpd`"
            );
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        std::fs::write(maildir.path().join("refusing_mailbox.py"), REFUSING_MAILBOX).unwrap();
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(server_args)
            .args(["-c", "refusing_mailbox.RefusingMailbox"])
            .arg(maildir.path().join("mail"))
            .env("PYTHONPATH", maildir.path())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(maildir.path().join("server.log")).unwrap())
            .spawn()
            .unwrap();
        let mut server = SmtpServer {
            child,
            port,
            maildir,
        };
        server.wait_until_listening();
        server
    }

    fn wait_until_listening(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Some(status) = self.child.try_wait().unwrap() {
                let log = std::fs::read_to_string(self.maildir.path().join("server.log"));
                panic!(
                    "aiosmtpd exited before listening ({status}): {}",
                    log.unwrap_or_default()
                );
            }
            assert!(
                Instant::now() < deadline,
                "aiosmtpd is not listening on port {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn config(&self) -> SmtpConfig {
        plain_smtp_config(self.port)
    }

    /// The files of the messages received so far.
    fn received(&self) -> Vec<PathBuf> {
        let new = self.maildir.path().join("mail").join("new");
        match std::fs::read_dir(new) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }
}

fn plain_smtp_config(port: u16) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".into(),
        port,
        from: Sender {
            name: "Ghișeul Alba".into(),
            address: "no-reply@ghiseu.example".into(),
        },
        username: None,
        password: None,
        security: SmtpSecurity::None,
        extra_root_certificate: None,
        timeout: Duration::from_secs(10),
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Headers and decoded text body of a stored message, read by Python's own
/// e-mail parser.
fn parse_message(path: &Path) -> Value {
    let script = "import sys, json, email, email.policy\n\
        m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n\
        print(json.dumps({k: str(m[k]) for k in ('From', 'To', 'Subject', 'X-RcptTo')}
            | {'type': m.get_content_type(), 'charset': m.get_content_charset(), 'body': m.get_content()}))";
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[tokio::test]
async fn a_queued_e_mail_is_delivered_to_a_real_smtp_server() {
    let server = SmtpServer::start();
    let test = TestDatabase::new().await;
    let mut message = email("ana.popescu@example.ro", Some("p-1"));
    message.subject = "Confirmați adresa — ă î ș ț".into();
    message.body = "Bună ziua, Ana!\n\nDiacritice: ă î ș ț â Ă Î Ș Ț Â.\n".into();
    let mut tx = test.db.pool().begin().await.unwrap();
    let id = outbox::enqueue(&mut tx, &message, t0()).await.unwrap();
    tx.commit().await.unwrap();
    let mailer = SmtpMailer::new(&server.config()).unwrap();
    let worker = DeliveryWorker::new(
        test.db.clone(),
        Arc::new(mailer),
        Arc::new(DemoSmsGateway::new()),
    );

    let done = worker.run_once(t0()).await.unwrap();

    assert_eq!(
        done,
        DeliveryReport {
            sent: 1,
            retried: 0,
            failed: 0
        }
    );
    let received = server.received();
    assert_eq!(received.len(), 1, "messages in the Maildir");
    let parsed = parse_message(&received[0]);
    assert_eq!(parsed["X-RcptTo"], "ana.popescu@example.ro");
    assert_eq!(parsed["To"], "ana.popescu@example.ro");
    assert_eq!(parsed["From"], "Ghișeul Alba <no-reply@ghiseu.example>");
    assert_eq!(parsed["Subject"], "Confirmați adresa — ă î ș ț");
    assert_eq!(
        (&parsed["type"], &parsed["charset"]),
        (&json!("text/plain"), &json!("utf-8"))
    );
    assert_eq!(
        parsed["body"].as_str().unwrap().replace("\r\n", "\n"),
        message.body
    );
    let stored = outbox::get(&test.db, &id).await.unwrap().unwrap();
    assert_eq!(stored.status, Status::Sent);
    test.cleanup().await;
}

#[tokio::test]
async fn an_invalid_address_is_a_permanent_failure_and_nothing_is_sent() {
    let server = SmtpServer::start();
    let mailer = SmtpMailer::new(&server.config()).unwrap();

    let error = mailer
        .send("ana.popescu@", "Subiect", "Text")
        .await
        .unwrap_err();

    assert!(error.is_permanent(), "{error}");
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn a_refused_recipient_is_permanent_and_a_busy_one_transient() {
    let server = SmtpServer::start();
    let mailer = SmtpMailer::new(&server.config()).unwrap();

    let refused = mailer
        .send("nobody@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();
    let busy = mailer
        .send("busy@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();

    assert!(
        refused.is_permanent() && refused.to_string().contains("550"),
        "{refused}"
    );
    assert!(
        !refused.to_string().contains("nobody@"),
        "unmasked address in {refused}"
    );
    assert!(
        !busy.is_permanent() && busy.to_string().contains("450"),
        "{busy}"
    );
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn an_unreachable_server_is_a_transient_failure() {
    let closed_port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mailer = SmtpMailer::new(&plain_smtp_config(closed_port)).unwrap();

    let error = mailer
        .send("ana.popescu@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();

    assert!(!error.is_permanent(), "{error}");
}

#[tokio::test]
async fn e_mail_goes_over_starttls_to_a_relay_with_a_trusted_certificate() {
    let (server, certificate) = SmtpServer::start_requiring_starttls();
    let plain = SmtpMailer::new(&server.config()).unwrap();
    let untrusted = SmtpMailer::new(&SmtpConfig {
        security: SmtpSecurity::StartTls,
        ..server.config()
    })
    .unwrap();
    let trusted = SmtpMailer::new(&SmtpConfig {
        security: SmtpSecurity::StartTls,
        extra_root_certificate: Some(certificate),
        ..server.config()
    })
    .unwrap();

    let refused = plain
        .send("ana@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();
    let distrusted = untrusted
        .send("ana@example.ro", "Subiect", "Text")
        .await
        .unwrap_err();
    assert!(server.received().is_empty());
    trusted
        .send("ana@example.ro", "Subiect", "Text în clar?")
        .await
        .unwrap();

    assert!(refused.to_string().contains("530"), "{refused}");
    assert!(!distrusted.is_permanent(), "{distrusted}");
    let received = server.received();
    assert_eq!(received.len(), 1);
    assert_eq!(
        parse_message(&received[0])["body"]
            .as_str()
            .unwrap()
            .trim_end(),
        "Text în clar?"
    );
}

#[test]
fn the_smtp_password_never_shows_in_the_configuration() {
    let mut config = SmtpConfig {
        host: "smtp.example.ro".into(),
        port: 587,
        username: Some("ghiseu".into()),
        password: Some(Secret::new("s3cret-relay-password")),
        security: SmtpSecurity::StartTls,
        ..plain_smtp_config(587)
    };
    assert!(!format!("{config:?}").contains("s3cret"));
    assert!(SmtpMailer::new(&config).is_ok());
    config.from.address = "not an address".into();
    assert!(SmtpMailer::new(&config).is_err());
}
