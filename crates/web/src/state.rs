//! What every request can reach: the application, and what only the HTTP
//! face needs (the page timeout, the upload slots, the metrics token).

use crate::accounts::SessionSettings;
use crate::appointments::person::SessionCache;
use ghiseu_app::cases::pace::UploadLimits;
use ghiseu_app::registry::check::CheckLimits;
use ghiseu_app::{App, CardIdentity, Clock, OnlinePayment};
use ghiseu_domain::catalogue::Catalogue;
use ghiseu_files::DocumentStore;
use ghiseu_i18n::I18n;
use ghiseu_storage::Database;
use std::sync::Arc;
use std::time::Duration;

/// The application and the server's own parts; it reads as the application
/// (`state.db`, `state.catalogue`) and passes as one (`&state` to a use case).
#[derive(Clone, Debug)]
pub struct AppState(Arc<Inner>);

#[derive(Debug)]
pub struct Inner {
    pub app: App,
    /// How long a request may take, but for an upload once it is under way.
    pub page_timeout: Duration,
    pub(crate) metrics_token: Option<String>,
    /// Scans being written at once; the others wait unread, their bytes in
    /// the network's buffers rather than the server's memory.
    pub(crate) upload_slots: tokio::sync::Semaphore,
    /// Who is behind a session, for the booking API, reused for two seconds.
    pub(crate) session_cache: SessionCache,
    /// This server's name among several behind one balancer, answered in
    /// the `Ghiseu-Node` header.
    pub(crate) node_name: Option<axum::http::HeaderValue>,
}

/// How many scans are written to the store at the same time.
const UPLOAD_SLOTS: usize = 8;

/// Settings that differ between deployments.
#[derive(Debug, Clone)]
pub struct Settings {
    pub sessions: SessionSettings,
    pub public_url: String,
    pub card_identity: CardIdentity,
    pub online_payment: OnlinePayment,
    pub documents: Option<DocumentStore>,
    /// How long a request may take; uploads are bounded by `uploads` instead.
    pub page_timeout: Duration,
    pub uploads: UploadLimits,
    /// The bearer token `/metrics` asks for; without one it answers only
    /// requests made on this machine and not through a proxy.
    pub metrics_token: Option<String>,
    /// How many public validity checks are allowed.
    pub checks: CheckLimits,
    /// The signing key of documents issued electronically.
    pub sealer: Option<Arc<ghiseu_app::issuance::Sealer>>,
    /// The criminal record register electronic issue asks.
    pub register: Option<Arc<dyn ghiseu_app::issuance::register::CriminalRecordRegister>>,
    /// With `serve --demo` and no SMTP relay: what the demonstration senders were given.
    pub demo_mailbox: Option<Arc<dyn ghiseu_app::demo_mailbox::DemoMailbox>>,
    /// A name for this server among several behind one balancer, sent back
    /// in a `Ghiseu-Node` header on every response (letters, digits, `.`,
    /// `_` and `-`; anything else is not sent). None: no such header.
    pub node_name: Option<String>,
}

/// How long a request may take when nothing else is said.
pub const DEFAULT_PAGE_TIMEOUT: Duration = Duration::from_secs(30);

impl Default for Settings {
    fn default() -> Self {
        let app = ghiseu_app::Settings::default();
        Settings {
            sessions: app.sessions,
            public_url: app.public_url,
            card_identity: app.card_identity,
            online_payment: app.online_payment,
            documents: app.documents,
            page_timeout: DEFAULT_PAGE_TIMEOUT,
            uploads: app.uploads,
            metrics_token: None,
            checks: app.checks,
            sealer: app.sealer,
            register: app.register,
            demo_mailbox: app.demo_mailbox,
            node_name: None,
        }
    }
}

impl AppState {
    pub fn new(catalogue: Catalogue, db: Database, i18n: I18n, clock: Clock) -> Self {
        Self::with_settings(catalogue, db, i18n, clock, Settings::default())
    }

    pub fn with_settings(
        catalogue: Catalogue,
        db: Database,
        i18n: I18n,
        clock: Clock,
        settings: Settings,
    ) -> Self {
        let app = App::with_settings(
            catalogue,
            db,
            i18n,
            clock,
            ghiseu_app::Settings {
                sessions: settings.sessions,
                public_url: settings.public_url,
                card_identity: settings.card_identity,
                online_payment: settings.online_payment,
                documents: settings.documents,
                uploads: settings.uploads,
                checks: settings.checks,
                sealer: settings.sealer,
                register: settings.register,
                demo_mailbox: settings.demo_mailbox,
            },
        );
        AppState(Arc::new(Inner {
            app,
            page_timeout: settings.page_timeout,
            metrics_token: settings.metrics_token,
            upload_slots: tokio::sync::Semaphore::new(UPLOAD_SLOTS),
            session_cache: Default::default(),
            node_name: settings
                .node_name
                .as_deref()
                .filter(|name| is_node_name(name))
                .and_then(|name| axum::http::HeaderValue::from_str(name).ok()),
        }))
    }

    /// The application behind this server.
    pub fn app(&self) -> &App {
        &self.0.app
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl std::ops::Deref for Inner {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

/// Whether `name` may name a server in the `Ghiseu-Node` header: 1 to 64
/// letters, digits, `.`, `_` or `-`.
pub fn is_node_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}
