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
        Ok(Issuance {
            sealer: key.map(|k| Arc::new(Sealer::new(k))),
            register,
        })
    }
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
}
