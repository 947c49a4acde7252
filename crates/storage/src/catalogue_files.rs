//! Reading catalogue files: from a directory an administrator names, or the
//! catalogue bundled into the binary for the demo.

use crate::StorageError;
use ghiseu_domain::catalogue::{SourceFile, Sources};
use std::path::Path;

macro_rules! bundled_file {
    ($name:literal) => {
        SourceFile {
            name: concat!("catalogue/", $name).to_string(),
            text: include_str!(concat!("../../../catalogue/", $name)).to_string(),
        }
    };
}

/// The catalogue shipped with Ghiseu (the directory `catalogue/` of the repository).
pub fn bundled() -> Sources {
    Sources {
        calendars: vec![
            bundled_file!("calendars/ro.toml"),
            bundled_file!("calendars/md.toml"),
            bundled_file!("calendars/lt.toml"),
        ],
        authorities: vec![
            bundled_file!("ro-passport-alba.toml"),
            bundled_file!("ro-igi.toml"),
            bundled_file!("ro-criminal-record.toml"),
            bundled_file!("md-igm.toml"),
            bundled_file!("lt-migration.toml"),
        ],
    }
}

/// Reads `DIR/*.toml` as authority files and `DIR/calendars/*.toml` as calendars.
pub fn read_dir(dir: &Path) -> Result<Sources, StorageError> {
    let read_toml_files = |dir: &Path| -> Result<Vec<SourceFile>, StorageError> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| StorageError::Catalogue(format!("{}: {e}", dir.display())))?;
        let mut files = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|e| StorageError::Catalogue(format!("{}: {e}", dir.display())))?
                .path();
            if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| StorageError::Catalogue(format!("{}: {e}", path.display())))?;
                files.push(SourceFile {
                    name: path.display().to_string(),
                    text,
                });
            }
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(files)
    };
    let calendars_dir = dir.join("calendars");
    Ok(Sources {
        calendars: if calendars_dir.is_dir() {
            read_toml_files(&calendars_dir)?
        } else {
            Vec::new()
        },
        authorities: read_toml_files(dir)?,
    })
}
