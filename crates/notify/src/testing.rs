//! A real SMTP server for tests: Python's aiosmtpd on a free loopback port,
//! writing what it receives to a Maildir, and Python's own parser to read it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::{Sender, SmtpConfig, SmtpSecurity};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

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

/// Starts aiosmtpd as its own command line would, except that the system picks the port while
/// the server binds it, and the port is printed once the server listens. Choosing a free port
/// first and handing it over leaves a moment in which a test running beside it can take the
/// same port, and then both send their mail to one server.
const LISTEN_ON_ANY_PORT: &str = r#"
import asyncio, ssl, sys
from functools import partial
from aiosmtpd.main import parseargs
from aiosmtpd.smtp import SMTP

_, ns = parseargs(sys.argv[1:])
tls = None
if ns.tlscert:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.check_hostname = False
    tls.load_cert_chain(str(ns.tlscert), str(ns.tlskey))
factory = partial(SMTP, ns.handler, data_size_limit=ns.size, enable_SMTPUTF8=ns.smtputf8,
                  tls_context=tls, require_starttls=ns.requiretls)
loop = asyncio.new_event_loop()
server = loop.run_until_complete(loop.create_server(factory, host=ns.host, port=ns.port))
print(server.sockets[0].getsockname()[1], flush=True)
loop.run_forever()
"#;

/// How long aiosmtpd may take to start listening.
const STARTUP_LIMIT: Duration = Duration::from_secs(15);

/// An aiosmtpd process, killed when dropped.
pub struct SmtpServer {
    child: Child,
    pub port: u16,
    maildir: tempfile::TempDir,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        SmtpServer::start_with(tempfile::tempdir().unwrap(), &[])
    }

    /// A server that takes mail only after STARTTLS, with a self-signed
    /// certificate for 127.0.0.1; returns the certificate too.
    pub fn start_requiring_starttls() -> (SmtpServer, String) {
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

    pub fn start_with(maildir: tempfile::TempDir, server_args: &[String]) -> SmtpServer {
        let probe = Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .status();
        if !matches!(probe, Ok(status) if status.success()) {
            panic!(
                "these tests need Python's aiosmtpd as a real SMTP server: \
                 run `python3 -m pip install aiosmtpd`"
            );
        }
        std::fs::write(maildir.path().join("refusing_mailbox.py"), REFUSING_MAILBOX).unwrap();
        std::fs::write(
            maildir.path().join("listen_on_any_port.py"),
            LISTEN_ON_ANY_PORT,
        )
        .unwrap();
        let log = maildir.path().join("server.log");
        let mut child = Command::new("python3")
            .arg(maildir.path().join("listen_on_any_port.py"))
            .args(["-n", "-l", "127.0.0.1:0"])
            .args(server_args)
            .args(["-c", "refusing_mailbox.RefusingMailbox"])
            .arg(maildir.path().join("mail"))
            .env("PYTHONPATH", maildir.path())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        // Read beside the test, so that a server that neither listens nor exits fails the
        // test after STARTUP_LIMIT instead of holding it until the step's own limit.
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut first_line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut first_line);
            let _ = tx.send(first_line);
        });
        let first_line = rx.recv_timeout(STARTUP_LIMIT).unwrap_or_default();
        let Ok(port) = first_line.trim().parse() else {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "aiosmtpd did not start listening within {STARTUP_LIMIT:?}: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        };
        SmtpServer {
            child,
            port,
            maildir,
        }
    }

    pub fn config(&self) -> SmtpConfig {
        plain_smtp_config(self.port)
    }

    /// The files of the messages received so far.
    pub fn received(&self) -> Vec<PathBuf> {
        let new = self.maildir.path().join("mail").join("new");
        match std::fs::read_dir(new) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }
}

pub fn plain_smtp_config(port: u16) -> SmtpConfig {
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
pub fn parse_message(path: &Path) -> Value {
    let script = "import sys, json, email, email.policy\n\
        m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n\
        print(json.dumps({k: str(m[k]) for k in ('From', 'To', 'Subject', 'X-RcptTo', 'Message-ID')}
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

/// The parts of a stored multipart message, read by Python's own e-mail
/// parser: the message's own type, subject and recipient, then for each part its type, its
/// parameters, disposition, file name and decoded body.
pub fn parse_parts(path: &Path) -> Value {
    let script = "import sys, json, email, email.policy\n\
        m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n\
        parts = [{'type': p.get_content_type(), 'params': dict(p.get_params()[1:]),\n\
                  'disposition': p.get_content_disposition(), 'filename': p.get_filename(),\n\
                  'body': p.get_content()} for p in m.iter_parts()]\n\
        print(json.dumps({'type': m.get_content_type(), 'Subject': str(m['Subject']), 'To': str(m['To']), 'parts': parts}))";
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
