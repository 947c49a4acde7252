//! Verifying a QR code's text, as anyone may without signing in: the seal
//! must open with one of the authority's published keys, and the registry
//! then says whether the document it names is still valid (revoked,
//! expired, or not valid for another reason).

use crate::error::AppError;
use crate::registry::check::{CheckAnswer, answer_of, look_up};
use crate::state::App;
use ghiseu_seal::{OpenError, SealPayload};

/// Why a text is not a genuine seal of this authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forged {
    /// Not a Ghiseu QR text at all (no `GHS1:`).
    NotASeal,
    /// Damaged or cut short: it cannot be read.
    Unreadable,
    /// Sealed with a key this authority does not publish.
    UnknownKey,
    /// Changed after it was sealed.
    Altered,
}

impl Forged {
    pub fn code(self) -> &'static str {
        match self {
            Forged::NotASeal => "not-a-seal",
            Forged::Unreadable => "unreadable",
            Forged::UnknownKey => "unknown-key",
            Forged::Altered => "altered",
        }
    }
}

/// What a genuine seal says, and what the registry says of it today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub sealed: SealPayload,
    /// `NoMatch` when the registry holds no document with the sealed number.
    pub answer: CheckAnswer,
}

/// The longest text read (a QR code holds at most about 4,300 characters).
pub const TEXT_MAX_CHARS: usize = 4_400;

/// Verifies the QR text `text`.
pub async fn verify(state: &App, text: &str) -> Result<Result<Verified, Forged>, AppError> {
    let Some(sealer) = state.sealer.as_ref() else {
        return Err(AppError::Unavailable(
            "nothing is issued electronically here".into(),
        ));
    };
    if text.chars().count() > TEXT_MAX_CHARS {
        return Ok(Err(Forged::Unreadable));
    }
    let sealed = match ghiseu_seal::open(text, &sealer.keys) {
        Ok(sealed) => sealed,
        Err(OpenError::NotOurs) => return Ok(Err(Forged::NotASeal)),
        Err(OpenError::Malformed(_) | OpenError::BadPayload(_)) => {
            return Ok(Err(Forged::Unreadable));
        }
        Err(OpenError::UnknownKey { .. }) => return Ok(Err(Forged::UnknownKey)),
        Err(OpenError::BadSignature) => return Ok(Err(Forged::Altered)),
    };
    let answer = match look_up(state, &sealed.number).await? {
        Some(record) => answer_of(state, &record)?,
        None => CheckAnswer::NoMatch,
    };
    Ok(Ok(Verified { sealed, answer }))
}

/// The largest file read: a certificate is about 50 KB.
pub const FILE_MAX_BYTES: usize = 2 * 1024 * 1024;

/// A file that is exactly a document issued here, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognised {
    pub number: String,
    pub answer: CheckAnswer,
}

/// Recognises an uploaded file as a document issued here, unchanged: its
/// SHA-256 is that of an issued file. `None` for any other file, including
/// an issued one with a single byte changed.
pub async fn verify_file(state: &App, content: &[u8]) -> Result<Option<Recognised>, AppError> {
    use sha2::{Digest, Sha256};
    if content.is_empty() || content.len() > FILE_MAX_BYTES {
        return Ok(None);
    }
    let digest = hex::encode(Sha256::digest(content));
    let Some(number) = ghiseu_storage::issued_files::number_by_sha256(&state.db, &digest).await?
    else {
        return Ok(None);
    };
    let answer = match look_up(state, &number).await? {
        Some(record) => answer_of(state, &record)?,
        None => CheckAnswer::NoMatch,
    };
    Ok(Some(Recognised { number, answer }))
}
