//! Why a use case did not do what it was asked. The web crate turns each
//! into a problem document or a page; nothing here knows about HTTP.

use crate::refusal::Refusal;
use ghiseu_domain::quote::{FieldError, QuoteError};
use ghiseu_storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Quote(#[from] QuoteError),
    #[error("invalid fields")]
    Fields(Vec<FieldError>),
    /// The request itself is malformed.
    #[error("{detail}")]
    BadRequest { detail: String },
    #[error("not found: {detail}")]
    NotFound { detail: String },
    /// The request is not who it says it is (a bad signature).
    #[error("unauthorised ({code}): {detail}")]
    Unauthorized { code: &'static str, detail: String },
    /// A business refusal: typed, with the data its message needs.
    #[error("refused ({0})")]
    Refused(#[from] Refusal),
    /// What the request names changed meanwhile; sending it again may succeed.
    #[error("conflict: {detail}")]
    Conflict { detail: String },
    /// The case is not in a state where this can be done.
    #[error("invalid transition: {detail}")]
    InvalidTransition {
        current: String,
        allowed: Vec<String>,
        detail: String,
    },
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
    /// The database cannot be reached.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// The document store (where scans are kept) failed; trying again later
    /// may work.
    #[error("document store: {0}")]
    DocumentStore(String),
    /// A scan whose stored file is gone: replaced by a newer one, or removed.
    #[error("not stored: {0}")]
    NotStored(String),
    /// Something that should not happen; the cause is logged, never shown.
    #[error("internal: {0}")]
    Internal(String),
}

impl From<ghiseu_files::StoreError> for AppError {
    fn from(error: ghiseu_files::StoreError) -> Self {
        match error {
            ghiseu_files::StoreError::NotFound(key) => AppError::NotStored(key.to_string()),
            other => AppError::DocumentStore(other.to_string()),
        }
    }
}

impl From<crate::refusal::BookingRefusal> for AppError {
    fn from(refusal: crate::refusal::BookingRefusal) -> Self {
        AppError::Refused(Refusal::Booking(refusal))
    }
}

impl From<crate::refusal::OfficeRefusal> for AppError {
    fn from(refusal: crate::refusal::OfficeRefusal) -> Self {
        AppError::Refused(Refusal::Office(refusal))
    }
}

impl From<crate::refusal::DocumentRefusal> for AppError {
    fn from(refusal: crate::refusal::DocumentRefusal) -> Self {
        AppError::Refused(refusal.into())
    }
}

impl From<crate::refusal::CaseRefusal> for AppError {
    fn from(refusal: crate::refusal::CaseRefusal) -> Self {
        AppError::Refused(refusal.into())
    }
}

impl From<crate::refusal::PaymentRefusal> for AppError {
    fn from(refusal: crate::refusal::PaymentRefusal) -> Self {
        AppError::Refused(Refusal::Payment(refusal))
    }
}

impl From<crate::refusal::FeeOrderRefusal> for AppError {
    fn from(refusal: crate::refusal::FeeOrderRefusal) -> Self {
        AppError::Refused(Refusal::FeeOrder(refusal))
    }
}
