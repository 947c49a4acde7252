use crate::i18n::I18n;
use crate::metrics::Metrics;
use ghiseu_domain::catalogue::{Authority, Catalogue};
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
    pub(crate) metrics: Metrics,
}

impl AppState {
    pub fn new(catalogue: Catalogue, db: Database, i18n: I18n, clock: Clock) -> Self {
        AppState(Arc::new(Inner {
            catalogue,
            db,
            i18n,
            clock,
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
