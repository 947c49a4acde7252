use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use ghiseu_domain::catalogue::Catalogue;
use ghiseu_storage::catalogue_files;
use ghiseu_storage::testing::TestDatabase;
use ghiseu_web::i18n::I18n;
use ghiseu_web::{AppState, CardIdentity, Clock, Settings, router};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub struct TestApp {
    router: Router,
    pub state: AppState,
    /// None for a view of another app's database (see `at`).
    database: Option<TestDatabase>,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Asserts an RFC 9457 problem with this status, and returns it.
    pub fn problem(&self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.text());
        assert_eq!(self.content_type(), "application/problem+json");
        let problem = self.json();
        assert_eq!(problem["status"], status);
        assert!(problem["type"].as_str().unwrap().starts_with("https://"));
        assert!(!problem["title"].as_str().unwrap().is_empty());
        assert!(
            problem["detail"].as_str().unwrap().len() > 10,
            "a problem says what to do"
        );
        problem
    }
}

impl TestApp {
    /// "Now" is Monday 23 November 2026, 10:00 in Bucharest.
    pub async fn new() -> TestApp {
        let database = TestDatabase::new().await;
        let catalogue = Catalogue::load(&catalogue_files::bundled()).expect("bundled catalogue");
        let clock = Clock::Fixed("2026-11-23T08:00:00Z".parse().unwrap());
        let state = AppState::with_settings(
            catalogue,
            database.db.clone(),
            I18n::new().unwrap(),
            clock,
            settings(),
        );
        TestApp {
            router: router(state.clone()),
            state,
            database: Some(database),
        }
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.request(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// Sends `request` but gives up on it after `patience`, dropping its
    /// future as the server drops a request whose client went away.
    pub async fn abandon(&self, request: Request<Body>, patience: std::time::Duration) {
        let call = self.router.clone().oneshot(request);
        let _ = tokio::time::timeout(patience, call).await;
    }

    pub async fn get_with(&self, path: &str, name: &str, value: &str) -> TestResponse {
        self.request(
            Request::get(path)
                .header(name, value)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> TestResponse {
        self.post_raw(path, "application/json", body.to_string())
            .await
    }

    pub async fn post_raw(&self, path: &str, content_type: &str, body: String) -> TestResponse {
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap();
        self.request(request).await
    }

    /// The same database and catalogue with the clock moved to `now`.
    pub fn at(&self, now: &str) -> TestApp {
        let state = AppState::with_settings(
            self.state.catalogue.clone(),
            self.state.db.clone(),
            I18n::new().unwrap(),
            Clock::Fixed(now.parse().unwrap()),
            settings(),
        );
        TestApp {
            router: router(state.clone()),
            state,
            database: None,
        }
    }

    /// The same database, with another catalogue and the clock at `now`.
    pub fn with_catalogue(&self, catalogue: Catalogue, now: &str) -> TestApp {
        let state = AppState::with_settings(
            catalogue,
            self.state.db.clone(),
            I18n::new().unwrap(),
            Clock::Fixed(now.parse().unwrap()),
            settings(),
        );
        TestApp {
            router: router(state.clone()),
            state,
            database: None,
        }
    }

    /// The same database and clock behind reverse proxies in `proxies` (CIDR ranges).
    pub fn behind_proxies(&self, proxies: &[&str]) -> TestApp {
        self.reconfigured(|s| {
            s.sessions.trusted_proxies = proxies.iter().map(|p| p.parse().unwrap()).collect();
        })
    }

    /// The same database and clock with the test settings changed by `change`.
    pub fn reconfigured(&self, change: impl FnOnce(&mut Settings)) -> TestApp {
        let mut settings = settings();
        change(&mut settings);
        let state = AppState::with_settings(
            self.state.catalogue.clone(),
            self.state.db.clone(),
            I18n::new().unwrap(),
            self.state.clock,
            settings,
        );
        TestApp {
            router: router(state.clone()),
            state,
            database: None,
        }
    }

    /// The same database and clock where no bank card provider is configured.
    pub fn without_card_provider(&self) -> TestApp {
        let state = AppState::with_settings(
            self.state.catalogue.clone(),
            self.state.db.clone(),
            I18n::new().unwrap(),
            self.state.clock,
            Settings::default(),
        );
        TestApp {
            router: router(state.clone()),
            state,
            database: None,
        }
    }

    /// The same database and document store, with `clock` and the settings
    /// `change` makes (limits, timeouts).
    pub fn configured(&self, clock: Clock, change: impl FnOnce(&mut Settings)) -> TestApp {
        let mut settings = settings();
        settings.documents = self.state.documents.clone();
        change(&mut settings);
        let state = AppState::with_settings(
            self.state.catalogue.clone(),
            self.state.db.clone(),
            I18n::new().unwrap(),
            clock,
            settings,
        );
        TestApp {
            router: router(state.clone()),
            state,
            database: None,
        }
    }

    /// The same catalogue, clock and database, reached through a pool that
    /// is closed: every query fails as when the database is away.
    pub async fn with_database_away(&self) -> TestApp {
        let url = &self.database.as_ref().expect("the app's own database").url;
        let away = ghiseu_storage::Database::connect(url).await.unwrap();
        away.close().await;
        let state = AppState::with_settings(
            self.state.catalogue.clone(),
            away,
            I18n::new().unwrap(),
            self.state.clock,
            settings(),
        );
        TestApp {
            router: router(state.clone()),
            state,
            database: None,
        }
    }

    pub async fn cleanup(self) {
        if let Some(database) = self.database {
            database.cleanup().await;
        }
    }
}

/// The defaults, with the demonstration bank card and payment providers.
fn settings() -> Settings {
    let secret =
        ghiseu_payments::Secret::new(b"the tests' card provider secret, 32+ bytes").unwrap();
    let demo = ghiseu_payments::DemoCardProvider::new(secret, &Settings::default().public_url);
    let scans = std::env::temp_dir().join(format!("ghiseu-test-scans-{}", uuid::Uuid::now_v7()));
    Settings {
        documents: Some(ghiseu_files::DocumentStore::local(&scans).unwrap()),
        card_identity: CardIdentity::Demo(std::sync::Arc::new(demo)),
        online_payment: ghiseu_web::OnlinePayment::Demo(std::sync::Arc::new(payment_provider())),
        ..Settings::default()
    }
}

/// The demonstration payment provider test apps have, with the same key:
/// tests sign webhooks with it as the provider would.
pub fn payment_provider() -> ghiseu_payments::DemoPaymentProvider {
    let secret =
        ghiseu_payments::Secret::new(b"the tests' payment provider secret, 32+ bytes").unwrap();
    ghiseu_payments::DemoPaymentProvider::new(secret, &Settings::default().public_url)
}

/// A person's browser: keeps the cookies the portal sets and sends them back.
#[derive(Default)]
pub struct Browser {
    cookies: std::collections::BTreeMap<String, String>,
    /// The address the connection comes from, when the test sets one.
    pub peer: Option<std::net::SocketAddr>,
    /// Headers sent with every request (a proxy's, or a forger's).
    pub headers: Vec<(String, String)>,
}

impl Browser {
    /// A browser whose requests come from `ip`.
    pub fn at_address(ip: &str) -> Browser {
        Browser {
            peer: Some(std::net::SocketAddr::new(ip.parse().unwrap(), 40000)),
            ..Browser::default()
        }
    }

    async fn send(&mut self, app: &TestApp, mut request: Request<Body>) -> TestResponse {
        for (name, value) in &self.headers {
            request.headers_mut().insert(
                axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        if let Some(peer) = self.peer {
            request
                .extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
        }
        let response = app.request(request).await;
        self.keep(&response);
        response
    }

    /// The `Cookie` header this browser sends.
    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, response: &TestResponse) {
        for value in response.headers.get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || text.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
    }

    pub async fn get(&mut self, app: &TestApp, path: &str) -> TestResponse {
        let request = Request::get(path)
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())
            .unwrap();
        self.send(app, request).await
    }

    pub async fn post_form(
        &mut self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, self.cookie_header())
            .body(Body::from(body))
            .unwrap();
        self.send(app, request).await
    }

    /// A POST in this browser's session with any content type and body.
    pub async fn post_raw(
        &mut self,
        app: &TestApp,
        path: &str,
        content_type: &str,
        body: &str,
    ) -> TestResponse {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, content_type)
            .header(header::COOKIE, self.cookie_header())
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(app, request).await
    }

    /// A JSON request in this browser's session, with extra headers.
    pub async fn post_json(
        &mut self,
        app: &TestApp,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, self.cookie_header());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(app, request.body(Body::from(body.to_string())).unwrap())
            .await
    }

    /// A request in this browser's session, with its body as given (say,
    /// one that arrives slowly).
    pub async fn send_built(
        &mut self,
        app: &TestApp,
        request: axum::http::request::Builder,
        body: Body,
    ) -> TestResponse {
        let request = request
            .header(header::COOKIE, self.cookie_header())
            .body(body)
            .unwrap();
        self.send(app, request).await
    }

    /// A `multipart/form-data` form: text fields first, then one file.
    pub async fn post_multipart(
        &mut self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
    ) -> TestResponse {
        let boundary = "ghiseu-test-boundary-7d2c";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        let (name, file_name, bytes) = file;
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, self.cookie_header())
            .body(Body::from(body))
            .unwrap();
        self.send(app, request).await
    }
}

fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The value of a hidden input in a page.
pub fn hidden(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no hidden {name}"));
    let rest = &html[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// The password every test person signs in with.
pub const TEST_PASSWORD: &str = "linden river copper lantern";

/// A person with a verified address and `role`, signed in through the
/// registration and login pages; returns their browser and id. Operators work
/// at the Alba passport office, supervisors for its authority, administrators
/// for the whole installation.
pub async fn signed_in(app: &TestApp, email: &str, role: &str) -> (Browser, String) {
    match role {
        "operator" => {
            signed_in_at(
                app,
                email,
                role,
                Some("ro.passport.alba"),
                &["ab-alba-iulia"],
            )
            .await
        }
        "supervisor" => signed_in_at(app, email, role, Some("ro.passport.alba"), &[]).await,
        _ => signed_in_at(app, email, role, None, &[]).await,
    }
}

/// As `signed_in`, posted to an authority and offices.
pub async fn signed_in_at(
    app: &TestApp,
    email: &str,
    role: &str,
    authority: Option<&str>,
    offices: &[&str],
) -> (Browser, String) {
    use ghiseu_storage::accounts;
    let mut browser = Browser::default();
    let form = browser.get(app, "/en/account/register").await;
    let token = hidden(&form.text(), "form_token");
    let fields = [
        ("email", email),
        ("password", TEST_PASSWORD),
        ("confirm", TEST_PASSWORD),
        ("form_token", &token),
    ];
    browser
        .post_form(app, "/en/account/register", &fields)
        .await;
    let person = accounts::person_by_email(&app.state.db, email)
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.state.db.pool().begin().await.unwrap();
    accounts::mark_email_verified(&mut tx, &person.id, app.state.clock.now().as_microsecond())
        .await
        .unwrap();
    if role != "citizen" {
        let posting = ghiseu_storage::staff::Posting {
            authority_id: authority.map(str::to_string),
            office_ids: offices.iter().map(|o| o.to_string()).collect(),
        };
        ghiseu_storage::staff::assign(&mut tx, &person.id, role, &posting, 0)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    (log_in(app, email).await, person.id)
}

/// A fresh browser signed in to an existing account with the test password.
pub async fn log_in(app: &TestApp, email: &str) -> Browser {
    log_in_with(app, email, TEST_PASSWORD).await
}

/// A fresh browser signed in through the login page with `password`.
pub async fn log_in_with(app: &TestApp, email: &str, password: &str) -> Browser {
    let mut browser = Browser::default();
    let form = browser.get(app, "/en/account/login").await;
    let token = hidden(&form.text(), "form_token");
    let fields = [
        ("email", email),
        ("password", password),
        ("form_token", &token),
    ];
    let r = browser.post_form(app, "/en/account/login", &fields).await;
    assert_eq!(r.status, 303, "{email} signs in");
    browser
}

/// A member of staff's anti-forgery token, read from a staff page.
pub async fn staff_csrf(app: &TestApp, staff: &mut Browser) -> String {
    hidden(
        &staff.get(app, "/en/office/guardianships").await.text(),
        "csrf",
    )
}

/// The case's version as stored now.
pub async fn case_version(app: &TestApp, id: &str) -> i64 {
    ghiseu_storage::cases::get(&app.state.db, id)
        .await
        .unwrap()
        .unwrap()
        .version
}
