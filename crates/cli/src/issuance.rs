//! Settings of electronic issue for `ghiseu serve`: the signing key and
//! certificate, and the criminal record register.

use ghiseu_app::issuance::Sealer;
use ghiseu_app::issuance::register::{CriminalRecordRegister, DemoRegister};
use ghiseu_seal::SealKey;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The demonstration register's data, built into the binary.
const DEMO_REGISTER: &str = include_str!("../demo/criminal-record-register.toml");

#[derive(clap::Args, Debug, Clone)]
pub struct IssuanceArgs {
    /// The P-256 private key (PKCS#8, PEM or DER) that signs documents issued
    /// electronically and their QR codes. With `--demo` and no key, one is
    /// made once and kept in the data directory (`seal/`).
    #[arg(long, env = "GHISEU_SEAL_KEY", requires = "seal_certificate")]
    seal_key: Option<PathBuf>,
    /// The X.509 certificate of that key (PEM or DER).
    #[arg(long, env = "GHISEU_SEAL_CERTIFICATE", requires = "seal_key")]
    seal_certificate: Option<PathBuf>,
    /// A key retired by a rotation, as `CERTIFICATE_FILE:YYYY-MM-DD`: its
    /// certificate, and the last day a document it sealed is valid. It still
    /// verifies QR codes, and is published, until that day. Repeatable.
    #[arg(
        long = "seal-retired",
        env = "GHISEU_SEAL_RETIRED",
        value_delimiter = ','
    )]
    seal_retired: Vec<String>,
    /// The criminal record register as a data file (see
    /// crates/cli/demo/criminal-record-register.toml); with `--demo` and no
    /// file, that demonstration register.
    #[arg(long, env = "GHISEU_CRIMINAL_RECORD_REGISTER")]
    criminal_record_register: Option<PathBuf>,
}

/// What electronic issue runs with here.
pub struct Issuance {
    pub sealer: Option<Arc<Sealer>>,
    pub register: Option<Arc<dyn CriminalRecordRegister>>,
}

impl IssuanceArgs {
    pub fn load(
        &self,
        demo: bool,
        data_dir: &Path,
        now: jiff::Timestamp,
    ) -> Result<Issuance, String> {
        let key = match (&self.seal_key, &self.seal_certificate) {
            (Some(key), Some(certificate)) => {
                Some(SealKey::from_files(key, certificate).map_err(|e| e.to_string())?)
            }
            _ if demo => Some(demo_key(data_dir, now)?),
            _ => None,
        };
        let register: Option<Arc<dyn CriminalRecordRegister>> = match &self.criminal_record_register
        {
            Some(path) => Some(Arc::new(
                DemoRegister::from_file(path).map_err(|e| e.to_string())?,
            )),
            None if demo => Some(Arc::new(
                DemoRegister::from_toml(DEMO_REGISTER)
                    .map_err(|e| format!("the built-in demonstration register: {e}"))?,
            )),
            None => None,
        };
        let retired = self
            .seal_retired
            .iter()
            .map(|r| retired_key(r))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Issuance {
            sealer: key.map(|k| Arc::new(Sealer::rotated(k, retired))),
            register,
        })
    }
}

/// A retired key from `CERTIFICATE_FILE:YYYY-MM-DD`.
fn retired_key(text: &str) -> Result<ghiseu_seal::RetiredKey, String> {
    let (file, until) = text.rsplit_once(':').ok_or_else(|| {
        format!("--seal-retired {text:?}: write the certificate file, a colon and the last day, e.g. old.pem:2027-06-30")
    })?;
    let until: jiff::civil::Date = until.parse().map_err(|e| {
        format!("--seal-retired {text:?}: {until:?} is not a date (YYYY-MM-DD): {e}")
    })?;
    ghiseu_seal::RetiredKey::from_certificate_file(Path::new(file), until)
        .map_err(|e| format!("--seal-retired {text:?}: {e}"))
}

/// The demonstration key kept in `data_dir/seal`, made on the first start so
/// that what was sealed before a restart still verifies after it.
fn demo_key(data_dir: &Path, now: jiff::Timestamp) -> Result<SealKey, String> {
    let dir = data_dir.join("seal");
    let key = dir.join(ghiseu_seal::KEY_FILE);
    let certificate = dir.join(ghiseu_seal::CERTIFICATE_FILE);
    if key.exists() && certificate.exists() {
        return SealKey::from_files(&key, &certificate).map_err(|e| e.to_string());
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let made = SealKey::demo("Ghiseu demonstration authority", now).map_err(|e| e.to_string())?;
    made.write_pem(&dir).map_err(|e| e.to_string())?;
    Ok(made)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_demonstration_key_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let args = IssuanceArgs {
            seal_key: None,
            seal_certificate: None,
            seal_retired: Vec::new(),
            criminal_record_register: None,
        };
        let now = jiff::Timestamp::now();
        let first = args.load(true, dir.path(), now).unwrap();
        let again = args.load(true, dir.path(), now).unwrap();
        let kid = |i: &Issuance| i.sealer.as_ref().unwrap().keys.active().kid().to_string();
        assert_eq!(kid(&first), kid(&again));
        assert!(first.register.is_some());
        let none = args.load(false, dir.path(), now).unwrap();
        assert!(none.sealer.is_none() && none.register.is_none());
    }

    #[test]
    fn a_rotated_key_keeps_verifying_what_it_sealed_until_its_last_day() {
        let dir = tempfile::tempdir().unwrap();
        let now = jiff::Timestamp::now();
        let old = SealKey::demo("the old key", now).unwrap();
        let old_dir = dir.path().join("old");
        std::fs::create_dir_all(&old_dir).unwrap();
        old.write_pem(&old_dir).unwrap();
        let payload = ghiseu_seal::SealPayload {
            number: "RO-CAZIER-D-2026-000001".into(),
            document_type: "criminal-record-certificate".into(),
            holder_name: "Elena Pop".into(),
            birth_date: None,
            issued_on: "2026-12-01".parse().unwrap(),
            expires_on: "2027-06-01".parse().unwrap(),
        };
        let sealed = ghiseu_seal::seal(&payload, &old).unwrap();
        let certificate = old_dir.join(ghiseu_seal::CERTIFICATE_FILE);
        let args = IssuanceArgs {
            seal_key: None,
            seal_certificate: None,
            seal_retired: vec![format!("{}:2027-06-01", certificate.display())],
            criminal_record_register: None,
        };
        let loaded = args.load(true, &dir.path().join("data"), now).unwrap();
        let keys = &loaded.sealer.as_ref().unwrap().keys;
        assert_ne!(keys.active().kid(), old.kid(), "a new key seals");
        assert_eq!(ghiseu_seal::open(&sealed, keys).unwrap(), payload);
        let published = keys.jwks("2027-05-01".parse().unwrap()).to_string();
        assert!(published.contains(old.kid()), "{published}");
        let later = keys.jwks("2027-06-02".parse().unwrap()).to_string();
        assert!(
            !later.contains(old.kid()),
            "dropped after its last day: {later}"
        );
        for bad in ["no-colon", "old.pem:June", "missing.pem:2027-06-01"] {
            let args = IssuanceArgs {
                seal_retired: vec![bad.into()],
                ..args.clone()
            };
            assert!(args.load(true, dir.path(), now).is_err(), "{bad}");
        }
    }
}
