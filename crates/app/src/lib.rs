//! Ghiseu's use cases and background jobs: what people and staff can do, and
//! the state it needs (catalogue, database, clock, document store,
//! providers, caches). No HTTP here: the web crate extracts who is asking and
//! what they ask, calls one use case, and renders its answer.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod appointments;
pub mod cases;
pub mod demo_mailbox;
pub mod error;
pub mod invitations;
pub mod issuance;
pub mod keyed;
pub mod metrics;
pub mod notices;
pub mod office;
pub mod organisations;
pub mod payments;
pub mod published;
pub mod refusal;
pub mod registry;
mod state;

pub use error::AppError;
pub use keyed::Keyed;
pub use refusal::{
    BookingRefusal, CaseRefusal, DocumentRefusal, FeeOrderRefusal, Nearby, OfficeRefusal,
    PaymentRefusal, Refusal, RefusalKind,
};
pub use state::{App, CardIdentity, Clock, Inner, OnlinePayment, Settings};
