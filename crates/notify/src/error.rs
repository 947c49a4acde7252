use crate::mask::scrub_addresses;
use ghiseu_storage::StorageError;
use thiserror::Error;

/// Why a message was not delivered. The text never holds a whole e-mail
/// address or phone number, so it can be logged and stored.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeliveryError {
    /// Trying again will not help: the address is invalid, the server
    /// refused the recipient, the gateway refused the request.
    #[error("permanent failure: {0}")]
    Permanent(String),
    /// Worth another try later: the server or gateway is unreachable, busy or
    /// asked to retry.
    #[error("transient failure: {0}")]
    Transient(String),
}

impl DeliveryError {
    pub fn permanent(reason: impl AsRef<str>) -> DeliveryError {
        DeliveryError::Permanent(scrub_addresses(reason.as_ref()))
    }

    pub fn transient(reason: impl AsRef<str>) -> DeliveryError {
        DeliveryError::Transient(scrub_addresses(reason.as_ref()))
    }

    pub fn is_permanent(&self) -> bool {
        matches!(self, DeliveryError::Permanent(_))
    }
}

/// A mailer or gateway configuration that cannot work.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("the sender address is not valid: {0}")]
    Sender(#[from] lettre::address::AddressError),
    #[error("the SMTP relay cannot be set up: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("the SMS gateway client cannot be set up: {0}")]
    Http(#[from] reqwest::Error),
}

/// The worker could not read or record the outbox.
#[derive(Debug, Error)]
pub enum WorkerError {
    #[error(transparent)]
    Storage(#[from] StorageError),
}
