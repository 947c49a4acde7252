//! Answers that travel through a person's browser sealed: encrypted and
//! authenticated under the provider's key (XChaCha20-Poly1305), so what they
//! say — a national id — never shows in an address, a proxy's log or the
//! browser's history, and cannot be changed on the way.

use crate::signature::{Secret, from_hex};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const NONCE_BYTES: usize = 24;

/// Why a sealed text cannot be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("the sealed text is not what this key sealed for this reference")]
    Unopenable,
    #[error("no randomness for a nonce")]
    Random,
}

fn cipher(secret: &Secret, purpose: &str) -> Result<XChaCha20Poly1305, SealError> {
    let key = from_hex(&secret.sign_raw(&[b"ghiseu-seal-key/1\n", purpose.as_bytes()]))
        .ok_or(SealError::Unopenable)?;
    XChaCha20Poly1305::new_from_slice(&key).map_err(|_| SealError::Unopenable)
}

/// `plain`, sealed for `purpose` and bound to `reference`, in hexadecimal.
pub fn seal(
    secret: &Secret,
    purpose: &str,
    reference: &str,
    plain: &[u8],
) -> Result<String, SealError> {
    let mut nonce = [0u8; NONCE_BYTES];
    getrandom::fill(&mut nonce).map_err(|_| SealError::Random)?;
    let sealed = cipher(secret, purpose)?
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: reference.as_bytes(),
            },
        )
        .map_err(|_| SealError::Unopenable)?;
    Ok(hex::encode([nonce.as_slice(), sealed.as_slice()].concat()))
}

/// What `seal` sealed, if this key sealed `text` for `purpose` and `reference`.
pub fn open(
    secret: &Secret,
    purpose: &str,
    reference: &str,
    text: &str,
) -> Result<Vec<u8>, SealError> {
    let bytes = from_hex(text).ok_or(SealError::Unopenable)?;
    if bytes.len() <= NONCE_BYTES {
        return Err(SealError::Unopenable);
    }
    let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
    cipher(secret, purpose)?
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: reference.as_bytes(),
            },
        )
        .map_err(|_| SealError::Unopenable)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_text_opens_only_with_its_key_purpose_and_reference() {
        let key = Secret::new(&[7; 32]).unwrap();
        let sealed = seal(&key, "p", "ref-1", b"1960523123457").unwrap();
        assert!(!sealed.contains("1960523123457"));
        assert_eq!(open(&key, "p", "ref-1", &sealed).unwrap(), b"1960523123457");
        let other = Secret::new(&[8; 32]).unwrap();
        assert!(open(&other, "p", "ref-1", &sealed).is_err());
        assert!(open(&key, "q", "ref-1", &sealed).is_err());
        assert!(open(&key, "p", "ref-2", &sealed).is_err());
        let mut flipped = sealed.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
        let flipped = String::from_utf8(flipped).unwrap();
        assert!(open(&key, "p", "ref-1", &flipped).is_err());
        assert!(open(&key, "p", "ref-1", "zz").is_err());
        assert_ne!(sealed, seal(&key, "p", "ref-1", b"1960523123457").unwrap());
    }
}
