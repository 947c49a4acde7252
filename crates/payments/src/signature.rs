//! Answers signed with HMAC-SHA256 over a canonical text of their fields.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The shortest key accepted: as long as the hash.
pub const MIN_SECRET_BYTES: usize = 32;

/// A key shared with a provider, kept ready for signing. It never prints.
#[derive(Clone)]
pub struct Secret(HmacSha256);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("the secret is too short: it needs at least {MIN_SECRET_BYTES} bytes")]
    TooShort,
    #[error("no random bytes for a new secret: {0}")]
    Random(String),
}

impl Secret {
    pub fn new(key: &[u8]) -> Result<Secret, SecretError> {
        if key.len() < MIN_SECRET_BYTES {
            return Err(SecretError::TooShort);
        }
        HmacSha256::new_from_slice(key)
            .map(Secret)
            .map_err(|_| SecretError::TooShort)
    }

    /// A fresh random key, for an install that was not given one.
    pub fn random() -> Result<Secret, SecretError> {
        let mut key = [0u8; MIN_SECRET_BYTES];
        getrandom::fill(&mut key).map_err(|e| SecretError::Random(e.to_string()))?;
        Secret::new(&key)
    }

    fn mac(&self, purpose: &str, fields: &[(&str, &str)]) -> HmacSha256 {
        let mut mac = self.0.clone();
        mac.update(canonical(purpose, fields).as_bytes());
        mac
    }

    /// The signature of `fields` for `purpose`, in lowercase hexadecimal.
    pub fn sign(&self, purpose: &str, fields: &[(&str, &str)]) -> String {
        to_hex(self.mac(purpose, fields))
    }

    /// Whether `signature` is this key's signature of `fields`, compared in
    /// constant time.
    pub fn verify(&self, purpose: &str, fields: &[(&str, &str)], signature: &str) -> bool {
        from_hex(signature)
            .is_some_and(|bytes| self.mac(purpose, fields).verify_slice(&bytes).is_ok())
    }
}

impl Secret {
    fn raw_mac(&self, parts: &[&[u8]]) -> HmacSha256 {
        let mut mac = self.0.clone();
        for part in parts {
            mac.update(part);
        }
        mac
    }

    /// The signature of `parts` run together as they are, in lowercase
    /// hexadecimal: for texts whose layout a provider fixes, such as a
    /// webhook's `t.body`.
    pub fn sign_raw(&self, parts: &[&[u8]]) -> String {
        to_hex(self.raw_mac(parts))
    }

    /// Whether `signature` is this key's signature of `parts` run together,
    /// compared in constant time.
    pub fn verify_raw(&self, parts: &[&[u8]], signature: &str) -> bool {
        from_hex(signature).is_some_and(|bytes| self.raw_mac(parts).verify_slice(&bytes).is_ok())
    }
}

fn to_hex(mac: HmacSha256) -> String {
    hex::encode(mac.finalize().into_bytes())
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(hidden)")
    }
}

/// The signed text: what it is for, then each field as `name=LENGTH:value`
/// on its own line. The lengths keep two different answers from reading the
/// same, whatever their values hold.
pub fn canonical(purpose: &str, fields: &[(&str, &str)]) -> String {
    let mut text = format!("{purpose}\n");
    for (name, value) in fields {
        text.push_str(&format!("{name}={}:{value}\n", value.len()));
    }
    text
}

pub(crate) fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const PURPOSE: &str = "test/1";

    fn key(byte: u8) -> Secret {
        Secret::new(&[byte; 32]).unwrap()
    }

    #[test]
    fn a_signature_verifies_with_the_same_key_and_fields() {
        let fields = [("reference", "abc"), ("national_id", "1960523123457")];
        let signature = key(7).sign(PURPOSE, &fields);
        assert_eq!(signature.len(), 64);
        assert!(key(7).verify(PURPOSE, &fields, &signature));
        assert!(key(7).verify(PURPOSE, &fields, &signature.to_uppercase()));
    }

    #[test]
    fn a_changed_field_name_value_or_purpose_fails() {
        let fields = [("reference", "abc"), ("national_id", "1960523123457")];
        let signature = key(7).sign(PURPOSE, &fields);
        let tampered = [("reference", "abc"), ("national_id", "1960523123458")];
        assert!(!key(7).verify(PURPOSE, &tampered, &signature));
        let renamed = [("reference", "abc"), ("national", "1960523123457")];
        assert!(!key(7).verify(PURPOSE, &renamed, &signature));
        assert!(!key(7).verify("other/1", &fields, &signature));
    }

    #[test]
    fn another_key_fails() {
        let fields = [("reference", "abc")];
        let signature = key(7).sign(PURPOSE, &fields);
        assert!(!key(8).verify(PURPOSE, &fields, &signature));
    }

    #[test]
    fn a_malformed_or_shortened_signature_fails() {
        let fields = [("reference", "abc")];
        let signature = key(7).sign(PURPOSE, &fields);
        for bad in ["", "zz", &signature[..62], &format!("{signature}00"), "é"] {
            assert!(!key(7).verify(PURPOSE, &fields, bad), "{bad:?}");
        }
    }

    #[test]
    fn moving_text_between_fields_changes_the_signed_text() {
        let a = canonical(PURPOSE, &[("a", "x\nb=1:y"), ("b", "")]);
        let b = canonical(PURPOSE, &[("a", "x"), ("b", "y")]);
        assert_ne!(a, b);
        assert_ne!(
            canonical(PURPOSE, &[("a", "12"), ("b", "3")]),
            canonical(PURPOSE, &[("a", "1"), ("b", "23")])
        );
    }

    #[test]
    fn raw_signatures_cover_the_bytes_as_they_are() {
        let signature = key(7).sign_raw(&[b"12", b".", b"{}"]);
        assert_eq!(signature.len(), 64);
        assert!(key(7).verify_raw(&[b"12.{}"], &signature));
        assert!(!key(7).verify_raw(&[b"12.{ }"], &signature));
        assert!(!key(8).verify_raw(&[b"12.{}"], &signature));
        assert!(!key(7).verify_raw(&[b"12.{}"], &signature[..62]));
        assert_ne!(signature, key(7).sign(PURPOSE, &[]));
    }

    #[test]
    fn a_short_secret_is_refused_and_none_prints() {
        assert_eq!(Secret::new(&[1; 31]).unwrap_err(), SecretError::TooShort);
        let secret = Secret::new(b"an install's own secret, 32 bytes+").unwrap();
        assert_eq!(format!("{secret:?}"), "Secret(hidden)");
        let random = Secret::random().unwrap();
        assert_ne!(random.sign(PURPOSE, &[]), secret.sign(PURPOSE, &[]));
    }
}
