//! A citizen's browser session against a real server, for the uploads and submissions
//! benchmarks: sign in (keeping the session cookie), fill the profile through its form, start a
//! draft through the JSON API, read the case page's upload form, upload a scan as a streamed
//! `multipart/form-data` body and submit through the API.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use anyhow::{Context as _, anyhow, bail};
use http_body_util::BodyExt;
use hyper::body::{Body, Bytes, Frame, SizeHint};
use hyper::client::conn::http1::SendRequest;
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE, COOKIE, HOST, HeaderMap, LOCATION, SET_COOKIE};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::signin::{client_address, form_cookie, form_encode, hidden_token};

const SESSION_COOKIE: &str = "ghiseu_session";
const FORM_COOKIE: &str = "ghiseu_form";
const LOGIN_PATH: &str = "/en/account/login";
const PROFILE_PATH: &str = "/en/account/profile";
/// The service every draft is for: a passport, routed by domicile, with scans on its checklist.
pub const SERVICE: &str = "ro.passport.electronic";
/// Slices of the file handed to the connection one at a time, all sharing one allocation.
const FRAME_BYTES: usize = 64 * 1024;
/// Attempts at one preparatory upload answered with a server error.
const UPLOAD_ATTEMPTS: u32 = 8;
const BOUNDARY: &str = "ghiseu-bench-boundary-5f3a9c";

/// A request body made of byte slices sent one frame at a time, with its exact length known:
/// a large file is sent as slices of one shared buffer, never copied per client.
pub struct Chunks {
    parts: VecDeque<Bytes>,
    remaining: u64,
}

impl Chunks {
    pub fn new(parts: impl IntoIterator<Item = Bytes>) -> Chunks {
        let parts: VecDeque<Bytes> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        let remaining = parts.iter().map(|p| p.len() as u64).sum();
        Chunks { parts, remaining }
    }

    pub fn empty() -> Chunks {
        Chunks::new([])
    }

    pub fn len(&self) -> u64 {
        self.remaining
    }
}

impl Body for Chunks {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        Poll::Ready(this.parts.pop_front().map(|part| {
            this.remaining -= part.len() as u64;
            Ok(Frame::data(part))
        }))
    }

    fn is_end_stream(&self) -> bool {
        self.parts.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.remaining)
    }
}

/// `file` as slices of at most [`FRAME_BYTES`], sharing its allocation.
pub fn slices(file: &Bytes) -> impl Iterator<Item = Bytes> + '_ {
    (0..file.len())
        .step_by(FRAME_BYTES)
        .map(move |at| file.slice(at..(at + FRAME_BYTES).min(file.len())))
}

/// A valid PDF of exactly `size` bytes (at least a few hundred), built as
/// `ghiseu_files::fixtures::pdf_with_body` builds its test files.
pub fn pdf_of_size(size: usize) -> Bytes {
    let overhead = ghiseu_files::fixtures::pdf_with_body(b"").len();
    let mut filler_len = size.saturating_sub(overhead);
    // The stream's `/Length` has more digits than the empty one: shrink until the total fits.
    loop {
        let filler = filler(filler_len);
        let file = ghiseu_files::fixtures::pdf_with_body(&filler);
        if file.len() <= size || filler_len == 0 {
            return Bytes::from(file);
        }
        filler_len -= file.len() - size;
    }
}

/// Scan-like bytes that are not all alike (a compressible body would not change the server's
/// memory, but keeps the file honest).
fn filler(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x9e37_79b9;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            // Printable, so that no `endstream` or `%%EOF` can appear by chance.
            b'A' + (state % 26) as u8
        })
        .collect()
}

pub async fn connect(addr: SocketAddr) -> anyhow::Result<SendRequest<Chunks>> {
    let stream = TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    Ok(sender)
}

/// One answer, read whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> anyhow::Result<serde_json::Value> {
        serde_json::from_slice(&self.body)
            .with_context(|| format!("not JSON ({}): {}", self.status, self.text()))
    }
}

fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.split(';').next())
        .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
        .map(str::to_owned)
}

/// The value of a hidden input, e.g. `csrf` or `version`.
pub fn hidden(page: &str, name: &str) -> Option<String> {
    let marker = format!(r#"name="{name}" value=""#);
    let (_, rest) = page.split_once(&marker)?;
    rest.split('"').next().map(str::to_owned)
}

/// The requirement ids the case page offers an upload for.
pub fn requirements(page: &str) -> Vec<String> {
    let marker = r#"name="requirement" value=""#;
    page.match_indices(marker)
        .filter_map(|(at, _)| page[at + marker.len()..].split('"').next())
        .map(str::to_owned)
        .collect()
}

/// A signed-in citizen on one keep-alive connection, with its own client address.
pub struct Citizen {
    pub addr: SocketAddr,
    pub sender: SendRequest<Chunks>,
    pub client: String,
    session: String,
}

async fn send(
    sender: &mut SendRequest<Chunks>,
    request: Request<Chunks>,
) -> anyhow::Result<Answer> {
    sender.ready().await?;
    let response = sender.send_request(request).await?;
    let status = response.status();
    let (parts, body) = response.into_parts();
    let body = body.collect().await?.to_bytes();
    Ok(Answer {
        status,
        headers: parts.headers,
        body,
    })
}

impl Citizen {
    /// Signs in as a browser does: the login form's cookie and token, then the POST.
    pub async fn sign_in(
        addr: SocketAddr,
        index: u64,
        email: &str,
        password: &str,
    ) -> anyhow::Result<Citizen> {
        let client = client_address(index);
        let mut sender = connect(addr).await?;
        let form = Request::get(LOGIN_PATH)
            .header(HOST, addr.to_string())
            .header("x-forwarded-for", &client)
            .body(Chunks::empty())?;
        let form = send(&mut sender, form).await?;
        let (Some(cookie), Some(token)) = (
            form_cookie(&form.headers),
            hidden_token(&form.text()).map(str::to_owned),
        ) else {
            bail!("the login form answered {} without its token", form.status);
        };
        let body = format!(
            "email={}&password={}&form_token={}",
            form_encode(email),
            form_encode(password),
            form_encode(&token)
        );
        let post = Request::builder()
            .method(Method::POST)
            .uri(LOGIN_PATH)
            .header(HOST, addr.to_string())
            .header("x-forwarded-for", &client)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(COOKIE, format!("{FORM_COOKIE}={cookie}"))
            .body(Chunks::new([Bytes::from(body)]))?;
        let answer = send(&mut sender, post).await?;
        let session = cookie_value(&answer.headers, SESSION_COOKIE)
            .filter(|_| answer.status.is_redirection())
            .ok_or_else(|| anyhow!("signing in as {email} answered {}", answer.status))?;
        Ok(Citizen {
            addr,
            sender,
            client,
            session,
        })
    }

    fn request(&self, method: Method, path: &str) -> hyper::http::request::Builder {
        Request::builder()
            .method(method)
            .uri(path)
            .header(HOST, self.addr.to_string())
            .header("x-forwarded-for", &self.client)
            .header(COOKIE, format!("{SESSION_COOKIE}={}", self.session))
    }

    /// One exchange on the citizen's connection, reconnecting once if the server closed it.
    pub async fn exchange(&mut self, request: Request<Chunks>) -> anyhow::Result<Answer> {
        if self.sender.is_closed() {
            self.sender = connect(self.addr).await?;
        }
        send(&mut self.sender, request).await
    }

    pub async fn get(&mut self, path: &str) -> anyhow::Result<Answer> {
        let request = self.request(Method::GET, path).body(Chunks::empty())?;
        self.exchange(request).await
    }

    pub async fn post_form(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<Answer> {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = self
            .request(Method::POST, path)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Chunks::new([Bytes::from(body)]))?;
        self.exchange(request).await
    }

    pub fn json_request(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> anyhow::Result<Request<Chunks>> {
        Ok(self
            .request(Method::POST, path)
            .header(CONTENT_TYPE, "application/json")
            .body(Chunks::new([Bytes::from(serde_json::to_vec(body)?)]))?)
    }

    /// Fills the profile form as a person living in Alba county (routed to the Alba office).
    pub async fn fill_profile(&mut self, index: u64) -> anyhow::Result<()> {
        let page = self.get(PROFILE_PATH).await?;
        let text = page.text();
        let (Some(csrf), Some(version)) = (hidden(&text, "csrf"), hidden(&text, "version")) else {
            bail!("the profile page answered {} without its form", page.status);
        };
        // Letters only, as names are checked; a different one per citizen.
        let given: String = format!("{index:x}")
            .chars()
            .map(|c| char::from(b'a' + c.to_digit(16).map_or(0, |d| d as u8)))
            .collect();
        let given = format!("Elena{given}");
        let fields = [
            ("csrf", csrf.as_str()),
            ("version", version.as_str()),
            ("given_name", given.as_str()),
            ("family_name", "Pop"),
            ("birth_date", "1985-04-27"),
            ("citizenship", "ro"),
            ("domicile_country", "RO"),
            ("domicile_region", "RO-AB"),
            ("domicile_locality", "Alba Iulia"),
            ("preferred_lang", "en"),
            ("notify-application-updates-email", "on"),
        ];
        let saved = self.post_form(PROFILE_PATH, &fields).await?;
        if saved.status != StatusCode::SEE_OTHER {
            bail!(
                "saving the profile answered {} (expected 303): {}",
                saved.status,
                problems(&saved.text())
            );
        }
        Ok(())
    }

    /// Starts a passport draft for oneself through `POST /api/v1/cases`; its id.
    pub async fn start_draft(&mut self) -> anyhow::Result<String> {
        let request = self.json_request(
            "/api/v1/cases",
            &serde_json::json!({"service": SERVICE, "holder": "self"}),
        )?;
        let created = self.exchange(request).await?;
        if created.status != StatusCode::CREATED {
            bail!(
                "POST /api/v1/cases answered {}: {}",
                created.status,
                created.text()
            );
        }
        created.json()?["id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("POST /api/v1/cases answered no id"))
    }

    /// The case page's CSRF token and the requirements it offers an upload for.
    pub async fn upload_form(&mut self, case: &str) -> anyhow::Result<UploadForm> {
        let page = self.get(&format!("/en/applications/{case}")).await?;
        let text = page.text();
        let csrf = hidden(&text, "csrf")
            .ok_or_else(|| anyhow!("the case page answered {} without a form", page.status))?;
        let requirements = requirements(&text);
        if requirements.is_empty() {
            bail!("the case page offers no upload");
        }
        Ok(UploadForm {
            case: case.to_owned(),
            csrf,
            requirements,
        })
    }

    /// The upload request for `file` as the scan of `requirement`, streamed from `file`'s slices.
    pub fn upload_request(
        &self,
        form: &UploadForm,
        requirement: &str,
        file: &Bytes,
    ) -> anyhow::Result<Request<Chunks>> {
        let mut head = String::new();
        for (name, value) in [("csrf", form.csrf.as_str()), ("requirement", requirement)] {
            head.push_str(&format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            ));
        }
        head.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; \
             filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        ));
        let tail = format!("\r\n--{BOUNDARY}--\r\n");
        let body = Chunks::new(
            std::iter::once(Bytes::from(head))
                .chain(slices(file))
                .chain(std::iter::once(Bytes::from(tail))),
        );
        Ok(self
            .request(
                Method::POST,
                &format!("/en/applications/{}/documents", form.case),
            )
            .header(
                CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header(CONTENT_LENGTH, body.len())
            .body(body)?)
    }

    /// Uploads `file` for every requirement of the form, failing unless each is accepted.
    pub async fn upload_all(&mut self, form: &UploadForm, file: &Bytes) -> anyhow::Result<()> {
        for requirement in &form.requirements {
            let mut attempt = 1;
            let answer = loop {
                let request = self.upload_request(form, requirement, file)?;
                let answer = self.exchange(request).await?;
                // SQLite sometimes refuses concurrent writes ("database is locked"): try again.
                if !answer.status.is_server_error() || attempt >= UPLOAD_ATTEMPTS {
                    break answer;
                }
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(20 * u64::from(attempt))).await;
            };
            if !is_accepted_upload(&answer) {
                bail!(
                    "uploading {requirement} answered {}: {}",
                    answer.status,
                    answer.text().chars().take(400).collect::<String>()
                );
            }
        }
        Ok(())
    }
}

/// The error messages of a page refused with its form, or its beginning.
pub fn problems(page: &str) -> String {
    let found: Vec<&str> = page
        .match_indices("error")
        .filter_map(|(at, _)| page[at..].split_once('>').map(|(_, rest)| rest))
        .filter_map(|rest| rest.split('<').next())
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .collect();
    if found.is_empty() {
        page.chars().take(400).collect()
    } else {
        found.join(" | ")
    }
}

/// The case page an accepted upload redirects to.
pub fn is_accepted_upload(answer: &Answer) -> bool {
    answer.status == StatusCode::SEE_OTHER
        && answer
            .headers
            .get(LOCATION)
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.starts_with("/en/applications/") && !l.contains("/documents"))
}

pub struct UploadForm {
    pub case: String,
    pub csrf: String,
    pub requirements: Vec<String>,
}

/// Runs `work` for `0..count`, at most `parallel` at once, keeping the results in order.
pub async fn in_parallel<T, F, Fut>(count: u64, parallel: usize, work: F) -> anyhow::Result<Vec<T>>
where
    T: Send + 'static,
    F: Fn(u64) -> Fut,
    Fut: Future<Output = anyhow::Result<T>> + Send + 'static,
{
    let mut running = tokio::task::JoinSet::new();
    let mut done = Vec::with_capacity(usize::try_from(count)?);
    for index in 0..count {
        if running.len() >= parallel
            && let Some(finished) = running.join_next().await
        {
            done.push(finished??);
        }
        let job = work(index);
        running.spawn(async move { job.await.map(|value| (index, value)) });
    }
    while let Some(finished) = running.join_next().await {
        done.push(finished??);
    }
    done.sort_by_key(|(index, _)| *index);
    Ok(done.into_iter().map(|(_, value)| value).collect())
}

/// Gives up on a preparation step that hangs.
pub async fn bounded<T>(
    what: &str,
    limit: Duration,
    work: impl Future<Output = anyhow::Result<T>>,
) -> anyhow::Result<T> {
    tokio::time::timeout(limit, work)
        .await
        .map_err(|_| anyhow!("{what} took over {limit:?}"))?
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn the_pdf_has_the_size_asked_and_is_accepted() {
        let size = 5 * 1024 * 1024 - 4096;
        let pdf = pdf_of_size(size);
        assert_eq!(pdf.len(), size);
        let sniffed = ghiseu_files::sniff(&pdf[..pdf.len().min(64 * 1024)]).unwrap();
        assert_eq!(sniffed.kind, ghiseu_files::Kind::Pdf);
        assert!(pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"));
    }

    #[test]
    fn slices_share_the_file_and_cover_it() {
        let file = Bytes::from(vec![7u8; 3 * FRAME_BYTES + 5]);
        let parts: Vec<Bytes> = slices(&file).collect();
        assert_eq!(parts.len(), 4);
        assert_eq!(parts.iter().map(Bytes::len).sum::<usize>(), file.len());
        let body = Chunks::new(parts);
        assert_eq!(body.len(), file.len() as u64);
    }

    #[test]
    fn page_fields_are_read() {
        let page = r#"<input type="hidden" name="csrf" value="c5"><input name="requirement" value="photo"><input name="requirement" value="id-card">"#;
        assert_eq!(hidden(page, "csrf").as_deref(), Some("c5"));
        assert_eq!(requirements(page), ["photo", "id-card"]);
        assert_eq!(hidden(page, "version"), None);
    }
}
