use crate::accounts::SessionSettings;
use crate::metrics::Metrics;
use ghiseu_domain::catalogue::{Authority, Catalogue};
use ghiseu_files::DocumentStore;
use ghiseu_i18n::I18n;
use ghiseu_payments::{
    CardIdentityProvider, DemoCardProvider, DemoPaymentProvider, PaymentProvider,
};
use ghiseu_storage::Database;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use std::sync::Arc;

/// Where "now" comes from: the system clock, a fixed instant in tests, or
/// the system clock moved by an offset (browser tests and demonstrations
/// that need a given day; time still passes).
#[derive(Debug, Clone, Copy, Default)]
pub enum Clock {
    #[default]
    System,
    Fixed(Timestamp),
    Shifted(SignedDuration),
}

impl Clock {
    /// A clock that reads `start` now and runs on from there.
    pub fn starting_at(start: Timestamp) -> Clock {
        Clock::Shifted(start.duration_since(Timestamp::now()))
    }

    pub fn now(self) -> Timestamp {
        match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed(t) => t,
            Clock::Shifted(offset) => shifted(Timestamp::now(), offset),
        }
    }

    /// How far this clock is ahead of the system clock (behind when negative).
    pub fn offset(self) -> SignedDuration {
        match self {
            Clock::System => SignedDuration::ZERO,
            Clock::Fixed(t) => t.duration_since(Timestamp::now()),
            Clock::Shifted(offset) => offset,
        }
    }

    /// Today's date where the authority is.
    pub fn today(self, authority: &Authority) -> Date {
        self.now().to_zoned(authority.time_zone.clone()).date()
    }
}

/// `at` moved by `offset`, or `at` itself where that leaves the range of time.
fn shifted(at: Timestamp, offset: SignedDuration) -> Timestamp {
    at.checked_add(offset).unwrap_or(at)
}

/// What every use case can reach. Nothing here changes after start-up: all
/// state that changes lives in the database, so processes can share it.
#[derive(Clone, Debug)]
pub struct App(Arc<Inner>);

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
    /// How fast uploads must arrive and how many there may be.
    pub uploads: crate::cases::pace::UploadLimits,
    /// How many public validity checks are allowed.
    pub checks: crate::registry::check::CheckLimits,
    /// What the public check read, while this process hears of changes.
    pub check_cache: crate::registry::check::cache::CheckCache,
    /// The public checks' audit entries waiting to be written.
    pub check_audit: crate::registry::check::audit::CheckAudit,
    /// The signing key of documents issued electronically; none where no
    /// service is delivered so.
    pub sealer: Option<Arc<crate::issuance::Sealer>>,
    /// The criminal record register electronic issue asks.
    pub register: Option<Arc<dyn crate::issuance::register::CriminalRecordRegister>>,
    /// With `serve --demo` and no SMTP relay: what the demonstration senders were given.
    pub demo_mailbox: Option<Arc<dyn crate::demo_mailbox::DemoMailbox>>,
    /// Uploads each person has under way, so nobody holds every slot.
    pub uploads_in_flight: Arc<crate::cases::in_flight::UploadsInFlight>,
    pub metrics: Metrics,
    /// Booking limits and the waiting room, as this process sees them.
    pub gate: crate::appointments::gate::Gate,
    /// Taken seats per office day, reused for half a second.
    pub slot_cache: crate::appointments::slots::SlotCache,
    pub seat_queue: crate::appointments::seat_batch::SeatQueue,
    pub session_check: crate::appointments::session_check::SessionCheck,
}

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

    pub fn demo(&self) -> Option<&DemoCardProvider> {
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

    pub fn demo(&self) -> Option<&DemoPaymentProvider> {
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
    pub uploads: crate::cases::pace::UploadLimits,
    /// How many public validity checks are allowed.
    pub checks: crate::registry::check::CheckLimits,
    pub sealer: Option<Arc<crate::issuance::Sealer>>,
    pub register: Option<Arc<dyn crate::issuance::register::CriminalRecordRegister>>,
    /// With `serve --demo` and no SMTP relay: what the demonstration senders were given.
    pub demo_mailbox: Option<Arc<dyn crate::demo_mailbox::DemoMailbox>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sessions: SessionSettings::default(),
            public_url: "http://127.0.0.1:8080".into(),
            card_identity: CardIdentity::Unavailable,
            online_payment: OnlinePayment::Unavailable,
            documents: None,
            uploads: crate::cases::pace::UploadLimits::default(),
            checks: Default::default(),
            sealer: None,
            register: None,
            demo_mailbox: None,
        }
    }
}

impl App {
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
        App(Arc::new(Inner {
            catalogue,
            db,
            i18n,
            clock,
            sessions: settings.sessions,
            public_url: settings.public_url.trim_end_matches('/').to_string(),
            card_identity: settings.card_identity,
            online_payment: settings.online_payment,
            documents: settings.documents,
            uploads: settings.uploads,
            checks: settings.checks,
            check_cache: Default::default(),
            check_audit: Default::default(),
            sealer: settings.sealer,
            register: settings.register,
            demo_mailbox: settings.demo_mailbox,
            uploads_in_flight: Default::default(),
            metrics: Metrics::new(),
            gate: Default::default(),
            slot_cache: Default::default(),
            seat_queue: Default::default(),
            session_check: Default::default(),
        }))
    }
}

impl std::ops::Deref for App {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
