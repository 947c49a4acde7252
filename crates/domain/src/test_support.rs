//! The repository's own catalogue, read for tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::catalogue::{Catalogue, SourceFile, Sources};
use std::path::Path;

fn read(dir: &Path, prefix: &str) -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| SourceFile {
            name: format!("{prefix}{}", p.file_name().unwrap().to_string_lossy()),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

pub fn sources() -> Sources {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogue");
    Sources {
        calendars: read(&dir.join("calendars"), "calendars/"),
        authorities: read(&dir, ""),
    }
}

pub fn catalogue() -> Catalogue {
    match Catalogue::load(&sources()) {
        Ok(c) => c,
        Err(errors) => panic!(
            "the repository's catalogue is invalid:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}
