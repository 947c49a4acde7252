//! The authority's seal keys: the one that seals new documents, the retired
//! ones that still vouch for documents not yet expired, and the JWK Set
//! (RFC 7517) through which the authority publishes them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan as _};
use p256::ecdsa::{DerSignature, SigningKey, VerifyingKey};
use p256::pkcs8::{
    DecodePrivateKey, EncodePrivateKey, EncodePublicKey, LineEnding, ObjectIdentifier,
};
use rand_core::{OsRng, RngCore};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::der::asn1::GeneralizedTime;
use x509_cert::der::referenced::OwnedToRef as _;
use x509_cert::der::{DateTime, Decode, Encode, EncodePem};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::{Time, Validity};

/// How many years the demo certificate is valid.
const DEMO_YEARS: i64 = 10;
/// File names [`SealKey::write_pem`] writes into its folder.
pub const KEY_FILE: &str = "seal-key.pem";
/// See [`KEY_FILE`].
pub const CERTIFICATE_FILE: &str = "seal-certificate.pem";

const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const PRIME256V1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");

/// What is wrong with a seal key or its certificate.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The key file holds no unencrypted PKCS#8 private key.
    #[error("{path} is not an unencrypted PKCS#8 private key: {detail}")]
    NotPkcs8 {
        /// The file.
        path: PathBuf,
        /// What was found instead.
        detail: String,
    },
    /// The key file holds a PKCS#8 key of another algorithm or curve.
    #[error("{path} holds a {algorithm} key, not an ECDSA P-256 key")]
    NotP256 {
        /// The file.
        path: PathBuf,
        /// The algorithm (and curve) object identifiers found.
        algorithm: String,
    },
    /// The certificate file holds no X.509 certificate.
    #[error("{path} is not an X.509 certificate: {detail}")]
    NotCertificate {
        /// The file.
        path: PathBuf,
        /// What was found instead.
        detail: String,
    },
    /// The certificate is for another public key than the private key's.
    #[error("the certificate {certificate} is not for the private key {key}")]
    Mismatch {
        /// The key file.
        key: PathBuf,
        /// The certificate file.
        certificate: PathBuf,
    },
    /// A key or certificate could not be made or encoded.
    #[error("cannot encode the seal key or its certificate: {0}")]
    Encoding(String),
}

/// The key that seals new documents: a P-256 private key with its X.509
/// certificate.
#[derive(Clone)]
pub struct SealKey {
    signing_key: SigningKey,
    certificate_der: Vec<u8>,
    kid: String,
}

impl fmt::Debug for SealKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealKey")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl SealKey {
    /// Reads the private key (PKCS#8, PEM or DER) and its certificate (PEM or
    /// DER), and checks that they belong together.
    pub fn from_files(key_path: &Path, certificate_path: &Path) -> Result<Self, KeyError> {
        let signing_key = read_private_key(key_path)?;
        let certificate_der = read_certificate(certificate_path)?;
        Self::from_parts(signing_key, certificate_der).ok_or_else(|| KeyError::Mismatch {
            key: key_path.to_path_buf(),
            certificate: certificate_path.to_path_buf(),
        })
    }

    /// A fresh key with a self-signed certificate for `common_name`, valid
    /// for ten years from `now`: for demonstrations and tests, never for
    /// documents people rely on.
    pub fn demo(common_name: &str, now: Timestamp) -> Result<Self, KeyError> {
        let signing_key = SigningKey::random(&mut OsRng);
        let certificate =
            self_signed_certificate(&signing_key, common_name, now).map_err(KeyError::Encoding)?;
        let certificate_der = certificate
            .to_der()
            .map_err(|e| KeyError::Encoding(e.to_string()))?;
        Self::from_parts(signing_key, certificate_der)
            .ok_or_else(|| KeyError::Encoding("the certificate lost its key".to_owned()))
    }

    fn from_parts(signing_key: SigningKey, certificate_der: Vec<u8>) -> Option<Self> {
        let certificate = Certificate::from_der(&certificate_der).ok()?;
        let certified = VerifyingKey::try_from(
            certificate
                .tbs_certificate
                .subject_public_key_info
                .owned_to_ref(),
        )
        .ok()?;
        if &certified != signing_key.verifying_key() {
            return None;
        }
        let kid = kid_of(&certified)?;
        Some(Self {
            signing_key,
            certificate_der,
            kid,
        })
    }

    /// Writes the key and the certificate as PEM into `dir`, as
    /// [`KEY_FILE`] (readable by its owner only) and [`CERTIFICATE_FILE`];
    /// gives their paths, ready for [`SealKey::from_files`].
    pub fn write_pem(&self, dir: &Path) -> Result<(PathBuf, PathBuf), KeyError> {
        let key_path = dir.join(KEY_FILE);
        let certificate_path = dir.join(CERTIFICATE_FILE);
        let key_pem = self
            .signing_key
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| KeyError::Encoding(e.to_string()))?;
        let certificate_pem = Certificate::from_der(&self.certificate_der)
            .and_then(|c| c.to_pem(LineEnding::LF))
            .map_err(|e| KeyError::Encoding(e.to_string()))?;
        write_private(&key_path, key_pem.as_bytes())?;
        std::fs::write(&certificate_path, certificate_pem).map_err(|source| KeyError::Write {
            path: certificate_path.clone(),
            source,
        })?;
        Ok((key_path, certificate_path))
    }

    /// The private key that signs seals.
    pub fn signing_key(&self) -> &SigningKey {
        &self.signing_key
    }

    /// The public key that verifies them.
    pub fn verifying_key(&self) -> &VerifyingKey {
        self.signing_key.verifying_key()
    }

    /// The certificate, DER-encoded.
    pub fn certificate_der(&self) -> &[u8] {
        &self.certificate_der
    }

    /// The key's identifier in seals and in the JWK Set.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// This key's public half, to keep in a [`KeySet`] after a new key takes
    /// over, until `retired_until` (the day the last document it sealed
    /// expires).
    pub fn retire(&self, retired_until: Date) -> RetiredKey {
        RetiredKey {
            kid: self.kid.clone(),
            verifying_key: *self.verifying_key(),
            retired_until,
        }
    }
}

/// A key that no longer seals but still verifies what it sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetiredKey {
    kid: String,
    verifying_key: VerifyingKey,
    retired_until: Date,
}

impl RetiredKey {
    /// A retired key from its public key, listed until `retired_until`;
    /// `None` only if the key cannot be DER-encoded to derive its kid.
    pub fn new(verifying_key: VerifyingKey, retired_until: Date) -> Option<Self> {
        Some(Self {
            kid: kid_of(&verifying_key)?,
            verifying_key,
            retired_until,
        })
    }

    /// A retired key from its certificate file (PEM or DER).
    pub fn from_certificate_file(path: &Path, retired_until: Date) -> Result<Self, KeyError> {
        let der = read_certificate(path)?;
        let not_p256 = |detail: String| KeyError::NotCertificate {
            path: path.to_path_buf(),
            detail,
        };
        let certificate = Certificate::from_der(&der).map_err(|e| not_p256(e.to_string()))?;
        let verifying_key = VerifyingKey::try_from(
            certificate
                .tbs_certificate
                .subject_public_key_info
                .owned_to_ref(),
        )
        .map_err(|e| not_p256(format!("not a P-256 public key ({e})")))?;
        Self::new(verifying_key, retired_until)
            .ok_or_else(|| not_p256("the public key cannot be encoded".to_owned()))
    }

    /// The key's identifier.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The last day it is published.
    pub fn retired_until(&self) -> Date {
        self.retired_until
    }
}

/// The keys that verify the authority's seals: the active one and those
/// retired. [`KeySet::verifying_key`] finds any of them whatever the date;
/// only the published [`KeySet::jwks`] leaves out keys past their date.
#[derive(Debug, Clone)]
pub struct KeySet {
    active: SealKey,
    retired: Vec<RetiredKey>,
}

impl KeySet {
    /// A set with only the active key.
    pub fn new(active: SealKey) -> Self {
        Self {
            active,
            retired: Vec::new(),
        }
    }

    /// The set with one more retired key.
    pub fn with_retired(mut self, key: RetiredKey) -> Self {
        self.retired.push(key);
        self
    }

    /// The key that seals new documents.
    pub fn active(&self) -> &SealKey {
        &self.active
    }

    /// The public key named `kid`, active or retired.
    pub fn verifying_key(&self, kid: &str) -> Option<&VerifyingKey> {
        if self.active.kid == kid {
            return Some(self.active.verifying_key());
        }
        self.retired
            .iter()
            .find(|k| k.kid == kid)
            .map(|k| &k.verifying_key)
    }

    /// The JWK Set to publish on `today`: the active key and the retired
    /// keys whose `retired_until` is not yet past.
    pub fn jwks(&self, today: Date) -> Value {
        let active = (self.active.kid.as_str(), self.active.verifying_key());
        let retired = self
            .retired
            .iter()
            .filter(|k| k.retired_until >= today)
            .map(|k| (k.kid.as_str(), &k.verifying_key));
        let keys: Vec<Value> = std::iter::once(active)
            .chain(retired)
            .map(|(kid, key)| jwk(kid, key))
            .collect();
        json!({ "keys": keys })
    }
}

fn jwk(kid: &str, key: &VerifyingKey) -> Value {
    let point = key.to_encoded_point(false);
    let coordinate = |c: Option<&p256::FieldBytes>| c.map(|c| URL_SAFE_NO_PAD.encode(c));
    json!({
        "kty": "EC",
        "crv": "P-256",
        "x": coordinate(point.x()),
        "y": coordinate(point.y()),
        "kid": kid,
        "alg": "ES256",
        "use": "sig",
    })
}

/// The first 8 bytes of the SHA-256 of the key's SubjectPublicKeyInfo (DER,
/// uncompressed point), base64url without padding. Re-encoding the key rather
/// than hashing the certificate's bytes gives one kid for one key, however a
/// certificate tool chose to encode the point.
fn kid_of(key: &VerifyingKey) -> Option<String> {
    let spki = key.to_public_key_der().ok()?;
    let digest = Sha256::digest(spki.as_bytes());
    Some(URL_SAFE_NO_PAD.encode(&digest[..8]))
}

/// The file's bytes as DER: PEM is decoded if it has `expected_label`.
enum Contents {
    Der(Vec<u8>),
    OtherPem(String),
}

fn read_der(path: &Path, expected_label: &str) -> Result<Contents, KeyError> {
    let bytes = std::fs::read(path).map_err(|source| KeyError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if !bytes.trim_ascii_start().starts_with(b"-----BEGIN ") {
        return Ok(Contents::Der(bytes));
    }
    match x509_cert::der::pem::decode_vec(bytes.trim_ascii()) {
        Ok((label, der)) if label == expected_label => Ok(Contents::Der(der)),
        Ok((label, _)) => Ok(Contents::OtherPem(format!("a PEM \"{label}\" block"))),
        Err(e) => Ok(Contents::OtherPem(format!("unreadable PEM ({e})"))),
    }
}

fn read_private_key(path: &Path) -> Result<SigningKey, KeyError> {
    let not_pkcs8 = |detail: String| KeyError::NotPkcs8 {
        path: path.to_path_buf(),
        detail,
    };
    let der = match read_der(path, "PRIVATE KEY")? {
        Contents::Der(der) => der,
        Contents::OtherPem(found) => return Err(not_pkcs8(found)),
    };
    let info = p256::pkcs8::PrivateKeyInfo::try_from(der.as_slice())
        .map_err(|e| not_pkcs8(e.to_string()))?;
    let curve = info.algorithm.parameters_oid().ok();
    if info.algorithm.oid != EC_PUBLIC_KEY || curve != Some(PRIME256V1) {
        let algorithm = match curve {
            Some(curve) => format!("{} ({curve})", info.algorithm.oid),
            None => info.algorithm.oid.to_string(),
        };
        return Err(KeyError::NotP256 {
            path: path.to_path_buf(),
            algorithm,
        });
    }
    SigningKey::from_pkcs8_der(&der).map_err(|e| not_pkcs8(e.to_string()))
}

fn read_certificate(path: &Path) -> Result<Vec<u8>, KeyError> {
    let not_certificate = |detail: String| KeyError::NotCertificate {
        path: path.to_path_buf(),
        detail,
    };
    let der = match read_der(path, "CERTIFICATE")? {
        Contents::Der(der) => der,
        Contents::OtherPem(found) => return Err(not_certificate(found)),
    };
    Certificate::from_der(&der).map_err(|e| not_certificate(e.to_string()))?;
    Ok(der)
}

fn write_private(path: &Path, contents: &[u8]) -> Result<(), KeyError> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .and_then(|mut file| {
            // The mode above applies only to a new file: an older one keeps
            // its own unless narrowed here.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
            }
            file.write_all(contents)
        })
        .map_err(|source| KeyError::Write {
            path: path.to_path_buf(),
            source,
        })
}

fn self_signed_certificate(
    key: &SigningKey,
    common_name: &str,
    now: Timestamp,
) -> Result<Certificate, String> {
    let subject = Name::from_str(&format!("CN={}", escape_rdn(common_name)))
        .map_err(|e| format!("common name: {e}"))?;
    let expires = now
        .to_zoned(TimeZone::UTC)
        .checked_add(DEMO_YEARS.years())
        .map_err(|e| format!("validity: {e}"))?
        .timestamp();
    let validity = Validity {
        not_before: asn1_time(now)?,
        not_after: asn1_time(expires)?,
    };
    let mut serial = [0u8; 16];
    OsRng.fill_bytes(&mut serial);
    // A positive, non-zero INTEGER as RFC 5280 asks.
    serial[0] = (serial[0] & 0x7f) | 0x01;
    let serial = SerialNumber::new(&serial).map_err(|e| e.to_string())?;
    let spki =
        SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).map_err(|e| e.to_string())?;
    // A leaf, not a certificate authority: the key signs documents (digital
    // signature, non-repudiation), never other certificates.
    let profile = Profile::Leaf {
        issuer: subject.clone(),
        enable_key_agreement: false,
        enable_key_encipherment: false,
    };
    let builder = CertificateBuilder::new(profile, serial, validity, subject, spki, key)
        .map_err(|e| e.to_string())?;
    builder.build::<DerSignature>().map_err(|e| e.to_string())
}

fn asn1_time(at: Timestamp) -> Result<Time, String> {
    let seconds = u64::try_from(at.as_second()).map_err(|_| "a time before 1970".to_owned())?;
    let date_time =
        DateTime::from_unix_duration(Duration::from_secs(seconds)).map_err(|e| e.to_string())?;
    Ok(Time::GeneralTime(GeneralizedTime::from_date_time(
        date_time,
    )))
}

/// Escapes the characters RFC 4514 reserves in a distinguished name's value.
fn escape_rdn(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
