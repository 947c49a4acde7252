//! Notification delivery: the worker that empties the outbox, e-mail over
//! SMTP, and SMS through a gateway.
#![forbid(unsafe_code)]

mod email;
mod error;
mod mask;
mod secret;
mod sms;
mod worker;

#[cfg(feature = "test-support")]
pub mod testing;

pub use email::{
    DemoMailer, Email, Mailer, Sender, SentEmail, SmtpConfig, SmtpMailer, SmtpSecurity,
};
pub use error::{ConfigError, DeliveryError, WorkerError};
pub use ghiseu_storage::outbox::Attachment;
pub use mask::{mask_email, mask_phone};
pub use secret::Secret;
pub use sms::{DemoSmsGateway, HttpSmsGateway, SentSms, SmsGateway};
pub use worker::{DeliveryReport, DeliveryWorker, retry_delay};

use std::future::Future;
use std::pin::Pin;

/// What a mailer or an SMS gateway returns: a boxed future, so that both can
/// be held as `Arc<dyn …>` by the worker.
pub type Delivery<'a> = Pin<Box<dyn Future<Output = Result<(), DeliveryError>> + Send + 'a>>;
