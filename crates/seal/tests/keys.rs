//! Seal keys: loading, refusing what is not one, and the published JWK Set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ghiseu_seal::{KeyError, KeySet, RetiredKey, SealKey};
use jiff::Timestamp;
use jiff::civil::date;
use p256::pkcs8::{EncodePrivateKey as _, LineEnding};

fn now() -> Timestamp {
    "2026-12-05T09:00:00Z".parse().unwrap()
}

fn demo() -> SealKey {
    SealKey::demo("Cazierul judiciar (demo)", now()).unwrap()
}

#[test]
fn a_demo_key_written_as_pem_loads_back_as_the_same_key() {
    let key = demo();
    let dir = tempfile::tempdir().unwrap();
    let (key_path, certificate_path) = key.write_pem(dir.path()).unwrap();
    let key_pem = std::fs::read_to_string(&key_path).unwrap();
    assert!(key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    let certificate_pem = std::fs::read_to_string(&certificate_path).unwrap();
    assert!(certificate_pem.starts_with("-----BEGIN CERTIFICATE-----"));

    let loaded = SealKey::from_files(&key_path, &certificate_path).unwrap();
    assert_eq!(loaded.kid(), key.kid());
    assert_eq!(loaded.verifying_key(), key.verifying_key());
    assert_eq!(loaded.certificate_der(), key.certificate_der());
    assert_eq!(
        loaded.signing_key().to_bytes(),
        key.signing_key().to_bytes()
    );
}

#[cfg(unix)]
#[test]
fn the_written_private_key_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let (key_path, _) = demo().write_pem(dir.path()).unwrap();
    let mode = std::fs::metadata(key_path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn keys_and_certificates_in_der_load_too() {
    let key = demo();
    let dir = tempfile::tempdir().unwrap();
    let key_path = dir.path().join("key.der");
    let certificate_path = dir.path().join("certificate.der");
    let key_der = key.signing_key().to_pkcs8_der().unwrap();
    std::fs::write(&key_path, key_der.as_bytes()).unwrap();
    std::fs::write(&certificate_path, key.certificate_der()).unwrap();
    let loaded = SealKey::from_files(&key_path, &certificate_path).unwrap();
    assert_eq!(loaded.kid(), key.kid());
}

#[test]
fn a_certificate_of_another_key_is_refused() {
    let dir_a = tempfile::tempdir().unwrap();
    let dir_b = tempfile::tempdir().unwrap();
    let (key_a, _) = demo().write_pem(dir_a.path()).unwrap();
    let (_, certificate_b) = demo().write_pem(dir_b.path()).unwrap();
    match SealKey::from_files(&key_a, &certificate_b) {
        Err(KeyError::Mismatch { key, certificate }) => {
            assert_eq!(key, key_a);
            assert_eq!(certificate, certificate_b);
        }
        other => panic!("expected a mismatch, got {other:?}"),
    }
}

fn written(dir: &Path, name: &str, contents: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn what_is_not_a_pkcs8_p256_key_is_named_in_the_error() {
    let key = demo();
    let dir = tempfile::tempdir().unwrap();
    let (_, certificate) = key.write_pem(dir.path()).unwrap();

    let sec1 = p256::SecretKey::from_bytes(&key.signing_key().to_bytes())
        .unwrap()
        .to_sec1_pem(LineEnding::LF)
        .unwrap();
    let sec1_path = written(dir.path(), "sec1.pem", sec1.as_bytes());
    let error = SealKey::from_files(&sec1_path, &certificate).unwrap_err();
    assert!(matches!(error, KeyError::NotPkcs8 { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("sec1.pem") && message.contains("EC PRIVATE KEY"),
        "{message}"
    );

    let mut ed25519 = hex_bytes("302e020100300506032b657004220420");
    ed25519.extend_from_slice(&[7u8; 32]);
    let ed25519_path = written(dir.path(), "ed25519.der", &ed25519);
    let error = SealKey::from_files(&ed25519_path, &certificate).unwrap_err();
    match &error {
        KeyError::NotP256 { path, algorithm } => {
            assert_eq!(path, &ed25519_path);
            assert_eq!(algorithm, "1.3.101.112");
        }
        other => panic!("expected not P-256, got {other:?}"),
    }

    let error = SealKey::from_files(&certificate, &certificate).unwrap_err();
    assert!(error.to_string().contains("\"CERTIFICATE\""), "{error}");
}

#[test]
fn what_is_not_a_certificate_or_not_there_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let (key, _) = demo().write_pem(dir.path()).unwrap();
    let garbage = written(dir.path(), "garbage.crt", b"not a certificate");
    let error = SealKey::from_files(&key, &garbage).unwrap_err();
    assert!(
        matches!(error, KeyError::NotCertificate { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("garbage.crt"));

    let missing = dir.path().join("missing.pem");
    let error = SealKey::from_files(&missing, &garbage).unwrap_err();
    assert!(matches!(error, KeyError::Read { .. }), "{error:?}");
    assert!(error.to_string().contains("missing.pem"));
}

fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn the_kid_is_eight_bytes_of_base64url_and_differs_between_keys() {
    let a = demo();
    let b = demo();
    assert_eq!(URL_SAFE_NO_PAD.decode(a.kid()).unwrap().len(), 8);
    assert_ne!(a.kid(), b.kid());
}

#[test]
fn the_jwk_set_publishes_each_key_as_an_es256_p256_key() {
    let key = demo();
    let keys = KeySet::new(key.clone());
    let jwks = keys.jwks(date(2026, 12, 5));
    let listed = jwks["keys"].as_array().unwrap();
    assert_eq!(listed.len(), 1);
    let jwk = &listed[0];
    assert_eq!(jwk["kty"], "EC");
    assert_eq!(jwk["crv"], "P-256");
    assert_eq!(jwk["alg"], "ES256");
    assert_eq!(jwk["use"], "sig");
    assert_eq!(jwk["kid"], key.kid());
    let coordinate = |name: &str| URL_SAFE_NO_PAD.decode(jwk[name].as_str().unwrap()).unwrap();
    let (x, y) = (coordinate("x"), coordinate("y"));
    assert_eq!((x.len(), y.len()), (32, 32));
    let point = key.verifying_key().to_encoded_point(false);
    assert_eq!(point.x().unwrap().as_slice(), x.as_slice());
    assert_eq!(point.y().unwrap().as_slice(), y.as_slice());
}

#[test]
fn a_retired_key_is_published_until_its_date_and_then_left_out() {
    let old = demo();
    let current = demo();
    let keys = KeySet::new(current.clone()).with_retired(old.retire(date(2027, 1, 31)));
    let kids = |today| -> Vec<String> {
        keys.jwks(today)["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["kid"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(kids(date(2027, 1, 31)), [current.kid(), old.kid()]);
    assert_eq!(kids(date(2027, 2, 1)), [current.kid()]);
    assert_eq!(keys.verifying_key(old.kid()), Some(old.verifying_key()));
    assert_eq!(
        keys.verifying_key(current.kid()),
        Some(current.verifying_key())
    );
    assert_eq!(keys.verifying_key("AAAAAAAAAAA"), None);
}

#[test]
fn a_retired_key_read_from_its_certificate_keeps_its_kid() {
    let old = demo();
    let dir = tempfile::tempdir().unwrap();
    let (_, certificate) = old.write_pem(dir.path()).unwrap();
    let retired = RetiredKey::from_certificate_file(&certificate, date(2030, 6, 1)).unwrap();
    assert_eq!(retired.kid(), old.kid());
    assert_eq!(retired.retired_until(), date(2030, 6, 1));
    assert_eq!(retired, old.retire(date(2030, 6, 1)));
}

#[test]
fn the_demo_certificate_is_a_ten_year_leaf_for_its_common_name() {
    use x509_cert::der::Decode as _;
    let key = demo();
    let certificate = x509_cert::Certificate::from_der(key.certificate_der()).unwrap();
    let tbs = &certificate.tbs_certificate;
    assert_eq!(tbs.subject.to_string(), "CN=Cazierul judiciar (demo)");
    assert_eq!(tbs.issuer, tbs.subject);
    let seconds = |t: x509_cert::time::Time| t.to_unix_duration().as_secs();
    let start = i64::try_from(seconds(tbs.validity.not_before)).unwrap();
    let end = i64::try_from(seconds(tbs.validity.not_after)).unwrap();
    assert_eq!(start, now().as_second());
    assert_eq!(
        end,
        "2036-12-05T09:00:00Z"
            .parse::<Timestamp>()
            .unwrap()
            .as_second()
    );
    let basic_constraints = x509_cert::der::oid::db::rfc5280::ID_CE_BASIC_CONSTRAINTS;
    let extensions = tbs.extensions.as_deref().unwrap_or_default();
    let is_ca = extensions
        .iter()
        .find(|e| e.extn_id == basic_constraints)
        .map(|e| {
            x509_cert::ext::pkix::BasicConstraints::from_der(e.extn_value.as_bytes())
                .unwrap()
                .ca
        });
    assert_eq!(is_ca, Some(false));
}

#[cfg(unix)]
#[test]
fn a_private_key_written_over_an_older_file_is_narrowed_to_its_owner() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let older = dir.path().join(ghiseu_seal::KEY_FILE);
    std::fs::write(&older, "older").unwrap();
    std::fs::set_permissions(&older, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (key_path, _) = demo().write_pem(dir.path()).unwrap();
    assert_eq!(key_path, older);
    let mode = std::fs::metadata(key_path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}
