use crate::accounts::SessionSettings;
use crate::i18n::I18n;
use crate::metrics::Metrics;
use ghiseu_domain::catalogue::{Authority, Catalogue};
use ghiseu_files::DocumentStore;
use ghiseu_payments::{
    CardIdentityProvider, DemoCardProvider, DemoPaymentProvider, PaymentProvider,
};
use ghiseu_storage::Database;
use jiff::Timestamp;
use jiff::civil::Date;
use std::sync::Arc;

/// Where "now" comes from: the system clock, or a fixed instant in tests.
#[derive(Debug, Clone, Copy, Default)]
pub enum Clock {
    #[default]
    System,
    Fixed(Timestamp),
}

impl Clock {
    pub fn now(self) -> Timestamp {
        match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed(t) => t,
        }
    }

    /// Today's date where the authority is.
    pub fn today(self, authority: &Authority) -> Date {
        self.now().to_zoned(authority.time_zone.clone()).date()
    }
}

/// What every request can reach. Nothing here changes after start-up: all
/// state that changes lives in the database, so processes can share it.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Inner>);

#[derive(Debug)]
pub struct Inner {
    pub catalogue: Catalogue,
    pub db: Database,
    pub i18n: I18n,
    pub clock: Clock,
    pub sessions: SessionSettings,
    /// The portal's address as people reach it, for links in messages.
    pub public_url: String,
    pub card_identity: CardIdentity,
    pub online_payment: OnlinePayment,
    /// Where applicants' scans are kept; `None` where uploads are not offered.
    pub documents: Option<DocumentStore>,
    /// Scans being written at once; the others wait unread, their bytes in
    /// the network's buffers rather than the server's memory.
    pub(crate) upload_slots: tokio::sync::Semaphore,
    pub(crate) metrics: Metrics,
}

/// How many scans are written to the store at the same time.
const UPLOAD_SLOTS: usize = 8;

/// Whether people can confirm who they are with a bank card here, and through whom.
#[derive(Clone, Debug, Default)]
pub enum CardIdentity {
    #[default]
    Unavailable,
    /// The demonstration provider, whose page the portal serves itself.
    Demo(Arc<DemoCardProvider>),
    Provider(Arc<dyn CardIdentityProvider>),
}

impl CardIdentity {
    pub fn provider(&self) -> Option<Arc<dyn CardIdentityProvider>> {
        match self {
            CardIdentity::Unavailable => None,
            CardIdentity::Demo(demo) => Some(demo.clone()),
            CardIdentity::Provider(provider) => Some(provider.clone()),
        }
    }

    pub(crate) fn demo(&self) -> Option<&DemoCardProvider> {
        match self {
            CardIdentity::Demo(demo) => Some(demo),
            _ => None,
        }
    }
}

/// Whether fees can be paid online here, and through whom. Without a
/// provider the printable payment order still works.
#[derive(Clone, Debug, Default)]
pub enum OnlinePayment {
    #[default]
    Unavailable,
    /// The demonstration provider, whose page the portal serves itself.
    Demo(Arc<DemoPaymentProvider>),
    Provider(Arc<dyn PaymentProvider>),
}

impl OnlinePayment {
    pub fn provider(&self) -> Option<Arc<dyn PaymentProvider>> {
        match self {
            OnlinePayment::Unavailable => None,
            OnlinePayment::Demo(demo) => Some(demo.clone()),
            OnlinePayment::Provider(provider) => Some(provider.clone()),
        }
    }

    pub(crate) fn demo(&self) -> Option<&DemoPaymentProvider> {
        match self {
            OnlinePayment::Demo(demo) => Some(demo),
            _ => None,
        }
    }
}

/// Settings that differ between deployments.
#[derive(Debug, Clone)]
pub struct Settings {
    pub sessions: SessionSettings,
    pub public_url: String,
    pub card_identity: CardIdentity,
    pub online_payment: OnlinePayment,
    pub documents: Option<DocumentStore>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sessions: SessionSettings::default(),
            public_url: "http://127.0.0.1:8080".into(),
            card_identity: CardIdentity::Unavailable,
            online_payment: OnlinePayment::Unavailable,
            documents: None,
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
        AppState(Arc::new(Inner {
            catalogue,
            db,
            i18n,
            clock,
            sessions: settings.sessions,
            public_url: settings.public_url.trim_end_matches('/').to_string(),
            card_identity: settings.card_identity,
            online_payment: settings.online_payment,
            documents: settings.documents,
            upload_slots: tokio::sync::Semaphore::new(UPLOAD_SLOTS),
            metrics: Metrics::new(),
        }))
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
